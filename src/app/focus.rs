//! Selecting the components of the slide's diagram: `tab` walks them in reading order, the arrows
//! move to the nearest one that way, `esc` leaves.

use super::{App, Focus};
use crate::content::Block;
use crate::content::diagram::{Diagram, Dir};

impl App {
    /// Diagrams shown on the current slide (indices into the lesson's diagrams).
    pub fn figures_here(&self) -> Vec<usize> {
        let Some(slide) = self.current_lesson().slide(self.slide) else {
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
        let f = self.focus?;
        Some((self.current_lesson().diagrams.get(f.diagram)?, f.component))
    }

    pub(super) fn focus_step(&mut self, forward: bool) {
        let figures = self.figures_here();
        let Some(&first) = figures.first() else {
            self.say("no diagram on this slide: :arch shows the architecture", true);
            return;
        };
        let diagram = self.focus.map_or(first, |f| f.diagram);
        let order = self.current_lesson().diagrams[diagram].reading_order();
        if order.is_empty() {
            return;
        }
        let at = self.focus.and_then(|f| order.iter().position(|&c| c == f.component));
        let next = match (at, forward) {
            (None, true) => 0,
            (None, false) => order.len() - 1,
            (Some(i), true) => (i + 1) % order.len(),
            (Some(i), false) => (i + order.len() - 1) % order.len(),
        };
        self.focus = Some(Focus {
            diagram,
            component: order[next],
        });
    }

    pub(super) fn focus_move(&mut self, dir: Dir) {
        let Some(f) = self.focus else {
            return self.focus_step(true);
        };
        if let Some(next) = self.current_lesson().diagrams[f.diagram].step(f.component, dir) {
            self.focus = Some(Focus { component: next, ..f });
        }
    }
}
