//! The backend the player's frames go through: crossterm's, writing into a buffer that holds a
//! whole frame, and knowing the terminal's size until the terminal says it changed.
//!
//! ratatui asks the backend for the size before every frame, and crossterm answers by opening
//! `/dev/tty`, asking it (`TIOCGWINSZ`) and closing it again: three system calls on every key, and
//! the player asked twice per key. The size only changes with a SIGWINCH, so it is asked again
//! only after one (or when the loop says the terminal was away: `ctrl-z`, the editor).

use std::cell::Cell as Once;
use std::io::{BufWriter, Stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

mod escapes;

/// Bytes buffered per frame: a full 200x60 frame with colours fits, so ratatui's flush at the
/// end of a frame is one write(2). (Stdout alone is line-buffered in 1 KiB pieces: a slide
/// change at 200x60 took dozens of writes.)
const FRAME_BUFFER: usize = 256 * 1024;

/// The player's ratatui backend: crossterm on stdout through a frame-sized buffer, with the
/// terminal's size remembered between SIGWINCHes.
pub struct Out {
    out: BufWriter<Stdout>,
    /// The size last asked of the terminal; `None` until asked.
    size: Once<Option<Size>>,
    /// Set by SIGWINCH (and by [`Out::forget_size`]): the size must be asked again.
    resized: Arc<AtomicBool>,
}

impl Out {
    /// The backend on stdout; fails only if the SIGWINCH handler can't be installed.
    pub fn new() -> std::io::Result<Self> {
        let resized = Arc::new(AtomicBool::new(true));
        signal_hook::flag::register(signal_hook::consts::SIGWINCH, Arc::clone(&resized))?;
        Ok(Self {
            out: BufWriter::with_capacity(FRAME_BUFFER, std::io::stdout()),
            size: Once::new(None),
            resized,
        })
    }

    /// ratatui's crossterm backend on the same buffered stdout, for everything but the frames.
    fn crossterm(&mut self) -> CrosstermBackend<&mut BufWriter<Stdout>> {
        CrosstermBackend::new(&mut self.out)
    }

    /// The terminal was given away (suspended, or to an editor) and may have changed size
    /// meanwhile: ask it again before the next frame.
    pub fn forget_size(&self) {
        self.resized.store(true, Ordering::SeqCst);
    }
}

impl Backend for Out {
    type Error = std::io::Error;

    fn draw<'a, I>(&mut self, content: I) -> std::io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        escapes::draw(&mut self.out, content)
    }

    fn append_lines(&mut self, n: u16) -> std::io::Result<()> {
        self.crossterm().append_lines(n)
    }

    fn hide_cursor(&mut self) -> std::io::Result<()> {
        self.crossterm().hide_cursor()
    }

    fn show_cursor(&mut self) -> std::io::Result<()> {
        self.crossterm().show_cursor()
    }

    fn get_cursor_position(&mut self) -> std::io::Result<Position> {
        self.crossterm().get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> std::io::Result<()> {
        self.crossterm().set_cursor_position(position)
    }

    fn clear(&mut self) -> std::io::Result<()> {
        self.crossterm().clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> std::io::Result<()> {
        self.crossterm().clear_region(clear_type)
    }

    fn size(&self) -> std::io::Result<Size> {
        // Cleared before asking: a SIGWINCH that lands while the terminal answers sets it again.
        let stale = self.resized.swap(false, Ordering::SeqCst);
        match self.size.get() {
            Some(size) if !stale => Ok(size),
            _ => {
                let size = crossterm::terminal::size()
                    .map(|(width, height)| Size { width, height })
                    .inspect_err(|_| self.forget_size())?;
                self.size.set(Some(size));
                Ok(size)
            }
        }
    }

    fn window_size(&mut self) -> std::io::Result<WindowSize> {
        self.crossterm().window_size()
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Backend::flush(&mut self.crossterm())
    }
}
