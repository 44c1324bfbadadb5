//! The notes window's loop on the terminal: it blocks on the terminal and the presenter's socket
//! together, and leaves the terminal as it found it on every way out, as the player does.

use std::path::Path;
use std::time::Duration;

use super::events::Event;
use super::{Exit, terminal};
use crate::content::Course;
use crate::keymap::Keymap;
use crate::present::notes::{Intent, Notes};
use crate::present::{Follower, view};
use crate::theme::Theme;

/// The longest the loop sleeps with nothing to do: a key or a state change wakes it at once.
const IDLE: Duration = Duration::from_secs(10);

/// Runs the notes window on the terminal until `q`, `ctrl-c` or a signal. The terminal is
/// restored on every way out (the guard, the panic hook, signals as the player handles them);
/// the caller prints errors after this returns.
pub fn run(
    course: &Course,
    theme: &Theme,
    keymap: Keymap,
    socket: &Path,
    flash: Option<String>,
    lang: crate::i18n::Lang,
) -> anyhow::Result<Exit> {
    let mut screen = terminal::start()?;
    let mut follower = Follower::new(socket);
    let mut notes = Notes::new(course, socket);
    notes.flash = flash;
    notes.keymap = keymap;
    notes.lang = lang;
    let mut dirty = true;
    loop {
        for event in follower.poll() {
            notes.on_event(event);
            dirty = true;
        }
        if dirty {
            screen.term.draw(|f| view::draw(f, &notes, theme))?;
            dirty = false;
        }
        let others: Vec<_> = follower.wake_fd().into_iter().collect();
        let timeout = follower.due_in().unwrap_or(IDLE).min(IDLE);
        match screen.next_event(timeout, &others)? {
            Event::End(exit) => return Ok(exit),
            Event::Redraw => dirty = true,
            Event::Wake => {}
            Event::Key(k) => {
                dirty = true;
                match notes.on_key(&k) {
                    Intent::None => {}
                    Intent::Send(cmd) => notes.sent(follower.send(cmd)),
                    Intent::Suspend => terminal::suspend(&mut screen.term)?,
                    Intent::Quit => return Ok(Exit::Quit),
                }
            }
        }
    }
}
