//! Where a frame is drawn: ratatui's `Terminal` as it is (the tests' `TestBackend`), or a terminal
//! with the frame it shows kept beside it, which sends each new frame through [`super::diff`].

use ratatui::backend::Backend;
use ratatui::buffer::Buffer;
use ratatui::layout::Position;
use ratatui::{Frame, Terminal};

use super::diff;

/// Something a frame can be drawn on.
pub trait Surface {
    type Error;
    /// Draws one frame with `draw`, which returns where the cursor shows (`None`: hidden).
    fn frame<F: FnOnce(&mut Frame<'_>) -> Option<Position>>(&mut self, draw: F) -> Result<(), Self::Error>;
}

/// ratatui's own way: `Terminal::draw`, with the cursor set on the frame where `draw` says.
impl<B: Backend> Surface for Terminal<B> {
    type Error = B::Error;

    fn frame<F: FnOnce(&mut Frame<'_>) -> Option<Position>>(&mut self, draw: F) -> Result<(), B::Error> {
        self.draw(|f| {
            if let Some(cursor) = draw(f) {
                f.set_cursor_position(cursor);
            }
        })?;
        Ok(())
    }
}

/// Draws a frame on `terminal` as `Terminal::draw` does, with `shown` as the frame on screen
/// instead of ratatui's own: the same cells reach the backend, found in one pass over the two
/// frames instead of three. `shown` is the last frame drawn this way (empty at first); ratatui's
/// other buffer is left unused.
pub fn draw_diffed<B, F>(terminal: &mut Terminal<B>, shown: &mut Buffer, draw: F) -> Result<(), B::Error>
where
    B: Backend,
    F: FnOnce(&mut Frame<'_>) -> Option<Position>,
{
    let before = terminal.get_frame().area();
    // A size that changed makes ratatui resize and clear the screen (as does `resize` to nothing
    // after `ctrl-z`): then nothing of `shown` is on screen any more.
    terminal.autoresize()?;
    let mut frame = terminal.get_frame();
    let area = frame.area();
    let cursor = draw(&mut frame);
    if area != before || shown.area != area {
        *shown = Buffer::empty(area);
    }
    let next = std::mem::take(terminal.current_buffer_mut());
    let mut changes = diff::changes(&mut shown.content, &next.content, area);
    let sent = terminal.backend_mut().draw(&mut changes);
    changes.finish();
    // `shown` is now emptied: it becomes the buffer the next frame is drawn into.
    *terminal.current_buffer_mut() = std::mem::replace(shown, next);
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
