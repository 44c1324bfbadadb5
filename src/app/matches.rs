//! Stepping through the hits of the last `/` filter: `enter` on a result, `n` and `N`.

use super::search::{Hit, Place};
use super::{Action, App, View};
use crate::i18n::words;

impl App {
    pub fn hits(&self) -> &[Hit] {
        self.finder.search.as_ref().map_or(&[], |s| s.hits.as_slice())
    }

    pub(super) fn jump_to_hit(&mut self, i: usize) {
        let Some(hit) = self.hits().get(i).cloned() else {
            return;
        };
        if let Some(s) = &mut self.finder.search {
            s.current = Some(i);
        }
        self.nav.views.retain(|v| !matches!(v, View::Results { .. }));
        let other_lesson = hit.lesson != self.nav.lesson;
        self.go(hit.lesson, hit.slide);
        if self.nav.lesson != hit.lesson {
            // The lesson could not be read: the flash line says why.
            return;
        }
        let total = self.hits().len();
        match hit.place {
            Place::Slide => {
                self.nav.reveal = Some(hit.occurrence);
                self.say(words::F_MATCH.fill(self.lang, &[&(i + 1), &total]), false);
            }
            Place::Narration(n) => self.say(words::F_MATCH_NARRATION.fill(self.lang, &[&(i + 1), &total, &n]), false),
            Place::Component { diagram, component } => {
                self.nav.focus = Some(super::Focus { diagram, component });
                let key = self.key_name(&Action::Back, "esc");
                self.say(words::F_MATCH_DIAGRAM.fill(self.lang, &[&(i + 1), &total, &key]), false);
            }
        }
        // A hit in another lesson says which lesson the learner is now in.
        if let Some(flash) = self.flash.clone().filter(|_| other_lesson) {
            let lesson = crate::i18n::words::SEARCH_IN_LESSON
                .get(self.lang())
                .replace("{lesson}", &self.current_lesson().id);
            self.say(format!("{lesson}: {}", flash.text), false);
        }
    }

    pub(super) fn step_match(&mut self, forward: bool) {
        let total = self.hits().len();
        let Some(search) = &self.finder.search else {
            self.say(words::F_NO_SEARCH.get(self.lang), true);
            return;
        };
        if total == 0 {
            let q = search.query.clone();
            self.say(words::F_NO_MATCH_FOR.fill(self.lang, &[&q]), true);
            return;
        }
        let next = match (search.current, forward) {
            (None, true) => 0,
            (None, false) => total - 1,
            (Some(i), true) => (i + 1) % total,
            (Some(i), false) => (i + total - 1) % total,
        };
        self.jump_to_hit(next);
    }
}
