//! The practice work file on the real file system: seeding and resetting it, handing the terminal
//! to `$VISUAL`/`$EDITOR`, and watching it for saves. Watching is a cheap `stat` (modification
//! time and size) each time the loop wakes; while a work file is on screen the loop wakes every
//! [`WATCH`] to look, and sleeps as before otherwise.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, SystemTime};

use crate::app::practice::WorkEffect;
use crate::app::{App, Msg};
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
    /// Whether a cluster answers, asked once a session (the first `a`), so a missing kubectl or
    /// an unreachable cluster is said once and costs nothing after.
    cluster: Option<Result<(), String>>,
    /// The editor work files open in (`$VISUAL`, else `$EDITOR`, resolved in main), in words.
    editor: Option<Vec<String>>,
}

impl Watcher {
    /// A watcher that opens work files in `editor`.
    pub fn with_editor(editor: Option<Vec<String>>) -> Watcher {
        Watcher {
            editor,
            ..Watcher::default()
        }
    }

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
                app.update(Msg::WorkChanged(lab::read(&path)));
                true
            }
        }
    }

    /// Whether kubectl's current context answers (asked the first time only).
    fn cluster_reachable(&mut self) -> Result<(), String> {
        self.cluster
            .get_or_insert_with(crate::practice::cluster::reachable)
            .clone()
    }

    /// Forgets the last look, so the next one reads the file (after an edit or a reset).
    pub fn again(&mut self) {
        self.watched = None;
    }
}

/// Seeds (or resets) a work file without a terminal: for the bench and tests. The editor needs
/// the screen and is only run by [`perform`]. Returns the work file's path.
pub fn perform_seed(effect: WorkEffect, app: &App) -> Option<PathBuf> {
    let start = app.open_exercise().map(|(_, ex)| ex.start.clone()).unwrap_or_default();
    match effect {
        WorkEffect::Seed(path) => {
            if std::fs::symlink_metadata(&path).is_err() {
                lab::write_file(&path, &start).ok()?;
            }
            Some(path)
        }
        WorkEffect::Reset(path) => {
            let _ = std::fs::remove_file(&path);
            lab::write_file(&path, &start).ok()?;
            Some(path)
        }
        WorkEffect::Edit(_) | WorkEffect::DryRun(..) | WorkEffect::Apply(..) | WorkEffect::K9s(_) => None,
    }
}

/// Does what the app asked; `screen` is handed to the editor.
pub fn perform(
    effect: WorkEffect,
    app: &mut App,
    watcher: &mut Watcher,
    screen: &mut super::terminal::FullScreen,
) -> anyhow::Result<()> {
    let lang = app.lang();
    match effect {
        WorkEffect::Edit(path) => {
            let Some(words_) = watcher.editor.clone() else {
                let text = words::PRACTICE_NO_EDITOR.get(lang).replace("{editor}", "$EDITOR");
                app.update(Msg::EditorDone(Err(text)));
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
            app.update(Msg::EditorDone(result));
        }
        WorkEffect::K9s(ns) => {
            let status =
                super::terminal::hand_over(&mut screen.term, || Command::new("k9s").args(["-n", &ns]).status())?;
            app.update(Msg::K9sDone(match status {
                Ok(s) if s.success() => Ok(()),
                Ok(s) => Err(words::K9S_FAILED.fill(lang, &[&s])),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(words::K9S_MISSING.get(lang).to_string()),
                Err(e) => Err(words::K9S_FAILED.fill(lang, &[&e])),
            }));
            return Ok(());
        }
        WorkEffect::DryRun(path, ns) | WorkEffect::Apply(path, ns) if watcher.cluster_reachable().is_err() => {
            let _ = path;
            let why = watcher.cluster_reachable().err().unwrap_or_default();
            app.update(Msg::ClusterDone {
                dry_run: true,
                ns,
                result: Err(why),
            });
        }
        WorkEffect::DryRun(path, ns) => {
            let result = crate::practice::cluster::apply(&path, &ns, true);
            app.update(Msg::ClusterDone {
                dry_run: true,
                ns,
                result,
            });
        }
        WorkEffect::Apply(path, ns) => {
            let result = crate::practice::cluster::apply(&path, &ns, false);
            app.update(Msg::ClusterDone {
                dry_run: false,
                ns,
                result,
            });
        }
        other => {
            let shown = match &other {
                WorkEffect::Seed(p)
                | WorkEffect::Reset(p)
                | WorkEffect::Edit(p)
                | WorkEffect::DryRun(p, _)
                | WorkEffect::Apply(p, _) => p.display().to_string(),
                WorkEffect::K9s(ns) => ns.clone(),
            };
            if perform_seed(other, app).is_none() {
                app.update(Msg::Say {
                    text: words::F_WORK_FILE_NOT_WRITTEN.fill(lang, &[&shown]),
                    error: true,
                });
            }
        }
    }
    watcher.again();
    Ok(())
}
