//! What a store remembers between its saves, so that a save touches the disk only as much as
//! the README's promises need: the file it wrote last and the progress in it (not read back and
//! parsed again while it is untouched), the learners whose dead writers' leftovers were already
//! swept, and whether the data dir was made.
//!
//! Kept per process (clones of a store share it), never written anywhere.

use std::collections::HashSet;

use super::super::storage::FileId;
use super::super::{Learner, Progress};

/// A progress file this store wrote, as `stat` saw it after it took its place, and what it holds.
struct Written {
    learner: Learner,
    id: FileId,
    progress: Progress,
}

/// A store's memory; see the module doc.
#[derive(Default)]
pub(super) struct Memory {
    /// Only the last file: a player saves one learner at a time.
    written: Option<Written>,
    swept: HashSet<Learner>,
    dir_made: bool,
}

impl Memory {
    /// Takes what `learner`'s file held when this store wrote it, if that is remembered, paired
    /// with the identity to compare against the file now there. Taken, not copied: the caller
    /// remembers the next file once it is written, and a save that fails leaves nothing behind.
    pub(super) fn take(&mut self, learner: &Learner) -> Option<(FileId, Progress)> {
        match self.written.take() {
            Some(w) if &w.learner == learner => Some((w.id, w.progress)),
            _ => None,
        }
    }

    /// `learner`'s file is now `id` and holds `progress`.
    pub(super) fn remember(&mut self, learner: &Learner, id: FileId, progress: Progress) {
        self.written = Some(Written {
            learner: learner.clone(),
            id,
            progress,
        });
    }

    /// True the first time it is asked about `learner`: the one save that sweeps.
    pub(super) fn first_sweep(&mut self, learner: &Learner) -> bool {
        self.swept.insert(learner.clone())
    }

    pub(super) fn dir_made(&self) -> bool {
        self.dir_made
    }

    pub(super) fn mark_dir_made(&mut self) {
        self.dir_made = true;
    }
}
