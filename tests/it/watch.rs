//! Watching as a learner expects: `enter` plays from a segment (in `l`, or where a diagram panel
//! lists `[구간 N]`), speed and place remembered per learner and lesson, flash messages that go
//! after a few seconds and never contradict the bar, the narration playing on after a break, the
//! break card switched off, and the card's countdown in block digits.

use std::time::Duration;

use crate::screen::{app, command, screen};
use crate::support::{Sandbox, Tmux, require};

use k8s_course::app::{Action, App, Begin, Msg, Setup};
use k8s_course::timer::{Durations, SessionTimer};
use unicode_width::UnicodeWidthStr;

/// The timeline bar's row.
fn bar(screen: &str) -> &str {
    screen
        .lines()
        .find(|l| (l.contains(" ▶ ") || l.contains(" ⏸ ")) && l.contains("/24"))
        .unwrap_or_else(|| panic!("no timeline bar:\n{screen}"))
}

/// The flash line (the last row).
fn flash(screen: &str) -> &str {
    screen.lines().last().unwrap_or_default()
}

#[test]
fn enter_in_the_narration_view_plays_from_the_marked_segment() {
    let mut app = app();
    command(&mut app, "2.1");
    app.update(Action::Narration);
    screen(&mut app, 80, 24);
    // The slide's segments are 10 to 13: `j` marks the second (11); `enter` plays from it.
    app.update(Action::Down);
    app.update(Action::Enter);
    app.update(Msg::Tick(Duration::from_secs(1)));
    let shown = screen(&mut app, 80, 24);
    assert!(bar(&shown).contains("▶ 11/24"), "{shown}");
    assert!(shown.contains("▶ [segment 11]"), "the view marks it as spoken: {shown}");
    assert!(flash(&shown).contains("[segment 11]"), "{shown}");
    insta::assert_snapshot!("enter_plays_80x24", shown);
}

#[test]
fn enter_on_a_diagram_component_plays_where_the_lecturer_talks_about_it() {
    let mut app = app();
    command(&mut app, "2.1");
    app.update(Action::FocusNext);
    let panel = screen(&mut app, 100, 40);
    // The panel lists the segments that mention the selected component.
    let numbers: Vec<usize> = panel
        .match_indices("[segment ")
        .filter_map(|(i, _)| {
            let rest = &panel[i + "[segment ".len()..];
            rest[..rest.find(']')?].parse().ok()
        })
        .collect();
    assert!(!numbers.is_empty(), "{panel}");
    assert!(panel.contains("enter: play from this segment"), "{panel}");
    app.update(Action::Enter);
    let shown = screen(&mut app, 100, 40);
    assert!(bar(&shown).contains(&format!("▶ {}/24", numbers[0])), "{shown}");
    assert!(shown.contains(&format!("▶ [segment {}]", numbers[0])), "{shown}");
    if let Some(second) = numbers.get(1) {
        app.update(Action::Enter);
        let shown = screen(&mut app, 100, 40);
        assert!(
            bar(&shown).contains(&format!("▶ {second}/24")),
            "again: the next one: {shown}"
        );
    }
}

#[test]
fn an_info_message_goes_after_a_few_seconds_and_an_error_stays_until_a_key() {
    let mut app = app();
    app.update(Msg::Tick(Duration::from_secs(10)));
    command(&mut app, "speed 1.5");
    assert!(flash(&screen(&mut app, 80, 24)).contains("speed 1.5x"));
    app.update(Msg::Tick(Duration::from_secs(13)));
    assert!(
        flash(&screen(&mut app, 80, 24)).contains("speed 1.5x"),
        "still up after 3 s"
    );
    assert!(app.flash_expires_in().is_some());
    assert!(
        app.update(Msg::Tick(Duration::from_secs(14))).redraw,
        "its going is a change to draw"
    );
    assert_eq!(flash(&screen(&mut app, 80, 24)).trim(), "", "gone after 4 s");
    assert_eq!(app.flash_expires_in(), None, "nothing left to wake up for");

    command(&mut app, "seg 99");
    let error = flash(&screen(&mut app, 80, 24)).to_string();
    assert!(error.contains("there is no segment 99"), "{error}");
    app.update(Msg::Tick(Duration::from_secs(600)));
    assert_eq!(flash(&screen(&mut app, 80, 24)), error, "an error stays");
    assert_eq!(app.flash_expires_in(), None, "and sets no timer");
    app.update(Action::Down);
    assert_eq!(flash(&screen(&mut app, 80, 24)).trim(), "", "until the next key");
}

/// A session of 60 s lectures and 30 s breaks, on slide 2.1.
fn with_short_breaks() -> App {
    with_short_breaks_presenting(false)
}

/// [`with_short_breaks`], in the audience view of `present` when `presenting`.
fn with_short_breaks_presenting(presenting: bool) -> App {
    let durations = Durations {
        lecture: Duration::from_secs(60),
        break_: Duration::from_secs(30),
    };
    let mut app = crate::screen::app_with(Setup {
        timer: Some(SessionTimer::new(durations, Duration::ZERO)),
        presenting,
        ..crate::screen::setup()
    });
    command(&mut app, "2.1");
    app
}

#[test]
fn after_the_break_the_narration_plays_on_and_the_flash_says_so() {
    let mut app = with_short_breaks();
    app.update(Msg::Tick(Duration::from_secs(40)));
    app.update(Action::PlayPause);
    app.update(Msg::Tick(Duration::from_secs(61)));
    let card = screen(&mut app, 80, 24);
    assert!(card.contains("Break"), "{card}");
    assert!(
        app.playback().as_ref().is_some_and(|p| !p.is_playing()),
        "paused for the break"
    );
    assert!(app.flash().is_none(), "no 'playing' message beside a paused bar");
    // The countdown runs out: the lecture is back, playing from where it paused: 21 s into
    // slide 2.1's first segment (10, from 3:52.4), so 4:13.
    app.update(Msg::Tick(Duration::from_secs(91)));
    let back = screen(&mut app, 80, 24);
    assert!(bar(&back).contains("▶ 10/24"), "{back}");
    assert!(bar(&back).contains("04:13"), "from where it paused: {back}");
    assert!(flash(&back).contains("back to the lecture: playing 10/24"), "{back}");
}

#[test]
fn a_key_on_the_card_ends_the_break_and_a_paused_narration_stays_paused() {
    let mut app = with_short_breaks();
    app.update(Msg::Tick(Duration::from_secs(40)));
    app.update(Action::PlayPause);
    app.update(Msg::Tick(Duration::from_secs(50)));
    app.update(Action::PlayPause);
    app.update(Msg::Tick(Duration::from_secs(70)));
    assert!(app.on_break().is_some());
    app.update(Msg::DismissBreak);
    let back = screen(&mut app, 80, 24);
    assert!(bar(&back).contains("⏸ 10/24"), "{back}");
    assert!(flash(&back).contains("back to the lecture"), "{back}");
    assert!(!flash(&back).contains("playing"), "{back}");
}

#[test]
fn the_break_card_counts_down_in_block_digits() {
    let mut app = with_short_breaks();
    app.update(Msg::Tick(Duration::from_secs(65)));
    let wide = screen(&mut app, 200, 50);
    assert!(wide.contains("████"), "{wide}");
    insta::assert_snapshot!("break_card_200x50", wide);
    let small = screen(&mut app, 80, 24);
    insta::assert_snapshot!("break_card_80x24", small);
    // At the smallest size the player draws, the clock is still there, in smaller digits.
    let tiny = screen(&mut app, 40, 10);
    assert!(tiny.contains("██"), "{tiny}");
    insta::assert_snapshot!("break_card_40x10", tiny);
    // The audience view shows the same card.
    let mut audience = with_short_breaks_presenting(true);
    audience.update(Msg::Tick(Duration::from_secs(65)));
    assert_eq!(screen(&mut audience, 200, 50), wide);
}

#[test]
fn the_audience_view_keeps_a_readable_measure_on_a_wide_screen() {
    let mut app = crate::screen::app_with(Setup {
        presenting: true,
        ..crate::screen::setup()
    });
    command(&mut app, "1.1");
    let wide = screen(&mut app, 200, 50);
    for line in wide.lines().filter(|l| l.contains('│')) {
        let left = line[..line.find('│').expect("a border")].width();
        let right = line[..line.rfind('│').expect("a border")].width();
        assert!(left > 40 && right < 160, "centred, at most about 100 cells: {line}");
    }
    insta::assert_snapshot!("audience_200x50", wide);
    insta::assert_snapshot!("audience_80x24", screen(&mut app, 80, 24));
}

/// The player in tmux for the sandbox's learner, with `args`.
fn player(sandbox: &Sandbox, args: &[&str]) -> Tmux {
    let mut argv = sandbox.env_argv();
    argv.push(env!("CARGO_BIN_EXE_k8s-course").to_string());
    argv.extend(args.iter().map(|a| a.to_string()));
    let tmux = Tmux::start("watch", 80, 24, &argv);
    tmux.wait_for(&["slide("]);
    tmux
}

/// Every progress file under the sandbox's data dir, concatenated.
fn progress_files(sandbox: &Sandbox) -> String {
    let mut out = String::new();
    let mut dirs = vec![sandbox.data_dir()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "yaml") {
                out.push_str(&std::fs::read_to_string(&path).unwrap_or_default());
            }
        }
    }
    out
}

/// Waits until the learner's progress file holds `needle`; returns the files' text.
fn wait_for_progress(sandbox: &Sandbox, needle: &str) -> String {
    let deadline = std::time::Instant::now() + crate::support::WAIT;
    loop {
        let text = progress_files(sandbox);
        if text.contains(needle) {
            return text;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no {needle:?} in the progress file:\n{text}"
        );
        std::thread::sleep(crate::support::POLL);
    }
}

#[test]
fn speed_and_place_in_the_narration_are_remembered_for_the_next_session() {
    require("tmux");
    let sandbox = Sandbox::new();
    let tmux = player(&sandbox, &[]);
    tmux.type_line(":2.1");
    tmux.keys(&["+", "+"]);
    tmux.keys(&["p"]);
    tmux.wait_for(&["▶ 10/24", "1.5x"]);
    tmux.keys(&["p"]);
    let paused = tmux.wait_for(&["⏸ 10/24", "1.5x"]);
    let times = bar(&paused)
        .split_whitespace()
        .rev()
        .nth(3)
        .unwrap_or_default()
        .to_string();
    tmux.type_line(":q");
    // The last save, on the way out.
    let saved = wait_for_progress(&sandbox, "speed: 1.5x");
    assert!(saved.contains("narration_ms: "), "{saved}");
    drop(tmux);

    // Reopened: on 2.1, the bar paused where it was, at 1.5x.
    let tmux = player(&sandbox, &[]);
    let screen = tmux.wait_for(&["⏸ 10/24", "1.5x"]);
    assert!(screen.contains("slide(2.1)"), "{screen}");
    assert!(bar(&screen).contains(&times), "the same place ({times}): {screen}");
}

#[test]
fn break_off_on_the_command_line_or_in_the_config_means_no_card() {
    require("tmux");
    let sandbox = Sandbox::new();
    let tmux = player(&sandbox, &["--lecture", "2s", "--break", "0"]);
    let screen = tmux.wait_for(&["lecture 00:03"]);
    assert!(!screen.contains("Press any key to go back now"), "{screen}");
    drop(tmux);

    sandbox.write_config("theme: default\nbreak: off\n");
    let tmux = player(&sandbox, &["--lecture", "2s"]);
    let screen = tmux.wait_for(&["lecture 00:03"]);
    assert!(!screen.contains("Press any key to go back now"), "{screen}");
    drop(tmux);

    // The same two seconds with a break: the card comes up.
    sandbox.write_config("break: 1m\n");
    let tmux = player(&sandbox, &["--lecture", "2s"]);
    tmux.wait_for(&["Press any key to go back now"]);
}

#[test]
fn a_bad_break_in_the_config_names_the_file_and_line() {
    let sandbox = Sandbox::new();
    sandbox.write_config("theme: default\nbreak: soon\n");
    let out = sandbox.run(&[]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("config.yaml:2: break length: invalid duration 'soon'") && err.contains("or off for no break"),
        "{err}"
    );
    sandbox.write_config("break: 0\n");
    let out = sandbox.run(&["list"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn each_learner_gets_their_own_speed_and_place() {
    use k8s_course::progress::Progress;
    let app = app();
    let mut kim = Progress::default();
    let record = kim.lessons.entry(app.lesson_key()).or_default();
    record.last_slide = Some("2.1".into());
    record.last_opened = Some(1_795_446_245);
    // 4:39.0, where segment 12 (of slide 2.1) begins, at 2x.
    record.narration_ms = Some(279_000);
    record.speed = Some("2x".into());
    let course = app.course().clone();
    let mut app = App::new(
        Setup {
            begin: Some(Begin {
                now: 1_795_449_845,
                from_start: false,
            }),
            ..crate::screen::setup()
        },
        course,
        kim,
    );
    let shown = screen(&mut app, 80, 24);
    assert!(bar(&shown).contains("⏸ 12/24"), "kim's place: {shown}");
    assert!(bar(&shown).ends_with("2x"), "kim's speed: {shown}");

    // Another learner starts from scratch: no bar until they play, and at 1x when they do.
    app.update(Msg::LearnerOpened {
        name: "lee".into(),
        progress: Progress::default(),
        now: 1_795_449_845,
    });
    let shown = screen(&mut app, 80, 24);
    assert!(!shown.contains("/24 ━") && !shown.contains("/24 ─"), "{shown}");
    app.update(Action::PlayPause);
    let shown = screen(&mut app, 80, 24);
    assert!(bar(&shown).ends_with("1x"), "{shown}");

    // A hand-edited speed the player does not offer is ignored, not fatal.
    let mut odd = Progress::default();
    odd.lessons.entry(app.lesson_key()).or_default().speed = Some("fast".into());
    app.update(Msg::LearnerOpened {
        name: "park".into(),
        progress: odd,
        now: 1_795_449_845,
    });
    app.update(Action::PlayPause);
    assert!(bar(&screen(&mut app, 80, 24)).ends_with("1x"));
}

#[test]
fn on_a_small_screen_j_reads_a_long_segment_to_its_end_before_marking_the_next() {
    let mut app = app();
    command(&mut app, "2.1");
    app.update(Action::Narration);
    let first = screen(&mut app, 40, 11);
    assert!(first.contains("[segment 10]"), "{first}");
    // Segment 10 is taller than the pane at 40 columns: `j` scrolls through it, the mark stays.
    app.update(Action::Down);
    let scrolled = screen(&mut app, 40, 11);
    assert!(!scrolled.contains("[segment 10]"), "scrolled a line: {scrolled}");
    app.update(Action::Enter);
    app.update(Msg::Tick(Duration::from_secs(1)));
    assert_eq!(
        app.playback().as_ref().and_then(|p| p.segment_at(app.now())),
        Some(9),
        "still segment 10"
    );
    // Read on to its end: then `j` marks segment 11.
    app.update(Action::Narration);
    app.update(Action::Pause);
    for _ in 0..12 {
        screen(&mut app, 40, 11);
        app.update(Action::Down);
    }
    app.update(Action::Enter);
    assert_ne!(
        app.playback().as_ref().and_then(|p| p.segment_at(app.now())),
        Some(9),
        "{}",
        screen(&mut app, 40, 11)
    );
}
