//! `k8s-course notes`: the speaker's window. It follows the presenter over the local channel and
//! shows what the audience does not see: the narration of the current slide (the segment being
//! spoken highlighted), the next slide's title, the narration clock and the session timer. The
//! keys for next, previous and play/pause go to the presenter, which moves; the notes follow.
//!
//! [`Notes`] is the model (no terminal, tested with keys and events); `driver::notes::run` is its
//! event loop on the terminal.

use crate::i18n::{Lang, words};
use std::path::{Path, PathBuf};

use crossterm::event::{KeyCode, KeyEvent};

use super::{Command, Event, State};
use crate::app::Action;
use crate::content::script::Millis;
use crate::content::{Course, Lesson, Slide, SlideIndex};
use crate::keymap::Keymap;
use crate::playback::{Bar, Speed};

/// Where the notes window stands with the presenter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    /// No presenter yet.
    Waiting,
    /// Attached: the state shown is the presenter's.
    Following,
    /// The presenter was there and has gone; the last state stays on screen.
    Gone,
    /// A presenter is there but can't be followed (another protocol version): why.
    Refused(String),
}

/// What a key asks of the loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Intent {
    /// Nothing to do beyond redrawing.
    None,
    /// Send this to the presenter.
    Send(Command),
    /// Suspend to the shell (`ctrl-z`).
    Suspend,
    /// Leave the notes window.
    Quit,
}

/// The notes window's state: the course it reads, the presenter's last state, and the view.
#[derive(Debug, Clone)]
pub struct Notes<'c> {
    pub course: &'c Course,
    /// The socket followed, shown while waiting so a mix-up of runtime dirs can be seen.
    pub socket: PathBuf,
    pub link: Link,
    /// The presenter's last state, kept when it goes.
    pub state: Option<State>,
    /// First narration row shown while the narration is paused (`j`/`k`); playing follows it.
    pub scroll: usize,
    /// A message for the bottom line (a command that could not be sent), until the next key.
    pub flash: Option<String>,
    /// The player's keys (with `config.yaml`'s rebindings): the same key turns the slide in
    /// both windows.
    pub keymap: Keymap,
    /// The language of the window's own words.
    pub lang: Lang,
}

impl<'c> Notes<'c> {
    pub fn new(course: &'c Course, socket: &Path) -> Notes<'c> {
        Notes {
            course,
            socket: socket.to_path_buf(),
            link: Link::Waiting,
            state: None,
            scroll: 0,
            flash: None,
            keymap: Keymap::default(),
            lang: Lang::from_tag(&course.language).unwrap_or_default(),
        }
    }

    /// Takes in what the channel reported.
    pub fn on_event(&mut self, event: Event) {
        match event {
            Event::Attached => {
                self.link = Link::Following;
                self.flash = None;
            }
            Event::State(state) => {
                let moved = self.state.as_ref().map(|s| (s.lesson, s.slide)) != Some((state.lesson, state.slide));
                if moved {
                    self.scroll = 0;
                }
                self.state = Some(state);
            }
            Event::Detached => self.link = Link::Gone,
            Event::Refused(why) => self.link = Link::Refused(why),
        }
    }

    /// The attach status as the top line says it.
    pub fn status(&self) -> String {
        match &self.link {
            Link::Waiting => words::N_WAITING.get(self.lang).into(),
            Link::Following => words::N_FOLLOWING.get(self.lang).into(),
            Link::Gone => words::N_GONE.get(self.lang).into(),
            Link::Refused(why) => why.clone(),
        }
    }

    /// A key, read through the player's key table (the notes window's mode of it): scrolling is
    /// handled here; the rest is for the loop. Any key clears the flash.
    pub fn on_key(&mut self, key: &KeyEvent) -> Intent {
        self.flash = None;
        // Nothing is typed here, so a plain `q` quits too, as in a pager.
        if key.code == KeyCode::Char('q') && key.modifiers.is_empty() {
            return Intent::Quit;
        }
        let Some(action) = crate::keymap::event::key(key).and_then(|k| self.keymap.action(&k)) else {
            return Intent::None;
        };
        match action {
            Action::Quit => Intent::Quit,
            Action::Suspend => Intent::Suspend,
            Action::NextSlide => Intent::Send(Command::Next),
            Action::PrevSlide => Intent::Send(Command::Prev),
            Action::PlayPause => Intent::Send(Command::PlayPause),
            Action::Down => {
                self.scroll = self.scroll.saturating_add(1);
                Intent::None
            }
            Action::Up => {
                self.scroll = self.scroll.saturating_sub(1);
                Intent::None
            }
            Action::First => {
                self.scroll = 0;
                Intent::None
            }
            _ => Intent::None,
        }
    }

    /// How sending a command went: a failure is said on the bottom line.
    pub fn sent(&mut self, result: std::io::Result<()>) {
        if let Err(e) = result {
            self.flash = Some(words::N_NOT_SENT.fill(self.lang, &[&e]));
        }
    }

    /// The lesson the presenter is in, when this course has it.
    pub fn lesson(&self) -> Option<&'c Lesson> {
        self.course.lessons.get(self.state.as_ref()?.lesson)
    }

    /// The slide the presenter shows, when this course has it.
    pub fn slide(&self) -> Option<&'c Slide> {
        self.lesson()?.slide(SlideIndex(self.state.as_ref()?.slide))
    }

    /// The slide after it: the next one in the lesson, else the first of the next lesson.
    pub fn next_slide(&self) -> Option<&'c Slide> {
        let state = self.state.as_ref()?;
        let lesson = self.lesson()?;
        lesson
            .slide(SlideIndex(state.slide + 1))
            .or_else(|| self.course.lessons.get(state.lesson + 1)?.slide(SlideIndex(0)))
    }

    /// The segment (index into the script's segments) at the narration's position.
    pub fn segment(&self) -> Option<usize> {
        let segments = &self.lesson()?.script.as_ref()?.segments;
        let at = self.state.as_ref()?.position_ms;
        Some(segments.partition_point(|s| s.start.0 <= at).saturating_sub(1)).filter(|_| !segments.is_empty())
    }

    /// The narration clock as the player's bar shows it: segment, elapsed and total time at the
    /// presenter's speed, paused or not.
    pub fn bar(&self) -> Option<Bar> {
        let state = self.state.as_ref()?;
        let script = self.lesson()?.script.as_ref()?;
        let speed = Speed::parse(&state.speed).unwrap_or_default();
        let total = script.total();
        Some(Bar {
            segment: self.segment()? + 1,
            count: script.segments.len(),
            elapsed: Millis(speed.wall_from_script(state.position_ms.min(total.0))),
            total: Millis(speed.wall_from_script(total.0)),
            speed,
            playing: state.playing,
        })
    }
}
