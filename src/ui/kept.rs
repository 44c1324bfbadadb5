//! Parts of a frame kept from the frame on screen. A part drawn from a few values (a column of the
//! header's key hints: its keys, words, place and colours) gathers them first; when they equal what
//! the frame on screen drew that part from, its cells on screen are still right, so the player
//! neither draws them again nor compares them: [`super::surface::draw_diffed`] moves them over
//! from the frame on screen. On a slide change that is most of the header's six rows.
//!
//! ratatui's own `Terminal::draw` has no frame on screen to keep from ([`Memo::default`]): there
//! every part is drawn. Debug builds (every test, the end-to-end ones too) draw a kept part anyway
//! and check that it equals the cells on screen, so a part that forgot a value it is drawn from
//! fails at once.

use std::ops::Range;

use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;

use super::cells;
use super::header::Hints;
use super::untouched::{self, Untouched};

/// What the parts of a frame were drawn from, to tell whether the next frame can keep them.
#[derive(Debug, Clone, Default)]
pub struct Memo {
    /// The header's key hints.
    hints: Option<Hints>,
    /// Lines by slot (the header's info rows), each with where it was drawn and the background
    /// under it (which shows where the line has no text).
    lines: Vec<Option<(Rect, Line<'static>, Style)>>,
}

/// What the next frame keeps track of: what its parts were drawn from, and which it kept.
pub(super) struct Next<'a> {
    pub memo: &'a mut Memo,
    pub kept: &'a mut Vec<Rect>,
}

/// Draws `line` in `row`, over `background`, unless the frame on screen, drawn from `on_screen`,
/// shows the same line there (in slot `slot`, one per place a line is kept in); notes in `next`
/// what it was drawn from and whether it was kept.
pub(super) fn line(
    slot: usize,
    (row, background): (Rect, Style),
    line: Line<'static>,
    buf: &mut Buffer,
    on_screen: &Memo,
    next: &mut Next<'_>,
) {
    let shown = on_screen.lines.get(slot).and_then(Option::as_ref);
    let same = shown.is_some_and(|(r, l, b)| *r == row && *l == line && *b == background);
    if !same || cfg!(debug_assertions) {
        cells::set_line(buf, row.x, row.y, &line, row.width);
    }
    if same {
        next.kept.push(row);
    }
    let lines = &mut next.memo.lines;
    if lines.len() <= slot {
        lines.resize(slot + 1, None);
    }
    lines[slot] = Some((row, line, background));
}

/// Draws each column of `hints` into `buf` unless the frame on screen, drawn from `on_screen`,
/// shows the same column; notes in `next` what they were drawn from and which were kept. Says
/// what they left untouched.
pub(super) fn hints(hints: Hints, buf: &mut Buffer, on_screen: &Memo, next: &mut Next<'_>) -> Untouched {
    for i in 0..hints.columns() {
        let same = on_screen
            .hints
            .as_ref()
            .is_some_and(|shown| hints.same_column(i, shown));
        if !same || cfg!(debug_assertions) {
            hints.draw(buf, i);
        }
        if same {
            next.kept.extend(hints.column_area(i));
        }
    }
    let untouched = hints.untouched();
    next.memo.hints = Some(hints);
    untouched
}

/// Moves the cells of the `kept` parts of the frame on screen (`shown`) into the next frame
/// (`next`), and empties them in `shown`, which the frame after is drawn into. Returns their
/// indexes, in order, for the diff to pass over: they are on screen already.
///
/// In debug builds `next` has the kept parts drawn anyway, and they must equal what is on screen.
pub(super) fn move_over(kept: &[Rect], shown: &mut Buffer, next: &mut Buffer) -> Vec<Range<usize>> {
    let area = next.area;
    if shown.area != area {
        return Vec::new();
    }
    let ranges: Vec<Range<usize>> = (kept.iter())
        .map(|part| part.intersection(area))
        .flat_map(|part| {
            (part.top()..part.bottom()).map(move |y| untouched::indexes(area, y, part.left()..part.right()))
        })
        .collect();
    // Joined, so that a cell two parts claim is moved once, not moved and moved back.
    let ranges = union(ranges, Vec::new());
    for range in &ranges {
        if cfg!(debug_assertions) {
            for i in range.clone() {
                let (a, b) = (&shown.content[i], &next.content[i]);
                assert!(
                    a == b,
                    "cell {:?} of a kept part differs from the screen: {a:?} on screen, {b:?} drawn",
                    next.pos_of(i)
                );
            }
        }
        let on_screen = &mut shown.content[range.clone()];
        on_screen.swap_with_slice(&mut next.content[range.clone()]);
        on_screen.fill(Cell::EMPTY);
    }
    ranges
}

/// `a` and `b` as one list in order, with overlapping ranges joined.
pub(super) fn union(a: Vec<Range<usize>>, b: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut all = a;
    all.extend(b);
    all.sort_unstable_by_key(|r| r.start);
    let mut joined: Vec<Range<usize>> = Vec::with_capacity(all.len());
    for range in all {
        match joined.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => joined.push(range),
        }
    }
    joined
}
