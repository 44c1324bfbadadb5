//! `k8s-course notes`: the speaker's window. It follows the presenter over the local channel and
//! shows what the audience does not see: the narration of the current slide (the segment being
//! spoken highlighted), the next slide's first lines, the narration clock, the session timer and
//! the presenter's messages. It is a full remote: every key the player binds (read through the
//! same key table, `config.yaml` included) is sent to the presenter as the action it names; `:`
//! and `/` are typed here, in the notes window's own prompt, and sent as a whole line. The
//! presenter moves; the notes follow.
//!
//! [`Notes`] is the model (no terminal, tested with keys and events); `driver::notes::run` is its
//! event loop on the terminal.

use std::path::{Path, PathBuf};

use crossterm::event::{KeyCode, KeyEvent};

use super::{Command, Event, MAX_TEXT, State};
use crate::app::{Action, Edit, Prompt, PromptKind};
use crate::content::script::Millis;
use crate::content::{Course, Lesson, Slide, SlideIndex};
use crate::i18n::words;
use crate::keymap::Keymap;
use crate::playback::{Bar, Speed};

/// How far the notes can be scrolled by hand: past the end of any narration, bounded anyway.
const MAX_SCROLL: usize = 10_000;

/// Lines the prompt's history keeps.
const MAX_HISTORY: usize = 50;

/// The registry's name for a bindable action: what goes over the wire.
fn name_of(action: &Action) -> Option<&'static str> {
    crate::app::registry::bindable()
        .find(|(e, _)| e.act() == *action)
        .map(|(e, _)| e.name)
}

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
#[derive(Debug, Clone, PartialEq, Eq)]
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
    /// First narration row shown while the narration is paused (`[`/`]`); playing follows it.
    pub scroll: usize,
    /// The `:` or `/` line being typed, sent to the presenter on `enter`.
    pub prompt: Option<Prompt>,
    /// Lines sent from the prompt, oldest first, for `up`/`down` in it.
    history: Vec<String>,
    /// A message for the bottom line (a command that could not be sent), until the next key.
    pub flash: Option<String>,
    /// The player's keys (with `config.yaml`'s rebindings): the same key turns the slide in
    /// both windows.
    keymap: Keymap,
    /// The language of the window's own words: `--lang` / `LANG`, else the course's.
    lang: crate::i18n::Lang,
}

/// What a notes window starts with besides its course and socket.
#[derive(Debug, Default)]
pub struct NotesSetup {
    /// The player's keys, with `config.yaml`'s rebindings.
    pub keymap: Keymap,
    /// `--lang` / `LANG`; None: the course's language.
    pub lang: Option<crate::i18n::Lang>,
    /// A message for the bottom line from the start (a problem with the config).
    pub flash: Option<String>,
}

impl<'c> Notes<'c> {
    pub fn new(course: &'c Course, socket: &Path, setup: NotesSetup) -> Notes<'c> {
        Notes {
            course,
            socket: socket.to_path_buf(),
            link: Link::Waiting,
            state: None,
            scroll: 0,
            prompt: None,
            history: Vec::new(),
            flash: setup.flash,
            keymap: setup.keymap,
            lang: (setup.lang)
                .or_else(|| crate::i18n::Lang::from_tag(&course.language))
                .unwrap_or_default(),
        }
    }

    /// The keys the window answers to.
    pub fn keymap(&self) -> &Keymap {
        &self.keymap
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
            Link::Waiting => words::NOTES_WAITING.get(self.lang()).into(),
            Link::Following => words::NOTES_FOLLOWING.get(self.lang()).into(),
            Link::Gone => words::NOTES_GONE.get(self.lang()).into(),
            Link::Refused(why) => why.clone(),
        }
    }

    /// A key, read through the player's key table (with `config.yaml`'s rebindings): the action
    /// it names goes to the presenter; quitting, suspending, the prompt and scrolling these notes
    /// (`[` `]`, when the key table leaves them free) stay here. Any key clears the flash.
    pub fn on_key(&mut self, key: &KeyEvent) -> Intent {
        self.flash = None;
        if self.prompt.is_some() {
            return self.on_prompt_key(key);
        }
        // Nothing is typed outside the prompt, so a plain `q` quits too, as in a pager.
        if key.code == KeyCode::Char('q') && key.modifiers.is_empty() {
            return Intent::Quit;
        }
        let named = crate::keymap::event::key(key);
        // While the presenter has a diagram component selected, the arrows move the selection.
        let selecting = self.state.as_ref().is_some_and(|s| s.selecting);
        let action = named.as_ref().and_then(|k| {
            if selecting {
                self.keymap.selecting_action(k)
            } else {
                self.keymap.action(k)
            }
        });
        let Some(action) = action else {
            match key.code {
                KeyCode::Char(']') => self.scroll = self.scroll.saturating_add(1).min(MAX_SCROLL),
                KeyCode::Char('[') => self.scroll = self.scroll.saturating_sub(1),
                _ => {}
            }
            return Intent::None;
        };
        match action {
            Action::Quit => Intent::Quit,
            Action::Suspend => Intent::Suspend,
            Action::CommandMode => self.open(PromptKind::Command),
            Action::FilterMode => self.open(PromptKind::Filter),
            other => match name_of(&other) {
                Some(name) => Intent::Send(Command::Act(name)),
                None => Intent::None,
            },
        }
    }

    fn open(&mut self, kind: PromptKind) -> Intent {
        self.prompt = Some(Prompt::new(kind));
        Intent::None
    }

    /// A key while the prompt is open: an edit, or `enter` sending the line (`esc` closes it).
    fn on_prompt_key(&mut self, key: &KeyEvent) -> Intent {
        if key.modifiers.contains(crossterm::event::KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            return Intent::Quit;
        }
        let Some(edit) = crate::keymap::event::edit(key) else {
            return Intent::None;
        };
        // The lesson shown, for completing slide ids (the course's reference outlives `self`).
        let course: &'c Course = self.course;
        let lesson = self.lesson().or_else(|| course.lessons.first());
        let Some(prompt) = self.prompt.as_mut() else {
            return Intent::None;
        };
        match edit {
            Edit::Cancel => self.prompt = None,
            Edit::Submit => {
                let kind = prompt.kind;
                let text = prompt.text.trim().to_string();
                self.prompt = None;
                if text.is_empty() {
                    return Intent::None;
                }
                if text.len() > MAX_TEXT {
                    self.flash = Some(words::NOTES_TOO_LONG.get(self.lang()).to_string());
                    return Intent::None;
                }
                if self.history.last() != Some(&text) {
                    if self.history.len() >= MAX_HISTORY {
                        self.history.remove(0);
                    }
                    self.history.push(text.clone());
                }
                // `:q` here quits this window, as `q` does; the presentation goes on.
                let parsed = lesson.map(|l| crate::app::command::parse(&text, l, self.lang));
                if kind == PromptKind::Command && parsed == Some(Ok(Action::Quit)) {
                    return Intent::Quit;
                }
                return Intent::Send(match kind {
                    PromptKind::Command => Command::Run(text),
                    PromptKind::Filter => Command::Find(text),
                });
            }
            Edit::Up | Edit::Down if prompt.kind == PromptKind::Command => {
                prompt.walk_history(&self.history, edit == Edit::Up);
            }
            Edit::Complete if prompt.kind == PromptKind::Command => {
                let lessons: Vec<String> = course.lessons.iter().map(|l| l.id.clone()).collect();
                if let Some(lesson) = lesson {
                    let text = prompt.text.clone();
                    prompt.complete(crate::app::command::complete(&text, lesson, &[], &lessons));
                }
            }
            // Bounded as the line sent is: a paste can't grow it without end.
            Edit::Insert(_) if prompt.text.len() >= MAX_TEXT => {}
            edit => {
                prompt.edit(&edit);
            }
        }
        Intent::None
    }

    /// The language of the program's own words here, as in the player.
    pub fn lang(&self) -> crate::i18n::Lang {
        self.lang
    }

    /// How sending a command went: a failure is said on the bottom line.
    pub fn sent(&mut self, result: std::io::Result<()>) {
        if let Err(e) = result {
            self.flash = Some(words::NOTES_NOT_SENT.get(self.lang()).replace("{why}", &e.to_string()));
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

    /// The slide after it: the next one in the lesson, else the first of the next lesson (as `→`
    /// on a lesson's last slide leads there).
    pub fn next_slide(&self) -> Option<&'c Slide> {
        self.next().map(|(_, slide)| slide)
    }

    /// The slide after the presenter's, with the lesson it is in.
    pub fn next(&self) -> Option<(&'c Lesson, &'c Slide)> {
        let state = self.state.as_ref()?;
        let lesson = self.lesson()?;
        match lesson.slide(SlideIndex(state.slide + 1)) {
            Some(slide) => Some((lesson, slide)),
            None => {
                let next = self.course.lessons.get(state.lesson + 1)?;
                Some((next, next.slide(SlideIndex(0))?))
            }
        }
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
