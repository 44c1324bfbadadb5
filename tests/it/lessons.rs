//! A course of many weeks, player side: the player opens the lesson the learner was in last,
//! `:lessons` (`:ls`) lists the lessons and `enter` opens one, `:lesson NAME` too, and `→` on a
//! lesson's last slide says the next lesson follows before a second `→` goes there.

use std::fs;
use std::path::{Path, PathBuf};

use k8s_course::app::{Action, App, Begin, Effect, Msg, Setup, View};
use k8s_course::content::{CourseSource, SlideIndex, load_course};
use k8s_course::progress::Progress;

use crate::screen::{command, screen};
use crate::support::{BIN, PROMPT, Sandbox, Tmux, copy_corpus_weeks, copy_dir, last_line, require, sh_quote};

/// The built-in week and three corpus weeks, in that order.
pub(crate) fn course(root: &Path) -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let c = root.join("course");
    copy_dir(&manifest.join("course/week07-docker-kubernetes"), &c.join("week07"));
    copy_corpus_weeks(&c);
    fs::write(
        c.join("course.yaml"),
        "id: c\ntitle: 과정\nlessons:\n  - week07\n  - w05\n  - w06\n  - c8w06\n",
    )
    .unwrap();
    c
}

const NOON: i64 = 1_780_000_000;

/// The player on the four-week course, begun at `NOON` with `progress`.
fn app_with(dir: &Path, progress: Progress, now: i64) -> App {
    let course = load_course(&CourseSource::Dir(dir.to_path_buf()))
        .course
        .expect("the course loads");
    let setup = Setup {
        themes: Vec::new(),
        begin: Some(Begin { now, from_start: false }),
        ..crate::screen::setup()
    };
    App::new(setup, course, progress)
}

fn flash(app: &App) -> String {
    app.flash().as_ref().map(|f| f.text.clone()).unwrap_or_default()
}

#[test]
fn lessons_lists_every_week_and_enter_opens_one() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = app_with(&course(tmp.path()), Progress::default(), NOON);
    assert_eq!(app.lesson(), 0, "a new learner starts at the first lesson");
    command(&mut app, "lessons");
    assert_eq!(app.view(), Some(&View::Lessons { selected: 0 }));
    insta::assert_snapshot!("lessons_list", screen(&mut app, 120, 14));

    app.update(Action::Down);
    app.update(Action::Down);
    app.update(Action::Enter);
    assert_eq!((app.lesson(), app.slide(), app.view()), (2, SlideIndex(0), None));
    assert!(flash(&app).starts_with("lesson 3 of 4: "), "{}", flash(&app));

    // `:ls` is the same list, on the lesson shown.
    command(&mut app, "ls");
    assert_eq!(app.view(), Some(&View::Lessons { selected: 2 }));
    app.update(Action::Back);
    assert_eq!(app.view(), None);
}

#[test]
fn lesson_by_name_or_number_and_unknown_names_are_explained() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = app_with(&course(tmp.path()), Progress::default(), NOON);
    command(&mut app, "lesson w05");
    assert_eq!(app.current_lesson().id, "w05");
    command(&mut app, "lesson 4");
    assert_eq!(app.current_lesson().id, "c8w06");
    command(&mut app, "lesson nowhere");
    assert_eq!(app.current_lesson().id, "c8w06");
    assert_eq!(flash(&app), "no lesson 'nowhere': :lessons lists them");
    // A command word typed whole runs as typed: `:lesson` alone explains its missing argument.
    command(&mut app, "lesson");
    assert_eq!(
        flash(&app),
        ":lesson needs a lesson, e.g. :lesson 2 (:lessons lists them)"
    );
    command(&mut app, "lesson 9");
    assert!(app.flash().as_ref().is_some_and(|f| f.error), "no ninth lesson");
}

#[test]
fn right_on_the_last_slide_says_the_next_lesson_follows_then_goes() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = app_with(&course(tmp.path()), Progress::default(), NOON);
    app.update(Action::Last);
    let last = app.slide();
    app.update(Action::NextSlide);
    assert_eq!((app.lesson(), app.slide()), (0, last), "the first → stays");
    let next_title = app.course().lessons[1].title.clone();
    assert!(
        flash(&app).starts_with("end of this lesson: right again opens the next"),
        "{}",
        flash(&app)
    );
    assert!(flash(&app).contains(&next_title), "{}", flash(&app));

    // Anything in between disarms it.
    app.update(Action::Down);
    app.update(Action::NextSlide);
    assert_eq!((app.lesson(), app.slide()), (0, last));
    app.update(Action::NextSlide);
    assert_eq!(
        (app.lesson(), app.slide()),
        (1, SlideIndex(0)),
        "the second → opens the next lesson"
    );
    assert!(flash(&app).starts_with("lesson 2 of 4: "), "{}", flash(&app));
    // ← goes back within the lesson only.
    app.update(Action::PrevSlide);
    assert_eq!(app.lesson(), 1);

    // On the course's last slide, → stays.
    command(&mut app, "lesson 4");
    app.update(Action::Last);
    let end = app.slide();
    app.update(Action::NextSlide);
    app.update(Action::NextSlide);
    assert_eq!((app.lesson(), app.slide()), (3, end));
}

#[test]
fn the_player_reopens_the_lesson_the_learner_was_in_last() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = course(tmp.path());
    let mut app = app_with(&dir, Progress::default(), NOON);
    command(&mut app, "lesson w06");
    app.update(Action::NextSlide);
    let slide = app.current_lesson().id_of(app.slide());
    let mut saved = Progress::default();
    let Effect::Save(delta) = app.update(Msg::TakePending(NOON)).effect else {
        panic!("a save is asked for")
    };
    saved.apply(&delta);

    let again = app_with(&dir, saved.clone(), NOON + 600);
    assert_eq!(again.current_lesson().id, "w06");
    assert_eq!(again.current_lesson().id_of(again.slide()), slide);
    assert!(flash(&again).starts_with("resumed at "), "{}", flash(&again));
    // Each lesson keeps its own place: opening week07 again starts it where it was left.
    let mut again = again;
    command(&mut again, "lesson week07");
    assert_eq!(again.slide(), SlideIndex(0));
}

/// An interactive bash in a 100x30 terminal, at its prompt.
fn shell(label: &str, sandbox: &Sandbox) -> Tmux {
    require("bash");
    let mut argv = sandbox.env_argv();
    argv.extend(["bash", "--norc", "--noprofile", "-i"].map(String::from));
    let tmux = Tmux::start(label, 100, 30, &argv);
    tmux.wait_until("the shell prompt", |s| last_line(s) == PROMPT.trim_end());
    tmux
}

fn quit(tmux: &Tmux) {
    tmux.type_line(":q");
    tmux.wait_until("EXIT=0 and the prompt", |s| {
        s.lines().any(|l| l.trim_end() == "EXIT=0") && last_line(s) == PROMPT.trim_end()
    });
    tmux.run(&["send-keys", "clear", "Enter"]);
    tmux.wait_until("a clear screen", |s| !s.contains("EXIT=0"));
}

#[test]
fn e2e_lessons_open_quit_reopen_and_cross_a_lesson_boundary() {
    let sandbox = Sandbox::new();
    let dir = course(sandbox.root());
    let tmux = shell("lessons", &sandbox);
    let start = format!(
        "{} --course {}; echo \"EXIT=$?\"",
        sh_quote(BIN),
        sh_quote(&dir.to_string_lossy())
    );
    tmux.type_line(&start);
    tmux.wait_for(&["slide(title)[1/14]"]);

    tmux.type_line(":lessons");
    tmux.wait_for(&["lessons(과정)[4]", "w05", "c8w06"]);
    tmux.keys(&["Down", "Down", "Enter"]);
    tmux.wait_for(&["lesson 3 of 4"]);
    tmux.keys(&["Space"]);
    let screen = tmux.wait_for(&["[2/"]);
    assert!(!screen.contains("lessons(과정)"), "the list closed:\n{screen}");
    quit(&tmux);

    // Reopened on the same lesson and slide.
    tmux.type_line(&start);
    tmux.wait_for(&["resumed at", "[2/"]);
    tmux.type_line(":lessons");
    let screen = tmux.wait_for(&["lessons(과정)[4]"]);
    let row = screen.lines().find(|l| l.contains("▶")).unwrap_or_default();
    assert!(row.contains("w06"), "the shown lesson is marked:\n{screen}");
    tmux.keys(&["Escape"]);
    tmux.wait_until("the list closed", |s| !s.contains("lessons(과정)"));

    // → across the boundary: the last slide of this lesson, then the next lesson.
    tmux.keys(&["End"]);
    tmux.wait_for(&["[28/28]"]);
    tmux.keys(&["Right"]);
    tmux.wait_for(&["end of this lesson: right again opens the next"]);
    tmux.keys(&["Right"]);
    tmux.wait_for(&["lesson 4 of 4", "[1/"]);
    quit(&tmux);
}
