//! Subtitles: the segment being spoken, on one or two centred lines above the timeline bar, so a
//! learner reads the narration and sees the slide at once (without `l`, which replaces the slide).
//!
//! A segment is longer than two lines, so it is shown a page at a time: the page follows how far
//! the narration is through the segment, as subtitles in a film follow the speaker. Text is wrapped
//! in display cells (Hangul is two) by `render::wrap`, the way `l` wraps it, and cues, pauses and
//! preambles look as they do in `l` (a cue dimmed after `♪`).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;

use super::Ctx;
use crate::app::{App, View};

/// From this many rows of screen on, subtitles take two lines; below, one.
const TWO_LINES_FROM: u16 = 20;
/// Below this many rows of screen there is no room for subtitles.
const ONE_LINE_FROM: u16 = 14;
/// The widest subtitle line, in cells: lines as wide as a 200-column screen are hard to follow.
const MEASURE: usize = 100;

/// The rows subtitles take on a screen `height` rows tall: none when they are off, when the
/// narration has not been played, or when `l` already shows the words.
pub fn rows(app: &App, height: u16) -> u16 {
    let shown =
        app.subtitles() && super::lecture::shows_timeline(app) && !matches!(app.view(), Some(View::Narration { .. }));
    match height {
        _ if !shown => 0,
        h if h >= TWO_LINES_FROM => 2,
        h if h >= ONE_LINE_FROM => 1,
        _ => 0,
    }
}

/// Draws the page of the spoken segment that is being spoken now, each line centred in `area`.
pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, ctx: &Ctx<'_>) {
    let lesson = app.current_lesson();
    let (Some(script), Some(p)) = (&lesson.script, app.playback()) else {
        return;
    };
    let Some(seg) = p.segment_at(app.now()).and_then(|i| script.segments.get(i)) else {
        return;
    };
    // A cell of margin each side, as the pane has, and no wider than a readable measure.
    let room = (area.width as usize).saturating_sub(2).max(1);
    let width = room.min(MEASURE);
    let lines = super::text_views::segment_body(seg, width, app, ctx);
    let page = area.height.max(1) as usize;
    let pages = lines.len().div_ceil(page).max(1);
    // How far through the segment the narration is, 0.0 up to (not including) 1.0.
    let into = p.position(app.now()).0.saturating_sub(seg.start.0);
    let fraction = if seg.duration.0 == 0 {
        0.0
    } else {
        (into as f64 / seg.duration.0 as f64).clamp(0.0, 1.0)
    };
    let shown = ((fraction * pages as f64) as usize).min(pages - 1);
    let buf = frame.buffer_mut();
    for (row, line) in lines.iter().skip(shown * page).take(page).enumerate() {
        let used: usize = line.spans.iter().map(Span::width).sum();
        let x = area.x + 1 + (room.saturating_sub(used) / 2) as u16;
        super::cells::set_line(buf, x, area.y + row as u16, line, width as u16);
    }
}
