//! Edges resolved to the tier items they join, and how each pair of consecutive tiers is connected
//! once the tiers are laid out: a bus, a rail down one side, or the single arrow it degrades to.

use super::boxes::Tier;
use crate::content::diagram::{Diagram, Item};
use crate::text::display_width;

/// A tier item: (tier, position in the tier).
pub(super) type At = (usize, usize);

/// An edge between two tier items. A component inside a group counts as its group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Link {
    pub from: At,
    pub to: At,
    pub label: Option<String>,
}

impl Link {
    /// Whether the link joins `a` and `b`, either way round.
    pub(super) fn joins(&self, a: At, b: At) -> bool {
        (self.from == a && self.to == b) || (self.from == b && self.to == a)
    }

    /// Width of the label in cells (0 without one).
    pub(super) fn label_width(&self) -> usize {
        self.label.as_deref().map_or(0, display_width)
    }

    /// The link between tiers `t` and `t + 1` as (item in `t`, item in `t + 1`, goes down).
    pub(super) fn across(&self, t: usize) -> Option<(usize, usize, bool)> {
        match (self.from, self.to) {
            ((a, i), (b, j)) if a == t && b == t + 1 => Some((i, j, true)),
            ((a, i), (b, j)) if a == t + 1 && b == t => Some((j, i, false)),
            _ => None,
        }
    }
}

/// Where an item sits in the tiers.
fn locate(diagram: &Diagram, tiers: &[Vec<Item>], item: Item) -> Option<At> {
    let direct = |wanted: Item| {
        tiers
            .iter()
            .enumerate()
            .find_map(|(t, tier)| tier.iter().position(|i| *i == wanted).map(|p| (t, p)))
    };
    direct(item).or_else(|| match item {
        Item::Component(c) => {
            let group = diagram.components.get(c)?.group?;
            direct(Item::Group(group))
        }
        Item::Group(_) => None,
    })
}

/// Every edge whose ends are in `tiers`, as links between tier items; an edge inside one item
/// (a component and its own group) is dropped.
pub(super) fn resolve(diagram: &Diagram, tiers: &[Vec<Item>]) -> Vec<Link> {
    diagram
        .edges
        .iter()
        .filter_map(|e| {
            let (from, to) = (locate(diagram, tiers, e.from)?, locate(diagram, tiers, e.to)?);
            (from != to).then(|| Link {
                from,
                to,
                label: e.label.clone().filter(|l| !l.is_empty()),
            })
        })
        .collect()
}

/// How the links between tiers `t` and `t + 1` are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Route {
    /// No links: a blank row.
    None,
    /// Three rows of bus between the tiers. `merged`: a stacked tier could not be reached, so
    /// every link was moved onto its nearest item (the last of a stacked upper tier, the first of
    /// a stacked lower one) and labels are dropped.
    Bus { merged: bool },
    /// A vertical line at `column`, right or left of both tiers, with a stub into each item.
    Rail { column: usize, right: bool },
}

impl Route {
    /// Rows between the two tiers.
    pub(super) fn gap(self) -> usize {
        match self {
            Route::Bus { .. } => 3,
            Route::None | Route::Rail { .. } => 1,
        }
    }
}

/// Chooses the route between tiers `t` and `t + 1` (already placed across, not yet down).
/// `previous` is the route above tier `t`, so two rails never share a side where they meet.
pub(super) fn route(tiers: &[Tier], t: usize, links: &[Link], width: usize, previous: Route) -> Route {
    let across: Vec<(usize, usize, bool)> = links.iter().filter_map(|l| l.across(t)).collect();
    if across.is_empty() {
        return Route::None;
    }
    let (upper, lower) = (&tiers[t], &tiers[t + 1]);
    let reachable = across
        .iter()
        .all(|&(i, j, _)| (!upper.stacked || i + 1 == upper.items.len()) && (!lower.stacked || j == 0));
    if reachable {
        return Route::Bus { merged: false };
    }
    let ends: Vec<(&Tier, usize)> = across.iter().flat_map(|&(i, j, _)| [(upper, i), (lower, j)]).collect();
    let rects = || upper.items.iter().chain(&lower.items).map(|p| p.rect);
    let right_column = rects().map(|r| r.right() + 3).max().unwrap_or(0);
    let left_column = rects().map(|r| r.x).min().unwrap_or(0).checked_sub(3);
    let right_ok = right_column < width
        && ends.iter().all(|(tier, i)| tier.stacked || *i + 1 == tier.items.len())
        && !matches!(previous, Route::Rail { right: true, .. });
    let left_ok = left_column.is_some()
        && ends.iter().all(|(tier, i)| tier.stacked || *i == 0)
        && !matches!(previous, Route::Rail { right: false, .. });
    match (right_ok, left_column) {
        (true, _) => Route::Rail {
            column: right_column,
            right: true,
        },
        (false, Some(column)) if left_ok => Route::Rail { column, right: false },
        _ => Route::Bus { merged: true },
    }
}
