//! The one-line prompt of `:` command mode and `/` filter mode: editing with a cursor counted in
//! characters (so Hangul is never split), history, and tab completion.

/// Which prompt is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    Command,
    Filter,
}

impl PromptKind {
    /// The character that opened it and is shown before the text.
    pub fn sigil(self) -> char {
        match self {
            PromptKind::Command => ':',
            PromptKind::Filter => '/',
        }
    }
}

/// An edit to the prompt's text. Not rebindable: these are the keys of a text field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    Insert(char),
    Backspace,
    Delete,
    Left,
    Right,
    Home,
    End,
    /// Delete the word before the cursor (ctrl-w).
    DeleteWord,
    /// Accept the suggestion, or cycle through completions.
    Complete,
    /// Older history (command) or previous result (filter).
    Up,
    /// Newer history (command) or next result (filter).
    Down,
    Submit,
    Cancel,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    pub kind: PromptKind,
    pub text: String,
    /// Cursor position in characters.
    pub cursor: usize,
    /// Position while walking the history (index into it), None when editing fresh text.
    history_pos: Option<usize>,
    /// The text typed before walking the history, restored when walking past the newest entry.
    draft: String,
    /// The completion cycle in progress: the candidates and which one is shown.
    cycle: Option<(Vec<String>, usize)>,
}

impl Prompt {
    pub fn new(kind: PromptKind) -> Self {
        Self {
            kind,
            text: String::new(),
            cursor: 0,
            history_pos: None,
            draft: String::new(),
            cycle: None,
        }
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.text.char_indices().nth(chars).map_or(self.text.len(), |(i, _)| i)
    }

    fn len(&self) -> usize {
        self.text.chars().count()
    }

    /// Replaces the whole text and puts the cursor at its end.
    pub fn set(&mut self, text: &str) {
        self.text = text.to_string();
        self.cursor = self.len();
    }

    /// Applies a text edit; returns true when the text changed. History, completion, submit and
    /// cancel are the caller's (they need the app).
    pub fn edit(&mut self, edit: &Edit) -> bool {
        if !matches!(edit, Edit::Complete) {
            self.cycle = None;
        }
        match edit {
            Edit::Insert(c) if !c.is_control() => {
                let at = self.byte_at(self.cursor);
                self.text.insert(at, *c);
                self.cursor += 1;
                true
            }
            Edit::Backspace if self.cursor > 0 => {
                let at = self.byte_at(self.cursor - 1);
                self.text.remove(at);
                self.cursor -= 1;
                true
            }
            Edit::Delete if self.cursor < self.len() => {
                let at = self.byte_at(self.cursor);
                self.text.remove(at);
                true
            }
            Edit::DeleteWord if self.cursor > 0 => {
                let chars: Vec<char> = self.text.chars().collect();
                let mut start = self.cursor;
                while start > 0 && chars[start - 1] == ' ' {
                    start -= 1;
                }
                while start > 0 && chars[start - 1] != ' ' {
                    start -= 1;
                }
                let (from, to) = (self.byte_at(start), self.byte_at(self.cursor));
                self.text.replace_range(from..to, "");
                self.cursor = start;
                true
            }
            Edit::Left => {
                self.cursor = self.cursor.saturating_sub(1);
                false
            }
            Edit::Right => {
                self.cursor = (self.cursor + 1).min(self.len());
                false
            }
            Edit::Home => {
                self.cursor = 0;
                false
            }
            Edit::End => {
                self.cursor = self.len();
                false
            }
            _ => false,
        }
    }

    /// Walks the history: `older` towards the first entry, else back towards the draft.
    pub fn walk_history(&mut self, history: &[String], older: bool) {
        if history.is_empty() {
            return;
        }
        let next = match (self.history_pos, older) {
            (None, true) => {
                self.draft = self.text.clone();
                Some(history.len() - 1)
            }
            (None, false) => None,
            (Some(i), true) => Some(i.saturating_sub(1)),
            (Some(i), false) if i + 1 < history.len() => Some(i + 1),
            (Some(_), false) => None,
        };
        self.history_pos = next;
        let text = next.map_or_else(|| self.draft.clone(), |i| history[i].clone());
        self.set(&text);
    }

    /// Completes with `candidates` (full prompt texts, best first): the first press takes the first
    /// candidate, each further press the next one, wrapping around.
    pub fn complete(&mut self, candidates: Vec<String>) {
        let (list, index) = match self.cycle.take() {
            Some((list, i)) if !list.is_empty() => {
                let next = (i + 1) % list.len();
                (list, next)
            }
            _ => (candidates, 0),
        };
        if let Some(text) = list.get(index).cloned() {
            self.set(&text);
            self.cycle = Some((list, index));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(s: &str) -> Prompt {
        let mut p = Prompt::new(PromptKind::Command);
        s.chars().for_each(|c| {
            p.edit(&Edit::Insert(c));
        });
        p
    }

    #[test]
    fn editing_counts_characters_not_bytes() {
        let mut p = typed("파드ab");
        p.edit(&Edit::Left);
        p.edit(&Edit::Left);
        p.edit(&Edit::Backspace);
        assert_eq!(p.text, "파ab");
        p.edit(&Edit::Insert('일'));
        assert_eq!((p.text.as_str(), p.cursor), ("파일ab", 2));
        p.edit(&Edit::End);
        p.edit(&Edit::DeleteWord);
        assert_eq!(p.text, "");
    }

    #[test]
    fn history_walks_back_and_returns_to_the_draft() {
        let history = vec!["toc".to_string(), "goto 2.1".to_string()];
        let mut p = typed("th");
        p.walk_history(&history, true);
        assert_eq!(p.text, "goto 2.1");
        p.walk_history(&history, true);
        p.walk_history(&history, true);
        assert_eq!(p.text, "toc");
        p.walk_history(&history, false);
        p.walk_history(&history, false);
        assert_eq!(p.text, "th");
    }

    #[test]
    fn completion_cycles_through_candidates() {
        let mut p = typed("t");
        let cands = || vec!["theme".to_string(), "toc".to_string()];
        p.complete(cands());
        assert_eq!(p.text, "theme");
        p.complete(cands());
        assert_eq!(p.text, "toc");
        p.complete(cands());
        assert_eq!(p.text, "theme");
        p.edit(&Edit::Insert(' '));
        assert_eq!(p.text, "theme ");
    }
}
