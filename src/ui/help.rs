//! `?` help, generated from the live key table, the `:` command table and the prompt keys, so it
//! always says what the keys really do (rebound keys included). Laid out as K9s does: sections in
//! columns side by side, as many as the screen needs to show everything at once (100x30 fits it
//! whole); `/` filters the rows as you type.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::chrome::key_label;
use super::{Ctx, pane};
use crate::app::registry::{self, Arg, Group};
use crate::app::{App, Drawn, View};
use crate::i18n::words;
use crate::text::{display_width, pad_to, truncate_to};
use crate::theme::UiRole;

/// Keys of the `:` and `/` prompts: a text field's keys, not rebindable.
const PROMPT_KEYS: &[(&str, crate::i18n::Phrase)] = &[
    ("enter", words::H_PROMPT_ENTER),
    ("esc", words::H_PROMPT_ESC),
    ("tab", words::H_PROMPT_TAB),
    ("↑ ↓", words::H_PROMPT_HISTORY),
    ("ctrl-w", words::H_PROMPT_WORD),
];

/// Narrowest a column may be before fewer, scrolling columns are better.
const MIN_COLUMN: usize = 28;
/// Cells between columns.
const GAP: usize = 2;
/// Widest the keys of a row get in the column layout: further keys are left out there (all of
/// them show in one column).
const KEYS_IN_COLUMNS: usize = 11;

/// A help row: the keys (labels, in order) and what they do.
struct Row {
    keys: Vec<String>,
    help: String,
}

/// A titled list of rows.
struct Section {
    title: String,
    rows: Vec<Row>,
}

fn row(keys: Vec<String>, help: impl Into<String>) -> Row {
    Row {
        keys,
        help: help.into(),
    }
}

fn sections(app: &App) -> Vec<Section> {
    // The practice keys act only in the practice views: listed when help opens over one.
    let beneath = app.views().iter().rev().nth(1);
    let practising = matches!(beneath, Some(View::Practice { .. } | View::Exercise { .. }));
    let mut out: Vec<Section> = Group::ALL
        .iter()
        .filter(|group| **group != Group::Practice || practising)
        .map(|group| {
            let mut rows = Vec::new();
            let mut selecting: Vec<String> = Vec::new();
            for (entry, keys) in registry::bindable().filter(|(_, k)| k.group == *group) {
                let labels: Vec<String> = (app.keymap().keys_for(&entry.act()).iter())
                    .map(|k| key_label(&k.to_string()))
                    .collect();
                // The arrows that move a diagram selection read as one row.
                if keys.selecting {
                    selecting.extend(labels);
                    continue;
                }
                let labels = if labels.is_empty() {
                    vec![crate::i18n::words::H_UNBOUND.get(app.lang()).to_string()]
                } else {
                    labels
                };
                // Its `:` command, when it has one, so the filter finds the action by either name.
                let help = match entry.command {
                    Some(_) => format!("{} (:{})", keys.help.get(app.lang()), entry.name),
                    None => keys.help.get(app.lang()).to_string(),
                };
                rows.push(row(labels, help));
            }
            if !selecting.is_empty() {
                rows.push(row(selecting, crate::i18n::words::H_MOVE_SELECTION.get(app.lang())));
            }
            Section {
                title: group.title().get(app.lang()).to_string(),
                rows,
            }
        })
        .collect();
    // Commands a key already opens are found by tab in the prompt; help lists the others.
    let mut commands: Vec<Row> = registry::commands()
        .into_iter()
        .filter(|(e, _)| e.keys.is_none() || app.keymap().keys_for(&e.act()).is_empty())
        .map(|(e, c)| {
            let arg = match c.arg {
                Arg::None => "",
                Arg::SlideId => " ID",
                Arg::ThemeName | Arg::LearnerName | Arg::LessonName => " NAME",
                Arg::Value => " N",
            };
            row(vec![format!(":{}{arg}", e.name)], c.help.get(app.lang()))
        })
        .collect();
    let aliases: Vec<String> = (app.current_lesson().aliases.iter())
        .map(|(a, _)| format!(":{a}"))
        .chain(["po", "dp", "np", "ns"].map(|k| format!(":{k}")))
        .collect();
    let lang = app.lang();
    let go = format!("{} {}", words::H_GO_TO_ALIAS.get(lang), aliases.join(" "));
    commands.push(row(vec![":ID".into()], go));
    out.push(Section {
        title: words::H_COMMANDS.get(lang).into(),
        rows: commands,
    });
    out.push(Section {
        title: words::H_PROMPT.get(lang).into(),
        rows: PROMPT_KEYS
            .iter()
            .map(|(k, h)| row(vec![k.to_string()], h.get(lang)))
            .collect(),
    });
    out
}

/// The sections with only the rows that match `query` (keys or text, case-insensitive); a
/// section whose title matches keeps all its rows.
fn filtered(all: Vec<Section>, query: &str) -> Vec<Section> {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return all;
    }
    all.into_iter()
        .filter_map(|mut s| {
            if !s.title.to_lowercase().contains(&query) {
                s.rows.retain(|r| {
                    r.help.to_lowercase().contains(&query) || r.keys.iter().any(|k| k.to_lowercase().contains(&query))
                });
            }
            (!s.rows.is_empty()).then_some(s)
        })
        .collect()
}

/// One line of a column: a section title or a row.
enum Item<'a> {
    Title(&'a str),
    Row(&'a Row),
}

/// Splits `items` into columns of at most `height` lines, never ending a column on a title;
/// None when it takes more than `max` columns.
fn columns<'a>(items: &'a [Item<'a>], height: usize, max: usize) -> Option<Vec<Vec<&'a Item<'a>>>> {
    let mut out: Vec<Vec<&Item>> = vec![Vec::new()];
    for item in items {
        let full = out.last().is_some_and(|c| c.len() >= height);
        let title_at_bottom = matches!(item, Item::Title(_)) && out.last().is_some_and(|c| c.len() + 1 >= height);
        if (full || title_at_bottom) && out.last().is_some_and(|c| !c.is_empty()) {
            out.push(Vec::new());
        }
        // A column opening mid-section repeats nothing: the rows follow on.
        out.last_mut()?.push(item);
        if out.len() > max {
            return None;
        }
    }
    Some(out)
}

/// A row's keys joined, as many as fit in `room` cells (at least the first).
fn keys_of(row: &Row, room: usize) -> String {
    let mut out = String::new();
    for key in &row.keys {
        let wider = display_width(&out) + usize::from(!out.is_empty()) + display_width(key);
        if !out.is_empty() && wider > room {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(key);
    }
    out
}

/// The widest keys and the widest text of a column's rows.
fn natural(items: &[&Item<'_>], key_room: usize) -> (usize, usize) {
    let rows = items.iter().filter_map(|i| match i {
        Item::Row(r) => Some(r),
        Item::Title(_) => None,
    });
    rows.fold((0, 0), |(k, h), r| {
        (
            k.max(display_width(&keys_of(r, key_room))),
            h.max(display_width(&r.help)),
        )
    })
}

/// A column's lines, `width` cells wide, its keys in a column as wide as its widest keys.
fn column_lines(items: &[&Item<'_>], width: usize, key_room: usize, ctx: &Ctx<'_>) -> Vec<Line<'static>> {
    let key_width = natural(items, key_room).0.min(width / 2) + 2;
    let keys_of = |r: &Row| keys_of(r, key_room);
    items
        .iter()
        .map(|item| match item {
            Item::Title(t) => Line::from(Span::styled(truncate_to(t, width), ctx.ui(UiRole::TableHeader))),
            Item::Row(r) => {
                let keys = truncate_to(&keys_of(r), key_width - 2);
                let help = truncate_to(&r.help, width.saturating_sub(key_width));
                Line::from(vec![
                    Span::styled(pad_to(&keys, key_width), ctx.ui(UiRole::KeyHint)),
                    Span::styled(help, ctx.ui(UiRole::KeyHintText)),
                ])
            }
        })
        .collect()
}

/// The help lines for a pane `width` x `height`: side by side columns when they fit on one screen,
/// else one long column to scroll.
fn lines(sections: &[Section], width: usize, height: usize, ctx: &Ctx<'_>) -> Vec<Line<'static>> {
    let mut items: Vec<Item> = Vec::new();
    for s in sections {
        items.push(Item::Title(&s.title));
        items.extend(s.rows.iter().map(Item::Row));
    }
    let most = (width + GAP) / (MIN_COLUMN + GAP);
    // The fewest columns that hold everything, filled evenly rather than the first ones full.
    let fitted = (1..=most.max(1)).find_map(|n| {
        let even = items.len().div_ceil(n).max(2);
        (even..=height.max(2)).find_map(|h| columns(&items, h, n))
    });
    let Some(cols) = fitted.filter(|c| c.len() > 1) else {
        // One column: everything, all keys, blank lines between sections.
        let all: Vec<&Item> = items.iter().collect();
        let mut out = Vec::new();
        for (i, line) in column_lines(&all, width, width / 2, ctx).into_iter().enumerate() {
            if i > 0 && matches!(all[i], Item::Title(_)) {
                out.push(Line::default());
            }
            out.push(line);
        }
        return out;
    };
    let widths = column_widths(&cols, width);
    let drawn: Vec<Vec<Line>> = (cols.iter().zip(&widths))
        .map(|(c, w)| column_lines(c, *w, KEYS_IN_COLUMNS, ctx))
        .collect();
    let rows = drawn.iter().map(Vec::len).max().unwrap_or(0);
    (0..rows)
        .map(|y| {
            let mut spans: Vec<Span<'static>> = Vec::new();
            for (x, col) in drawn.iter().enumerate() {
                let line = col.get(y).cloned().unwrap_or_default();
                let used: usize = line.spans.iter().map(|s| display_width(&s.content)).sum();
                spans.extend(line.spans);
                if x + 1 < drawn.len() {
                    spans.push(Span::raw(" ".repeat(widths[x].saturating_sub(used) + GAP)));
                }
            }
            Line::from(spans)
        })
        .collect()
}

/// Each column as wide as its keys and text, the texts cut to one common limit when they don't
/// all fit (the narrowest columns keep their whole text).
fn column_widths(cols: &[Vec<&Item<'_>>], width: usize) -> Vec<usize> {
    let room = width.saturating_sub(GAP * cols.len().saturating_sub(1));
    let naturals: Vec<(usize, usize)> = cols.iter().map(|c| natural(c, KEYS_IN_COLUMNS)).collect();
    let total = |cap: usize| -> usize { naturals.iter().map(|(k, h)| k + 2 + (*h).min(cap)).sum() };
    let widest = naturals.iter().map(|(_, h)| *h).max().unwrap_or(0);
    // The largest cap on the text that fits (found by halving: widths are small).
    let (mut low, mut high) = (0, widest);
    while low < high {
        let mid = (low + high).div_ceil(2);
        if total(mid) <= room { low = mid } else { high = mid - 1 }
    }
    let mut widths: Vec<usize> = naturals.iter().map(|(k, h)| k + 2 + (*h).min(low)).collect();
    // What is left over goes to the last column, so the frame's right side lines up.
    let used: usize = widths.iter().sum();
    if let Some(last) = widths.last_mut() {
        *last += room.saturating_sub(used);
    }
    widths
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, scroll: usize, ctx: &Ctx<'_>) -> Drawn {
    let inner = pane::inner(area);
    let query = app.help_query();
    let all = sections(app);
    let total: usize = all.iter().map(|s| s.rows.len()).sum();
    let shown = filtered(all, &query);
    let count: usize = shown.iter().map(|s| s.rows.len()).sum();
    let title = pane::Title {
        name: "help",
        subject: (!query.trim().is_empty()).then(|| format!("/{}", query.trim())),
        // Counted only while filtering: `help[9/47]`.
        count: (count != total).then(|| format!("{count}/{total}")),
    };
    let lines = if shown.is_empty() {
        vec![Line::from(Span::styled(
            "no key or command matches",
            ctx.ui(UiRole::Muted),
        ))]
    } else {
        lines(&shown, inner.width as usize, inner.height as usize, ctx)
    };
    pane::text(frame, area, &title, &lines, scroll, ctx)
}
