//! Stepping through the hits of the last `/` filter: `enter` on a result, `n` and `N`.

use super::search::{Hit, Place};
use super::{Action, App, View};

impl App {
    pub fn hits(&self) -> &[Hit] {
        self.search.as_ref().map_or(&[], |s| s.hits.as_slice())
    }

    pub(super) fn jump_to_hit(&mut self, i: usize) {
        let Some(hit) = self.hits().get(i).cloned() else {
            return;
        };
        if let Some(s) = &mut self.search {
            s.current = Some(i);
        }
        self.views.retain(|v| !matches!(v, View::Results { .. }));
        let other_lesson = hit.lesson != self.lesson;
        self.go(hit.lesson, hit.slide);
        if self.lesson != hit.lesson {
            // The lesson could not be read: the flash line says why.
            return;
        }
        let total = self.hits().len();
        match hit.place {
            Place::Slide => {
                self.reveal = Some(hit.occurrence);
                self.say(format!("match {}/{total}", i + 1), false);
            }
            Place::Narration(n) => self.say(
                format!("match {}/{total} in the narration, segment {n}: l shows it", i + 1),
                false,
            ),
            Place::Component { diagram, component } => {
                self.focus = Some(super::Focus { diagram, component });
                self.say(
                    format!(
                        "match {}/{total} in the diagram: {} leaves the selection",
                        i + 1,
                        self.key_name(&Action::Back, "esc")
                    ),
                    false,
                );
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
        let Some(search) = &self.search else {
            self.say("no search yet: / filters slides and narration", true);
            return;
        };
        if total == 0 {
            let q = search.query.clone();
            self.say(format!("no match for '{q}'"), true);
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
