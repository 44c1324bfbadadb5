//! `k8s-course` with no subcommand: the full-screen player. Everything that can fail is loaded
//! before the terminal is touched (config, course, theme), and errors are printed after it is
//! restored.

use super::{Io, screen};
use crate::app::{self, App, Msg};
use crate::driver::session::ProgressSetup;
use crate::driver::{self, Setup};
use crate::progress::time::now;
use crate::progress::{Mode, Store};
use crate::settings::Settings;
use crate::theme;
use crate::timer::SessionTimer;

/// Who the full-screen player is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A learner: it opens where they stopped (unless `--from-start`).
    Learner,
    /// `k8s-course present`'s audience view: it opens on the title unless `resume`, and keeps the
    /// lecture clock across restarts.
    Presenter { resume: bool },
}

/// Runs the player for `role`; returns the process exit code (128 + n after signal n).
pub fn run(settings: &Settings, role: Role, io: &mut Io<'_>) -> std::io::Result<u8> {
    let presenting = matches!(role, Role::Presenter { .. });
    let no_terminal = "the player needs a terminal; `k8s-course list` and `k8s-course show ID` print to a pipe";
    let learner = match settings.learner() {
        Ok(l) => l,
        Err(e) => {
            writeln!(io.err, "k8s-course: {e}")?;
            return Ok(1);
        }
    };
    // The progress is read first, so that only the lesson the learner will see is read before
    // the first frame (the one `App::begin` resumes: the latest with a slide to return to); the
    // others follow in the background.
    let store = Store::new(settings.paths.data_dir.clone());
    let opened = store.open(&learner, now());
    let records = &opened.progress.lessons;
    // The audience sees the title first, unless the presenter asks to go on where it was.
    let from_start = settings.from_start || role == (Role::Presenter { resume: false });
    let pick: screen::Pick<'_> = Box::new(move |course_id: &str, ids: &[String]| {
        let last = records
            .iter()
            .filter(|((c, _), _)| c == course_id && !from_start)
            .filter(|(_, r)| r.last_slide.is_some())
            .filter_map(|((_, l), r)| Some((r.last_seen.max(r.last_opened)?, l)))
            .max_by_key(|(t, _)| *t)?;
        ids.iter().position(|id| id == last.1)
    });
    let Some(loaded) = screen::load(settings, io, Some(pick))? else {
        return Ok(1);
    };
    let lengths = match settings.lengths(&loaded.config) {
        Ok(d) => d,
        Err(e) => {
            writeln!(io.err, "k8s-course: {e}")?;
            return Ok(1);
        }
    };
    if !screen::is_terminal(settings, io, no_terminal)? {
        return Ok(1);
    }
    let lang = settings.lang_for(&loaded.course.language);
    let theme_flash = loaded.theme_flash(lang);
    let screen::Loaded {
        paths: _,
        config,
        course,
        rest,
        theme,
        theme_name,
        theme_problem,
        themes_dir,
        no_color,
    } = loaded;
    // `present`: its socket (bound below, before the terminal is touched) and the lecture clock
    // saved beside it by the last presenter, which a restart goes on from.
    let socket = if presenting {
        match crate::present::runtime_dir_in(settings.runtime_dir.clone()) {
            Ok(dir) => Some(crate::present::socket_path(&dir, &course.id)),
            Err(e) => {
                writeln!(io.err, "k8s-course: cannot present: {e}")?;
                return Ok(1);
            }
        }
    } else {
        None
    };
    let lecture_clock = socket.as_deref().map(crate::present::LectureClock::beside);
    let already = lecture_clock.as_ref().and_then(|c| c.read()).unwrap_or_default();
    let setup = app::Setup {
        lang: Some(lang),
        keymap: config.keymap,
        themes: theme::names(themes_dir.as_deref()),
        theme: if theme_problem.is_some() {
            "default".into()
        } else {
            theme_name
        },
        learner: learner.to_string(),
        lab_dir: settings.paths.data_dir.clone(),
        presenting,
        timer: Some(SessionTimer::resumed(lengths, std::time::Duration::ZERO, already)),
        rest: Some((settings.source.clone(), rest)),
        begin: Some(app::Begin { now: now(), from_start }),
        now: std::time::Duration::ZERO,
    };
    let mut app = App::new(setup, course, opened.progress);
    // The most important message wins the flash line: a problem with the files, then the resume.
    let mut say = |text: String| {
        app.update(Msg::Say { text, error: true });
    };
    if let Mode::ReadOnly(why) = &opened.mode {
        say(crate::i18n::words::F_NOT_SAVED.fill(lang, &[why]));
    }
    if let Some(n) = opened.notices.first() {
        say(n.clone());
    }
    if let Some(flash) = theme_flash {
        say(flash);
    }
    // `present`: the channel `k8s-course notes` follows, bound before the terminal is touched.
    let presenter = match socket.as_deref().map(crate::present::Presenter::bind) {
        Some(Ok(p)) => Some(p),
        Some(Err(e)) => {
            writeln!(io.err, "k8s-course: cannot present: {e}")?;
            return Ok(1);
        }
        None => None,
    };
    let setup = Setup {
        presenter,
        lecture_clock,
        editor: settings.editor.clone(),
        theme,
        themes_dir,
        no_color,
        progress: ProgressSetup {
            store,
            learner,
            mode: opened.mode,
        },
    };
    let (result, unsaved) = driver::run(app, setup);
    if let Some(e) = unsaved {
        writeln!(io.err, "k8s-course: progress not saved: {e}")?;
    }
    screen::exit_code(result, io)
}
