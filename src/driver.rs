//! The event loop: terminal events -> keymap -> `App::update` -> effects -> draw. The only module
//! that touches the real terminal, signals and the clock.

mod clipboard;
mod clock;
pub mod notes;
pub mod practice;
mod present;
pub mod session;
pub mod terminal;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use crossterm::event::{self, Event, KeyEventKind, KeyModifiers};
use signal_hook::consts::SIGHUP;

use crate::app::{Action, App, Effect};
use crate::render::Highlighter;
use crate::theme::{self, Theme};
use crate::ui::{self, Ctx};

/// How the player ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Quit,
    /// Ended by this signal; the process should exit with 128 + its number.
    Signal(i32),
}

/// What the loop needs besides the app.
pub struct Setup {
    pub theme: Theme,
    pub themes_dir: Option<PathBuf>,
    pub no_color: bool,
    pub progress: session::ProgressSetup,
    /// The channel to `k8s-course notes`, when presenting.
    pub presenter: Option<crate::present::Presenter>,
    /// Where `present` saves its lecture clock, so a restart goes on from it.
    pub lecture_clock: Option<crate::present::LectureClock>,
    /// The editor practice work files open in (`$VISUAL`, else `$EDITOR`), in words.
    pub editor: Option<Vec<String>>,
}

/// How often the loop wakes while something moves on its own: the narration playing, syntax
/// colours still loading, a follower that has not taken everything yet.
const TICK: Duration = Duration::from_millis(200);
/// The longest the loop sleeps with nothing on screen to change (signals and input wake it).
const IDLE: Duration = Duration::from_secs(60);

/// Runs the player until the learner quits or a signal ends it (a terminal that hangs up counts
/// as SIGHUP), then saves the learner's progress a last time. The terminal is restored on every
/// way out; the caller prints errors after this returns. The second value says why the last save
/// failed, if it did.
pub fn run(mut app: App, setup: Setup) -> (anyhow::Result<Exit>, Option<String>) {
    let Setup {
        theme,
        themes_dir,
        no_color,
        progress,
        mut presenter,
        lecture_clock,
        editor,
    } = setup;
    let mut session = session::Session::start(progress, &app);
    let looks = Looks {
        theme,
        themes_dir: themes_dir.as_deref(),
        no_color,
    };
    let presenting = presenter.as_mut().map(|p| present::Presenting::new(p, lecture_clock));
    let result = run_screen(&mut app, &mut session, looks, presenting, editor);
    let unsaved = session.finish(&mut app);
    (result, unsaved)
}

/// How the screen looks, and where to find another theme.
struct Looks<'a> {
    theme: Theme,
    themes_dir: Option<&'a Path>,
    no_color: bool,
}

fn run_screen(
    app: &mut App,
    session: &mut session::Session,
    looks: Looks<'_>,
    mut presenting: Option<present::Presenting<'_>>,
    editor: Option<Vec<String>>,
) -> anyhow::Result<Exit> {
    let mut looks = looks;
    let mut screen = terminal::start()?;
    let highlighter = Arc::new(Highlighter::new());
    let mut clock = clock::now_hhmm();
    let started = std::time::Instant::now();
    let mut last_second = 0;
    let mut dirty = true;
    // The practice work file on screen, looked at each time the loop wakes.
    let mut watcher = practice::Watcher::with_editor(editor);
    let mut warmed = false;
    // Whether the last frame had syntect available; when it becomes available, redraw in colour.
    let mut drawn_highlighted = false;
    loop {
        match screen.caught()? {
            terminal::Caught::Nothing => {}
            terminal::Caught::Resumed => dirty = true,
            terminal::Caught::Exit(sig) => return Ok(Exit::Signal(sig)),
        }
        // Lessons read in the background since the last turn (a course of many weeks).
        dirty |= app.receive_lessons();
        let before = app.flash.clone();
        session.tick(app);
        dirty |= watcher.look(app);
        dirty |= app.flash != before;
        // The narration and the lecture timer run on the session clock.
        let was_on_break = app.on_break();
        dirty |= app.tick(started.elapsed());
        dirty |= app.on_break() != was_on_break;
        if dirty {
            let ctx = Ctx {
                theme: &looks.theme,
                highlighter: &highlighter,
                clock: &clock,
            };
            drawn_highlighted = highlighter.is_ready();
            ui::render(&mut screen.term, app, &ctx)?;
            dirty = false;
            if !warmed {
                // Highlight every code block in the background once the first frame is up, so
                // no slide waits for syntect later.
                warm_up(app, &looks.theme, &highlighter);
                warmed = true;
            }
        }
        if let Some(p) = presenting.as_mut() {
            // Keys pressed in the notes window drive the presentation too.
            for command in p.channel.commands() {
                session.key(app);
                app.tick(started.elapsed());
                let effect = present::apply(app, command);
                perform(effect, app, session, &mut looks)?;
                dirty = true;
            }
            p.publish(app);
        }
        if dirty {
            continue;
        }
        // Sleep until an input, a signal, or the next time something shown changes.
        let moving = app.playback.as_ref().is_some_and(|p| p.is_playing())
            || !highlighter.is_ready()
            || presenting.as_ref().is_some_and(|p| p.channel.behind())
            || app.lessons_arriving();
        let timeout = [
            Some(clock::to_next_minute()),
            // The lecture timer shows seconds.
            app.timer.is_some().then(|| to_next_second(started.elapsed())),
            moving.then_some(TICK),
            app.watched().is_some().then_some(practice::WATCH),
            session.due_in(app),
            // An info message goes after a few seconds: one wake-up for it (a millisecond late,
            // so it has expired when the loop looks), then none.
            app.flash_expires_in().map(|d| d + Duration::from_millis(1)),
        ]
        .into_iter()
        .flatten()
        .fold(IDLE, Duration::min);
        let others = presenting.as_ref().map(|p| p.channel.wake_fds()).unwrap_or_default();
        // Not `event::poll`: see `terminal::Events`.
        let polled = screen.events.wait(timeout, &others);
        if polled == terminal::Polled::Gone {
            return Ok(Exit::Signal(SIGHUP));
        }
        if polled != terminal::Polled::Event {
            let now = clock::now_hhmm();
            if now != clock {
                clock = now;
                dirty = true;
            }
            dirty |= !drawn_highlighted && highlighter.is_ready();
            // The lecture clock and the narration bar show seconds.
            let second = started.elapsed().as_secs();
            if second != last_second {
                last_second = second;
                dirty |= app.timer.is_some() || app.playback.as_ref().is_some_and(|p| p.is_playing());
            }
            continue;
        }
        let effect = match event::read() {
            Ok(Event::Key(k)) if k.kind != KeyEventKind::Release => {
                dirty = true;
                session.key(app);
                app.tick(started.elapsed());
                if app.on_break().is_some() {
                    // Any key on the break card ends the break; it does nothing else.
                    app.dismiss_break();
                    Effect::None
                } else {
                    // Behind the too-small notice nothing can be seen: only quitting and
                    // suspending act, so no unseen view opens and no slide turns.
                    let seen = screen
                        .term
                        .size()
                        .is_ok_and(|s| s.width >= ui::MIN_WIDTH && s.height >= ui::MIN_HEIGHT);
                    on_key(app, &k, seen)
                }
            }
            Ok(Event::Resize(..)) => {
                dirty = true;
                Effect::None
            }
            Ok(_) => Effect::None,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => Effect::None,
            Err(e) => return Err(e).context("cannot read from the terminal"),
        };
        match effect {
            Effect::Quit => return Ok(Exit::Quit),
            Effect::Suspend => terminal::suspend(&mut screen.term)?,
            Effect::Work(work) => practice::perform(work, app, &mut watcher, &mut screen)?,
            effect => perform(effect, app, session, &mut looks)?,
        }
    }
}

/// What an update asked for that the app can't do itself, apart from quitting and suspending
/// (which only a key pressed here does): another learner, another theme, the clipboard, a lab file.
fn perform(effect: Effect, app: &mut App, session: &mut session::Session, looks: &mut Looks<'_>) -> anyhow::Result<()> {
    match effect {
        // The work file's IO needs the screen: the loop performs it.
        Effect::None | Effect::Quit | Effect::Suspend | Effect::Work(_) => {}
        Effect::SwitchLearner(name) => session.switch(&name, app),
        Effect::CopyCode(text) => clipboard::copy(&text)?,
        Effect::WriteCode { name, text } => {
            let written = session
                .lab_dir(app)
                .ok_or_else(|| "no data dir: set K8S_COURSE_DATA_DIR".to_string());
            app.code_written(written.and_then(|dir| {
                crate::progress::lab::write_new(&dir, &name, &text).map_err(|e| format!("{}: {e}", dir.display()))
            }));
        }
        Effect::LoadTheme(name) => match theme::load(&name, looks.themes_dir) {
            Ok(t) => {
                looks.theme = if looks.no_color { t.monochrome() } else { t };
                app.theme_changed(Ok(name));
            }
            Err(e) => app.theme_changed(Err(e)),
        },
    }
    Ok(())
}

/// One key press: an edit when a prompt is open (ctrl-c still quits), else the keymap's action.
fn on_key(app: &mut App, event: &crossterm::event::KeyEvent, seen: bool) -> Effect {
    if app.prompt.is_some() {
        if event.modifiers.contains(KeyModifiers::CONTROL) && event.code == event::KeyCode::Char('c') {
            return app.update(Action::Quit);
        }
        return match crate::keymap::event::edit(event) {
            Some(edit) => app.update(Action::Input(edit)),
            None => Effect::None,
        };
    }
    let action = crate::keymap::event::key(event).and_then(|k| {
        if app.focus.is_some() {
            app.keymap.selecting_action(&k)
        } else {
            app.keymap.action(&k)
        }
    });
    match action {
        Some(action) if seen || matches!(action, Action::Quit | Action::Suspend) => app.update(action),
        _ => Effect::None,
    }
}

/// From `elapsed` to the next whole second of it.
fn to_next_second(elapsed: Duration) -> Duration {
    // A millisecond late rather than early: poll(2) counts whole milliseconds, and waking just
    // before the second would only mean waking again.
    Duration::from_millis(1001).saturating_sub(Duration::from_nanos(u64::from(elapsed.subsec_nanos())))
}

fn warm_up(app: &App, theme: &Theme, highlighter: &Arc<Highlighter>) {
    // Monochrome and `syntax: none` themes don't highlight, but a later `:theme` may: load anyway.
    let syntax = theme
        .syntax_theme()
        .unwrap_or(crate::render::highlight::DEFAULT_THEME)
        .to_string();
    let blocks: Vec<(Option<String>, String)> = (app.course.lessons.iter())
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
