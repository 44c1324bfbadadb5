//! Narration playback over the built-in week-7 lecture, driven by a fake clock: the segment and
//! slide at given script times at 1x and 1.5x, slides advancing by themselves, `:seg N`, pausing
//! on navigation, speed changes and the end of the lecture. Expected values come from
//! `course/week07-docker-kubernetes/script.txt` (24 segments, 721.8 s) and its `lesson.yaml`.

use std::time::Duration;

use k8s_course::content::script::Millis;
use k8s_course::content::{CourseSource, Lesson, SlideIndex, load_course};
use k8s_course::playback::{Playback, Speed, Tick};

fn lesson() -> Lesson {
    let report = load_course(&CourseSource::BuiltIn);
    report.course.expect("the built-in course loads").lessons.remove(0)
}

fn slide(lesson: &Lesson, id: &str) -> SlideIndex {
    lesson.resolve(id).unwrap_or_else(|| panic!("no slide {id}"))
}

/// The fake clock starts far from zero, so nothing can pass by confusing `now` with elapsed time.
const ORIGIN_MS: u64 = 5_000_000;

/// The fake clock `secs` seconds after the origin, to the millisecond (rounded, so `13.8` is
/// exactly 13 800 ms and not a float's 13 799.999...).
fn at(secs: f64) -> Duration {
    Duration::from_millis(ORIGIN_MS + (secs * 1000.0).round() as u64)
}

/// Plays from the start at `speed`, with the clock at `at(0)`.
fn playing(lesson: &Lesson, speed: Speed) -> Playback {
    let mut p = Playback::new(lesson).expect("the lesson has narration");
    p.set_speed(speed, at(0.0));
    p.play(at(0.0));
    p
}

/// (1-based segment, slide id) at `now`.
fn where_at(p: &Playback, lesson: &Lesson, now: Duration) -> (usize, String) {
    let segment = p.segment_at(now).expect("a segment") + 1;
    let slide = p.slide_at(now).expect("a slide");
    (segment, lesson.id_of(slide))
}

/// Script time (seconds) -> (segment, slide) in the real lecture.
const EXPECTED: [(f64, usize, &str); 6] = [
    (0.0, 1, "title"),
    (13.8, 2, "title"),
    (108.6, 4, "1.1"),
    (300.0, 12, "2.1"),
    (721.7, 24, "5"),
    (721.8, 24, "5"),
];

#[test]
fn the_timeline_is_the_script() {
    let lesson = lesson();
    let p = Playback::new(&lesson).expect("the lesson has narration");
    assert_eq!(p.count(), 24);
    assert_eq!(p.total(), Millis(721_800));
    assert!(!p.is_playing());
    assert_eq!(p.speed(), Speed::X1);
    assert_eq!(
        p.status(at(0.0)).to_string(),
        "segment 1/24  00:00 / 12:01  1x (paused)"
    );
}

#[test]
fn segment_and_slide_at_1x() {
    let lesson = lesson();
    let p = playing(&lesson, Speed::X1);
    for (script_secs, segment, id) in EXPECTED {
        let now = at(script_secs);
        assert_eq!(p.position(now), Millis((script_secs * 1000.0).round() as u64));
        assert_eq!(
            where_at(&p, &lesson, now),
            (segment, id.to_string()),
            "at {script_secs} s"
        );
    }
    assert_eq!(p.status(at(300.0)).times(), "05:00 / 12:01");
    assert_eq!(p.status(at(192.0)).times(), "03:12 / 12:01");
}

#[test]
fn segment_and_slide_at_1_5x_after_two_thirds_of_the_wall_time() {
    let lesson = lesson();
    let p = playing(&lesson, Speed::X1_5);
    for (script_secs, segment, id) in EXPECTED {
        let now = at(script_secs / 1.5);
        assert_eq!(
            where_at(&p, &lesson, now),
            (segment, id.to_string()),
            "at {script_secs} s of script"
        );
    }
    assert_eq!(p.position(at(200.0)), Millis(300_000));
    assert_eq!(p.position(at(9.2)), Millis(13_800));
    let bar = p.status(at(200.0));
    assert_eq!((bar.segment, bar.count), (12, 24));
    assert_eq!(bar.times(), "03:20 / 08:01", "elapsed and total in wall time at 1.5x");
    assert!(p.at_end(at(481.2)));
    assert!(!p.at_end(at(481.1)));
}

#[test]
fn slides_advance_by_themselves_in_lesson_order() {
    let lesson = lesson();
    let mut p = playing(&lesson, Speed::X2);
    p.seek_to_slide(slide(&lesson, "title"), at(0.0));
    p.play(at(0.0));
    let mut shown = Vec::new();
    let mut ended_at = None;
    // A frame every 100 ms of wall time, past the end (360.9 s at 2x).
    for frame in 0..4000 {
        let now = at(f64::from(frame) / 10.0);
        let Tick { slide, ended } = p.tick(now);
        shown.extend(slide.map(|s| lesson.id_of(s)));
        if ended {
            assert_eq!(ended_at, None, "the end is reported once");
            ended_at = Some(frame);
        }
    }
    // 1.3 and 4.2 have no narration: playing passes over them.
    let expected = [
        "1.1", "1.2", "2.1", "2.2.1", "2.2.2", "2.2.3", "3.1", "3.2", "3.3", "4.1", "5",
    ];
    assert_eq!(shown, expected);
    assert_eq!(ended_at, Some(3609), "721.8 s of script at 2x end at 360.9 s");
    assert!(!p.is_playing());
}

#[test]
fn seek_segment_moves_and_names_the_slide() {
    let lesson = lesson();
    let mut p = playing(&lesson, Speed::X1);
    assert_eq!(p.seek_segment(12, at(10.0)), Ok(slide(&lesson, "2.1")));
    assert!(p.is_playing(), "a seek keeps playing");
    assert_eq!(p.position(at(10.0)), Millis(279_000));
    assert_eq!(p.position(at(40.0)), Millis(309_000));
    assert_eq!(where_at(&p, &lesson, at(40.0)), (13, "2.1".to_string()));
    assert_eq!(p.tick(at(40.0)).slide, None, "the player already shows 2.1");
    assert_eq!(p.seek_segment(24, at(41.0)), Ok(slide(&lesson, "5")));
    assert_eq!(p.status(at(41.0)).counter(), "24/24");
    assert_eq!(p.seek_segment(1, at(42.0)), Ok(slide(&lesson, "title")));
    for bad in [0, 25, usize::MAX] {
        assert_eq!(
            p.seek_segment(bad, at(43.0)),
            Err(format!("there is no segment {bad}: segments run from 1 to 24"))
        );
    }
    assert_eq!(p.position(at(43.0)), Millis(1_000), "refused seeks leave the position");
}

#[test]
fn navigation_pauses_and_play_resumes_from_the_slide() {
    let lesson = lesson();
    let mut p = playing(&lesson, Speed::X1);
    assert_eq!(where_at(&p, &lesson, at(300.0)).1, "2.1");
    // The learner pages on to Deployment while 2.1 is narrated.
    p.seek_to_slide(slide(&lesson, "2.2.2"), at(300.0));
    assert!(!p.is_playing());
    assert_eq!(p.position(at(900.0)), Millis(361_800), "segment 16, Deployment's first");
    assert_eq!(p.tick(at(900.0)), Tick::default(), "paused: nothing moves");
    p.play(at(1000.0));
    assert_eq!(p.tick(at(1000.0)).slide, None, "Deployment is already shown");
    assert_eq!(p.position(at(1010.0)), Millis(371_800));
    assert_eq!(p.tick(at(1036.4)).slide, Some(slide(&lesson, "2.2.3")));
    // Back to a slide with no narration: `p` narrates on from the next slide that has some.
    p.seek_to_slide(slide(&lesson, "1.3"), at(1040.0));
    assert_eq!(p.position(at(1040.0)), Millis(232_400));
    assert_eq!(where_at(&p, &lesson, at(1040.0)), (10, "2.1".to_string()));
    p.play(at(1050.0));
    assert_eq!(p.tick(at(1050.0)).slide, Some(slide(&lesson, "2.1")));
}

#[test]
fn speed_changes_mid_play_keep_the_position() {
    let lesson = lesson();
    let mut p = playing(&lesson, Speed::X1);
    assert_eq!(p.faster(at(100.0)), Speed::X1_25);
    assert_eq!(p.faster(at(100.0)), Speed::X1_5);
    assert_eq!(p.faster(at(100.0)), Speed::X2);
    assert_eq!(p.faster(at(100.0)), Speed::X2, "2x is the fastest");
    assert_eq!(p.position(at(100.0)), Millis(100_000));
    assert_eq!(p.position(at(200.0)), Millis(300_000));
    assert_eq!(where_at(&p, &lesson, at(200.0)), (12, "2.1".to_string()));
    let bar = p.status(at(200.0));
    assert_eq!(bar.times(), "02:30 / 06:00");
    assert_eq!(bar.speed, Speed::X2);
    p.set_speed(Speed::parse("1.25").expect("offered"), at(200.0));
    assert_eq!(p.position(at(200.0)), Millis(300_000));
    assert_eq!(p.position(at(208.0)), Millis(310_000));
    assert_eq!(
        Speed::parse("3"),
        Err("speed 3 is not offered: 1, 1.25, 1.5 or 2".to_string())
    );
}

#[test]
fn the_end_of_the_lecture() {
    let lesson = lesson();
    let mut p = playing(&lesson, Speed::X1);
    assert_eq!(p.seek_segment(24, at(0.0)), Ok(slide(&lesson, "5")));
    assert_eq!(p.tick(at(1.1)), Tick::default());
    assert!(p.is_playing());
    assert_eq!(
        p.tick(at(1.2)),
        Tick {
            slide: None,
            ended: true
        }
    );
    assert!(!p.is_playing());
    assert!(p.at_end(at(100.0)));
    assert_eq!(p.position(at(100.0)), Millis(721_800));
    assert_eq!(where_at(&p, &lesson, at(100.0)), (24, "5".to_string()));
    assert_eq!(
        p.status(at(100.0)).to_string(),
        "segment 24/24  12:01 / 12:01  1x (paused)"
    );
    // A clock that ran long without ticks still stops at the end.
    let mut late = playing(&lesson, Speed::X1);
    late.seek_to_slide(slide(&lesson, "title"), at(0.0));
    late.play(at(0.0));
    assert_eq!(late.position(at(10_000.0)), Millis(721_800));
    assert!(late.tick(at(10_000.0)).ended);
}
