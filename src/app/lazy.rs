//! Lessons read after the first frame: a course of many weeks opens on one lesson while a
//! background thread reads the others, so the first frame costs one lesson however long the
//! course is. The driver hands what the thread read to [`App::receive_lessons`]; a lesson the
//! learner goes to before it arrives is read there and then ([`App::ensure_loaded`]).

use std::sync::mpsc::{self, Receiver, TryRecvError};

use super::App;
use crate::content::lazy::load_lesson_in;
use crate::content::{CourseSource, Lesson};

/// One lesson read by the background thread: its index, and the lesson or why it can't show.
type Read = (usize, Result<Lesson, String>);

/// The lessons still to read, and where from.
#[derive(Debug, Default)]
pub(crate) struct Lazy {
    source: Option<CourseSource>,
    /// Per lesson: its folder while it is still a placeholder.
    pending: Vec<Option<String>>,
    /// Per lesson: why it could not be read (its first error), once that is known.
    failed: Vec<Option<String>>,
    incoming: Option<Receiver<Read>>,
}

impl Lazy {
    fn folder(&self, l: usize) -> Option<&str> {
        self.pending.get(l)?.as_deref()
    }
}

/// Reads a lesson as the player needs it: the lesson, or its first error as one line.
fn read(source: &CourseSource, dir: &str) -> Result<Lesson, String> {
    load_lesson_in(source, dir).map_err(|errors| {
        let first = errors
            .first()
            .map_or("it could not be read".to_string(), ToString::to_string);
        crate::text::clean_line(&first)
    })
}

impl App {
    /// Starts reading `rest` (index, folder: the placeholders of the course) from `source` on a
    /// background thread, in course order, and shows the lesson that was read.
    pub(super) fn load_rest(&mut self, source: CourseSource, rest: Vec<(usize, String)>) {
        let n = self.course.lessons.len();
        self.lazy.pending = vec![None; n];
        self.lazy.failed = vec![None; n];
        for (i, dir) in &rest {
            if let Some(slot) = self.lazy.pending.get_mut(*i) {
                *slot = Some(dir.clone());
            }
        }
        // The app opens on the lesson that was read, not on a placeholder.
        if self.is_pending(self.nav.lesson)
            && let Some(read) = (0..n).find(|&l| !self.is_pending(l))
        {
            self.nav.lesson = read;
            self.nav.slide = crate::content::SlideIndex(0);
            self.lecture.playback = crate::playback::Playback::new(self.current_lesson());
        }
        if rest.is_empty() {
            return;
        }
        let (tx, rx) = mpsc::channel();
        let from = source.clone();
        let spawned = std::thread::Builder::new().name("lessons".into()).spawn(move || {
            for (i, dir) in rest {
                // The player has quit: stop reading.
                if tx.send((i, read(&from, &dir))).is_err() {
                    return;
                }
            }
        });
        // Without a thread the lessons are still read, each when the learner goes there.
        self.lazy.incoming = spawned.ok().map(|_| rx);
        self.lazy.source = Some(source);
    }

    /// Lessons not read yet.
    pub fn lessons_pending(&self) -> usize {
        self.lazy.pending.iter().filter(|p| p.is_some()).count()
    }

    /// Whether the background thread is still reading lessons (the driver wakes to take them).
    pub fn lessons_arriving(&self) -> bool {
        self.lazy.incoming.is_some()
    }

    /// Whether lesson `l` is still a placeholder.
    pub fn is_pending(&self, l: usize) -> bool {
        self.lazy.folder(l).is_some()
    }

    /// Takes in the lessons the background thread has read; true when any arrived (redraw).
    pub(super) fn receive_lessons(&mut self) -> bool {
        let mut arrived = Vec::new();
        if let Some(rx) = &self.lazy.incoming {
            loop {
                match rx.try_recv() {
                    Ok(read) => arrived.push(read),
                    Err(TryRecvError::Empty) => break,
                    Err(TryRecvError::Disconnected) => {
                        self.lazy.incoming = None;
                        break;
                    }
                }
            }
        }
        let any = !arrived.is_empty();
        for (l, read) in arrived {
            self.install(l, read);
        }
        if any {
            self.lessons_changed();
        }
        any
    }

    /// Makes sure lesson `l` is read (reading it now if the background thread hasn't yet);
    /// false, with the reason on the flash line, when it can't show.
    pub(super) fn ensure_loaded(&mut self, l: usize) -> bool {
        if let Some(dir) = self.lazy.folder(l).map(str::to_string) {
            let Some(source) = self.lazy.source.clone() else {
                return false;
            };
            self.install(l, read(&source, &dir));
            self.lessons_changed();
        }
        match self.lazy.failed.get(l).cloned().flatten() {
            Some(why) => {
                self.say(
                    format!("this lesson has errors: {why} (`k8s-course check` lists them)"),
                    true,
                );
                false
            }
            None => true,
        }
    }

    /// Puts a lesson read into its place (once: a lesson already read is kept).
    fn install(&mut self, l: usize, read: Result<Lesson, String>) {
        if self.lazy.folder(l).is_none() || l >= self.course.lessons.len() {
            return;
        }
        self.lazy.pending[l] = None;
        match read {
            Ok(lesson) => {
                self.finder.index.forget_lesson(l);
                self.course.lessons[l] = lesson;
            }
            Err(why) => self.lazy.failed[l] = Some(why),
        }
    }

    /// After lessons arrived: the contents and an open search include them.
    fn lessons_changed(&mut self) {
        // The contents grow above and below the selection: keep it on the same row.
        let row = match self.nav.views.last() {
            Some(super::View::Toc { selected }) => self.toc.get(*selected).copied(),
            _ => None,
        };
        self.toc = super::view::toc_rows(&self.course);
        if let (Some(row), Some(super::View::Toc { selected })) = (row, self.nav.views.last_mut()) {
            *selected = self.toc.iter().position(|r| *r == row).unwrap_or(0);
        }
        if let Some(search) = &mut self.finder.search {
            search.hits = self.finder.index.search(&self.course, &search.query);
        }
    }
}
