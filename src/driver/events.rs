//! One event type for every loop on the terminal (the player, `present`, `notes`): what woke the
//! loop, after the terminal, the signals and the other descriptors (the presenter's socket) were
//! waited on together. Each loop answers an [`Event`] and sleeps again.

use std::os::fd::RawFd;
use std::time::Duration;

use anyhow::Context;
use crossterm::event::{self, KeyEvent, KeyEventKind};
use signal_hook::consts::SIGHUP;

use super::Exit;
use super::terminal::{Caught, FullScreen, Polled};

/// What woke a loop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A key pressed (releases are not events).
    Key(KeyEvent),
    /// The terminal changed size, or came back from ctrl-z: everything is drawn again.
    Redraw,
    /// The timeout passed, or another descriptor has something: the loop looks at what moves
    /// on its own (the clock, the narration, the presenter's socket, saves).
    Wake,
    /// A signal (SIGTERM, SIGINT, SIGHUP) or a hung-up terminal ends the loop.
    End(Exit),
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
        match event::read() {
            Ok(event::Event::Key(k)) if k.kind != KeyEventKind::Release => Ok(Event::Key(k)),
            Ok(event::Event::Resize(..)) => Ok(Event::Redraw),
            Ok(_) => Ok(Event::Wake),
            // A signal cut the read short: the next call looks at it.
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => Ok(Event::Wake),
            Err(e) => Err(e).context("cannot read from the terminal"),
        }
    }
}
