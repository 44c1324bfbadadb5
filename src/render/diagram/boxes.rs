//! What layout places and everything after it reads: boxes in cells, tier items and tiers.

use crate::content::diagram::Item;

/// A box on the canvas, in cells. Every box is at least 4 wide and 3 high.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Rect {
    pub x: usize,
    pub y: usize,
    pub w: usize,
    pub h: usize,
}

impl Rect {
    pub(super) fn right(&self) -> usize {
        self.x + self.w - 1
    }

    pub(super) fn bottom(&self) -> usize {
        self.y + self.h - 1
    }

    /// The middle column (left of the middle pair when the width is even).
    pub(super) fn centre(&self) -> usize {
        self.x + (self.w - 1) / 2
    }

    /// Whether column `x` is strictly between the side borders.
    pub(super) fn inside(&self, x: usize) -> bool {
        x > self.x && x < self.right()
    }

    pub(super) fn moved(self, dx: usize, dy: usize) -> Rect {
        Rect {
            x: self.x + dx,
            y: self.y + dy,
            ..self
        }
    }
}

/// A tier item placed: its box and the boxes of the components in it.
#[derive(Debug, Clone)]
pub(super) struct Placement {
    pub item: Item,
    pub rect: Rect,
    pub comps: Vec<(usize, Rect)>,
}

/// A tier placed: items left to right, or top to bottom when `stacked`.
#[derive(Debug, Clone)]
pub(super) struct Tier {
    pub items: Vec<Placement>,
    pub stacked: bool,
    pub top: usize,
    pub height: usize,
}
