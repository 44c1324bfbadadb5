//! Rails: the links between two tiers on a vertical line beside both, for when a stacked tier
//! hides an end from the bus (see `links::route`).

use super::canvas::Canvas;
use super::layout::Plan;
use super::strokes::{DOWN, LEFT, Label, RIGHT, UP, edge, join, light};

/// The links between tiers `t` and `t + 1` on a vertical line at `column` beside both tiers, with
/// a stub into each item's side: `├──┐` where a link leaves, `◀──┤` where one arrives.
pub(super) fn draw(canvas: &mut Canvas, plan: &Plan, t: usize, column: usize, right: bool, labels: &mut Vec<Label>) {
    let pair = [&plan.tiers[t], &plan.tiers[t + 1]];
    // (tier of the pair, item, arrow into it, line leaving it)
    let mut stubs: Vec<(usize, usize, bool, bool)> = Vec::new();
    let mut stub = |k: usize, item: usize, arrow: bool| match stubs.iter_mut().find(|s| (s.0, s.1) == (k, item)) {
        Some(s) => (s.2, s.3) = (s.2 || arrow, s.3 || !arrow),
        None => stubs.push((k, item, arrow, !arrow)),
    };
    let mut spans = Vec::new();
    for link in &plan.links {
        let Some((i, j, down)) = link.across(t) else { continue };
        stub(0, i, !down);
        stub(1, j, down);
        let rows = (pair[0].items[i].rect.y + 1, pair[1].items[j].rect.y + 1);
        spans.extend(link.label.clone().map(|text| (text, rows)));
    }
    let mut rows = Vec::new();
    for &(k, item, arrow, _) in &stubs {
        let rect = pair[k].items[item].rect;
        let y = rect.y + 1;
        rows.push(y);
        let (border, dir, head, x0, x1) = if right {
            (rect.right(), RIGHT, ('◀', rect.right() + 1), rect.right() + 1, column)
        } else {
            (rect.x, LEFT, ('▶', rect.x - 1), column + 1, rect.x)
        };
        (x0..x1).for_each(|x| canvas.put(x, y, '─', edge()));
        if arrow {
            canvas.put(head.1, y, head.0, edge());
        } else {
            join(canvas, border, y, dir);
        }
    }
    let (top, bottom) = (
        rows.iter().copied().min().unwrap_or(0),
        rows.iter().copied().max().unwrap_or(0),
    );
    for y in top..=bottom {
        let mut dirs = if rows.contains(&y) {
            if right { LEFT } else { RIGHT }
        } else {
            0
        };
        if y > top {
            dirs |= UP;
        }
        if y < bottom {
            dirs |= DOWN;
        }
        canvas.put(column, y, light(dirs), edge());
    }
    for (text, (a, b)) in spans {
        let (lo, hi) = (a.min(b), a.max(b));
        let mut ys: Vec<usize> = (lo + 1..hi).collect();
        let middle = (lo + hi) / 2;
        ys.sort_by_key(|y| y.abs_diff(middle));
        let label = Label::beside(text, column, &ys);
        // Only the side away from the boxes.
        let keep = |&(x, _): &(usize, usize)| if right { x > column } else { x < column };
        labels.push(Label {
            spots: label.spots.into_iter().filter(keep).collect(),
            ..label
        });
    }
}
