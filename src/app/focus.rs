//! Selecting the components of the slide's diagram: `tab` walks them in reading order, the arrows
//! move to the nearest one that way, `esc` leaves.

use super::{App, Focus};
use crate::content::Block;
use crate::content::diagram::{Diagram, Dir};

impl App {
    /// Diagrams shown on the current slide (indices into the lesson's diagrams).
    pub fn figures_here(&self) -> Vec<usize> {
        let Some(slide) = self.current_lesson().slide(self.nav.slide) else {
            return Vec::new();
        };
        slide
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Figure(i) => Some(*i),
                _ => None,
            })
            .collect()
    }

    /// The selected component's diagram, if selecting.
    pub fn focused(&self) -> Option<(&Diagram, usize)> {
        let f = self.nav.focus?;
        Some((self.current_lesson().diagrams.get(f.diagram)?, f.component))
    }

    pub(super) fn focus_step(&mut self, forward: bool) {
        let figures = self.figures_here();
        let Some(&first) = figures.first() else {
            self.say(crate::i18n::words::F_NO_DIAGRAM.get(self.lang), true);
            return;
        };
        let diagram = self.nav.focus.map_or(first, |f| f.diagram);
        let order = self.current_lesson().diagrams[diagram].reading_order();
        if order.is_empty() {
            return;
        }
        let at = self
            .nav
            .focus
            .and_then(|f| order.iter().position(|&c| c == f.component));
        let next = match (at, forward) {
            (None, true) => 0,
            (None, false) => order.len() - 1,
            (Some(i), true) => (i + 1) % order.len(),
            (Some(i), false) => (i + order.len() - 1) % order.len(),
        };
        self.nav.focus = Some(Focus {
            diagram,
            component: order[next],
        });
    }

    pub(super) fn focus_move(&mut self, dir: Dir) {
        let Some(f) = self.nav.focus else {
            return self.focus_step(true);
        };
        // The picture as drawn decides; the diagram's own tiers only when nothing was drawn yet.
        let next = match nearest_drawn(&self.nav.drawn.diagram_boxes, f.component, dir) {
            Some(c) => Some(c),
            None if self.nav.drawn.diagram_boxes.is_empty() => {
                self.current_lesson().diagrams[f.diagram].step(f.component, dir)
            }
            None => None,
        };
        if let Some(next) = next {
            self.nav.focus = Some(Focus { component: next, ..f });
        }
    }
}

/// The drawn box nearest to `from`'s in direction `dir`: the box must lie that way, and a box
/// straight that way beats one off to the side (a cell across counts half a row down, since
/// terminal cells are about twice as tall as wide).
fn nearest_drawn(boxes: &[(usize, usize, usize)], from: usize, dir: Dir) -> Option<usize> {
    let &(_, hx, hy) = boxes.iter().find(|(c, _, _)| *c == from)?;
    let (hx, hy) = (hx as f64, hy as f64 * 2.0);
    boxes
        .iter()
        .filter(|(c, _, _)| *c != from)
        .filter_map(|&(c, x, y)| {
            let (dx, dy) = (x as f64 - hx, y as f64 * 2.0 - hy);
            let (along, across) = match dir {
                Dir::Left => (-dx, dy),
                Dir::Right => (dx, dy),
                Dir::Up => (-dy, dx),
                Dir::Down => (dy, dx),
            };
            // Within 45 degrees of the direction pressed.
            (along > 0.0 && across.abs() <= along).then_some((c, along + 2.0 * across.abs()))
        })
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(c, _)| c)
}
