//! Everything around the pane but the header ([`super::header`]): the crumbs bar, the flash line,
//! the notice shown when the terminal is too small, and a key as the hints name it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::untouched::Untouched;
use super::{Ctx, MIN_HEIGHT, MIN_WIDTH, convert::plain};
use crate::app::App;
use crate::i18n::{Lang, words};
use crate::text::{display_width, truncate_to};
use crate::theme::UiRole;

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
    let (end, _) = super::cells::set_line(frame.buffer_mut(), area.x, area.y, &Line::from(spans), area.width);
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
    let (end, _) = super::cells::set_line(frame.buffer_mut(), area.x, area.y, &line, area.width);
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
