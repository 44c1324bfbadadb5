//! Where a frame is drawn: ratatui's `Terminal` as it is (the tests' `TestBackend`), or a terminal
//! with the frame it shows kept beside it, which sends each new frame through [`super::diff`].

use ratatui::backend::Backend;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::{Frame, Terminal};

use super::diff;
use super::kept::{self, Memo};
use super::untouched::Untouched;

/// What drawing a frame says besides its cells.
#[derive(Debug, Clone, Default)]
pub struct Painted {
    /// Where the cursor shows (`None`: hidden).
    pub cursor: Option<Position>,
    /// Where nothing was drawn, so the cells are still empty: most of a tall slide pane.
    pub untouched: Untouched,
    /// What its parts were drawn from, for the next frame to tell what it can keep.
    pub memo: Memo,
    /// The parts it kept from the frame on screen (it drew nothing there).
    pub kept: Vec<Rect>,
}

/// Something a frame can be drawn on.
pub trait Surface {
    type Error;
    /// Draws one frame with `draw`, which is told what the frame on screen was drawn from.
    fn frame<F: FnOnce(&mut Frame<'_>, &Memo) -> Painted>(&mut self, draw: F) -> Result<(), Self::Error>;
}

/// ratatui's own way: `Terminal::draw`, with the cursor set on the frame where `draw` says. It
/// keeps no part of the frame on screen: every frame is drawn whole.
impl<B: Backend> Surface for Terminal<B> {
    type Error = B::Error;

    fn frame<F: FnOnce(&mut Frame<'_>, &Memo) -> Painted>(&mut self, draw: F) -> Result<(), B::Error> {
        self.draw(|f| {
            if let Some(cursor) = draw(f, &Memo::default()).cursor {
                f.set_cursor_position(cursor);
            }
        })?;
        Ok(())
    }
}

/// The frame on screen, as [`draw_diffed`] keeps it.
#[derive(Debug, Default)]
pub struct Shown {
    cells: Buffer,
    /// Where nothing was drawn on it.
    untouched: Untouched,
    /// What its parts were drawn from.
    memo: Memo,
}

/// Draws a frame on `terminal` as `Terminal::draw` does, with `shown` as the frame on screen
/// instead of ratatui's own: the same cells reach the backend, found in one pass over the two
/// frames instead of three, passing over the part left untouched in both and the parts kept from
/// the frame on screen ([`kept`]). `shown` is the last frame drawn this way (empty at first);
/// ratatui's other buffer is left unused.
pub fn draw_diffed<B, F>(terminal: &mut Terminal<B>, shown: &mut Shown, draw: F) -> Result<(), B::Error>
where
    B: Backend,
    F: FnOnce(&mut Frame<'_>, &Memo) -> Painted,
{
    let before = terminal.get_frame().area();
    // A size that changed makes ratatui resize and clear the screen (as does `resize` to nothing
    // after `ctrl-z`): then nothing of `shown` is on screen any more.
    terminal.autoresize()?;
    let mut frame = terminal.get_frame();
    let area = frame.area();
    let fresh = area != before || shown.cells.area != area;
    let nothing = Memo::default();
    let on_screen = if fresh { &nothing } else { &shown.memo };
    let Painted {
        cursor,
        untouched,
        memo,
        kept,
    } = draw(&mut frame, on_screen);
    let mut next = std::mem::take(terminal.current_buffer_mut());
    if fresh {
        // The screen is blank: ratatui's other buffer, which this way of drawing leaves unused,
        // stands for it once emptied. It is there already at this size; a new one would be 576 KB
        // of fresh memory (page faults) on the path to the first frame at 200x60.
        terminal.swap_buffers();
        let mut blank = std::mem::take(terminal.current_buffer_mut());
        if blank.area != area {
            blank = Buffer::empty(area);
        }
        *shown = Shown {
            cells: blank,
            ..Shown::default()
        };
    }
    untouched.check(&next);
    let on_screen = kept::move_over(&kept, &mut shown.cells, &mut next);
    let pass_over = kept::union(untouched.both(&shown.untouched).ranges(area), on_screen);
    let mut changes = diff::changes(&mut shown.cells.content, &next.content, area, pass_over);
    let sent = terminal.backend_mut().draw(&mut changes);
    changes.finish();
    // `shown` is now emptied: it becomes the buffer the next frame is drawn into.
    *terminal.current_buffer_mut() = std::mem::replace(&mut shown.cells, next);
    shown.untouched = untouched;
    shown.memo = memo;
    sent?;
    match cursor {
        None => terminal.hide_cursor()?,
        Some(position) => {
            terminal.show_cursor()?;
            terminal.set_cursor_position(position)?;
        }
    }
    terminal.backend_mut().flush()
}
