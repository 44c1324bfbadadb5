//! The learner's progress as the session sees it: where to resume, what was visited and
//! completed, bookmarks. Recorded into the app's [`Tracker`]; the driver saves it.

use super::{App, View};
use crate::content::SlideIndex;
use crate::i18n::words;
use crate::progress::time::{Unix, ago};
use crate::progress::{LessonKey, LessonProgress, Progress, Tracker};

/// Who is studying and what they have done, as this session sees it.
#[derive(Debug)]
pub(super) struct Study {
    pub(super) learner: String,
    /// What the learner has done; the driver saves what is pending.
    pub(super) progress: Tracker,
    /// The data directory, whose `lab/` holds practice work files (None: no lab, checks still run).
    pub(super) lab_dir: Option<std::path::PathBuf>,
    /// The practice exercise open in the player.
    pub(super) practice: Option<super::practice::Open>,
    /// Wall-clock time when the session began (`now` counts from here), for "last opened".
    pub(super) started: Unix,
}

impl Study {
    pub(super) fn new(learner: String, progress: Tracker, lab_dir: Option<std::path::PathBuf>) -> Self {
        Study {
            learner,
            progress,
            lab_dir,
            practice: None,
            started: 0,
        }
    }

    /// Another learner's progress replaces this one's (`:learner NAME`).
    fn become_learner(&mut self, name: &str, loaded: Progress) {
        self.learner = name.to_string();
        self.progress.reset(loaded);
    }
}

/// How far a learner is through a run of slides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub visited: usize,
    pub completed: usize,
    pub total: usize,
}

impl App {
    /// (course id, lesson id) of lesson `l`.
    pub fn key_of(&self, l: usize) -> LessonKey {
        (self.course.id.clone(), self.course.lessons[l].id.clone())
    }

    pub fn lesson_key(&self) -> LessonKey {
        self.key_of(self.nav.lesson)
    }

    /// The record of lesson `l`, if the learner has one.
    pub fn record_of(&self, l: usize) -> Option<&LessonProgress> {
        self.study.progress.lesson(&self.key_of(l))
    }

    /// Starts a session at `now`: unless `from_start`, goes to the lesson and slide the learner
    /// was on last (the nearest surviving slide if that one is gone) and says so.
    pub(super) fn begin(&mut self, now: Unix, from_start: bool) {
        // When the learner was last here: the last save, else the last opening.
        let latest = (0..self.course.lessons.len())
            .filter_map(|l| {
                let r = self.record_of(l)?;
                Some((l, r.last_seen.max(r.last_opened)?, r.last_slide.clone()?))
            })
            .max_by_key(|(_, t, _)| *t);
        let latest = latest.filter(|&(l, _, _)| !from_start && self.ensure_loaded(l));
        if let Some((l, last_opened, last_slide)) = latest {
            let index = self.course.lessons[l].nearest(&last_slide);
            self.nav.lesson = l;
            self.nav.slide = index;
            self.nav.scroll = 0;
            let title = self
                .current_lesson()
                .slide(index)
                .map(|s| s.display_title())
                .unwrap_or_default();
            let said = words::F_RESUMED.fill(self.lang, &[&title, &ago(last_opened, now, self.lang)]);
            self.say(said, false);
        }
        self.study.started = now.saturating_sub(i64::try_from(self.lecture.now.as_secs()).unwrap_or(0));
        let key = self.lesson_key();
        self.study.progress.opened(&key, now);
        self.visited();
        // The narration starts from the slide the learner is on.
        if self.course.lessons.len() > 1 || self.lecture.playback.is_none() {
            self.lecture.playback = crate::playback::Playback::new(self.current_lesson());
        }
        let (clock, slide) = (self.lecture.now, self.nav.slide);
        if let Some(p) = &mut self.lecture.playback {
            p.seek_to_slide(slide, clock);
        }
        // And from where the learner left it, at the speed they chose.
        self.restore_narration();
    }

    /// Records the current slide as visited (and the place to resume).
    pub(super) fn visited(&mut self) {
        let key = self.lesson_key();
        let id = self.current_lesson().id_of(self.nav.slide);
        self.study.progress.visit(&key, &id);
    }

    /// Records that the end of the current slide was on screen.
    pub(super) fn completed(&mut self) {
        let key = self.lesson_key();
        let id = self.current_lesson().id_of(self.nav.slide);
        self.study.progress.complete(&key, &id);
    }

    /// Adds `secs` to the time spent on slide `index` of lesson `l`.
    pub(super) fn spent_on(&mut self, l: usize, index: SlideIndex, secs: u64) {
        let key = self.key_of(l);
        let id = self.course.lessons[l].id_of(index);
        self.study.progress.spent(&key, &id, secs);
    }

    pub(super) fn toggle_bookmark(&mut self) {
        let key = self.lesson_key();
        // In the bookmarks list, `b` acts on the selected row; elsewhere on the slide shown.
        let target = match self.nav.views.last() {
            Some(super::View::Bookmarks { selected }) => self.bookmarks().get(*selected).copied(),
            _ => Some(self.nav.slide),
        };
        let Some(index) = target else { return };
        let lesson = self.current_lesson();
        let (id, title) = (lesson.id_of(index), lesson.slide(index).map(|s| s.display_title()));
        let on = self.study.progress.toggle_bookmark(&key, &id);
        let title = title.unwrap_or(id);
        self.say(
            if on {
                words::F_BOOKMARKED.fill(self.lang, &[&title])
            } else {
                words::F_BOOKMARK_REMOVED.fill(self.lang, &[&title])
            },
            false,
        );
    }

    /// Whether slide `index` of the current lesson is bookmarked.
    pub fn is_bookmarked(&self, l: usize, index: SlideIndex) -> bool {
        let id = self.course.lessons[l].id_of(index);
        self.record_of(l).is_some_and(|r| r.bookmarks.contains(&id))
    }

    /// Bookmarked slides of the current lesson, in slide order.
    pub fn bookmarks(&self) -> Vec<SlideIndex> {
        let lesson = self.current_lesson();
        let Some(record) = self.record_of(self.nav.lesson) else {
            return Vec::new();
        };
        (0..lesson.slide_count())
            .map(SlideIndex)
            .filter(|&i| record.bookmarks.contains(&lesson.id_of(i)))
            .collect()
    }

    /// Visited/completed counts over slides `from..from + n` of lesson `l`.
    pub fn tally(&self, l: usize, from: SlideIndex, n: usize) -> Tally {
        let lesson = &self.course.lessons[l];
        let record = self.record_of(l);
        // One walk over the slides (the header asks on every frame).
        let count = |set: fn(&LessonProgress) -> &std::collections::BTreeSet<String>| {
            record.map_or(0, |r| {
                (lesson.slides().skip(from.0).take(n))
                    .filter(|(_, s)| set(r).contains(s.id_str()))
                    .count()
            })
        };
        Tally {
            visited: count(|r| &r.visited),
            completed: count(|r| &r.completed),
            total: n,
        }
    }

    /// Percent of the current lesson's slides completed.
    pub fn percent_complete(&self) -> usize {
        self.percent_of(self.nav.lesson)
    }

    /// Another learner's progress replaces this one's (`:learner NAME`): back to where they were.
    pub(super) fn switch_learner(&mut self, name: &str, loaded: Progress, now: Unix) {
        self.study.become_learner(name, loaded);
        self.nav.views.retain(|v| !matches!(v, View::Bookmarks { .. }));
        self.nav.lesson = 0;
        self.nav.slide = SlideIndex(0);
        self.nav.scroll = 0;
        // The narration as this learner left it, not as the last one did.
        self.lecture.playback = crate::playback::Playback::new(self.current_lesson());
        self.lecture.played = false;
        self.begin(now, false);
        if self.flash.is_none() {
            self.say(words::F_LEARNER_FROM_START.fill(self.lang, &[&name]), false);
        } else if let Some(f) = &mut self.flash {
            f.text = words::F_LEARNER.fill(self.lang, &[&name, &f.text]);
        }
    }
}
