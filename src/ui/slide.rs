//! The slide pane: title, content, and search matches marked.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};

use super::untouched::Untouched;
use super::{Ctx, convert, pane};

mod memo;
use crate::app::{App, Drawn};
use crate::render::blocks::{RenderOptions, title_lines};
use crate::render::slide_lines;

/// Render options for the theme: syntect colours only when the theme asks for them, and only once
/// syntect is loaded (never on the first frame's path: until then code is drawn plain).
pub fn options<'a>(ctx: &Ctx<'a>, width: usize, app: &'a App) -> RenderOptions<'a> {
    let ready = ctx.highlighter.is_ready();
    RenderOptions {
        width,
        highlighter: ctx.theme.syntax_theme().filter(|_| ready).map(|_| ctx.highlighter),
        syntax_theme: ctx.theme.syntax_theme().unwrap_or(""),
        diagrams: &app.current_lesson().diagrams,
        focus: app.focus().map(|f| (f.diagram, f.component)),
    }
}

/// Draws the slide; also says which part of `area` it left untouched (see [`pane::text_leaving`]).
pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, ctx: &Ctx<'_>) -> (Drawn, Untouched) {
    // While a diagram component is selected, its panel takes the bottom of the pane: a third of
    // it, at least two lines of text (60x20 with the header shown) and at most eight.
    let area = match app.focused() {
        Some((diagram, component)) if area.height >= 10 => {
            let height = (area.height / 3).clamp(4, 10);
            let [slide, panel] = Layout::vertical([Constraint::Min(3), Constraint::Length(height)]).areas(area);
            super::panel::draw(frame, panel, app, diagram, component, ctx);
            slide
        }
        _ => area,
    };
    let lesson = app.current_lesson();
    let total = lesson.slide_count();
    let title = pane::Title {
        name: crate::i18n::words::PANE_SLIDE.get(app.lang()),
        subject: Some(lesson.id_of(app.slide())),
        count: Some(format!(
            "{}/{total}{}",
            app.slide().0 + 1,
            if app.is_bookmarked(app.lesson(), app.slide()) {
                " ★"
            } else {
                ""
            }
        )),
    };
    let Some(slide) = lesson.slide(app.slide()) else {
        return pane::text_leaving(frame, area, &title, &[], 0, ctx);
    };
    let width = pane::inner(area).width.max(1) as usize;
    let shape = memo::Shape {
        width,
        presenting: app.presenting(),
        highlighted: ctx.highlighter.is_ready(),
        focus: app.focus().map(|f| (f.diagram, f.component)),
        needle: app.search().map(|s| s.query.to_lowercase()).unwrap_or_default(),
    };
    let diagrams = &app.current_lesson().diagrams;
    let needle = shape.needle.clone();
    let lines = memo::lines(slide, diagrams, shape, ctx.theme, || {
        let mut styled = if app.presenting() {
            banner(slide, width)
        } else {
            title_lines(slide, width)
        };
        styled.push(Vec::new());
        styled.extend(slide_lines(slide, &options(ctx, width, app)));
        let mut match_lines = Vec::new();
        // The selected component is the one box drawn with a heavy border.
        let focus_line = styled.iter().position(|l| l.iter().any(|s| s.text.contains('┏')));
        let lines = (styled.iter().enumerate())
            .map(|(i, l)| {
                let (line, hit) = convert::line_with_matches(l, ctx.theme, &needle);
                if hit {
                    match_lines.push(i);
                }
                line
            })
            .collect();
        memo::Drawn {
            lines,
            match_lines,
            focus_line,
        }
    });
    let (mut drawn, untouched) = pane::text_leaving(frame, area, &title, &lines.lines, app.scroll(), ctx);
    drawn.match_lines = lines.match_lines.clone();
    drawn.focus_line = lines.focus_line;
    // Where the selected diagram's boxes are, for the arrow keys (the same layout as drawn).
    if let Some((diagram, component)) = app.focused() {
        drawn.diagram_boxes = crate::render::diagram::draw(diagram, width, Some(component))
            .boxes
            .iter()
            .map(|b| (b.component, b.x + b.width / 2, b.y + b.height / 2))
            .collect();
    }
    (drawn, untouched)
}

/// The audience view's title: centred, with a heavy rule under it and room around it, so it reads
/// at the sizes a video call shrinks a shared screen to.
fn banner(slide: &crate::content::Slide, width: usize) -> Vec<crate::render::Line> {
    use crate::render::{Role, Span, Style, line_width};
    let title = crate::render::wrap::wrap_spans(
        &[Span::new(slide.display_title(), Style::role(Role::Title).bold())],
        width,
    );
    let widest = title.iter().map(|l| line_width(l)).max().unwrap_or(0);
    let centre = |mut l: crate::render::Line, w: usize| {
        l.insert(0, Span::new(" ".repeat(width.saturating_sub(w) / 2), Style::default()));
        l
    };
    let mut out = vec![Vec::new()];
    for l in title {
        let w = line_width(&l);
        out.push(centre(l, w));
    }
    out.push(centre(
        vec![Span::new("━".repeat(widest), Style::role(Role::Accent))],
        widest,
    ));
    out
}
