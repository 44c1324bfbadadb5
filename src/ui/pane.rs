//! The framed pane every view draws into, K9s-style: ` name(subject)[count] ` on the top border and
//! the scroll position on the bottom one.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::symbols::line;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Widget};

use super::Ctx;
use super::untouched::Untouched;
use crate::app::Drawn;
use crate::text::{clean_line, display_width, truncate_to};
use crate::theme::UiRole;

/// The title on the pane's top border.
pub struct Title<'a> {
    pub name: &'a str,
    pub subject: Option<String>,
    pub count: Option<String>,
}

/// The area inside the frame, with one cell of padding left and right.
pub fn inner(area: Rect) -> Rect {
    let inner = Block::new().borders(Borders::ALL).inner(area);
    Rect {
        x: inner.x.saturating_add(1),
        width: inner.width.saturating_sub(2),
        ..inner
    }
}

/// Draws the frame with `title` and, when the text doesn't fit, the scroll `position`
/// (first row shown, rows shown, rows in all).
pub fn frame(
    frame: &mut Frame<'_>,
    area: Rect,
    title: &Title<'_>,
    position: Option<(usize, usize, usize)>,
    ctx: &Ctx<'_>,
) {
    let accent = ctx.ui(UiRole::PaneTitleAccent);
    let budget = (area.width as usize).saturating_sub(4);
    let mut spans = vec![Span::styled(format!(" {}", title.name), ctx.ui(UiRole::PaneTitle))];
    if let Some(subject) = &title.subject {
        spans.push(Span::styled(format!("({})", clean_line(subject)), accent));
    }
    if let Some(count) = &title.count {
        spans.push(Span::styled(format!("[{count}]"), accent));
    }
    spans.push(Span::styled(" ", ctx.ui(UiRole::PaneTitle)));
    let text: String = spans.iter().map(|s| s.content.as_ref()).collect();
    let top = if display_width(&text) > budget {
        Line::from(Span::styled(truncate_to(&text, budget), ctx.ui(UiRole::PaneTitle)))
    } else {
        Line::from(spans)
    };
    let label = position
        .filter(|&(_, page, total)| total > page)
        .map(|(first, page, total)| {
            let last = (first + page).min(total);
            let arrow = match (first > 0, last < total) {
                (true, true) => "▲▼",
                (false, true) => "▼",
                (true, false) => "▲",
                (false, false) => "",
            };
            Line::from(Span::styled(
                format!(" {arrow} {}-{last}/{total} ", first + 1),
                ctx.ui(UiRole::ScrollIndicator),
            ))
            .alignment(Alignment::Right)
        });
    let edge = |borders: Borders| {
        Block::new()
            .borders(borders)
            .border_type(BorderType::Plain)
            .border_style(ctx.ui(UiRole::Border))
    };
    let with_label = |block: Block<'static>| match label.clone() {
        Some(label) => block.title_bottom(label),
        None => block,
    };
    let top = top.alignment(Alignment::Center);
    let area = area.intersection(frame.area());
    if area.height < 3 || area.width < 2 {
        // Too small for the edges to be drawn apart: one block, as ratatui draws it.
        frame.render_widget(with_label(edge(Borders::ALL).title_top(top)), area);
        return;
    }
    let buf = frame.buffer_mut();
    // Drawn as ratatui draws a bordered `Block` over `area`, without styling every cell inside
    // it: a `Block` sets its style on its whole area, even an empty style, and at 200x60 that
    // pass over 10,000 cells was a large part of a slide change. So the top and bottom rows are
    // blocks of one row each, and the sides are drawn cell by cell.
    let last = area.bottom() - 1;
    edge(Borders::TOP | Borders::LEFT | Borders::RIGHT)
        .title_top(top)
        .render(Rect { height: 1, ..area }, buf);
    with_label(edge(Borders::BOTTOM | Borders::LEFT | Borders::RIGHT)).render(
        Rect {
            y: last,
            height: 1,
            ..area
        },
        buf,
    );
    let border = ctx.ui(UiRole::Border);
    for y in area.top() + 1..last {
        for x in [area.left(), area.right() - 1] {
            buf[(x, y)].set_symbol(line::VERTICAL).set_style(border);
        }
    }
}

/// A framed, scrolling text: the views that show lines (slide, narration, describe, source, help).
pub fn text(
    f: &mut Frame<'_>,
    area: Rect,
    title: &Title<'_>,
    lines: &[Line<'_>],
    scroll: usize,
    ctx: &Ctx<'_>,
) -> Drawn {
    text_leaving(f, area, title, lines, scroll, ctx).0
}

/// [`text`], also saying what it left untouched inside the frame: each row from the end of its
/// text, and the rows below the text whole.
pub fn text_leaving(
    f: &mut Frame<'_>,
    area: Rect,
    title: &Title<'_>,
    lines: &[Line<'_>],
    scroll: usize,
    ctx: &Ctx<'_>,
) -> (Drawn, Untouched) {
    let inside = inner(area);
    let page = inside.height as usize;
    let max = max_scroll(lines.len(), page);
    let first = scroll.min(max);
    frame(f, area, title, Some((first, page, lines.len())), ctx);
    let ends = write_lines(f, inside, lines, first);
    // The padding column before the text is untouched too, but not a text row's: its text begins
    // after it, and a row is untouched only from the end of its text.
    let framed = Block::new().borders(Borders::ALL).inner(area.intersection(f.area()));
    let untouched = Untouched::new(framed, ends);
    let drawn = Drawn {
        max_scroll: max,
        page,
        ..Drawn::default()
    };
    (drawn, untouched)
}

/// Writes `lines` into `area` from row `first`. Lines are already wrapped to `area.width`.
/// Returns, for each row written, the column after its text.
pub fn write_lines(frame: &mut Frame<'_>, area: Rect, lines: &[Line<'_>], first: usize) -> Vec<u16> {
    let buf = frame.buffer_mut();
    let rows = lines.iter().skip(first).take(area.height as usize);
    (rows.enumerate())
        .map(|(row, line)| super::cells::set_line(buf, area.x, area.y + row as u16, line, area.width).0)
        .collect()
}

/// The furthest a text of `total` rows scrolls in `page` rows.
pub fn max_scroll(total: usize, page: usize) -> usize {
    total.saturating_sub(page)
}
