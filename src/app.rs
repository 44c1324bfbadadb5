//! The state of one player session, and the one place it changes (`App::update`).
//!
//! No terminal code: the driver turns key presses into [`Action`]s and performs the [`Effect`]s that
//! `update` returns, and the UI only reads an `App`. So the state machine is tested without a terminal.

pub mod action;
pub mod command;
pub mod copy;
pub mod focus;
mod help_filter;
pub mod keymap;
mod lazy;
pub mod lecture;
pub mod lessons;
mod matches;
pub mod msg;
mod narration;
pub mod practice;
pub mod progress;
pub mod prompt;
mod reading;
pub mod registry;
pub mod search;
mod typing;
pub mod view;

pub use action::{Action, Effect};
pub use msg::{Msg, Update};
pub use prompt::{Edit, Prompt, PromptKind};
pub use view::{TocRow, View};

use crate::content::{Course, Lesson, SlideIndex};
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

/// What a session starts with besides the course and the learner's progress.
#[derive(Debug, Default)]
pub struct Setup {
    /// The language of the program's own words (`--lang`, `LANG`); None: the course's.
    pub lang: Option<crate::i18n::Lang>,
    pub keymap: Keymap,
    /// The theme in use ("default" when empty) and every theme that can be chosen.
    pub theme: String,
    pub themes: Vec<String>,
    pub learner: String,
    /// The data directory, whose `lab/` holds practice work files (None: no lab, checks still run).
    pub lab_dir: Option<std::path::PathBuf>,
    /// The audience view of `k8s-course present`.
    pub presenting: bool,
    /// The lecture/break timer, when the session has one.
    pub timer: Option<crate::timer::SessionTimer>,
    /// The lessons not read yet (index, folder), read in the background from this source.
    pub rest: Option<(crate::content::CourseSource, Vec<(usize, String)>)>,
    /// Open where the learner was; None: on the first slide, without a word.
    pub begin: Option<Begin>,
    /// The session clock at the start (tests start later in a lecture).
    pub now: std::time::Duration,
}

/// How a session opens for a learner with a past.
#[derive(Debug, Clone, Copy)]
pub struct Begin {
    /// The wall-clock time now, for "last opened".
    pub now: crate::progress::time::Unix,
    /// Open on the first slide anyway (`--from-start`, a presenter's new lecture).
    pub from_start: bool,
}

/// What the player shows and where the learner is.
#[derive(Debug)]
pub struct App {
    course: Course,
    /// Index into `course.lessons`.
    lesson: usize,
    slide: SlideIndex,
    /// Lines scrolled down within the current slide.
    scroll: usize,
    /// Views open over the slide; the last is shown.
    views: Vec<View>,
    prompt: Option<Prompt>,
    /// The selected diagram component, while selecting.
    focus: Option<Focus>,
    /// Time since the session started, set by the driver before each update (tests set it).
    now: std::time::Duration,
    /// The narration timeline of the current lesson (None without a script).
    playback: Option<crate::playback::Playback>,
    /// The lecture/break timer, when the session has one.
    timer: Option<crate::timer::SessionTimer>,
    /// The audience view of `k8s-course present`: the slide, large, and little else.
    presenting: bool,
    /// The header is hidden (ctrl-e), leaving its rows to the slide.
    header_hidden: bool,
    /// Whether the narration has been played this session (the timeline bar shows from then on).
    played: bool,
    /// Subtitles (the spoken segment over the timeline bar) are shown; on by default.
    subtitles: bool,
    /// The narration was playing when the break card came up: it plays on after the break.
    resume_after_break: bool,
    search: Option<Search>,
    flash: Option<Flash>,
    /// Commands typed, oldest first.
    history: Vec<String>,
    keymap: Keymap,
    /// The theme in use and every theme that can be chosen (for completion).
    theme: String,
    themes: Vec<String>,
    learner: String,
    /// The data directory, whose `lab/` holds practice work files (None: no lab, checks still run).
    lab_dir: Option<std::path::PathBuf>,
    /// The practice exercise open in the player.
    practice: Option<practice::Open>,
    /// The language of the program's own words (`--lang`, `LANG`, else the course's).
    lang: crate::i18n::Lang,
    /// What the learner has done, as this session sees it; the driver saves what is pending.
    progress: crate::progress::Tracker,
    index: search::Index,
    toc: Vec<TocRow>,
    /// Lessons still being read (a course of many weeks opens before they all are).
    lazy: lazy::Lazy,
    drawn: Drawn,
    /// A search hit to scroll into view once the slide is drawn (its occurrence on the slide).
    reveal: Option<usize>,
    /// `→` on a lesson's last slide said the next lesson follows: another `→` opens it.
    next_lesson_armed: bool,
    /// What `/` in help filters its rows by, once `enter` kept it (see `help_filter`).
    help_filter: Option<String>,
    /// Wall-clock time when the session began (`now` counts from here), for "last opened".
    started: crate::progress::time::Unix,
}

impl App {
    /// A session on `course` for the learner `setup` names, with their `progress`: on the first
    /// slide of the first lesson, or where they were (see [`Setup::begin`]). A loaded course
    /// always has a lesson.
    pub fn new(setup: Setup, course: Course, progress: crate::progress::Progress) -> Self {
        let index = search::Index::build(&course);
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
            lesson: 0,
            slide: SlideIndex(0),
            scroll: 0,
            views: Vec::new(),
            prompt: None,
            focus: None,
            now: setup.now,
            playback,
            timer: setup.timer,
            presenting: setup.presenting,
            header_hidden: false,
            played: false,
            subtitles: true,
            resume_after_break: false,
            search: None,
            flash: None,
            history: Vec::new(),
            keymap: setup.keymap,
            theme,
            themes: setup.themes,
            learner: setup.learner,
            lab_dir: setup.lab_dir,
            practice: None,
            lang,
            progress: crate::progress::Tracker::new(progress),
            index,
            toc,
            lazy: lazy::Lazy::default(),
            drawn: Drawn::default(),
            reveal: None,
            next_lesson_armed: false,
            help_filter: None,
            started: 0,
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

    /// The language the program speaks to this learner (its own words; course text is as written).
    pub fn lang(&self) -> crate::i18n::Lang {
        self.lang
    }

    pub fn current_lesson(&self) -> &Lesson {
        &self.course.lessons[self.lesson]
    }

    pub fn view(&self) -> Option<&View> {
        self.views.last()
    }

    pub fn toc_rows(&self) -> &[TocRow] {
        &self.toc
    }

    /// The key bound to `action` as messages name it (rebound keys included), else `fallback`.
    pub(crate) fn key_name(&self, action: &Action, fallback: &str) -> String {
        self.keymap.hint(action).unwrap_or_else(|| fallback.to_string())
    }

    /// Sets the flash line: an info message, or an error when `error`.
    fn say(&mut self, text: impl Into<String>, error: bool) {
        self.flash = Some(Flash {
            text: crate::text::clean_line(&text.into()),
            error,
            said_at: self.now,
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
                self.progress.seen(&key, now);
                Update {
                    effect: Effect::Save(self.progress.take_pending()),
                    redraw: false,
                }
            }
            Msg::SaveFailed(delta) => {
                self.progress.restore(delta);
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
        let armed = std::mem::take(&mut self.next_lesson_armed);
        let reset_armed = self.take_reset_armed();
        let apply_armed = self.take_apply_armed();
        match action {
            Action::NextSlide => self.next_slide(armed),
            Action::PrevSlide => self.go(self.lesson, SlideIndex(self.slide.0.saturating_sub(1))),
            Action::Down => self.move_by(1),
            Action::Up => self.move_by(-1),
            Action::HalfPageDown => self.move_by((self.drawn.page / 2).max(1) as isize),
            Action::HalfPageUp => self.move_by(-((self.drawn.page / 2).max(1) as isize)),
            Action::First => match self.views.last_mut() {
                Some(v) => *v.position_mut() = 0,
                None => self.go(self.lesson, SlideIndex(0)),
            },
            Action::Last => match self.views.last().copied() {
                Some(v) => {
                    let end = self.view_end(&v);
                    if let Some(v) = self.views.last_mut() {
                        *v.position_mut() = end;
                    }
                }
                None => self.go(self.lesson, SlideIndex(usize::MAX)),
            },
            Action::Enter => {
                if let Some(View::Practice { selected }) = self.views.last().copied() {
                    return self.practice_open(selected);
                }
                if let Some(View::Exercise { .. }) = self.views.last() {
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
                self.help_filter = None;
                self.open(View::Help { scroll: 0 });
            }
            Action::ToggleBookmark => self.toggle_bookmark(),
            Action::ToggleHeader => self.header_hidden = !self.header_hidden,
            Action::Bookmarks => self.open(View::Bookmarks { selected: 0 }),
            Action::Lessons => self.open(View::Lessons { selected: self.lesson }),
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
            Action::CommandMode => self.prompt = Some(Prompt::new(PromptKind::Command)),
            Action::FilterMode if self.help_open() => self.prompt = Some(Prompt::new(PromptKind::Filter)),
            Action::FilterMode => {
                self.prompt = Some(Prompt::new(PromptKind::Filter));
                self.search = None;
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

    /// The driver reports what drawing found out: scroll limits, page size and match lines.
    /// Returns true when the app changed and wants another frame (a search hit was scrolled to).
    fn after_draw(&mut self, drawn: Drawn) -> bool {
        let max = drawn.max_scroll;
        let mut changed = false;
        if let Some(occurrence) = self.reveal.take()
            && self.views.is_empty()
            && let Some(line) = drawn.match_lines.get(occurrence).or(drawn.match_lines.last())
        {
            let target = line.saturating_sub(2).min(max);
            changed = target != self.scroll;
            self.scroll = target;
        }
        // Keep the selected diagram component on screen.
        if let Some(line) = drawn.focus_line.filter(|_| self.views.is_empty() && drawn.page > 0) {
            let target = if line < self.scroll {
                line
            } else if line + 3 > self.scroll + drawn.page {
                (line + 3).saturating_sub(drawn.page)
            } else {
                self.scroll
            };
            changed |= target.min(max) != self.scroll;
            self.scroll = target.min(max);
        }
        // The narration view marks the segment being spoken and keeps the marked one in view.
        changed |= self.keep_marked_in_view(&drawn);
        match self.views.last_mut() {
            Some(View::Narration { .. }) => {}
            Some(v) if !v.is_list() => *v.position_mut() = (*v.position_mut()).min(max),
            Some(_) => {}
            None => {
                self.scroll = self.scroll.min(max);
                // The slide's last line is on screen: it has been read to the end.
                if drawn.page > 0 && self.scroll >= max {
                    self.completed();
                }
            }
        }
        self.drawn = drawn;
        changed
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

    /// A slide change the learner asked for: playback pauses and will resume from there.
    fn go(&mut self, lesson: usize, index: SlideIndex) {
        self.move_to(lesson, index);
        let (now, slide) = (self.now, self.slide);
        if let Some(p) = &mut self.playback {
            p.seek_to_slide(slide, now);
        }
        self.note_narration();
    }

    /// Shows another slide (the learner's move, or the narration's).
    fn move_to(&mut self, lesson: usize, index: SlideIndex) {
        let lesson = lesson.min(self.course.lessons.len().saturating_sub(1));
        if !self.ensure_loaded(lesson) {
            return;
        }
        let last = self.course.lessons[lesson].slide_count().saturating_sub(1);
        let index = SlideIndex(index.0.min(last));
        let other_lesson = lesson != self.lesson;
        if other_lesson {
            // Each lesson keeps its own narration place and speed.
            self.note_narration();
            self.playback = crate::playback::Playback::new(&self.course.lessons[lesson]);
        }
        if index != self.slide || lesson != self.lesson {
            self.lesson = lesson;
            self.slide = index;
            self.scroll = 0;
            self.reveal = None;
            self.focus = None;
            self.visited();
            // Views about the slide follow it, from their top.
            for v in &mut self.views {
                if let View::Narration { scroll, .. } = v {
                    *scroll = 0;
                }
                if !v.is_list() && !matches!(v, View::Help { .. }) {
                    *v.position_mut() = 0;
                }
            }
        }
        if other_lesson {
            self.restore_narration();
        }
    }

    fn goto(&mut self, id: &str) {
        let found = self
            .current_lesson()
            .resolve(id)
            .map(|i| (self.lesson, i))
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
                self.views.clear();
                self.go(lesson, index);
            }
            None => self.say(
                crate::i18n::words::F_NO_SLIDE.fill(self.lang, &[&crate::text::clean_line(id)]),
                true,
            ),
        }
    }

    /// Opens `view` over the current one, unless it is already showing.
    fn open(&mut self, view: View) {
        if self.views.last().map(std::mem::discriminant) != Some(std::mem::discriminant(&view)) {
            self.views.push(view);
        }
    }

    fn back(&mut self) {
        if let Some(view) = self.views.pop() {
            match view {
                View::Help { .. } => self.help_filter = None,
                View::Exercise { .. } => self.practice_clock(),
                _ => {}
            }
            return;
        }
        if self.focus.take().is_some() {
            return;
        }
        if self.search.take().is_some() {
            self.say(crate::i18n::words::F_SEARCH_CLEARED.get(self.lang), false);
        }
    }

    /// The last position of a view: its last row, or its furthest scroll.
    fn view_end(&self, view: &View) -> usize {
        match view {
            View::Toc { .. } => self.toc.len().saturating_sub(1),
            View::Results { .. } => self.hits().len().saturating_sub(1),
            View::Bookmarks { .. } => self.bookmarks().len().saturating_sub(1),
            View::Lessons { .. } => self.course.lessons.len().saturating_sub(1),
            View::Code { .. } => self.code_blocks().len().saturating_sub(1),
            View::Narration { .. } => self.current_lesson().segments_of(self.slide).len().saturating_sub(1),
            View::Practice { .. } => self.current_lesson().exercises.len().saturating_sub(1),
            _ => self.drawn.max_scroll,
        }
    }

    fn move_by(&mut self, delta: isize) {
        if let Some(View::Narration { .. }) = self.views.last() {
            // Line by line through a segment taller than the pane, then on to the next segment.
            for _ in 0..delta.unsigned_abs() {
                self.narration_step(delta > 0);
            }
            return;
        }
        let top = self.views.last().copied();
        let end = match &top {
            Some(v) => self.view_end(v),
            None => self.drawn.max_scroll,
        };
        let target = |pos: usize| pos.saturating_add_signed(delta).min(end);
        match self.views.last_mut() {
            Some(v) => *v.position_mut() = target(*v.position_mut()),
            None => self.scroll = target(self.scroll),
        }
    }

    fn enter(&mut self) {
        match self.views.last().copied() {
            Some(View::Toc { selected }) => {
                if let Some(row) = self.toc.get(selected).copied() {
                    let (lesson, slide) = row.target(&self.course);
                    self.views.clear();
                    self.go(lesson, slide);
                }
            }
            Some(View::Results { selected }) => self.jump_to_hit(selected),
            Some(View::Lessons { selected }) => self.open_lesson(selected),
            Some(View::Bookmarks { selected }) => {
                if let Some(index) = self.bookmarks().get(selected).copied() {
                    self.views.clear();
                    self.go(self.lesson, index);
                }
            }
            Some(View::Narration { selected, .. }) => self.play_marked(selected),
            None if self.focus.is_some() => self.play_mention(),
            _ => {}
        }
    }

    fn current_toc_row(&self) -> usize {
        let here = TocRow::Slide {
            lesson: self.lesson,
            slide: self.slide,
        };
        self.toc.iter().position(|r| *r == here).unwrap_or(0)
    }
}

#[cfg(test)]
mod tests;
