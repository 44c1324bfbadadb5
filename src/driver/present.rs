//! `present`'s side of the notes window: what it is told (the presentation's state, with the
//! operator's messages the audience must not see) and what it asks for (any action of the player,
//! applied as a key pressed here would be).

use crate::app::{Action, App, Edit, Effect};
use crate::i18n::words;
use crate::present::{Command, LectureClock, Presenter, State};

/// `present`'s channel to the notes windows and its saved lecture clock.
pub(crate) struct Presenting<'a> {
    pub(crate) channel: &'a mut Presenter,
    clock: Option<LectureClock>,
}

impl<'a> Presenting<'a> {
    pub(crate) fn new(channel: &'a mut Presenter, clock: Option<LectureClock>) -> Self {
        Presenting { channel, clock }
    }

    /// Tells the notes windows where the presentation is, and saves the lecture clock when its
    /// stretch began anew. A clock that can't be saved is said once, then left alone.
    pub(crate) fn publish(&mut self, app: &mut App) {
        self.channel.publish(&state(app));
        if let (Some(clock), Some(timer)) = (self.clock.as_mut(), app.timer.as_ref())
            && let Err(e) = clock.keep(timer.stretch_elapsed(app.now))
        {
            let message = format!("{}: {e}", clock.path().display());
            app.say(
                words::PRESENT_CLOCK_UNSAVED.get(app.lang()).replace("{why}", &message),
                true,
            );
            self.clock = None;
        }
    }
}

/// What the notes window is told: where the presentation is, and the presenter's last message
/// (which the audience view doesn't show).
pub(super) fn state(app: &App) -> State {
    let (playing, position_ms, speed) = match &app.playback {
        Some(p) => (p.is_playing(), p.position(app.now).0, p.speed().to_string()),
        None => (false, 0, String::new()),
    };
    let (flash, flash_error) = app
        .flash
        .as_ref()
        .map_or((String::new(), false), |f| (f.text.clone(), f.error));
    State {
        lesson: app.lesson,
        slide: app.slide.0,
        playing,
        position_ms,
        speed,
        session: app
            .timer
            .as_ref()
            .map(|t| t.header(app.now, app.lang()))
            .unwrap_or_default(),
        flash,
        flash_error,
        selecting: app.focus.is_some(),
    }
}

/// Applies a command from the notes window as the same key pressed here would be: on the break
/// card it ends the break and does nothing else; otherwise it becomes the actions it names
/// (a `:` line is parsed against the lesson shown, its error said as a message). Quitting and
/// suspending stay with the window that asks: the presentation goes on.
pub(super) fn apply(app: &mut App, command: Command) -> Effect {
    if app.on_break().is_some() {
        app.dismiss_break();
        return Effect::None;
    }
    let actions = match command {
        Command::Next => vec![Action::NextSlide],
        Command::Prev => vec![Action::PrevSlide],
        Command::PlayPause => vec![Action::PlayPause],
        Command::Act(name) => crate::keymap::bindable(name).map(|e| e.act()).into_iter().collect(),
        Command::Run(line) => match crate::app::command::parse(&line, app.current_lesson(), app.lang()) {
            Ok(action) => vec![action],
            Err(e) => {
                app.say(e, true);
                return Effect::None;
            }
        },
        // The filter typed in the notes window, as if typed here: `/`, the text, `enter`.
        Command::Find(text) => std::iter::once(Action::FilterMode)
            .chain(text.chars().map(|c| Action::Input(Edit::Insert(c))))
            .chain(std::iter::once(Action::Input(Edit::Submit)))
            .collect(),
    };
    let mut effect = Effect::None;
    for action in actions {
        if matches!(action, Action::Quit | Action::Suspend) {
            let lang = app.lang();
            app.say(words::PRESENT_REMOTE_QUIT.get(lang), true);
            continue;
        }
        effect = app.update(action);
    }
    effect
}
