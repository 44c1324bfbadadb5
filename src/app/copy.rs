//! Code you can use from the player: `c` copies a code block of the slide to the clipboard (OSC 52,
//! which the driver writes), `w` writes it to the learner's lab folder. With several blocks on the
//! slide a picker opens (`View::Code`); `:copy N` / `:write N` pick directly.

use super::{App, Effect, View};
use crate::content::CodeBlock;
use crate::i18n::words;
use crate::render::raw;

/// A code block bigger than this is not sent to the clipboard: terminals cap OSC 52 (xterm at
/// about 100 KB of base64); `w` writes any size.
pub const MAX_CLIPBOARD_BYTES: usize = 74_000;

/// What to do with the block a learner picks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeUse {
    Copy,
    Write,
}

impl App {
    /// `c` / `w` / `:copy N` / `:write N`: the block named by `arg` (1-based), the picker's selected
    /// row when it is open, the only block, or the picker when there are several.
    pub(super) fn use_code(&mut self, arg: &str, how: CodeUse) -> Effect {
        let count = self.code_blocks().len();
        let lang = self.lang();
        if count == 0 {
            let slide = self.slide_name();
            self.say(words::CODE_NONE.get(lang).replace("{slide}", &slide), true);
            return Effect::None;
        }
        let arg = arg.trim();
        if !arg.is_empty() {
            return match arg.parse::<usize>() {
                Ok(n) if (1..=count).contains(&n) => self.code_effect(n - 1, how),
                _ => {
                    let text = words::CODE_NO_SUCH
                        .get(lang)
                        .replace("{n}", &crate::text::clean_line(arg))
                        .replace("{count}", &count.to_string());
                    self.say(text, true);
                    Effect::None
                }
            };
        }
        if let Some(View::Code { selected, .. }) = self.view().copied() {
            return self.code_effect(selected.min(count - 1), how);
        }
        if count == 1 {
            return self.code_effect(0, how);
        }
        self.nav.views.push(View::Code {
            selected: 0,
            write: how == CodeUse::Write,
        });
        let text = words::CODE_PICK.get(lang).replace("{count}", &count.to_string());
        self.say(text, false);
        Effect::None
    }

    /// `enter` in the picker: what the picker was opened for, on the selected block.
    pub(super) fn pick_code(&mut self) -> Option<Effect> {
        let Some(View::Code { selected, write }) = self.view().copied() else {
            return None;
        };
        let how = if write { CodeUse::Write } else { CodeUse::Copy };
        Some(self.use_code(&(selected + 1).to_string(), how))
    }

    /// The code blocks of the slide shown.
    pub fn code_blocks(&self) -> Vec<&CodeBlock> {
        (self.current_lesson().slide(self.nav.slide)).map_or_else(Vec::new, |s| s.code_blocks())
    }

    /// Closes the picker and asks the driver to copy or write block `index`.
    fn code_effect(&mut self, index: usize, how: CodeUse) -> Effect {
        if matches!(self.view(), Some(View::Code { .. })) {
            self.nav.views.pop();
        }
        let blocks = self.code_blocks();
        let count = blocks.len();
        let Some(block) = blocks.get(index) else {
            return Effect::None;
        };
        let text = raw::block_text(block);
        let extension = raw::extension(block);
        let lines = text.lines().count();
        let slide_id = self.current_lesson().id_of(self.nav.slide);
        let what = match count {
            1 => slide_id.clone(),
            _ => format!("{slide_id} #{}", index + 1),
        };
        let lang = self.lang();
        match how {
            CodeUse::Copy if text.len() > MAX_CLIPBOARD_BYTES => {
                let key = self.key_name(&super::Action::WriteCode(String::new()), "w");
                let message = words::CODE_TOO_BIG.get(lang).replace("{key}", &key);
                self.say(message, true);
                Effect::None
            }
            CodeUse::Copy => {
                let key = self.key_name(&super::Action::WriteCode(String::new()), "w");
                let message = (words::CODE_COPIED.get(lang))
                    .replace("{what}", &what)
                    .replace("{lines}", &lines.to_string())
                    .replace("{key}", &key);
                self.say(message, false);
                Effect::CopyCode(text)
            }
            CodeUse::Write => {
                let suffix = if count == 1 {
                    String::new()
                } else {
                    format!("-{}", index + 1)
                };
                Effect::WriteCode {
                    name: format!("{slide_id}{suffix}.{extension}"),
                    text,
                }
            }
        }
    }

    /// Tells the app where `w` put the code, or why it could not.
    pub(super) fn code_written(&mut self, result: Result<crate::progress::lab::Written, String>) {
        use crate::progress::lab::Written;
        let lang = self.lang();
        let (phrase, path, error) = match result {
            Ok(Written::Created(p)) => (words::CODE_WROTE, p, false),
            Ok(Written::Unchanged(p)) => (words::CODE_ALREADY, p, false),
            Ok(Written::Kept(p)) => (words::CODE_KEPT, p, true),
            Err(e) => {
                self.say(words::CODE_WRITE_FAILED.get(lang).replace("{error}", &e), true);
                return;
            }
        };
        self.say(phrase.get(lang).replace("{path}", &path.display().to_string()), error);
    }

    /// `2.2.1 Pod`, for messages.
    fn slide_name(&self) -> String {
        (self.current_lesson().slide(self.nav.slide)).map_or_else(String::new, |s| s.display_title())
    }
}
