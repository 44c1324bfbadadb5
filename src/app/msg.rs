//! Everything that can change an [`App`](super::App), as one type: what the learner asked for and
//! what the outside world reports back (the clock, drawing, the driver's IO). `App::update` takes
//! a `Msg` and says what the driver must do and whether the screen must be drawn again.

use std::time::Duration;

use super::{Action, Drawn, Effect};
use crate::content::SlideIndex;
use crate::practice::Note;
use crate::progress::time::Unix;
use crate::progress::{Delta, Progress};

/// One thing that happened to a player session.
#[derive(Debug)]
pub enum Msg {
    /// The learner's intent: a key, a `:` command, the notes window's command.
    Do(Action),
    /// The session clock reads `.0`: the narration and the lecture timer act, an info message
    /// may expire. Sent on every wake of the loop and before each key.
    Tick(Duration),
    /// A key on the break card: the break ends early; the key does nothing else.
    DismissBreak,
    /// What the last frame found out about sizes (only drawing knows them).
    Drawn(Drawn),
    /// A flash message from the driver (a failed save, a note from the presenter's channel).
    Say { text: String, error: bool },
    /// The theme asked for is in use (its name), or why it could not be loaded.
    ThemeLoaded(Result<String, String>),
    /// Lessons read in the background may have arrived: take them.
    TakeLessons,
    /// Whole seconds studied on a slide, counted by the driver's clock.
    Spent {
        lesson: usize,
        slide: SlideIndex,
        secs: u64,
    },
    /// Note where the narration is, playing or not, so the next session starts there.
    RememberNarration,
    /// The driver saves now: the lesson shown was seen at `.0`; hand over what is pending
    /// ([`Effect::Save`]).
    TakePending(Unix),
    /// A save failed: its changes are pending again.
    SaveFailed(Delta),
    /// `:learner NAME` went through: `name`'s progress, read at `now`, replaces this learner's.
    LearnerOpened {
        name: String,
        progress: Progress,
        now: Unix,
    },
    /// A code block was written to the lab folder (its name and path), or why not.
    CodeWritten(Result<crate::progress::lab::Written, String>),
    /// The open exercise's work file changed on disk: its text, or why it can't be read.
    WorkChanged(Result<String, Note>),
    /// The editor on the work file exited (or could not start).
    EditorDone(Result<(), String>),
    /// What `kubectl apply` said (dry run or not) into namespace `ns`.
    ClusterDone {
        dry_run: bool,
        ns: String,
        result: Result<String, String>,
    },
    /// `k9s` exited (or could not start).
    K9sDone(Result<(), String>),
}

impl From<Action> for Msg {
    fn from(action: Action) -> Self {
        Msg::Do(action)
    }
}

/// What an update asks of the driver.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Update {
    /// What the app can't do itself.
    pub effect: Effect,
    /// Whether anything shown changed: the driver draws again only then.
    pub redraw: bool,
}

impl Update {
    /// Nothing to do, nothing shown changed.
    pub const NONE: Update = Update {
        effect: Effect::None,
        redraw: false,
    };

    /// An effect for the driver, and a new frame.
    pub(super) fn drawn(effect: Effect) -> Self {
        Update { effect, redraw: true }
    }

    /// No effect; a new frame when `redraw`.
    pub(super) fn redraw_if(redraw: bool) -> Self {
        Update {
            effect: Effect::None,
            redraw,
        }
    }
}
