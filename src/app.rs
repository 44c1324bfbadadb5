//! The state of one player session, and the one place it changes (`App::update`).
//!
//! No terminal code: the driver turns key presses into [`Action`]s and performs the [`Effect`]s that
//! `update` returns, and the UI only reads an `App`. So the state machine is tested without a terminal.

pub mod action;
pub mod command;
pub mod copy;
mod finder;
pub mod focus;
mod help_filter;
pub mod keymap;
mod lazy;
pub mod lecture;
pub mod lessons;
mod matches;
pub mod msg;
mod narration;
mod nav;
pub mod practice;
pub mod progress;
pub mod prompt;
mod reading;
pub mod registry;
pub mod search;
mod setup;
mod typing;
pub mod view;

pub use action::{Action, Effect};
pub use msg::{Msg, Update};
pub use nav::{Drawn, Focus};
pub use prompt::{Edit, Prompt, PromptKind};
pub use setup::{Begin, Setup};
pub use view::{TocRow, View};

use crate::content::{Course, SlideIndex};
use keymap::Keymap;
use search::Hit;

/// The last search: what was typed, what it found, and which hit `n`/`N` is on.
#[derive(Debug, Clone)]
pub struct Search {
    pub query: String,
    pub hits: Vec<Hit>,
    pub current: Option<usize>,
}

/// A one-line message for the flash bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flash {
    pub text: String,
    pub error: bool,
    /// The session time it was said at: an info message goes after [`FLASH_FOR`]; an error stays
    /// until the next key.
    pub said_at: std::time::Duration,
}

/// How long an info message stays on the flash line.
pub const FLASH_FOR: std::time::Duration = std::time::Duration::from_secs(4);

/// What the player shows and where the learner is.
#[derive(Debug)]
pub struct App {
    course: Course,
    /// Where the learner is and what they look at.
    nav: nav::Nav,
    /// The narration and the lecture/break timer on the session clock.
    lecture: lecture::Lecture,
    /// The prompt, the search and the help filter.
    finder: finder::Finder,
    /// Who is studying and what they have done.
    study: progress::Study,
    flash: Option<Flash>,
    keymap: Keymap,
    /// The theme in use and every theme that can be chosen (for completion).
    theme: String,
    themes: Vec<String>,
    /// The language of the program's own words (`--lang`, `LANG`, else the course's).
    lang: crate::i18n::Lang,
    /// The audience view of `k8s-course present`: the slide, large, and little else.
    presenting: bool,
    /// The header is hidden (ctrl-e), leaving its rows to the slide.
    header_hidden: bool,
    toc: Vec<TocRow>,
    /// Lessons still being read (a course of many weeks opens before they all are).
    lazy: lazy::Lazy,
}

impl App {
    /// A session on `course` for the learner `setup` names, with their `progress`: on the first
    /// slide of the first lesson, or where they were (see [`Setup::begin`]). A loaded course
    /// always has a lesson.
    pub fn new(setup: Setup, course: Course, progress: crate::progress::Progress) -> Self {
        let index = search::Index::new(&course);
        let toc = view::toc_rows(&course);
        let playback = crate::playback::Playback::new(&course.lessons[0]);
        let lang = (setup.lang)
            .or_else(|| crate::i18n::Lang::from_tag(&course.language))
            .unwrap_or_default();
        let theme = if setup.theme.is_empty() {
            "default".to_string()
        } else {
            setup.theme
        };
        let mut app = Self {
            course,
            nav: nav::Nav::default(),
            lecture: lecture::Lecture::new(setup.now, playback, setup.timer),
            finder: finder::Finder {
                index,
                ..finder::Finder::default()
            },
            study: progress::Study::new(setup.learner, crate::progress::Tracker::new(progress), setup.lab_dir),
            flash: None,
            keymap: setup.keymap,
            theme,
            themes: setup.themes,
            lang,
            presenting: setup.presenting,
            header_hidden: false,
            toc,
            lazy: lazy::Lazy::default(),
        };
        if let Some((source, rest)) = setup.rest {
            app.load_rest(source, rest);
        }
        if let Some(Begin { now, from_start }) = setup.begin {
            app.begin(now, from_start);
            if app.presenting {
                // The audience doesn't need to read where the presenter was last time.
                app.flash = None;
            }
        }
        app
    }

    /// The key bound to `action` as messages name it (rebound keys included), else `fallback`.
    pub(crate) fn key_name(&self, action: &Action, fallback: &str) -> String {
        self.keymap.hint(action).unwrap_or_else(|| fallback.to_string())
    }

    /// Sets the flash line: an info message, or an error when `error`.
    fn say(&mut self, text: impl Into<String>, error: bool) {
        let text = text.into();
        // A Korean particle after a value is written in both forms (`을(를)`): resolve it.
        let text = match self.lang {
            crate::i18n::Lang::Ko => crate::i18n::josa::resolve(&text),
            crate::i18n::Lang::En => text,
        };
        self.flash = Some(Flash {
            text: crate::text::clean_line(&text),
            error,
            said_at: self.lecture.now,
        });
    }

    /// The one place an `App` changes: applies `msg`, and says what the driver must do and
    /// whether anything shown changed.
    pub fn update(&mut self, msg: impl Into<Msg>) -> Update {
        match msg.into() {
            // Every key is answered on screen, if only by clearing the flash line.
            Msg::Do(action) => Update::drawn(self.act(action)),
            Msg::Tick(now) => Update::redraw_if(self.tick(now)),
            Msg::DismissBreak => {
                self.dismiss_break();
                Update::drawn(Effect::None)
            }
            Msg::Drawn(drawn) => Update::redraw_if(self.after_draw(drawn)),
            Msg::Say { text, error } => {
                self.say(text, error);
                Update::drawn(Effect::None)
            }
            Msg::ThemeLoaded(result) => {
                self.theme_changed(result);
                Update::drawn(Effect::None)
            }
            Msg::TakeLessons => Update::redraw_if(self.receive_lessons()),
            Msg::Spent { lesson, slide, secs } => {
                self.spent_on(lesson, slide, secs);
                Update::NONE
            }
            Msg::RememberNarration => {
                self.remember_narration();
                Update::NONE
            }
            Msg::TakePending(now) => {
                let key = self.lesson_key();
                self.study.progress.seen(&key, now);
                Update {
                    effect: Effect::Save(self.study.progress.take_pending()),
                    redraw: false,
                }
            }
            Msg::SaveFailed(delta) => {
                self.study.progress.restore(delta);
                Update::NONE
            }
            Msg::LearnerOpened { name, progress, now } => {
                self.switch_learner(&name, progress, now);
                Update::drawn(Effect::None)
            }
            Msg::CodeWritten(result) => {
                self.code_written(result);
                Update::drawn(Effect::None)
            }
            Msg::WorkChanged(text) => {
                self.work_changed(text);
                Update::drawn(Effect::None)
            }
            Msg::EditorDone(result) => {
                self.editor_done(result);
                Update::drawn(Effect::None)
            }
            Msg::ClusterDone { dry_run, ns, result } => {
                self.cluster_done(dry_run, &ns, result);
                Update::drawn(Effect::None)
            }
            Msg::K9sDone(result) => {
                self.k9s_done(result);
                Update::drawn(Effect::None)
            }
        }
    }

    /// Applies one user intent.
    fn act(&mut self, action: Action) -> Effect {
        if !matches!(action, Action::Input(_)) {
            self.flash = None;
        }
        let armed = std::mem::take(&mut self.nav.next_lesson_armed);
        let reset_armed = self.take_reset_armed();
        let apply_armed = self.take_apply_armed();
        match action {
            Action::NextSlide => self.next_slide(armed),
            Action::PrevSlide => self.go(self.nav.lesson, SlideIndex(self.nav.slide.0.saturating_sub(1))),
            Action::Down => self.move_by(1),
            Action::Up => self.move_by(-1),
            Action::HalfPageDown => self.move_by((self.nav.drawn.page / 2).max(1) as isize),
            Action::HalfPageUp => self.move_by(-((self.nav.drawn.page / 2).max(1) as isize)),
            Action::First => match self.nav.views.last_mut() {
                Some(v) => *v.position_mut() = 0,
                None => self.go(self.nav.lesson, SlideIndex(0)),
            },
            Action::Last => match self.nav.views.last().copied() {
                Some(v) => {
                    let end = self.view_end(&v);
                    if let Some(v) = self.nav.views.last_mut() {
                        *v.position_mut() = end;
                    }
                }
                None => self.go(self.nav.lesson, SlideIndex(usize::MAX)),
            },
            Action::Enter => {
                if let Some(View::Practice { selected }) = self.nav.views.last().copied() {
                    return self.practice_open(selected);
                }
                if let Some(View::Exercise { .. }) = self.nav.views.last() {
                    return self.practice_edit();
                }
                match self.pick_code() {
                    Some(effect) => return effect,
                    None => self.enter(),
                }
            }
            Action::CopyCode(n) => return self.use_code(&n, copy::CodeUse::Copy),
            Action::WriteCode(n) => return self.use_code(&n, copy::CodeUse::Write),
            Action::Practice => self.practice_list(),
            Action::PracticeEdit => return self.practice_edit(),
            Action::PracticeHint => self.practice_hint(),
            Action::PracticeSolution => self.practice_solution(),
            Action::PracticeReset => return self.practice_reset(reset_armed),
            Action::PracticeApply => return self.practice_apply(apply_armed),
            Action::Answer(text) => self.answer(&text),
            Action::K9s => return self.k9s(),
            Action::Back => self.back(),
            Action::Toc => {
                let selected = self.current_toc_row();
                self.open(View::Toc { selected });
            }
            Action::Narration => {
                let selected = self.spoken_here().unwrap_or(0);
                self.open(View::Narration { scroll: 0, selected });
            }
            Action::Describe => self.open(View::Describe { scroll: 0 }),
            Action::Source => self.open(View::Source { scroll: 0 }),
            Action::Help => {
                self.finder.help_filter = None;
                self.open(View::Help { scroll: 0 });
            }
            Action::ToggleBookmark => self.toggle_bookmark(),
            Action::ToggleHeader => self.header_hidden = !self.header_hidden,
            Action::Bookmarks => self.open(View::Bookmarks { selected: 0 }),
            Action::Lessons => self.open(View::Lessons {
                selected: self.nav.lesson,
            }),
            Action::OpenLesson(name) => self.open_lesson_named(&name),
            Action::SwitchLearner(name) => return Effect::SwitchLearner(name),
            Action::FocusNext => self.focus_step(true),
            Action::FocusPrev => self.focus_step(false),
            Action::FocusMove(dir) => self.focus_move(dir),
            Action::PlayPause => self.toggle_play(),
            Action::Play => self.set_playing(true),
            Action::Pause => self.set_playing(false),
            Action::Faster => self.change_speed(true),
            Action::Slower => self.change_speed(false),
            Action::SetSpeed(text) => self.set_speed(&text),
            Action::Seek(text) => self.seek(&text),
            Action::ToggleSubtitles => self.toggle_subtitles(),
            Action::CommandMode => self.finder.open_prompt(PromptKind::Command),
            Action::FilterMode if self.help_open() => self.finder.open_prompt(PromptKind::Filter),
            Action::FilterMode => {
                self.finder.open_prompt(PromptKind::Filter);
                self.finder.search = None;
                self.open(View::Results { selected: 0 });
            }
            Action::NextMatch => self.step_match(true),
            Action::PrevMatch => self.step_match(false),
            Action::Suspend => return Effect::Suspend,
            Action::Quit => return Effect::Quit,
            Action::Goto(id) => self.goto(&id),
            Action::SetTheme(name) => return Effect::LoadTheme(name),
            Action::Input(edit) => return self.input(edit),
        }
        Effect::None
    }

    /// Tells the app which theme is now in use, or why the one asked for could not be loaded.
    fn theme_changed(&mut self, result: Result<String, String>) {
        match result {
            Ok(name) => {
                self.say(crate::i18n::words::F_THEME.fill(self.lang, &[&name]), false);
                self.theme = name;
            }
            Err(e) => self.say(e, true),
        }
    }
}

#[cfg(test)]
mod tests;
