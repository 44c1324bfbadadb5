//! The playback state machine on a small made-up timeline, driven by a fake clock.
//! (The real course is exercised in `tests/playback.rs`.)

use super::*;

/// Four segments over slides 0, 0, 2 and 3 (slide 1 has no narration); 40 s in all.
fn timeline() -> Playback {
    let s = |secs: u64| Millis(secs * 1000);
    Playback::from_timing([
        (s(0), s(10), SlideIndex(0)),
        (s(10), s(5), SlideIndex(0)),
        (s(15), s(20), SlideIndex(2)),
        (s(35), s(5), SlideIndex(3)),
    ])
    .expect("a non-empty timeline")
}

/// The fake clock, to the millisecond (rounded, so `9.999` is not a float's 9.998999...).
fn at(secs: f64) -> Duration {
    Duration::from_millis((secs * 1000.0).round() as u64)
}

#[test]
fn an_empty_timeline_is_no_playback() {
    assert!(Playback::from_timing([]).is_none());
}

#[test]
fn starts_paused_at_the_first_segment() {
    let p = timeline();
    assert!(!p.is_playing());
    assert_eq!(p.count(), 4);
    assert_eq!(p.total(), Millis(40_000));
    assert_eq!(p.position(at(100.0)), Millis(0));
    assert_eq!(p.segment_at(at(0.0)), Some(0));
    assert_eq!(p.slide_at(at(0.0)), Some(SlideIndex(0)));
}

#[test]
fn playing_moves_by_the_clock_and_pausing_holds() {
    let mut p = timeline();
    p.play(at(100.0));
    assert_eq!(p.position(at(112.5)), Millis(12_500));
    assert_eq!(p.segment_at(at(112.5)), Some(1));
    p.pause(at(112.5));
    assert_eq!(p.position(at(500.0)), Millis(12_500));
    assert!(p.toggle(at(600.0)));
    assert_eq!(p.position(at(603.0)), Millis(15_500));
    assert_eq!(p.segment_at(at(603.0)), Some(2));
    assert!(!p.toggle(at(603.0)));
}

#[test]
fn a_boundary_belongs_to_the_segment_it_starts() {
    let mut p = timeline();
    p.play(at(0.0));
    assert_eq!(p.segment_at(at(9.999)), Some(0));
    assert_eq!(p.segment_at(at(10.0)), Some(1));
    assert_eq!(p.segment_at(at(15.0)), Some(2));
}

#[test]
fn tick_reports_each_change_of_slide_once() {
    let mut p = timeline();
    p.seek_to_slide(SlideIndex(0), at(0.0));
    p.play(at(0.0));
    assert_eq!(p.tick(at(5.0)), Tick::default());
    assert_eq!(p.tick(at(12.0)), Tick::default(), "segment 2 is on the same slide");
    let tick = p.tick(at(15.0));
    assert_eq!(
        tick.slide,
        Some(SlideIndex(2)),
        "slide 1 has no narration and is passed over"
    );
    assert_eq!(p.tick(at(16.0)).slide, None);
    assert_eq!(p.tick(at(36.0)).slide, Some(SlideIndex(3)));
}

#[test]
fn the_end_stops_the_clock_once() {
    let mut p = timeline();
    p.seek_to_slide(SlideIndex(3), at(0.0));
    p.play(at(0.0));
    assert_eq!(p.position(at(4.0)), Millis(39_000));
    assert!(!p.at_end(at(4.0)));
    assert_eq!(
        p.tick(at(60.0)),
        Tick {
            slide: None,
            ended: true
        }
    );
    assert!(!p.is_playing());
    assert!(p.at_end(at(61.0)));
    assert_eq!(p.position(at(61.0)), Millis(40_000));
    assert_eq!(p.segment_at(at(61.0)), Some(3));
    assert_eq!(p.tick(at(62.0)), Tick::default());
    // `p` after the end plays the lecture again from the start.
    p.play(at(70.0));
    assert_eq!(p.position(at(71.0)), Millis(1_000));
    assert_eq!(p.tick(at(71.0)).slide, Some(SlideIndex(0)));
}

#[test]
fn speed_changes_keep_the_position() {
    let mut p = timeline();
    p.play(at(0.0));
    assert_eq!(p.faster(at(4.0)), Speed::X1_25);
    assert_eq!(p.position(at(4.0)), Millis(4_000));
    assert_eq!(p.position(at(8.0)), Millis(9_000));
    p.set_speed(Speed::X2, at(8.0));
    assert_eq!(p.position(at(10.0)), Millis(13_000));
    assert_eq!(p.slower(at(10.0)), Speed::X1_5);
    assert_eq!(p.position(at(12.0)), Millis(16_000));
    // Paused, a speed change moves nothing.
    p.pause(at(12.0));
    p.set_speed(Speed::X1, at(20.0));
    assert_eq!(p.position(at(30.0)), Millis(16_000));
}

#[test]
fn seek_segment_keeps_playing_or_paused() {
    let mut p = timeline();
    assert_eq!(p.seek_segment(3, at(0.0)), Ok(SlideIndex(2)));
    assert!(!p.is_playing());
    assert_eq!(p.position(at(9.0)), Millis(15_000));
    p.play(at(10.0));
    assert_eq!(p.seek_segment(1, at(11.0)), Ok(SlideIndex(0)));
    assert!(p.is_playing());
    assert_eq!(p.position(at(13.0)), Millis(2_000));
    // The player already shows the slide the seek returned: tick does not report it again.
    assert_eq!(p.tick(at(13.0)).slide, None);
    let err = "there is no segment 0: segments run from 1 to 4";
    assert_eq!(p.seek_segment(0, at(13.0)), Err(err.to_string()));
    let err = "there is no segment 5: segments run from 1 to 4";
    assert_eq!(p.seek_segment(5, at(13.0)), Err(err.to_string()));
    assert_eq!(p.position(at(13.0)), Millis(2_000), "a refused seek moves nothing");
}

#[test]
fn navigation_pauses_at_the_slide_first_segment() {
    let mut p = timeline();
    p.play(at(0.0));
    p.seek_to_slide(SlideIndex(2), at(3.0));
    assert!(!p.is_playing());
    assert_eq!(p.position(at(50.0)), Millis(15_000));
    p.play(at(50.0));
    assert_eq!(p.tick(at(51.0)).slide, None, "already on slide 2");
    assert_eq!(p.position(at(51.0)), Millis(16_000));
}

#[test]
fn navigation_to_the_slide_being_narrated_keeps_the_place() {
    let mut p = timeline();
    p.play(at(0.0));
    p.seek_to_slide(SlideIndex(0), at(12.0));
    assert!(!p.is_playing());
    assert_eq!(p.position(at(20.0)), Millis(12_000));
}

#[test]
fn a_slide_without_narration_resumes_at_the_next_narrated_one() {
    let mut p = timeline();
    p.seek_to_slide(SlideIndex(1), at(0.0));
    assert_eq!(p.position(at(0.0)), Millis(15_000));
    assert_eq!(p.slide_at(at(0.0)), Some(SlideIndex(2)));
    // Past the last narrated slide: the end of the lecture.
    p.seek_to_slide(SlideIndex(9), at(1.0));
    assert!(p.at_end(at(1.0)));
}

#[test]
fn the_bar_adjusts_times_to_the_speed() {
    let mut p = timeline();
    p.set_speed(Speed::X2, at(0.0));
    p.play(at(0.0));
    let bar = p.status(at(10.0));
    assert_eq!(bar.segment, 3);
    assert_eq!(bar.count, 4);
    assert_eq!(bar.elapsed, Millis(10_000));
    assert_eq!(bar.total, Millis(20_000));
    assert_eq!(bar.times(), "00:10 / 00:20");
    assert!(bar.playing);
}

#[test]
fn a_now_before_play_reads_as_no_time_passed() {
    let mut p = timeline();
    p.play(at(10.0));
    assert_eq!(p.position(at(5.0)), Millis(0));
}
