//! What a player session starts with besides the course and the learner's progress, so that
//! `App::new` builds a complete session.

use super::keymap::Keymap;

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
