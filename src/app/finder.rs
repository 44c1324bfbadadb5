//! Finding things: the `/` search and its hits, the `:`/`/` prompt, the commands typed before, and
//! the help filter; the search index across lessons.

use super::{Prompt, PromptKind, Search, search};

/// The prompt and what it found.
#[derive(Debug, Default)]
pub(super) struct Finder {
    /// The last search, while its hits can be stepped through.
    pub(super) search: Option<Search>,
    pub(super) prompt: Option<Prompt>,
    /// Commands typed, oldest first.
    pub(super) history: Vec<String>,
    /// What `/` in help filters its rows by, once `enter` kept it (see `help_filter`).
    pub(super) help_filter: Option<String>,
    /// Every line of every lesson read so far, for `/`.
    pub(super) index: search::Index,
}

impl Finder {
    /// Opens an empty prompt of `kind`.
    pub(super) fn open_prompt(&mut self, kind: PromptKind) {
        self.prompt = Some(Prompt::new(kind));
    }

    /// Remembers a command typed, unless it repeats the last one.
    pub(super) fn remember(&mut self, line: &str) {
        if self.history.last().map(String::as_str) != Some(line) {
            self.history.push(line.to_string());
        }
    }
}
