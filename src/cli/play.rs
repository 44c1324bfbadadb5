//! `k8s-course` with no subcommand: the full-screen player. Everything that can fail is loaded
//! before the terminal is touched (config, course, theme), and errors are printed after it is
//! restored.

use super::{Cli, Io, print_diagnostics};
use crate::app::App;
use crate::config::{self, Paths};
use crate::content::load_course;
use crate::driver::session::ProgressSetup;
use crate::driver::{self, Exit, Setup};
use crate::progress::time::now;
use crate::progress::{Mode, Store};
use crate::theme;
use crate::timer::{Durations, SessionTimer};

/// Runs the player (`presenting`: the audience view of `k8s-course present`); returns the process
/// exit code (128 + n after signal n).
pub fn run(cli: &Cli, presenting: bool, io: &mut Io<'_>) -> std::io::Result<u8> {
    let paths = Paths::from_env();
    let config = match config::load(&paths) {
        Ok(c) => c,
        Err(e) => {
            writeln!(io.err, "{e}")?;
            writeln!(
                io.err,
                "k8s-course: fix the config file, or move it away to use the defaults"
            )?;
            return Ok(1);
        }
    };
    let learner = match super::progress::learner(cli) {
        Ok(l) => l,
        Err(e) => {
            writeln!(io.err, "k8s-course: {e}")?;
            return Ok(1);
        }
    };
    let lengths = Durations::parse(
        cli.lecture.as_deref().or(config.lecture.as_deref()),
        cli.break_.as_deref().or(config.break_.as_deref()),
    );
    let lengths = match lengths {
        Ok(d) => d,
        Err(e) => {
            writeln!(io.err, "k8s-course: {e}")?;
            return Ok(1);
        }
    };
    let report = load_course(&cli.source());
    let Some(course) = report.course else {
        print_diagnostics(&report.diagnostics, io)?;
        writeln!(
            io.err,
            "k8s-course: the course has errors; `k8s-course check` lists them"
        )?;
        return Ok(1);
    };
    if !io.stdout_is_tty {
        writeln!(
            io.err,
            "k8s-course: the player needs a terminal; `k8s-course list` and `k8s-course show ID` print to a pipe"
        )?;
        return Ok(1);
    }
    let themes_dir = paths.themes_dir();
    let no_color = theme::no_color_env();
    let wanted = cli
        .theme
        .clone()
        .or(config.theme.clone())
        .unwrap_or_else(|| "default".into());
    let (theme, problem) = theme::load_or_default(&wanted, themes_dir.as_deref(), no_color);
    let mut app = App::new(course);
    app.keymap = config.keymap;
    app.themes = theme::names(themes_dir.as_deref());
    app.theme = if problem.is_some() { "default".into() } else { wanted };
    app.learner = learner.to_string();
    app.presenting = presenting;
    app.timer = Some(SessionTimer::new(lengths, std::time::Duration::ZERO));
    let store = Store::new(paths.data_dir.clone());
    let opened = store.open(&learner, now());
    app.progress = crate::progress::Tracker::new(opened.progress);
    app.begin(now(), cli.from_start);
    // The most important message wins the flash line: a problem with the files, then the resume.
    if let Mode::ReadOnly(why) = &opened.mode {
        app.say(format!("progress will not be saved: {why}"), true);
    }
    if let Some(n) = opened.notices.first() {
        app.say(n.clone(), true);
    }
    if let Some(p) = problem {
        app.say(format!("using the default theme: {p}"), true);
    }
    // `present`: the channel `k8s-course notes` follows, bound before the terminal is touched.
    let presenter = if presenting {
        let bound = crate::present::runtime_dir()
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
    match result {
        Ok(Exit::Quit) => Ok(0),
        Ok(Exit::Signal(sig)) => Ok(128u8.saturating_add(sig as u8)),
        Err(e) => {
            writeln!(io.err, "k8s-course: {e:#}")?;
            Ok(1)
        }
    }
}
