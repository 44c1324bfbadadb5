//! The lecture/break session timer driven by a fake clock: the lecture, the break card at 20:00,
//! its countdown, back to the lecture, dismissing early, and the lengths a user may give.

use std::time::Duration;

use k8s_course::i18n::Lang;
use k8s_course::timer::{Durations, Phase, SessionTimer, parse_duration};

/// The fake clock's reading at the session's start: far from zero, so relative time is tested.
const START: u64 = 7_000;

/// `at(20, 1)`: 20 minutes 1 second into the session.
fn at(minutes: u64, seconds: u64) -> Duration {
    Duration::from_secs(START + minutes * 60 + seconds)
}

fn mins(minutes: u64, seconds: u64) -> Duration {
    Duration::from_secs(minutes * 60 + seconds)
}

fn session() -> SessionTimer {
    let durations = Durations::parse(Some("20m"), Some("5m")).expect("valid lengths");
    SessionTimer::new(durations, at(0, 0))
}

#[test]
fn lecture_break_countdown_and_back() {
    let mut t = session();
    assert_eq!(t.tick(at(0, 0)), None);
    assert_eq!(t.phase(at(0, 0)), Phase::Lecture { elapsed: mins(0, 0) });
    assert_eq!(t.header(at(0, 0), Lang::En), "lecture 00:00 / 20:00");
    assert_eq!(t.header(at(12, 34), Lang::En), "lecture 12:34 / 20:00");
    assert_eq!(t.tick(at(19, 59)), None);
    assert_eq!(t.header(at(19, 59), Lang::En), "lecture 19:59 / 20:00");
    assert_eq!(t.remaining(at(19, 59)), None);

    // 20:00: the break card, with 5:00 to go.
    assert_eq!(t.tick(at(20, 0)), Some(Phase::Break { remaining: mins(5, 0) }));
    assert_eq!(t.countdown(at(20, 0)).as_deref(), Some("5:00"));
    assert_eq!(t.tick(at(20, 1)), None);
    assert_eq!(t.countdown(at(20, 1)).as_deref(), Some("4:59"));
    assert_eq!(t.remaining(at(20, 1)), Some(mins(4, 59)));
    assert_eq!(t.header(at(20, 1), Lang::En), "break 4:59");
    assert_eq!(t.countdown(at(24, 59)).as_deref(), Some("0:01"));

    // 25:00: back to the lecture, its clock from zero again.
    assert_eq!(t.tick(at(25, 0)), Some(Phase::Lecture { elapsed: mins(0, 0) }));
    assert_eq!(t.header(at(25, 0), Lang::En), "lecture 00:00 / 20:00");
    assert_eq!(t.header(at(44, 59), Lang::En), "lecture 19:59 / 20:00");
    assert_eq!(t.tick(at(45, 0)), Some(Phase::Break { remaining: mins(5, 0) }));
}

#[test]
fn dismissing_the_card_resumes_the_lecture_early() {
    let mut t = session();
    assert!(!t.dismiss(at(5, 0)), "no card to dismiss during the lecture");
    assert_eq!(t.header(at(5, 0), Lang::En), "lecture 05:00 / 20:00");
    assert!(t.tick(at(20, 0)).is_some_and(|p| p.is_break()));
    assert!(t.dismiss(at(21, 30)));
    assert_eq!(t.phase(at(21, 30)), Phase::Lecture { elapsed: mins(0, 0) });
    assert_eq!(t.tick(at(21, 30)), None, "the player closed the card itself");
    assert_eq!(t.header(at(31, 30), Lang::En), "lecture 10:00 / 20:00");
    // The next break comes a full lecture length after the dismissal.
    assert!(!t.phase(at(41, 29)).is_break());
    assert_eq!(t.phase(at(41, 30)), Phase::Break { remaining: mins(5, 0) });
}

#[test]
fn lengths_from_the_command_line() {
    let durations = Durations::parse(Some("1h30m"), Some("90s")).expect("valid lengths");
    assert_eq!(durations.lecture, mins(90, 0));
    assert_eq!(durations.break_, mins(1, 30));
    let t = SessionTimer::new(durations, at(0, 0));
    assert_eq!(t.header(at(89, 59), Lang::En), "lecture 89:59 / 90:00");
    assert_eq!(t.countdown(at(90, 0)).as_deref(), Some("1:30"));
    assert!(!t.phase(at(91, 30)).is_break());
    assert_eq!(parse_duration("25"), Ok(mins(25, 0)), "a plain number is minutes");
    assert_eq!(Durations::parse(None, None), Ok(Durations::DEFAULT));
    assert_eq!(Durations::DEFAULT.lecture, mins(20, 0));
    assert_eq!(Durations::DEFAULT.break_, mins(5, 0));
}

#[test]
fn invalid_lengths_are_refused_with_a_clear_message() {
    assert_eq!(
        parse_duration("abc"),
        Err("invalid duration 'abc': use 20m, 90s, 1h30m or a plain number of minutes".to_string())
    );
    assert_eq!(
        parse_duration("1.5h"),
        Err("invalid duration '1.5h': use 20m, 90s, 1h30m or a plain number of minutes".to_string())
    );
    assert_eq!(
        parse_duration("0m"),
        Err("invalid duration '0m': it must be longer than zero".to_string())
    );
    assert_eq!(
        parse_duration("48h"),
        Err("invalid duration '48h': at most 24h".to_string())
    );
    assert_eq!(
        Durations::parse(Some("20m"), Some("five")),
        Err(
            "break length: invalid duration 'five': use 20m, 90s, 1h30m or a plain number of minutes, or off for no break"
                .to_string()
        )
    );
    assert_eq!(
        Durations::parse(Some("-20m"), None),
        Err("lecture length: invalid duration '-20m': use 20m, 90s, 1h30m or a plain number of minutes".to_string())
    );
}
