//! Connectors, drawn after the boxes: arrows between side-by-side items, links between stacked
//! ones, buses between tiers (rails are in `rail`), then the edge labels wherever there is room.
//! A line leaves a box through a junction in its border (`┬`, `├`; `┯`, `┝` on a heavy border)
//! and ends in an arrowhead against the border of the box it points at.

use super::canvas::Canvas;
use super::layout::{Plan, Rect};
use super::links::{Link, Route};
use super::strokes::{DOWN, LEFT, Label, RIGHT, UP, edge, join, light};
use crate::text::display_width;

/// A column both boxes can be joined by with a straight line: the narrower one's centre when it is
/// inside the other, else the nearest column inside both.
fn column(a: Rect, b: Rect) -> Option<usize> {
    let (narrow, wide) = if a.w <= b.w { (a, b) } else { (b, a) };
    let x = narrow.centre();
    if wide.inside(x) {
        return Some(x);
    }
    let (lo, hi) = (a.x.max(b.x) + 1, a.right().min(b.right()).checked_sub(1)?);
    (lo <= hi).then(|| x.clamp(lo, hi))
}

/// Draws every connector of `plan`, then the labels that fit within `limit` columns.
pub(super) fn draw(canvas: &mut Canvas, plan: &Plan, limit: usize) {
    let mut labels = Vec::new();
    for t in 0..plan.tiers.len() {
        same_tier(canvas, plan, t, &mut labels);
    }
    for (t, route) in plan.routes.iter().enumerate() {
        match *route {
            Route::None => {}
            Route::Bus { merged } => bus(canvas, plan, t, merged, &mut labels),
            Route::Rail { column, right } => super::rail::draw(canvas, plan, t, column, right, &mut labels),
        }
    }
    for label in &labels {
        label.place(canvas, limit);
    }
}

/// Links between neighbours in a tier: `──▶` side by side (label above), `│`/`▼` when stacked.
/// Links between items that are not neighbours are not drawn.
fn same_tier(canvas: &mut Canvas, plan: &Plan, t: usize, labels: &mut Vec<Label>) {
    let tier = &plan.tiers[t];
    for i in 1..tier.items.len() {
        let (a, b) = ((t, i - 1), (t, i));
        let joining: Vec<&Link> = plan.links.iter().filter(|l| l.joins(a, b)).collect();
        if joining.is_empty() {
            continue;
        }
        let forward = joining.iter().any(|l| l.from == a);
        let backward = joining.iter().any(|l| l.from == b);
        let label = joining.iter().find_map(|l| l.label.clone());
        let (ra, rb) = (tier.items[i - 1].rect, tier.items[i].rect);
        if tier.stacked {
            let Some(x) = column(ra, rb) else { continue };
            let (y0, y1) = (ra.bottom() + 1, ra.bottom() + 2);
            canvas.put(x, y0, if backward { '▲' } else { '│' }, edge());
            canvas.put(x, y1, if forward { '▼' } else { '│' }, edge());
            if forward && !backward {
                join(canvas, x, ra.bottom(), DOWN);
            }
            if backward && !forward {
                join(canvas, x, rb.y, UP);
            }
            labels.extend(label.map(|text| Label::beside(text, x, &[y0, y1])));
        } else {
            let (y, x0, x1) = (ra.y + 1, ra.right() + 1, rb.x - 1);
            (x0..=x1).for_each(|x| canvas.put(x, y, '─', edge()));
            if forward {
                canvas.put(x1, y, '▶', edge());
            }
            if backward {
                canvas.put(x0, y, '◀', edge());
            }
            if forward && !backward {
                join(canvas, ra.right(), y, RIGHT);
            }
            if backward && !forward {
                join(canvas, rb.x, y, LEFT);
            }
            // The gap was made at least two wider than the label.
            if let Some(text) = label {
                let room = (x1 + 1 - x0).saturating_sub(display_width(&text));
                canvas.text(x0 + room / 2, ra.y, &text, edge());
            }
        }
    }
}

/// Where a connector meets a box: the box, the column, and whether an arrowhead points into the
/// box or a line leaves it.
#[derive(Debug, Clone, Copy)]
struct Point {
    item: usize,
    rect: Rect,
    x: usize,
    arrow: bool,
    source: bool,
}

fn point(points: &mut Vec<Point>, item: usize, rect: Rect) -> &mut Point {
    let at = match points.iter().position(|p| p.item == item) {
        Some(at) => at,
        None => {
            points.push(Point {
                item,
                rect,
                x: rect.centre(),
                arrow: false,
                source: false,
            });
            points.len() - 1
        }
    };
    &mut points[at]
}

/// Lines up one end with the other: a single link goes straight down when the boxes overlap; in a
/// fan-out (or fan-in) an arrow within two columns of the lone end moves under it.
fn snap(tops: &mut [Point], bottoms: &mut [Point]) {
    match (tops, bottoms) {
        ([p], [q]) => {
            if let Some(x) = column(p.rect, q.rect) {
                (p.x, q.x) = (x, x);
            }
        }
        ([lone], many) | (many, [lone]) => {
            for q in many.iter_mut() {
                if q.rect.inside(lone.x) && q.x.abs_diff(lone.x) <= 2 {
                    q.x = lone.x;
                }
            }
        }
        _ => {}
    }
}

/// A run of bus: the points above and below it and the links it carries.
struct Run {
    tops: Vec<Point>,
    bottoms: Vec<Point>,
    conns: Vec<(usize, usize, Option<String>)>,
}

impl Run {
    fn span(&self) -> (usize, usize) {
        let xs = || self.tops.iter().chain(&self.bottoms).map(|p| p.x);
        (xs().min().unwrap_or(0), xs().max().unwrap_or(0))
    }
}

/// The links between tiers `t` and `t + 1` on a bus: `│` under each upper end, a rule with
/// junctions, `▼` over each lower end. Links that share no item get runs of their own unless the
/// runs would meet.
fn bus(canvas: &mut Canvas, plan: &Plan, t: usize, merged: bool, labels: &mut Vec<Label>) {
    let (upper, lower) = (&plan.tiers[t], &plan.tiers[t + 1]);
    // (upper item, lower item, goes down, label), one per pair and direction.
    let mut conns: Vec<(usize, usize, bool, Option<String>)> = Vec::new();
    for link in &plan.links {
        let Some((i, j, down)) = link.across(t) else { continue };
        let mi = if merged && upper.stacked {
            upper.items.len() - 1
        } else {
            i
        };
        let mj = if merged && lower.stacked { 0 } else { j };
        // A link moved onto other items keeps no label: it would name the wrong pair.
        let label = link.label.clone().filter(|_| (mi, mj) == (i, j));
        match conns.iter_mut().find(|c| (c.0, c.1, c.2) == (mi, mj, down)) {
            Some(c) => c.3 = c.3.take().or(label),
            None => conns.push((mi, mj, down, label)),
        }
    }
    let mut runs: Vec<Run> = Vec::new();
    for (i, j, down, label) in conns {
        let joined: Vec<Run> = {
            let (with, without) = std::mem::take(&mut runs)
                .into_iter()
                .partition(|r: &Run| r.conns.iter().any(|c| c.0 == i || c.1 == j));
            runs = without;
            with
        };
        let mut run = Run {
            tops: Vec::new(),
            bottoms: Vec::new(),
            conns: Vec::new(),
        };
        for r in joined {
            run.tops.extend(r.tops);
            run.bottoms.extend(r.bottoms);
            run.conns.extend(r.conns);
        }
        let top = point(&mut run.tops, i, upper.items[i].rect);
        (top.source, top.arrow) = (top.source || down, top.arrow || !down);
        let bottom = point(&mut run.bottoms, j, lower.items[j].rect);
        (bottom.source, bottom.arrow) = (bottom.source || !down, bottom.arrow || down);
        run.conns.push((i, j, label));
        runs.push(run);
    }
    for run in &mut runs {
        snap(&mut run.tops, &mut run.bottoms);
    }
    // Runs whose rules would touch become one.
    runs.sort_by_key(|r| r.span());
    let mut merged_runs: Vec<Run> = Vec::new();
    for run in runs {
        match merged_runs.last_mut() {
            Some(last) if run.span().0 <= last.span().1 + 1 => {
                last.tops.extend(run.tops);
                last.bottoms.extend(run.bottoms);
                last.conns.extend(run.conns);
            }
            _ => merged_runs.push(run),
        }
    }
    let ya = upper.top + upper.height;
    for run in &merged_runs {
        draw_run(canvas, run, ya, labels);
    }
}

fn draw_run(canvas: &mut Canvas, run: &Run, ya: usize, labels: &mut Vec<Label>) {
    let (yb, yc) = (ya + 1, ya + 2);
    for p in &run.tops {
        let below = p.rect.bottom() + 1;
        (below..=ya).for_each(|y| canvas.put(p.x, y, '│', edge()));
        if p.arrow {
            canvas.put(p.x, below, '▲', edge());
        } else if p.source {
            join(canvas, p.x, p.rect.bottom(), DOWN);
        }
    }
    for p in &run.bottoms {
        canvas.put(p.x, yc, if p.arrow { '▼' } else { '│' }, edge());
        if p.source && !p.arrow {
            join(canvas, p.x, p.rect.y, UP);
        }
    }
    let (lo, hi) = run.span();
    for x in lo..=hi {
        let mut dirs = 0;
        if run.tops.iter().any(|p| p.x == x) {
            dirs |= UP;
        }
        if run.bottoms.iter().any(|p| p.x == x) {
            dirs |= DOWN;
        }
        if x > lo {
            dirs |= LEFT;
        }
        if x < hi {
            dirs |= RIGHT;
        }
        canvas.put(x, yb, light(dirs), edge());
    }
    for (i, j, label) in &run.conns {
        let Some(text) = label.clone() else { continue };
        let x_of = |points: &[Point], item: usize| points.iter().find(|p| p.item == item).map_or(0, |p| p.x);
        let (tx, bx) = (x_of(&run.tops, *i), x_of(&run.bottoms, *j));
        labels.push(if tx == bx {
            Label::beside(text, tx, &[yb, ya, yc])
        } else {
            let w = display_width(&text);
            let right = [(tx + 2, ya), (bx + 2, yc)];
            let left = [(tx, ya), (bx, yc)].map(|(x, y)| x.checked_sub(w + 1).map(|x| (x, y)));
            let spots = right.into_iter().chain(left.into_iter().flatten()).collect();
            Label { text, spots }
        });
    }
}
