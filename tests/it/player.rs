//! The player's screens, drawn into ratatui's `TestBackend` at fixed sizes and compared with
//! committed insta snapshots: what a learner sees, cell for cell.

use crate::screen;

use k8s_course::app::{Action, Msg, Setup};
use k8s_course::render::Highlighter;
use k8s_course::theme;
use screen::{app, command, screen, type_text};

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// Snapshots the screen after `setup` at both sizes.
fn snap(name: &str, steps: impl Fn(&mut k8s_course::app::App)) {
    snap_with(name, crate::screen::setup, steps);
}

/// [`snap`], in a player started with `setup()`.
fn snap_with(name: &str, setup: impl Fn() -> Setup, steps: impl Fn(&mut k8s_course::app::App)) {
    for (w, h) in SIZES {
        let mut app = crate::screen::app_with(setup());
        steps(&mut app);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen(&mut app, w, h));
    }
}

#[test]
fn title_slide() {
    snap("title", |_| {});
}

#[test]
fn concept_table() {
    snap("concepts", |app| command(app, "goto 1.2"));
}

#[test]
fn pod_yaml() {
    snap("pod", |app| command(app, "pod"));
}

#[test]
fn k9s_shortcuts() {
    snap("k9s", |app| command(app, "k9s"));
}

#[test]
fn help() {
    snap("help", |app| {
        app.update(Action::Help);
    });
}

#[test]
fn table_of_contents() {
    snap("toc", |app| {
        command(app, "arch");
        command(app, "toc");
    });
}

#[test]
fn narration() {
    snap("narration", |app| {
        command(app, "arch");
        app.update(Action::Narration);
    });
}

#[test]
fn describe() {
    snap("describe", |app| {
        command(app, "pod");
        app.update(Action::Describe);
    });
}

#[test]
fn source() {
    snap("source", |app| {
        command(app, "pod");
        app.update(Action::Source);
    });
}

#[test]
fn filter_results() {
    snap("filter", |app| {
        app.update(Action::FilterMode);
        type_text(app, "trivy");
        app.update(Action::Down);
    });
}

#[test]
fn command_prompt_with_suggestion() {
    snap("prompt", |app| {
        app.update(Action::CommandMode);
        type_text(app, "dep");
    });
}

#[test]
fn search_match_is_scrolled_to_and_marked() {
    let mut app = app();
    app.update(Action::FilterMode);
    type_text(&mut app, "k9s");
    app.update(Action::Input(k8s_course::app::Edit::Submit));
    let shown = screen(&mut app, 80, 24);
    assert!(shown.contains("match 1/"), "{shown}");
    assert!(shown.to_lowercase().contains("k9s"), "{shown}");
}

#[test]
fn too_small_notice() {
    let mut app = app();
    insta::assert_snapshot!("too_small_30x8", screen(&mut app, 30, 8));
    let tiny = screen(&mut app, 12, 3);
    assert_eq!(tiny, " Too small  \n    12x3    \n need 40x10 \n");
}

/// Each theme on the Pod slide, colours included (the buffer's debug form lists every style run).
#[test]
fn each_theme_on_one_slide() {
    let highlighter = Highlighter::new();
    for name in theme::builtin_names() {
        let t = theme::load(name, None).expect("built-in theme");
        let mut app = app();
        command(&mut app, "pod");
        let mut term = screen::terminal(80, 24);
        screen::draw_with(&mut term, &mut app, &t, &highlighter);
        insta::assert_debug_snapshot!(format!("theme_{name}"), term.backend().buffer());
    }
    // NO_COLOR: the same slide with no colour at all, selection and emphasis by modifiers.
    let mono = theme::default_theme().monochrome();
    let mut app = app();
    command(&mut app, "toc");
    let mut term = screen::terminal(80, 24);
    screen::draw_with(&mut term, &mut app, &mono, &highlighter);
    insta::assert_debug_snapshot!("theme_no_color_toc", term.backend().buffer());
    let buf = term.backend().buffer();
    let colours: Vec<_> = buf
        .content
        .iter()
        .filter(|c| c.fg != ratatui::style::Color::Reset || c.bg != ratatui::style::Color::Reset)
        .collect();
    assert!(
        colours.is_empty(),
        "NO_COLOR drew colours: {:?}",
        &colours[..colours.len().min(3)]
    );
    assert!(
        buf.content
            .iter()
            .any(|c| c.modifier.contains(ratatui::style::Modifier::REVERSED)),
        "the selected row must still show"
    );
}

/// Playback at 300 s: the slide it turned to, the timeline bar, the spoken segment marked.
#[test]
fn lecture_playback_bar_and_spoken_segment() {
    use std::time::Duration;
    snap("playback", |app| {
        app.update(Msg::Tick(Duration::ZERO));
        app.update(Action::PlayPause);
        app.update(Msg::Tick(Duration::from_secs(300)));
        app.update(Action::Narration);
    });
}

#[test]
fn break_card() {
    use k8s_course::timer::{Durations, SessionTimer};
    use std::time::Duration;
    let mut app = crate::screen::app_with(Setup {
        timer: Some(SessionTimer::new(Durations::default(), Duration::ZERO)),
        ..crate::screen::setup()
    });
    command(&mut app, "arch");
    app.update(Msg::Tick(Duration::from_secs(20 * 60 + 61)));
    insta::assert_snapshot!("break_80x24", screen(&mut app, 80, 24));
}

/// `k8s-course present`: the slide and one status line, for screen share.
#[test]
fn presenter_audience_view() {
    use k8s_course::timer::{Durations, SessionTimer};
    use std::time::Duration;
    let presenting = || Setup {
        presenting: true,
        timer: Some(SessionTimer::new(Durations::default(), Duration::ZERO)),
        ..crate::screen::setup()
    };
    snap_with("present", presenting, |app| {
        command(app, "pod");
        app.update(Msg::Tick(Duration::from_secs(754)));
    });
}

/// The arrows move through the diagram as it is drawn: at 100 columns the control plane is a
/// 2x2 grid, so ↓ from API Server is Scheduler and → from etcd goes nowhere.
#[test]
fn diagram_arrows_follow_the_picture_on_screen() {
    use k8s_course::content::diagram::Dir;
    let mut app = app();
    command(&mut app, "arch");
    app.update(Action::FocusNext);
    let selected = |app: &k8s_course::app::App| app.focused().map(|(d, c)| d.components[c].id.clone());
    let step = |app: &mut k8s_course::app::App, dir| {
        screen(app, 100, 30);
        app.update(Action::FocusMove(dir));
        selected(app)
    };
    assert_eq!(step(&mut app, Dir::Down).as_deref(), Some("scheduler"));
    assert_eq!(step(&mut app, Dir::Right).as_deref(), Some("controller-manager"));
    assert_eq!(step(&mut app, Dir::Up).as_deref(), Some("etcd"));
    assert_eq!(
        step(&mut app, Dir::Right).as_deref(),
        Some("etcd"),
        "nothing to the right"
    );
    // At 160 columns the control plane is one row: → from etcd is Scheduler.
    screen(&mut app, 160, 40);
    app.update(Action::FocusMove(Dir::Right));
    assert_eq!(selected(&app).as_deref(), Some("scheduler"));
}
