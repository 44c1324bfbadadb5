//! The practice work file on the real file system: seeding and resetting it, handing the terminal
//! to `$VISUAL`/`$EDITOR`, and watching it for saves. Watching is a cheap `stat` (modification
//! time and size) each time the loop wakes; while a work file is on screen the loop wakes every
//! [`WATCH`] to look, and sleeps as before otherwise.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, SystemTime};

use crate::app::App;
use crate::app::practice::WorkEffect;
use crate::i18n::words;
use crate::practice::lab;

/// How often a watched work file is looked at.
pub const WATCH: Duration = Duration::from_millis(250);

/// What a file looked like at the last look: None when it was missing or unreadable.
type Signature = Option<(SystemTime, u64, bool)>;

fn signature(path: &Path) -> Signature {
    let m = std::fs::metadata(path).ok()?;
    Some((m.modified().ok()?, m.len(), m.is_file()))
}

/// The file being watched and how it looked.
#[derive(Debug, Default)]
pub struct Watcher {
    watched: Option<(PathBuf, Signature)>,
}

impl Watcher {
    /// Looks at the app's work file; when it changed since the last look (saved, deleted,
    /// replaced by a directory), reads it and hands it to the app. True when the app changed.
    pub fn look(&mut self, app: &mut App) -> bool {
        let Some(path) = app.watched().map(Path::to_path_buf) else {
            self.watched = None;
            return false;
        };
        let now = signature(&path);
        match &self.watched {
            Some((p, sig)) if *p == path && *sig == now => false,
            _ => {
                self.watched = Some((path.clone(), now));
                app.work_changed(lab::read(&path));
                true
            }
        }
    }

    /// Forgets the last look, so the next one reads the file (after an edit or a reset).
    pub fn again(&mut self) {
        self.watched = None;
    }
}

/// The editor command: `$VISUAL`, else `$EDITOR`, split into words (`code --wait`).
fn editor() -> Option<Vec<String>> {
    ["VISUAL", "EDITOR"].iter().find_map(|v| {
        let words: Vec<String> = std::env::var(v).ok()?.split_whitespace().map(str::to_string).collect();
        (!words.is_empty()).then_some(words)
    })
}

/// Does what the app asked; `screen` is handed to the editor.
pub fn perform(
    effect: WorkEffect,
    app: &mut App,
    watcher: &mut Watcher,
    screen: &mut super::terminal::FullScreen,
) -> anyhow::Result<()> {
    let start = app.open_exercise().map(|(_, ex)| ex.start.clone()).unwrap_or_default();
    let lang = app.lang();
    match effect {
        WorkEffect::Seed(path) | WorkEffect::Reset(path) if path.is_dir() => {
            let _ = path;
        }
        WorkEffect::Seed(path) => {
            if std::fs::symlink_metadata(&path).is_err()
                && let Err(e) = lab::write_file(&path, &start)
            {
                app.say(format!("{}: {e}", path.display()), true);
            }
        }
        WorkEffect::Reset(path) => {
            let _ = std::fs::remove_file(&path);
            if let Err(e) = lab::write_file(&path, &start) {
                app.say(format!("{}: {e}", path.display()), true);
            }
        }
        WorkEffect::Edit(path) => {
            let Some(words_) = editor() else {
                let text = words::PRACTICE_NO_EDITOR.get(lang).replace("{editor}", "$EDITOR");
                app.editor_done(Err(text));
                return Ok(());
            };
            let status = super::terminal::hand_over(&mut screen.term, || {
                Command::new(&words_[0]).args(&words_[1..]).arg(&path).status()
            })?;
            let result = match status {
                Ok(s) if s.success() => Ok(()),
                Ok(s) => Err(words::PRACTICE_EDITOR_FAILED
                    .get(lang)
                    .replace("{status}", &s.to_string())),
                Err(e) => Err(words::PRACTICE_NO_EDITOR
                    .get(lang)
                    .replace("{editor}", &format!("{}: {e}", words_[0]))),
            };
            app.editor_done(result);
        }
    }
    watcher.again();
    Ok(())
}
