//! The player's loop on the terminal (also `present`'s audience view): it sleeps until an
//! [`Event`], turns it into a [`Msg`] for `App::update`, does what the update asks ([`Effect`]),
//! and draws only when an update, or something shown that isn't the app's (the time of day, code
//! colours arriving), changed.

use std::collections::VecDeque;
use std::os::fd::RawFd;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::events::{self, Event, Flow, Handler};
use super::present::Presenting;
use super::session::Session;
use super::terminal::{self, FullScreen};
use super::{Exit, Looks, clipboard, clock, practice};
use crate::app::{Action, App, Effect, Msg, Update};
use crate::render::Highlighter;
use crate::theme::{self, Theme};
use crate::ui::{self, Ctx};

/// How often the loop wakes while something moves on its own: the narration playing, syntax
/// colours still loading, a follower that has not taken everything yet.
const TICK: Duration = Duration::from_millis(200);
/// The longest the loop sleeps with nothing on screen to change (signals and input wake it).
const IDLE: Duration = Duration::from_secs(60);

/// One player session on the terminal.
pub(super) struct Player<'a> {
    app: &'a mut App,
    session: &'a mut Session,
    looks: Looks<'a>,
    presenting: Option<Presenting<'a>>,
    watcher: practice::Watcher,
    screen: FullScreen,
    highlighter: Arc<Highlighter>,
    started: Instant,
    /// Commands from the notes windows, taken from the socket and not answered yet.
    remote: VecDeque<crate::present::Command>,
    /// What the last frame showed that the app doesn't hold.
    shown: Shown,
}

/// The parts of a frame that change without the app: the time of day in the header, the code
/// colours (syntect loads in the background), and the second of the lecture clock.
struct Shown {
    /// The time of day drawn, and the minute it is of ([`clock::minute`]).
    clock: String,
    minute: u64,
    highlighted: bool,
    second: u64,
    /// Every code block was handed to syntect in the background once the first frame was up.
    warmed: bool,
}

impl<'a> Player<'a> {
    pub(super) fn new(
        app: &'a mut App,
        session: &'a mut Session,
        looks: Looks<'a>,
        presenting: Option<Presenting<'a>>,
        watcher: practice::Watcher,
    ) -> anyhow::Result<Self> {
        let minute = clock::minute();
        Ok(Player {
            app,
            session,
            looks,
            presenting,
            watcher,
            screen: terminal::start()?,
            highlighter: Arc::new(Highlighter::new()),
            started: Instant::now(),
            remote: VecDeque::new(),
            shown: Shown {
                clock: clock::hhmm(minute),
                minute,
                highlighted: false,
                second: 0,
                warmed: false,
            },
        })
    }

    /// Runs until the learner quits or a signal (or a hung-up terminal) ends the player.
    pub(super) fn run(mut self) -> anyhow::Result<Exit> {
        events::run(&mut self)
    }

    /// What happens on every turn of the loop, whatever woke it: lessons read in the background,
    /// progress counted and saved, the work file looked at, the clock moved on. True when
    /// something shown changed.
    fn take_in(&mut self) -> bool {
        let mut changed = self.app.update(Msg::TakeLessons).redraw;
        changed |= self.session.tick(self.app);
        changed |= self.watcher.look(self.app);
        changed | self.app.update(Msg::Tick(self.started.elapsed())).redraw
    }

    fn frame(&mut self) -> anyhow::Result<()> {
        let ctx = Ctx {
            theme: &self.looks.theme,
            highlighter: &self.highlighter,
            clock: &self.shown.clock,
        };
        self.shown.highlighted = self.highlighter.is_ready();
        self.shown.second = self.started.elapsed().as_secs();
        ui::render(&mut self.screen.term, self.app, &ctx)?;
        if !self.shown.warmed {
            // Highlight every code block in the background once the first frame is up, so no
            // slide waits for syntect later.
            warm_up(self.app, &self.looks.theme, &self.highlighter);
            self.shown.warmed = true;
        }
        Ok(())
    }

    /// How long the loop may sleep: until an input, a signal, or the next time something shown
    /// changes.
    fn sleep(&self) -> Duration {
        let app = &*self.app;
        let playing = app.playback().is_some_and(|p| p.is_playing());
        let moving = playing
            || !self.highlighter.is_ready()
            || self.presenting.as_ref().is_some_and(|p| p.channel.behind())
            || app.lessons_arriving();
        let elapsed = self.started.elapsed();
        [
            Some(clock::to_next_minute()),
            // The lecture timer shows seconds.
            app.timer().is_some().then(|| to_next_second(elapsed)),
            moving.then_some(TICK),
            app.watched().is_some().then_some(practice::WATCH),
            self.session.due_in(app),
            // An info message goes after a few seconds: one wake-up for it (a millisecond late,
            // so it has expired when the loop looks), then none.
            app.flash_expires_in().map(|d| d + Duration::from_millis(1)),
        ]
        .into_iter()
        .flatten()
        .fold(IDLE, Duration::min)
    }

    /// Woken with no key: whether something shown that the app doesn't hold changed.
    fn shown_changed(&mut self) -> bool {
        let mut changed = false;
        let minute = clock::minute();
        if minute != self.shown.minute {
            self.shown.minute = minute;
            let now = clock::hhmm(minute);
            changed = now != self.shown.clock;
            self.shown.clock = now;
        }
        changed |= !self.shown.highlighted && self.highlighter.is_ready();
        // The lecture clock and the narration bar show seconds.
        let ticking = self.app.timer().is_some() || self.app.playback().is_some_and(|p| p.is_playing());
        changed | (ticking && self.started.elapsed().as_secs() != self.shown.second)
    }

    /// One key pressed here. None when it quits the player, else whether to draw again.
    fn key(&mut self, key: &KeyEvent) -> anyhow::Result<Option<bool>> {
        let ticked = self.learner_acts();
        let update = if self.app.on_break().is_some() {
            // Any key on the break card ends the break; it does nothing else.
            self.app.update(Msg::DismissBreak)
        } else {
            // Behind the too-small notice nothing can be seen: only quitting and suspending
            // act, so no unseen view opens and no slide turns.
            let size = self.screen.term.size();
            let seen = size.is_ok_and(|s| s.width >= ui::MIN_WIDTH && s.height >= ui::MIN_HEIGHT);
            match action_for(self.app, key, seen) {
                Some(action) => self.app.update(action),
                // A key bound to nothing changes nothing.
                None => Update::NONE,
            }
        };
        match update.effect {
            Effect::Quit => return Ok(None),
            Effect::Suspend => terminal::suspend(&mut self.screen.term)?,
            Effect::Work(work) => practice::perform(work, self.app, &mut self.watcher, &mut self.screen)?,
            effect => self.perform(effect)?,
        }
        Ok(Some(ticked || update.redraw))
    }

    /// A key here or a command from a notes window: the learner (or presenter) is here, and the
    /// clock is brought up to now before the key acts. True when that changed something shown.
    fn learner_acts(&mut self) -> bool {
        self.session.key(self.app);
        self.app.update(Msg::Tick(self.started.elapsed())).redraw
    }

    /// A command from a notes window, applied as the same key pressed here would be (quitting
    /// and suspending stay with the window that asks).
    fn remote_command(&mut self, command: crate::present::Command) -> anyhow::Result<Option<bool>> {
        self.learner_acts();
        let effect = super::present::apply(self.app, command);
        self.perform(effect)?;
        Ok(Some(true))
    }

    /// What an update asked for that the app can't do itself, apart from quitting, suspending
    /// and the work file (which need the screen): another learner, another theme, the clipboard,
    /// a lab file.
    fn perform(&mut self, effect: Effect) -> anyhow::Result<()> {
        let app = &mut *self.app;
        match effect {
            // A save is asked for by the session, which hands it to its saver.
            Effect::None | Effect::Quit | Effect::Suspend | Effect::Work(_) | Effect::Save(_) => {}
            Effect::SwitchLearner(name) => self.session.switch(&name, app),
            Effect::CopyCode(text) => clipboard::copy(&text)?,
            Effect::WriteCode { name, text } => {
                let written = (self.session.lab_dir(app))
                    .ok_or_else(|| "no data dir: set K8S_COURSE_DATA_DIR".to_string())
                    .and_then(|dir| {
                        crate::progress::lab::write_new(&dir, &name, &text)
                            .map_err(|e| format!("{}: {e}", dir.display()))
                    });
                app.update(Msg::CodeWritten(written));
            }
            Effect::LoadTheme(name) => {
                let looks = &mut self.looks;
                let loaded = theme::load(&name, looks.themes_dir).map(|t| {
                    looks.theme = if looks.no_color { t.monochrome() } else { t };
                    name
                });
                app.update(Msg::ThemeLoaded(loaded));
            }
        }
        Ok(())
    }
}

impl Handler for Player<'_> {
    fn screen(&mut self) -> &mut FullScreen {
        &mut self.screen
    }

    fn chores(&mut self) -> anyhow::Result<bool> {
        Ok(self.take_in())
    }

    fn draw(&mut self) -> anyhow::Result<()> {
        self.frame()
    }

    /// After each frame the notes windows are told where the presentation is, and what they
    /// asked for is taken from the socket, to be answered before the loop sleeps.
    fn pending(&mut self) -> Option<Event> {
        if let Some(p) = self.presenting.as_mut() {
            p.publish(self.app);
            self.remote.extend(p.channel.commands());
        }
        self.remote.pop_front().map(Event::Remote)
    }

    fn wait(&self) -> (Duration, Vec<RawFd>) {
        let others = (self.presenting.as_ref())
            .map(|p| p.channel.wake_fds())
            .unwrap_or_default();
        (self.sleep(), others)
    }

    fn on(&mut self, event: Event) -> anyhow::Result<Flow> {
        let answered = match event {
            Event::End(exit) => return Ok(Flow::Exit(exit)),
            Event::Redraw => Some(true),
            Event::Wake => Some(self.shown_changed()),
            Event::Key(key) => self.key(&key)?,
            Event::Remote(command) => self.remote_command(command)?,
        };
        Ok(match answered {
            Some(redraw) => Flow::Go { redraw },
            None => Flow::Exit(Exit::Quit),
        })
    }
}

/// The action of one key press: an edit when a prompt is open (ctrl-c still quits), else the
/// keymap's action (the selecting keys while a diagram component is selected). Behind the
/// too-small notice (`seen` false) only quitting and suspending act.
fn action_for(app: &App, event: &KeyEvent, seen: bool) -> Option<Action> {
    if app.prompt().is_some() {
        if event.modifiers.contains(KeyModifiers::CONTROL) && event.code == KeyCode::Char('c') {
            return Some(Action::Quit);
        }
        return crate::keymap::event::edit(event).map(Action::Input);
    }
    let key = crate::keymap::event::key(event)?;
    let action = if app.focus().is_some() {
        app.keymap().selecting_action(&key)
    } else {
        app.keymap().action(&key)
    }?;
    (seen || matches!(action, Action::Quit | Action::Suspend)).then_some(action)
}

/// From `elapsed` to the next whole second of it.
fn to_next_second(elapsed: Duration) -> Duration {
    // A millisecond late rather than early: poll(2) counts whole milliseconds, and waking just
    // before the second would only mean waking again.
    Duration::from_millis(1001).saturating_sub(Duration::from_nanos(u64::from(elapsed.subsec_nanos())))
}

/// Highlights every code block of the course on a background thread, so no slide waits for
/// syntect later.
fn warm_up(app: &App, theme: &Theme, highlighter: &Arc<Highlighter>) {
    // Monochrome and `syntax: none` themes don't highlight, but a later `:theme` may: load anyway.
    let syntax = theme
        .syntax_theme()
        .unwrap_or(crate::render::highlight::DEFAULT_THEME)
        .to_string();
    let blocks: Vec<(Option<String>, String)> = (app.course().lessons.iter())
        .flat_map(|l| l.slides().flat_map(|(_, s)| s.code_blocks()))
        .map(|c| (c.lang.clone(), c.text.clone()))
        .collect();
    let h = Arc::clone(highlighter);
    std::thread::spawn(move || {
        h.preload();
        for (lang, text) in blocks {
            h.highlight(lang.as_deref(), &text, &syntax);
        }
    });
}
