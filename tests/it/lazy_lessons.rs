//! A course of many weeks opens on one lesson: the player reads `course.yaml` and the lesson the
//! learner will see before its first frame, and the other lessons in the background; a lesson
//! the learner goes to before it arrives is read then, and a broken one says so without
//! stopping the player.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use k8s_course::app::{Action, App, Msg, Setup};
use k8s_course::content::lazy::load_course_lazily;
use k8s_course::content::{CourseSource, load_course};

use crate::screen::command;
use crate::support::{BIN, Sandbox, Tmux, copy_corpus_weeks, copy_dir};

/// Three corpus weeks, then `broken` (a front matter that does not parse), then the built-in week.
fn course(root: &Path) -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let c = root.join("course");
    copy_corpus_weeks(&c);
    copy_dir(&manifest.join("course/week07-docker-kubernetes"), &c.join("week07"));
    fs::create_dir_all(c.join("broken")).unwrap();
    fs::write(c.join("broken/post.md"), "---\ntitle: [unclosed\n---\n\n## 소개\n").unwrap();
    fs::write(
        c.join("course.yaml"),
        "id: c\ntitle: 과정\nlessons:\n  - w05\n  - w06\n  - c8w06\n  - broken\n  - week07\n",
    )
    .unwrap();
    c
}

/// The course read lazily on lesson `first`, in an app that is reading the rest.
fn lazy_app(dir: &Path, first: &str) -> App {
    let source = CourseSource::Dir(dir.to_path_buf());
    let lazy = load_course_lazily(&source, |_, ids| ids.iter().position(|i| i == first));
    let course = lazy.report.course.expect("the lesson shown loads");
    let setup = Setup {
        themes: Vec::new(),
        rest: Some((source, lazy.rest)),
        ..crate::screen::setup()
    };
    App::new(setup, course, Default::default())
}

/// Takes in lessons until none is being read (bounded: a stuck reader fails the test).
fn wait_for_every_lesson(app: &mut App) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while app.lessons_arriving() {
        app.update(Msg::TakeLessons);
        assert!(Instant::now() < deadline, "the lessons never arrived");
        std::thread::yield_now();
    }
    app.update(Msg::TakeLessons);
}

fn flash(app: &App) -> String {
    app.flash().as_ref().map(|f| f.text.clone()).unwrap_or_default()
}

#[test]
fn only_the_lesson_shown_is_read_before_the_first_frame() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = course(tmp.path());
    // Read whole, the course has an error (the broken lesson): `check` and `list` still say so.
    assert!(load_course(&CourseSource::Dir(dir.clone())).course.is_none());

    let source = CourseSource::Dir(dir.clone());
    let lazy = load_course_lazily(&source, |id, ids| {
        assert_eq!(id, "c");
        assert_eq!(ids, ["w05", "w06", "c8w06", "broken", "week07"]);
        Some(1)
    });
    let course = lazy.report.course.expect("only w06 is read, and it is fine");
    let slides: Vec<usize> = course.lessons.iter().map(|l| l.slide_count()).collect();
    assert!(slides[1] > 0, "w06 is read: {slides:?}");
    assert_eq!(slides.iter().filter(|&&n| n > 0).count(), 1, "{slides:?}");
    let ids: Vec<&str> = course.lessons.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(ids, ["w05", "w06", "c8w06", "broken", "week07"]);
    let rest: Vec<usize> = lazy.rest.iter().map(|(i, _)| *i).collect();
    assert_eq!(rest, [0, 2, 3, 4]);

    // A pick out of range, or none, opens the first lesson.
    let first = load_course_lazily(&source, |_, _| Some(99)).report.course.unwrap();
    assert!(first.lessons[0].slide_count() > 0 && first.lessons[1].slide_count() == 0);
}

#[test]
fn the_other_lessons_arrive_in_the_background_and_fill_contents_and_lists() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = course(tmp.path());
    let mut app = lazy_app(&dir, "w06");
    assert_eq!(app.current_lesson().id, "w06");
    wait_for_every_lesson(&mut app);
    assert_eq!(app.lessons_pending(), 0);
    let eager = load_course(&CourseSource::Dir(dir.clone())).diagnostics;
    assert!(eager.iter().any(|d| d.to_string().contains("broken")));
    for (l, id) in [(0, "w05"), (2, "c8w06"), (4, "week07")] {
        assert_eq!(app.course().lessons[l].id, id);
        assert!(app.course().lessons[l].slide_count() > 0, "{id} arrived");
    }
    // The built-in week arrived whole: the same slides as loading it alone.
    let alone = load_course(&CourseSource::BuiltIn).course.unwrap();
    assert_eq!(app.course().lessons[4].slide_count(), alone.lessons[0].slide_count());
    // The contents list every lesson's slides, and the lesson shown didn't move.
    let rows = app.toc_rows().len();
    let slides: usize = app.course().lessons.iter().map(|l| l.slide_count()).sum();
    let chapters: usize = app.course().lessons.iter().map(|l| l.chapters.len()).sum();
    assert_eq!(rows, 5 + chapters + slides);
    assert_eq!(app.current_lesson().id, "w06");

    // The broken lesson can't be opened; the player says why and stays where it was.
    command(&mut app, "lesson broken");
    assert_eq!(app.current_lesson().id, "w06");
    let said = flash(&app);
    assert!(said.starts_with("this lesson has errors: "), "{said}");
    assert!(said.contains("broken/post.md"), "{said}");
    assert!(app.flash().as_ref().is_some_and(|f| f.error));
}

#[test]
fn a_lesson_reached_before_it_arrives_is_read_there_and_then() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = course(tmp.path());
    let mut app = lazy_app(&dir, "w05");
    // Nothing taken in from the background yet: week07 is still a placeholder, and `:lessons`
    // shows it by its folder name, its counts still to come.
    assert!(app.is_pending(4));
    command(&mut app, "lessons");
    let list = crate::screen::screen(&mut app, 120, 14);
    let row = list.lines().find(|l| l.contains("week07")).unwrap_or_default();
    assert_eq!(row.matches('…').count(), 2, "{list}");
    // The lesson read shows its counts: 10 slides, 23:24.6 of narration.
    let read = list.lines().find(|l| l.contains(" w05 ")).unwrap_or_default();
    assert!(read.contains(" 10 ") && read.contains("23:24.6"), "{list}");
    app.update(Action::Back);
    command(&mut app, "lesson week07");
    assert_eq!(app.current_lesson().id, "week07");
    assert!(!app.is_pending(4));
    let alone = load_course(&CourseSource::BuiltIn).course.unwrap();
    assert_eq!(app.current_lesson().slide_count(), alone.lessons[0].slide_count());
    app.update(Action::NextSlide);
    assert_eq!(app.slide().0, 1);
    // The copy the background thread read later is not put over it.
    wait_for_every_lesson(&mut app);
    assert_eq!((app.current_lesson().id.as_str(), app.slide().0), ("week07", 1));
    // `:goto LESSON/ID` reaches a lesson the same way.
    let mut app = lazy_app(&dir, "w05");
    command(&mut app, "goto week07/pod");
    assert_eq!(app.current_lesson().id, "week07");
    assert_eq!(app.current_lesson().id_of(app.slide()), "2.2.1");
}

#[test]
fn e2e_the_player_starts_on_a_course_with_a_broken_lesson_elsewhere() {
    let sandbox = Sandbox::new();
    let dir = course(sandbox.root());
    let mut argv = sandbox.env_argv();
    argv.extend([BIN.to_string(), "--course".into(), dir.to_string_lossy().into_owned()]);
    let tmux = Tmux::start("lazy", 110, 30, &argv);
    tmux.wait_for(&["slide(title)[1/"]);
    tmux.type_line(":lessons");
    tmux.wait_for(&["lessons(과정)[5]", "c8w06", "week07"]);
    tmux.keys(&["Down", "Down", "Down", "Enter"]);
    tmux.wait_for(&["this lesson has errors"]);
    tmux.keys(&["Down", "Enter"]);
    tmux.wait_for(&["lesson 5 of 5"]);
}
