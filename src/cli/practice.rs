//! `k8s-course practice`: the exercises of the course with the learner's state, and
//! `practice check ID [FILE]`, which checks a work file or an answer (exit 0 on pass, 1 with the
//! findings), so practice works in scripts, in a course's CI and in tests.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::Io;
use crate::content::exercise::Exercise;
use crate::content::{Course, Lesson};
use crate::i18n::words;
use crate::practice::lab::{self, Lab};
use crate::practice::{Lang, MAX_ANSWER_BYTES, Note, check, words_lang};
use crate::progress::time::now;
use crate::progress::{Delta, LessonKey, Store, Tracker};
use crate::settings::Settings;
use crate::text::{clean_line, pad_to, truncate_to};

/// What `practice check` was asked.
pub struct CheckRequest<'a> {
    pub id: &'a str,
    /// A file to check instead of the learner's work file (`-` is stdin).
    pub file: Option<&'a str>,
    /// A typed answer (command and quiz kinds).
    pub answer: Option<&'a str>,
    pub lang: Lang,
}

/// Finds exercise `id` (`ID` or `LESSON/ID`) in the course.
pub fn find<'c>(course: &'c Course, id: &str) -> Option<(&'c Lesson, &'c Exercise)> {
    let (lesson_id, ex_id) = match id.split_once('/') {
        Some((l, e)) => (Some(l), e),
        None => (None, id),
    };
    course
        .lessons
        .iter()
        .filter(|l| lesson_id.is_none_or(|want| l.id == want))
        .find_map(|l| l.exercises.iter().find(|e| e.id == ex_id).map(|e| (l, e)))
}

/// `k8s-course practice`: one row per exercise, `ID KIND SLIDE STATE TRIES`.
pub fn list(settings: &Settings, course: &Course, io: &mut Io<'_>) -> std::io::Result<bool> {
    let Some((store, me)) = super::progress::store_and_learner(settings, io)? else {
        return Ok(false);
    };
    let opened = store.open(&me, now());
    let many = course.lessons.len() > 1;
    let all: Vec<(&Lesson, &Exercise)> = course
        .lessons
        .iter()
        .flat_map(|l| l.exercises.iter().map(move |e| (l, e)))
        .collect();
    if all.is_empty() {
        writeln!(io.out, "This course has no exercises.")?;
        return Ok(true);
    }
    let id_of = |l: &Lesson, e: &Exercise| {
        if many {
            format!("{}/{}", l.id, e.id)
        } else {
            e.id.clone()
        }
    };
    let width = all
        .iter()
        .map(|(l, e)| id_of(l, e).len())
        .max()
        .unwrap_or(2)
        .clamp(2, 40);
    writeln!(
        io.out,
        "{}  {}  {}  {}  TRIES",
        pad_to("ID", width),
        pad_to("KIND", 7),
        pad_to("SLIDE", 6),
        pad_to("STATE", 7)
    )?;
    for (lesson, ex) in all {
        let key: LessonKey = (course.id.clone(), lesson.id.clone());
        let record = opened.progress.lesson(&key).and_then(|p| p.exercises.get(&ex.id));
        writeln!(
            io.out,
            "{}  {}  {}  {}  {}",
            pad_to(&truncate_to(&clean_line(&id_of(lesson, ex)), width), width),
            pad_to(ex.kind.name(), 7),
            pad_to(&lesson.id_of(ex.slide), 6),
            pad_to(record.map_or("untried", |r| r.state.name()), 7),
            record.map_or(0, |r| r.tries)
        )?;
    }
    Ok(true)
}

/// Reads a typed answer from a file or stdin, bounded.
fn read_answer(path: &str) -> Result<String, Note> {
    if path == "-" {
        let mut bytes = Vec::new();
        let read = std::io::stdin()
            .lock()
            .take(MAX_ANSWER_BYTES as u64 + 1)
            .read_to_end(&mut bytes);
        if let Err(e) = read {
            return Err(Note::new(
                None,
                "",
                format!("표준 입력을 읽을 수 없습니다: {e}"),
                format!("cannot read stdin: {e}"),
            ));
        }
        return String::from_utf8(bytes).map_err(|_| Note::new(None, "", "UTF-8 텍스트가 아닙니다", "not UTF-8 text"));
    }
    lab::read(Path::new(path))
}

/// `k8s-course practice check ID [FILE]`.
pub fn check_one(
    settings: &Settings,
    course: &Course,
    req: &CheckRequest<'_>,
    io: &mut Io<'_>,
) -> std::io::Result<bool> {
    let Some((lesson, ex)) = find(course, req.id) else {
        writeln!(
            io.err,
            "k8s-course: no exercise '{}': `k8s-course practice` lists them",
            clean_line(req.id)
        )?;
        return Ok(false);
    };
    let me = match settings.learner() {
        Ok(l) => l,
        Err(e) => {
            writeln!(io.err, "k8s-course: {e}")?;
            return Ok(false);
        }
    };
    let data_dir = settings.paths.data_dir.clone();
    // The learner's own work is recorded; a file named on the command line is only checked.
    let own = req.file.is_none();
    let (shown, text): (String, Result<String, Note>) = match (req.answer, req.file) {
        (Some(a), _) => ("answer".into(), Ok(a.to_string())),
        (None, Some("-")) => ("-".into(), read_answer("-")),
        (None, Some(f)) => (f.to_string(), read_answer(f)),
        (None, None) => {
            let Some(dir) = &data_dir else {
                writeln!(
                    io.err,
                    "k8s-course: no data directory for the lab: set K8S_COURSE_DATA_DIR"
                )?;
                return Ok(false);
            };
            let lab = match Lab::new(dir, &me, &lesson.id) {
                Ok(l) => l,
                Err(e) => {
                    writeln!(io.err, "k8s-course: {e}")?;
                    return Ok(false);
                }
            };
            if !ex.kind.is_manifest() {
                writeln!(
                    io.err,
                    "k8s-course: a {} exercise is answered with --answer TEXT (or a FILE holding the answer)",
                    ex.kind.name()
                )?;
                return Ok(false);
            }
            let path: PathBuf = match lab.seed(ex) {
                Ok(p) => p,
                Err(e) => {
                    writeln!(io.err, "k8s-course: cannot create the work file: {e}")?;
                    return Ok(false);
                }
            };
            (path.display().to_string(), lab::read(&path))
        }
    };
    let verdict = match text {
        Ok(t) => check(ex, &t),
        Err(note) => crate::practice::Verdict { notes: vec![note] },
    };
    let passed = verdict.passed();
    if own {
        let mut tracker = Tracker::default();
        let key: LessonKey = (course.id.clone(), lesson.id.clone());
        tracker.exercise_checked(&key, &ex.id, passed, now());
        let delta: Delta = tracker.take_pending();
        if let Err(e) = Store::new(data_dir).save(&me, &delta, now()) {
            writeln!(io.err, "warning: {e}")?;
        }
    }
    if passed {
        let word = words::PRACTICE_PASSED.get(words_lang(req.lang));
        writeln!(io.out, "✓ {}: {word}", ex.id)?;
        return Ok(true);
    }
    for n in &verdict.notes {
        writeln!(io.out, "{}", n.render(&shown, req.lang))?;
        if !n.field_doc.is_empty() {
            writeln!(io.out, "    {}", clean_line(&n.field_doc))?;
        }
    }
    let word = words::PRACTICE_TO_FIX.get(words_lang(req.lang));
    writeln!(io.err, "✗ {}: {}{word}", ex.id, verdict.notes.len())?;
    Ok(false)
}
