//! Diagrams from `lesson.yaml` laid out for the width they are given and drawn with box-drawing
//! characters, as styled lines. Every width is measured in display cells, so Hangul labels (two
//! cells a character) stay aligned.
//!
//! Boxes:
//! - A component is a 3-row box, `│ label │`, the label centred with a space each side. The
//!   selected component has a heavy border (`┏━┓┃┗━┛`) and [`Role::DiagramSelected`] (bold too)
//!   over its whole box, so it stands out without colour and in plain text.
//! - A group is a box with its label (bold) centred on its first inner line and its components
//!   below, inside a one-space margin. `Row`: side by side, equal widths, two columns apart; a
//!   row that doesn't fit becomes a grid of balanced rows (4 → 2 + 2), down to one column.
//!   `Column` (and a row down to one column): one under another, sharing one width, at least
//!   the label's.
//! - Colours: a control-plane group and its components [`Role::DiagramControl`], a node's
//!   [`Role::DiagramNode`], anything else [`Role::Diagram`]; connectors, arrowheads and edge labels
//!   [`Role::DiagramEdge`].
//!
//! Tiers, top to bottom (empty tiers and items that point at nothing are skipped):
//! - A tier's items go side by side, centred, when they fit the width: 4 columns apart, or joined
//!   by an arrow `├────▶│` at least two wider than its label, which is written above it. Else they
//!   are stacked, each centred, a blank row apart, or `│`+`▼` with the label beside between
//!   linked neighbours. An arrow both ways (`◀──▶`) shows the first label. Edges between items of
//!   a tier that are not neighbours are not drawn.
//! - Consecutive tiers linked by edges get a bus of three rows between them: `│` below each upper
//!   end (leaving the box through a `┬` in its border), a rule with junctions (`┌ ┬ ┐ ├ ┼ ┤ └ ┴
//!   ┘`), `▼` above each lower end (`▲` below an upper end for an edge going up). Ends are box
//!   centres. When all the edges come from one box, the lower tier moves across (within the
//!   width) to sit evenly under it; an arrow within two columns of that lone end moves under it,
//!   and a single edge between boxes that overlap goes straight down. Edges that share no box
//!   get separate rules unless the rules would touch. Unlinked tiers are a blank row apart.
//! - When a stacked tier hides an end from the bus (an edge from an upper item that is not the
//!   last, or into a lower one that is not the first), the edges go on a rail: a vertical line
//!   right of both tiers (left, when the tiers above used the right) with a stub into each item's
//!   side, `├──┐` where an edge leaves and `◀──┤` where one arrives. A rail needs room and, in a
//!   side-by-side tier, the outermost item as its end; when there is no room, both tiers are
//!   laid out again 4 columns narrower (a group row may become a grid or a column) to make
//!   some. Without it the edges degrade to a single bus from the last upper item into the first
//!   lower one, with no labels. The architecture diagram's fan-out onto stacked nodes is a rail
//!   from 29 to 52 columns and that single `│ ▼` into Node 1 below 29.
//! - An edge label goes beside its vertical line (right, else left) where it fits the width and
//!   touches nothing, else it is left out. Edges between tiers that are not consecutive are not
//!   drawn, nor is the diagram's title (the slide has it).
//!
//! Narrow widths: items wider than the width start at column 0 and every line wider than the
//! width is cut to it, ending in `…` (nothing of a box is redrawn to fit). The course's diagrams
//! fit whole from 40 columns. Boxes cut off are left out of [`Drawn::boxes`].

mod boxes;
mod canvas;
mod connect;
mod layout;
mod links;
mod rail;
mod strokes;

use canvas::Canvas;
use layout::Rect;

use super::{Line, Role, Style};
use crate::content::diagram::{Diagram, Item, Kind};
use crate::text::display_width;

/// A component's box in the drawn lines: columns `x..x + width`, lines `y..y + height`; the label
/// is on line `y + 1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placed {
    pub component: usize,
    pub x: usize,
    pub y: usize,
    pub width: usize,
    pub height: usize,
}

/// A drawn diagram: its lines, each at most the width asked for, and where every component that
/// is wholly visible was drawn, in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Drawn {
    pub lines: Vec<Line>,
    pub boxes: Vec<Placed>,
}

/// The role a box of this kind is drawn in.
fn kind_role(kind: Kind) -> Role {
    match kind {
        Kind::ControlPlane => Role::DiagramControl,
        Kind::Node => Role::DiagramNode,
        Kind::Plain => Role::Diagram,
    }
}

/// A box's border; `heavy` for the selected component.
fn draw_box(canvas: &mut Canvas, r: Rect, style: Style, heavy: bool) {
    let [tl, tr, bl, br, h, v] = if heavy {
        ['┏', '┓', '┗', '┛', '━', '┃']
    } else {
        ['┌', '┐', '└', '┘', '─', '│']
    };
    for x in r.x + 1..r.right() {
        canvas.put(x, r.y, h, style);
        canvas.put(x, r.bottom(), h, style);
    }
    for y in r.y + 1..r.bottom() {
        canvas.put(r.x, y, v, style);
        canvas.put(r.right(), y, v, style);
        if heavy {
            (r.x + 1..r.right()).for_each(|x| canvas.put(x, y, ' ', style));
        }
    }
    canvas.put(r.x, r.y, tl, style);
    canvas.put(r.right(), r.y, tr, style);
    canvas.put(r.x, r.bottom(), bl, style);
    canvas.put(r.right(), r.bottom(), br, style);
}

/// `label` centred between the side borders of `r`, on its first inner line.
fn draw_label(canvas: &mut Canvas, r: Rect, label: &str, style: Style) {
    let room = (r.w - 2).saturating_sub(display_width(label));
    canvas.text(r.x + 1 + room / 2, r.y + 1, label, style);
}

/// Lays `diagram` out for `width` columns and draws it, `selected` (a component index) heavy.
pub fn draw(diagram: &Diagram, width: usize, selected: Option<usize>) -> Drawn {
    let plan = layout::plan(diagram, width);
    let mut canvas = Canvas::new(plan.width, plan.height);
    let mut boxes = Vec::new();
    for p in plan.tiers.iter().flat_map(|t| &t.items) {
        if let Item::Group(g) = p.item {
            let group = &diagram.groups[g];
            let style = Style::role(kind_role(group.kind));
            draw_box(&mut canvas, p.rect, style, false);
            draw_label(&mut canvas, p.rect, &group.label, style.bold());
        }
        for &(c, r) in &p.comps {
            let component = &diagram.components[c];
            let heavy = selected == Some(c);
            let style = if heavy {
                Style::role(Role::DiagramSelected).bold()
            } else {
                let group = component.group.and_then(|g| diagram.groups.get(g));
                Style::role(kind_role(group.map_or(Kind::Plain, |g| g.kind)))
            };
            draw_box(&mut canvas, r, style, heavy);
            draw_label(&mut canvas, r, &component.label, style);
            if r.x + r.w <= width {
                boxes.push(Placed {
                    component: c,
                    x: r.x,
                    y: r.y,
                    width: r.w,
                    height: r.h,
                });
            }
        }
    }
    connect::draw(&mut canvas, &plan, width);
    Drawn {
        lines: canvas.lines(width),
        boxes,
    }
}
