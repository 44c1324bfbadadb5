//! Blocks -> wrapped, styled lines at a given width.

use super::highlight::Highlighter;
use super::wrap::wrap_spans;
use super::{Line, Role, Span, Style, line_width};
use crate::content::{Align, Block, CodeBlock, Cover, Inline, List, Slide, Table};
use crate::text::{display_width, pad_to, truncate_to};

/// How to draw: the width in cells, the highlighter (none: plain code), the lesson's diagrams
/// (for `Block::Figure`) and the diagram component a learner has selected, if any.
pub struct RenderOptions<'a> {
    pub width: usize,
    pub highlighter: Option<&'a Highlighter>,
    pub syntax_theme: &'a str,
    pub diagrams: &'a [crate::content::diagram::Diagram],
    /// (diagram, component) to draw selected.
    pub focus: Option<(usize, usize)>,
}

/// The slide's heading: section (for `####` slides), then number and title.
pub fn title_lines(slide: &Slide, width: usize) -> Vec<Line> {
    let mut out = Vec::new();
    if let Some(section) = &slide.section {
        out.push(vec![Span::new(truncate_to(section, width), Style::role(Role::Muted))]);
    }
    let title = slide.display_title();
    out.extend(wrap_spans(&[Span::new(title, Style::role(Role::Title).bold())], width));
    out
}

/// The slide's content, wrapped to `opts.width`.
pub fn slide_lines(slide: &Slide, opts: &RenderOptions<'_>) -> Vec<Line> {
    blocks(&slide.blocks, opts, opts.width.max(1))
}

fn blocks(blocks: &[Block], opts: &RenderOptions<'_>, width: usize) -> Vec<Line> {
    spaced_blocks(blocks, opts, width, true)
}

/// Blocks one after another, with a blank line between them when `spaced` (not inside list items,
/// where a paragraph and its sub-list belong together).
fn spaced_blocks(blocks: &[Block], opts: &RenderOptions<'_>, width: usize, spaced: bool) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 && spaced {
            out.push(Vec::new());
        }
        out.extend(block_lines(block, opts, width));
    }
    out
}

fn block_lines(block: &Block, opts: &RenderOptions<'_>, width: usize) -> Vec<Line> {
    match block {
        Block::Paragraph(inlines) => wrap_spans(&inline_spans(inlines, Style::default()), width),
        Block::Heading { text, .. } => wrap_spans(&inline_spans(text, Style::role(Role::Heading).bold()), width),
        Block::List(list) => list_lines(list, opts, width),
        Block::Table(table) => table_lines(table, width),
        Block::Code(code) => code_lines(code, opts, width),
        Block::Diagram { text } => text
            .lines()
            .map(|l| vec![Span::new(truncate_to(l, width), Style::role(Role::Diagram))])
            .collect(),
        Block::Quote(inner) => {
            let bar = Span::new("▌ ", Style::role(Role::Quote));
            blocks(inner, opts, width.saturating_sub(2).max(1))
                .into_iter()
                .map(|mut l| {
                    l.iter_mut().for_each(|s| s.style.italic = true);
                    l.insert(0, bar.clone());
                    l
                })
                .collect()
        }
        Block::Rule => vec![vec![Span::new("─".repeat(width), Style::role(Role::Border))]],
        Block::Figure(i) => match opts.diagrams.get(*i) {
            Some(d) => {
                let selected = opts.focus.filter(|(f, _)| f == i).map(|(_, c)| c);
                super::diagram::draw(d, width, selected).lines
            }
            None => Vec::new(),
        },
        Block::Cover(cover) => cover_lines(cover, width),
    }
}

/// Inline runs -> spans in `base` style with their own emphasis on top.
pub fn inline_spans(inlines: &[Inline], base: Style) -> Vec<Span> {
    inlines
        .iter()
        .map(|i| {
            let mut style = base;
            style.bold |= i.style.bold;
            style.italic |= i.style.italic;
            style.strike |= i.style.strike;
            if i.style.code {
                style.role = Role::InlineCode;
            } else if i.link.is_some() {
                style.role = Role::Link;
                style.underline = true;
            }
            Span::new(i.text.clone(), style)
        })
        .collect()
}

fn list_lines(list: &List, opts: &RenderOptions<'_>, width: usize) -> Vec<Line> {
    let mut out = Vec::new();
    let markers: Vec<String> = (0..list.items.len())
        .map(|i| match list.start {
            Some(start) => format!("{}. ", start + i as u64),
            None => "• ".to_string(),
        })
        .collect();
    let indent = markers.iter().map(|m| display_width(m)).max().unwrap_or(2);
    for (item, marker) in list.items.iter().zip(markers) {
        let inner = spaced_blocks(item, opts, width.saturating_sub(indent).max(1), false);
        for (i, mut line) in inner.into_iter().enumerate() {
            let prefix = if i == 0 {
                pad_to(&marker, indent)
            } else {
                " ".repeat(indent)
            };
            line.insert(0, Span::new(prefix, Style::role(Role::Accent)));
            out.push(line);
        }
    }
    out
}

fn code_lines(code: &CodeBlock, opts: &RenderOptions<'_>, width: usize) -> Vec<Line> {
    let border = Style::role(Role::Border);
    // Frame: `╭─ yaml ──╮`, `│ code │`, `╰──╯`; the frame needs 4 cells.
    let inner = width.saturating_sub(4).max(1);
    // The label is cut to the frame, so the frame's width is never less than the label's.
    let label = truncate_to(code.lang.as_deref().unwrap_or("text"), inner.saturating_sub(2).max(1));
    let body = code_body(code.lang.as_deref(), &code.text, opts, inner);
    let content_width = body
        .iter()
        .map(|l| line_width(l))
        .max()
        .unwrap_or(0)
        .max(display_width(&label) + 2)
        .min(inner);
    let mut out = Vec::new();
    let top_fill = (content_width + 2).saturating_sub(display_width(&label) + 3);
    if width >= 6 {
        out.push(vec![
            Span::new("╭─ ", border),
            Span::new(label.clone(), Style::role(Role::CodeLabel).bold()),
            Span::new(format!(" {}╮", "─".repeat(top_fill)), border),
        ]);
    }
    for mut line in body {
        if width < 6 {
            out.push(line);
            continue;
        }
        let pad = content_width.saturating_sub(line_width(&line));
        line.insert(0, Span::new("│ ", border));
        line.push(Span::new(" ".repeat(pad), Style::role(Role::Code)));
        line.push(Span::new(" │", border));
        out.push(line);
    }
    if width >= 6 {
        out.push(vec![Span::new(format!("╰{}╯", "─".repeat(content_width + 2)), border)]);
    }
    out
}

/// Code highlighted (when there is a highlighter) and wrapped to `width`, with a `↪` starting each
/// continuation so nothing is cut silently. No frame: used inside code frames and by the source view.
pub fn code_body(lang: Option<&str>, text: &str, opts: &RenderOptions<'_>, width: usize) -> Vec<Line> {
    let highlighted = match opts.highlighter {
        Some(h) => h.highlight(lang, text, opts.syntax_theme),
        None => std::sync::Arc::new(
            text.split('\n')
                .map(|l| vec![Span::new(l, Style::role(Role::Code))])
                .collect(),
        ),
    };
    highlighted
        .iter()
        .flat_map(|line| wrap_code_line(line, width.max(1)))
        .collect()
}

fn wrap_code_line(line: &[Span], width: usize) -> Vec<Line> {
    if line_width(line) <= width {
        return vec![line.to_vec()];
    }
    let mut out: Vec<Line> = vec![Vec::new()];
    let mut used = 0;
    for span in line {
        for c in span.text.chars() {
            let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if used + cw > width {
                out.push(vec![Span::new("↪", Style::role(Role::Muted))]);
                used = 1;
            }
            let last = out.last_mut().expect("non-empty");
            match last.last_mut() {
                Some(s) if s.style == span.style => s.text.push(c),
                _ => last.push(Span::new(c.to_string(), span.style)),
            }
            used += cw;
        }
    }
    out
}

fn table_lines(table: &Table, width: usize) -> Vec<Line> {
    let cols = table
        .header
        .len()
        .max(table.rows.iter().map(Vec::len).max().unwrap_or(0));
    if cols == 0 {
        return Vec::new();
    }
    let cell_text = |row: &[Vec<Inline>], c: usize| {
        row.get(c)
            .map(|i| inline_spans(i, Style::default()))
            .unwrap_or_default()
    };
    let natural = |c: usize| {
        std::iter::once(&table.header)
            .chain(&table.rows)
            .flat_map(|r| {
                crate::content::inline_text(r.get(c).map(Vec::as_slice).unwrap_or(&[]))
                    .split('\n')
                    .map(display_width)
                    .collect::<Vec<_>>()
            })
            .max()
            .unwrap_or(0)
            .max(1)
    };
    let natural: Vec<usize> = (0..cols).map(natural).collect();
    // Borders take 3 cells a column plus 1.
    let budget = width.saturating_sub(3 * cols + 1).max(cols);
    let widths = fit_columns(&natural, budget);
    let border = Style::role(Role::Border);
    let rule = |l: &str, m: &str, r: &str| -> Line {
        let parts: Vec<String> = widths.iter().map(|w| "─".repeat(w + 2)).collect();
        vec![Span::new(format!("{l}{}{r}", parts.join(m)), border)]
    };
    let row_lines = |row: &[Vec<Inline>], header: bool| -> Vec<Line> {
        let cells: Vec<Vec<Line>> = (0..cols)
            .map(|c| {
                let mut spans = cell_text(row, c);
                if header {
                    spans.iter_mut().for_each(|s| {
                        s.style.role = Role::TableHeader;
                        s.style.bold = true;
                    });
                }
                wrap_spans(&spans, widths[c])
            })
            .collect();
        let height = cells.iter().map(Vec::len).max().unwrap_or(1);
        (0..height)
            .map(|i| {
                let mut line = vec![Span::new("│", border)];
                for c in 0..cols {
                    let content = cells[c].get(i).cloned().unwrap_or_default();
                    let pad = widths[c].saturating_sub(line_width(&content));
                    let (left, right) = match table.align.get(c) {
                        Some(Align::Right) => (pad, 0),
                        Some(Align::Center) => (pad / 2, pad - pad / 2),
                        _ => (0, pad),
                    };
                    line.push(Span::new(" ".repeat(left + 1), Style::default()));
                    line.extend(content);
                    line.push(Span::new(" ".repeat(right + 1), Style::default()));
                    line.push(Span::new("│", border));
                }
                line
            })
            .collect()
    };
    let mut out = vec![rule("┌", "┬", "┐")];
    out.extend(row_lines(&table.header, true));
    out.push(rule("├", "┼", "┤"));
    for row in &table.rows {
        out.extend(row_lines(row, false));
    }
    out.push(rule("└", "┴", "┘"));
    if width < 3 * cols + 1 + cols {
        // Too narrow for a grid: cut every line, marked.
        return out
            .into_iter()
            .map(|l| vec![Span::new(truncate_to(&super::line_text(&l), width), Style::default())])
            .collect();
    }
    out
}

/// Column widths that fit `budget` cells: the widest columns give way first, down to a common cap,
/// and no column goes under 1. One sort instead of narrowing one cell per pass, which cost seconds
/// on a 2,000-column table.
fn fit_columns(natural: &[usize], budget: usize) -> Vec<usize> {
    if natural.iter().sum::<usize>() <= budget {
        return natural.to_vec();
    }
    let mut sorted = natural.to_vec();
    sorted.sort_unstable();
    // The largest cap with sum(min(w, cap)) <= budget: below sorted[i], the first i columns keep
    // their width and the other n - i share what is left.
    let n = sorted.len();
    let mut below = 0;
    let mut cap = 1;
    for (i, &w) in sorted.iter().enumerate() {
        let share = budget.saturating_sub(below) / (n - i);
        if share < w {
            cap = share.max(1);
            break;
        }
        below += w;
    }
    let mut widths: Vec<usize> = natural.iter().map(|&w| w.min(cap)).collect();
    // Cells the cap left over go one each to the earliest cut columns.
    let mut spare = budget.saturating_sub(widths.iter().sum());
    for (w, &nat) in widths.iter_mut().zip(natural) {
        if spare == 0 {
            break;
        }
        if nat > *w {
            *w += 1;
            spare -= 1;
        }
    }
    widths
}

fn cover_lines(cover: &Cover, width: usize) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    let muted = Style::role(Role::Muted);
    let accent = Style::role(Role::Accent).bold();
    let mut meta = Vec::new();
    if let Some(date) = &cover.date {
        meta.push(date.clone());
    }
    meta.extend(cover.categories.iter().cloned());
    if !meta.is_empty() {
        out.extend(wrap_spans(&[Span::new(meta.join(" · "), muted)], width));
    }
    if !cover.tags.is_empty() {
        let mut spans = Vec::new();
        for tag in &cover.tags {
            spans.push(Span::new(format!("[{tag}]"), Style::role(Role::Tag)));
            spans.push(Span::new(" ", Style::default()));
        }
        out.extend(wrap_spans(&spans, width));
    }
    if !cover.excerpt.is_empty() {
        out.push(Vec::new());
        out.extend(wrap_spans(&inline_spans(&cover.excerpt, Style::default()), width));
    }
    if let Some(card) = &cover.card {
        let mut section = |label: &str, items: &[String], bullets: bool| {
            if items.is_empty() {
                return;
            }
            out.push(Vec::new());
            out.push(vec![Span::new(label.to_string(), accent)]);
            if bullets {
                for item in items {
                    for (i, mut l) in wrap_spans(
                        &[Span::new(item.clone(), Style::default())],
                        width.saturating_sub(2).max(1),
                    )
                    .into_iter()
                    .enumerate()
                    {
                        l.insert(
                            0,
                            Span::new(if i == 0 { "• " } else { "  " }, Style::role(Role::Accent)),
                        );
                        out.push(l);
                    }
                }
            } else {
                out.extend(wrap_spans(&[Span::new(items.join(", "), Style::default())], width));
            }
        };
        section("핵심 내용", &card.highlights, true);
        section("기술/도구", &card.tools, false);
        section("대상 독자", &card.audience, false);
    }
    if let Some(url) = &cover.original_url {
        out.push(Vec::new());
        out.extend(wrap_spans(
            &[Span::new(
                url.clone(),
                Style {
                    underline: true,
                    ..Style::role(Role::Link)
                },
            )],
            width,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::fit_columns;

    #[test]
    fn fit_columns_shrinks_the_widest_first_and_fills_the_budget() {
        assert_eq!(fit_columns(&[3, 4], 10), [3, 4]);
        assert_eq!(fit_columns(&[2, 10, 10], 12), [2, 5, 5]);
        assert_eq!(fit_columns(&[2, 10, 10], 13), [2, 6, 5]);
        assert_eq!(fit_columns(&[5, 5, 5], 3), [1, 1, 1]);
        assert_eq!(fit_columns(&[1_000_000; 2_000], 2_000), vec![1; 2_000]);
    }
}
