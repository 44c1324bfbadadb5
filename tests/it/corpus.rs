//! The real lessons in `tests/fixtures/corpus/` (byte-exact copies, see `SOURCES.md` in
//! `/work/shared/corpus`): each loads with no errors and every segment placed, with the segment
//! count, total time and kinds its script says, and playback starts at the first speech segment.

use crate::screen;

use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use k8s_course::app::{Action, App, Setup};
use k8s_course::content::script::Millis;
use k8s_course::content::segment_kind::SegmentKind::{self, Cue, Pause, Preamble, Speech};
use k8s_course::content::{CourseSource, Lesson, Severity, load_course};
use k8s_course::playback::Playback;

fn dir(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/corpus")
        .join(name)
}

fn load(name: &str) -> Lesson {
    let report = load_course(&CourseSource::Dir(dir(name)));
    let errors: Vec<String> = (report.diagnostics.iter())
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.to_string())
        .collect();
    assert!(errors.is_empty(), "{name}: {errors:#?}");
    report.course.expect("loads").lessons.remove(0)
}

/// The kinds expected, from the script as SOURCES.md describes it: `(segment, kind)` for the
/// non-speech ones; every other segment is speech.
struct Expected {
    name: &'static str,
    segments: usize,
    total: Millis,
    not_speech: &'static [(usize, SegmentKind)],
    first_speech: usize,
}

const LESSONS: [Expected; 5] = [
    Expected {
        name: "c8-w06-waf-cloudfront-github-devsecops",
        segments: 24,
        total: Millis(729_000),
        not_speech: &[],
        first_speech: 1,
    },
    Expected {
        name: "w05-aws-control-tower-ztna",
        segments: 41,
        total: Millis(1_404_600),
        not_speech: &[(1, Preamble), (2, Pause)],
        first_speech: 3,
    },
    Expected {
        name: "w06-cloudflare-github-security",
        segments: 25,
        total: Millis(976_200),
        not_speech: &[(1, Preamble), (2, Cue), (25, Cue)],
        first_speech: 3,
    },
    Expected {
        name: "x-amazon-q-ghas-code-security",
        segments: 11,
        total: Millis(640_800),
        not_speech: &[],
        first_speech: 1,
    },
    Expected {
        name: "x-npm-supply-chain-incident",
        segments: 31,
        total: Millis(1_164_200),
        not_speech: &[(1, Preamble), (2, Pause), (3, Cue)],
        first_speech: 4,
    },
];

#[test]
fn every_corpus_lesson_loads_with_its_segments_timed_and_kinded() {
    for e in &LESSONS {
        let lesson = load(e.name);
        let script = lesson.script.as_ref().expect("a script");
        assert_eq!(script.segments.len(), e.segments, "{}", e.name);
        assert_eq!(script.total(), e.total, "{}", e.name);
        // Contiguous: each segment starts where the one before ended.
        for pair in script.segments.windows(2) {
            assert_eq!(pair[1].start, pair[0].end(), "{} segment {}", e.name, pair[1].number);
        }
        let kinds: Vec<(usize, SegmentKind)> = (script.segments.iter())
            .filter(|s| s.kind != Speech)
            .map(|s| (s.number, s.kind))
            .collect();
        assert_eq!(kinds, e.not_speech, "{}", e.name);
        // Every segment placed: a slide each, and every non-pause segment on a line of the body.
        assert_eq!(lesson.alignment.len(), e.segments, "{}", e.name);
        for s in script.segments.iter().filter(|s| s.kind != Pause) {
            assert!(s.paragraph.is_some(), "{} segment {} has no line", e.name, s.number);
        }
    }
}

#[test]
fn playback_starts_at_the_first_speech_segment() {
    for e in &LESSONS {
        let lesson = load(e.name);
        let mut p = Playback::new(&lesson).expect("narration");
        let origin = Duration::from_secs(1000);
        assert_eq!(p.status(origin).segment, e.first_speech, "{} before playing", e.name);
        // Coming back to the title and pressing play starts there too, not on the preamble.
        p.seek_to_slide(lesson.alignment[0], origin);
        p.play(origin);
        assert_eq!(p.segment_at(origin).map(|i| i + 1), Some(e.first_speech), "{}", e.name);
    }
}

#[test]
fn non_speech_segments_sit_with_their_neighbours() {
    for e in &LESSONS {
        let lesson = load(e.name);
        for &(n, _) in e.not_speech {
            // Before any speech: the first speech's slide; after: the slide of the speech before.
            let neighbour = if n < e.first_speech { e.first_speech } else { n - 1 };
            assert_eq!(
                lesson.alignment[n - 1],
                lesson.alignment[neighbour - 1],
                "{} segment {n}",
                e.name
            );
        }
    }
}

#[test]
fn check_reports_the_preamble_as_a_warning_with_its_line() {
    for e in &LESSONS {
        let out = Command::new(env!("CARGO_BIN_EXE_k8s-course"))
            .arg("--course")
            .arg(dir(e.name))
            .arg("check")
            .env(
                "K8S_COURSE_DATA_DIR",
                std::env::temp_dir().join("k8s-course-corpus-none"),
            )
            .env(
                "K8S_COURSE_CONFIG_DIR",
                std::env::temp_dir().join("k8s-course-corpus-none"),
            )
            .output()
            .expect("runs");
        let err = String::from_utf8_lossy(&out.stderr);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{}: {err}", e.name);
        assert!(stdout.contains("ok: 0 errors"), "{}: {stdout}", e.name);
        let preamble = format!(
            "{}/script.txt:11: warning: segment 1 is a language model's preamble",
            dir(e.name).display()
        );
        let has_preamble = e.not_speech.contains(&(1, Preamble));
        assert_eq!(err.contains(&preamble), has_preamble, "{}: {err}", e.name);
    }
}

/// The narration view of the w06 title slide: the preamble struck and dimmed, the opening cue
/// after `♪`, then the lecture.
#[test]
fn narration_view_shows_cues_pauses_and_the_preamble_for_what_they_are() {
    for (name, snap) in [
        ("w06-cloudflare-github-security", "w06_title_narration"),
        ("x-npm-supply-chain-incident", "npm_title_narration"),
    ] {
        let course = load_course(&CourseSource::Dir(dir(name))).course.expect("loads");
        let setup = Setup {
            themes: Vec::new(),
            ..screen::setup()
        };
        let mut app = App::new(setup, course, Default::default());
        app.update(Action::Narration);
        insta::assert_snapshot!(snap, screen::screen(&mut app, 100, 40));
    }
}
