//! Times as people read them (issue 14): one format in the narration bar (`06:00 / 12:01`), the
//! local time zone everywhere (`progress` printed UTC while the header showed local time), and
//! the header's clock labelled. Time zones are set with `TZ`, as a user would.

use k8s_course::app::{Action, Msg};
use k8s_course::progress::file::encode;
use k8s_course::progress::time::parse_utc;
use k8s_course::progress::{LessonProgress, Progress};

use crate::screen::{app, screen};
use crate::support::{BIN, Sandbox, Tmux};

/// A learner who last opened the course at 15:04 UTC on 22 November 2026.
fn sandbox_with_progress() -> Sandbox {
    let sandbox = Sandbox::new();
    let mut progress = Progress::default();
    progress.lessons.insert(
        ("cloud-security-7".into(), "week07-docker-kubernetes".into()),
        LessonProgress {
            last_slide: Some("2.1".into()),
            last_opened: parse_utc("2026-11-22T15:04:05Z"),
            ..LessonProgress::default()
        },
    );
    let text = encode("kim", &progress).expect("encode");
    std::fs::write(sandbox.data_dir().join("kim.yaml"), text).expect("write a progress file");
    sandbox
}

fn progress_in(sandbox: &Sandbox, tz: &str) -> String {
    let out = sandbox
        .command(&["progress", "--learner", "kim"])
        .env("TZ", tz)
        .output()
        .expect("run progress");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn progress_prints_when_a_lesson_was_opened_in_the_local_time_zone() {
    let sandbox = sandbox_with_progress();
    // Seoul is nine hours ahead: 15:04 UTC is four minutes past midnight the next day there.
    let seoul = progress_in(&sandbox, "Asia/Seoul");
    assert!(seoul.contains("2026-11-23 00:04 KST"), "{seoul}");
    // A POSIX zone string works without the zone database too.
    let posix = progress_in(&sandbox, "KST-9");
    assert!(posix.contains("2026-11-23 00:04 KST"), "{posix}");
    let utc = progress_in(&sandbox, "UTC");
    assert!(utc.contains("2026-11-22 15:04 UTC"), "{utc}");
    assert!(
        !seoul.contains("T15:04") && !seoul.contains("15:04 UTC"),
        "no UTC left: {seoul}"
    );
}

/// `HH:MM` now in zone `tz`, as `date` prints it.
fn date_in(tz: &str) -> String {
    let out = std::process::Command::new("date")
        .arg("+%H:%M")
        .env("TZ", tz)
        .output()
        .expect("run date");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

#[test]
fn the_header_clock_is_labelled_and_local() {
    let sandbox = Sandbox::new();
    let mut argv = sandbox.env_argv();
    argv.extend(["TZ=Asia/Seoul".to_string(), BIN.to_string()]);
    let before = date_in("Asia/Seoul");
    let tmux = Tmux::start("clock", 100, 30, &argv);
    let screen = tmux.wait_for(&["slide(title)[1/14]", "Session:"]);
    let after = date_in("Asia/Seoul");
    let session = screen
        .lines()
        .find(|l| l.contains("Session:"))
        .expect("the session row");
    assert!(
        session.contains(&format!("time {before}")) || session.contains(&format!("time {after}")),
        "Seoul time ({before} or {after}), labelled, in {session:?}"
    );
}

#[test]
fn the_narration_bar_gives_both_times_in_one_format() {
    let mut app = app();
    app.update(Action::PlayPause);
    app.update(Msg::Tick(std::time::Duration::from_secs(360)));
    let shown = screen(&mut app, 80, 24);
    let bar = shown
        .lines()
        .find(|l| l.contains('━') || l.contains('─') && l.contains(" / "))
        .unwrap_or("");
    assert!(
        bar.contains("06:00 / 12:01 1x"),
        "minutes:seconds on both sides: {bar:?}\n{shown}"
    );
    // The bar the notes window reads says the same, in words of the learner's language.
    let status = app.playback().as_ref().expect("narration").status(app.now());
    assert_eq!(status.times(), "06:00 / 12:01");
    assert_eq!(
        status.label(k8s_course::i18n::Lang::Ko),
        "구간 15/24  06:00 / 12:01  1x"
    );
}
