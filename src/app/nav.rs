//! Where the learner is and what they look at: the lesson and slide, the scroll, the views open
//! over the slide and the diagram selection ([`Nav`], changes that concern only these), and the
//! app's moves between slides and views, which also tell progress and the narration.

use super::{App, TocRow, View};
use crate::content::SlideIndex;

/// The diagram component a learner has selected on the current slide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Focus {
    /// Index into the lesson's diagrams.
    pub diagram: usize,
    /// Index into that diagram's components.
    pub component: usize,
}

/// What the last drawn frame found out about sizes, which only drawing knows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Drawn {
    /// The furthest the visible text can scroll.
    pub max_scroll: usize,
    /// Rows of text the pane shows.
    pub page: usize,
    /// Lines of the slide (as drawn) that hold a search match.
    pub match_lines: Vec<usize>,
    /// The line of the slide where the selected diagram component is drawn.
    pub focus_line: Option<usize>,
    /// Where the selected diagram's components were drawn (component, centre x, centre y), so the
    /// arrows move through the picture as it is on screen.
    pub diagram_boxes: Vec<(usize, usize, usize)>,
    /// In the narration view: the row where each of the slide's segments begins, so the marked
    /// segment is scrolled into view.
    pub segment_rows: Vec<usize>,
}

/// The learner's place in the course.
#[derive(Debug, Default)]
pub(super) struct Nav {
    /// Index into `course.lessons`.
    pub(super) lesson: usize,
    pub(super) slide: SlideIndex,
    /// Lines scrolled down within the current slide.
    pub(super) scroll: usize,
    /// Views open over the slide; the last is shown.
    pub(super) views: Vec<View>,
    /// The selected diagram component, while selecting.
    pub(super) focus: Option<Focus>,
    /// A search hit to scroll into view once the slide is drawn (its occurrence on the slide).
    pub(super) reveal: Option<usize>,
    /// `→` on a lesson's last slide said the next lesson follows: another `→` opens it.
    pub(super) next_lesson_armed: bool,
    /// What the last frame found out about sizes.
    pub(super) drawn: Drawn,
}

impl Nav {
    /// Shows slide `index` of lesson `lesson` from its top; the views about the slide follow it.
    /// Returns false when that is where the learner already is (nothing changes).
    pub(super) fn show(&mut self, lesson: usize, index: SlideIndex) -> bool {
        if index == self.slide && lesson == self.lesson {
            return false;
        }
        self.lesson = lesson;
        self.slide = index;
        self.scroll = 0;
        self.reveal = None;
        self.focus = None;
        for v in &mut self.views {
            if let View::Narration { scroll, .. } = v {
                *scroll = 0;
            }
            if !v.is_list() && !matches!(v, View::Help { .. }) {
                *v.position_mut() = 0;
            }
        }
        true
    }

    /// Opens `view` over the current one, unless it is already showing.
    pub(super) fn open(&mut self, view: View) {
        if self.views.last().map(std::mem::discriminant) != Some(std::mem::discriminant(&view)) {
            self.views.push(view);
        }
    }

    /// Moves the shown view's position (or the slide's scroll) by `delta`, within `0..=end`.
    pub(super) fn step(&mut self, delta: isize, end: usize) {
        let target = |pos: usize| pos.saturating_add_signed(delta).min(end);
        match self.views.last_mut() {
            Some(v) => *v.position_mut() = target(*v.position_mut()),
            None => self.scroll = target(self.scroll),
        }
    }
}

impl App {
    /// The driver reports what drawing found out: scroll limits, page size and match lines.
    /// Returns true when the app changed and wants another frame (a search hit was scrolled to).
    pub(super) fn after_draw(&mut self, drawn: Drawn) -> bool {
        let max = drawn.max_scroll;
        let mut changed = false;
        if let Some(occurrence) = self.nav.reveal.take()
            && self.nav.views.is_empty()
            && let Some(line) = drawn.match_lines.get(occurrence).or(drawn.match_lines.last())
        {
            let target = line.saturating_sub(2).min(max);
            changed = target != self.nav.scroll;
            self.nav.scroll = target;
        }
        // Keep the selected diagram component on screen.
        if let Some(line) = drawn.focus_line.filter(|_| self.nav.views.is_empty() && drawn.page > 0) {
            let target = if line < self.nav.scroll {
                line
            } else if line + 3 > self.nav.scroll + drawn.page {
                (line + 3).saturating_sub(drawn.page)
            } else {
                self.nav.scroll
            };
            changed |= target.min(max) != self.nav.scroll;
            self.nav.scroll = target.min(max);
        }
        // The narration view marks the segment being spoken and keeps the marked one in view.
        changed |= self.keep_marked_in_view(&drawn);
        match self.nav.views.last_mut() {
            Some(View::Narration { .. }) => {}
            Some(v) if !v.is_list() => *v.position_mut() = (*v.position_mut()).min(max),
            Some(_) => {}
            None => {
                self.nav.scroll = self.nav.scroll.min(max);
                // The slide's last line is on screen: it has been read to the end.
                if drawn.page > 0 && self.nav.scroll >= max {
                    self.completed();
                }
            }
        }
        self.nav.drawn = drawn;
        changed
    }

    /// A slide change the learner asked for: playback pauses and will resume from there.
    pub(super) fn go(&mut self, lesson: usize, index: SlideIndex) {
        self.move_to(lesson, index);
        let (now, slide) = (self.lecture.now, self.nav.slide);
        if let Some(p) = &mut self.lecture.playback {
            p.seek_to_slide(slide, now);
        }
        self.note_narration();
    }

    /// Shows another slide (the learner's move, or the narration's).
    pub(super) fn move_to(&mut self, lesson: usize, index: SlideIndex) {
        let lesson = lesson.min(self.course.lessons.len().saturating_sub(1));
        if !self.ensure_loaded(lesson) {
            return;
        }
        let last = self.course.lessons[lesson].slide_count().saturating_sub(1);
        let index = SlideIndex(index.0.min(last));
        let other_lesson = lesson != self.nav.lesson;
        if other_lesson {
            // Each lesson keeps its own narration place and speed.
            self.note_narration();
            self.lecture.playback = crate::playback::Playback::new(&self.course.lessons[lesson]);
        }
        if self.nav.show(lesson, index) {
            self.visited();
        }
        if other_lesson {
            self.restore_narration();
        }
    }

    pub(super) fn goto(&mut self, id: &str) {
        let found = self
            .current_lesson()
            .resolve(id)
            .map(|i| (self.nav.lesson, i))
            .or_else(|| {
                let (lesson_id, slide_id) = id.split_once('/')?;
                let l = self.course.lessons.iter().position(|l| l.id == lesson_id)?;
                self.ensure_loaded(l);
                Some((l, self.course.lessons[l].resolve(slide_id)?))
            })
            .or_else(|| {
                (self.course.lessons.iter().enumerate()).find_map(|(l, lesson)| lesson.resolve(id).map(|i| (l, i)))
            });
        match found {
            Some((lesson, index)) => {
                self.nav.views.clear();
                self.go(lesson, index);
            }
            None => self.say(
                crate::i18n::words::F_NO_SLIDE.fill(self.lang, &[&crate::text::clean_line(id)]),
                true,
            ),
        }
    }

    /// Opens `view` over the current one, unless it is already showing.
    pub(super) fn open(&mut self, view: View) {
        self.nav.open(view);
    }

    pub(super) fn back(&mut self) {
        if let Some(view) = self.nav.views.pop() {
            match view {
                View::Help { .. } => self.finder.help_filter = None,
                View::Exercise { .. } => self.practice_clock(),
                _ => {}
            }
            return;
        }
        if self.nav.focus.take().is_some() {
            return;
        }
        if self.finder.search.take().is_some() {
            self.say(crate::i18n::words::F_SEARCH_CLEARED.get(self.lang), false);
        }
    }

    /// The last position of a view: its last row, or its furthest scroll.
    pub(super) fn view_end(&self, view: &View) -> usize {
        match view {
            View::Toc { .. } => self.toc.len().saturating_sub(1),
            View::Results { .. } => self.hits().len().saturating_sub(1),
            View::Bookmarks { .. } => self.bookmarks().len().saturating_sub(1),
            View::Lessons { .. } => self.course.lessons.len().saturating_sub(1),
            View::Code { .. } => self.code_blocks().len().saturating_sub(1),
            View::Narration { .. } => self
                .current_lesson()
                .segments_of(self.nav.slide)
                .len()
                .saturating_sub(1),
            View::Practice { .. } => self.current_lesson().exercises.len().saturating_sub(1),
            _ => self.nav.drawn.max_scroll,
        }
    }

    pub(super) fn move_by(&mut self, delta: isize) {
        if let Some(View::Narration { .. }) = self.nav.views.last() {
            // Line by line through a segment taller than the pane, then on to the next segment.
            for _ in 0..delta.unsigned_abs() {
                self.narration_step(delta > 0);
            }
            return;
        }
        let end = match self.nav.views.last() {
            Some(v) => self.view_end(v),
            None => self.nav.drawn.max_scroll,
        };
        self.nav.step(delta, end);
    }

    pub(super) fn enter(&mut self) {
        match self.nav.views.last().copied() {
            Some(View::Toc { selected }) => {
                if let Some(row) = self.toc.get(selected).copied() {
                    let (lesson, slide) = row.target(&self.course);
                    self.nav.views.clear();
                    self.go(lesson, slide);
                }
            }
            Some(View::Results { selected }) => self.jump_to_hit(selected),
            Some(View::Lessons { selected }) => self.open_lesson(selected),
            Some(View::Bookmarks { selected }) => {
                if let Some(index) = self.bookmarks().get(selected).copied() {
                    self.nav.views.clear();
                    self.go(self.nav.lesson, index);
                }
            }
            Some(View::Narration { selected, .. }) => self.play_marked(selected),
            None if self.nav.focus.is_some() => self.play_mention(),
            _ => {}
        }
    }

    pub(super) fn current_toc_row(&self) -> usize {
        let here = TocRow::Slide {
            lesson: self.nav.lesson,
            slide: self.nav.slide,
        };
        self.toc.iter().position(|r| *r == here).unwrap_or(0)
    }
}
