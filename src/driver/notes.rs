//! The notes window on the terminal, run by the loop the player runs in (`events::run`): it
//! blocks on the terminal and the presenter's socket together, and leaves the terminal as it
//! found it on every way out, as the player does.

use std::os::fd::RawFd;
use std::path::Path;
use std::time::Duration;

use super::Exit;
use super::events::{self, Event, Flow, Handler};
use super::terminal::{self, FullScreen};
use crate::content::Course;
use crate::keymap::Keymap;
use crate::present::notes::{Intent, Notes, NotesSetup};
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
    let notes = Notes::new(
        course,
        socket,
        NotesSetup {
            keymap,
            lang: Some(lang),
            flash,
        },
    );
    let mut window = Window {
        screen: terminal::start()?,
        follower: Follower::new(socket),
        notes,
        theme,
    };
    events::run(&mut window)
}

/// The notes window on the terminal, following the presenter's socket.
struct Window<'a> {
    screen: FullScreen,
    follower: Follower,
    notes: Notes<'a>,
    theme: &'a Theme,
}

impl Handler for Window<'_> {
    fn screen(&mut self) -> &mut FullScreen {
        &mut self.screen
    }

    /// What the presenter said since the last turn.
    fn chores(&mut self) -> anyhow::Result<bool> {
        let mut changed = false;
        for event in self.follower.poll() {
            self.notes.on_event(event);
            changed = true;
        }
        Ok(changed)
    }

    fn draw(&mut self) -> anyhow::Result<()> {
        let (notes, theme) = (&self.notes, self.theme);
        self.screen.term.draw(|f| view::draw(f, notes, theme))?;
        Ok(())
    }

    fn pending(&mut self) -> Option<Event> {
        None
    }

    fn wait(&self) -> (Duration, Vec<RawFd>) {
        let others = self.follower.wake_fd().into_iter().collect();
        (self.follower.due_in().unwrap_or(IDLE).min(IDLE), others)
    }

    fn on(&mut self, event: Event) -> anyhow::Result<Flow> {
        let redraw = match event {
            Event::End(exit) => return Ok(Flow::Exit(exit)),
            Event::Redraw => true,
            // Commands go to the presenter, not to a notes window.
            Event::Wake | Event::Remote(_) => false,
            Event::Key(k) => {
                match self.notes.on_key(&k) {
                    Intent::None => {}
                    Intent::Send(cmd) => self.notes.sent(self.follower.send(cmd)),
                    Intent::Suspend => terminal::suspend(&mut self.screen.term)?,
                    Intent::Quit => return Ok(Flow::Exit(Exit::Quit)),
                }
                true
            }
        };
        Ok(Flow::Go { redraw })
    }
}
