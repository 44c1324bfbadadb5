//! Saving off the key-handling path: a thread takes each batch of changes and writes it, so a
//! slow disk (fsync) never stalls a key. Failed batches come back to be retried with later ones.
//! The same thread reads another learner's progress (`:learner NAME`), after the saves queued
//! before it, so a switch reads what was just saved and never blocks a key either.

use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;

use super::time::now;
use super::{Delta, Learner, Opened, Store};

/// How a save went.
#[derive(Debug)]
pub enum Outcome {
    /// Written; anything the learner should be told (a bad file moved aside).
    Saved(Vec<String>),
    /// Not written: the changes, to retry, and why.
    Failed {
        learner: Learner,
        delta: Delta,
        error: String,
    },
    /// `learner`'s progress, read for a switch to them.
    Opened { learner: Learner, opened: Opened },
}

enum Job {
    Save { learner: Learner, delta: Delta },
    Open(Learner),
}

/// The saving thread, and the channels to and from it.
pub struct Saver {
    jobs: Option<Sender<Job>>,
    outcomes: Receiver<Outcome>,
    thread: Option<JoinHandle<()>>,
}

impl Saver {
    pub fn start(store: Store) -> Self {
        let (jobs, inbox) = channel::<Job>();
        let (report, outcomes) = channel();
        let thread = std::thread::spawn(move || {
            for job in inbox {
                let outcome = match job {
                    Job::Save { learner, delta } => match store.save(&learner, &delta, now()) {
                        Ok(notices) => Outcome::Saved(notices),
                        Err(error) => Outcome::Failed { learner, delta, error },
                    },
                    Job::Open(learner) => {
                        let opened = store.open(&learner, now());
                        Outcome::Opened { learner, opened }
                    }
                };
                if report.send(outcome).is_err() {
                    break;
                }
            }
        });
        Self {
            jobs: Some(jobs),
            outcomes,
            thread: Some(thread),
        }
    }

    /// Queues `delta` to be saved for `learner`.
    pub fn submit(&self, learner: &Learner, delta: Delta) {
        self.send(Job::Save {
            learner: learner.clone(),
            delta,
        });
    }

    /// Queues reading `learner`'s progress, after the saves queued before.
    pub fn open(&self, learner: Learner) {
        self.send(Job::Open(learner));
    }

    fn send(&self, job: Job) {
        if let Some(jobs) = &self.jobs {
            // The thread only stops when this sender is dropped: a send can't fail before.
            let _ = jobs.send(job);
        }
    }

    /// What finished since the last call.
    pub fn outcomes(&self) -> Vec<Outcome> {
        self.outcomes.try_iter().collect()
    }

    /// Waits for every queued save to finish and returns how they went.
    pub fn finish(mut self) -> Vec<Outcome> {
        drop(self.jobs.take());
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
        self.outcomes.try_iter().collect()
    }
}
