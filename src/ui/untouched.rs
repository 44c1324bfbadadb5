//! The part of a frame nothing was drawn on, as one span of columns per row: the slide pane below
//! and beside a few lines of text, the header right of its key hints, the crumbs bar after its
//! crumbs. [`super::surface::draw_diffed`] passes over what is untouched in both the frame on
//! screen and the next one: every cell there is empty, so nothing there can have changed.

use std::ops::Range;

use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;

/// Untouched cells: `(row, columns)`, by row, one span per row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Untouched {
    rows: Vec<(u16, Range<u16>)>,
}

impl Untouched {
    /// In `area`, row `area.y + i` is untouched from column `from[i]` (clamped into the area) to
    /// the area's right edge. Rows `from` doesn't reach are untouched whole.
    pub fn new(area: Rect, from: impl IntoIterator<Item = u16>) -> Self {
        let mut from = from.into_iter();
        let rows = (area.top()..area.bottom())
            .map(|y| {
                let x = from.next().unwrap_or(area.left()).clamp(area.left(), area.right());
                (y, x..area.right())
            })
            .filter(|(_, span)| !span.is_empty())
            .collect();
        Self { rows }
    }

    /// Every row of `area` untouched from column `x` on.
    pub fn right_of(area: Rect, x: u16) -> Self {
        Self::new(area, std::iter::repeat_n(x, usize::from(area.height)))
    }

    /// Adds `other`, which describes rows below these.
    pub fn and(mut self, other: Self) -> Self {
        let last = self.rows.last().map(|(y, _)| *y);
        self.rows.extend(
            other
                .rows
                .into_iter()
                .filter(|(y, _)| last.is_none_or(|last| *y > last)),
        );
        self
    }

    /// The cells untouched in both.
    pub fn both(&self, other: &Self) -> Self {
        let mut theirs = other.rows.iter().peekable();
        let rows = (self.rows.iter())
            .filter_map(|(y, mine)| {
                while theirs.next_if(|(t, _)| t < y).is_some() {}
                let (_, span) = theirs.next_if(|(t, _)| t == y)?;
                let both = mine.start.max(span.start)..mine.end.min(span.end);
                (!both.is_empty()).then_some((*y, both))
            })
            .collect();
        Self { rows }
    }

    /// How many cells are untouched.
    pub fn cells(&self) -> usize {
        self.rows.iter().map(|(_, span)| span.len()).sum()
    }

    /// The untouched cells as ranges of indexes into the content of a buffer over `frame`, in
    /// order; only what lies inside `frame`.
    pub fn ranges(&self, frame: Rect) -> Vec<Range<usize>> {
        (self.rows.iter())
            .filter(|(y, _)| (frame.top()..frame.bottom()).contains(y))
            .filter_map(|(y, span)| {
                let (from, to) = (span.start.max(frame.left()), span.end.min(frame.right()));
                (from < to).then(|| indexes(frame, *y, from..to))
            })
            .collect()
    }

    /// In debug builds (every test, the end-to-end ones included), that every untouched cell is
    /// empty in `buffer`: a view that drew where it said it didn't would leave old text on screen,
    /// and this stops it at once, naming the cell.
    pub fn check(&self, buffer: &Buffer) {
        if cfg!(debug_assertions) {
            for range in self.ranges(buffer.area) {
                let first = range.start;
                for (i, cell) in buffer.content[range].iter().enumerate() {
                    assert!(
                        *cell == Cell::EMPTY,
                        "cell {:?} is said untouched but is drawn on: {cell:?}",
                        buffer.pos_of(first + i)
                    );
                }
            }
        }
    }
}

/// The indexes, into the content of a buffer over `frame`, of columns `xs` of row `y` (both
/// inside `frame`).
pub(super) fn indexes(frame: Rect, y: u16, xs: Range<u16>) -> Range<usize> {
    let row = usize::from(y - frame.y) * usize::from(frame.width);
    row + usize::from(xs.start - frame.x)..row + usize::from(xs.end - frame.x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_untouched_from_their_column_and_both_frames_count() {
        let area = Rect::new(2, 1, 5, 3);
        let a = Untouched::new(area, [4, 0]);
        assert_eq!(a.rows, vec![(1, 4..7), (2, 2..7), (3, 2..7)], "clamped, the rest whole");
        let frame = Rect::new(0, 0, 10, 5);
        assert_eq!(a.ranges(frame), vec![14..17, 22..27, 32..37]);
        let b = Untouched::new(area, [2, 6, 7]);
        assert_eq!(
            b.rows,
            vec![(1, 2..7), (2, 6..7)],
            "a row written to its end is not kept"
        );
        assert_eq!(a.both(&b).ranges(frame), vec![14..17, 26..27]);
        assert_eq!(a.both(&b).cells(), 4);
        let header = Untouched::right_of(Rect::new(0, 0, 10, 1), 8);
        let all = header.and(a.clone());
        assert_eq!(all.ranges(frame), vec![8..10, 14..17, 22..27, 32..37]);
        assert_eq!(
            all.both(&Untouched::right_of(Rect::new(0, 2, 10, 1), 5)).ranges(frame),
            vec![25..27]
        );
    }
}
