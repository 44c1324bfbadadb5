//! `k8s-course notes`: the speaker's notes window, following `k8s-course present` over a local
//! socket. Like the player, it loads everything that can fail (config, course, theme, the runtime
//! dir) before touching the terminal, and prints errors after restoring it.

use super::{Cli, Io, print_diagnostics};
use crate::config::{self, Paths};
use crate::content::load_course;
use crate::driver::Exit;
use crate::present;
use crate::theme;

/// Runs the notes window; returns the process exit code (128 + n after signal n).
pub fn run(cli: &Cli, io: &mut Io<'_>) -> std::io::Result<u8> {
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
            "k8s-course: the notes window needs a terminal; run it in a second terminal next to `k8s-course present`"
        )?;
        return Ok(1);
    }
    let dir = match present::runtime_dir() {
        Ok(dir) => dir,
        Err(e) => {
            writeln!(io.err, "k8s-course: no place for the presenter's socket: {e}")?;
            return Ok(1);
        }
    };
    let socket = present::socket_path(&dir, &course.id);
    let themes_dir = paths.themes_dir();
    let wanted = cli
        .theme
        .clone()
        .or(config.theme.clone())
        .unwrap_or_else(|| "default".into());
    let (theme, problem) = theme::load_or_default(&wanted, themes_dir.as_deref(), theme::no_color_env());
    let flash = problem.map(|p| format!("using the default theme: {p}"));
    match present::notes::run(&course, &theme, &socket, flash) {
        Ok(Exit::Quit) => Ok(0),
        Ok(Exit::Signal(sig)) => Ok(128u8.saturating_add(sig as u8)),
        Err(e) => {
            writeln!(io.err, "k8s-course: {e:#}")?;
            Ok(1)
        }
    }
}
