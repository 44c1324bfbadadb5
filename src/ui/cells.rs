//! Writing a line into the buffer exactly as ratatui's `Buffer::set_line` does, with a short way
//! for spans that are all ASCII.
//!
//! ratatui splits every span into grapheme clusters and measures each one. In ASCII every
//! character is a cluster of its own, one cell wide (a control character, and so `\r\n`, is
//! dropped), so an ASCII span is written a byte per cell with no segmentation: most of a slide's
//! code, commands and English words. Anything else goes through ratatui as before.

use ratatui::buffer::Buffer;
use ratatui::style::Style;
use ratatui::text::Line;

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
}
