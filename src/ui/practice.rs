//! The practice views: the K9s-style list of the lesson's exercises (exercise, kind, ✓/✗/·,
//! tries), and the open exercise: its task, the work file, the last check's findings with their
//! line and the field's description, the hints shown so far and the solution when earned.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::lists::{Column, col, table};
use super::{Ctx, convert, pane};
use crate::app::{App, Drawn};
use crate::i18n::{Phrase, words};
use crate::practice::Lang;
use crate::render;
use crate::render::wrap::wrap_spans;
use crate::text::{clean_code, clean_text};
use crate::theme::UiRole;

/// Plain text wrapped to `width` in one style.
fn wrapped(text: &str, width: usize, style: ratatui::style::Style) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for para in text.lines() {
        if para.trim().is_empty() {
            out.push(Line::default());
            continue;
        }
        for l in wrap_spans(&[render::Span::new(para, render::Style::default())], width) {
            let t: String = l.iter().map(|s| s.text.as_str()).collect();
            out.push(convert::plain(t, style));
        }
    }
    out
}

pub fn list(frame: &mut Frame<'_>, area: Rect, app: &App, selected: usize, ctx: &Ctx<'_>) -> Drawn {
    const COLUMNS: &[Column] = &[
        col(Phrase::new("ID", "ID"), Some(20), false),
        col(Phrase::new("종류", "KIND"), Some(7), false),
        col(Phrase::new("슬라이드", "SLIDE"), Some(6), false),
        col(Phrase::new(" ", " "), Some(1), false),
        col(Phrase::new("시도", "TRIES"), Some(5), true),
        col(Phrase::new("과제", "TASK"), None, false),
    ];
    let lesson = app.current_lesson();
    let rows = lesson
        .exercises
        .iter()
        .map(|ex| {
            let (state, tries) = app.exercise_state(app.lesson(), ex);
            let task = clean_text(ex.task.lines().next().unwrap_or(""));
            vec![
                vec![Span::styled(ex.id.clone(), ctx.ui(UiRole::HeaderValue))],
                vec![Span::styled(ex.kind.name(), ctx.ui(UiRole::Muted))],
                vec![Span::styled(lesson.id_of(ex.slide), ctx.ui(UiRole::Muted))],
                vec![Span::styled(state.mark(), ctx.ui(UiRole::PaneTitleAccent))],
                vec![Span::styled(tries.to_string(), ctx.ui(UiRole::Muted))],
                vec![Span::styled(task, ctx.theme.content(&render::Style::default()))],
            ]
        })
        .collect();
    let title = pane::Title {
        name: words::PANE_PRACTICE.get(app.lang()),
        subject: Some(lesson.id.clone()),
        count: Some(lesson.exercises.len().to_string()),
    };
    table(frame, area, &title, (COLUMNS, app.lang()), rows, selected, ctx)
}

pub fn exercise(frame: &mut Frame<'_>, area: Rect, app: &App, scroll: usize, ctx: &Ctx<'_>) -> Drawn {
    let width = pane::inner(area).width.max(1) as usize;
    let lang = app.lang();
    let notes_lang = match lang {
        crate::i18n::Lang::Ko => Lang::Ko,
        crate::i18n::Lang::En => Lang::En,
    };
    let Some((open, ex)) = app.open_exercise() else {
        let title = pane::Title {
            name: words::PANE_EXERCISE.get(app.lang()),
            subject: None,
            count: None,
        };
        return pane::text(frame, area, &title, &[], scroll, ctx);
    };
    let (state, tries) = app.exercise_state(open.lesson, ex);
    let heading = |t: &str| convert::plain(t.to_string(), ctx.ui(UiRole::TableHeader));
    let body = ctx.theme.content(&render::Style::default());
    let muted = ctx.ui(UiRole::Muted);
    let mut lines: Vec<Line<'static>> = Vec::new();
    lines.push(convert::plain(
        format!(
            "{} {}  {}  ({} {tries})",
            state.mark(),
            ex.id,
            ex.kind.name(),
            words::PRACTICE_TRIES.get(lang)
        ),
        ctx.ui(UiRole::PaneTitleAccent),
    ));
    lines.push(Line::default());
    lines.push(heading(words::PRACTICE_TASK.get(lang)));
    lines.extend(wrapped(&ex.task, width, body));
    if !ex.choices.is_empty() {
        for (i, c) in ex.choices.iter().enumerate() {
            lines.extend(wrapped(&format!("  {}) {}", i + 1, clean_text(c)), width, body));
        }
    }
    lines.push(Line::default());
    let file = open.path.as_ref().map(|p| p.display().to_string());
    if let Some(f) = &file {
        lines.push(heading(words::PRACTICE_FILE.get(lang)));
        lines.extend(wrapped(f, width, muted));
        lines.push(Line::default());
    }
    lines.push(heading(words::PRACTICE_FINDINGS.get(lang)));
    match &open.verdict {
        None => lines.extend(wrapped(words::PRACTICE_NOT_CHECKED.get(lang), width, muted)),
        Some(v) if v.passed() => lines.push(convert::plain(
            words::PRACTICE_ALL_GOOD.get(lang),
            ctx.ui(UiRole::PaneTitleAccent),
        )),
        Some(v) => {
            let name = file
                .as_deref()
                .and_then(|f| f.rsplit('/').next())
                .unwrap_or("answer")
                .to_string();
            for n in &v.notes {
                lines.extend(wrapped(&format!("✗ {}", n.render(&name, notes_lang)), width, body));
                if !n.field_doc.is_empty() {
                    lines.extend(wrapped(&format!("    {}", n.field_doc), width, muted));
                }
            }
        }
    }
    if open.hints_shown > 0 {
        lines.push(Line::default());
        lines.push(heading(words::PRACTICE_HINTS.get(lang)));
        for (i, h) in ex.hints.iter().take(open.hints_shown).enumerate() {
            lines.extend(wrapped(&format!("{}. {h}", i + 1), width, body));
        }
    }
    if open.solution_shown {
        lines.push(Line::default());
        lines.push(heading(words::PRACTICE_SOLUTION.get(lang)));
        for l in clean_code(&ex.solution).lines() {
            lines.push(convert::plain(crate::text::truncate_to(l, width), body));
        }
        if let Some(n) = ex.segment {
            lines.push(convert::plain(
                words::PRACTICE_SEGMENT.get(lang).replace("{n}", &n.to_string()),
                muted,
            ));
        }
    }
    if let Some(out) = &open.cluster {
        lines.push(Line::default());
        lines.push(heading(words::PRACTICE_CLUSTER.get(lang)));
        lines.extend(wrapped(out, width, body));
    }
    lines.push(Line::default());
    let keys = if ex.kind.is_manifest() {
        words::PRACTICE_KEYS_FILE
    } else {
        words::PRACTICE_KEYS_ANSWER
    };
    lines.push(convert::plain(keys.get(lang), ctx.ui(UiRole::KeyHint)));
    let title = pane::Title {
        name: words::PANE_EXERCISE.get(app.lang()),
        subject: Some(ex.id.clone()),
        count: None,
    };
    pane::text(frame, area, &title, &lines, scroll, ctx)
}
