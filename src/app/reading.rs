//! What the UI and the driver read of an [`App`]: its fields, read-only. Only `App::update`
//! changes them, so no code outside `app/` can put the session in a state `update` wouldn't.

use std::time::Duration;

use super::keymap::Keymap;
use super::{App, Flash, Focus, Prompt, Search, TocRow, View, practice};
use crate::content::{Course, Lesson, SlideIndex};
use crate::playback::Playback;
use crate::progress::Tracker;
use crate::timer::SessionTimer;

impl App {
    /// The language the program speaks to this learner (its own words; course text is as written).
    pub fn lang(&self) -> crate::i18n::Lang {
        self.lang
    }

    pub fn current_lesson(&self) -> &Lesson {
        &self.course.lessons[self.nav.lesson]
    }

    pub fn view(&self) -> Option<&View> {
        self.nav.views.last()
    }

    pub fn toc_rows(&self) -> &[TocRow] {
        &self.toc
    }

    pub fn course(&self) -> &Course {
        &self.course
    }

    /// Index into `course().lessons` of the lesson shown.
    pub fn lesson(&self) -> usize {
        self.nav.lesson
    }

    pub fn slide(&self) -> SlideIndex {
        self.nav.slide
    }

    /// Lines scrolled down within the current slide.
    pub fn scroll(&self) -> usize {
        self.nav.scroll
    }

    /// Views open over the slide; the last is shown.
    pub fn views(&self) -> &[View] {
        &self.nav.views
    }

    pub fn prompt(&self) -> Option<&Prompt> {
        self.finder.prompt.as_ref()
    }

    /// The selected diagram component, while selecting.
    pub fn focus(&self) -> Option<Focus> {
        self.nav.focus
    }

    /// The session clock as of the last [`super::Msg::Tick`].
    pub fn now(&self) -> Duration {
        self.lecture.now
    }

    /// The narration timeline of the current lesson (None without a script).
    pub fn playback(&self) -> Option<&Playback> {
        self.lecture.playback.as_ref()
    }

    /// The lecture/break timer, when the session has one.
    pub fn timer(&self) -> Option<&SessionTimer> {
        self.lecture.timer.as_ref()
    }

    /// The audience view of `k8s-course present`.
    pub fn presenting(&self) -> bool {
        self.presenting
    }

    /// The header is hidden (ctrl-e).
    pub fn header_hidden(&self) -> bool {
        self.header_hidden
    }

    /// Whether the narration has been played this session.
    pub fn played(&self) -> bool {
        self.lecture.played
    }

    /// Subtitles are shown.
    pub fn subtitles(&self) -> bool {
        self.lecture.subtitles
    }

    pub fn search(&self) -> Option<&Search> {
        self.finder.search.as_ref()
    }

    pub fn flash(&self) -> Option<&Flash> {
        self.flash.as_ref()
    }

    /// Commands typed, oldest first.
    pub fn history(&self) -> &[String] {
        &self.finder.history
    }

    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    /// The theme in use.
    pub fn theme(&self) -> &str {
        &self.theme
    }

    /// Every theme that can be chosen.
    pub fn themes(&self) -> &[String] {
        &self.themes
    }

    pub fn learner(&self) -> &str {
        &self.study.learner
    }

    /// The data directory, whose `lab/` holds practice work files.
    pub fn lab_dir(&self) -> Option<&std::path::Path> {
        self.study.lab_dir.as_deref()
    }

    /// The practice exercise open in the player.
    pub fn practice(&self) -> Option<&practice::Open> {
        self.study.practice.as_ref()
    }

    /// What the learner has done, as this session sees it.
    pub fn progress(&self) -> &Tracker {
        &self.study.progress
    }
}
