//! The player sends each frame as the cells that changed since the last one, passing over the part
//! of the slide pane that neither frame drew on (`ui::surface::draw_diffed`). Walked through the
//! whole course, its views, a search, the diagram selection, the header hidden and shown, at two
//! sizes and in every theme, a terminal fed that way shows exactly what ratatui's own full
//! `Terminal::draw` shows, also where it kept the header from the frame on screen (`ui::kept`),
//! when the minute turns and when the theme changes. (In this debug build `draw_diffed` also checks
//! that the part passed over is empty in both frames and that a kept part equals the screen, and
//! panics naming the cell if not.)

use k8s_course::app::{Action, App, Setup};
use k8s_course::content::{CourseSource, load_course};
use k8s_course::render::Highlighter;
use k8s_course::ui::{self, Ctx, surface};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app() -> App {
    let course = load_course(&CourseSource::BuiltIn)
        .course
        .expect("the built-in course loads");
    let setup = Setup {
        learner: "learner".into(),
        lang: Some(k8s_course::i18n::Lang::En),
        themes: k8s_course::theme::names(None),
        ..Setup::default()
    };
    App::new(setup, course, Default::default())
}

/// What a learner does, in order: every slide forward, views opened and closed, a search, the
/// diagram's components selected, the header hidden, and every slide back.
fn walk(slides: usize) -> Vec<Action> {
    let mut steps = Vec::new();
    for _ in 0..slides {
        steps.push(Action::NextSlide);
        steps.push(Action::Down);
    }
    steps.extend([
        Action::Goto("2.1".into()),
        Action::FocusNext,
        Action::FocusNext,
        Action::Back,
        Action::Toc,
        Action::Back,
        Action::Narration,
        Action::Back,
        Action::Help,
        Action::Back,
        Action::ToggleHeader,
        Action::NextSlide,
        Action::PrevSlide,
        Action::ToggleHeader,
        Action::FilterMode,
    ]);
    steps.extend("pod".chars().map(|c| Action::Input(k8s_course::app::Edit::Insert(c))));
    steps.extend([Action::Enter, Action::NextMatch, Action::NextMatch, Action::Back]);
    for _ in 0..slides {
        steps.push(Action::PrevSlide);
    }
    steps
}

fn screen(term: &Terminal<TestBackend>) -> String {
    let buf = term.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let c = &buf[(x, y)];
            out.push_str(c.symbol());
            if c.fg != ratatui::style::Color::Reset || c.bg != ratatui::style::Color::Reset || !c.modifier.is_empty() {
                out.push_str(&format!("\u{1}{:?}{:?}{:?}\u{2}", c.fg, c.bg, c.modifier));
            }
        }
        out.push('\n');
    }
    out
}

/// Draws `app` both ways, sent as changes over `shown` and with a full `Terminal::draw`; returns
/// the two screens, and the cells the changes passed over as untouched and the parts they kept.
fn both_ways(
    (diffed, full, shown): (
        &mut Terminal<TestBackend>,
        &mut Terminal<TestBackend>,
        &mut surface::Shown,
    ),
    app: &App,
    ctx: &Ctx<'_>,
) -> (String, String, usize, usize) {
    let (mut untouched, mut kept) = (0, 0);
    surface::draw_diffed(diffed, shown, |f, on_screen| {
        let painted = ui::paint(f, app, ctx, on_screen);
        untouched = painted.untouched.cells();
        kept = painted.kept.len();
        painted
    })
    .expect("drawing into a test backend");
    full.draw(|f| {
        ui::draw(f, app, ctx);
    })
    .expect("drawing into a test backend");
    (screen(diffed), screen(full), untouched, kept)
}

#[test]
fn frames_sent_as_changes_show_what_a_full_draw_shows() {
    let highlighter = Highlighter::new();
    let mut passed_over = 0;
    let mut kept = 0;
    let names = k8s_course::theme::names(None);
    for (t, theme_name) in names.iter().enumerate() {
        let theme = k8s_course::theme::load(theme_name, None).expect("a built-in theme");
        // The theme switched to at the end, which every part must be drawn in again.
        let other = k8s_course::theme::load(&names[(t + 1) % names.len()], None).expect("a built-in theme");
        for (width, height) in [(200, 60), (80, 24)] {
            let mut app = app();
            let slides = app.current_lesson().slide_count();
            let mut diffed = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
            let mut full = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
            let mut shown = surface::Shown::default();
            let steps = walk(slides);
            let last = steps.len();
            for (step, action) in std::iter::once(Action::First).chain(steps).enumerate() {
                app.update(action.clone());
                let ctx = Ctx {
                    // The last step is drawn in another theme, and the minute turns half way.
                    theme: if step == last { &other } else { &theme },
                    highlighter: &highlighter,
                    clock: if step < last / 2 { "12:00" } else { "12:01" },
                };
                let (sent, drawn, untouched, k) = both_ways((&mut diffed, &mut full, &mut shown), &app, &ctx);
                passed_over += untouched;
                kept += k;
                assert_eq!(
                    sent, drawn,
                    "{theme_name} at {width}x{height}, step {step} ({action:?})"
                );
            }
            // The window resized, twice (ratatui clears the screen; the frame on screen is blank).
            for (w, h) in [(100, 30), (width, height)] {
                diffed.backend_mut().resize(w, h);
                full.backend_mut().resize(w, h);
                app.update(Action::NextSlide);
                let ctx = Ctx {
                    theme: &theme,
                    highlighter: &highlighter,
                    clock: "12:00",
                };
                let (sent, drawn, _, _) = both_ways((&mut diffed, &mut full, &mut shown), &app, &ctx);
                assert_eq!(sent, drawn, "{theme_name} resized to {w}x{h}");
            }
        }
    }
    assert!(
        passed_over > 100_000,
        "the walk left cells untouched to pass over: {passed_over}"
    );
    assert!(kept > 100, "the walk kept the header from the screen: {kept} times");
}

/// A theme that changes only the background (a user's copy of high-contrast with another black):
/// the header's kept rows and hint columns are drawn again on it, not kept with the old one.
#[test]
fn a_new_background_alone_redraws_what_was_kept() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let builtin =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/high-contrast.yaml"))
            .expect("the built-in theme");
    let other = builtin.replace(
        r##"background: { fg: "#ffffff", bg: "#000000" }"##,
        r##"background: { fg: "#ffffff", bg: "#101010" }"##,
    );
    assert_ne!(other, builtin, "the background line is there to change");
    std::fs::write(dir.path().join("dim.yaml"), other).expect("writing the theme");
    let first = k8s_course::theme::load("high-contrast", None).expect("a built-in theme");
    let second = k8s_course::theme::load("dim", Some(dir.path())).expect("the user's theme");
    let highlighter = Highlighter::new();
    let mut app = app();
    let mut diffed = Terminal::new(TestBackend::new(200, 60)).expect("a test terminal");
    let mut full = Terminal::new(TestBackend::new(200, 60)).expect("a test terminal");
    let mut shown = surface::Shown::default();
    let mut kept = 0;
    for (step, theme) in [&first, &first, &second].into_iter().enumerate() {
        app.update(Action::NextSlide);
        let ctx = Ctx {
            theme,
            highlighter: &highlighter,
            clock: "12:00",
        };
        let (sent, drawn, _, k) = both_ways((&mut diffed, &mut full, &mut shown), &app, &ctx);
        kept += k;
        assert_eq!(sent, drawn, "step {step}");
    }
    assert!(kept > 0, "the second frame kept parts of the first");
}
