//! Files -> [`Course`]: reads every lesson, collects every problem with its `path:line`, and
//! returns the course only when there are no errors.

use std::borrow::Cow;

use serde::Deserialize;

use super::diag::{Diagnostic, Diagnostics};
use super::source::{CourseSource, Layout};
use super::yaml::{self, YamlSource};
use super::{align, embedded, lesson_meta, mojibake, post, script};
use crate::content::{AlignmentSource, Course, Lesson};
use crate::text::clean_line;

/// What loading produced: the course when there were no errors, and every diagnostic either way.
#[derive(Debug)]
pub struct LoadReport {
    pub course: Option<Course>,
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCourse {
    id: String,
    title: String,
    #[serde(default = "default_language")]
    language: String,
    lessons: Vec<String>,
}

fn default_language() -> String {
    "ko".into()
}

/// Loads the course at `source`: every lesson, every problem reported (the built-in course's
/// exercises, which the tests prove have none, are parsed on first use).
pub fn load_course(source: &CourseSource) -> LoadReport {
    load_course_when(source, ExerciseParse::BuiltInOnFirstUse)
}

/// [`load_course`] with the built-in course's exercises parsed at once too: what `check` reports
/// on.
pub fn load_course_in_full(source: &CourseSource) -> LoadReport {
    load_course_when(source, ExerciseParse::Now)
}

fn load_course_when(source: &CourseSource, when: ExerciseParse) -> LoadReport {
    let mut diags = Diagnostics::default();
    let course = load(source, when, &mut diags);
    let course = if diags.has_errors() { None } else { course };
    LoadReport {
        course,
        diagnostics: diags.items,
    }
}

/// The course as `course.yaml` describes it, before any lesson is read.
pub(super) struct Outline {
    pub(super) layout: Layout,
    pub(super) id: String,
    pub(super) title: String,
    pub(super) language: String,
    pub(super) lessons: Vec<String>,
}

/// Loads the course with only the lesson that shows `id` (`LESSON/ID`, or `ID` in the first
/// lesson that has it): `course.yaml` and lessons read one by one, in order, until the slide is
/// found, so `show` on a course of many weeks reads one week. When no lesson has it, every
/// lesson was read and the course holds them all.
pub fn load_course_for(source: &CourseSource, id: &str) -> LoadReport {
    let mut diags = Diagnostics::default();
    let course = outline(source, &mut diags).and_then(|o| {
        let named = id
            .split_once('/')
            .map(|(lesson, _)| lesson)
            .filter(|l| o.lessons.iter().any(|n| n == l));
        let mut lessons = Vec::new();
        for dir in o.lessons.iter().filter(|d| named.is_none_or(|n| n == d.as_str())) {
            let Some(lesson) = load_lesson(source, dir, ExerciseParse::BuiltInOnFirstUse, &mut diags) else {
                continue;
            };
            let found = lesson.resolve(id.rsplit('/').next().unwrap_or(id)).is_some();
            lessons.push(lesson);
            if found && !diags.has_errors() {
                lessons.drain(..lessons.len() - 1);
                break;
            }
        }
        assemble(o, lessons)
    });
    let course = if diags.has_errors() { None } else { course };
    LoadReport {
        course,
        diagnostics: diags.items,
    }
}

fn load(source: &CourseSource, when: ExerciseParse, diags: &mut Diagnostics) -> Option<Course> {
    let o = outline(source, diags)?;
    let lessons: Vec<Lesson> = o
        .lessons
        .iter()
        .filter_map(|dir| load_lesson(source, dir, when, diags))
        .collect();
    assemble(o, lessons)
}

/// The course from its outline and the lessons read.
pub(super) fn assemble(o: Outline, lessons: Vec<Lesson>) -> Option<Course> {
    let first = lessons.first()?;
    let (id, title) = match o.layout {
        Layout::Course => (o.id, o.title),
        Layout::SingleLesson => (first.id.clone(), first.title.clone()),
    };
    Some(Course {
        id,
        title,
        language: o.language,
        lessons,
    })
}

/// Reads `course.yaml` (or recognises a single lesson folder): the lessons' folders, in order.
pub(super) fn outline(source: &CourseSource, diags: &mut Diagnostics) -> Option<Outline> {
    let layout = source.layout().map_err(|d| diags.push(d)).ok()?;
    let (id, title, language, lesson_dirs) = match layout {
        Layout::Course => {
            let path = source.display("course.yaml");
            let text = read_text(source, "course.yaml", diags)?;
            let raw: RawCourse = yaml::parse(&YamlSource {
                path: &path,
                first_line: 1,
                text: &text,
            })
            .map_err(|d| diags.push(d))
            .ok()?;
            if raw.lessons.is_empty() {
                diags.push(Diagnostic::error(
                    &path,
                    yaml::line_of_key(&text, 1, "lessons"),
                    "the course lists no lessons",
                ));
                return None;
            }
            let mut seen: Vec<String> = Vec::new();
            for entry in &raw.lessons {
                let line = text.lines().position(|l| l.contains(entry.as_str())).map(|i| i + 1);
                let name = entry.trim().trim_start_matches("./").trim_end_matches('/').to_string();
                if name.is_empty() {
                    diags.push(Diagnostic::error(
                        &path,
                        line,
                        "an empty lesson entry: name a lesson folder",
                    ));
                } else if seen.contains(&name) {
                    diags.push(Diagnostic::error(
                        &path,
                        line,
                        format!("lesson '{name}' is listed twice"),
                    ));
                }
                seen.push(name);
            }
            if diags.has_errors() {
                return None;
            }
            (
                clean_line(&raw.id),
                clean_line(&raw.title),
                clean_line(&raw.language),
                seen,
            )
        }
        Layout::SingleLesson => (String::new(), String::new(), "ko".to_string(), vec![String::new()]),
    };
    Some(Outline {
        layout,
        id,
        title,
        language,
        lessons: lesson_dirs,
    })
}

fn join(dir: &str, file: &str) -> String {
    if dir.is_empty() {
        file.to_string()
    } else {
        format!("{dir}/{file}")
    }
}

/// The id of the lesson in folder `dir`: its folder's name.
pub(super) fn lesson_id(source: &CourseSource, dir: &str) -> String {
    match source {
        CourseSource::Dir(root) if dir.is_empty() => root
            .canonicalize()
            .ok()
            .and_then(|p| p.file_name().map(|n| clean_line(&n.to_string_lossy())))
            .unwrap_or_else(|| "lesson".into()),
        _ => clean_line(dir.rsplit('/').next().unwrap_or(dir)),
    }
}

/// When a lesson's exercises are parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ExerciseParse {
    /// With the lesson, every problem reported (`check`, a course on disk).
    Now,
    /// In the built-in course, on first use: the player's first frame doesn't need them, and the
    /// tests prove the built-in ones have no problem to report (`exercise::Exercises`). A course
    /// on disk is still parsed at once.
    BuiltInOnFirstUse,
}

/// Loads one lesson folder (`dir` relative to the course root; empty for a single-lesson
/// course), its exercises parsed `when` it says.
pub(super) fn load_lesson(
    source: &CourseSource,
    dir: &str,
    when: ExerciseParse,
    diags: &mut Diagnostics,
) -> Option<Lesson> {
    let post_rel = join(dir, "post.md");
    let post_path = source.display(&post_rel);
    let text = read_text(source, &post_rel, diags)?;
    let post = post::parse(&post_path, &text, diags)?;
    let script_rel = join(dir, "script.txt");
    let script = if source.exists(&script_rel) {
        let path = source.display(&script_rel);
        read_text(source, &script_rel, diags).and_then(|t| script::parse(&path, &t, diags))
    } else {
        None
    };
    let mut lesson = Lesson {
        id: lesson_id(source, dir),
        title: post.front.title.clone(),
        post_path,
        front: post.front,
        card: post.card,
        chapters: post.chapters,
        script,
        alignment: Vec::new(),
        alignment_source: AlignmentSource::None,
        aliases: Vec::new(),
        diagrams: Vec::new(),
        exercises: Default::default(),
    };
    let meta_rel = join(dir, "lesson.yaml");
    if source.exists(&meta_rel) {
        let path = source.display(&meta_rel);
        if let Some(text) = read_text(source, &meta_rel, diags) {
            let meta = match (when, &text) {
                // Borrowed: a file of the built-in course.
                (ExerciseParse::BuiltInOnFirstUse, Cow::Borrowed(text)) => {
                    lesson_meta::parse_built_in(&path, text, &lesson, diags)
                }
                _ => lesson_meta::parse(&path, &text, &lesson, diags),
            };
            lesson.aliases = meta.aliases;
            lesson.exercises = meta.exercises;
            super::diagram_meta::place(&mut lesson, meta.diagrams);
            if let Some(alignment) = meta.alignment {
                lesson.alignment = alignment;
                lesson.alignment_source = AlignmentSource::LessonFile;
            }
        }
    }
    if lesson.script.is_some() && lesson.alignment_source == AlignmentSource::None {
        let auto = align::auto_align(&lesson);
        lesson.alignment = auto.slides;
        lesson.alignment_source = AlignmentSource::Automatic;
        if let Some(script) = &lesson.script {
            let path = source.display(&script_rel);
            let (last_seg, last_slide) = (script.segments.len() - 1, lesson.slide_count() - 1);
            for &j in &auto.unsupported {
                let slide = lesson.alignment[j].0;
                // A greeting on the first slide and the thanks on the last need no shared term.
                if (j == 0 && slide == 0) || (j == last_seg && slide == last_slide) {
                    continue;
                }
                let seg = &script.segments[j];
                diags.push(Diagnostic::warning(
                    &path,
                    Some(seg.line),
                    format!(
                        "segment {} shares no term with slide {}, where automatic alignment put it by position: \
                         map it under narration: in lesson.yaml",
                        seg.number,
                        lesson.id_of(lesson.alignment[j])
                    ),
                ));
            }
        }
    }
    Some(lesson)
}

/// Reads a file as text: UTF-8 (a BOM is dropped), not mojibake, LF line endings. A built-in
/// file is all that already (`embedded`'s tests prove it) and is borrowed as it is.
fn read_text(source: &CourseSource, rel: &str, diags: &mut Diagnostics) -> Option<Cow<'static, str>> {
    if let CourseSource::BuiltIn = source
        && let Some(text) = embedded::file(rel)
    {
        return Some(Cow::Borrowed(text));
    }
    let path = source.display(rel);
    let bytes = source.read(rel).map_err(|d| diags.push(d)).ok()?;
    decode(&path, bytes).map(Cow::Owned).map_err(|d| diags.push(d)).ok()
}

/// Bytes -> text, or a message saying what the encoding problem is and where.
pub fn decode(path: &str, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            let column = at - bytes[..at].iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1) + 1;
            return Err(Diagnostic::error(
                path,
                Some(line),
                format!("not UTF-8 (byte 0x{:02x}): save the file as UTF-8", bytes[at]),
            )
            .with_column(Some(column)));
        }
    };
    let text = text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text);
    if let Some(m) = mojibake::detect(&text) {
        return Err(Diagnostic::error(path, Some(m.line), m.message()).with_column(Some(m.column)));
    }
    if text.contains('\r') {
        return Ok(text.replace("\r\n", "\n").replace('\r', "\n"));
    }
    Ok(text)
}
