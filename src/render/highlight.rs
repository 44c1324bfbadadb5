//! Syntax highlighting with syntect. Syntaxes and themes load once, on first use (never on the
//! first frame's path), and each code block is highlighted once per theme and cached.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use syntect::easy::HighlightLines;
use syntect::highlighting::{FontStyle, ThemeSet};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

use super::{Role, Span, Style};

/// The syntect theme used when none is named.
pub const DEFAULT_THEME: &str = "base16-ocean.dark";

/// Highlighted lines of one block.
pub type Highlighted = Arc<Vec<Vec<Span>>>;

/// A block is identified by (syntect theme, language, text): the same text under another theme is
/// another highlighting.
type CacheKey = (String, Option<String>, String);

/// Loads syntect lazily and remembers every block it highlighted.
#[derive(Default)]
pub struct Highlighter {
    syntaxes: OnceLock<SyntaxSet>,
    themes: OnceLock<ThemeSet>,
    cache: Mutex<HashMap<CacheKey, Highlighted>>,
}

impl Highlighter {
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether syntaxes and themes are loaded, so highlighting won't stall the caller. The player
    /// draws code plain until then and redraws when they are.
    pub fn is_ready(&self) -> bool {
        self.syntaxes.get().is_some() && self.themes.get().is_some()
    }

    /// Loads syntaxes and themes now (the player does this on a background thread).
    pub fn preload(&self) {
        self.syntaxes();
        self.themes();
    }

    fn syntaxes(&self) -> &SyntaxSet {
        self.syntaxes.get_or_init(SyntaxSet::load_defaults_newlines)
    }

    fn themes(&self) -> &ThemeSet {
        self.themes.get_or_init(ThemeSet::load_defaults)
    }

    /// `text` highlighted as `lang` with syntect theme `theme`; plain [`Role::Code`] spans when the
    /// language or theme is unknown.
    pub fn highlight(&self, lang: Option<&str>, text: &str, theme: &str) -> Highlighted {
        let key = (theme.to_string(), lang.map(str::to_string), text.to_string());
        if let Some(hit) = self.cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
            return hit;
        }
        let lines = Arc::new(self.compute(lang, text, theme));
        if let Ok(mut cache) = self.cache.lock() {
            cache.insert(key, lines.clone());
        }
        lines
    }

    fn compute(&self, lang: Option<&str>, text: &str, theme: &str) -> Vec<Vec<Span>> {
        let plain = || {
            text.split('\n')
                .map(|l| vec![Span::new(l, Style::role(Role::Code))])
                .collect()
        };
        let Some(lang) = lang else { return plain() };
        let ss = self.syntaxes();
        let Some(syntax) = ss.find_syntax_by_token(lang) else {
            return plain();
        };
        let Some(theme) = self
            .themes()
            .themes
            .get(theme)
            .or_else(|| self.themes().themes.get(DEFAULT_THEME))
        else {
            return plain();
        };
        let mut h = HighlightLines::new(syntax, theme);
        let mut out = Vec::new();
        for line in LinesWithEndings::from(text) {
            let Ok(ranges) = h.highlight_line(line, ss) else {
                return plain();
            };
            let spans = ranges
                .into_iter()
                .map(|(s, t)| {
                    let style = Style {
                        role: Role::Code,
                        fg: Some((s.foreground.r, s.foreground.g, s.foreground.b)),
                        bold: s.font_style.contains(FontStyle::BOLD),
                        italic: s.font_style.contains(FontStyle::ITALIC),
                        underline: s.font_style.contains(FontStyle::UNDERLINE),
                        strike: false,
                    };
                    Span::new(t.trim_end_matches('\n'), style)
                })
                .filter(|s| !s.text.is_empty())
                .collect();
            out.push(spans);
        }
        if text.is_empty() || text.ends_with('\n') {
            out.push(Vec::new());
        }
        out
    }
}
