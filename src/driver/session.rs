//! The learner's progress during a run: time on each slide, saves handed to the saving thread at
//! most every half second (so a `kill -9` loses under a second of what the learner did, and at most
//! a minute of reading time), a last save on the way out, and problems told once on the flash line.
//! Nothing is saved while nothing changes: an idle player writes nothing.

use std::time::{Duration, Instant};

use crate::app::{App, Effect, Msg};
use crate::content::SlideIndex;
use crate::i18n::words;
use crate::progress::saver::{Outcome, Saver};
use crate::progress::time::now;
use crate::progress::{Learner, Mode, Opened, Store};

/// How often pending changes are handed to the saver.
const SAVE_EVERY: Duration = Duration::from_millis(500);
/// Time on a slide counts up to this much after the last key: a learner away from the keyboard is
/// not studying.
const MAX_IDLE: Duration = Duration::from_secs(300);
/// Reading time not yet counted is counted (and so saved) at least this often while it grows.
const CHECKPOINT: Duration = Duration::from_secs(60);
/// How often the loop looks for the saver's answer while a save is under way.
const SAVE_POLL: Duration = Duration::from_millis(200);

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
    /// The slide being timed and since when its time is not counted yet.
    on: (usize, SlideIndex),
    since: Instant,
    /// The last key: time after `last_key + MAX_IDLE` is not study.
    last_key: Instant,
    /// Saves handed to the saver whose outcome has not come back.
    in_flight: usize,
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
            on: (app.lesson(), app.slide()),
            since: Instant::now(),
            last_key: Instant::now(),
            in_flight: 0,
            last_error: None,
        }
    }

    /// Adds the whole seconds studied since the last count to the slide they were spent on; time
    /// more than `MAX_IDLE` after the last key is dropped.
    fn clock_in(&mut self, app: &mut App) {
        self.clock_in_at(app, Instant::now());
    }

    fn clock_in_at(&mut self, app: &mut App, now: Instant) {
        let end = now.min(self.last_key + MAX_IDLE);
        let spent = end.saturating_duration_since(self.since).as_secs();
        if spent > 0 {
            app.update(Msg::Spent {
                lesson: self.on.0,
                slide: self.on.1,
                secs: spent,
            });
            self.since += Duration::from_secs(spent);
        }
        let here = (app.lesson(), app.slide());
        if end < now || self.on != here {
            self.on = here;
            self.since = now;
        }
    }

    /// A key was pressed: the learner is here.
    pub fn key(&mut self, app: &mut App) {
        self.key_at(app, Instant::now());
    }

    fn key_at(&mut self, app: &mut App, now: Instant) {
        self.clock_in_at(app, now);
        self.last_key = now;
    }

    /// Called on every wake of the loop: counts reading time at checkpoints and on slide changes,
    /// hands pending changes to the saver, and reports how earlier saves went (and switches
    /// learner when the next one's progress was read). True when that changed something shown.
    pub fn tick(&mut self, app: &mut App) -> bool {
        if self.on != (app.lesson(), app.slide()) || self.since.elapsed() >= CHECKPOINT {
            self.clock_in(app);
        }
        let outcomes = self.saver.outcomes();
        let reported = !outcomes.is_empty();
        for outcome in outcomes {
            self.in_flight = self.in_flight.saturating_sub(1);
            self.report(outcome, app);
        }
        if self.last_submit.elapsed() >= SAVE_EVERY {
            self.submit(app);
        }
        reported
    }

    /// How long the loop may sleep before [`Session::tick`] has something to do: a save due, an
    /// answer awaited, or reading time to count. None when nothing will change until a key.
    pub fn due_in(&self, app: &App) -> Option<Duration> {
        if self.in_flight > 0 {
            return Some(SAVE_POLL);
        }
        let save = (self.mode == Mode::ReadWrite && app.progress().has_pending())
            .then(|| SAVE_EVERY.saturating_sub(self.last_submit.elapsed()));
        // Reading time still counts until `MAX_IDLE` after the last key.
        let count =
            (self.last_key.elapsed() < MAX_IDLE + CHECKPOINT).then(|| CHECKPOINT.saturating_sub(self.since.elapsed()));
        save.into_iter().chain(count).min()
    }

    fn submit(&mut self, app: &mut App) {
        self.last_submit = Instant::now();
        if self.mode != Mode::ReadWrite || !app.progress().has_pending() {
            return;
        }
        if let Effect::Save(delta) = app.update(Msg::TakePending(now())).effect {
            self.saver.submit(&self.learner, delta);
            self.in_flight += 1;
        }
    }

    fn report(&mut self, outcome: Outcome, app: &mut App) {
        match outcome {
            Outcome::Opened { learner, opened } => self.opened(learner, opened, app),
            Outcome::Saved(notices) => {
                if let Some(n) = notices.into_iter().next() {
                    say(app, n, true);
                }
                if self.last_error.take().is_some() {
                    say(app, words::F_PROGRESS_SAVED_AGAIN.get(app.lang()).into(), false);
                }
            }
            Outcome::Failed { learner, delta, error } => {
                if learner == self.learner {
                    app.update(Msg::SaveFailed(delta));
                }
                if self.last_error.as_ref() != Some(&error) {
                    say(app, words::F_PROGRESS_NOT_SAVED.fill(app.lang(), &[&error]), true);
                    self.last_error = Some(error);
                }
            }
        }
    }

    /// The learner's lab folder for the lesson shown: `<data dir>/lab/LEARNER/LESSON`.
    pub fn lab_dir(&self, app: &App) -> Option<std::path::PathBuf> {
        let data = self.store.dir()?;
        Some(crate::progress::lab::dir(data, &self.learner, &app.current_lesson().id))
    }

    /// `:learner NAME`: saves this learner's changes and asks for `name`'s progress, read on the
    /// saving thread after that save; [`Session::opened`] continues as them when it arrives.
    pub fn switch(&mut self, name: &str, app: &mut App) {
        let learner = match Learner::new(name) {
            Ok(l) => l,
            Err(e) => return say(app, e, true),
        };
        self.hand_over(app);
        self.saver.open(learner);
        self.in_flight += 1;
    }

    /// Counts and saves what this learner did, before another learner's progress replaces it.
    fn hand_over(&mut self, app: &mut App) {
        self.clock_in(app);
        app.update(Msg::RememberNarration);
        self.submit(app);
    }

    /// Another learner's progress was read (`:learner NAME`): the session goes on as them.
    fn opened(&mut self, learner: Learner, opened: Opened, app: &mut App) {
        // What was done while the file was read still belongs to the learner before.
        self.hand_over(app);
        self.learner = learner;
        self.mode = opened.mode;
        app.update(Msg::LearnerOpened {
            name: self.learner.as_str().to_string(),
            progress: opened.progress,
            now: now(),
        });
        self.on = (app.lesson(), app.slide());
        if let Some(n) = opened.notices.into_iter().next() {
            say(app, n, true);
        }
        if let Mode::ReadOnly(why) = &self.mode {
            say(app, format!("progress will not be saved: {why}"), true);
        }
    }

    /// The last save, waited for: on quit and on the signals that end the player.
    pub fn finish(mut self, app: &mut App) -> Option<String> {
        self.clock_in(app);
        // Where the narration is now, playing or not, so the next session starts there.
        app.update(Msg::RememberNarration);
        if self.mode == Mode::ReadWrite
            && app.progress().has_pending()
            && let Effect::Save(delta) = app.update(Msg::TakePending(now())).effect
        {
            self.saver.submit(&self.learner, delta);
        }
        self.saver.finish().into_iter().find_map(|o| match o {
            Outcome::Failed { error, .. } => Some(error),
            Outcome::Saved(_) | Outcome::Opened { .. } => None,
        })
    }
}

/// A flash message from the session (a save that failed or went through again).
fn say(app: &mut App, text: String, error: bool) {
    app.update(Msg::Say { text, error });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{CourseSource, load_course};

    /// The seconds the learner's file will count for the slide shown.
    fn counted(app: &App) -> u64 {
        let key = app.lesson_key();
        let id = app.current_lesson().id_of(app.slide());
        let lesson = app.progress().lesson(&key);
        lesson.and_then(|l| l.seconds.get(&id).copied()).unwrap_or(0)
    }

    #[test]
    fn time_away_from_the_keyboard_is_not_study() {
        let course = load_course(&CourseSource::BuiltIn).course.expect("built-in course");
        let mut app = App::new(crate::app::Setup::default(), course, Default::default());
        let dir = tempfile::tempdir().expect("temp dir");
        let setup = ProgressSetup {
            store: Store::new(Some(dir.path().to_path_buf())),
            learner: Learner::new("kim").expect("a name"),
            mode: Mode::ReadWrite,
        };
        let mut session = Session::start(setup, &app);
        let start = session.since;
        session.last_key = start;
        // 334 s without a key: only MAX_IDLE of it counts.
        session.clock_in_at(&mut app, start + Duration::from_secs(334));
        assert_eq!(counted(&app), MAX_IDLE.as_secs());
        // Still away: nothing more.
        session.clock_in_at(&mut app, start + Duration::from_secs(400));
        assert_eq!(counted(&app), MAX_IDLE.as_secs());
        // Back at the keyboard: reading counts again from the key on.
        session.key_at(&mut app, start + Duration::from_secs(500));
        session.clock_in_at(&mut app, start + Duration::from_secs(520));
        assert_eq!(counted(&app), MAX_IDLE.as_secs() + 20);
    }
}
