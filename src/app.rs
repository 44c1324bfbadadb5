//! The state of one player session, and the one place it changes (`App::update`).
//!
//! No terminal code: the driver turns key presses into [`Action`]s and performs the [`Effect`]s that
//! `update` returns, and the UI only reads an `App`. So the state machine is tested without a terminal.

pub mod action;

pub use action::{Action, Effect};

use crate::content::{Course, Lesson, SlideIndex};

/// What the player shows and where the learner is.
#[derive(Debug)]
pub struct App {
    pub course: Course,
    /// Index into `course.lessons`.
    pub lesson: usize,
    pub slide: SlideIndex,
    /// Lines scrolled down within the current slide.
    pub scroll: usize,
    /// A one-line message for the flash bar, if any.
    pub flash: Option<String>,
}

impl App {
    /// A session on the first slide of the first lesson. A loaded course always has a lesson.
    pub fn new(course: Course) -> Self {
        Self {
            course,
            lesson: 0,
            slide: SlideIndex(0),
            scroll: 0,
            flash: None,
        }
    }

    pub fn current_lesson(&self) -> &Lesson {
        &self.course.lessons[self.lesson]
    }

    /// Applies one user intent.
    pub fn update(&mut self, action: Action) -> Effect {
        let last = self.current_lesson().slide_count().saturating_sub(1);
        match action {
            Action::NextSlide => self.go(SlideIndex((self.slide.0 + 1).min(last))),
            Action::PrevSlide => self.go(SlideIndex(self.slide.0.saturating_sub(1))),
            Action::FirstSlide => self.go(SlideIndex(0)),
            Action::LastSlide => self.go(SlideIndex(last)),
            Action::ScrollDown => self.scroll += 1,
            Action::ScrollUp => self.scroll = self.scroll.saturating_sub(1),
            Action::Goto(id) => match self.current_lesson().resolve(&id) {
                Some(index) => self.go(index),
                None => self.flash = Some(format!("no slide '{}': :toc lists them", crate::text::clean_line(&id))),
            },
            Action::Quit => return Effect::Quit,
        }
        Effect::None
    }

    fn go(&mut self, index: SlideIndex) {
        if index != self.slide {
            self.slide = index;
            self.scroll = 0;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{CourseSource, load_course};

    fn app() -> App {
        App::new(load_course(&CourseSource::BuiltIn).course.expect("built-in course"))
    }

    #[test]
    fn next_and_previous_stop_at_the_ends() {
        let mut app = app();
        app.update(Action::PrevSlide);
        assert_eq!(app.slide, SlideIndex(0));
        for _ in 0..4 {
            app.update(Action::NextSlide);
        }
        assert_eq!(app.current_lesson().id_of(app.slide), "2.1");
        app.update(Action::LastSlide);
        assert_eq!(app.current_lesson().id_of(app.slide), "5");
        app.update(Action::NextSlide);
        assert_eq!(app.current_lesson().id_of(app.slide), "5");
        app.update(Action::FirstSlide);
        assert_eq!(app.slide, SlideIndex(0));
    }

    #[test]
    fn goto_by_alias_resets_scroll_and_unknown_ids_flash() {
        let mut app = app();
        app.update(Action::ScrollDown);
        app.update(Action::Goto("pod".into()));
        assert_eq!(app.current_lesson().id_of(app.slide), "2.2.1");
        assert_eq!(app.scroll, 0);
        app.update(Action::Goto("nope".into()));
        assert_eq!(app.current_lesson().id_of(app.slide), "2.2.1");
        assert_eq!(app.flash.as_deref(), Some("no slide 'nope': :toc lists them"));
        assert_eq!(app.update(Action::Quit), Effect::Quit);
    }
}
