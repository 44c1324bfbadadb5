//! Drawing: `draw(frame, &App, &Ctx)` lays out the K9s-style screen and only reads the app. The
//! sizes drawing finds out (how far the text scrolls, where search matches landed) come back as
//! [`Drawn`] for the app to use on the next key.
//!
//! Every line is wrapped by `render::wrap` before it gets here and written cell by cell with its
//! width known, so ratatui never wraps and a wide glyph never starts in the last column.

mod audience;
mod cells;
pub mod chrome;
mod code_picker;
mod convert;
mod diff;
mod digits;
mod header;
mod help;
pub mod kept;
pub(crate) mod lecture;
mod lists;
mod pane;
mod panel;
mod practice;
mod prompt;
mod slide;
pub(crate) mod subtitles;
pub mod surface;
pub(crate) mod text_views;
pub mod untouched;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;

use crate::app::{App, Drawn, Msg, View};
use crate::render::Highlighter;
use crate::theme::{Theme, UiRole};
use kept::Memo;
use surface::Painted;
use untouched::Untouched;

/// Below this the screen can't hold a header, a pane and a status line.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;
/// From this height on the header shows the full info block and key hints.
const FULL_HEADER_HEIGHT: u16 = 20;

/// What drawing needs besides the app: colours, the highlighter and the time of day.
pub struct Ctx<'a> {
    pub theme: &'a Theme,
    pub highlighter: &'a Highlighter,
    /// `15:04`; passed in so tests draw the same screen at any hour.
    pub clock: &'a str,
}

impl Ctx<'_> {
    fn ui(&self, role: UiRole) -> Style {
        self.theme.ui(role)
    }
}

/// Draws the whole screen for `app`.
pub fn draw(frame: &mut Frame<'_>, app: &App, ctx: &Ctx<'_>) -> Drawn {
    let (drawn, painted) = screen(frame, app, ctx, &Memo::default());
    if let Some(cursor) = painted.cursor {
        frame.set_cursor_position(cursor);
    }
    drawn
}

/// Draws the whole screen for `app` over a frame drawn from `on_screen`, saying what
/// [`surface::draw_diffed`] needs to know.
pub fn paint(frame: &mut Frame<'_>, app: &App, ctx: &Ctx<'_>, on_screen: &Memo) -> Painted {
    screen(frame, app, ctx, on_screen).1
}

/// Draws the whole screen for `app`; also says where the cursor shows (in the prompt), if anywhere,
/// and what part of the screen nothing was drawn on.
/// Parts that equal what the frame on screen drew them from (`on_screen`) are kept ([`kept`]).
fn screen(frame: &mut Frame<'_>, app: &App, ctx: &Ctx<'_>, on_screen: &Memo) -> (Drawn, Painted) {
    let area = frame.area();
    // No `Clear`: ratatui hands every frame an empty buffer already, and its diff writes only the
    // cells that changed (a full clear would restyle every cell on each slide change). A theme
    // with no background of its own (the default and `light`) leaves the empty cells as they are:
    // styling every cell with an empty style would change none of them and cost a pass over all.
    let background = ctx.ui(UiRole::Background);
    let filled = background != Style::default();
    if filled {
        frame.buffer_mut().set_style(area, background);
    }
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        chrome::too_small(frame, area, app.lang(), ctx);
        return (Drawn::default(), Painted::default());
    }
    if let Some(countdown) = app.on_break() {
        lecture::break_card(frame, area, app, &countdown, ctx);
        return (Drawn::default(), Painted::default());
    }
    let prompt = if app.prompt().is_some() { 3 } else { 0 };
    if app.presenting() {
        return (audience::draw(frame, area, app, ctx), Painted::default());
    }
    let header = if app.header_hidden() {
        0
    } else if area.height >= FULL_HEADER_HEIGHT && area.width >= 60 {
        header::HEADER_ROWS as u16
    } else {
        1
    };
    let timeline = u16::from(lecture::shows_timeline(app) && area.height >= 14);
    let subtitles = subtitles::rows(app, area.height);
    let [
        header_area,
        prompt_area,
        pane_area,
        subtitles_area,
        timeline_area,
        crumbs_area,
        flash_area,
    ] = rows(area, [header, prompt, subtitles, timeline]);
    let mut painted = Painted::default();
    let mut untouched = Untouched::default();
    if header > 0 {
        let buf = frame.buffer_mut();
        let mut next = kept::Next {
            memo: &mut painted.memo,
            kept: &mut painted.kept,
        };
        untouched = match header::info(buf, header_area, app, ctx) {
            header::Rest::Untouched(one_line) => one_line,
            header::Rest::Block { rows, hints } => {
                for (slot, (row, line)) in rows.into_iter().enumerate() {
                    kept::line(slot, row, line, buf, on_screen, &mut next);
                }
                kept::hints(hints, buf, on_screen, &mut next)
            }
        };
    }
    let cursor = app
        .prompt()
        .and_then(|p| prompt::draw(frame, prompt_area, p, app.suggestion().as_deref(), app.lang(), ctx));
    let (drawn, in_pane) = body(frame, pane_area, app, ctx);
    if subtitles > 0 {
        subtitles::draw(frame, subtitles_area, app, ctx);
    }
    if timeline > 0 {
        lecture::timeline(frame, timeline_area, app, ctx);
    }
    let in_crumbs = chrome::crumbs(frame, crumbs_area, app, ctx);
    let in_flash = chrome::flash(frame, flash_area, app, ctx);
    // Each of these rows is drawn by its own part alone. A background colour is drawn everywhere.
    painted.untouched = if filled {
        Untouched::default()
    } else {
        untouched.and(in_pane).and(in_crumbs).and(in_flash)
    };
    painted.cursor = cursor;
    (drawn, painted)
}

/// The screen's rows, top to bottom: header, prompt, pane, subtitles, timeline, crumbs, flash,
/// with the pane taking what the others (`fixed`: header, prompt, subtitles, timeline, then a
/// row each for crumbs and flash) leave, at least three rows. Counted directly where everything
/// fits, which is every screen the player draws this on (ratatui's layout solver, which it
/// matches there, looks the answer up in a cache on every frame); the solver where not.
fn rows(area: Rect, fixed: [u16; 4]) -> [Rect; 7] {
    let [header, prompt, subtitles, timeline] = fixed;
    let around = u32::from(header) + u32::from(prompt) + u32::from(subtitles) + u32::from(timeline) + 2;
    if around + 3 > u32::from(area.height) {
        return solved_rows(area, fixed);
    }
    // Fits: `around` is below the height, a u16.
    let pane = area.height - around as u16;
    let mut y = area.y;
    [header, prompt, pane, subtitles, timeline, 1, 1].map(|height| {
        let row = Rect { y, height, ..area };
        y += height;
        row
    })
}

/// [`rows`] as ratatui's layout solver finds them.
fn solved_rows(area: Rect, [header, prompt, subtitles, timeline]: [u16; 4]) -> [Rect; 7] {
    Layout::vertical([
        Constraint::Length(header),
        Constraint::Length(prompt),
        Constraint::Min(3),
        Constraint::Length(subtitles),
        Constraint::Length(timeline),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area)
}

/// The pane: the slide, or the view on top of it. Also says what part of the pane the slide left
/// untouched (the views say nothing).
pub(crate) fn body(frame: &mut Frame<'_>, area: Rect, app: &App, ctx: &Ctx<'_>) -> (Drawn, Untouched) {
    let drawn = match app.view() {
        None => return slide::draw(frame, area, app, ctx),
        Some(View::Toc { selected }) => lists::toc(frame, area, app, *selected, ctx),
        Some(View::Results { selected }) => lists::results(frame, area, app, *selected, ctx),
        Some(View::Bookmarks { selected }) => lists::bookmarks(frame, area, app, *selected, ctx),
        Some(View::Lessons { selected }) => lists::lessons(frame, area, app, *selected, ctx),
        Some(View::Code { selected, .. }) => code_picker::draw(frame, area, app, *selected, ctx),
        Some(View::Practice { selected }) => practice::list(frame, area, app, *selected, ctx),
        Some(View::Exercise { scroll }) => practice::exercise(frame, area, app, *scroll, ctx),
        Some(View::Narration { scroll, selected }) => {
            text_views::narration(frame, area, app, (*scroll, *selected), ctx)
        }
        Some(View::Describe { scroll }) => text_views::describe(frame, area, app, *scroll, ctx),
        Some(View::Source { scroll }) => text_views::source(frame, area, app, *scroll, ctx),
        Some(View::Help { scroll }) => help::draw(frame, area, app, *scroll, ctx),
    };
    (drawn, Untouched::default())
}

/// Draws a frame and lets the app act on what drawing found (a search hit scrolled into view
/// needs a second frame). The driver (on its [`surface::Surface`], which sends only the changed
/// cells) and the tests (on a ratatui `Terminal`) both draw through here.
pub fn render<S: surface::Surface>(terminal: &mut S, app: &mut App, ctx: &Ctx<'_>) -> Result<(), S::Error> {
    for _ in 0..2 {
        let mut drawn = Drawn::default();
        terminal.frame(|f, on_screen| {
            let (d, painted) = screen(f, app, ctx, on_screen);
            drawn = d;
            painted
        })?;
        if !app.update(Msg::Drawn(drawn)).redraw {
            break;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rows counted directly are the layout solver's, for every height the player draws at
    /// and every size of the rows around the pane; where they don't fit, the solver answers.
    #[test]
    fn rows_are_the_layout_solvers() {
        for height in 0..=90 {
            let area = Rect::new(3, 2, 120, height);
            for header in [0, 1, 6] {
                for prompt in [0, 3] {
                    for subtitles in [0, 1, 2] {
                        for timeline in [0, 1] {
                            let fixed = [header, prompt, subtitles, timeline];
                            let solver = solved_rows(area, fixed);
                            assert_eq!(rows(area, fixed), solver, "{height} rows, {fixed:?}");
                        }
                    }
                }
            }
        }
    }
}
