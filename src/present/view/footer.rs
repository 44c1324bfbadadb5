//! The notes window below its pane: the next slide's title and first lines, and the bottom line
//! (the prompt being typed, a message, or the key hints made from the live key table).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Span;

use super::{fit, row};
use crate::app::Action;
use crate::i18n::{Phrase, words};
use crate::present::notes::Notes;
use crate::render;
use crate::text::{clean_line, display_width};
use crate::theme::{Theme, UiRole};

/// The actions the bottom line hints at, in order, with their words.
const HINTED: &[(Action, Phrase)] = &[
    (Action::NextSlide, words::NOTES_HINT_NEXT),
    (Action::PrevSlide, words::NOTES_HINT_PREV),
    (Action::Down, words::NOTES_SCROLL_SLIDE),
    (Action::PlayPause, words::NOTES_HINT_PLAY),
    (Action::CommandMode, words::NOTES_HINT_COMMAND),
    (Action::Toc, words::NOTES_HINT_TOC),
];

/// Rows of the next slide shown under its title, by window height: none below 16 rows.
pub(super) fn preview_rows(height: u16) -> u16 {
    match height {
        0..16 => 0,
        16..24 => 2,
        _ => 4,
    }
}

/// The bottom line: the prompt being typed, else a message (this window's, then the
/// presenter's), else the key hints.
pub(super) fn bottom_row(frame: &mut Frame<'_>, area: Rect, notes: &Notes<'_>, theme: &Theme) {
    if let Some(p) = &notes.prompt {
        let text = clean_line(&p.text);
        let before: String = text.chars().take(p.cursor).collect();
        let sigil = format!(" {}", p.kind.sigil());
        let cursor = display_width(&sigil) + display_width(&before);
        row(
            frame,
            area,
            vec![
                Span::styled(sigil, theme.ui(UiRole::PromptPrefix)),
                Span::styled(text, theme.ui(UiRole::Prompt)),
            ],
        );
        if cursor < area.width as usize {
            frame.set_cursor_position((area.x + cursor as u16, area.y));
        }
        return;
    }
    let lang = notes.lang();
    let presenter = notes.state.as_ref().filter(|s| !s.flash.is_empty());
    let spans = match (&notes.flash, presenter) {
        (Some(message), _) => vec![Span::styled(format!(" {message}"), theme.ui(UiRole::FlashError))],
        (None, Some(state)) => vec![
            Span::styled(
                format!(" {} ", words::NOTES_PRESENTER_SAYS.get(lang)),
                theme.ui(UiRole::HeaderLabel),
            ),
            Span::styled(
                state.flash.clone(),
                theme.ui(if state.flash_error {
                    UiRole::FlashError
                } else {
                    UiRole::Flash
                }),
            ),
        ],
        (None, None) => hints(notes, theme),
    };
    row(frame, area, spans);
}

/// `<right> next  <left> previous  <j> scroll  …  <q> quit  <[ ]> notes`, from the
/// live key table: a rebound key shows as bound.
fn hints(notes: &Notes<'_>, theme: &Theme) -> Vec<Span<'static>> {
    let lang = notes.lang();
    let mut pairs: Vec<(String, String)> = HINTED
        .iter()
        .filter_map(|(action, words)| Some((notes.keymap().hint(action)?, words.get(lang).to_string())))
        .collect();
    // Quitting is named before the notes' own scrolling, which a narrow window may cut.
    pairs.push(("q".into(), words::NOTES_QUIT.get(lang).into()));
    pairs.push(("[ ]".into(), words::NOTES_SCROLL_NOTES.get(lang).into()));
    pairs
        .into_iter()
        .flat_map(|(key, what)| {
            [
                Span::styled(format!(" <{key}>"), theme.ui(UiRole::KeyHint)),
                Span::styled(format!(" {what} "), theme.ui(UiRole::KeyHintText)),
            ]
        })
        .collect()
}

/// `next  2.2.2 Deployment` and the next slide's first lines as the audience will see them (in
/// the theme's colours, code plain), or that this is the last slide.
pub(super) fn next_rows(frame: &mut Frame<'_>, area: Rect, notes: &Notes<'_>, theme: &Theme) {
    if notes.slide().is_none() {
        return;
    }
    let label = format!(" {}  ", words::NOTES_NEXT.get(notes.lang()));
    let indent = display_width(&label);
    let label = Span::styled(label, theme.ui(UiRole::HeaderLabel));
    let Some((lesson, slide)) = notes.next() else {
        let spans = vec![
            label,
            Span::styled(words::NOTES_END.get(notes.lang()), theme.ui(UiRole::Muted)),
        ];
        return row(frame, area, spans);
    };
    row(
        frame,
        area,
        vec![
            label,
            Span::styled(slide.display_title(), theme.ui(UiRole::HeaderValue)),
        ],
    );
    let rows = area.height.saturating_sub(1) as usize;
    let width = (area.width as usize).saturating_sub(indent + 1).max(1);
    // Only the first blocks are rendered: a preview never costs a whole long slide.
    let first = crate::content::Slide {
        number: None,
        slug: String::new(),
        title: String::new(),
        section: None,
        extra_ids: Vec::new(),
        blocks: slide.blocks.iter().take(rows).cloned().collect(),
        lines: 0..=0,
        source: String::new(),
    };
    let options = render::blocks::RenderOptions {
        width,
        highlighter: None,
        syntax_theme: "",
        diagrams: &lesson.diagrams,
        focus: None,
    };
    let lines = render::slide_lines(&first, &options);
    let buf = frame.buffer_mut();
    for (i, line) in lines.iter().filter(|l| !l.is_empty()).take(rows).enumerate() {
        let spans: Vec<Span<'static>> = line
            .iter()
            .map(|s| Span::styled(s.text.clone(), theme.content(&s.style)))
            .collect();
        let x = area.x + indent as u16;
        buf.set_line(x, area.y + 1 + i as u16, &fit(spans, width), width as u16);
    }
}
