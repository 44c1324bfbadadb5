//! Helpers for tests that draw the player into ratatui's `TestBackend`.
#![allow(dead_code)]

use k8s_course::app::{Action, App, Edit, Setup};
use k8s_course::content::{CourseSource, load_course};
use k8s_course::render::Highlighter;
use k8s_course::theme::{Theme, default_theme};
use k8s_course::ui::{self, Ctx};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

/// The player on the built-in course, as a learner named `learner` would open it.
pub fn app() -> App {
    app_with(setup())
}

/// How the terminal tests' player starts: the program's words in English (they run with
/// `LANG=C.UTF-8`), a learner named `learner`, every built-in theme to choose from.
pub fn setup() -> Setup {
    Setup {
        lang: Some(k8s_course::i18n::Lang::En),
        learner: "learner".into(),
        themes: k8s_course::theme::names(None),
        ..Setup::default()
    }
}

/// The player on the built-in course, started with `setup`, with no progress.
pub fn app_with(setup: Setup) -> App {
    let course = load_course(&CourseSource::BuiltIn)
        .course
        .expect("built-in course loads");
    App::new(setup, course, Default::default())
}

/// The player on `course` as the terminal tests start it (see [`setup`]), with `progress`.
pub fn app_on(course: k8s_course::content::Course, progress: k8s_course::progress::Progress) -> App {
    App::new(setup(), course, progress)
}

/// Types `text` into the open prompt.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Input(Edit::Insert(c)));
    }
}

/// Runs a `:` command.
pub fn command(app: &mut App, line: &str) {
    app.update(Action::CommandMode);
    type_text(app, line);
    app.update(Action::Input(Edit::Submit));
}

/// A terminal of `w` x `h` cells.
pub fn terminal(w: u16, h: u16) -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(w, h)).expect("a test terminal")
}

/// Draws `app` once (twice when a search hit must be scrolled to), at noon.
/// The highlighter is loaded first, as the player's background thread does.
pub fn draw_with(term: &mut Terminal<TestBackend>, app: &mut App, theme: &Theme, highlighter: &Highlighter) {
    highlighter.preload();
    let ctx = Ctx {
        theme,
        highlighter,
        clock: "12:00",
    };
    ui::render(term, app, &ctx).expect("drawing into a test backend");
}

/// The screen of `app` at `w` x `h` in the default theme, as text.
pub fn screen(app: &mut App, w: u16, h: u16) -> String {
    let mut term = terminal(w, h);
    draw_with(&mut term, app, &default_theme(), &Highlighter::new());
    text(term.backend().buffer())
}

/// The buffer as lines of text: a wide glyph's hidden second cell is skipped, so each line reads
/// as it does on screen.
pub fn text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut skip = 0;
        for x in 0..buf.area.width {
            let symbol = buf[(x, y)].symbol();
            if skip > 0 {
                skip -= 1;
                continue;
            }
            out.push_str(symbol);
            skip = symbol.width().saturating_sub(1);
        }
        out.push('\n');
    }
    out
}

/// Cells where a double-width glyph starts in the last column (it would spill over the edge).
pub fn wide_in_last_column(buf: &Buffer) -> Vec<(u16, String)> {
    let w = buf.area.width;
    (0..buf.area.height)
        .filter(|_| w > 0)
        .filter_map(|y| {
            let s = buf[(w - 1, y)].symbol();
            (s.width() > 1).then(|| (y, s.to_string()))
        })
        .collect()
}
