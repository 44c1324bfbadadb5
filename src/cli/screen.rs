//! What every full-screen command (the player, `present`, `notes`) loads before it touches the
//! terminal, and how it turns the way it ended into an exit code. Errors are printed here, on the
//! normal screen, never while the terminal is raw.

use std::path::PathBuf;

use super::{Io, print_diagnostics};
use crate::config::{Config, Paths};
use crate::content::lazy::load_course_lazily;
use crate::content::{Course, LoadReport, load_course};
use crate::driver::Exit;
use crate::settings::Settings;
use crate::theme::{self, Theme};

/// Everything loaded and checked.
pub struct Loaded {
    pub paths: Paths,
    pub config: Config,
    pub course: Course,
    /// Lessons of `course` not read yet (index, folder): the player reads them after its first frame.
    pub rest: Vec<(usize, String)>,
    pub theme: Theme,
    /// The theme asked for, and why it could not be used (the default is used instead).
    pub theme_name: String,
    pub theme_problem: Option<String>,
    pub themes_dir: Option<PathBuf>,
    pub no_color: bool,
}

impl Loaded {
    /// The flash that says why the default theme is in use, if it is.
    pub fn theme_flash(&self, lang: crate::i18n::Lang) -> Option<String> {
        self.theme_problem
            .as_ref()
            .map(|p| crate::i18n::words::F_DEFAULT_THEME.fill(lang, &[p]))
    }
}

/// Which lesson to read first, from the course id and the lessons' ids (`None`: the first).
pub type Pick<'a> = Box<dyn FnOnce(&str, &[String]) -> Option<usize> + 'a>;

/// Loads config, course and theme; on a problem prints it and returns None. With `first`, only
/// the lesson it picks is read (the rest are placeholders, listed in `rest`); else every lesson.
pub fn load(settings: &Settings, io: &mut Io<'_>, first: Option<Pick<'_>>) -> std::io::Result<Option<Loaded>> {
    let paths = settings.paths.clone();
    let config = match &settings.config {
        Ok(c) => c.clone(),
        Err(e) => {
            writeln!(io.err, "{e}")?;
            writeln!(
                io.err,
                "k8s-course: fix the config file, or move it away to use the defaults"
            )?;
            return Ok(None);
        }
    };
    let (report, rest): (LoadReport, _) = match first {
        Some(pick) => {
            let lazy = load_course_lazily(&settings.source, pick);
            (lazy.report, lazy.rest)
        }
        None => (load_course(&settings.source), Vec::new()),
    };
    let Some(course) = report.course else {
        print_diagnostics(&report.diagnostics, io)?;
        writeln!(
            io.err,
            "k8s-course: the course has errors; `k8s-course check` lists them"
        )?;
        return Ok(None);
    };
    let themes_dir = paths.themes_dir();
    let no_color = settings.no_color;
    let theme_name = settings.theme_name(&config);
    let (theme, theme_problem) = theme::load_or_default(&theme_name, themes_dir.as_deref(), no_color);
    Ok(Some(Loaded {
        paths,
        config,
        course,
        rest,
        theme,
        theme_name,
        theme_problem,
        themes_dir,
        no_color,
    }))
}

/// Whether stdout is a terminal; if not, says `no_terminal` (checked after the command's own
/// arguments, so a mistake in them is reported even on a pipe).
pub fn is_terminal(settings: &Settings, io: &mut Io<'_>, no_terminal: &str) -> std::io::Result<bool> {
    if !io.stdout_is_tty {
        writeln!(io.err, "k8s-course: {no_terminal}")?;
        return Ok(false);
    }
    // As `less` does: a dumb terminal can't move the cursor, so a full screen would be garbage.
    if settings.dumb_terminal {
        writeln!(
            io.err,
            "k8s-course: this terminal (TERM=dumb) can't run the player: it can't move the cursor. \
             Use a full terminal (TERM=xterm-256color), or `k8s-course show ID` to print a slide"
        )?;
        return Ok(false);
    }
    Ok(true)
}

/// The process exit code for how a full-screen command ended: 0, 128 + n after signal n, or 1
/// after an error (printed).
pub fn exit_code(result: anyhow::Result<Exit>, io: &mut Io<'_>) -> std::io::Result<u8> {
    match result {
        Ok(Exit::Quit) => Ok(0),
        Ok(Exit::Signal(sig)) => Ok(128u8.saturating_add(sig as u8)),
        Err(e) => {
            writeln!(io.err, "k8s-course: {e:#}")?;
            Ok(1)
        }
    }
}
