//! `present`'s side of the notes window: what it is told (the presentation's state, with the
//! operator's messages the audience must not see) and what it asks for (any action of the player,
//! applied as a key pressed here would be).

use crate::app::{Action, App, Edit, Effect, Msg};
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
        if let (Some(clock), Some(timer)) = (self.clock.as_mut(), app.timer())
            && let Err(e) = clock.keep(timer.stretch_elapsed(app.now()))
        {
            let message = format!("{}: {e}", clock.path().display());
            let text = words::PRESENT_CLOCK_UNSAVED.get(app.lang()).replace("{why}", &message);
            app.update(Msg::Say { text, error: true });
            self.clock = None;
        }
    }
}

/// What the notes window is told: where the presentation is, and the presenter's last message
/// (which the audience view doesn't show).
pub(super) fn state(app: &App) -> State {
    let (playing, position_ms, speed) = match app.playback() {
        Some(p) => (p.is_playing(), p.position(app.now()).0, p.speed().to_string()),
        None => (false, 0, String::new()),
    };
    let (flash, flash_error) = app
        .flash()
        .as_ref()
        .map_or((String::new(), false), |f| (f.text.clone(), f.error));
    State {
        lesson: app.lesson(),
        slide: app.slide().0,
        playing,
        position_ms,
        speed,
        session: app
            .timer()
            .as_ref()
            .map(|t| t.header(app.now(), app.lang()))
            .unwrap_or_default(),
        flash,
        flash_error,
        selecting: app.focus().is_some(),
    }
}

/// Applies a command from the notes window as the same key pressed here would be: on the break
/// card it ends the break and does nothing else; otherwise it becomes the actions it names (a `:`
/// line or a filter is typed into this app's prompt: completion, history and errors as here, the
/// errors said as a message). Quitting and suspending stay with the window that asks: the
/// presentation goes on.
pub(super) fn apply(app: &mut App, command: Command) -> Effect {
    if app.on_break().is_some() {
        return app.update(Msg::DismissBreak).effect;
    }
    let actions = match command {
        Command::Next => vec![Action::NextSlide],
        Command::Prev => vec![Action::PrevSlide],
        Command::PlayPause => vec![Action::PlayPause],
        Command::Act(name) => crate::keymap::bindable(name).map(|e| e.act()).into_iter().collect(),
        // A `:` line typed in the notes window, as if typed here (completion, history, errors).
        Command::Run(line) => match crate::app::command::parse(&line, app.current_lesson(), app.lang()) {
            Ok(Action::Quit | Action::Suspend) => vec![Action::Quit],
            _ => typed(Action::CommandMode, &line),
        },
        // The filter typed in the notes window, as if typed here: `/`, the text, `enter`.
        Command::Find(text) => typed(Action::FilterMode, &text),
    };
    let mut effect = Effect::None;
    for action in actions {
        // The notes window quits and suspends itself: an effect of those is dropped here too.
        if matches!(action, Action::Quit | Action::Suspend) {
            let text = words::PRESENT_REMOTE_QUIT.get(app.lang()).to_string();
            app.update(Msg::Say { text, error: true });
            continue;
        }
        effect = match app.update(action).effect {
            Effect::Quit | Effect::Suspend => Effect::None,
            other => other,
        };
    }
    effect
}

/// Opening a prompt with `open`, typing `text` and pressing `enter`.
fn typed(open: Action, text: &str) -> Vec<Action> {
    std::iter::once(open)
        .chain(text.chars().map(|c| Action::Input(Edit::Insert(c))))
        .chain(std::iter::once(Action::Input(Edit::Submit)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{CourseSource, load_course};

    fn app() -> App {
        let course = load_course(&CourseSource::BuiltIn).course.expect("the built-in course");
        let setup = crate::app::Setup {
            lang: Some(crate::i18n::Lang::En),
            presenting: true,
            ..Default::default()
        };
        App::new(setup, course, Default::default())
    }

    #[test]
    fn commands_act_as_keys_and_lines_typed_here_would() {
        let mut app = app();
        assert_eq!(apply(&mut app, Command::Run("3.1".into())), Effect::None);
        assert_eq!(app.current_lesson().id_of(app.slide()), "3.1");
        apply(&mut app, Command::Act("first"));
        assert_eq!(app.slide().0, 0);
        apply(&mut app, Command::Act("next_slide"));
        assert_eq!(app.slide().0, 1);
        // K9s names complete as typed ones do: `:po` is the Pod slide.
        apply(&mut app, Command::Run("po".into()));
        assert_eq!(app.current_lesson().id_of(app.slide()), "2.2.1");
        apply(&mut app, Command::Run("1.1".into()));
        assert_eq!(
            apply(&mut app, Command::Run("theme light".into())),
            Effect::LoadTheme("light".into())
        );

        // A bad line is said to the notes window (through the state), not acted on.
        apply(&mut app, Command::Run("fly".into()));
        let said = state(&app);
        assert!(
            said.flash_error && said.flash.starts_with("unknown command 'fly'"),
            "{said:?}"
        );
        assert_eq!(app.slide().0, 1);

        // The presentation can't be quit or suspended from the notes window.
        for cmd in [Command::Run("q".into()), Command::Act("quit"), Command::Act("suspend")] {
            assert_eq!(apply(&mut app, cmd), Effect::None);
            assert!(state(&app).flash_error);
        }

        // `/` from the notes window filters here as if typed.
        apply(&mut app, Command::Find("falco".into()));
        let said = state(&app);
        assert!(said.flash.starts_with("match 1/"), "{said:?}");
        assert!(app.prompt().is_none(), "the filter was submitted");
    }
}
