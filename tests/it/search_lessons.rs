//! `/` in a course of several weeks searches every lesson: WHERE names the lesson of each hit,
//! `enter` opens that lesson at the hit, and while lessons are still being read the count says so.

use std::fs;
use std::path::{Path, PathBuf};

use k8s_course::app::{Action, App, Edit, Msg, Setup, View};
use k8s_course::content::lazy::load_course_lazily;
use k8s_course::content::{CourseSource, load_course};

use crate::screen::{screen, type_text};
use crate::support::{BIN, Sandbox, Tmux, copy_corpus_weeks};

/// Three corpus weeks, in course order.
fn course(root: &Path) -> PathBuf {
    let c = root.join("course");
    copy_corpus_weeks(&c);
    fs::write(
        c.join("course.yaml"),
        "id: c\ntitle: 과정\nlessons:\n  - w05\n  - w06\n  - c8w06\n",
    )
    .unwrap();
    c
}

fn app(dir: &Path) -> App {
    let course = load_course(&CourseSource::Dir(dir.to_path_buf()))
        .course
        .expect("the course loads");
    let setup = Setup {
        themes: Vec::new(),
        ..crate::screen::setup()
    };
    App::new(setup, course, Default::default())
}

fn flash(app: &App) -> String {
    app.flash().as_ref().map(|f| f.text.clone()).unwrap_or_default()
}

#[test]
fn results_name_the_lesson_and_enter_opens_it_at_the_hit() {
    let tmp = tempfile::tempdir().unwrap();
    let mut app = app(&course(tmp.path()));
    assert_eq!(app.current_lesson().id, "w05");
    app.update(Action::FilterMode);
    type_text(&mut app, "cloudfront");
    // Hits in w06 and c8w06, none in w05 (where the learner is), in course order.
    let lessons: Vec<usize> = app.hits().iter().map(|h| h.lesson).collect();
    assert!(lessons.windows(2).all(|w| w[0] <= w[1]), "{lessons:?}");
    assert!(lessons.contains(&1) && lessons.contains(&2), "{lessons:?}");
    assert!(!lessons.contains(&0));
    let screen = screen(&mut app, 120, 16);
    insta::assert_snapshot!("search_lessons_results", screen);
    assert!(screen.contains("w06 slide") || screen.contains("w06 구간"), "{screen}");

    // The first hit in c8w06: its lesson opens on the hit's slide.
    let i = app.hits().iter().position(|h| h.lesson == 2).unwrap();
    let hit = app.hits()[i].clone();
    for _ in 0..i {
        app.update(Action::Down);
    }
    app.update(Action::Input(Edit::Submit));
    assert_eq!((app.lesson(), app.slide()), (2, hit.slide));
    assert_eq!(app.view(), None, "the results closed");
    // The flash names the lesson (`lesson c8w06`) before the match.
    assert!(flash(&app).starts_with("lesson c8w06: match "), "{}", flash(&app));
    // `n` goes on through the hits, across lessons in course order.
    app.update(Action::NextMatch);
    assert_eq!(app.lesson(), 2);
}

#[test]
fn while_lessons_are_read_the_count_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = course(tmp.path());
    let source = CourseSource::Dir(dir.clone());
    let lazy = load_course_lazily(&source, |_, _| Some(0));
    let setup = Setup {
        lang: Some(k8s_course::i18n::Lang::En),
        rest: Some((source, lazy.rest)),
        ..Setup::default()
    };
    let mut app = App::new(setup, lazy.report.course.unwrap(), Default::default());
    app.update(Action::FilterMode);
    type_text(&mut app, "cloudfront");
    // Nothing taken in yet: w05 has no hit, and the two other lessons are still to come.
    assert!(app.hits().is_empty());
    assert_eq!(app.view(), Some(&View::Results { selected: 0 }));
    let screen = screen(&mut app, 100, 12);
    assert!(
        screen.contains("filter(/cloudfront)[0 · reading 2 more lessons]"),
        "{screen}"
    );
    assert!(screen.contains("no match yet: reading 2 more lessons"), "{screen}");
    // Once they arrive, the open search includes them.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while app.lessons_arriving() {
        app.update(Msg::TakeLessons);
        assert!(std::time::Instant::now() < deadline, "the lessons never arrived");
        std::thread::yield_now();
    }
    app.update(Msg::TakeLessons);
    assert!(app.hits().iter().any(|h| h.lesson == 2));
}

#[test]
fn e2e_search_across_lessons_and_open_one() {
    let sandbox = Sandbox::new();
    let dir = course(sandbox.root());
    let mut argv = sandbox.env_argv();
    argv.extend([BIN.to_string(), "--course".into(), dir.to_string_lossy().into_owned()]);
    let tmux = Tmux::start("search-lessons", 120, 30, &argv);
    tmux.wait_for(&["slide(title)[1/"]);
    tmux.keys(&["/"]);
    tmux.type_text("Dependabot");
    let screen = tmux.wait_for(&["filter(/Dependabot)", "WHERE", "w06 ", "c8w06 "]);
    let in_w05 = |l: &&str| l.starts_with('│') && l.contains(" w05 ");
    assert!(!screen.lines().any(|l| in_w05(&l)), "w05 has no Dependabot:\n{screen}");
    tmux.keys(&["Enter"]);
    // The first hit is on w06's title slide: that lesson opens there, and the flash says so.
    tmux.wait_for(&["slide(title)[1/28]", "lesson w06: match 1/"]);
}
