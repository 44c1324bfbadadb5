//! Styled lines from `render` -> ratatui lines in theme colours, with search matches marked.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::app::search::match_ranges;
use crate::render;
use crate::theme::{Theme, UiRole};

/// A rendered line in the theme's colours.
pub fn line(l: &[render::Span], theme: &Theme) -> Line<'static> {
    Line::from(
        l.iter()
            .map(|s| Span::styled(s.text.clone(), theme.content(&s.style)))
            .collect::<Vec<_>>(),
    )
}

/// A rendered line with every occurrence of `needle` (lower-case) patched with the match style.
/// Returns whether there was one.
pub fn line_with_matches(l: &[render::Span], theme: &Theme, needle: &str) -> (Line<'static>, bool) {
    let text = render::line_text(l);
    let ranges = if needle.is_empty() {
        Vec::new()
    } else {
        match_ranges(&text, needle)
    };
    if ranges.is_empty() {
        return (line(l, theme), false);
    }
    let mark = theme.ui(UiRole::Match);
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut offset = 0;
    for s in l {
        let base = theme.content(&s.style);
        let (start, end) = (offset, offset + s.text.len());
        offset = end;
        // Cut the span at match boundaries that fall inside it.
        let mut cuts = vec![start, end];
        for r in &ranges {
            cuts.extend([r.start, r.end].into_iter().filter(|&c| c > start && c < end));
        }
        cuts.sort_unstable();
        cuts.dedup();
        for w in cuts.windows(2) {
            let piece = &s.text[w[0] - start..w[1] - start];
            let inside = ranges.iter().any(|r| r.start <= w[0] && w[1] <= r.end);
            let style = if inside { base.patch(mark) } else { base };
            spans.push(Span::styled(piece.to_string(), style));
        }
    }
    (Line::from(spans), true)
}

/// Plain text in one UI style.
pub fn plain(text: impl Into<String>, style: Style) -> Line<'static> {
    Line::from(Span::styled(text.into(), style))
}
