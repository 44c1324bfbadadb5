//! Entering and leaving the full-screen terminal. Leaving is idempotent and runs on every way out:
//! the normal path, an error (the guard's `Drop`), a panic (the hook, before the message is
//! printed), a signal (the loop leaves through the normal path), and around `ctrl-z`.

use std::io::{Write, stdout};
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use crossterm::{cursor, execute};

/// Whether the terminal is currently raw and on the alternate screen.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Raw mode, alternate screen, hidden cursor.
pub fn enter() -> std::io::Result<()> {
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    execute!(stdout(), EnterAlternateScreen, cursor::Hide)
}

/// Back to the shell's terminal: main screen, cursor shown, cooked mode. Safe to call twice.
pub fn leave() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let mut out = stdout();
        let _ = execute!(out, LeaveAlternateScreen, cursor::Show);
        let _ = disable_raw_mode();
        let _ = out.flush();
    }
}

/// Restores the terminal when dropped, so an early return with `?` can't leave it raw.
pub struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        leave();
    }
}

/// Makes a panic restore the terminal before the panic message is printed, so the message lands
/// on the normal screen where it can be read.
pub fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave();
        previous(info);
    }));
}
