//! The code picker: the slide's code blocks as a K9s table, for `c` (copy) or `w` (write) when
//! the slide has several.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;

use super::lists::{Column, col, table};
use super::{Ctx, pane};
use crate::app::{App, Drawn};
use crate::i18n::words;
use crate::theme::UiRole;

/// `c` on a slide with several code blocks: number, language, lines and the first line of each.
pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, selected: usize, ctx: &Ctx<'_>) -> Drawn {
    const COLUMNS: &[Column] = &[
        col(words::COL_NUMBER, Some(3), true),
        col(words::COL_CODE_LANG, Some(10), false),
        col(words::COL_LINES, Some(5), true),
        col(words::COL_FIRST_LINE, None, false),
    ];
    let blocks = app.code_blocks();
    let rows: Vec<_> = (blocks.iter().enumerate())
        .map(|(i, block)| {
            let first = block.text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
            vec![
                vec![Span::styled((i + 1).to_string(), ctx.ui(UiRole::HeaderValue))],
                vec![Span::styled(
                    crate::text::clean_line(block.lang.as_deref().unwrap_or("-")),
                    ctx.ui(UiRole::Muted),
                )],
                vec![Span::styled(
                    block.text.lines().count().to_string(),
                    ctx.ui(UiRole::Muted),
                )],
                vec![Span::styled(
                    crate::text::clean_line(first.trim()),
                    ctx.theme.content(&crate::render::Style::default()),
                )],
            ]
        })
        .collect();
    let title = pane::Title {
        name: words::PANE_CODE.get(app.lang()),
        subject: Some(app.current_lesson().id_of(app.slide())),
        count: Some(rows.len().to_string()),
    };
    table(frame, area, &title, (COLUMNS, app.lang()), rows, selected, ctx)
}
