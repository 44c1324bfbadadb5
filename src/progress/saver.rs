//! Saving off the key-handling path: a thread takes each batch of changes and writes it, so a
//! slow disk (fsync) never stalls a key. Failed batches come back to be retried with later ones.

use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;

use super::time::now;
use super::{Delta, Learner, Store};

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
}

struct Job {
    learner: Learner,
    delta: Delta,
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
                let outcome = match store.save(&job.learner, &job.delta, now()) {
                    Ok(notices) => Outcome::Saved(notices),
                    Err(error) => Outcome::Failed {
                        learner: job.learner,
                        delta: job.delta,
                        error,
                    },
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
        if let Some(jobs) = &self.jobs {
            let _ = jobs.send(Job {
                learner: learner.clone(),
                delta,
            });
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
