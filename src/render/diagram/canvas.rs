//! A grid of display cells to draw a diagram on, turned into styled lines at the end. A wide
//! character (Hangul) takes its cell and the next; writing over either half of one clears the
//! other half, so the grid never holds half a character.

use unicode_width::UnicodeWidthChar;

use crate::render::{Line, Role, Span, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Never written: a space outside every box.
    Blank,
    /// A character starts here.
    Glyph,
    /// The right half of the wide character in the cell before.
    Tail,
}

#[derive(Debug, Clone, Copy)]
struct Cell {
    ch: char,
    style: Style,
    state: State,
}

const BLANK: Cell = Cell {
    ch: ' ',
    style: Style {
        role: Role::Text,
        fg: None,
        bold: false,
        italic: false,
        underline: false,
        strike: false,
    },
    state: State::Blank,
};

pub(super) struct Canvas {
    width: usize,
    height: usize,
    cells: Vec<Cell>,
    /// Zero-width characters (combining marks) and the cell whose character they follow.
    marks: Vec<(usize, char)>,
}

impl Canvas {
    pub(super) fn new(width: usize, height: usize) -> Self {
        Self {
            width,
            height,
            cells: vec![BLANK; width * height],
            marks: Vec::new(),
        }
    }

    pub(super) fn width(&self) -> usize {
        self.width
    }

    fn index(&self, x: usize, y: usize) -> Option<usize> {
        (x < self.width && y < self.height).then(|| y * self.width + x)
    }

    /// Empties the cell at `i`, and the other half of a wide character it belongs to.
    fn clear(&mut self, i: usize) {
        match self.cells[i].state {
            State::Tail => {
                self.cells[i - 1] = Cell {
                    ch: ' ',
                    ..self.cells[i - 1]
                }
            }
            State::Glyph if self.cells.get(i + 1).is_some_and(|c| c.state == State::Tail) => {
                self.cells[i + 1] = Cell {
                    ch: ' ',
                    state: State::Glyph,
                    ..self.cells[i + 1]
                };
            }
            _ => {}
        }
        self.marks.retain(|(at, _)| *at != i);
    }

    /// Writes one narrow character (box drawing, arrows, spaces).
    pub(super) fn put(&mut self, x: usize, y: usize, ch: char, style: Style) {
        if let Some(i) = self.index(x, y) {
            self.clear(i);
            self.cells[i] = Cell {
                ch,
                style,
                state: State::Glyph,
            };
        }
    }

    /// Writes `text` from `x`, measured in display cells; stops at the right edge rather than
    /// leave half a wide character. Returns the cell after the text.
    pub(super) fn text(&mut self, x: usize, y: usize, text: &str, style: Style) -> usize {
        let mut at = x;
        for ch in text.chars() {
            let w = ch.width().unwrap_or(0);
            if w == 0 {
                if at > x
                    && let Some(i) = self.index(at - 1, y)
                {
                    let head = if self.cells[i].state == State::Tail { i - 1 } else { i };
                    self.marks.push((head, ch));
                }
                continue;
            }
            if at + w > self.width {
                break;
            }
            self.put(at, y, ch, style);
            if w == 2 {
                if let Some(i) = self.index(at + 1, y) {
                    self.clear(i);
                    self.cells[i] = Cell {
                        ch: ' ',
                        style,
                        state: State::Tail,
                    };
                }
            }
            at += w;
        }
        at
    }

    /// The character at a cell: `' '` for a blank cell or the right half of a wide one, `None`
    /// outside the canvas.
    pub(super) fn get(&self, x: usize, y: usize) -> Option<(char, Style)> {
        let cell = self.cells[self.index(x, y)?];
        Some(match cell.state {
            State::Tail => (' ', cell.style),
            _ => (cell.ch, cell.style),
        })
    }

    /// True when every cell of `x0..x1` on row `y` is inside the canvas and never written.
    pub(super) fn is_free(&self, x0: usize, x1: usize, y: usize) -> bool {
        (x0..x1).all(|x| self.index(x, y).is_some_and(|i| self.cells[i].state == State::Blank))
    }

    /// The rows as styled lines, blanks at the end of a row dropped. A row wider than `limit`
    /// cells is cut to `limit - 1` cells and ends in `…`.
    pub(super) fn lines(&self, limit: usize) -> Vec<Line> {
        (0..self.height).map(|y| self.line(y, limit)).collect()
    }

    fn line(&self, y: usize, limit: usize) -> Line {
        let row = &self.cells[y * self.width..(y + 1) * self.width];
        let used = row.iter().rposition(|c| c.state != State::Blank).map_or(0, |i| i + 1);
        let cut = used > limit;
        let keep = if cut { limit.saturating_sub(1) } else { used };
        let mut out: Line = Vec::new();
        let mut push = |text: &str, style: Style| match out.last_mut() {
            Some(last) if last.style == style => last.text.push_str(text),
            _ => out.push(Span::new(text, style)),
        };
        let mut buf = [0u8; 4];
        for (x, cell) in row.iter().enumerate().take(keep) {
            match cell.state {
                State::Tail => continue,
                // A wide character whose right half falls past the cut becomes a space.
                State::Glyph if x + 1 == keep && row.get(x + 1).is_some_and(|c| c.state == State::Tail) => {
                    push(" ", cell.style)
                }
                State::Glyph => {
                    push(cell.ch.encode_utf8(&mut buf), cell.style);
                    let i = y * self.width + x;
                    for (_, mark) in self.marks.iter().filter(|(at, _)| *at == i) {
                        push(mark.encode_utf8(&mut buf), cell.style);
                    }
                }
                State::Blank => push(" ", BLANK.style),
            }
        }
        if cut && limit > 0 {
            push("…", Style::role(Role::Diagram));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::{line_text, line_width};

    #[test]
    fn wide_characters_take_two_cells_and_lines_are_cut_whole() {
        let mut canvas = Canvas::new(8, 1);
        let style = Style::role(Role::Diagram);
        assert_eq!(canvas.text(0, 0, "│빌드│", style), 6);
        assert_eq!(line_text(&canvas.lines(8)[0]), "│빌드│");
        // Writing over the right half of 빌 clears the left half too.
        canvas.put(2, 0, '─', style);
        assert_eq!(line_text(&canvas.lines(8)[0]), "│ ─드│");
        let mut canvas = Canvas::new(8, 1);
        canvas.text(0, 0, "빌드빌드", style);
        let cut = &canvas.lines(4)[0];
        assert_eq!((line_text(cut).as_str(), line_width(cut)), ("빌 …", 4));
        assert_eq!(line_text(&canvas.lines(1)[0]), "…");
        assert!(canvas.lines(0)[0].is_empty());
    }
}
