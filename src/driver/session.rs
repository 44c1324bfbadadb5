//! The learner's progress during a run: time on each slide, saves handed to the saving thread at
//! most every half second (so a `kill -9` loses under a second), a last save on the way out, and
//! problems told once on the flash line.

use std::time::{Duration, Instant};

use crate::app::App;
use crate::content::SlideIndex;
use crate::progress::saver::{Outcome, Saver};
use crate::progress::time::now;
use crate::progress::{Learner, Mode, Store};

/// How often pending changes are handed to the saver.
const SAVE_EVERY: Duration = Duration::from_millis(500);
/// Time on a slide counts up to this much between two keys: a learner away from the keyboard is
/// not studying.
const MAX_IDLE: Duration = Duration::from_secs(300);

/// What the player needs to keep a learner's progress.
pub struct ProgressSetup {
    pub store: Store,
    pub learner: Learner,
    pub mode: Mode,
}

pub struct Session {
    store: Store,
    learner: Learner,
    mode: Mode,
    saver: Saver,
    last_submit: Instant,
    /// The slide being timed and since when (reset by every key, capped by `MAX_IDLE`).
    on: (usize, SlideIndex),
    since: Instant,
    /// The last error shown, so a failing disk is reported once rather than every half second.
    last_error: Option<String>,
}

impl Session {
    pub fn start(setup: ProgressSetup, app: &App) -> Self {
        let saver = Saver::start(setup.store.clone());
        Self {
            store: setup.store,
            learner: setup.learner,
            mode: setup.mode,
            saver,
            last_submit: Instant::now(),
            on: (app.lesson, app.slide),
            since: Instant::now(),
            last_error: None,
        }
    }

    /// Adds the time since the last call to the slide it was spent on.
    fn clock_in(&mut self, app: &mut App) {
        let spent = self.since.elapsed().min(MAX_IDLE).as_secs();
        let here = (app.lesson, app.slide);
        if spent > 0 {
            let (lesson, slide) = std::mem::replace(&mut self.on, here);
            app.spent_on(lesson, slide, spent);
            self.since = Instant::now();
        } else if self.on != here {
            self.on = here;
            self.since = Instant::now();
        }
    }

    /// Called after every key and every tick: times the slide, hands pending changes to the
    /// saver, and reports how earlier saves went.
    pub fn tick(&mut self, app: &mut App) {
        self.clock_in(app);
        for outcome in self.saver.outcomes() {
            self.report(outcome, app);
        }
        if self.last_submit.elapsed() >= SAVE_EVERY {
            self.submit(app);
        }
    }

    fn submit(&mut self, app: &mut App) {
        self.last_submit = Instant::now();
        if self.mode != Mode::ReadWrite || !app.progress.has_pending() {
            return;
        }
        let key = app.lesson_key();
        app.progress.seen(&key, now());
        self.saver.submit(&self.learner, app.progress.take_pending());
    }

    fn report(&mut self, outcome: Outcome, app: &mut App) {
        match outcome {
            Outcome::Saved(notices) => {
                if let Some(n) = notices.into_iter().next() {
                    app.say(n, true);
                }
                if self.last_error.take().is_some() {
                    app.say("progress saved again", false);
                }
            }
            Outcome::Failed { learner, delta, error } => {
                if learner == self.learner {
                    app.progress.restore(delta);
                }
                if self.last_error.as_ref() != Some(&error) {
                    app.say(format!("progress not saved: {error}"), true);
                    self.last_error = Some(error);
                }
            }
        }
    }

    /// `:learner NAME`: saves this learner's changes and continues as `name`.
    pub fn switch(&mut self, name: &str, app: &mut App) {
        let learner = match Learner::new(name) {
            Ok(l) => l,
            Err(e) => return app.say(e, true),
        };
        self.clock_in(app);
        self.submit(app);
        let opened = self.store.open(&learner, now());
        self.learner = learner;
        self.mode = opened.mode.clone();
        app.switch_learner(self.learner.as_str(), opened.progress, now());
        self.on = (app.lesson, app.slide);
        if let Some(n) = opened.notices.into_iter().next() {
            app.say(n, true);
        }
        if let Mode::ReadOnly(why) = &self.mode {
            app.say(format!("progress will not be saved: {why}"), true);
        }
    }

    /// The last save, waited for: on quit and on the signals that end the player.
    pub fn finish(mut self, app: &mut App) -> Option<String> {
        self.clock_in(app);
        if self.mode == Mode::ReadWrite && app.progress.has_pending() {
            let key = app.lesson_key();
            app.progress.seen(&key, now());
            self.saver.submit(&self.learner, app.progress.take_pending());
        }
        self.saver.finish().into_iter().find_map(|o| match o {
            Outcome::Failed { error, .. } => Some(error),
            Outcome::Saved(_) => None,
        })
    }
}
