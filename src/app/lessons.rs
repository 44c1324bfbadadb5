//! A course of many lessons in the player: `:lessons` and `:lesson NAME` open one, and `→` on a
//! lesson's last slide goes on to the next lesson (after saying so, so a learner never crosses
//! the boundary by accident).

use super::App;
use crate::content::SlideIndex;
use crate::i18n::words;
use crate::progress::time::Unix;

impl App {
    /// Wall-clock time now, as the session counts it (for "last opened").
    pub fn wall_now(&self) -> Unix {
        self.study
            .started
            .saturating_add(i64::try_from(self.lecture.now.as_secs()).unwrap_or(i64::MAX))
    }

    /// `→`: the next slide; on a lesson's last slide, first says that the next lesson follows,
    /// then (`armed`: the previous action was that `→`) opens it.
    pub(super) fn next_slide(&mut self, armed: bool) {
        let last = self.current_lesson().slide_count().saturating_sub(1);
        let next = self.nav.lesson + 1;
        if self.nav.slide.0 < last || next >= self.course.lessons.len() {
            return self.go(self.nav.lesson, SlideIndex(self.nav.slide.0 + 1));
        }
        let key = self.key_name(&super::Action::NextSlide, "→");
        let title = crate::text::clean_line(&self.course.lessons[next].title);
        if armed {
            self.nav.views.clear();
            self.open_lesson_at(next, SlideIndex(0));
            let count = self.course.lessons.len();
            self.say(
                words::F_LESSON_OF.fill(self.lang, &[&(next + 1), &count, &title]),
                false,
            );
        } else {
            self.nav.next_lesson_armed = true;
            self.say(words::F_END_OF_LESSON.fill(self.lang, &[&key, &title]), false);
        }
    }

    /// Opens lesson `l` where the learner left it (else at its first slide).
    pub(super) fn open_lesson(&mut self, l: usize) {
        if l >= self.course.lessons.len() || !self.ensure_loaded(l) {
            return;
        }
        let lesson = &self.course.lessons[l];
        let resume = self
            .record_of(l)
            .and_then(|r| r.last_slide.as_deref())
            .map_or(SlideIndex(0), |id| lesson.nearest(id));
        self.nav.views.clear();
        self.open_lesson_at(l, resume);
        let title = crate::text::clean_line(&self.current_lesson().title);
        let count = self.course.lessons.len();
        self.say(words::F_LESSON_OF.fill(self.lang, &[&(l + 1), &count, &title]), false);
    }

    /// Shows slide `index` of lesson `l` and records the opening.
    fn open_lesson_at(&mut self, l: usize, index: SlideIndex) {
        self.go(l, index);
        let (key, now) = (self.lesson_key(), self.wall_now());
        self.study.progress.opened(&key, now);
    }

    /// `:lesson NAME`: by number (1-based), id, or the start of an id or title.
    pub(super) fn open_lesson_named(&mut self, name: &str) {
        let want = name.trim().to_lowercase();
        let lessons = &self.course.lessons;
        let found = want
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .filter(|&i| i < lessons.len())
            .or_else(|| lessons.iter().position(|l| l.id.to_lowercase() == want))
            .or_else(|| {
                (lessons.iter())
                    .position(|l| l.id.to_lowercase().starts_with(&want) || l.title.to_lowercase().contains(&want))
            });
        match found {
            Some(l) if !want.is_empty() => self.open_lesson(l),
            _ => self.say(
                words::F_NO_LESSON.fill(self.lang, &[&crate::text::clean_line(name)]),
                true,
            ),
        }
    }

    /// The lessons' folder names, for `:lesson` completion.
    pub(super) fn lesson_ids(&self) -> Vec<String> {
        self.course.lessons.iter().map(|l| l.id.clone()).collect()
    }

    /// Percent of lesson `l`'s slides the learner has read to the end.
    pub fn percent_of(&self, l: usize) -> usize {
        let n = self.course.lessons[l].slide_count();
        let t = self.tally(l, SlideIndex(0), n);
        (t.completed * 100).checked_div(t.total).unwrap_or(0)
    }
}
