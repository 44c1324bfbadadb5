//! The views that open over the slide (K9s-style: each leaves with `esc`, back to where you were),
//! and the rows of the table of contents.

use crate::content::{Course, SlideIndex};

/// A view over the slide. The app keeps a stack of them; an empty stack shows the slide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// Table of contents, with the selected row.
    Toc { selected: usize },
    /// The narration segments of the current slide: `selected` is the marked segment (an index
    /// into the slide's segments) that `enter` plays from; the text scrolls to keep it in view.
    Narration { scroll: usize, selected: usize },
    /// Id, aliases, source, code, segments of the current slide.
    Describe { scroll: usize },
    /// The slide's markdown as written.
    Source { scroll: usize },
    /// Every key and command.
    Help { scroll: usize },
    /// Filter results, with the selected row.
    Results { selected: usize },
    /// Bookmarked slides, with the selected row.
    Bookmarks { selected: usize },
    /// The lessons of the course, with the selected row.
    Lessons { selected: usize },
    /// The slide's code blocks, to pick one for `c` (copy) or `w` (write, when `write`).
    Code { selected: usize, write: bool },
    /// Practice: the lesson's exercises, with the selected row.
    Practice { selected: usize },
    /// Practice: the open exercise (task, findings, hints).
    Exercise { scroll: usize },
}

impl View {
    /// The name shown in the pane title and the crumbs, K9s-style.
    pub fn name(&self, lang: crate::i18n::Lang) -> &'static str {
        use crate::i18n::words;
        match self {
            View::Toc { .. } => words::PANE_TOC,
            View::Narration { .. } => words::PANE_NARRATION,
            View::Describe { .. } => words::PANE_DESCRIBE,
            View::Source { .. } => words::PANE_SOURCE,
            View::Help { .. } => words::PANE_HELP,
            View::Results { .. } => words::PANE_FILTER,
            View::Bookmarks { .. } => words::PANE_BOOKMARKS,
            View::Lessons { .. } => words::PANE_LESSONS,
            View::Code { .. } => words::PANE_CODE,
            View::Practice { .. } => words::PANE_PRACTICE,
            View::Exercise { .. } => words::PANE_EXERCISE,
        }
        .get(lang)
    }

    /// Views that show text scroll; views that show rows (and the narration, by segment) move a
    /// selection.
    pub fn position_mut(&mut self) -> &mut usize {
        match self {
            View::Toc { selected }
            | View::Results { selected }
            | View::Bookmarks { selected }
            | View::Lessons { selected }
            | View::Code { selected, .. }
            | View::Practice { selected }
            | View::Narration { selected, .. } => selected,
            View::Exercise { scroll } | View::Describe { scroll } | View::Source { scroll } | View::Help { scroll } => {
                scroll
            }
        }
    }

    pub fn is_list(&self) -> bool {
        matches!(
            self,
            View::Toc { .. }
                | View::Results { .. }
                | View::Bookmarks { .. }
                | View::Lessons { .. }
                | View::Code { .. }
                | View::Practice { .. }
        )
    }
}

/// One row of the table of contents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TocRow {
    /// A lesson heading (only listed when the course has several).
    Lesson(usize),
    /// Chapter `chapter` of lesson `lesson`.
    Chapter {
        lesson: usize,
        chapter: usize,
    },
    Slide {
        lesson: usize,
        slide: SlideIndex,
    },
}

impl TocRow {
    /// The lesson and slide that opening this row goes to.
    pub fn target(self, course: &Course) -> (usize, SlideIndex) {
        match self {
            TocRow::Lesson(l) => (l, SlideIndex(0)),
            TocRow::Chapter { lesson, chapter } => (lesson, course.lessons[lesson].first_slide_of(chapter)),
            TocRow::Slide { lesson, slide } => (lesson, slide),
        }
    }
}

/// Every row: lessons (when there are several), their chapters, and the chapters' slides.
pub fn toc_rows(course: &Course) -> Vec<TocRow> {
    let mut rows = Vec::new();
    for (l, lesson) in course.lessons.iter().enumerate() {
        if course.lessons.len() > 1 {
            rows.push(TocRow::Lesson(l));
        }
        let mut index = 0;
        for (c, chapter) in lesson.chapters.iter().enumerate() {
            rows.push(TocRow::Chapter { lesson: l, chapter: c });
            for _ in &chapter.slides {
                rows.push(TocRow::Slide {
                    lesson: l,
                    slide: SlideIndex(index),
                });
                index += 1;
            }
        }
    }
    rows
}
