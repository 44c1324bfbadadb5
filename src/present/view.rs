//! Draws the notes window, reading [`Notes`] only:
//!
//! ```text
//!  k8s-course notes   following the presenter
//!  ▶ segment 12/24  03:20 / 8:01.2  1.5x     lecture 12:34 / 20:00
//! ┌──────────────── notes(2.2.1)[6/14] ────────────────┐
//! │ 2.2.1 Pod                                          │
//! │                                                    │
//! │ ▶ [구간 12]  3:01.0 - 3:20.4                        │
//! │ 파드는 쿠버네티스에서 ...                               │
//! └────────────────────────────────────────── ▼ 1-9/14 ┘
//!  next  2.2.2 Deployment
//!        Deployment는 파드의 복제본 수를 …      (the next slide's first lines, room allowing)
//!  <right> next  <left> previous  <j> scroll  <p> play/pause  <:> command  <t> contents  <q> quit  <[ ]> notes
//! ```
//!
//! The bottom line gives way to the `:` or `/` prompt while one is typed, to a message of this
//! window (a command not sent), or to the presenter's last message (`playing 4/24 at 1x`), which
//! the audience never sees. The hints are made from the live key table.
//!
//! Text is wrapped in display cells by `render::wrap` and written with its width known, as the
//! player does, so Hangul never splits at the edge.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear};

use super::notes::{Link, Notes};
use crate::content::script::clock;
use crate::content::{Lesson, SlideIndex};
use crate::i18n::words;
use crate::render::blocks::inline_spans;
use crate::render::wrap::wrap_spans;
use crate::render::{self, Highlighter, Role};
use crate::text::{clean_line, display_width, truncate_to};
use crate::theme::{Theme, UiRole};
use crate::ui::{self, Ctx, MIN_HEIGHT, MIN_WIDTH};

mod footer;

/// Draws the whole window.
pub fn draw(frame: &mut Frame<'_>, notes: &Notes<'_>, theme: &Theme) {
    let area = frame.area();
    frame.render_widget(Clear, area);
    frame.render_widget(Block::new().style(theme.ui(UiRole::Background)), area);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let highlighter = Highlighter::new();
        let ctx = Ctx {
            theme,
            highlighter: &highlighter,
            clock: "",
        };
        ui::chrome::too_small(frame, area, notes.lang(), &ctx);
        return;
    }
    let preview = if notes.next_slide().is_some() {
        footer::preview_rows(area.height)
    } else {
        0
    };
    let [status, clock_row, pane, next, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1 + preview),
        Constraint::Length(1),
    ])
    .areas(area);
    let link_style = match notes.link {
        Link::Following => theme.ui(UiRole::Flash),
        Link::Waiting => theme.ui(UiRole::Muted),
        Link::Gone | Link::Refused(_) => theme.ui(UiRole::FlashError),
    };
    row(
        frame,
        status,
        vec![
            Span::styled(" k8s-course notes", theme.ui(UiRole::HeaderTitle)),
            Span::raw("   "),
            Span::styled(notes.status(), link_style),
        ],
    );
    row(frame, clock_row, clock_spans(notes, theme));
    body(frame, pane, notes, theme);
    footer::next_rows(frame, next, notes, theme);
    footer::bottom_row(frame, bottom, notes, theme);
}

/// `▶ segment 12/24  03:20 / 8:01.2  1.5x     lecture 12:34 / 20:00`.
fn clock_spans(notes: &Notes<'_>, theme: &Theme) -> Vec<Span<'static>> {
    let Some(state) = &notes.state else {
        return Vec::new();
    };
    let value = theme.ui(UiRole::HeaderValue);
    let mut spans = match notes.bar() {
        Some(bar) => vec![
            Span::styled(
                if bar.playing { " ▶ " } else { " ‖ " },
                theme.ui(UiRole::PaneTitleAccent),
            ),
            Span::styled(bar.label(notes.lang()), value),
        ],
        None => vec![Span::styled(
            format!(" {}", words::NOTES_NO_NARRATION.get(notes.lang())),
            theme.ui(UiRole::Muted),
        )],
    };
    let session = clean_line(&state.session);
    if !session.is_empty() {
        spans.push(Span::raw("     "));
        spans.push(Span::styled(session, value));
    }
    spans
}

/// The framed pane: the slide's title and its narration, or why there is none to show.
fn body(frame: &mut Frame<'_>, area: Rect, notes: &Notes<'_>, theme: &Theme) {
    let inner = inside(area);
    let width = inner.width.max(1) as usize;
    let muted = theme.ui(UiRole::Muted);
    let (title, lines, focus) = match (notes.lesson(), notes.slide(), &notes.state) {
        (Some(lesson), Some(slide), Some(state)) => {
            let index = SlideIndex(state.slide);
            let subject = format!("({})", lesson.id_of(index));
            let count = format!("[{}/{}]", state.slide + 1, lesson.slide_count());
            let mut lines = wrapped(
                &[render::Span::new(
                    slide.display_title(),
                    render::Style::role(Role::Title).bold(),
                )],
                width,
                theme,
                Style::default(),
            );
            lines.push(Line::default());
            let (narration, focus) = narration(lesson, index, notes, width, theme);
            let focus = focus.map(|f| f + lines.len());
            lines.extend(narration);
            (vec![subject, count], lines, focus)
        }
        (_, _, Some(state)) => {
            let text = words::NOTES_NOT_IN_COURSE
                .get(notes.lang())
                .replace("{slide}", &(state.slide + 1).to_string())
                .replace("{lesson}", &(state.lesson + 1).to_string());
            (Vec::new(), plain(&text, width, muted), None)
        }
        _ => {
            let text = words::NOTES_START
                .get(notes.lang())
                .replace("{socket}", &notes.socket.display().to_string());
            (Vec::new(), plain(&text, width, muted), None)
        }
    };
    let page = inner.height as usize;
    let max = lines.len().saturating_sub(page);
    // Playing, the segment being spoken is kept in view; paused, the speaker scrolls.
    let first = match focus {
        Some(line) if notes.state.as_ref().is_some_and(|s| s.playing) => line.saturating_sub(1),
        _ => notes.scroll,
    }
    .min(max);
    pane_frame(frame, area, &title, (first, page, lines.len()), notes.lang(), theme);
    let buf = frame.buffer_mut();
    for (i, line) in lines.iter().skip(first).take(page).enumerate() {
        buf.set_line(inner.x, inner.y + i as u16, line, inner.width);
    }
}

/// The narration of slide `index`, one block per segment, and the row where the segment being
/// spoken begins (highlighted while playing).
fn narration(
    lesson: &Lesson,
    index: SlideIndex,
    notes: &Notes<'_>,
    width: usize,
    theme: &Theme,
) -> (Vec<Line<'static>>, Option<usize>) {
    let muted = theme.ui(UiRole::Muted);
    let Some(script) = &lesson.script else {
        return (
            plain(words::NOTES_LESSON_NO_NARRATION.get(notes.lang()), width, muted),
            None,
        );
    };
    let segments = lesson.segments_of(index);
    if segments.is_empty() {
        return (
            plain(words::NOTES_SLIDE_NO_NARRATION.get(notes.lang()), width, muted),
            None,
        );
    }
    let current = notes.segment();
    let playing = notes.state.as_ref().is_some_and(|s| s.playing);
    let mut lines = Vec::new();
    let mut focus = None;
    for (n, &i) in segments.iter().enumerate() {
        let seg = &script.segments[i];
        if n > 0 {
            lines.push(Line::default());
        }
        let here = current == Some(i);
        if here {
            focus = Some(lines.len());
        }
        let mark = if here && playing {
            theme.ui(UiRole::Selection)
        } else {
            Style::default()
        };
        let times = format!("  {} - {}", clock(seg.start), clock(seg.end()));
        lines.push(fit(
            vec![
                Span::styled(
                    if here { "▶ " } else { "  " },
                    theme.ui(UiRole::PaneTitleAccent).patch(mark),
                ),
                Span::styled(
                    format!("[{} {}]", words::SEGMENT.get(notes.lang()), seg.number),
                    theme.ui(UiRole::PaneTitleAccent).patch(mark),
                ),
                Span::styled(times, muted.patch(mark)),
            ],
            width,
        ));
        match crate::ui::text_views::non_speech(seg, width, muted, notes.lang()) {
            Some(shown) => lines.extend(shown),
            None => lines.extend(wrapped(
                &inline_spans(&seg.inlines, render::Style::default()),
                width,
                theme,
                mark,
            )),
        }
    }
    (lines, focus)
}

/// Styled text wrapped to `width` cells, in the theme's colours with `mark` patched over.
fn wrapped(spans: &[render::Span], width: usize, theme: &Theme, mark: Style) -> Vec<Line<'static>> {
    wrap_spans(spans, width)
        .iter()
        .map(|l| {
            Line::from(
                l.iter()
                    .map(|s| Span::styled(s.text.clone(), theme.content(&s.style).patch(mark)))
                    .collect::<Vec<_>>(),
            )
        })
        .collect()
}

/// Plain text wrapped to `width` cells in one style.
fn plain(text: &str, width: usize, style: Style) -> Vec<Line<'static>> {
    wrap_spans(&[render::Span::new(text, render::Style::default())], width)
        .iter()
        .map(|l| Line::from(Span::styled(render::line_text(l), style)))
        .collect()
}

/// One line of spans cut to `width` cells, the last piece ending in `…` when cut.
pub(super) fn fit(spans: Vec<Span<'static>>, width: usize) -> Line<'static> {
    let mut used = 0;
    let mut out = Vec::new();
    for span in spans {
        let w = display_width(&span.content);
        if used + w <= width {
            used += w;
            out.push(span);
            continue;
        }
        out.push(Span::styled(truncate_to(&span.content, width - used), span.style));
        break;
    }
    Line::from(out)
}

/// Writes one row of spans, cut to the area's width.
pub(super) fn row(frame: &mut Frame<'_>, area: Rect, spans: Vec<Span<'static>>) {
    let line = fit(spans, area.width as usize);
    frame.buffer_mut().set_line(area.x, area.y, &line, area.width);
}

/// The area inside the pane's frame, with a cell of padding left and right (as the player's pane).
fn inside(area: Rect) -> Rect {
    let inner = Block::new().borders(Borders::ALL).inner(area);
    Rect {
        x: inner.x.saturating_add(1),
        width: inner.width.saturating_sub(2),
        ..inner
    }
}

/// The frame, titled ` notes(2.2.1)[6/14] ` K9s-style, with the scroll position on the bottom
/// border when the narration doesn't fit: (first row shown, rows shown, rows in all).
fn pane_frame(
    frame: &mut Frame<'_>,
    area: Rect,
    accents: &[String],
    position: (usize, usize, usize),
    lang: crate::i18n::Lang,
    theme: &Theme,
) {
    let title = theme.ui(UiRole::PaneTitle);
    let mut spans = vec![Span::styled(words::N_TITLE.get(lang), title)];
    spans.extend(
        accents
            .iter()
            .map(|a| Span::styled(a.clone(), theme.ui(UiRole::PaneTitleAccent))),
    );
    spans.push(Span::styled(" ", title));
    let mut block = Block::new()
        .borders(Borders::ALL)
        .border_style(theme.ui(UiRole::Border))
        .title_top(fit(spans, (area.width as usize).saturating_sub(4)).alignment(Alignment::Center));
    let (first, page, total) = position;
    if total > page {
        let last = (first + page).min(total);
        let arrow = match (first > 0, last < total) {
            (true, true) => "▲▼",
            (false, true) => "▼",
            _ => "▲",
        };
        let label = format!(" {arrow} {}-{last}/{total} ", first + 1);
        block = block.title_bottom(
            Line::from(Span::styled(label, theme.ui(UiRole::ScrollIndicator))).alignment(Alignment::Right),
        );
    }
    frame.render_widget(block, area);
}
