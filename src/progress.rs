//! Where each learner stopped, and what they did: the model (no IO), the pending changes of a
//! session, and the store that merges them into a YAML file per learner.
//!
//! A session never writes the whole state it loaded: it records a [`Delta`] (slides visited and
//! completed, time spent, bookmarks toggled, where it stopped) and the store applies that delta to
//! whatever is on disk, under a lock. Two players for the same learner therefore never drop each
//! other's visited slides: the lock serialises writers, the delta merges.

pub mod exercise;
pub mod file;
pub mod lab;
pub mod learner;
pub mod saver;
pub mod storage;
pub mod store;
pub mod time;

use std::collections::{BTreeMap, BTreeSet};

pub use exercise::{ExerciseDelta, ExerciseProgress, ExerciseState};
pub use learner::Learner;
pub use store::{Mode, Opened, Store};
use time::Unix;

/// Which lesson: (course id, lesson id).
pub type LessonKey = (String, String);

/// One learner's record of one lesson. Slides are named by their stable id (`2.2.1`, `title`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LessonProgress {
    pub last_slide: Option<String>,
    pub first_opened: Option<Unix>,
    pub last_opened: Option<Unix>,
    /// The last time anything was saved for this lesson: when the learner was last here.
    pub last_seen: Option<Unix>,
    pub visited: BTreeSet<String>,
    /// Slides reached and read to the end (their last line was on screen).
    pub completed: BTreeSet<String>,
    pub bookmarks: BTreeSet<String>,
    /// Seconds spent on each slide.
    pub seconds: BTreeMap<String, u64>,
    /// Where the narration was left, in script milliseconds (reopening resumes there, paused).
    pub narration_ms: Option<u64>,
    /// The narration speed chosen for this lesson, as written (`1.5x`).
    pub speed: Option<String>,
    /// Practice exercises by id: state, tries, time.
    pub exercises: BTreeMap<String, ExerciseProgress>,
}

impl LessonProgress {
    /// The state of exercise `id` (untried when never checked).
    pub fn exercise_state(&self, id: &str) -> ExerciseState {
        self.exercises.get(id).map_or(ExerciseState::Untried, |e| e.state)
    }

    pub fn total_seconds(&self) -> u64 {
        // Each value is bounded when read, but the sum of many must still not overflow.
        self.seconds.values().fold(0, |sum, &s| sum.saturating_add(s))
    }
}

/// Everything one learner has done.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Progress {
    pub lessons: BTreeMap<LessonKey, LessonProgress>,
}

impl Progress {
    pub fn lesson(&self, key: &LessonKey) -> Option<&LessonProgress> {
        self.lessons.get(key)
    }

    /// Applies a session's changes: sets are joined, times added, bookmarks set to the state the
    /// session left them in, and the last slide and opening times moved forward.
    pub fn apply(&mut self, delta: &Delta) {
        for (key, d) in &delta.lessons {
            let l = self.lessons.entry(key.clone()).or_default();
            if let Some(slide) = &d.last_slide {
                l.last_slide = Some(slide.clone());
            }
            if let Some(t) = d.opened {
                l.first_opened = Some(l.first_opened.map_or(t, |f| f.min(t)));
                l.last_opened = Some(l.last_opened.map_or(t, |f| f.max(t)));
            }
            if let Some(t) = d.seen {
                l.last_seen = Some(l.last_seen.map_or(t, |f| f.max(t)));
            }
            l.visited.extend(d.visited.iter().cloned());
            l.completed.extend(d.completed.iter().cloned());
            for (slide, on) in &d.bookmarks {
                if *on {
                    l.bookmarks.insert(slide.clone());
                } else {
                    l.bookmarks.remove(slide);
                }
            }
            for (slide, secs) in &d.seconds {
                let total = l.seconds.entry(slide.clone()).or_default();
                *total = total.saturating_add(*secs);
            }
            if let Some(ms) = d.narration_ms {
                l.narration_ms = Some(ms);
            }
            if let Some(speed) = &d.speed {
                l.speed = Some(speed.clone());
            }
            for (id, e) in &d.exercises {
                l.exercises.entry(id.clone()).or_default().apply(e);
            }
        }
    }
}

/// Changes to one lesson not yet saved.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LessonDelta {
    pub last_slide: Option<String>,
    pub opened: Option<Unix>,
    pub seen: Option<Unix>,
    pub visited: BTreeSet<String>,
    pub completed: BTreeSet<String>,
    /// Slide -> bookmarked or not, as the session last left it.
    pub bookmarks: BTreeMap<String, bool>,
    pub seconds: BTreeMap<String, u64>,
    /// Where the narration was left and at what speed, as the session last left them.
    pub narration_ms: Option<u64>,
    pub speed: Option<String>,
    pub exercises: BTreeMap<String, ExerciseDelta>,
}

/// A session's changes not yet saved.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Delta {
    pub lessons: BTreeMap<LessonKey, LessonDelta>,
}

impl Delta {
    pub fn is_empty(&self) -> bool {
        self.lessons.is_empty()
    }

    /// Folds `later` into `self` (a save that failed is retried with everything since).
    pub fn absorb(&mut self, later: Delta) {
        for (key, d) in later.lessons {
            let mine = self.lessons.entry(key).or_default();
            if d.last_slide.is_some() {
                mine.last_slide = d.last_slide;
            }
            mine.opened = match (mine.opened, d.opened) {
                (Some(a), Some(b)) => Some(a.max(b)),
                (a, b) => a.or(b),
            };
            mine.seen = mine.seen.max(d.seen);
            mine.visited.extend(d.visited);
            mine.completed.extend(d.completed);
            mine.bookmarks.extend(d.bookmarks);
            for (slide, secs) in d.seconds {
                let total = mine.seconds.entry(slide).or_default();
                *total = total.saturating_add(secs);
            }
            if d.narration_ms.is_some() {
                mine.narration_ms = d.narration_ms;
            }
            if d.speed.is_some() {
                mine.speed = d.speed;
            }
            for (id, e) in d.exercises {
                mine.exercises.entry(id).or_default().absorb(e);
            }
        }
    }
}

/// The session's view of a learner's progress: what was loaded with this session's changes on
/// top, and those changes kept apart until they are saved. Pure data: the app records into it,
/// the driver hands the pending delta to the store.
#[derive(Debug, Clone, Default)]
pub struct Tracker {
    view: Progress,
    pending: Delta,
}

impl Tracker {
    pub fn new(loaded: Progress) -> Self {
        Self {
            view: loaded,
            pending: Delta::default(),
        }
    }

    pub fn view(&self) -> &Progress {
        &self.view
    }

    pub fn lesson(&self, key: &LessonKey) -> Option<&LessonProgress> {
        self.view.lesson(key)
    }

    fn record(&mut self, key: &LessonKey, change: impl Fn(&mut LessonDelta)) {
        let mut one = LessonDelta::default();
        change(&mut one);
        let delta = Delta {
            lessons: BTreeMap::from([(key.clone(), one)]),
        };
        self.view.apply(&delta);
        self.pending.absorb(delta);
    }

    /// The learner opened the lesson at `now`.
    pub fn opened(&mut self, key: &LessonKey, now: Unix) {
        self.record(key, |d| d.opened = Some(now));
    }

    /// The learner was active in the lesson at `now` (recorded with each save).
    pub fn seen(&mut self, key: &LessonKey, now: Unix) {
        self.record(key, |d| d.seen = Some(now));
    }

    /// The learner is on `slide`.
    pub fn visit(&mut self, key: &LessonKey, slide: &str) {
        self.record(key, |d| {
            d.last_slide = Some(slide.to_string());
            d.visited.insert(slide.to_string());
        });
    }

    /// The learner has seen the end of `slide`.
    pub fn complete(&mut self, key: &LessonKey, slide: &str) {
        if self.view.lesson(key).is_some_and(|l| l.completed.contains(slide)) {
            return;
        }
        self.record(key, |d| {
            d.completed.insert(slide.to_string());
        });
    }

    pub fn spent(&mut self, key: &LessonKey, slide: &str, secs: u64) {
        if secs > 0 {
            self.record(key, |d| {
                d.seconds.insert(slide.to_string(), secs);
            });
        }
    }

    /// Toggles the bookmark on `slide`; returns whether it is now set.
    pub fn toggle_bookmark(&mut self, key: &LessonKey, slide: &str) -> bool {
        let on = !self.view.lesson(key).is_some_and(|l| l.bookmarks.contains(slide));
        self.record(key, |d| {
            d.bookmarks.insert(slide.to_string(), on);
        });
        on
    }

    /// The narration of the lesson is at `ms` (script time) at `speed`; nothing is recorded when
    /// that is already what the record says, so a paused player writes nothing.
    pub fn narration(&mut self, key: &LessonKey, ms: u64, speed: &str) {
        let same = self
            .view
            .lesson(key)
            .is_some_and(|l| l.narration_ms == Some(ms) && l.speed.as_deref() == Some(speed));
        if !same {
            self.record(key, |d| {
                d.narration_ms = Some(ms);
                d.speed = Some(speed.to_string());
            });
        }
    }

    /// Exercise `id` was checked at `now`: one more try, passed or not.
    pub fn exercise_checked(&mut self, key: &LessonKey, id: &str, passed: bool, now: Unix) {
        self.record(key, |d| {
            d.exercises.insert(id.to_string(), ExerciseDelta::checked(passed, now));
        });
    }

    /// `secs` more spent on exercise `id`.
    pub fn exercise_time(&mut self, key: &LessonKey, id: &str, secs: u64) {
        if secs > 0 {
            self.record(key, |d| {
                d.exercises.insert(id.to_string(), ExerciseDelta::time(secs));
            });
        }
    }

    /// Exercise `id` starts over: untried, no tries.
    pub fn exercise_reset(&mut self, key: &LessonKey, id: &str) {
        self.record(key, |d| {
            d.exercises.insert(id.to_string(), ExerciseDelta::reset());
        });
    }

    /// Whether there is anything to save.
    pub fn has_pending(&self) -> bool {
        !self.pending.is_empty()
    }

    /// Takes the changes to save. If the save fails, give them back with [`Tracker::restore`].
    pub fn take_pending(&mut self) -> Delta {
        std::mem::take(&mut self.pending)
    }

    /// Puts back changes whose save failed, ahead of anything recorded since.
    pub fn restore(&mut self, mut unsaved: Delta) {
        unsaved.absorb(std::mem::take(&mut self.pending));
        self.pending = unsaved;
    }

    /// Replaces the loaded state (another learner, or a reload), keeping nothing pending.
    pub fn reset(&mut self, loaded: Progress) {
        *self = Self::new(loaded);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> LessonKey {
        ("c".into(), "l".into())
    }

    #[test]
    fn deltas_merge_as_unions_and_sums() {
        let mut a = Tracker::default();
        a.opened(&key(), 100);
        a.visit(&key(), "1.1");
        a.spent(&key(), "1.1", 30);
        a.toggle_bookmark(&key(), "1.1");
        let mut b = Tracker::default();
        b.opened(&key(), 50);
        b.visit(&key(), "2.1");
        b.spent(&key(), "1.1", 5);
        let mut disk = Progress::default();
        disk.apply(&a.take_pending());
        disk.apply(&b.take_pending());
        let l = disk.lesson(&key()).expect("lesson");
        assert_eq!(l.visited, BTreeSet::from(["1.1".to_string(), "2.1".to_string()]));
        assert_eq!(l.seconds["1.1"], 35);
        assert_eq!((l.first_opened, l.last_opened), (Some(50), Some(100)));
        assert_eq!(l.last_slide.as_deref(), Some("2.1"));
        assert!(l.bookmarks.contains("1.1"));
        assert!(!a.has_pending());
    }

    #[test]
    fn the_narration_place_is_recorded_only_when_it_changes() {
        let mut t = Tracker::default();
        t.narration(&key(), 283_000, "1.5x");
        let first = t.take_pending();
        assert_eq!(first.lessons[&key()].narration_ms, Some(283_000));
        // The same place again (a paused player, a save on the way out): nothing to write.
        t.narration(&key(), 283_000, "1.5x");
        assert!(!t.has_pending());
        t.narration(&key(), 290_000, "1.5x");
        let mut disk = Progress::default();
        disk.apply(&first);
        disk.apply(&t.take_pending());
        let l = disk.lesson(&key()).expect("lesson");
        assert_eq!((l.narration_ms, l.speed.as_deref()), (Some(290_000), Some("1.5x")));
    }

    #[test]
    fn a_failed_save_is_restored_ahead_of_later_changes() {
        let mut t = Tracker::default();
        t.visit(&key(), "1.1");
        let unsaved = t.take_pending();
        t.visit(&key(), "1.2");
        t.restore(unsaved);
        let pending = t.take_pending();
        assert_eq!(pending.lessons[&key()].visited.len(), 2);
        assert_eq!(pending.lessons[&key()].last_slide.as_deref(), Some("1.2"));
    }
}
