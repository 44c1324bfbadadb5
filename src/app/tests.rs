//! The state machine driven by actions, as the keys would: no terminal.

use super::*;
use crate::content::{CourseSource, load_course};

/// The player as the terminal tests run it (`LANG=C.UTF-8`): the program's words in English.
fn app() -> App {
    let course = load_course(&CourseSource::BuiltIn).course.expect("built-in course");
    let setup = Setup {
        lang: Some(crate::i18n::Lang::En),
        ..Setup::default()
    };
    App::new(setup, course, Default::default())
}

fn id(app: &App) -> String {
    app.current_lesson().id_of(app.nav.slide)
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Input(Edit::Insert(c)));
    }
}

#[test]
fn next_and_previous_stop_at_the_ends() {
    let mut app = app();
    app.update(Action::PrevSlide);
    assert_eq!(app.nav.slide, SlideIndex(0));
    for _ in 0..4 {
        app.update(Action::NextSlide);
    }
    assert_eq!(id(&app), "2.1");
    app.update(Action::Last);
    assert_eq!(id(&app), "5");
    app.update(Action::NextSlide);
    assert_eq!(id(&app), "5");
    app.update(Action::First);
    assert_eq!(app.nav.slide, SlideIndex(0));
}

#[test]
fn scrolling_is_clamped_to_what_was_drawn() {
    let mut app = app();
    app.after_draw(Drawn {
        max_scroll: 2,
        page: 10,
        match_lines: vec![],
        focus_line: None,
        ..Drawn::default()
    });
    for _ in 0..5 {
        app.update(Action::Down);
    }
    assert_eq!(app.nav.scroll, 2);
    app.update(Action::Up);
    assert_eq!(app.nav.scroll, 1);
    app.update(Action::NextSlide);
    assert_eq!(app.nav.scroll, 0, "a new slide starts at its top");
}

#[test]
fn goto_by_alias_resets_scroll_and_unknown_ids_flash() {
    let mut app = app();
    app.update(Action::Goto("pod".into()));
    assert_eq!(id(&app), "2.2.1");
    app.update(Action::Goto("nope".into()));
    assert_eq!(id(&app), "2.2.1");
    let flash = app.flash.clone().expect("a flash");
    assert_eq!(flash.text, "no slide 'nope': :toc lists them");
    assert!(flash.error);
    assert_eq!(app.update(Action::Quit).effect, Effect::Quit);
}

#[test]
fn views_stack_and_esc_goes_back_to_where_you_were() {
    let mut app = app();
    app.update(Action::Toc);
    app.update(Action::Help);
    assert_eq!(app.nav.views.len(), 2);
    app.update(Action::Help);
    assert_eq!(app.nav.views.len(), 2, "opening the view already shown does nothing");
    app.update(Action::Back);
    assert!(matches!(app.view(), Some(View::Toc { .. })));
    app.update(Action::Back);
    assert_eq!(app.view(), None);
}

#[test]
fn toc_selects_the_current_slide_and_enter_opens_a_row() {
    let mut app = app();
    app.update(Action::Goto("2.1".into()));
    app.update(Action::Toc);
    let Some(View::Toc { selected }) = app.view().copied() else {
        panic!("toc open")
    };
    assert_eq!(
        app.toc_rows()[selected],
        TocRow::Slide {
            lesson: 0,
            slide: app.nav.slide
        }
    );
    app.update(Action::Down);
    app.update(Action::Enter);
    assert_eq!(app.view(), None);
    assert_eq!(id(&app), "2.2.1");
    app.update(Action::Toc);
    app.update(Action::Last);
    app.update(Action::Enter);
    assert_eq!(id(&app), "5");
}

#[test]
fn command_mode_runs_commands_aliases_and_remembers_history() {
    let mut app = app();
    app.update(Action::CommandMode);
    type_text(&mut app, "pod");
    app.update(Action::Input(Edit::Submit));
    assert_eq!(id(&app), "2.2.1");
    assert!(app.finder.prompt.is_none());
    app.update(Action::CommandMode);
    type_text(&mut app, "fly");
    app.update(Action::Input(Edit::Submit));
    assert!(
        app.flash
            .as_ref()
            .is_some_and(|f| f.error && f.text.starts_with("unknown command 'fly'"))
    );
    app.update(Action::CommandMode);
    app.update(Action::Input(Edit::Up));
    app.update(Action::Input(Edit::Up));
    assert_eq!(app.finder.prompt.as_ref().map(|p| p.text.as_str()), Some("pod"));
    app.update(Action::Input(Edit::Cancel));
    assert!(app.finder.prompt.is_none());
    app.update(Action::CommandMode);
    type_text(&mut app, "q");
    assert_eq!(app.update(Action::Input(Edit::Submit)).effect, Effect::Quit);
}

#[test]
fn tab_completes_and_the_suggestion_is_shown() {
    let mut app = app();
    app.themes = vec!["default".into(), "high-contrast".into(), "light".into()];
    app.update(Action::CommandMode);
    type_text(&mut app, "the");
    assert_eq!(app.suggestion().as_deref(), Some("me"));
    app.update(Action::Input(Edit::Complete));
    type_text(&mut app, " hi");
    app.update(Action::Input(Edit::Complete));
    assert_eq!(
        app.finder.prompt.as_ref().map(|p| p.text.as_str()),
        Some("theme high-contrast")
    );
    assert_eq!(
        app.update(Action::Input(Edit::Submit)).effect,
        Effect::LoadTheme("high-contrast".into())
    );
}

#[test]
fn filter_is_incremental_and_enter_jumps_then_n_and_shift_n_step() {
    let mut app = app();
    app.update(Action::FilterMode);
    type_text(&mut app, "fal");
    let first = app.hits().len();
    type_text(&mut app, "co");
    assert!(first >= app.hits().len() && !app.hits().is_empty());
    assert!(matches!(app.view(), Some(View::Results { .. })));
    app.update(Action::Input(Edit::Submit));
    assert_eq!(app.view(), None);
    let at_first = app.nav.slide;
    assert!(app.current_lesson().slide(at_first).is_some());
    assert!(app.flash.as_ref().is_some_and(|f| f.text.starts_with("match 1/")));
    app.update(Action::NextMatch);
    assert!(app.flash.as_ref().is_some_and(|f| f.text.starts_with("match 2/")));
    app.update(Action::PrevMatch);
    app.update(Action::PrevMatch);
    let total = app.hits().len();
    assert!(app.flash.as_ref().is_some_and(
        |f| f.text == format!("match {total}/{total}") || f.text.starts_with(&format!("match {total}/{total} "))
    ));
}

#[test]
fn a_filter_without_hits_says_so_and_esc_cancels() {
    let mut app = app();
    app.update(Action::FilterMode);
    type_text(&mut app, "zzzz");
    app.update(Action::Input(Edit::Submit));
    assert_eq!(app.flash.as_ref().map(|f| f.text.as_str()), Some("no match for 'zzzz'"));
    assert_eq!(app.view(), None);
    app.update(Action::FilterMode);
    type_text(&mut app, "pod");
    app.update(Action::Input(Edit::Cancel));
    assert_eq!(app.view(), None);
    assert!(app.finder.search.is_none());
    app.update(Action::NextMatch);
    assert!(app.flash.as_ref().is_some_and(|f| f.error));
}

#[test]
fn a_search_hit_on_the_slide_is_scrolled_into_view() {
    let mut app = app();
    app.update(Action::FilterMode);
    type_text(&mut app, "trivy");
    app.update(Action::Input(Edit::Submit));
    let again = app.after_draw(Drawn {
        max_scroll: 30,
        page: 10,
        match_lines: vec![25],
        focus_line: None,
        ..Drawn::default()
    });
    assert!(again);
    assert_eq!(app.nav.scroll, 23);
}

#[test]
fn tab_selects_diagram_components_arrows_move_and_esc_leaves() {
    use crate::content::diagram::Dir;
    let mut app = app();
    app.update(Action::FocusNext);
    assert!(
        app.nav.focus.is_none() && app.flash.as_ref().is_some_and(|f| f.error),
        "no diagram on the title"
    );
    app.update(Action::Goto("arch".into()));
    app.update(Action::FocusNext);
    let selected = |app: &App| app.focused().map(|(d, c)| d.components[c].id.clone());
    assert_eq!(selected(&app).as_deref(), Some("api-server"));
    app.update(Action::FocusMove(Dir::Right));
    assert_eq!(selected(&app).as_deref(), Some("etcd"));
    app.update(Action::FocusPrev);
    assert_eq!(selected(&app).as_deref(), Some("api-server"));
    app.update(Action::FocusMove(Dir::Down));
    assert_eq!(selected(&app).as_deref(), Some("kubelet-1"));
    app.update(Action::Describe);
    assert!(matches!(app.view(), Some(View::Describe { .. })));
    app.update(Action::Back);
    assert_eq!(
        selected(&app).as_deref(),
        Some("kubelet-1"),
        "esc closes describe first"
    );
    app.update(Action::Back);
    assert!(app.nav.focus.is_none());
    app.update(Action::FocusNext);
    app.update(Action::NextSlide);
    assert!(app.nav.focus.is_none(), "another slide, no selection");
}

#[test]
fn playback_turns_the_slides_and_navigation_pauses_it() {
    use std::time::Duration;
    let mut app = app();
    app.tick(Duration::ZERO);
    app.update(Action::PlayPause);
    assert!(app.lecture.playback.as_ref().is_some_and(|p| p.is_playing()));
    // 300 s of script at 1x: segment 12, over the architecture slide.
    assert!(app.tick(Duration::from_secs(300)));
    assert_eq!(id(&app), "2.1");
    // At 2x the rest plays in half the time.
    app.update(Action::Faster);
    app.update(Action::Faster);
    app.update(Action::Faster);
    assert_eq!(app.flash.as_ref().map(|f| f.text.as_str()), Some("speed 2x"));
    // The learner moves: playback pauses, and resumes from the slide they chose.
    app.update(Action::Goto("pod".into()));
    assert!(app.lecture.playback.as_ref().is_some_and(|p| !p.is_playing()));
    app.update(Action::PlayPause);
    assert_eq!(id(&app), "2.2.1");
    // :seg seeks, and bad values are explained.
    command_line(&mut app, "seg 21");
    assert_eq!(id(&app), "3.3");
    command_line(&mut app, "seg 99");
    assert_eq!(
        app.flash.as_ref().map(|f| f.text.as_str()),
        Some("there is no segment 99: segments run from 1 to 24")
    );
    command_line(&mut app, "speed 3");
    assert!(
        app.flash
            .as_ref()
            .is_some_and(|f| f.error && f.text.starts_with("speed 3 is not offered"))
    );
}

#[test]
fn the_break_card_comes_at_twenty_minutes_and_a_key_ends_it() {
    use crate::timer::{Durations, SessionTimer};
    use std::time::Duration;
    let mut app = app();
    app.lecture.timer = Some(SessionTimer::new(Durations::default(), Duration::ZERO));
    app.tick(Duration::from_secs(19 * 60 + 59));
    assert_eq!(app.on_break(), None);
    app.update(Action::PlayPause);
    assert!(app.tick(Duration::from_secs(20 * 60)));
    assert_eq!(app.on_break().as_deref(), Some("5:00"));
    assert!(
        app.lecture.playback.as_ref().is_some_and(|p| !p.is_playing()),
        "the narration waits for the lecture"
    );
    app.tick(Duration::from_secs(20 * 60 + 1));
    assert_eq!(app.on_break().as_deref(), Some("4:59"));
    app.dismiss_break();
    assert_eq!(app.on_break(), None);
}

fn command_line(app: &mut App, line: &str) {
    app.update(Action::CommandMode);
    type_text(app, line);
    app.update(Action::Input(Edit::Submit));
}

#[test]
fn update_says_what_to_draw_and_what_to_save() {
    let mut app = app();
    // Nothing moves on its own: the clock going on changes nothing shown.
    assert!(!app.update(Msg::Tick(std::time::Duration::from_secs(1))).redraw);
    // A key is answered on screen.
    assert!(app.update(Action::NextSlide).redraw);
    let here = id(&app);
    // A save hands over what changed (the visited slide) once; then there is nothing pending.
    let Effect::Save(delta) = app.update(Msg::TakePending(1_800_000_000)).effect else {
        panic!("a save is asked for")
    };
    let mut saved = crate::progress::Progress::default();
    saved.apply(&delta);
    let record = saved.lesson(&app.lesson_key()).expect("the lesson's record");
    assert_eq!(record.last_slide.as_deref(), Some(here.as_str()));
    assert!(!app.progress().has_pending());
    // A failed save puts it back.
    assert!(!app.update(Msg::SaveFailed(delta)).redraw);
    assert!(app.progress().has_pending());
}
