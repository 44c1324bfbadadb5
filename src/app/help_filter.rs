//! `/` in `?` help filters its rows as you type (yazi's help does the same): the help view reads
//! the open prompt's text while typing; `enter` keeps the filter, `esc` clears it, and closing
//! help forgets it.

use super::{App, Edit, Prompt, View};

impl App {
    /// Whether `?` help is the view on top.
    pub(crate) fn help_open(&self) -> bool {
        matches!(self.view(), Some(View::Help { .. }))
    }

    /// What help filters by: the text being typed, else the filter `enter` kept, else nothing.
    pub fn help_query(&self) -> String {
        match &self.finder.prompt {
            Some(p) if self.help_open() => p.text.clone(),
            _ => self.finder.help_filter.clone().unwrap_or_default(),
        }
    }

    /// An edit to the help filter's prompt.
    pub(super) fn help_input(&mut self, mut prompt: Prompt, edit: Edit) {
        match edit {
            Edit::Cancel => self.finder.help_filter = None,
            Edit::Submit => self.finder.help_filter = Some(prompt.text.trim().to_string()).filter(|t| !t.is_empty()),
            Edit::Up | Edit::Down => {
                self.finder.prompt = Some(prompt);
                self.move_by(if edit == Edit::Up { -1 } else { 1 });
            }
            Edit::Complete => self.finder.prompt = Some(prompt),
            edit => {
                if prompt.edit(&edit)
                    && let Some(View::Help { scroll }) = self.nav.views.last_mut()
                {
                    // The rows changed: show them from the top.
                    *scroll = 0;
                }
                self.finder.prompt = Some(prompt);
            }
        }
    }
}
