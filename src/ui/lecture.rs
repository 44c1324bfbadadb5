//! The lecture's chrome: the narration timeline bar, the full-screen break card, and the status
//! line of the presenter's audience view.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{Ctx, convert::plain};
use crate::app::App;
use crate::text::{display_width, truncate_to};
use crate::theme::UiRole;

/// Whether the timeline bar is worth a line: the narration has been played this session.
pub fn shows_timeline(app: &App) -> bool {
    app.played() && app.playback().is_some()
}

/// `▶ 12/24 ━━━━━━────── 03:12 / 12:01.8 1.5x`: where the narration is, as a bar.
pub fn timeline(frame: &mut Frame<'_>, area: Rect, app: &App, ctx: &Ctx<'_>) {
    let Some(p) = app.playback() else { return };
    let bar = p.status(app.now());
    let mark = if bar.playing { "▶" } else { "⏸" };
    let left = format!(" {mark} {} ", bar.counter());
    let right = format!(" {} {}", bar.times(), bar.speed);
    let room = (area.width as usize).saturating_sub(display_width(&left) + display_width(&right));
    let filled = ((bar.fraction() * room as f64).round() as usize).min(room);
    let line = Line::from(vec![
        Span::styled(left, ctx.ui(UiRole::PaneTitle)),
        Span::styled("━".repeat(filled), ctx.ui(UiRole::PaneTitleAccent)),
        Span::styled("─".repeat(room - filled), ctx.ui(UiRole::Border)),
        Span::styled(right, ctx.ui(UiRole::HeaderValue)),
    ]);
    super::cells::set_line(frame.buffer_mut(), area.x, area.y, &line, area.width);
}

/// The break card over the whole screen: the countdown in block digits as large as the screen
/// allows (a shared screen shrunk by a video call still shows it), where the lecture resumes, and
/// that a key ends the break. Too small for block digits, the countdown is written plainly.
pub fn break_card(frame: &mut Frame<'_>, area: Rect, app: &App, countdown: &str, ctx: &Ctx<'_>) {
    use crate::i18n::words;
    let lang = app.lang();
    let lesson = app.current_lesson();
    let back = lesson.slide(app.slide()).map(|s| s.display_title()).unwrap_or_default();
    let head = [(words::BREAK_TITLE.get(lang).to_string(), UiRole::HeaderTitle)];
    let foot = [
        (
            format!("{} {back}", words::BREAK_RESUMES_AT.get(lang)),
            UiRole::HeaderValue,
        ),
        (words::BREAK_ANY_KEY.get(lang).to_string(), UiRole::Muted),
    ];
    // Title, a blank row, the clock, a blank row, the two lines under it.
    let room = (area.height as usize).saturating_sub(head.len() + foot.len() + 2);
    let clock = match super::digits::fit(countdown, (area.width as usize).saturating_sub(4), room) {
        Some((sx, sy)) => super::digits::render(countdown, sx, sy),
        None => vec![countdown.to_string()],
    };
    let blank = (String::new(), UiRole::Muted);
    let lines: Vec<(String, UiRole)> = (head.into_iter())
        .chain([blank.clone()])
        .chain(clock.into_iter().map(|l| (l, UiRole::PaneTitle)))
        .chain([blank])
        .chain(foot)
        .collect();
    let top = area.y + area.height.saturating_sub(lines.len() as u16) / 2;
    let buf = frame.buffer_mut();
    for (i, (text, role)) in lines.iter().enumerate() {
        let y = top + i as u16;
        if y >= area.bottom() {
            break;
        }
        let text = truncate_to(text, area.width as usize);
        let x = area.x + area.width.saturating_sub(display_width(&text) as u16) / 2;
        super::cells::set_line(buf, x, y, &plain(text, ctx.ui(*role)), area.width);
    }
}

/// The audience view's one line of chrome: where the lecture is, for the presenter's eyes too.
pub fn presenter_status(frame: &mut Frame<'_>, area: Rect, app: &App, ctx: &Ctx<'_>) {
    let lesson = app.current_lesson();
    let mut parts = vec![format!(
        "{} · {}/{}",
        lesson.id_of(app.slide()),
        app.slide().0 + 1,
        lesson.slide_count()
    )];
    if let Some(p) = app.playback() {
        let bar = p.status(app.now());
        parts.push(format!("{} {}", if bar.playing { "▶" } else { "⏸" }, bar.times()));
    }
    if let Some(t) = app.timer() {
        parts.push(t.header(app.now(), app.lang()));
    }
    // No flash here: the operator's messages (`playing 4/24 at 1x`) go to the notes window.
    let text = truncate_to(&format!(" {}", parts.join("   ")), area.width as usize);
    let line = plain(text, ctx.ui(UiRole::Muted));
    super::cells::set_line(frame.buffer_mut(), area.x, area.y, &line, area.width);
}
