//! The progress file: human-readable, versioned YAML. `schema` says which layout follows; a file
//! from a newer k8s-course is recognised and left alone, and an older layout is upgraded here.
//!
//! To change the layout: add `FileV2`, bump [`SCHEMA`], make [`decode`] read a `schema: 1` file as
//! `FileV1` and convert it (that is the migration path), and write only the newest layout.
//!
//! Schema 2 added `exercises:` (practice state, tries, time) to each lesson. Every other field is
//! as in schema 1, so a `schema: 1` file is read by the same structs with no exercises (that is
//! its migration) and written back as schema 2. A k8s-course that knows only schema 1 sees a
//! schema-2 file as from a newer version and leaves it alone.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::time::{format_utc, parse_utc};
use super::{ExerciseProgress, ExerciseState, LessonProgress, Progress};
use crate::content::yaml::{YamlSource, parse, to_string};
use crate::text::clean_line;

/// The layout this version writes.
pub const SCHEMA: u64 = 2;

/// The oldest layout still read (and migrated on the next save).
pub const OLDEST_SCHEMA: u64 = 1;

/// More checks of one exercise than a person makes; a file claiming more was not written by us.
pub const MAX_TRIES: u32 = 1_000_000;

const HEADER: &str = "# k8s-course progress: where this learner stopped, what they visited, completed and\n\
# bookmarked, and the seconds spent per slide. Written by k8s-course; safe to read, edit with care\n\
# (keep the last line: a file without it is taken as cut short).\n";

/// Time on one slide, summed over every session, above which a file is not believed: a year.
pub const MAX_SLIDE_SECONDS: u64 = 366 * 86_400;

/// The last line of every file written, so a file cut short is recognised as such.
const END: &str = "# end";

#[derive(Debug, Deserialize)]
struct Probe {
    schema: Option<u64>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileV1 {
    schema: u64,
    learner: String,
    /// Course id -> lesson id -> record.
    #[serde(default)]
    courses: BTreeMap<String, BTreeMap<String, LessonV1>>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct LessonV1 {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    last_slide: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    first_opened: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    last_opened: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    last_seen: Option<String>,
    #[serde(default)]
    visited: Vec<String>,
    #[serde(default)]
    completed: Vec<String>,
    #[serde(default)]
    bookmarks: Vec<String>,
    #[serde(default)]
    seconds: BTreeMap<String, u64>,
    /// Where the narration was left (script ms) and its speed (`1.5x`); optional, so files
    /// written before these existed read as before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    narration_ms: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    speed: Option<String>,
    /// Schema 2: exercise id -> record.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    exercises: BTreeMap<String, ExerciseV2>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExerciseV2 {
    state: String,
    #[serde(default)]
    tries: u32,
    #[serde(default)]
    seconds: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    last_try: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    passed_at: Option<String>,
}

/// What a file turned out to hold.
#[derive(Debug, PartialEq, Eq)]
pub enum Decoded {
    Ok(Progress),
    /// Written by a newer k8s-course (its schema number): read-only, never overwritten.
    Future(u64),
    /// Not a progress file (why, with the line when known).
    Corrupt(String),
}

/// Reads a progress file's bytes. `path` is only used in messages.
pub fn decode(path: &str, bytes: &[u8]) -> Decoded {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Decoded::Corrupt("not UTF-8".into());
    };
    if !text.trim_end().ends_with(END) {
        return Decoded::Corrupt(format!("cut short: the last line `{END}` is missing"));
    }
    let src = YamlSource {
        path,
        first_line: 1,
        text,
    };
    let schema = match parse::<Probe>(&src) {
        Ok(Probe { schema: Some(s) }) => s,
        Ok(Probe { schema: None }) => return Decoded::Corrupt("no `schema:` line".into()),
        Err(d) => return Decoded::Corrupt(d.to_string()),
    };
    match schema {
        OLDEST_SCHEMA..=SCHEMA => match parse::<FileV1>(&src) {
            Ok(file) => from_v1(file).map_or_else(Decoded::Corrupt, Decoded::Ok),
            Err(d) => Decoded::Corrupt(d.to_string()),
        },
        s if s > SCHEMA => Decoded::Future(s),
        s => Decoded::Corrupt(format!("unknown schema {s}")),
    }
}

fn from_v1(file: FileV1) -> Result<Progress, String> {
    let mut progress = Progress::default();
    let time = |t: Option<String>| match t {
        None => Ok(None),
        Some(s) => parse_utc(&s)
            .map(Some)
            .ok_or_else(|| format!("'{s}' is not a time like 2026-11-22T15:04:05Z")),
    };
    for (course, lessons) in file.courses {
        for (lesson, l) in lessons {
            if let Some((slide, secs)) = l.seconds.iter().find(|&(_, &s)| s > MAX_SLIDE_SECONDS) {
                return Err(format!(
                    "seconds for slide '{slide}' in lesson '{lesson}' is {secs}, more than a year: not a time this program counted"
                ));
            }
            // Ids are printed by `progress` and matched against the course: a hand-edited file
            // can hold controls (a tab in a lesson id once reached stdout raw), so they are cleaned
            // like any text from a file. Two ids that clean alike keep the first record.
            let record = LessonProgress {
                last_slide: l.last_slide.as_deref().map(clean_line),
                first_opened: time(l.first_opened)?,
                last_opened: time(l.last_opened)?,
                last_seen: time(l.last_seen)?,
                visited: l.visited.iter().map(|s| clean_line(s)).collect(),
                completed: l.completed.iter().map(|s| clean_line(s)).collect(),
                bookmarks: l.bookmarks.iter().map(|s| clean_line(s)).collect(),
                seconds: l.seconds.iter().fold(BTreeMap::new(), |mut m, (k, &v)| {
                    m.entry(clean_line(k)).or_insert(v);
                    m
                }),
                narration_ms: l.narration_ms,
                speed: l.speed.map(|s| clean_line(&s)),
                exercises: exercises(&lesson, l.exercises, &time)?,
            };
            progress
                .lessons
                .entry((clean_line(&course), clean_line(&lesson)))
                .or_insert(record);
        }
    }
    Ok(progress)
}

fn exercises(
    lesson: &str,
    raw: BTreeMap<String, ExerciseV2>,
    time: &dyn Fn(Option<String>) -> Result<Option<crate::progress::time::Unix>, String>,
) -> Result<BTreeMap<String, ExerciseProgress>, String> {
    let mut out = BTreeMap::new();
    for (id, e) in raw {
        let Some(state) = ExerciseState::parse(&e.state) else {
            return Err(format!(
                "exercise '{id}' in lesson '{lesson}' has state '{}': expected untried, failed or passed",
                e.state
            ));
        };
        if e.tries > MAX_TRIES || e.seconds > MAX_SLIDE_SECONDS {
            return Err(format!(
                "exercise '{id}' in lesson '{lesson}' has {} tries and {} seconds: not what this program counted",
                e.tries, e.seconds
            ));
        }
        out.insert(
            clean_line(&id),
            ExerciseProgress {
                state,
                tries: e.tries,
                seconds: e.seconds,
                last_try: time(e.last_try)?,
                passed_at: time(e.passed_at)?,
            },
        );
    }
    Ok(out)
}

/// The file's text for `learner`'s `progress`.
pub fn encode(learner: &str, progress: &Progress) -> Result<String, String> {
    let mut courses: BTreeMap<String, BTreeMap<String, LessonV1>> = BTreeMap::new();
    for ((course, lesson), l) in &progress.lessons {
        courses.entry(course.clone()).or_default().insert(
            lesson.clone(),
            LessonV1 {
                last_slide: l.last_slide.clone(),
                first_opened: l.first_opened.map(format_utc),
                last_opened: l.last_opened.map(format_utc),
                last_seen: l.last_seen.map(format_utc),
                visited: l.visited.iter().cloned().collect(),
                completed: l.completed.iter().cloned().collect(),
                bookmarks: l.bookmarks.iter().cloned().collect(),
                seconds: l.seconds.clone(),
                narration_ms: l.narration_ms,
                speed: l.speed.clone(),
                exercises: l
                    .exercises
                    .iter()
                    .map(|(id, e)| {
                        let record = ExerciseV2 {
                            state: e.state.name().to_string(),
                            tries: e.tries,
                            seconds: e.seconds,
                            last_try: e.last_try.map(format_utc),
                            passed_at: e.passed_at.map(format_utc),
                        };
                        (id.clone(), record)
                    })
                    .collect(),
            },
        );
    }
    let file = FileV1 {
        schema: SCHEMA,
        learner: learner.to_string(),
        courses,
    };
    Ok(format!("{HEADER}{}{END}\n", to_string(&file)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Progress {
        let mut p = Progress::default();
        let l = p
            .lessons
            .entry(("cloud-security-7".into(), "week07".into()))
            .or_default();
        l.last_slide = Some("2.2.2".into());
        l.first_opened = Some(1_795_446_245);
        l.last_opened = Some(1_795_449_845);
        l.visited.extend(["title".to_string(), "2.2.2".to_string()]);
        l.completed.insert("title".into());
        l.bookmarks.insert("2.2.2".into());
        l.seconds.insert("title".into(), 42);
        l.exercises.insert(
            "pod-fix".into(),
            ExerciseProgress {
                state: ExerciseState::Passed,
                tries: 3,
                seconds: 95,
                last_try: Some(1_795_449_845),
                passed_at: Some(1_795_449_845),
            },
        );
        p
    }

    #[test]
    fn a_schema_1_file_is_read_and_written_back_as_schema_2() {
        let v1 =
            "schema: 1\nlearner: kim\ncourses:\n  c:\n    w:\n      last_slide: '2.1'\n      visited: ['2.1']\n# end\n";
        let Decoded::Ok(p) = decode("p", v1.as_bytes()) else {
            panic!("{:?}", decode("p", v1.as_bytes()))
        };
        let l = p.lesson(&("c".into(), "w".into())).expect("lesson");
        assert_eq!(l.last_slide.as_deref(), Some("2.1"));
        assert!(l.exercises.is_empty());
        let written = encode("kim", &p).expect("encodes");
        assert!(written.contains("schema: 2\n"), "{written}");
        assert_eq!(decode("p", written.as_bytes()), Decoded::Ok(p));
    }

    #[test]
    fn exercise_records_out_of_range_are_refused() {
        let bad = |e: &str| {
            format!("schema: 2\nlearner: kim\ncourses:\n  c:\n    w:\n      exercises:\n        x: {e}\n# end\n")
        };
        assert!(
            matches!(decode("p", bad("{state: won}").as_bytes()), Decoded::Corrupt(m) if m.contains("state 'won'"))
        );
        assert!(matches!(
            decode("p", bad("{state: passed, tries: 4000000000}").as_bytes()),
            Decoded::Corrupt(_)
        ));
        assert!(matches!(
            decode("p", bad("{state: passed, last_try: yesterday}").as_bytes()),
            Decoded::Corrupt(_)
        ));
        assert!(matches!(
            decode("p", bad("{state: failed, tries: 2}").as_bytes()),
            Decoded::Ok(_)
        ));
    }

    #[test]
    fn round_trips_and_reads_like_a_document() {
        let text = encode("alice", &sample()).expect("encodes");
        assert!(text.starts_with("# k8s-course progress"), "{text}");
        assert!(text.contains("schema: 2\nlearner: alice\n"), "{text}");
        assert!(
            text.contains("last_slide: 2.2.2") && text.contains("2026-11-23T15:04:05Z"),
            "{text}"
        );
        assert_eq!(decode("p.yaml", text.as_bytes()), Decoded::Ok(sample()));
    }

    #[test]
    fn ids_with_controls_are_cleaned_on_reading() {
        // Found by the fuzzer (seed 4002, input 298785): a tab in a lesson id reached the output
        // of `progress --all` raw.
        let text = "schema: 1\nlearner: kim\ncourses:\n  \"c\\e[2J\":\n    \"week\\t00\":\n      last_slide: \"p\\u0007od\"\n      visited: [\"a\\tb\"]\n      seconds: {\"x\\u001by\": 3}\n# end\n";
        let Decoded::Ok(p) = decode("p", text.as_bytes()) else {
            panic!("{:?}", decode("p", text.as_bytes()));
        };
        let ((course, lesson), record) = p.lessons.iter().next().expect("one lesson");
        assert_eq!((course.as_str(), lesson.as_str()), ("c\u{241b}[2J", "week 00"));
        assert_eq!(record.last_slide.as_deref(), Some("p\u{2407}od"));
        assert!(record.visited.contains("a b"));
        assert_eq!(record.seconds.get("x\u{241b}y"), Some(&3));
    }

    #[test]
    fn garbage_wrong_shapes_and_future_versions_are_told_apart() {
        assert!(matches!(decode("p", b"\xff\xfe"), Decoded::Corrupt(_)));
        assert!(matches!(decode("p", b"::: not yaml [[\n# end\n"), Decoded::Corrupt(_)));
        assert!(matches!(
            decode("p", b"- a list\n- of things\n# end\n"),
            Decoded::Corrupt(_)
        ));
        assert!(matches!(decode("p", b"learner: x\n# end\n"), Decoded::Corrupt(m) if m.contains("schema")));
        let wrong = b"schema: 1\nlearner: x\ncourses: 7\n# end\n";
        assert!(
            matches!(decode("p", wrong), Decoded::Corrupt(m) if m.starts_with("p:3")),
            "{:?}",
            decode("p", wrong)
        );
        assert_eq!(decode("p", b"schema: 3\nwhatever: [1, 2]\n# end\n"), Decoded::Future(3));
        let whole = encode("alice", &sample()).expect("encodes");
        for cut in 1..whole.len() - 6 {
            if whole.is_char_boundary(cut) {
                assert!(
                    matches!(decode("p", &whole.as_bytes()[..cut]), Decoded::Corrupt(_)),
                    "cut at {cut}"
                );
            }
        }
    }
}
