//! The row views, drawn as K9s tables: the table of contents, the filter results, the bookmarks
//! and the lessons.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{Ctx, convert, pane};
use crate::app::search::Place;
use crate::app::{App, Drawn, TocRow};
use crate::content::SlideIndex;
use crate::content::script::{Millis, clock};
use crate::i18n::{Lang, Phrase, words};
use crate::render;
use crate::text::{display_width, pad_to};
use crate::theme::UiRole;

/// A column: its header, width (None: takes the rest) and whether it is right-aligned.
pub(super) struct Column {
    header: Phrase,
    width: Option<usize>,
    right: bool,
}

pub(super) const fn col(header: Phrase, width: Option<usize>, right: bool) -> Column {
    Column { header, width, right }
}

/// Widths for `columns` in `total` cells, one space between columns.
fn widths(columns: &[Column], total: usize) -> Vec<usize> {
    let fixed: usize = columns.iter().filter_map(|c| c.width).sum::<usize>() + columns.len().saturating_sub(1);
    columns
        .iter()
        .map(|c| c.width.unwrap_or_else(|| total.saturating_sub(fixed).max(1)))
        .collect()
}

/// Cells -> one table line. Each cell is a list of spans cut and padded to its column.
fn row_line(cells: Vec<Vec<Span<'static>>>, columns: &[Column], widths: &[usize]) -> Line<'static> {
    let mut out: Vec<Span<'static>> = Vec::new();
    for (i, (cell, (c, &w))) in cells.into_iter().zip(columns.iter().zip(widths)).enumerate() {
        if i > 0 {
            out.push(Span::raw(" "));
        }
        // A cell wider than its column keeps one cell for the `…` that says it was cut, also
        // when the cut falls exactly between two spans.
        let total: usize = cell.iter().map(|s| display_width(&s.content)).sum();
        let limit = if total > w { w.saturating_sub(1) } else { w };
        let mut used = 0;
        let mut parts = Vec::new();
        for span in cell {
            let room = limit.saturating_sub(used);
            if room == 0 {
                break;
            }
            let text = if display_width(&span.content) > room {
                // Cut to `room` without truncate_to's own ellipsis: one is added below.
                let (mut t, mut cells) = (String::new(), 0);
                for ch in span.content.chars() {
                    let cw = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
                    if cells + cw > room {
                        break;
                    }
                    cells += cw;
                    t.push(ch);
                }
                t
            } else {
                span.content.to_string()
            };
            used += display_width(&text);
            parts.push(Span::styled(text, span.style));
        }
        if total > w && w > 0 {
            let style = parts.last().map(|p: &Span<'static>| p.style).unwrap_or_default();
            parts.push(Span::styled("…", style));
            used += 1;
        }
        let pad = Span::raw(" ".repeat(w.saturating_sub(used)));
        if c.right {
            out.push(pad);
            out.extend(parts);
        } else {
            out.extend(parts);
            out.push(pad);
        }
    }
    Line::from(out)
}

/// Draws a table: header, rows from `first`, the selected row highlighted across the whole width.
pub(super) fn table(
    frame: &mut Frame<'_>,
    area: Rect,
    title: &pane::Title<'_>,
    (columns, lang): (&[Column], Lang),
    rows: Vec<Vec<Vec<Span<'static>>>>,
    selected: usize,
    ctx: &Ctx<'_>,
) -> Drawn {
    let inside = pane::inner(area);
    let page = (inside.height as usize).saturating_sub(1);
    let total = rows.len();
    let first = if page == 0 {
        selected
    } else {
        (selected + 1).saturating_sub(page)
    };
    pane::frame(frame, area, title, Some((first, page, total)), ctx);
    let w = widths(columns, inside.width as usize);
    let header_cells = columns
        .iter()
        .map(|c| vec![Span::styled(c.header.get(lang), ctx.ui(UiRole::TableHeader))])
        .collect();
    let mut lines = vec![row_line(header_cells, columns, &w)];
    for (i, cells) in rows.into_iter().enumerate().skip(first).take(page) {
        let mut line = row_line(cells, columns, &w);
        if i == selected {
            let sel = ctx.ui(UiRole::Selection);
            line.spans.iter_mut().for_each(|s| s.style = s.style.patch(sel));
            let used: usize = line.spans.iter().map(|s| display_width(&s.content)).sum();
            line.spans.push(Span::styled(
                " ".repeat((inside.width as usize).saturating_sub(used)),
                sel,
            ));
        }
        lines.push(line);
    }
    pane::write_lines(frame, inside, &lines, 0);
    Drawn {
        max_scroll: 0,
        page,
        ..Drawn::default()
    }
}

fn time(m: Millis) -> String {
    if m.0 == 0 { "-".into() } else { clock(m) }
}

pub fn toc(frame: &mut Frame<'_>, area: Rect, app: &App, selected: usize, ctx: &Ctx<'_>) -> Drawn {
    const COLUMNS: &[Column] = &[
        col(words::COL_BLANK, Some(1), false),
        col(words::COL_ID, Some(8), false),
        col(words::COL_TITLE, None, false),
        col(words::COL_SLIDES, Some(6), true),
        col(words::COL_SEEN, Some(6), true),
        col(words::COL_NARRATION, Some(9), true),
    ];
    // Progress: visited/total for lessons and chapters (✓ when every slide was read to the end),
    // ✓ or · (visited) for a slide, ★ before a bookmarked slide's title.
    let seen = |l: usize, from: SlideIndex, n: usize| {
        let t = app.tally(l, from, n);
        let mark = if t.total > 0 && t.completed == t.total {
            " ✓"
        } else {
            "  "
        };
        vec![Span::styled(
            format!("{}/{}{mark}", t.visited, t.total),
            ctx.ui(UiRole::Muted),
        )]
    };
    let text = |t: String, role: UiRole| vec![Span::styled(t, ctx.ui(role))];
    let content = |t: String, style: render::Style| vec![Span::styled(t, ctx.theme.content(&style))];
    let strong = render::Style::role(render::Role::Heading).bold();
    let rows = app
        .toc_rows()
        .iter()
        .map(|row| {
            let (lesson_index, here) = match *row {
                TocRow::Lesson(l) | TocRow::Chapter { lesson: l, .. } => (l, false),
                TocRow::Slide { lesson, slide } => (lesson, lesson == app.lesson() && slide == app.slide()),
            };
            let lesson = &app.course().lessons[lesson_index];
            let span = |from: SlideIndex, n: usize| {
                Millis((from.0..from.0 + n).map(|i| lesson.narration_of(SlideIndex(i)).0).sum())
            };
            let marker = text(if here { "▶".into() } else { " ".into() }, UiRole::PaneTitleAccent);
            match *row {
                TocRow::Lesson(_) => vec![
                    marker,
                    content(lesson.id.clone(), strong),
                    content(lesson.title.clone(), strong),
                    text(lesson.slide_count().to_string(), UiRole::Muted),
                    seen(lesson_index, SlideIndex(0), lesson.slide_count()),
                    text(time(span(SlideIndex(0), lesson.slide_count())), UiRole::Muted),
                ],
                TocRow::Chapter { chapter, .. } => {
                    let ch = &lesson.chapters[chapter];
                    let id = ch.number.clone().unwrap_or_else(|| ch.slug.clone());
                    vec![
                        marker,
                        content(id, strong),
                        content(ch.title.clone(), strong),
                        text(ch.slides.len().to_string(), UiRole::Muted),
                        seen(lesson_index, lesson.first_slide_of(chapter), ch.slides.len()),
                        text(
                            time(span(lesson.first_slide_of(chapter), ch.slides.len())),
                            UiRole::Muted,
                        ),
                    ]
                }
                TocRow::Slide { slide, .. } => {
                    let s = lesson.slide(slide);
                    let t = app.tally(lesson_index, slide, 1);
                    let state = match (t.completed, t.visited) {
                        (1, _) => "✓",
                        (_, 1) => "·",
                        _ => "",
                    };
                    let star = if app.is_bookmarked(lesson_index, slide) {
                        "★ "
                    } else {
                        "  "
                    };
                    // Slides with exercises: `practice 1/2`, and ✓ once all of them passed.
                    let practice = app.practice_tally(lesson_index, slide).map(|(done, total)| {
                        let mark = if done == total { " ✓" } else { "" };
                        let word = crate::i18n::words::PRACTICE_TOC.get(app.lang());
                        Span::styled(format!("  [{word} {done}/{total}{mark}]"), ctx.ui(UiRole::Muted))
                    });
                    vec![
                        marker,
                        content(format!("  {}", lesson.id_of(slide)), render::Style::default()),
                        vec![
                            Span::styled(star, ctx.ui(UiRole::PaneTitleAccent)),
                            Span::styled(
                                s.map(|s| s.title.clone()).unwrap_or_default(),
                                ctx.theme.content(&render::Style::default()),
                            ),
                        ]
                        .into_iter()
                        .chain(practice)
                        .collect(),
                        Vec::new(),
                        text(state.into(), UiRole::Muted),
                        text(time(lesson.narration_of(slide)), UiRole::Muted),
                    ]
                }
            }
        })
        .collect();
    let title = pane::Title {
        name: words::PANE_TOC.get(app.lang()),
        subject: Some(app.current_lesson().id.clone()),
        count: Some(app.current_lesson().slide_count().to_string()),
    };
    table(frame, area, &title, (COLUMNS, app.lang()), rows, selected, ctx)
}

pub fn results(frame: &mut Frame<'_>, area: Rect, app: &App, selected: usize, ctx: &Ctx<'_>) -> Drawn {
    // In a course of several lessons WHERE names the lesson first (`week03 구간 12`).
    let several = app.course().lessons.len() > 1;
    let query = app.search().map(|s| s.query.clone()).unwrap_or_default();
    let needle = query.to_lowercase();
    let rows: Vec<_> = app
        .hits()
        .iter()
        .map(|hit| {
            let lesson = &app.course().lessons[hit.lesson];
            let place = match hit.place {
                Place::Slide => words::ON_SLIDE.get(app.lang()).to_string(),
                Place::Narration(n) => format!("{} {n}", words::SEGMENT.get(app.lang())),
                Place::Component { .. } => words::IN_DIAGRAM.get(app.lang()).to_string(),
            };
            let place = if several {
                format!("{} {place}", crate::text::clean_line(&lesson.id))
            } else {
                place
            };
            let line = vec![render::Span::new(hit.line.clone(), render::Style::default())];
            let (text, _) = convert::line_with_matches(&line, ctx.theme, &needle);
            vec![
                vec![Span::styled(lesson.id_of(hit.slide), ctx.ui(UiRole::HeaderValue))],
                vec![Span::styled(place, ctx.ui(UiRole::Muted))],
                text.spans,
            ]
        })
        .collect();
    let where_width = rows
        .iter()
        .map(|r| r[1].iter().map(|s| display_width(&s.content)).sum::<usize>())
        .max()
        .unwrap_or(0)
        .clamp(9, 30);
    let columns = [
        col(words::COL_ID, Some(7), false),
        col(words::COL_WHERE, Some(where_width), false),
        col(words::COL_TEXT, None, false),
    ];
    let pending = app.lessons_pending();
    let reading = |p: crate::i18n::Phrase| p.get(app.lang()).replace("{n}", &pending.to_string());
    let count = if pending > 0 {
        format!("{} · {}", rows.len(), reading(words::SEARCH_READING))
    } else {
        rows.len().to_string()
    };
    let title = pane::Title {
        name: words::PANE_FILTER.get(app.lang()),
        subject: Some(format!("/{query}")),
        count: Some(count),
    };
    if rows.is_empty() {
        let message = if query.is_empty() {
            words::FILTER_EMPTY.get(app.lang()).to_string()
        } else if pending > 0 {
            reading(words::SEARCH_NO_MATCH_YET)
        } else {
            words::NO_MATCH.get(app.lang()).to_string()
        };
        let lines = [convert::plain(pad_to(&message, 1), ctx.ui(UiRole::Muted))];
        return pane::text(frame, area, &title, &lines, 0, ctx);
    }
    table(frame, area, &title, (&columns, app.lang()), rows, selected, ctx)
}

pub fn bookmarks(frame: &mut Frame<'_>, area: Rect, app: &App, selected: usize, ctx: &Ctx<'_>) -> Drawn {
    const COLUMNS: &[Column] = &[
        col(words::COL_ID, Some(8), false),
        col(words::COL_TITLE, None, false),
        col(words::COL_NARRATION, Some(9), true),
    ];
    let lesson = app.current_lesson();
    let rows: Vec<_> = app
        .bookmarks()
        .into_iter()
        .map(|i| {
            vec![
                vec![Span::styled(lesson.id_of(i), ctx.ui(UiRole::HeaderValue))],
                vec![Span::styled(
                    lesson.slide(i).map(|s| s.title.clone()).unwrap_or_default(),
                    ctx.theme.content(&render::Style::default()),
                )],
                vec![Span::styled(time(lesson.narration_of(i)), ctx.ui(UiRole::Muted))],
            ]
        })
        .collect();
    let title = pane::Title {
        name: words::PANE_BOOKMARKS.get(app.lang()),
        subject: Some(app.learner().to_string()),
        count: Some(rows.len().to_string()),
    };
    if rows.is_empty() {
        let lines = [convert::plain(
            words::NO_BOOKMARKS.get(app.lang()),
            ctx.ui(UiRole::Muted),
        )];
        return pane::text(frame, area, &title, &lines, 0, ctx);
    }
    table(frame, area, &title, (COLUMNS, app.lang()), rows, selected, ctx)
}

/// `:lessons`: every lesson of the course, with the learner's progress in each.
pub fn lessons(frame: &mut Frame<'_>, area: Rect, app: &App, selected: usize, ctx: &Ctx<'_>) -> Drawn {
    const COLUMNS: &[Column] = &[
        col(words::COL_BLANK, Some(1), false),
        col(words::COL_NUMBER, Some(3), true),
        col(words::COL_LESSON, Some(14), false),
        col(words::COL_TITLE, None, false),
        col(words::COL_DATE, Some(10), false),
        col(words::COL_SLIDES, Some(6), true),
        col(words::COL_NARRATION, Some(9), true),
        col(words::COL_DONE, Some(4), true),
        col(words::COL_OPENED, Some(14), true),
    ];
    let now = app.wall_now();
    let text = |t: String, role: UiRole| vec![Span::styled(t, ctx.ui(role))];
    let rows = (app.course().lessons.iter().enumerate())
        .map(|(l, lesson)| {
            let marker = if l == app.lesson() { "▶" } else { " " };
            let date = lesson.front.date.map_or_else(
                || "-".to_string(),
                |d| format!("{:04}-{:02}-{:02}", d.year, d.month, d.day),
            );
            let narration = lesson.script.as_ref().map_or(Millis(0), |s| s.total());
            let opened = app
                .record_of(l)
                .and_then(|r| r.last_opened.max(r.last_seen))
                .map_or_else(|| "-".to_string(), |t| crate::progress::time::ago(t, now, app.lang()));
            vec![
                text(marker.into(), UiRole::PaneTitleAccent),
                text((l + 1).to_string(), UiRole::Muted),
                text(crate::text::clean_line(&lesson.id), UiRole::HeaderValue),
                vec![Span::styled(
                    crate::text::clean_line(&lesson.title),
                    ctx.theme.content(&render::Style::default()),
                )],
                text(date, UiRole::Muted),
                // A lesson still being read in the background has no counts yet.
                text(
                    if app.is_pending(l) {
                        "…".to_string()
                    } else {
                        lesson.slide_count().to_string()
                    },
                    UiRole::Muted,
                ),
                text(
                    if app.is_pending(l) {
                        "…".to_string()
                    } else {
                        time(narration)
                    },
                    UiRole::Muted,
                ),
                text(format!("{}%", app.percent_of(l)), UiRole::Muted),
                text(opened, UiRole::Muted),
            ]
        })
        .collect();
    let title = pane::Title {
        name: words::PANE_LESSONS.get(app.lang()),
        subject: Some(crate::text::clean_line(&app.course().title)),
        count: Some(app.course().lessons.len().to_string()),
    };
    table(frame, area, &title, (COLUMNS, app.lang()), rows, selected, ctx)
}
