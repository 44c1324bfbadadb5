//! Entering and leaving the full-screen terminal. Leaving is idempotent and runs on every way out:
//! the normal path, an error (the guard's `Drop`), a panic (the hook, before the message is
//! printed), a signal or a terminal that hangs up (the loop leaves through the normal path), and
//! around `ctrl-z`.

use std::fs::File;
use std::io::{IsTerminal, Write, stdout};
use std::ops::{Deref, DerefMut};
use std::os::fd::{AsRawFd, RawFd};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode};
use crossterm::{cursor, execute};
use ratatui::backend::Backend;
use ratatui::{Frame, Terminal};

use crate::ui::kept::Memo;
use crate::ui::surface::{Painted, Shown, Surface};

mod backend;

pub use backend::Out;

/// Whether the terminal is currently raw and on the alternate screen.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Raw mode, alternate screen, hidden cursor.
pub fn enter() -> std::io::Result<()> {
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    // Clear what an earlier program left on the alternate screen: ratatui's first frame only
    // writes the cells that aren't blank. (Not `Terminal::clear`, which asks the terminal where
    // its cursor is and fails where nothing answers, as under `script`.)
    execute!(
        stdout(),
        EnterAlternateScreen,
        cursor::Hide,
        crossterm::terminal::Clear(crossterm::terminal::ClearType::All)
    )
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

/// What [`Events::wait`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Polled {
    /// `crossterm::event::read` has an event and returns it at once.
    Event,
    /// Nothing before the timeout, or a signal cut the wait short.
    Nothing,
    /// One of the other descriptors waited on (a presenter's socket) has something.
    Other,
    /// The terminal hung up (its window closed): there will be no more input.
    Gone,
}

/// Waits for terminal events with poll(2), and asks crossterm only when it has something.
///
/// crossterm 0.29's `event::poll` retries a hung-up terminal forever, whatever its timeout
/// (crossterm-rs/crossterm#793): read returns 0 and it reads again. When a window closes and the
/// player gets no SIGHUP (the shell that gets it dies of it without passing it on, as a wrapper
/// script does), the player would spin a core for good, deaf to SIGTERM. poll(2) reports the
/// hang-up, and a signal ends its wait at once.
pub struct Events {
    /// The terminal the keys come from: stdin when it is a terminal, else `/dev/tty` (as crossterm).
    fd: RawFd,
    _tty: Option<File>,
    /// Set by SIGWINCH: crossterm has a resize event for us.
    resized: Arc<AtomicBool>,
    /// crossterm may hold events it has read already (several keys come in one read).
    queued: bool,
}

impl Events {
    pub fn open() -> std::io::Result<Self> {
        let resized = Arc::new(AtomicBool::new(false));
        signal_hook::flag::register(signal_hook::consts::SIGWINCH, Arc::clone(&resized))?;
        let (fd, tty) = if std::io::stdin().is_terminal() {
            (std::io::stdin().as_raw_fd(), None)
        } else {
            let tty = File::open("/dev/tty")?;
            (tty.as_raw_fd(), Some(tty))
        };
        Ok(Self {
            fd,
            _tty: tty,
            resized,
            queued: false,
        })
    }

    /// Waits up to `timeout` for an event on the terminal or for input on one of `others` (the
    /// sockets of presenter mode), whichever comes first; a signal ends the wait early.
    pub fn wait(&mut self, timeout: Duration, others: &[RawFd]) -> Polled {
        let ready = self.poll(if self.queued { Duration::ZERO } else { timeout }, others);
        // Keys crossterm holds already come before the sockets.
        if ready == Polled::Gone || (ready == Polled::Other && !self.queued) {
            return ready;
        }
        let resized = self.resized.swap(false, Ordering::SeqCst);
        let zero = || crossterm::event::poll(Duration::ZERO).unwrap_or(false);
        self.queued = match ready {
            // Bytes to read. If crossterm has no event for them (half an escape sequence, or bytes
            // its edge-triggered poll was told about already), it waits for more, as it always
            // did, rather than this waking again at once.
            Polled::Event => zero() || crossterm::event::poll(timeout).unwrap_or(false),
            // Take a resize event at once: if it were still pending when keys arrive, crossterm
            // would return it and drop the keys' wake-up, and they would wait for the next key.
            _ if self.queued || resized => zero(),
            _ => false,
        };
        if self.queued { Polled::Event } else { Polled::Nothing }
    }

    /// An event was just read: whether crossterm holds more (several keys can come in one read)
    /// is asked now, so that with none the next wait sleeps at once instead of first waking the
    /// loop for nothing.
    pub fn took_one(&mut self) {
        self.queued = crossterm::event::poll(Duration::ZERO).unwrap_or(false);
    }

    /// poll(2) on the terminal and `others`: `Event` when the terminal has bytes to read, `Other`
    /// when only another descriptor has something.
    fn poll(&self, timeout: Duration, others: &[RawFd]) -> Polled {
        let watch = |fd| libc::pollfd {
            fd,
            events: libc::POLLIN,
            revents: 0,
        };
        // The terminal first; the presenter's sockets are bounded (a listener and 32 followers).
        let mut fds: Vec<libc::pollfd> = std::iter::once(self.fd)
            .chain(others.iter().copied())
            .map(watch)
            .collect();
        // Whole milliseconds, rounded up: rounded down, the last fraction of a millisecond before
        // a deadline would be waited as 0 ms again and again, a busy loop until it passed.
        let ms = libc::c_int::try_from(timeout.as_micros().div_ceil(1000)).unwrap_or(libc::c_int::MAX);
        let count = libc::nfds_t::try_from(fds.len()).unwrap_or(1);
        // SAFETY: `fds` is a live slice of valid `pollfd`s and `count` is at most its length.
        let n = unsafe { libc::poll(fds.as_mut_ptr(), count, ms) };
        if n <= 0 {
            // 0: timed out; -1: EINTR (a signal, which the loop checks next) or a transient error.
            return Polled::Nothing;
        }
        let terminal = fds[0].revents;
        // POLLNVAL (a system whose poll(2) can't watch this device) counts as input, so crossterm
        // waits as it would without this check.
        if terminal & (libc::POLLHUP | libc::POLLERR) != 0 {
            Polled::Gone
        } else if terminal != 0 {
            Polled::Event
        } else {
            Polled::Other
        }
    }
}

/// The player's ratatui terminal, dropped so that a terminal that went away can't cause a panic.
///
/// ratatui's `Terminal` shows the cursor when dropped and `eprintln!`s when that fails; when the
/// terminal has hung up, stderr is gone with it and `eprintln!` panics, so the player would exit
/// with 101 rather than 129. This shows the cursor first and, if that fails, skips ratatui's drop
/// (the process is ending; [`Guard`] still restores what can be restored).
///
/// The player draws on it as a [`Surface`]: the frame on screen is kept here and each new frame
/// is sent as the cells that changed ([`crate::ui::surface::draw_diffed`]). A screen is drawn on
/// one way only, that or `Terminal::draw` (the notes window).
pub struct Screen<B: Backend> {
    terminal: Option<Terminal<B>>,
    shown: Shown,
}

impl<B: Backend> Screen<B> {
    pub fn new(terminal: Terminal<B>) -> Self {
        Self {
            terminal: Some(terminal),
            shown: Shown::default(),
        }
    }
}

impl<B: Backend> Deref for Screen<B> {
    type Target = Terminal<B>;

    fn deref(&self) -> &Terminal<B> {
        self.terminal.as_ref().expect("the terminal is only taken when dropped")
    }
}

impl<B: Backend> DerefMut for Screen<B> {
    fn deref_mut(&mut self) -> &mut Terminal<B> {
        self.terminal.as_mut().expect("the terminal is only taken when dropped")
    }
}

impl<B: Backend> Surface for Screen<B> {
    type Error = B::Error;

    fn frame<F: FnOnce(&mut Frame<'_>, &Memo) -> Painted>(&mut self, draw: F) -> Result<(), B::Error> {
        match self.terminal.as_mut() {
            Some(terminal) => crate::ui::surface::draw_diffed(terminal, &mut self.shown, draw),
            // Only taken when dropped.
            None => Ok(()),
        }
    }
}

impl<B: Backend> Drop for Screen<B> {
    fn drop(&mut self) {
        if let Some(mut terminal) = self.terminal.take()
            && terminal.show_cursor().is_err()
        {
            std::mem::forget(terminal);
        }
    }
}

/// A full-screen command's hold on the terminal: the signals it leaves through (a flag the loop
/// reads), its input, and the screen, with the guard that gives the terminal back when dropped.
pub struct FullScreen {
    /// The number of the last signal caught (SIGTERM, SIGHUP, SIGINT, SIGTSTP), 0 for none.
    pub signal: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    pub events: Events,
    pub term: Screen<Out>,
    pub _guard: Guard,
}

/// Takes the terminal for a full-screen command, in the order that keeps it safe: signals caught
/// first, then the panic hook and the guard, then raw mode and the alternate screen.
pub fn start() -> anyhow::Result<FullScreen> {
    use anyhow::Context;
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGTSTP};
    use std::sync::Arc;
    use std::sync::atomic::AtomicUsize;
    let signal = Arc::new(AtomicUsize::new(0));
    for sig in [SIGTERM, SIGHUP, SIGINT, SIGTSTP] {
        signal_hook::flag::register_usize(sig, Arc::clone(&signal), sig as usize)
            .with_context(|| format!("cannot handle signal {sig}"))?;
    }
    let events = Events::open().context("cannot read from the terminal")?;
    install_panic_hook();
    // The guard first: `enter` can fail after raw mode is on.
    let guard = Guard;
    enter().context("cannot switch the terminal to full screen")?;
    let backend = Out::new().context("cannot handle signal SIGWINCH")?;
    let term = Screen::new(ratatui::Terminal::new(backend).context("cannot start the terminal UI")?);
    Ok(FullScreen {
        signal,
        events,
        term,
        _guard: guard,
    })
}

/// `ctrl-z` (or SIGTSTP): give the shell its terminal back, stop, and on `fg` take it again with
/// the next frame drawing every cell.
pub fn suspend(term: &mut ratatui::Terminal<Out>) -> anyhow::Result<()> {
    use anyhow::Context;
    leave();
    // SIGSTOP, not SIGTSTP: our SIGTSTP handler would only set the flag again.
    signal_hook::low_level::raise(signal_hook::consts::SIGSTOP).context("cannot suspend")?;
    enter().context("cannot return to full screen")?;
    term.backend().forget_size();
    // Shrinking the viewport to nothing drops ratatui's idea of what is on screen, and the next
    // draw resizes it back. (`Terminal::clear` would do it too, but it asks the terminal for the
    // cursor position, which fails where nothing answers.)
    term.resize(ratatui::layout::Rect::default())?;
    Ok(())
}

/// Hands the terminal to another program (the learner's editor) and takes it back afterwards,
/// the way ctrl-z does: the alternate screen and raw mode are left first and restored after.
pub fn hand_over<T>(term: &mut ratatui::Terminal<Out>, run: impl FnOnce() -> T) -> anyhow::Result<T> {
    use anyhow::Context;
    leave();
    let out = run();
    enter().context("cannot return to full screen")?;
    term.backend().forget_size();
    term.resize(ratatui::layout::Rect::default())?;
    Ok(out)
}

/// What the signals caught since the last look ask of a loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Caught {
    Nothing,
    /// The command was suspended and has just been resumed: redraw.
    Resumed,
    /// Leave through the normal path with 128 + this signal.
    Exit(i32),
}

impl FullScreen {
    /// Looks at the signal flag: SIGTSTP suspends here and now; SIGTERM, SIGHUP and SIGINT end.
    pub fn caught(&mut self) -> anyhow::Result<Caught> {
        match self.signal.swap(0, std::sync::atomic::Ordering::SeqCst) as i32 {
            0 => Ok(Caught::Nothing),
            signal_hook::consts::SIGTSTP => {
                suspend(&mut self.term)?;
                Ok(Caught::Resumed)
            }
            sig => Ok(Caught::Exit(sig)),
        }
    }
}
