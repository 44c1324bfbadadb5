//! The panel under a diagram while a component is selected: what it is, what it does, and where
//! the lecturer talks about it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{Ctx, convert, pane};
use crate::app::App;
use crate::content::diagram::Diagram;
use crate::content::script::clock;
use crate::render::wrap::wrap_spans;
use crate::render::{self, Role};
use crate::theme::UiRole;

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, diagram: &Diagram, component: usize, ctx: &Ctx<'_>) {
    let c = &diagram.components[component];
    let width = pane::inner(area).width.max(1) as usize;
    let mut lines: Vec<Line<'static>> = Vec::new();
    let description = [render::Span::new(c.description.clone(), render::Style::default())];
    lines.extend(
        wrap_spans(&description, width)
            .iter()
            .map(|l| convert::line(l, ctx.theme)),
    );
    if let Some(script) = &app.current_lesson().script {
        let mentions = diagram.mentions(component, script);
        if !mentions.is_empty() {
            lines.push(Line::default());
        }
        let spoken = app
            .playback()
            .filter(|_| crate::ui::lecture::shows_timeline(app))
            .and_then(|p| p.segment_at(app.now()));
        for &i in &mentions {
            let seg = &script.segments[i];
            let mark = if spoken == Some(i) { "▶ " } else { "" };
            let head = format!(
                "{mark}[{} {}] {} ",
                crate::i18n::words::SEGMENT.get(app.lang()),
                seg.number,
                clock(seg.start)
            );
            let room = width.saturating_sub(crate::text::display_width(&head));
            let text = crate::content::inline_text(&seg.inlines);
            lines.push(Line::from(vec![
                Span::styled(head, ctx.ui(UiRole::PaneTitleAccent)),
                Span::styled(
                    crate::text::truncate_to(&text, room),
                    ctx.theme.content(&render::Style::role(Role::Quote)),
                ),
            ]));
        }
        if !mentions.is_empty() {
            lines.push(convert::plain(
                crate::i18n::words::ENTER_PLAYS_MENTION.get(app.lang()).to_string(),
                ctx.ui(UiRole::Muted),
            ));
        }
    }
    let title = pane::Title {
        name: &c.label,
        subject: Some(c.kind.clone()),
        count: None,
    };
    pane::text(frame, area, &title, &lines, 0, ctx);
}
