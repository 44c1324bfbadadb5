//! `k8s-course notes`: the speaker's notes window, following `k8s-course present` over a local
//! socket. Like the player, it loads everything that can fail (config, course, theme, the runtime
//! dir) before touching the terminal, and prints errors after restoring it.

use super::{Io, screen};
use crate::present;
use crate::settings::Settings;

/// Runs the notes window; returns the process exit code (128 + n after signal n).
pub fn run(settings: &Settings, io: &mut Io<'_>) -> std::io::Result<u8> {
    let no_terminal = "the notes window needs a terminal; run it in a second terminal next to `k8s-course present`";
    let Some(loaded) = screen::load(settings, io, None)? else {
        return Ok(1);
    };
    if !screen::is_terminal(settings, io, no_terminal)? {
        return Ok(1);
    }
    let dir = match present::runtime_dir_in(settings.runtime_dir.clone()) {
        Ok(dir) => dir,
        Err(e) => {
            writeln!(io.err, "k8s-course: no place for the presenter's socket: {e}")?;
            return Ok(1);
        }
    };
    let socket = present::socket_path(&dir, &loaded.course.id);
    let lang = settings.lang_for(&loaded.course.language);
    let flash = loaded.theme_flash(lang);
    let result = crate::driver::notes::run(
        &loaded.course,
        &loaded.theme,
        loaded.config.keymap,
        &socket,
        flash,
        lang,
    );
    screen::exit_code(result, io)
}
