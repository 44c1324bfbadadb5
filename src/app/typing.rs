//! Typing in the `:` and `/` prompts: edits, history, completion, and what `enter` runs.

use super::{App, Edit, Effect, PromptKind, Search, View, command};

impl App {
    pub(super) fn input(&mut self, edit: Edit) -> Effect {
        let Some(mut prompt) = self.finder.prompt.take() else {
            return Effect::None;
        };
        if prompt.kind == PromptKind::Filter && self.help_open() {
            self.help_input(prompt, edit);
            return Effect::None;
        }
        match (&edit, prompt.kind) {
            (Edit::Cancel, kind) => {
                if kind == PromptKind::Filter {
                    self.finder.search = None;
                    self.nav.views.retain(|v| !matches!(v, View::Results { .. }));
                }
                return Effect::None;
            }
            (Edit::Submit, PromptKind::Command) => {
                let typed = prompt.text.trim();
                if typed.is_empty() {
                    return Effect::None;
                }
                let line = command::accepted(typed, self.current_lesson(), &self.themes, &self.lesson_ids());
                self.finder.remember(&line);
                return match command::parse(&line, self.current_lesson(), self.lang) {
                    Ok(action) => self.act(action),
                    Err(e) => {
                        self.say(e, true);
                        Effect::None
                    }
                };
            }
            (Edit::Submit, PromptKind::Filter) => {
                let selected = match self.nav.views.last() {
                    Some(View::Results { selected }) => *selected,
                    _ => 0,
                };
                if self.hits().is_empty() {
                    self.nav.views.retain(|v| !matches!(v, View::Results { .. }));
                    if !prompt.text.trim().is_empty() {
                        let said = crate::i18n::words::F_NO_MATCH_FOR.fill(self.lang, &[&prompt.text.trim()]);
                        self.say(said, true);
                    }
                    self.finder.search = None;
                } else {
                    self.jump_to_hit(selected);
                }
                return Effect::None;
            }
            (Edit::Up | Edit::Down, PromptKind::Command) => {
                prompt.walk_history(&self.finder.history, edit == Edit::Up);
            }
            (Edit::Up | Edit::Down, PromptKind::Filter) => {
                self.finder.prompt = Some(prompt);
                self.move_by(if edit == Edit::Up { -1 } else { 1 });
                return Effect::None;
            }
            (Edit::Complete, PromptKind::Command) => {
                let candidates =
                    command::complete(&prompt.text, self.current_lesson(), &self.themes, &self.lesson_ids());
                prompt.complete(candidates);
            }
            _ => {
                if prompt.edit(&edit) && prompt.kind == PromptKind::Filter {
                    let hits = self.finder.index.search(&self.course, &prompt.text);
                    self.finder.search = Some(Search {
                        query: prompt.text.trim().to_string(),
                        hits,
                        current: None,
                    });
                    if let Some(View::Results { selected }) = self.nav.views.last_mut() {
                        *selected = 0;
                    }
                }
            }
        }
        self.finder.prompt = Some(prompt);
        Effect::None
    }

    /// The completion a prompt would take first, shown as ghost text after the cursor; `tab` or
    /// `enter` takes it. None when the text is a command already (`:h`): `enter` runs that.
    pub fn suggestion(&self) -> Option<String> {
        let prompt = self.finder.prompt.as_ref()?;
        if prompt.kind != PromptKind::Command || prompt.text.is_empty() {
            return None;
        }
        let (lesson, themes, lessons) = (self.current_lesson(), &self.themes, &self.lesson_ids());
        // What `enter` would run: shown only when it is not the text as typed.
        let first = command::accepted(&prompt.text, lesson, themes, lessons);
        if first == prompt.text {
            return None;
        }
        first.strip_prefix(&prompt.text.to_lowercase()).map(str::to_string)
    }
}
