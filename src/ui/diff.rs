//! The cells that changed between the frame on screen and the next one, as ratatui's
//! `Buffer::diff` finds them, in one pass that also empties the old frame for reuse.
//!
//! ratatui's `Terminal::draw` makes three passes over every cell of a frame: it empties the
//! buffer it will draw into, compares the whole frame with the last one, and (through the
//! comparison) asks each cell its width. At 200x60 that is 12,000 cells of 48 bytes in each of
//! two buffers, and after a pause between keys none of it is in the cache. This finds the same
//! changes in the same order (wide glyphs, VS16 emoji, cells to skip, forced widths: a port of
//! ratatui-core 0.1's `BufferDiff`), compares a cell's cheap fields before its text, asks for a
//! width only for text longer than one byte, and empties each old cell right after reading it,
//! while it is still in the cache. Tests check it against `Buffer::diff`.

use std::iter::Peekable;
use std::ops::Range;

use ratatui::buffer::{Cell, CellDiffOption};

use super::cells;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};

/// Modifiers that show on a blank cell (as ratatui's diff counts them).
const VISIBLE_ON_BLANK: Modifier = Modifier::REVERSED
    .union(Modifier::UNDERLINED)
    .union(Modifier::SLOW_BLINK)
    .union(Modifier::RAPID_BLINK)
    .union(Modifier::CROSSED_OUT);

/// The changes from `shown` to `next` (two frames of the same `area`), as `(x, y, cell)`. Every
/// cell of `shown` it has passed is emptied; [`Changes::finish`] empties the rest.
///
/// It passes over `pass_over`, ranges of cells (indexes into both, in order) that are empty in
/// `shown` and need not be sent: empty in both frames (the caller knows: nothing was drawn there
/// in either), or kept from the screen (moved from `shown` to `next` and emptied). Those cells
/// are neither compared nor emptied, so a slide of a few short lines in a tall pane costs its
/// lines, not the pane, and a kept header costs nothing.
pub(crate) fn changes<'a, 'b>(
    shown: &'b mut [Cell],
    next: &'a [Cell],
    area: Rect,
    pass_over: Vec<Range<usize>>,
) -> Changes<'a, 'b> {
    Changes {
        len: next.len().min(shown.len()),
        next,
        prev: shown,
        area,
        pos: 0,
        emptied: 0,
        trailing: None,
        pass_over: pass_over.into_iter().peekable(),
    }
}

/// The iterator [`changes`] returns.
pub(crate) struct Changes<'a, 'b> {
    next: &'a [Cell],
    prev: &'b mut [Cell],
    area: Rect,
    len: usize,
    /// The next cell to look at.
    pos: usize,
    /// `prev[..emptied]` has been emptied. Nothing before `pos` is read again.
    emptied: usize,
    trailing: Option<Trailing>,
    /// The ranges to pass over not passed yet.
    pass_over: Peekable<std::vec::IntoIter<Range<usize>>>,
}

/// Cells after a wide glyph that must be looked at (or sent) on their own.
struct Trailing {
    next_index: usize,
    end: usize,
    /// Send every cell of the range, changed or not (a wide glyph with a visible style left it).
    force: bool,
}

impl Changes<'_, '_> {
    /// Empties the cells of the old frame not emptied yet, so it can take the next frame.
    pub(crate) fn finish(&mut self) {
        self.empty_to(self.prev.len());
    }

    fn empty_to(&mut self, end: usize) {
        let end = end.min(self.prev.len());
        if self.emptied < end {
            for cell in &mut self.prev[self.emptied..end] {
                cell.reset();
            }
            self.emptied = end;
        }
    }

    fn at(&self, index: usize) -> (u16, u16) {
        let width = usize::from(self.area.width.max(1));
        // Both fit in u16: `index` is below `area.width * area.height`.
        let x = (index % width) as u16 + self.area.x;
        let y = (index / width) as u16 + self.area.y;
        (x, y)
    }
}

impl<'a> Iterator for Changes<'a, '_> {
    type Item = (u16, u16, &'a Cell);

    fn next(&mut self) -> Option<Self::Item> {
        let len = self.len;
        // Every read from here on is at `pos` or after it (a trailing range starts at `pos`).
        self.empty_to(self.pos.min(len));
        if let Some(t) = &mut self.trailing {
            while t.next_index < t.end {
                let j = t.next_index;
                t.next_index += usize::from(cells::cell_width(&self.next[j]).max(1));
                t.end = t.end.max(t.next_index).min(len);
                if !is_skip(&self.next[j]) && (t.force || self.prev[j].symbol() != self.next[j].symbol()) {
                    let (x, y) = self.at(j);
                    return Some((x, y, &self.next[j]));
                }
            }
            self.pos = t.end;
            self.trailing = None;
        }
        let next = self.next;
        while self.pos < len {
            if let Some(gap) = self.pass_over.next_if(|r| self.pos >= r.start) {
                // Nothing to send and nothing to empty. (`pos` can pass a range's first cell only
                // by stepping over a wide glyph, whose trailing cells are empty.)
                let end = gap.end.min(len);
                if self.pos < end {
                    self.empty_to(self.pos);
                    self.pos = end;
                    self.emptied = end;
                }
                continue;
            }
            let i = self.pos;
            self.pos += 1;
            let current = &next[i];
            let previous = &self.prev[i];
            match current.diff_option {
                CellDiffOption::Skip => {}
                _ if is_skip(current) => {}
                CellDiffOption::ForcedWidth(width) => {
                    self.pos = self.pos.saturating_add(usize::from(width.get().saturating_sub(1)));
                    if current != previous {
                        let (x, y) = self.at(i);
                        return Some((x, y, current));
                    }
                }
                CellDiffOption::None | CellDiffOption::AlwaysUpdate => {
                    let always = matches!(current.diff_option, CellDiffOption::AlwaysUpdate);
                    if !always && same(current, previous) {
                        // Equal cells still step over a wide glyph's trailing cells. A symbol of
                        // one byte is one cell wide (as `cell_width` says without looking).
                        let symbol = current.symbol();
                        if symbol.len() > 1 {
                            self.pos += usize::from(cells::width(symbol)).saturating_sub(1);
                        }
                        continue;
                    }
                    let cell_width = usize::from(cells::cell_width(current));
                    let previous_width = usize::from(cells::cell_width(previous));
                    let vs16 = cell_width > 1 && current.symbol().contains('\u{FE0F}');
                    if vs16 {
                        self.trailing = Some(Trailing {
                            next_index: i + 1,
                            end: (i + cell_width).min(len),
                            force: false,
                        });
                    } else if cell_width > 1 {
                        self.pos += cell_width - 1;
                    } else if previous_width > cell_width
                        && (previous.bg != Color::Reset || previous.modifier.intersects(VISIBLE_ON_BLANK))
                    {
                        // Bounded by the frame, where ratatui would index past its end.
                        self.trailing = Some(Trailing {
                            next_index: i + 1,
                            end: (i + previous_width).min(len),
                            force: true,
                        });
                    }
                    let (x, y) = self.at(i);
                    return Some((x, y, current));
                }
            }
        }
        self.empty_to(len);
        None
    }
}

/// `Cell`'s own equality (a cell with no symbol equals one with a space), with the cheap fields
/// first and a one-byte symbol compared without a call to `memcmp`.
#[allow(deprecated)] // `skip`: ratatui compares it, so this does too
fn same(a: &Cell, b: &Cell) -> bool {
    a.fg == b.fg
        && a.bg == b.bg
        && a.modifier == b.modifier
        && a.underline_color == b.underline_color
        && a.diff_option == b.diff_option
        && a.skip == b.skip
        && {
            let (x, y) = (a.symbol().as_bytes(), b.symbol().as_bytes());
            match (x, y) {
                ([x], [y]) => x == y,
                _ => x == y,
            }
        }
}

/// Whether the diff passes over this cell (ratatui's rule, the deprecated `skip` included).
#[allow(deprecated)]
fn is_skip(cell: &Cell) -> bool {
    matches!(cell.diff_option, CellDiffOption::Skip) || (cell.skip && matches!(cell.diff_option, CellDiffOption::None))
}

#[cfg(test)]
mod tests {
    use std::num::NonZeroU16;

    use ratatui::buffer::Buffer;
    use ratatui::style::Style;

    use super::*;
    use crate::fuzz::rng::Rng;
    use crate::ui::untouched::Untouched;

    /// `changes` sends what `Buffer::diff` sends, and leaves the old frame empty.
    fn check(prev: &Buffer, next: &Buffer) {
        let expected: Vec<(u16, u16, Cell)> = prev.diff(next).into_iter().map(|(x, y, c)| (x, y, c.clone())).collect();
        let mut old = prev.content.clone();
        let mut found = changes(&mut old, &next.content, next.area, Vec::new());
        let got: Vec<(u16, u16, Cell)> = found.by_ref().map(|(x, y, c)| (x, y, c.clone())).collect();
        found.finish();
        assert_eq!(got, expected, "\nfrom {prev:?}\nto {next:?}");
        assert!(old.iter().all(|c| *c == Cell::EMPTY), "the old frame is emptied");
    }

    /// A frame of text as ratatui writes it (wide glyphs with their trailing cells), in a few
    /// styles, with some cells marked as the diff options mark them.
    fn frame(rng: &mut Rng, area: Rect) -> Buffer {
        const WORDS: [&str; 10] = [
            "a",
            "kubectl ",
            "파드",
            "한글 텍스트",
            "❤\u{fe0f}",
            "│",
            "e\u{301}",
            "  ",
            "ｱ",
            "x",
        ];
        let styles = [
            Style::default(),
            Style::default().bg(Color::Blue),
            Style::default()
                .fg(Color::Rgb(228, 228, 228))
                .add_modifier(Modifier::BOLD),
            Style::default().add_modifier(Modifier::REVERSED),
            Style::default().add_modifier(Modifier::UNDERLINED),
        ];
        let mut buf = Buffer::empty(area);
        for y in area.top()..area.bottom() {
            let mut x = area.left();
            while x < area.right() && rng.below(4) > 0 {
                let word = WORDS[rng.below(WORDS.len())];
                let style = styles[rng.below(styles.len())];
                let (end, _) = buf.set_stringn(x, y, word, usize::from(area.right() - x), style);
                x = end.max(x + 1);
            }
        }
        // Not on the last cell: a forced width there makes ratatui's diff index past the end.
        let last = buf.content.len() - 1;
        for cell in &mut buf.content[..last] {
            match rng.below(40) {
                0 => cell.diff_option = CellDiffOption::Skip,
                1 => cell.diff_option = CellDiffOption::AlwaysUpdate,
                2 => cell.diff_option = CellDiffOption::ForcedWidth(NonZeroU16::MIN.saturating_add(1)),
                #[allow(deprecated)]
                3 => cell.skip = true,
                _ => {}
            }
        }
        buf
    }

    #[test]
    fn finds_what_ratatui_finds_on_random_frames() {
        let mut rng = Rng::new(0x9e37_79b9_7f4a_7c15);
        for area in [Rect::new(0, 0, 12, 4), Rect::new(3, 2, 7, 3), Rect::new(0, 0, 1, 5)] {
            for _ in 0..1500 {
                let prev = frame(&mut rng, area);
                let next = frame(&mut rng, area);
                check(&prev, &next);
                check(&next, &next);
                check(&Buffer::empty(area), &next);
            }
        }
    }

    /// Passing over a part empty in both frames sends what ratatui sends, and still leaves the
    /// old frame empty.
    #[test]
    fn a_part_empty_in_both_frames_is_passed_over_and_nothing_is_missed() {
        let mut rng = Rng::new(0x2545_f491_4f6c_dd1d);
        for area in [Rect::new(0, 0, 12, 6), Rect::new(3, 2, 9, 5)] {
            for _ in 0..1500 {
                // Rows untouched from a column of their own, in a part of the frame.
                let x = area.x + rng.below(usize::from(area.width)) as u16;
                let y = area.y + rng.below(usize::from(area.height)) as u16;
                let part = Rect::new(
                    x,
                    y,
                    1 + rng.below(usize::from(area.right() - x)) as u16,
                    1 + rng.below(usize::from(area.bottom() - y)) as u16,
                );
                let from: Vec<u16> = (0..part.height)
                    .map(|_| part.x + rng.below(usize::from(part.width) + 1) as u16)
                    .collect();
                let empty = Untouched::new(part, from);
                // Sometimes with a row of another part above it.
                let empty = match part.y.checked_sub(1) {
                    Some(y) if rng.below(2) == 0 => {
                        let above = Rect::new(area.x, y, area.width, 1);
                        Untouched::right_of(above, area.x + rng.below(usize::from(area.width)) as u16).and(empty)
                    }
                    _ => empty,
                };
                let [mut prev, mut next] = [frame(&mut rng, area), frame(&mut rng, area)];
                for buf in [&mut prev, &mut next] {
                    for range in empty.ranges(area) {
                        buf.content[range].iter_mut().for_each(Cell::reset);
                    }
                }
                let expected: Vec<(u16, u16, Cell)> = prev
                    .diff(&next)
                    .into_iter()
                    .map(|(x, y, c)| (x, y, c.clone()))
                    .collect();
                let mut old = prev.content.clone();
                let mut found = changes(&mut old, &next.content, area, empty.ranges(area));
                let got: Vec<(u16, u16, Cell)> = found.by_ref().map(|(x, y, c)| (x, y, c.clone())).collect();
                found.finish();
                assert_eq!(got, expected, "\nempty {empty:?}\nfrom {prev:?}\nto {next:?}");
                assert!(old.iter().all(|c| *c == Cell::EMPTY), "the old frame is emptied");
            }
        }
    }

    #[test]
    fn a_wide_glyph_replaced_by_narrow_text_refreshes_its_styled_trailing_cell() {
        let area = Rect::new(0, 0, 6, 1);
        let mut prev = Buffer::empty(area);
        prev.set_string(0, 0, "한", Style::default().bg(Color::Red));
        let mut next = Buffer::empty(area);
        next.set_string(0, 0, "a", Style::default());
        check(&prev, &next);
        let mut old = prev.content.clone();
        let sent: Vec<u16> = changes(&mut old, &next.content, area, Vec::new())
            .map(|(x, _, _)| x)
            .collect();
        assert_eq!(sent, vec![0, 1], "the glyph's cell and the one it covered");
    }

    #[test]
    fn an_unchanged_frame_sends_nothing() {
        let area = Rect::new(0, 0, 20, 3);
        let mut buf = Buffer::empty(area);
        buf.set_string(1, 1, "쿠버네티스 Pod", Style::default().fg(Color::Yellow));
        let mut old = buf.content.clone();
        assert_eq!(changes(&mut old, &buf.content, area, Vec::new()).count(), 0);
    }
}
