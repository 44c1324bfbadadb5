//! The slide pane: title, content, and search matches marked.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use super::{Ctx, convert, pane};
use crate::app::{App, Drawn};
use crate::render::blocks::{RenderOptions, title_lines};
use crate::render::slide_lines;

/// Render options for the theme: syntect colours only when the theme asks for them, and only once
/// syntect is loaded (never on the first frame's path: until then code is drawn plain).
pub fn options<'a>(ctx: &Ctx<'a>, width: usize) -> RenderOptions<'a> {
    let ready = ctx.highlighter.is_ready();
    RenderOptions {
        width,
        highlighter: ctx.theme.syntax_theme().filter(|_| ready).map(|_| ctx.highlighter),
        syntax_theme: ctx.theme.syntax_theme().unwrap_or(""),
    }
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, ctx: &Ctx<'_>) -> Drawn {
    let lesson = app.current_lesson();
    let total = lesson.slide_count();
    let title = pane::Title {
        name: "slide",
        subject: Some(lesson.id_of(app.slide)),
        count: Some(format!(
            "{}/{total}{}",
            app.slide.0 + 1,
            if app.is_bookmarked(app.lesson, app.slide) {
                " ★"
            } else {
                ""
            }
        )),
    };
    let Some(slide) = lesson.slide(app.slide) else {
        return pane::text(frame, area, &title, &[], 0, ctx);
    };
    let width = pane::inner(area).width.max(1) as usize;
    let mut styled = title_lines(slide, width);
    styled.push(Vec::new());
    styled.extend(slide_lines(slide, &options(ctx, width)));
    let needle = app.search.as_ref().map(|s| s.query.to_lowercase()).unwrap_or_default();
    let mut match_lines = Vec::new();
    let lines: Vec<Line<'static>> = styled
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let (line, hit) = convert::line_with_matches(l, ctx.theme, &needle);
            if hit {
                match_lines.push(i);
            }
            line
        })
        .collect();
    let mut drawn = pane::text(frame, area, &title, &lines, app.scroll, ctx);
    drawn.match_lines = match_lines;
    drawn
}
