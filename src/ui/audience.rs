//! The audience view of `k8s-course present`: the slide as large as the screen allows, the
//! subtitles under it, and one status line.
//!
//! On a wide screen the slide is not stretched across it: lines of 200 cells are hard to follow on
//! a shared screen that a video call shrinks, so the text keeps a measure of about a hundred cells
//! and sits in the middle, with the subtitles under it at the same measure.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};

use super::{Ctx, body, lecture, prompt, subtitles};
use crate::app::{App, Drawn};

/// The widest line of text the audience reads, in cells.
pub const MEASURE: u16 = 100;
/// The pane around that text: its border and a cell of padding on each side.
const PANE_WIDTH: u16 = MEASURE + 4;

/// Draws the audience view over `area`.
pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, ctx: &Ctx<'_>) -> Drawn {
    let prompt_rows = if app.prompt().is_some() { 3 } else { 0 };
    let subtitle_rows = subtitles::rows(app, area.height);
    let [prompt_area, pane_area, subtitles_area, status_area] = Layout::vertical([
        Constraint::Length(prompt_rows),
        Constraint::Min(3),
        Constraint::Length(subtitle_rows),
        Constraint::Length(1),
    ])
    .areas(area);
    if let Some(p) = app.prompt() {
        prompt::draw(frame, prompt_area, p, app.suggestion().as_deref(), app.lang(), ctx);
    }
    let (drawn, _) = body(frame, centred(pane_area), app, ctx);
    if subtitle_rows > 0 {
        subtitles::draw(frame, centred(subtitles_area), app, ctx);
    }
    lecture::presenter_status(frame, status_area, app, ctx);
    drawn
}

/// `area` narrowed to [`PANE_WIDTH`] and centred, when it is wider.
fn centred(area: Rect) -> Rect {
    if area.width <= PANE_WIDTH {
        return area;
    }
    Rect {
        x: area.x + (area.width - PANE_WIDTH) / 2,
        width: PANE_WIDTH,
        ..area
    }
}
