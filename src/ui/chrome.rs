//! Everything around the pane: the K9s-style header (info and key hints), the crumbs bar, the flash
//! line, and the notice shown when the terminal is too small.

use std::borrow::Cow;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::untouched::Untouched;
use super::{Ctx, MIN_HEIGHT, MIN_WIDTH, convert::plain};
use crate::app::App;
use crate::app::registry;
use crate::i18n::{Lang, words};
use crate::text::{clean_line, display_width, pad_to, truncate_to};
use crate::theme::UiRole;

/// Rows of the full header (K9s has six too): the info block, and key hints in columns this tall.
pub const HEADER_ROWS: usize = 6;

/// A key as a hint shows it: arrows as arrows.
pub fn key_label(key: &str) -> String {
    match key {
        "right" => "→".into(),
        "left" => "←".into(),
        "up" => "↑".into(),
        "down" => "↓".into(),
        k if k.starts_with("<c-") => format!("ctrl-{}", k.trim_start_matches("<c-").trim_end_matches('>')),
        k => k.into(),
    }
}

/// Draws the header; says what it left untouched (right of its key hints, or of its one line).
pub fn header(frame: &mut Frame<'_>, area: Rect, app: &App, ctx: &Ctx<'_>) -> Untouched {
    let lesson = app.current_lesson();
    let (chapter_index, chapter) = lesson
        .slides()
        .nth(app.slide().0)
        .map(|(c, _)| (c, &lesson.chapters[c]))
        .unwrap_or((0, &lesson.chapters[0]));
    let slide_title = lesson.slide(app.slide()).map(|s| s.display_title()).unwrap_or_default();
    let chapters = format!("{}/{}", chapter_index + 1, lesson.chapters.len());
    let slides = format!("{}/{}", app.slide().0 + 1, lesson.slide_count());
    let learner = if app.learner().is_empty() {
        "-".to_string()
    } else {
        clean_line(app.learner())
    };
    let lang = app.lang();
    let clock = format!("{} {}", words::CLOCK.get(lang), ctx.clock);
    let buf = frame.buffer_mut();
    if (area.height as usize) < HEADER_ROWS {
        let text = format!(
            " {} │ {chapters} {} │ {slides} {slide_title} │ {learner} {clock}",
            lesson.title, chapter.title
        );
        let (end, _) = super::cells::set_line(
            buf,
            area.x,
            area.y,
            &plain(truncate_to(&text, area.width as usize), ctx.ui(UiRole::HeaderValue)),
            area.width,
        );
        return Untouched::right_of(area, end);
    }
    let info_width = (area.width as usize / 2).clamp(34, 64).min(area.width as usize);
    let label = ctx.ui(UiRole::HeaderLabel);
    let session = match app.timer() {
        Some(t) => format!("{} · {clock}", t.header(app.now(), lang)),
        None => clock,
    };
    let rows: [(&str, String, UiRole); HEADER_ROWS] = [
        (words::COURSE.get(lang), app.course().title.clone(), UiRole::HeaderTitle),
        (
            words::LESSON.get(lang),
            lesson_title(&app.course().title, &lesson.title),
            UiRole::HeaderTitle,
        ),
        (
            words::CHAPTER.get(lang),
            format!("{chapters} {}", chapter.display_title()),
            UiRole::HeaderValue,
        ),
        (
            words::SLIDE_LABEL.get(lang),
            format!("{slides} {slide_title}"),
            UiRole::HeaderValue,
        ),
        (
            words::LEARNER.get(lang),
            format!(
                "{learner} · {}{}",
                app.percent_complete(),
                words::PERCENT_DONE.get(lang)
            ),
            UiRole::HeaderValue,
        ),
        (words::SESSION.get(lang), session, UiRole::HeaderValue),
    ];
    for (i, (name, value, role)) in rows.iter().enumerate() {
        let value_width = info_width.saturating_sub(11);
        let line = Line::from(vec![
            Span::styled(pad_to(&format!(" {name}"), 11), label),
            Span::styled(truncate_to(value, value_width), ctx.ui(*role)),
        ]);
        super::cells::set_line(buf, area.x, area.y + i as u16, &line, info_width as u16);
    }
    // Key hints in columns of five, as many columns as fit.
    // `practice (N)` only on a slide with exercises, N of them.
    let exercises = app.exercises_on(app.lesson(), app.slide());
    let hints: Vec<(String, Cow<'static, str>)> = registry::hints()
        .iter()
        .filter(|(e, _)| e.name != "practice" || exercises > 0)
        .filter_map(|(e, h)| {
            let text = if e.name == "practice" {
                Cow::Owned(format!("{} ({exercises})", h.text.get(lang)))
            } else {
                Cow::Borrowed(h.text.get(lang))
            };
            (app.keymap().entry_hint(e)).map(|k| (format!("<{}>", key_label(&k)), text))
        })
        .collect();
    let mut x = area.x as usize + info_width + 1;
    let right = area.x as usize + area.width as usize;
    for column in hints.chunks(HEADER_ROWS) {
        let key_w = column.iter().map(|(k, _)| display_width(k)).max().unwrap_or(0);
        let col_w = column.iter().map(|(_, t)| display_width(t)).max().unwrap_or(0) + key_w + 3;
        if x + col_w > right {
            break;
        }
        for (row, (key, text)) in column.iter().enumerate() {
            let line = Line::from(vec![
                Span::styled(pad_to(key, key_w + 1), ctx.ui(UiRole::KeyHint)),
                Span::styled(text.as_ref(), ctx.ui(UiRole::KeyHintText)),
            ]);
            super::cells::set_line(buf, x as u16, area.y + row as u16, &line, col_w as u16);
        }
        x += col_w;
    }
    Untouched::right_of(area, u16::try_from(x).unwrap_or(u16::MAX))
}

/// The lesson's title without the course title it often repeats (`과정 7기 - 7주차: ...` under
/// `과정 7기` reads as `7주차: ...`).
fn lesson_title(course: &str, lesson: &str) -> String {
    let rest = lesson.strip_prefix(course).unwrap_or(lesson);
    let rest = rest.trim_start_matches([' ', '-', ':', '·', '|', '–', '—']);
    if rest.is_empty() {
        lesson.to_string()
    } else {
        rest.to_string()
    }
}

/// Draws the crumbs bar; says what it left untouched (the row after the crumbs).
pub fn crumbs(frame: &mut Frame<'_>, area: Rect, app: &App, ctx: &Ctx<'_>) -> Untouched {
    let lesson = app.current_lesson();
    let mut crumbs = vec![lesson.id.clone()];
    if let Some((c, slide)) = lesson.slides().nth(app.slide().0) {
        crumbs.push(lesson.chapters[c].display_title());
        crumbs.push(slide.display_title());
    }
    crumbs.extend(app.views().iter().map(|v| v.name(app.lang()).to_string()));
    // Each crumb takes its own width; when they don't all fit, the widest gives way first.
    let mut widths: Vec<usize> = crumbs.iter().map(|c| display_width(c)).collect();
    let room = (area.width as usize).saturating_sub(3 * crumbs.len());
    while widths.iter().sum::<usize>() > room {
        let Some(widest) = (0..widths.len()).max_by_key(|&i| widths[i]) else {
            break;
        };
        if widths[widest] <= 1 {
            break;
        }
        widths[widest] -= 1;
    }
    let last = crumbs.len() - 1;
    let mut spans = Vec::new();
    for (i, crumb) in crumbs.iter().enumerate() {
        let role = if i == last { UiRole::CrumbActive } else { UiRole::Crumb };
        spans.push(Span::styled(
            format!(" {} ", truncate_to(crumb, widths[i])),
            ctx.ui(role),
        ));
        spans.push(Span::raw(" "));
    }
    let (end, _) = frame
        .buffer_mut()
        .set_line(area.x, area.y, &Line::from(spans), area.width);
    Untouched::right_of(area, end)
}

/// Draws the flash line; says what it left untouched (the row after its message, or all of it).
pub fn flash(frame: &mut Frame<'_>, area: Rect, app: &App, ctx: &Ctx<'_>) -> Untouched {
    let (text, role) = match (app.flash(), app.search()) {
        (Some(f), _) => (f.text.clone(), if f.error { UiRole::FlashError } else { UiRole::Flash }),
        (None, Some(s)) if app.prompt().is_none() && !s.hits.is_empty() => (
            format!("/{}: {}{}", s.query, s.hits.len(), words::MATCHES.get(app.lang())),
            UiRole::Muted,
        ),
        _ => return Untouched::right_of(area, area.x),
    };
    let line = plain(truncate_to(&format!(" {text}"), area.width as usize), ctx.ui(role));
    let (end, _) = frame.buffer_mut().set_line(area.x, area.y, &line, area.width);
    Untouched::right_of(area, end)
}

/// The notice for a terminal below the minimum size, centred and cut to fit (even 1x1).
pub fn too_small(frame: &mut Frame<'_>, area: Rect, lang: Lang, ctx: &Ctx<'_>) {
    let size = format!("{}x{}", area.width, area.height);
    let needs = words::NEEDS.get(lang);
    let lines = if area.width >= 30 {
        vec![
            words::TOO_SMALL_LONG.get(lang).to_string(),
            format!("{size}, {needs} {MIN_WIDTH}x{MIN_HEIGHT}"),
            words::ENLARGE.get(lang).to_string(),
        ]
    } else {
        vec![
            words::TOO_SMALL_SHORT.get(lang).to_string(),
            size,
            format!("{} {MIN_WIDTH}x{MIN_HEIGHT}", words::NEED.get(lang)),
        ]
    };
    let style = ctx.ui(UiRole::TooSmall);
    let top = area.y + area.height.saturating_sub(lines.len() as u16) / 2;
    let buf = frame.buffer_mut();
    for (i, text) in lines.iter().enumerate() {
        let y = top + i as u16;
        if y >= area.bottom() {
            break;
        }
        let text = truncate_to(text, area.width as usize);
        let x = area.x + (area.width.saturating_sub(display_width(&text) as u16)) / 2;
        super::cells::set_line(buf, x, y, &plain(text, style), area.width);
    }
}
