//! The progress files of every learner in the data dir: `NAME.yaml`, its last-known-good copy
//! `NAME.yaml.last-good`, a lock file `NAME.lock`, and files moved aside as `NAME.corrupt-TIME`.
//!
//! Every write is atomic (a synced temporary file renamed over the old one, then the directory
//! synced). Before the rename, the current file (which was just read and found sound) becomes the
//! last-known-good copy. Writers take the learner's lock and apply their delta to what is on disk,
//! so concurrent players merge rather than overwrite. What is on disk is the file this store
//! wrote last when `stat` says so (same inode, size and times): then it is not read back, and a
//! delta that changes nothing in it (the same slide within the same second) writes nothing.

mod memory;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use memory::Memory;

use super::file::{Decoded, decode, encode};
use super::storage::{LockGuard, RealFs, Storage};
use super::time::{Unix, format_utc};
use super::{Delta, Learner, Progress};

/// Whether this session may write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    ReadWrite,
    /// Never written, and why (told to the learner).
    ReadOnly(String),
}

/// What opening a learner's progress found.
#[derive(Debug, Clone)]
pub struct Opened {
    pub progress: Progress,
    pub mode: Mode,
    /// Things the learner should be told (a file moved aside, a copy used instead).
    pub notices: Vec<String>,
}

/// The progress files in one directory.
#[derive(Clone)]
pub struct Store {
    dir: Option<PathBuf>,
    fs: Arc<dyn Storage>,
    memory: Arc<Mutex<Memory>>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("dir", &self.dir).finish()
    }
}

/// What reading the main file (and maybe its copy) gave.
enum Current {
    Sound(Progress),
    Missing,
    Future(u64),
    Unreadable(String),
}

impl Store {
    /// A store in `dir` (None: no data dir could be found; nothing is saved).
    pub fn new(dir: Option<PathBuf>) -> Self {
        Self::with_storage(dir, Arc::new(RealFs))
    }

    /// A store doing its file operations through `fs` (tests inject failures this way).
    pub fn with_storage(dir: Option<PathBuf>, fs: Arc<dyn Storage>) -> Self {
        Self {
            dir,
            fs,
            memory: Arc::default(),
        }
    }

    fn memory(&self) -> MutexGuard<'_, Memory> {
        // Memory is only ever a shortcut: a panic elsewhere while it was held leaves it usable.
        self.memory.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    pub fn path(&self, learner: &Learner) -> Option<PathBuf> {
        self.dir.as_ref().map(|d| d.join(learner.file_name()))
    }

    fn good_path(main: &Path) -> PathBuf {
        let mut name = main.as_os_str().to_os_string();
        name.push(".last-good");
        PathBuf::from(name)
    }

    fn lock_path(dir: &Path, learner: &Learner) -> PathBuf {
        dir.join(format!("{learner}.lock"))
    }

    /// Reads `learner`'s progress. Never fails: problems become notices and, where writing could
    /// lose data, read-only mode.
    pub fn open(&self, learner: &Learner, now: Unix) -> Opened {
        let Some(dir) = &self.dir else {
            return Opened {
                progress: Progress::default(),
                mode: Mode::ReadOnly("no data directory (no home directory?): set K8S_COURSE_DATA_DIR".into()),
                notices: Vec::new(),
            };
        };
        let mut notices = Vec::new();
        // Without the dir there is nothing to lock or read yet; the first save creates it.
        let _lock = if self.fs.exists(dir) {
            match self.fs.lock(&Self::lock_path(dir, learner)) {
                Ok(l) => Some(l),
                Err(e) => {
                    notices.push(format!(
                        "progress is not locked ({e}); another player may write at the same time"
                    ));
                    None
                }
            }
        } else {
            None
        };
        let (current, more) = self.read_current(dir, learner, now);
        notices.extend(more);
        let (progress, mode) = match current {
            Current::Sound(p) => (p, Mode::ReadWrite),
            Current::Missing => (Progress::default(), Mode::ReadWrite),
            Current::Future(v) => (
                Progress::default(),
                Mode::ReadOnly(format!(
                    "{} was written by a newer k8s-course (schema {v}); it is left untouched and nothing is saved",
                    self.path(learner).map(|p| p.display().to_string()).unwrap_or_default()
                )),
            ),
            Current::Unreadable(why) => (Progress::default(), Mode::ReadOnly(crate::text::clean_line(&why))),
        };
        // Notices quote the file (a bad time, a path): cleaned before the player shows them.
        let notices = notices.iter().map(|n| crate::text::clean_line(n)).collect();
        Opened {
            progress,
            mode,
            notices,
        }
    }

    /// Reads the main file; a corrupt one is moved aside and the last-known-good copy used.
    fn read_current(&self, dir: &Path, learner: &Learner, now: Unix) -> (Current, Vec<String>) {
        let main = dir.join(learner.file_name());
        let good = Self::good_path(&main);
        let mut notices = Vec::new();
        let shown = main.display().to_string();
        match self.fs.read(&main) {
            Ok(bytes) => match decode(&shown, &bytes) {
                Decoded::Ok(p) => return (Current::Sound(p), notices),
                Decoded::Future(v) => return (Current::Future(v), notices),
                Decoded::Corrupt(why) => match self.move_aside(dir, learner, &main, now) {
                    Ok(aside) => notices.push(format!(
                        "progress file {shown} could not be read ({why}); it was moved to {}",
                        aside.display()
                    )),
                    Err(e) => {
                        return (
                            Current::Unreadable(format!(
                                "progress file {shown} could not be read ({why}) nor moved aside ({e}); nothing is saved"
                            )),
                            notices,
                        );
                    }
                },
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => {
                return (
                    Current::Unreadable(format!("cannot read {shown} ({e}); progress will not be saved")),
                    notices,
                );
            }
        }
        // No main file (or it was moved aside): a crash between the two renames of a save leaves
        // only the last-known-good copy, which is then the latest state.
        match self.fs.read(&good) {
            Ok(bytes) => match decode(&good.display().to_string(), &bytes) {
                Decoded::Ok(p) => {
                    if !notices.is_empty() {
                        notices.push(format!("using the last-known-good copy {}", good.display()));
                    }
                    (Current::Sound(p), notices)
                }
                _ => (Current::Missing, notices),
            },
            Err(_) => (Current::Missing, notices),
        }
    }

    /// Renames a bad file to `NAME.corrupt-TIME` (then `-2`, `-3`...), never over an earlier one.
    fn move_aside(&self, dir: &Path, learner: &Learner, main: &Path, now: Unix) -> std::io::Result<PathBuf> {
        let stamp = format_utc(now).replace([':', '-'], "");
        let base = format!("{learner}.corrupt-{stamp}");
        let mut target = dir.join(&base);
        let mut n = 2;
        while self.fs.exists(&target) {
            target = dir.join(format!("{base}-{n}"));
            n += 1;
        }
        self.fs.rename(main, &target)?;
        self.fs.sync_dir(dir)?;
        Ok(target)
    }

    /// Applies `delta` to what is on disk for `learner` and writes it atomically. On error nothing
    /// on disk has changed and the caller keeps the delta to retry.
    pub fn save(&self, learner: &Learner, delta: &Delta, now: Unix) -> Result<Vec<String>, String> {
        let Some(dir) = &self.dir else {
            return Err("no data directory: set K8S_COURSE_DATA_DIR".into());
        };
        let shown = |e: std::io::Error| format!("cannot save progress in {}: {e}", dir.display());
        let _lock = self.lock_for_save(dir, learner).map_err(shown)?;
        if self.memory().first_sweep(learner) {
            self.sweep_temporaries(dir, learner);
        }
        let main = dir.join(learner.file_name());
        // Under the lock, so no cooperating writer is between the stat and the write. Any other
        // writer put a new inode in place or moved the times, and the file is read as ever.
        let remembered = self.memory().take(learner);
        let untouched = remembered.filter(|(id, _)| self.fs.identity(&main) == Some(*id));
        let (progress, main_is_sound, notices) = match untouched {
            // Written and found sound by this store, unchanged since: it becomes the good copy.
            Some((id, before)) => {
                let mut after = before.clone();
                after.apply(delta);
                if after == before {
                    // Nothing new (the same slide, within the same second): the file says it all.
                    self.memory().remember(learner, id, before);
                    return Ok(Vec::new());
                }
                (after, true, Vec::new())
            }
            None => {
                let (mut progress, main_is_sound, notices) = self.read_for_save(dir, learner, &main, now)?;
                progress.apply(delta);
                (progress, main_is_sound, notices)
            }
        };
        let text = encode(learner.as_str(), &progress)?;
        let temp = self.fs.write_temp(&main, text.as_bytes()).map_err(shown)?;
        let written = self.fs.identity(&temp);
        let finish = || -> std::io::Result<()> {
            if main_is_sound {
                self.fs.rename(&main, &Self::good_path(&main))?;
            }
            self.fs.rename(&temp, &main)?;
            self.fs.sync_dir(dir)
        };
        if let Err(e) = finish() {
            let _ = self.fs.remove(&temp);
            return Err(shown(e));
        }
        // Remembered only if the file in place is the very one written (the rename moved its
        // ctime, which is why that is taken from this second look).
        let now_there = written.and_then(|w| self.fs.identity(&main).filter(|id| id.same_contents(&w)));
        if let Some(id) = now_there {
            self.memory().remember(learner, id, progress);
        }
        Ok(notices)
    }

    /// What a save applies its delta to when the file is not the one this store wrote: the file
    /// read (or its good copy), whether it is there to become the good copy, and notices.
    fn read_for_save(
        &self,
        dir: &Path,
        learner: &Learner,
        main: &Path,
        now: Unix,
    ) -> Result<(Progress, bool, Vec<String>), String> {
        let (current, notices) = self.read_current(dir, learner, now);
        match current {
            Current::Sound(p) => Ok((p, self.fs.exists(main), notices)),
            Current::Missing => Ok((Progress::default(), false, notices)),
            Current::Future(v) => Err(format!(
                "{} is from a newer k8s-course (schema {v}): not saved",
                main.display()
            )),
            Current::Unreadable(why) => Err(why),
        }
    }

    /// Takes `learner`'s lock for a save. The first save makes the data dir (and reports why it
    /// can't); later ones make it again only if it went away while the player ran.
    fn lock_for_save(&self, dir: &Path, learner: &Learner) -> std::io::Result<Box<dyn LockGuard>> {
        let path = Self::lock_path(dir, learner);
        if !self.memory().dir_made() {
            self.fs.create_dir_all(dir)?;
            self.memory().mark_dir_made();
            return self.fs.lock(&path);
        }
        match self.fs.lock(&path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                self.fs.create_dir_all(dir)?;
                self.fs.lock(&path)
            }
            other => other,
        }
    }

    /// Removes temporary files a writer killed mid-save left behind (`.NAME.yaml.tmp-PID-N`
    /// whose process is gone). Under the learner's lock, so no live writer's file is touched;
    /// a failure here only leaves a harmless file. Once per learner and store: a dead writer's
    /// leftovers are from before this player started, or swept by the next one.
    fn sweep_temporaries(&self, dir: &Path, learner: &Learner) {
        let prefix = format!(".{}.tmp-", learner.file_name());
        for name in self.fs.list(dir).unwrap_or_default() {
            let Some(pid) = name
                .strip_prefix(&prefix)
                .and_then(|rest| rest.split('-').next())
                .and_then(|pid| pid.parse::<i32>().ok())
            else {
                continue;
            };
            // SAFETY: signal 0 sends nothing; it only asks whether the process exists.
            let alive = pid == std::process::id() as i32 || unsafe { libc::kill(pid, 0) } == 0;
            if !alive {
                let _ = self.fs.remove(&dir.join(&name));
            }
        }
    }

    /// Every learner with a progress file here.
    pub fn learners(&self) -> Vec<Learner> {
        let Some(dir) = &self.dir else { return Vec::new() };
        let names = self.fs.list(dir).unwrap_or_default();
        names
            .iter()
            .filter_map(|n| n.strip_suffix(".yaml"))
            .filter_map(|n| Learner::new(n).ok())
            .collect()
    }

    /// Deletes `learner`'s progress (the file and its last-known-good copy).
    pub fn reset(&self, learner: &Learner) -> Result<bool, String> {
        let Some(dir) = &self.dir else { return Ok(false) };
        let main = dir.join(learner.file_name());
        // Nothing saved: nothing to lock either, so an unknown name leaves no `NAME.lock` behind.
        if !self.fs.exists(&main) && !self.fs.exists(&Self::good_path(&main)) {
            return Ok(false);
        }
        let _lock = self
            .fs
            .lock(&Self::lock_path(dir, learner))
            .map_err(|e| format!("cannot lock {}: {e}", main.display()))?;
        let mut removed = false;
        for path in [main.clone(), Self::good_path(&main)] {
            match self.fs.remove(&path) {
                Ok(()) => removed = true,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(format!("cannot remove {}: {e}", path.display())),
            }
        }
        let _ = self.fs.sync_dir(dir);
        Ok(removed)
    }
}
