//! Sizes and places every box for a width: components, groups (a grid of rows or one column) and
//! tiers (side by side or stacked), then the rows between the tiers. Nothing is drawn here.

pub(super) use super::boxes::{Placement, Rect, Tier};
use super::links::{self, Link, Route};
use crate::content::diagram::{Arrange, Diagram, Item};
use crate::text::display_width;

/// Rows of a component box: border, label, border.
const BOX_HEIGHT: usize = 3;
/// Columns between the components of a group's row.
const ROW_GAP: usize = 2;
/// Columns between side-by-side tier items with no arrow between them.
const ITEM_GAP: usize = 4;
/// The shortest arrow between side-by-side tier items (`───▶`).
const MIN_ARROW: usize = 4;

/// Everything placed: tiers, the links between their items, the route between each pair of
/// consecutive tiers, and the canvas size (at least the width asked for).
pub(super) struct Plan {
    pub tiers: Vec<Tier>,
    pub links: Vec<Link>,
    pub routes: Vec<Route>,
    pub width: usize,
    pub height: usize,
}

/// Width of a component's box: the label and a space and a border on each side.
pub(super) fn component_width(label: &str) -> usize {
    display_width(label) + 4
}

/// The tiers with items that point at nothing dropped, and empty tiers with them.
fn valid_tiers(diagram: &Diagram) -> Vec<Vec<Item>> {
    let valid = |item: &&Item| match **item {
        Item::Group(g) => g < diagram.groups.len(),
        Item::Component(c) => c < diagram.components.len(),
    };
    diagram
        .tiers
        .iter()
        .map(|tier| tier.iter().filter(valid).copied().collect::<Vec<_>>())
        .filter(|tier| !tier.is_empty())
        .collect()
}

/// An item's size and its components' boxes, relative to its top-left corner, for `avail` columns.
fn shape(diagram: &Diagram, item: Item, avail: usize) -> (usize, usize, Vec<(usize, Rect)>) {
    let g = match item {
        Item::Component(c) => {
            let w = component_width(&diagram.components[c].label);
            return (
                w,
                BOX_HEIGHT,
                vec![(
                    c,
                    Rect {
                        x: 0,
                        y: 0,
                        w,
                        h: BOX_HEIGHT,
                    },
                )],
            );
        }
        Item::Group(g) => &diagram.groups[g],
    };
    let comps: Vec<usize> = g
        .components
        .iter()
        .copied()
        .filter(|c| *c < diagram.components.len())
        .collect();
    let n = comps.len();
    let label = display_width(&g.label);
    let widest = comps
        .iter()
        .map(|c| component_width(&diagram.components[*c].label))
        .max()
        .unwrap_or(0);
    let row_width = |k: usize, w: usize| k * w + k.saturating_sub(1) * ROW_GAP;
    // A row that doesn't fit becomes a grid of balanced rows (4 → 2 + 2), down to one column.
    let cols = match g.arrange {
        Arrange::Column => 1,
        Arrange::Row => (2..=n)
            .rev()
            .map(|k| n.div_ceil(n.div_ceil(k)))
            .find(|&k| row_width(k, widest).max(label) + 4 <= avail)
            .unwrap_or(1),
    };
    let cell = if cols == 1 { widest.max(label) } else { widest };
    let inner = row_width(cols, cell).max(label);
    let rows = n.div_ceil(cols);
    let mut placed = Vec::with_capacity(n);
    for (r, row) in comps.chunks(cols).enumerate() {
        let left = 2 + (inner - row_width(row.len(), cell)) / 2;
        for (i, c) in row.iter().enumerate() {
            let rect = Rect {
                x: left + i * (cell + ROW_GAP),
                y: 2 + r * BOX_HEIGHT,
                w: cell,
                h: BOX_HEIGHT,
            };
            placed.push((*c, rect));
        }
    }
    (inner + 4, 3 + rows * BOX_HEIGHT, placed)
}

/// Places tier `t` across `width`, its top at row 0: side by side and centred when the items and
/// the gaps between them fit, else one under another, each centred.
fn place_tier(diagram: &Diagram, t: usize, items: &[Item], links: &[Link], width: usize) -> Tier {
    let shapes: Vec<_> = items.iter().map(|i| shape(diagram, *i, width)).collect();
    let between = |i: usize| links.iter().filter(move |l| l.joins((t, i), (t, i + 1)));
    let gaps: Vec<usize> = (1..items.len())
        .map(|i| match between(i - 1).map(Link::label_width).max() {
            Some(label) => MIN_ARROW.max(label + 2),
            None => ITEM_GAP,
        })
        .collect();
    let total = shapes.iter().map(|s| s.0).sum::<usize>() + gaps.iter().sum::<usize>();
    let stacked = items.len() > 1 && total > width;
    let mut placed = Vec::with_capacity(items.len());
    let (mut x, mut y) = ((width.saturating_sub(total)) / 2, 0);
    let mut height = 0;
    for (i, (item, (w, h, comps))) in items.iter().zip(shapes).enumerate() {
        let rect = if stacked {
            Rect {
                x: width.saturating_sub(w) / 2,
                y,
                w,
                h,
            }
        } else {
            Rect { x, y: 0, w, h }
        };
        let comps = comps.into_iter().map(|(c, r)| (c, r.moved(rect.x, rect.y))).collect();
        placed.push(Placement {
            item: *item,
            rect,
            comps,
        });
        if stacked {
            y += h;
            if i + 1 < items.len() {
                y += if between(i).next().is_some() { 2 } else { 1 };
            }
            height = y;
        } else {
            x += w + gaps.get(i).copied().unwrap_or(0);
            height = height.max(h);
        }
    }
    Tier {
        items: placed,
        stacked,
        top: 0,
        height,
    }
}

/// When every bus link into side-by-side tier `t` comes from one item above, moves the tier
/// across (within the width) so its linked items sit evenly under that item: a lone target right
/// below its source, a fan-out's middle arrow straight under the stem.
fn align_under_source(tiers: &mut [Tier], t: usize, links: &[Link], width: usize) {
    let across: Vec<(usize, usize, bool)> = links.iter().filter_map(|l| l.across(t - 1)).collect();
    let Some(&(source, _, _)) = across.first() else { return };
    if tiers[t].stacked || across.iter().any(|a| a.0 != source) {
        return;
    }
    let mut targets: Vec<usize> = across.iter().map(|a| a.1).collect();
    targets.sort_unstable();
    targets.dedup();
    let lower = &tiers[t].items;
    let (first, last) = (targets[0], targets[targets.len() - 1]);
    // The middle of the linked items' centres, doubled to stay in whole cells.
    let middle2 = lower[first].rect.centre() + lower[last].rect.centre();
    let source2 = 2 * tiers[t - 1].items[source].rect.centre();
    let left = lower.iter().map(|p| p.rect.x).min().unwrap_or(0);
    let right = lower.iter().map(|p| p.rect.x + p.rect.w).max().unwrap_or(0);
    let room_right = width.saturating_sub(right);
    let shift = |p: &mut Placement, dx: isize| {
        let by = |x: usize| x.saturating_add_signed(dx);
        p.rect.x = by(p.rect.x);
        p.comps.iter_mut().for_each(|(_, r)| r.x = by(r.x));
    };
    let dx = if source2 >= middle2 {
        ((source2 - middle2) / 2).min(room_right) as isize
    } else {
        -(((middle2 - source2) / 2).min(left) as isize)
    };
    tiers[t].items.iter_mut().for_each(|p| shift(p, dx));
}

/// Columns kept free right of the tiers for a rail: a stub, the line and a space.
const RAIL_ROOM: usize = 4;

/// A rail between tiers `t - 1` and `t` that found no room: lays both tiers out again a little
/// narrower (a wide group row may become a grid or a column) and takes the rail if it fits now.
/// Keeps the old layout, and the merged bus, when it doesn't or when tier `t - 1` would change
/// how the route above it is drawn.
fn make_room_for_rail(
    diagram: &Diagram,
    items: &[Vec<Item>],
    tiers: &mut [Tier],
    t: usize,
    links: &[Link],
    width: usize,
    previous: Route,
) -> Route {
    let narrow = width.saturating_sub(RAIL_ROOM);
    let upper = place_tier(diagram, t - 1, &items[t - 1], links, narrow);
    let lower = place_tier(diagram, t, &items[t], links, narrow);
    if t > 1 && upper.stacked != tiers[t - 1].stacked {
        return Route::Bus { merged: true };
    }
    let saved = [
        std::mem::replace(&mut tiers[t - 1], upper),
        std::mem::replace(&mut tiers[t], lower),
    ];
    if previous == (Route::Bus { merged: false }) {
        align_under_source(tiers, t - 1, links, narrow);
    }
    let route = links::route(tiers, t - 1, links, width, previous);
    if !matches!(route, Route::Rail { .. }) {
        let [upper, lower] = saved;
        (tiers[t - 1], tiers[t]) = (upper, lower);
        return Route::Bus { merged: true };
    }
    route
}

/// Lays out `diagram` for `width` columns.
pub(super) fn plan(diagram: &Diagram, width: usize) -> Plan {
    let tiers_items = valid_tiers(diagram);
    let links = links::resolve(diagram, &tiers_items);
    let mut tiers: Vec<Tier> = tiers_items
        .iter()
        .enumerate()
        .map(|(t, items)| place_tier(diagram, t, items, &links, width))
        .collect();
    let mut routes = Vec::with_capacity(tiers.len());
    let mut previous = Route::None;
    for t in 1..tiers.len() {
        let mut route = links::route(&tiers, t - 1, &links, width, previous);
        if route == (Route::Bus { merged: true }) && !matches!(previous, Route::Rail { .. }) {
            route = make_room_for_rail(diagram, &tiers_items, &mut tiers, t, &links, width, previous);
        }
        if route == (Route::Bus { merged: false }) {
            align_under_source(&mut tiers, t, &links, width);
        }
        routes.push(route);
        previous = route;
    }
    let mut y = 0;
    for (t, tier) in tiers.iter_mut().enumerate() {
        tier.top = y;
        for p in &mut tier.items {
            p.rect = p.rect.moved(0, y);
            p.comps.iter_mut().for_each(|(_, r)| *r = r.moved(0, y));
        }
        y += tier.height + routes.get(t).map_or(0, |r| r.gap());
    }
    let widest = tiers
        .iter()
        .flat_map(|t| &t.items)
        .map(|p| p.rect.x + p.rect.w)
        .max()
        .unwrap_or(0);
    Plan {
        tiers,
        links,
        routes,
        width: widest.max(width),
        height: y,
    }
}
