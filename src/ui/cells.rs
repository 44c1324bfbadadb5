//! Writing a line into the buffer exactly as ratatui's `Buffer::set_line` does, with a short way
//! for spans whose every character is a grapheme cluster of its own.
//!
//! ratatui splits every span into grapheme clusters and measures each one. In ASCII every
//! character is a cluster of its own, one cell wide (a control character, and so `\r\n`, is
//! dropped), so an ASCII span is written a byte per cell with no segmentation: most of a slide's
//! code, commands and English words. Korean syllables, Latin-1, dashes, arrows and box drawing
//! are clusters of their own too, as long as nothing that joins (a combining mark, a jamo, a
//! joiner, a variation selector) is in the span: a span of only those is written a character per
//! cluster, each measured as ratatui measures it. Anything else goes through ratatui as before.

use ratatui::buffer::{Buffer, Cell, CellDiffOption, CellWidth};
use ratatui::style::Style;
use ratatui::text::Line;

use crate::text::is_hangul_syllable;

/// `buf.set_line(x, y, line, max_width)`, the same cells in the same place.
pub(crate) fn set_line(buf: &mut Buffer, x: u16, y: u16, line: &Line<'_>, max_width: u16) -> (u16, u16) {
    let mut remaining = max_width;
    let mut x = x;
    for span in line {
        if remaining == 0 {
            break;
        }
        let style = line.style.patch(span.style);
        let text = span.content.as_ref();
        let end = if text.is_ascii() {
            set_ascii(buf, x, y, text, remaining, style)
        } else if stands_alone(text) {
            set_alone(buf, x, y, text, remaining, style)
        } else {
            buf.set_stringn(x, y, text, usize::from(remaining), style).0
        };
        remaining = remaining.saturating_sub(end.saturating_sub(x));
        x = end;
    }
    (x, y)
}

/// `buf.set_stringn` for ASCII `text`: a cell per printable character, up to `max_width` cells
/// and the buffer's right edge. Returns the column after the last cell written.
fn set_ascii(buf: &mut Buffer, mut x: u16, y: u16, text: &str, max_width: u16, style: Style) -> u16 {
    let mut room = buf.area.right().saturating_sub(x).min(max_width);
    for (i, byte) in text.bytes().enumerate() {
        if byte.is_ascii_control() {
            continue;
        }
        if room == 0 {
            break;
        }
        room -= 1;
        buf[(x, y)].set_symbol(&text[i..=i]).set_style(style);
        x += 1;
    }
    x
}

/// Whether every character of `text` is a grapheme cluster of its own ([`alone`]), so that it is
/// written a cell (or two) per character whichever way ratatui writes it.
pub(crate) fn stands_alone(text: &str) -> bool {
    text.chars().all(alone)
}

/// Whether `c` is a grapheme cluster of its own next to any other such character: printable
/// ASCII and Latin-1 (but the soft hyphen, a control), general punctuation from the hyphen to the
/// ellipsis, arrows, box drawing, and Hangul syllables (which join only jamo). Their
/// `Grapheme_Cluster_Break` is `Other` (the syllables' `LV`/`LVT` join only jamo), so no
/// segmentation rule joins two of them.
fn alone(c: char) -> bool {
    matches!(c,
        ' '..='~'
        | '\u{A0}'..='\u{AC}'
        | '\u{AE}'..='\u{FF}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2190}'..='\u{21FF}'
        | '\u{2500}'..='\u{259F}')
        || is_hangul_syllable(c)
}

/// `symbol.cell_width()`, answered without a table lookup for one character that stands
/// [`alone`] (a Hangul syllable is two cells, the rest one): the diff asks it of every wide glyph
/// and box-drawing line it passes, unchanged or not.
pub(crate) fn width(symbol: &str) -> u16 {
    let mut chars = symbol.chars();
    match (chars.next(), chars.next()) {
        // One byte is one cell, as `cell_width` says without looking.
        (Some(c), None) if c.is_ascii() => 1,
        (Some(c), None) if is_hangul_syllable(c) => 2,
        (Some(c), None) if alone(c) => 1,
        _ => symbol.cell_width(),
    }
}

/// [`width`] of a cell: its forced width if it has one, as ratatui's `Cell::cell_width`.
pub(crate) fn cell_width(cell: &Cell) -> u16 {
    match cell.diff_option {
        CellDiffOption::ForcedWidth(w) => w.get(),
        _ => width(cell.symbol()),
    }
}

/// `buf.set_stringn` for `text` of characters that are each [`alone`]: a cluster per character,
/// as wide as ratatui measures it (the cells a wide one covers are emptied), as long as it fits in
/// `max_width` cells and the buffer's right edge. Returns the column after the last cell written.
fn set_alone(buf: &mut Buffer, mut x: u16, y: u16, text: &str, max_width: u16, style: Style) -> u16 {
    let mut room = buf.area.right().saturating_sub(x).min(max_width);
    for (i, c) in text.char_indices() {
        let symbol = &text[i..i + c.len_utf8()];
        let width = width(symbol);
        let Some(left) = room.checked_sub(width) else {
            break;
        };
        room = left;
        buf[(x, y)].set_symbol(symbol).set_style(style);
        for covered in x + 1..x + width {
            buf[(covered, y)].reset();
        }
        x += width;
    }
    x
}

#[cfg(test)]
mod tests {
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Modifier, Stylize};
    use ratatui::text::Span;

    use super::*;

    /// The same line written both ways into the same buffer gives the same cells and position.
    #[test]
    fn writes_what_ratatui_writes() {
        let spans = |texts: &[&str]| -> Line<'static> {
            let styles = [
                Style::default(),
                Style::default().fg(Color::Yellow).add_modifier(Modifier::BOLD),
                Style::default().bg(Color::Blue),
            ];
            let spans: Vec<Span<'static>> = (texts.iter().enumerate())
                .map(|(i, t)| Span::styled(t.to_string(), styles[i % styles.len()]))
                .collect();
            Line::from(spans).italic()
        };
        let lines = [
            spans(&["kubectl apply -f pod.yaml", " ", "# 파드 생성"]),
            spans(&["tab\there", "cr\r\nlf", "\u{7f}del", ""]),
            spans(&["e\u{301}", "ascii after a combining mark"]),
            spans(&["a very long ascii line that runs past the edge of the buffer for sure"]),
            spans(&["한글", "ab", "❤\u{fe0f}", "x"]),
            spans(&[" 슬라이드 ", "3/24 도커 · 이미지 │ 레지스트리 → 실행", "…—“따옴표”"]),
            spans(&["é×÷ ½ ", "한국어 Ω", "\u{AD}soft", "─┬─┼═╬"]),
            spans(&["한\u{1161}", "가\u{11A8}각", "e\u{301}é", "→\u{fe0f}x", "a\u{200d}b"]),
        ];
        let area = Rect::new(2, 1, 30, 3);
        for line in &lines {
            for (x, width) in [(2, 30), (5, 7), (20, 40), (31, 5), (0, 0)] {
                for y in [1, 3] {
                    let mut theirs = Buffer::filled(area, ratatui::buffer::Cell::new("."));
                    let mut ours = theirs.clone();
                    let x = x.max(area.x);
                    let expected = theirs.set_line(x, y, line, width);
                    let got = set_line(&mut ours, x, y, line, width);
                    assert_eq!(got, expected, "{line:?} at {x},{y} in {width}");
                    assert_eq!(ours, theirs, "{line:?} at {x},{y} in {width}");
                }
            }
        }
    }

    /// Random spans of characters that stand alone and of ones that join them (jamo, combining
    /// marks, joiners, variation selectors, controls, regional indicators), at random places:
    /// the same cells as ratatui every time, whichever way each span is written.
    #[test]
    fn random_text_writes_what_ratatui_writes() {
        let pool = [
            'a', ' ', '~', 'é', '·', '\u{A0}', '\u{AD}', '—', '…', '→', '↔', '│', '═', '가', '힣', '한', '\u{1100}',
            '\u{1161}', '\u{11A8}', '\u{301}', '\u{200D}', '\u{FE0F}', '\u{7}', '\t', '🇰', '🇷', '❤', '中', '\u{302A}',
        ];
        let mut rng = crate::fuzz::rng::Rng::new(11);
        let area = Rect::new(0, 0, 24, 1);
        for _ in 0..3_000 {
            let spans: Vec<Span<'static>> = (0..1 + rng.below(3))
                .map(|_| {
                    let text: String = (0..rng.below(10)).map(|_| *rng.pick(&pool)).collect();
                    Span::styled(text, Style::default().fg(Color::Indexed(rng.below(4) as u8)))
                })
                .collect();
            let line = Line::from(spans);
            let (x, width) = (rng.below(24) as u16, rng.below(30) as u16);
            let mut theirs = Buffer::filled(area, ratatui::buffer::Cell::new("."));
            let mut ours = theirs.clone();
            assert_eq!(
                set_line(&mut ours, x, 0, &line, width),
                theirs.set_line(x, 0, &line, width)
            );
            assert_eq!(ours, theirs, "{line:?} at {x} in {width}");
        }
    }

    /// Every character that stands alone, and a few that don't, measured as ratatui measures it.
    #[test]
    fn widths_are_ratatuis() {
        let alone_ones = (0..=0x10FFFF).filter_map(char::from_u32).filter(|c| alone(*c));
        let others = ['\u{AD}', '\u{301}', '中', '❤', '\u{1100}'].into_iter();
        for c in alone_ones.chain(others) {
            let symbol = c.to_string();
            assert_eq!(width(&symbol), symbol.cell_width(), "{c:?}");
        }
        for symbol in ["", "e\u{301}", "❤\u{fe0f}", "한\u{1161}"] {
            assert_eq!(width(symbol), symbol.cell_width(), "{symbol:?}");
        }
        let forced = Cell::new("ab")
            .set_diff_option(CellDiffOption::ForcedWidth(2.try_into().unwrap()))
            .clone();
        assert_eq!(cell_width(&forced), ratatui::buffer::CellWidth::cell_width(&forced));
    }
}
