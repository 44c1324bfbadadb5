//! `k8s-course` with no subcommand: the full-screen player. Everything that can fail is loaded
//! before the terminal is touched (config, course, theme), and errors are printed after it is
//! restored.

use super::{Io, screen};
use crate::app::App;
use crate::driver::session::ProgressSetup;
use crate::driver::{self, Setup};
use crate::progress::time::now;
use crate::progress::{Mode, Store};
use crate::settings::Settings;
use crate::theme;
use crate::timer::SessionTimer;

/// Runs the player (`presenting`: the audience view of `k8s-course present`); returns the process
/// exit code (128 + n after signal n).
pub fn run(settings: &Settings, presenting: bool, io: &mut Io<'_>) -> std::io::Result<u8> {
    let no_terminal = "the player needs a terminal; `k8s-course list` and `k8s-course show ID` print to a pipe";
    let Some(loaded) = screen::load(settings, io)? else {
        return Ok(1);
    };
    let learner = match settings.learner() {
        Ok(l) => l,
        Err(e) => {
            writeln!(io.err, "k8s-course: {e}")?;
            return Ok(1);
        }
    };
    let lengths = match settings.lengths(&loaded.config) {
        Ok(d) => d,
        Err(e) => {
            writeln!(io.err, "k8s-course: {e}")?;
            return Ok(1);
        }
    };
    if !screen::is_terminal(settings, io, no_terminal)? {
        return Ok(1);
    }
    let lang = settings.lang_for(&loaded.course.language);
    let theme_flash = loaded.theme_flash(lang);
    let screen::Loaded {
        paths,
        config,
        course,
        theme,
        theme_name,
        theme_problem,
        themes_dir,
        no_color,
    } = loaded;
    let mut app = App::new(course);
    app.lang = lang;
    app.keymap = config.keymap;
    app.themes = theme::names(themes_dir.as_deref());
    app.theme = if theme_problem.is_some() {
        "default".into()
    } else {
        theme_name
    };
    app.learner = learner.to_string();
    app.presenting = presenting;
    app.timer = Some(SessionTimer::new(lengths, std::time::Duration::ZERO));
    let store = Store::new(paths.data_dir.clone());
    let opened = store.open(&learner, now());
    app.progress = crate::progress::Tracker::new(opened.progress);
    app.begin(now(), settings.from_start);
    if presenting {
        // The audience doesn't need to read where the presenter was last time.
        app.flash = None;
    }
    // The most important message wins the flash line: a problem with the files, then the resume.
    if let Mode::ReadOnly(why) = &opened.mode {
        app.say(crate::i18n::words::F_NOT_SAVED.fill(lang, &[why]), true);
    }
    if let Some(n) = opened.notices.first() {
        app.say(n.clone(), true);
    }
    if let Some(flash) = theme_flash {
        app.say(flash, true);
    }
    // `present`: the channel `k8s-course notes` follows, bound before the terminal is touched.
    let presenter = if presenting {
        let bound = crate::present::runtime_dir_in(settings.runtime_dir.clone())
            .and_then(|dir| crate::present::Presenter::bind(&crate::present::socket_path(&dir, &app.course.id)));
        match bound {
            Ok(p) => Some(p),
            Err(e) => {
                writeln!(io.err, "k8s-course: cannot present: {e}")?;
                return Ok(1);
            }
        }
    } else {
        None
    };
    let setup = Setup {
        presenter,
        theme,
        themes_dir,
        no_color,
        progress: ProgressSetup {
            store,
            learner,
            mode: opened.mode,
        },
    };
    let (result, unsaved) = driver::run(app, setup);
    if let Some(e) = unsaved {
        writeln!(io.err, "k8s-course: progress not saved: {e}")?;
    }
    screen::exit_code(result, io)
}
