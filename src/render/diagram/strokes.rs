//! The strokes every connector is made of: directions, light box-drawing characters and how they
//! join a box's border, and edge labels that go where there is room.

use super::canvas::Canvas;
use crate::render::{Role, Style};
use crate::text::display_width;

pub(super) const UP: u8 = 1;
pub(super) const DOWN: u8 = 2;
pub(super) const LEFT: u8 = 4;
pub(super) const RIGHT: u8 = 8;

/// Light box-drawing characters and the directions they join.
const LIGHT: [(char, u8); 11] = [
    ('─', LEFT | RIGHT),
    ('│', UP | DOWN),
    ('┌', DOWN | RIGHT),
    ('┐', DOWN | LEFT),
    ('└', UP | RIGHT),
    ('┘', UP | LEFT),
    ('├', UP | DOWN | RIGHT),
    ('┤', UP | DOWN | LEFT),
    ('┬', LEFT | RIGHT | DOWN),
    ('┴', LEFT | RIGHT | UP),
    ('┼', UP | DOWN | LEFT | RIGHT),
];

pub(super) fn edge() -> Style {
    Style::role(Role::DiagramEdge)
}

/// The light character joining `dirs` (a lone direction is a straight line).
pub(super) fn light(dirs: u8) -> char {
    LIGHT
        .iter()
        .find(|(_, d)| *d == dirs)
        .map_or(if dirs & (LEFT | RIGHT) != 0 { '─' } else { '│' }, |(c, _)| *c)
}

/// Opens a box border at `(x, y)` towards `dir`, keeping its weight and colour.
pub(super) fn join(canvas: &mut Canvas, x: usize, y: usize, dir: u8) {
    let Some((ch, style)) = canvas.get(x, y) else {
        return;
    };
    let heavy = match (ch, dir) {
        ('━', DOWN) => Some('┯'),
        ('━', UP) => Some('┷'),
        ('┃', RIGHT) => Some('┝'),
        ('┃', LEFT) => Some('┥'),
        _ => None,
    };
    let light = || LIGHT.iter().find(|(c, _)| *c == ch).map(|(_, d)| light(d | dir));
    if let Some(joined) = heavy.or_else(light) {
        canvas.put(x, y, joined, style);
    }
}

/// An edge label and the places it may go, best first; it goes in the first free one or not at all.
pub(super) struct Label {
    pub text: String,
    pub spots: Vec<(usize, usize)>,
}

impl Label {
    /// Beside a vertical line at column `x`: right of it on each of `rows`, then left of it.
    pub(super) fn beside(text: String, x: usize, rows: &[usize]) -> Label {
        let w = display_width(&text);
        let right = rows.iter().map(|&y| (x + 2, y));
        let left = rows.iter().filter_map(|&y| Some((x.checked_sub(w + 1)?, y)));
        let spots = right.chain(left).collect();
        Label { text, spots }
    }

    pub(super) fn place(&self, canvas: &mut Canvas, limit: usize) {
        let w = display_width(&self.text);
        let fits = |&&(x, y): &&(usize, usize)| {
            x + w <= limit
                && canvas.is_free(x, x + w, y)
                && (x == 0 || canvas.is_free(x - 1, x, y))
                && (x + w >= canvas.width() || canvas.is_free(x + w, x + w + 1, y))
        };
        if let Some(&(x, y)) = self.spots.iter().find(fits) {
            canvas.text(x, y, &self.text, edge());
        }
    }
}
