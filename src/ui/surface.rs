//! Where a frame is drawn: ratatui's `Terminal` as it is (the tests' `TestBackend`), or a terminal
//! with the frame it shows kept beside it, which sends each new frame through [`super::diff`].

use ratatui::backend::Backend;
use ratatui::buffer::Buffer;
use ratatui::layout::Position;
use ratatui::{Frame, Terminal};

use super::diff;
use super::untouched::Untouched;

/// What drawing a frame says besides its cells.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Painted {
    /// Where the cursor shows (`None`: hidden).
    pub cursor: Option<Position>,
    /// Where nothing was drawn, so the cells are still empty: most of a tall slide pane.
    pub untouched: Untouched,
}

/// Something a frame can be drawn on.
pub trait Surface {
    type Error;
    /// Draws one frame with `draw`.
    fn frame<F: FnOnce(&mut Frame<'_>) -> Painted>(&mut self, draw: F) -> Result<(), Self::Error>;
}

/// ratatui's own way: `Terminal::draw`, with the cursor set on the frame where `draw` says.
impl<B: Backend> Surface for Terminal<B> {
    type Error = B::Error;

    fn frame<F: FnOnce(&mut Frame<'_>) -> Painted>(&mut self, draw: F) -> Result<(), B::Error> {
        self.draw(|f| {
            if let Some(cursor) = draw(f).cursor {
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
}

/// Draws a frame on `terminal` as `Terminal::draw` does, with `shown` as the frame on screen
/// instead of ratatui's own: the same cells reach the backend, found in one pass over the two
/// frames instead of three, passing over the part left untouched in both. `shown` is the last
/// frame drawn this way (empty at first); ratatui's other buffer is left unused.
pub fn draw_diffed<B, F>(terminal: &mut Terminal<B>, shown: &mut Shown, draw: F) -> Result<(), B::Error>
where
    B: Backend,
    F: FnOnce(&mut Frame<'_>) -> Painted,
{
    let before = terminal.get_frame().area();
    // A size that changed makes ratatui resize and clear the screen (as does `resize` to nothing
    // after `ctrl-z`): then nothing of `shown` is on screen any more.
    terminal.autoresize()?;
    let mut frame = terminal.get_frame();
    let area = frame.area();
    let Painted { cursor, untouched } = draw(&mut frame);
    if area != before || shown.cells.area != area {
        *shown = Shown {
            cells: Buffer::empty(area),
            untouched: Untouched::default(),
        };
    }
    let next = std::mem::take(terminal.current_buffer_mut());
    untouched.check(&next);
    let empty = untouched.both(&shown.untouched).ranges(area);
    let mut changes = diff::changes(&mut shown.cells.content, &next.content, area, empty);
    let sent = terminal.backend_mut().draw(&mut changes);
    changes.finish();
    // `shown` is now emptied: it becomes the buffer the next frame is drawn into.
    *terminal.current_buffer_mut() = std::mem::replace(&mut shown.cells, next);
    shown.untouched = untouched;
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
