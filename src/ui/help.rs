//! `?` help, generated from the live key table, the `:` command table and the prompt keys, so it
//! always says what the keys really do (rebound keys included).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::chrome::key_label;
use super::{Ctx, pane};
use crate::app::registry::{self, Arg, Group};
use crate::app::{App, Drawn};
use crate::i18n::{Phrase, words};
use crate::text::{display_width, pad_to, truncate_to};
use crate::theme::UiRole;

/// Keys of the `:` and `/` prompts: a text field's keys, not rebindable.
const PROMPT_KEYS: &[(&str, Phrase)] = &[
    ("enter", words::H_PROMPT_ENTER),
    ("esc", words::H_PROMPT_ESC),
    ("tab", words::H_PROMPT_TAB),
    ("↑ ↓", words::H_PROMPT_HISTORY),
    ("ctrl-w", words::H_PROMPT_WORD),
];

type Section = (String, Vec<(String, String)>);

fn sections(app: &App) -> Vec<Section> {
    let lang = app.lang();
    let mut out: Vec<Section> = Group::ALL
        .iter()
        .map(|group| {
            let rows = registry::bindable()
                .filter(|(_, k)| k.group == *group)
                .map(|(b, k)| {
                    let keys: Vec<String> = app
                        .keymap
                        .keys_for(&b.act())
                        .iter()
                        .map(|k| key_label(&k.to_string()))
                        .collect();
                    let keys = if keys.is_empty() {
                        words::H_UNBOUND.get(lang).to_string()
                    } else {
                        keys.join(" ")
                    };
                    (keys, k.help.get(lang).to_string())
                })
                .collect();
            (group.title().get(lang).to_string(), rows)
        })
        .collect();
    let mut commands: Vec<(String, String)> = registry::commands()
        .into_iter()
        .map(|(e, c)| {
            let arg = match c.arg {
                Arg::None => "",
                Arg::SlideId => " ID",
                Arg::ThemeName | Arg::LearnerName | Arg::LessonName => " NAME",
                Arg::Value => " N",
            };
            let aliases = if c.aliases.is_empty() {
                String::new()
            } else {
                format!(" (:{})", c.aliases.join(" :"))
            };
            (format!(":{}{arg}{aliases}", e.name), c.help.get(lang).to_string())
        })
        .collect();
    let aliases: Vec<String> = app
        .current_lesson()
        .aliases
        .iter()
        .map(|(a, _)| format!(":{a}"))
        .collect();
    if !aliases.is_empty() {
        commands.push((
            ":ID".into(),
            format!("{} {}", words::H_GO_TO_ALIAS.get(lang), aliases.join(" ")),
        ));
    }
    out.push((words::H_COMMANDS.get(lang).into(), commands));
    out.push((
        words::H_PROMPT.get(lang).into(),
        PROMPT_KEYS
            .iter()
            .map(|(k, h)| (k.to_string(), h.get(lang).to_string()))
            .collect(),
    ));
    out
}

/// One section as lines `width` wide: a title, then `keys  help` rows with the keys in a column
/// `key_width` wide.
fn section_lines(section: &Section, width: usize, key_width: usize, ctx: &Ctx<'_>) -> Vec<Line<'static>> {
    let own = section.1.iter().map(|(k, _)| display_width(k)).max().unwrap_or(0);
    let key_width = own.max(key_width).min(width / 2) + 2;
    let mut lines = vec![Line::from(Span::styled(section.0.clone(), ctx.ui(UiRole::TableHeader)))];
    for (keys, help) in &section.1 {
        let keys = truncate_to(keys, key_width.saturating_sub(2));
        let help = truncate_to(help, width.saturating_sub(key_width));
        lines.push(Line::from(vec![
            Span::styled(pad_to(&keys, key_width), ctx.ui(UiRole::KeyHint)),
            Span::styled(help, ctx.ui(UiRole::KeyHintText)),
        ]));
    }
    lines.push(Line::default());
    lines
}

pub fn draw(frame: &mut Frame<'_>, area: Rect, app: &App, scroll: usize, ctx: &Ctx<'_>) -> Drawn {
    let width = pane::inner(area).width as usize;
    let all = sections(app);
    // The keys of the first sections set the column; a long command line may run over it.
    let key_width = all[..all.len() - 2]
        .iter()
        .flat_map(|s| s.1.iter().map(|(k, _)| display_width(k)))
        .max()
        .unwrap_or(0);
    let title = pane::Title {
        name: words::PANE_HELP.get(app.lang()),
        subject: None,
        count: None,
    };
    // Two columns when there is room: navigation and views on the left, the rest on the right.
    let lines: Vec<Line<'static>> = if width >= 100 {
        let col = (width - 2) / 2;
        let left: Vec<Line> = all[..2]
            .iter()
            .flat_map(|s| section_lines(s, col, key_width, ctx))
            .collect();
        let right: Vec<Line> = all[2..]
            .iter()
            .flat_map(|s| section_lines(s, col, key_width, ctx))
            .collect();
        (0..left.len().max(right.len()))
            .map(|i| {
                let mut line = left.get(i).cloned().unwrap_or_default();
                let used: usize = line.spans.iter().map(|s| display_width(&s.content)).sum();
                line.spans.push(Span::raw(" ".repeat(col + 2 - used.min(col))));
                line.spans.extend(right.get(i).cloned().unwrap_or_default().spans);
                line
            })
            .collect()
    } else {
        all.iter()
            .flat_map(|s| section_lines(s, width, key_width, ctx))
            .collect()
    };
    pane::text(frame, area, &title, &lines, scroll, ctx)
}
