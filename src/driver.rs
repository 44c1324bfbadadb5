//! The loops on the real terminal: an [`events::Event`] -> keymap -> `App::update` -> effects ->
//! draw when the update says so (`player`, `notes`). The only module that touches the real
//! terminal, signals and the clock.

mod clipboard;
mod clock;
mod events;
pub mod notes;
mod player;
pub mod practice;
mod present;
pub mod session;
pub mod terminal;

use std::path::{Path, PathBuf};

use crate::app::App;
use crate::theme::Theme;

/// How the player ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Quit,
    /// Ended by this signal; the process should exit with 128 + its number.
    Signal(i32),
}

/// What the loop needs besides the app.
pub struct Setup {
    pub theme: Theme,
    pub themes_dir: Option<PathBuf>,
    pub no_color: bool,
    pub progress: session::ProgressSetup,
    /// The channel to `k8s-course notes`, when presenting.
    pub presenter: Option<crate::present::Presenter>,
    /// Where `present` saves its lecture clock, so a restart goes on from it.
    pub lecture_clock: Option<crate::present::LectureClock>,
    /// The editor practice work files open in (`$VISUAL`, else `$EDITOR`), in words.
    pub editor: Option<Vec<String>>,
}

/// Runs the player until the learner quits or a signal ends it (a terminal that hangs up counts
/// as SIGHUP), then saves the learner's progress a last time. The terminal is restored on every
/// way out; the caller prints errors after this returns. The second value says why the last save
/// failed, if it did.
pub fn run(mut app: App, setup: Setup) -> (anyhow::Result<Exit>, Option<String>) {
    let Setup {
        theme,
        themes_dir,
        no_color,
        progress,
        mut presenter,
        lecture_clock,
        editor,
    } = setup;
    let mut session = session::Session::start(progress, &app);
    let looks = Looks {
        theme,
        themes_dir: themes_dir.as_deref(),
        no_color,
    };
    let presenting = presenter.as_mut().map(|p| present::Presenting::new(p, lecture_clock));
    let watcher = practice::Watcher::with_editor(editor);
    let result = player::Player::new(&mut app, &mut session, looks, presenting, watcher).and_then(|p| p.run());
    let unsaved = session.finish(&mut app);
    (result, unsaved)
}

/// How the screen looks, and where to find another theme.
pub(crate) struct Looks<'a> {
    pub(crate) theme: Theme,
    pub(crate) themes_dir: Option<&'a Path>,
    pub(crate) no_color: bool,
}
