//! The framed pane every view draws into, K9s-style: ` name(subject)[count] ` on the top border and
//! the scroll position on the bottom one.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::symbols::line;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Widget};

use super::untouched::Untouched;
use super::{Ctx, cells};
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
    // drawn as blocks of one row each would draw them, and the sides cell by cell.
    let last = area.bottom() - 1;
    let border = ctx.ui(UiRole::Border);
    let top_row = Rect { height: 1, ..area };
    if !edge_row(buf, top_row, [line::TOP_LEFT, line::TOP_RIGHT], border, Some(&top)) {
        (edge(Borders::TOP | Borders::LEFT | Borders::RIGHT).title_top(top)).render(top_row, buf);
    }
    let bottom_row = Rect { y: last, ..top_row };
    if !edge_row(
        buf,
        bottom_row,
        [line::BOTTOM_LEFT, line::BOTTOM_RIGHT],
        border,
        label.as_ref(),
    ) {
        with_label(edge(Borders::BOTTOM | Borders::LEFT | Borders::RIGHT)).render(bottom_row, buf);
    }
    for y in area.top() + 1..last {
        for x in [area.left(), area.right() - 1] {
            buf[(x, y)].set_symbol(line::VERTICAL).set_style(border);
        }
    }
}

/// Draws the top or bottom row of the frame in `row` (two cells wide at least) as a `Block` of
/// one row with that border and `title` draws it: the corners, a line between them, all in
/// `style`, and the title placed by its alignment (centred or right) between the corners, its
/// spans' styles over the border's. Only a title that fits whole and whose every character is a
/// cluster of its own; for any other it draws nothing and says so (the caller asks the `Block`).
fn edge_row(buf: &mut Buffer, row: Rect, corners: [&str; 2], style: Style, title: Option<&Line<'_>>) -> bool {
    let between = Rect {
        x: row.x + 1,
        width: row.width - 2,
        ..row
    };
    let width = title.map_or(0, |t| t.width());
    let plain = title.is_none_or(|t| t.iter().all(|span| cells::stands_alone(&span.content)));
    if width > usize::from(between.width) || !plain {
        return false;
    }
    buf[(row.x, row.y)].set_symbol(corners[0]).set_style(style);
    for x in between.left()..between.right() {
        buf[(x, row.y)].set_symbol(line::HORIZONTAL).set_style(style);
    }
    buf[(row.right() - 1, row.y)].set_symbol(corners[1]).set_style(style);
    if let Some(title) = title.filter(|_| width > 0) {
        // Fits: at most `between.width`, a u16.
        let width = width as u16;
        let x = match title.alignment {
            Some(Alignment::Right) => between.right() - width,
            _ => between.x + (between.width - width) / 2,
        };
        cells::set_line(buf, x, row.y, title, width);
    }
    true
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

#[cfg(test)]
mod edge_tests {
    use ratatui::style::{Color, Modifier};

    use super::*;

    /// The frame's top and bottom rows drawn directly are the ones a one-row `Block` draws, for
    /// every width and for titles that fit and don't, plain and not.
    #[test]
    fn edge_rows_are_what_a_block_draws() {
        let border = Style::default().fg(Color::Blue).add_modifier(Modifier::DIM);
        let spans = |texts: &[&'static str]| {
            let styles = [
                Style::default().fg(Color::Yellow).bg(Color::Black),
                Style::default().bold(),
            ];
            Line::from(
                (texts.iter().enumerate())
                    .map(|(i, t)| Span::styled(*t, styles[i % 2]))
                    .collect::<Vec<_>>(),
            )
        };
        let titles = [
            None,
            Some(spans(&[" slide", "(1.2)", "[3/24 ★]", " "])),
            Some(spans(&[" 슬라이드", "(도커 이미지)", " "])),
            Some(spans(&[" ▲▼ 1-52/60 "])),
            Some(spans(&[" e\u{301}", "x"])),
            Some(spans(&[""])),
        ];
        let mut direct = 0;
        for width in 2..30 {
            for title in &titles {
                for (alignment, borders, corners) in [
                    (Alignment::Center, Borders::TOP, [line::TOP_LEFT, line::TOP_RIGHT]),
                    (
                        Alignment::Right,
                        Borders::BOTTOM,
                        [line::BOTTOM_LEFT, line::BOTTOM_RIGHT],
                    ),
                ] {
                    let row = Rect::new(1, 0, width, 1);
                    let mut theirs = Buffer::filled(Rect::new(0, 0, 32, 1), ratatui::buffer::Cell::new("."));
                    let mut ours = theirs.clone();
                    let title = title.clone().map(|t| t.alignment(alignment));
                    let mut block = Block::new()
                        .borders(borders | Borders::LEFT | Borders::RIGHT)
                        .border_type(BorderType::Plain)
                        .border_style(border);
                    if let Some(t) = title.clone() {
                        block = if borders == Borders::TOP {
                            block.title_top(t)
                        } else {
                            block.title_bottom(t)
                        };
                    }
                    block.render(row, &mut theirs);
                    if edge_row(&mut ours, row, corners, border, title.as_ref()) {
                        assert_eq!(ours, theirs, "{title:?} in {width}");
                        direct += 1;
                    }
                }
            }
        }
        assert!(direct > 100, "most rows are drawn directly: {direct}");
    }
}
