//! The one loop on the terminal, shared by the player (`present`'s audience view too) and the
//! notes window, and its one event type: what woke it, after the terminal, the signals and the
//! other descriptors (the presenter's socket) were waited on together. Each screen is a
//! [`Handler`]: it answers an [`Event`], says whether to draw, and the loop sleeps again.

use std::os::fd::RawFd;
use std::time::Duration;

use anyhow::Context;
use crossterm::event::{self, KeyEvent, KeyEventKind};
use signal_hook::consts::SIGHUP;

use super::Exit;
use super::terminal::{Caught, FullScreen, Polled};

/// What woke a loop.
#[derive(Debug)]
pub enum Event {
    /// A key pressed (releases are not events).
    Key(KeyEvent),
    /// The terminal changed size, or came back from ctrl-z: everything is drawn again.
    Redraw,
    /// The timeout passed, or another descriptor has something: the loop looks at what moves
    /// on its own (the clock, the narration, the presenter's socket, saves).
    Wake,
    /// A command from a notes window, taken from the presenter's socket.
    Remote(crate::present::Command),
    /// A signal (SIGTERM, SIGINT, SIGHUP) or a hung-up terminal ends the loop.
    End(Exit),
}

/// What answering an event asks of the loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// Go on; draw first when something shown changed.
    Go { redraw: bool },
    /// Leave the loop.
    Exit(Exit),
}

/// One screen run by [`run`]: the player or the notes window.
pub(super) trait Handler {
    /// The terminal the screen is drawn on.
    fn screen(&mut self) -> &mut FullScreen;
    /// What happens on every turn of the loop, whatever woke it; true when something shown
    /// changed.
    fn chores(&mut self) -> anyhow::Result<bool>;
    fn draw(&mut self) -> anyhow::Result<()>;
    /// An event already at hand (a notes window's command taken from the socket), answered
    /// before the loop waits again.
    fn pending(&mut self) -> Option<Event>;
    /// How long the loop may sleep, and the other descriptors that wake it.
    fn wait(&self) -> (Duration, Vec<RawFd>);
    fn on(&mut self, event: Event) -> anyhow::Result<Flow>;
}

/// Runs `screen` until it leaves: chores, a frame when something shown changed, then sleep until
/// the next event.
pub(super) fn run(screen: &mut impl Handler) -> anyhow::Result<Exit> {
    let mut redraw = true;
    loop {
        redraw |= screen.chores()?;
        if redraw {
            screen.draw()?;
            redraw = false;
        }
        let event = match screen.pending() {
            Some(event) => event,
            None => {
                let (timeout, others) = screen.wait();
                screen.screen().next_event(timeout, &others)?
            }
        };
        match screen.on(event)? {
            Flow::Go { redraw: changed } => redraw |= changed,
            Flow::Exit(exit) => return Ok(exit),
        }
    }
}

impl FullScreen {
    /// Waits up to `timeout` for the next event: a key or resize on the terminal, a signal, or
    /// input on one of `others`. Signals caught while the loop was busy come first.
    pub fn next_event(&mut self, timeout: Duration, others: &[RawFd]) -> anyhow::Result<Event> {
        match self.caught()? {
            Caught::Nothing => {}
            Caught::Resumed => return Ok(Event::Redraw),
            Caught::Exit(sig) => return Ok(Event::End(Exit::Signal(sig))),
        }
        match self.events.wait(timeout, others) {
            Polled::Gone => return Ok(Event::End(Exit::Signal(SIGHUP))),
            Polled::Nothing | Polled::Other => return Ok(Event::Wake),
            Polled::Event => {}
        }
        let read = event::read();
        if read.is_ok() {
            self.events.took_one();
        }
        match read {
            Ok(event::Event::Key(k)) if k.kind != KeyEventKind::Release => Ok(Event::Key(k)),
            Ok(event::Event::Resize(..)) => Ok(Event::Redraw),
            Ok(_) => Ok(Event::Wake),
            // A signal cut the read short: the next call looks at it.
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => Ok(Event::Wake),
            Err(e) => Err(e).context("cannot read from the terminal"),
        }
    }
}
