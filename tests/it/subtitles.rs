//! Subtitles: while the narration plays, the spoken segment shows on one or two lines above the
//! timeline bar, under the slide (the player and `present`'s audience view); `v` hides and shows
//! them; cues look as `l` shows them. Driven by a fake clock, drawn into a `TestBackend`; the last
//! test plays the real binary in tmux and watches the line change.

use std::path::PathBuf;
use std::time::Duration;

use crate::screen::{app, command, draw_with, screen, terminal};
use crate::support::{Sandbox, Tmux, require};

use k8s_course::app::{Action, App, Msg, Setup};
use k8s_course::content::{CourseSource, load_course};
use k8s_course::keymap::{Keymap, parse_key};
use k8s_course::render::Highlighter;
use k8s_course::theme::{UiRole, default_theme};
use unicode_width::UnicodeWidthStr;

/// The player on slide 2.1, playing from segment 12 (279 s into the lecture) for `secs` seconds
/// of a fake clock.
fn playing_on_2_1(secs: u64) -> App {
    playing_on_2_1_with(secs, crate::screen::setup())
}

/// [`playing_on_2_1`], in a player started with `setup`.
fn playing_on_2_1_with(secs: u64, setup: Setup) -> App {
    let mut app = crate::screen::app_with(setup);
    command(&mut app, "seg 12");
    app.update(Msg::Tick(Duration::from_secs(100)));
    app.update(Action::PlayPause);
    app.update(Msg::Tick(Duration::from_secs(100 + secs)));
    app
}

/// The rows between the slide's frame and the timeline bar (the audience view's status line):
/// the subtitles.
fn subtitle_rows(screen: &str) -> Vec<String> {
    let lines: Vec<&str> = screen.lines().collect();
    let bar = (lines.iter())
        .position(|l| l.starts_with(" ▶ ") || l.starts_with(" ⏸ "))
        .unwrap_or(lines.len() - 1);
    let frame_end = lines[..bar]
        .iter()
        .rposition(|l| l.trim_start().starts_with('└'))
        .expect("the slide's frame");
    lines[frame_end + 1..bar].iter().map(|l| l.trim().to_string()).collect()
}

#[test]
fn subtitles_at_80x24_show_two_lines_of_the_spoken_segment() {
    let mut app = playing_on_2_1(2);
    let shown = screen(&mut app, 80, 24);
    let rows = subtitle_rows(&shown);
    assert_eq!(rows.len(), 2, "{shown}");
    assert!(
        rows[0].starts_with("컨트롤 플레인은 클러스터 전체를 관리하는"),
        "segment 12 begins: {shown}"
    );
    insta::assert_snapshot!("subtitles_80x24", shown);
}

#[test]
fn subtitles_at_200x50_keep_a_readable_measure_centred() {
    let mut app = playing_on_2_1(2);
    let shown = screen(&mut app, 200, 50);
    let rows = subtitle_rows(&shown);
    assert_eq!(rows.len(), 2, "{shown}");
    assert!(rows[0].starts_with("컨트롤 플레인은"), "{shown}");
    for row in shown.lines().filter(|l| l.contains("컨트롤 플레인은")) {
        let text = row.trim();
        let left = row.find(text).expect("the text");
        assert!(text.width() <= 100, "{row}");
        assert!(left >= 45, "centred: {row}");
    }
    insta::assert_snapshot!("subtitles_200x50", shown);
}

#[test]
fn a_long_segment_pages_on_as_it_is_spoken() {
    // Segment 12 takes four lines at 80 columns: the first two while it starts, the last two by
    // its end (29.8 s long).
    let start = subtitle_rows(&screen(&mut playing_on_2_1(1), 80, 24));
    let end = subtitle_rows(&screen(&mut playing_on_2_1(28), 80, 24));
    assert_ne!(start, end);
    assert!(end[1].ends_with("Scheduler 등이 포함됩니다."), "{end:?}");
    // And on to segment 13 when it begins.
    let next = subtitle_rows(&screen(&mut playing_on_2_1(31), 80, 24));
    assert!(next[0].starts_with("그리고 노드는"), "{next:?}");
}

#[test]
fn hangul_wraps_in_display_cells_and_never_spills() {
    for width in [40, 61, 80, 133] {
        let mut app = playing_on_2_1(5);
        let mut term = terminal(width, 24);
        draw_with(&mut term, &mut app, &default_theme(), &Highlighter::new());
        let buf = term.backend().buffer();
        assert!(crate::screen::wide_in_last_column(buf).is_empty(), "at {width}");
        let shown = crate::screen::text(buf);
        for row in subtitle_rows(&shown) {
            assert!(!row.is_empty(), "a subtitle line at {width}: {shown}");
        }
    }
}

#[test]
fn the_v_key_hides_and_shows_them_and_the_header_says_so() {
    let mut app = playing_on_2_1(2);
    let shown = screen(&mut app, 120, 40);
    assert!(
        shown.contains("<v> subtitles"),
        "the header's hints name the key: {shown}"
    );
    let key = parse_key("v").expect("a key");
    let action = Keymap::default().action(&key).expect("v is bound");
    assert_eq!(action, Action::ToggleSubtitles);
    app.update(action.clone());
    let hidden = screen(&mut app, 80, 24);
    assert!(!hidden.contains("컨트롤 플레인은 클러스터"), "{hidden}");
    assert!(hidden.contains("subtitles off"), "the flash says so: {hidden}");
    app.update(action);
    let back = screen(&mut app, 80, 24);
    assert_eq!(subtitle_rows(&back).len(), 2, "{back}");
}

#[test]
fn no_subtitles_before_the_narration_plays_nor_over_the_narration_view() {
    let mut app = app();
    command(&mut app, "2.1");
    let shown = screen(&mut app, 80, 24);
    assert!(!shown.contains("컨트롤 플레인은 클러스터"), "{shown}");
    let mut app = playing_on_2_1(2);
    app.update(Action::Narration);
    let shown = screen(&mut app, 80, 24);
    // The words are in the view itself, once.
    assert_eq!(shown.matches("컨트롤 플레인은 클러스터").count(), 1, "{shown}");
}

#[test]
fn a_cue_shows_as_a_dimmed_cue() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus/w06-cloudflare-github-security");
    let course = load_course(&CourseSource::Dir(dir)).course.expect("loads");
    let mut app = App::new(Setup::default(), course, Default::default());
    command(&mut app, "seg 2");
    app.update(Action::Play);
    app.update(Msg::Tick(Duration::from_millis(500)));
    let theme = default_theme();
    let mut term = terminal(80, 24);
    draw_with(&mut term, &mut app, &theme, &Highlighter::new());
    let buf = term.backend().buffer();
    let shown = crate::screen::text(buf);
    let rows = subtitle_rows(&shown);
    assert!(rows[0].starts_with("♪ "), "{shown}");
    let y = (shown.lines().position(|l| l.trim_start().starts_with("♪ "))).expect("the cue's row") as u16;
    let x = (0..80).find(|&x| buf[(x, y)].symbol() == "♪").expect("the ♪");
    assert_eq!(buf[(x, y)].fg, theme.ui(UiRole::Muted).fg.expect("a colour"), "dimmed");
}

#[test]
fn the_audience_view_shows_them_too_at_a_readable_measure() {
    let presenting = Setup {
        presenting: true,
        ..crate::screen::setup()
    };
    let mut app = playing_on_2_1_with(2, presenting);
    let wide = screen(&mut app, 200, 50);
    let rows = subtitle_rows(&wide);
    assert_eq!(rows.len(), 2, "{wide}");
    // The slide and its subtitles keep to about 100 cells in the middle of a wide screen.
    let frame = wide.lines().next().expect("a row");
    let left = frame.find('┌').expect("the pane's corner");
    assert!((45..=50).contains(&left), "centred: {frame}");
    insta::assert_snapshot!("subtitles_present_200x50", wide);
    let small = screen(&mut app, 80, 24);
    assert_eq!(subtitle_rows(&small).len(), 2, "{small}");
    insta::assert_snapshot!("subtitles_present_80x24", small);
}

/// The real player in tmux: `p` plays, the subtitle line shows the spoken words and changes as
/// the narration moves on (at 2x, segment 14 of 8.4 s gives way to 15).
#[test]
fn playing_in_a_terminal_the_subtitle_line_changes() {
    require("tmux");
    let sandbox = Sandbox::new();
    let mut argv = sandbox.env_argv();
    argv.push(env!("CARGO_BIN_EXE_k8s-course").to_string());
    let tmux = Tmux::start("subtitles", 80, 24, &argv);
    tmux.wait_for(&["slide("]);
    tmux.type_line(":seg 14");
    tmux.type_line(":speed 2");
    tmux.keys(&["p"]);
    tmux.wait_for(&["Kubernetes 환경에서는 몇 가지 중요한", "▶ 14/24"]);
    tmux.wait_for(&["가장 기본이 되는 배포 단위는", "▶ 15/24"]);
    tmux.keys(&["v"]);
    tmux.wait_until("subtitles hidden", |s| !s.contains("가장 기본이 되는 배포 단위는"));
}
