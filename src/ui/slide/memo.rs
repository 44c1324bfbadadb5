//! The slide's lines as last drawn, remembered per slide, so a frame that shows a slide again
//! (the clock's minute, a key that changes nothing in the pane, a learner stepping back) doesn't
//! render, wrap, highlight and colour it again: a slide is rendered once per width, theme and
//! search.
//!
//! An entry is found by value, not by address: the slide, the lesson's diagrams and the theme are
//! compared whole, so a lesson loaded again or a slide changed on disk can never show old lines.
//! A few dozen entries are kept (a lesson is 14 slides), per thread; drawing stays a function of
//! its inputs, this only skips recomputing them.

use std::cell::RefCell;
use std::rc::Rc;

use ratatui::text::Line;

use crate::content::Slide;
use crate::content::diagram::Diagram;
use crate::theme::Theme;

/// Entries kept; the oldest goes first when a new one needs room.
const ENTRIES: usize = 48;

/// Everything the lines depend on besides the slide and the theme.
#[derive(Clone, PartialEq)]
pub(super) struct Shape {
    pub width: usize,
    /// The audience view's title banner instead of the heading.
    pub presenting: bool,
    /// Code is coloured only once syntect is loaded.
    pub highlighted: bool,
    /// (diagram, component) drawn selected.
    pub focus: Option<(usize, usize)>,
    /// The search, lower-case (matches are marked).
    pub needle: String,
}

/// A slide drawn as lines: what [`super::draw`] shows and reports.
pub(super) struct Drawn {
    pub lines: Vec<Line<'static>>,
    /// Lines holding a search match.
    pub match_lines: Vec<usize>,
    /// The line with the selected diagram component's heavy border.
    pub focus_line: Option<usize>,
}

struct Entry {
    slide: Slide,
    diagrams: Vec<Diagram>,
    shape: Shape,
    drawn: Rc<Drawn>,
}

#[derive(Default)]
struct Memo {
    /// The theme every entry was coloured with; another theme empties the memo.
    theme: Option<Theme>,
    entries: Vec<Entry>,
}

thread_local! {
    static MEMO: RefCell<Memo> = RefCell::default();
}

/// The lines of `slide` drawn with `shape` in `theme`: remembered, or drawn by `draw` now.
pub(super) fn lines(
    slide: &Slide,
    diagrams: &[Diagram],
    shape: Shape,
    theme: &Theme,
    draw: impl FnOnce() -> Drawn,
) -> Rc<Drawn> {
    MEMO.with(|memo| {
        let mut memo = memo.borrow_mut();
        if memo.theme.as_ref() != Some(theme) {
            memo.theme = Some(theme.clone());
            memo.entries.clear();
        }
        let found = memo
            .entries
            .iter()
            .find(|e| e.shape == shape && same_slide(&e.slide, slide) && e.diagrams == diagrams);
        if let Some(entry) = found {
            return Rc::clone(&entry.drawn);
        }
        let drawn = Rc::new(draw());
        if memo.entries.len() >= ENTRIES {
            memo.entries.remove(0);
        }
        memo.entries.push(Entry {
            slide: slide.clone(),
            diagrams: diagrams.to_vec(),
            shape,
            drawn: Rc::clone(&drawn),
        });
        drawn
    })
}

/// Whether two slides are the same in every field (`Slide` has no `PartialEq` of its own). Taken
/// apart whole, so a field added to `Slide` must be added here before this compiles again.
fn same_slide(a: &Slide, b: &Slide) -> bool {
    let Slide {
        number,
        slug,
        title,
        section,
        extra_ids,
        blocks,
        lines,
        source,
    } = a;
    *slug == b.slug
        && *title == b.title
        && *number == b.number
        && *section == b.section
        && *lines == b.lines
        && *extra_ids == b.extra_ids
        && *source == b.source
        && *blocks == b.blocks
}
