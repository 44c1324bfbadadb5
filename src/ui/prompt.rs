//! The `:` / `/` prompt: a framed line above the pane, K9s-style, with the completion as ghost text
//! and the terminal cursor where the next character goes.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders};

use super::Ctx;
use crate::app::{Prompt, PromptKind};
use crate::text::{clean_line, display_width};
use crate::theme::UiRole;

/// Draws the prompt; returns where the cursor goes (after the typed text), for whoever shows
/// the frame to place it.
pub fn draw(
    frame: &mut Frame<'_>,
    area: Rect,
    prompt: &Prompt,
    suggestion: Option<&str>,
    lang: crate::i18n::Lang,
    ctx: &Ctx<'_>,
) -> Option<Position> {
    use crate::i18n::words;
    let title = match prompt.kind {
        PromptKind::Command => words::PROMPT_COMMAND,
        PromptKind::Filter => words::PROMPT_FILTER,
    }
    .get(lang);
    let block = Block::new()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(ctx.ui(UiRole::PromptPrefix))
        .title_top(Span::styled(title, ctx.ui(UiRole::PromptPrefix)));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.width < 3 || inner.height == 0 {
        return None;
    }
    // Typed text can hold pasted controls or bidi marks: show it cleaned.
    let text = clean_line(&prompt.text);
    let before = clean_line(&prompt.text.chars().take(prompt.cursor).collect::<String>());
    let sigil = format!("{}", prompt.kind.sigil());
    // Keep the cursor in view: drop characters from the left while the text before it is too wide.
    let room = inner.width as usize - 2;
    let mut skip = 0;
    while display_width(&before.chars().skip(skip).collect::<String>()) > room {
        skip += 1;
    }
    let shown: String = text.chars().skip(skip).collect();
    let mut spans = vec![
        Span::styled(sigil, ctx.ui(UiRole::PromptPrefix)),
        Span::styled(shown, ctx.ui(UiRole::Prompt)),
    ];
    if let Some(ghost) = suggestion {
        spans.push(Span::styled(clean_line(ghost), ctx.ui(UiRole::Suggestion)));
    }
    frame
        .buffer_mut()
        .set_line(inner.x, inner.y, &Line::from(spans), inner.width);
    let cursor_x = inner.x as usize + 1 + display_width(&before.chars().skip(skip).collect::<String>());
    Some(Position::new(cursor_x.min(inner.right() as usize - 1) as u16, inner.y))
}
