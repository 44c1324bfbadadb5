//! One UI language (issue 14): the program's own words (header, hints, pane titles, table
//! headings, flash messages, help, break card) are Korean or English, never a mix. The language
//! is the course's, overridden by `--lang` or `LANG`; course text is shown as written.

use k8s_course::app::{Action, App, Msg, Setup};
use k8s_course::i18n::Lang;
use k8s_course::timer::{Durations, SessionTimer};

use crate::screen::{command, screen, type_text};
use crate::support::{BIN, Sandbox, Tmux};

/// The player in `lang`, as a learner named `kim` opens it.
fn app_in(lang: Lang) -> App {
    app_in_with(lang, None)
}

/// [`app_in`], with a lecture timer.
fn app_in_with(lang: Lang, timer: Option<SessionTimer>) -> App {
    crate::screen::app_with(Setup {
        lang: Some(lang),
        learner: "kim".into(),
        timer,
        ..crate::screen::setup()
    })
}

#[test]
fn the_same_screen_in_korean_and_in_english() {
    for (lang, name) in [(Lang::Ko, "ko"), (Lang::En, "en")] {
        let mut app = app_in(lang);
        command(&mut app, "pod");
        insta::assert_snapshot!(format!("pod_100x30_{name}"), screen(&mut app, 100, 30));
        app.update(Action::Narration);
        insta::assert_snapshot!(format!("narration_100x30_{name}"), screen(&mut app, 100, 30));
        let mut app = app_in(lang);
        app.update(Action::Help);
        insta::assert_snapshot!(format!("help_100x30_{name}"), screen(&mut app, 100, 30));
    }
}

/// Words the chrome may show in Latin letters in Korean mode: key names.
const KEY_NAMES: &[&str] = &[
    "ctrl",
    "tab",
    "backtab",
    "esc",
    "enter",
    "space",
    "pgup",
    "pgdn",
    "home",
    "end",
    "backspace",
];

/// Latin words of three letters or more in `text` that are not key names.
fn latin_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 3 && !KEY_NAMES.contains(&w.to_lowercase().as_str()))
        .map(str::to_string)
        .collect()
}

/// The Latin words (not key names, not the course's own) in the rows of `screen` that are
/// chrome only: the header, the pane's top border, a table's heading, the flash line.
fn chrome_rows(app: &App, screen: &str, table: bool) -> Vec<String> {
    let lines: Vec<&str> = screen.lines().collect();
    let mut rows: Vec<String> = lines[..6].iter().map(|l| l.to_string()).collect();
    let pane_top = lines.iter().position(|l| l.starts_with('┌')).expect("a pane");
    rows.push(lines[pane_top].to_string());
    if table {
        rows.push(lines[pane_top + 1].to_string());
    }
    rows.push(lines[lines.len() - 1].to_string());
    // Words of the course itself (titles, ids, the learner's name) are shown as written.
    let lesson = app.current_lesson();
    let mut course_text: Vec<String> = vec![
        app.course().title.clone(),
        lesson.title.clone(),
        lesson.id.clone(),
        app.learner().to_string(),
    ];
    course_text.extend(lesson.chapters.iter().map(|c| c.display_title()));
    course_text.extend(lesson.slides().map(|(_, s)| s.display_title()));
    course_text.extend((0..lesson.slide_count()).map(|i| lesson.id_of(k8s_course::content::SlideIndex(i))));
    let course_words: Vec<String> = course_text.iter().flat_map(|t| latin_words(t)).collect();
    rows.into_iter()
        .map(|row| {
            // `:toc` names a command and `'nowhere'` quotes what was typed: both stay as written.
            latin_words(&row)
                .into_iter()
                .filter(|w| !course_words.contains(w))
                .filter(|w| !row.contains(&format!(":{w}")) && !row.contains(&format!("'{w}'")))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

#[test]
fn no_korean_screen_mixes_in_english_words() {
    let timer = SessionTimer::new(Durations::DEFAULT, std::time::Duration::ZERO);
    let mut app = app_in_with(Lang::Ko, Some(timer));
    let mut shown: Vec<(String, String, bool)> = Vec::new();
    let mut look = |app: &mut App, what: &str, table: bool| {
        shown.push((what.to_string(), screen(app, 120, 40), table));
        chrome_rows(app, &shown.last().expect("just pushed").1, table)
    };
    let mut found = Vec::new();
    let mut check = |what: &str, rows: Vec<String>| {
        for words in rows.into_iter().filter(|w| !w.is_empty()) {
            found.push(format!("{what}: {words}"));
        }
    };
    check("title slide", look(&mut app, "title", false));
    command(&mut app, "pod");
    check("a slide", look(&mut app, "pod", false));
    app.update(Action::PlayPause);
    check("playing", look(&mut app, "playing", false));
    app.update(Action::Narration);
    check("narration", look(&mut app, "narration", false));
    app.update(Action::Back);
    app.update(Action::Describe);
    check("describe", look(&mut app, "describe", false));
    app.update(Action::Back);
    app.update(Action::Toc);
    check("contents", look(&mut app, "toc", true));
    app.update(Action::Back);
    app.update(Action::FilterMode);
    type_text(&mut app, "파드");
    check("filter", look(&mut app, "filter", true));
    app.update(Action::Back);
    command(&mut app, "goto nowhere");
    check("an error", look(&mut app, "error", false));
    command(&mut app, "speed 2");
    check("a flash", look(&mut app, "speed", false));
    app.update(Action::ToggleBookmark);
    check("bookmarked", look(&mut app, "bookmark", false));
    app.update(Action::Bookmarks);
    check("bookmarks", look(&mut app, "bookmarks", true));
    assert!(found.is_empty(), "English in the Korean chrome:\n{}", found.join("\n"));

    // The break card, whole: its words are all the program's.
    let timer = SessionTimer::new(Durations::DEFAULT, std::time::Duration::ZERO);
    let mut app = app_in_with(Lang::Ko, Some(timer));
    app.update(Msg::Tick(std::time::Duration::from_secs(20 * 60 + 1)));
    let card = screen(&mut app, 80, 24);
    assert!(
        card.contains("휴식 시간") && card.contains("아무 키나 누르면"),
        "{card}"
    );
    // Every line but the one that names the slide the lecture resumes at (course text).
    let program: Vec<&str> = card.lines().filter(|l| !l.contains("클라우드 시큐리티")).collect();
    assert!(latin_words(&program.join("\n")).is_empty(), "{card}");
}

#[test]
fn lang_and_the_locale_choose_the_language_in_the_terminal() {
    let sandbox = Sandbox::new();
    // LANG=C.UTF-8 (the sandbox's) speaks English; --lang ko, or a Korean locale, Korean.
    for (extra, args, words) in [
        (None, "", "Course:"),
        (None, " --lang ko", "과정:"),
        (Some("LANG=ko_KR.UTF-8"), "", "과정:"),
        (Some("LANG=ko_KR.UTF-8"), " --lang en", "Course:"),
    ] {
        let mut argv = sandbox.env_argv();
        argv.extend(extra.map(String::from));
        argv.extend(["sh".to_string(), "-c".to_string(), format!("exec '{BIN}'{args}")]);
        let tmux = Tmux::start("lang", 100, 30, &argv);
        let screen = tmux.wait_for(&[words, "(title)[1/14]"]);
        let other = if words == "Course:" { "과정:" } else { "Course:" };
        assert!(!screen.contains(other), "{extra:?}{args}: {screen}");
    }
}

#[test]
fn refusals_of_speed_and_segment_speak_the_learners_language() {
    let flash = |lang: Lang, line: &str| {
        let mut app = app_in(lang);
        command(&mut app, line);
        app.flash()
            .as_ref()
            .map(|f| (f.text.clone(), f.error))
            .unwrap_or_default()
    };
    assert_eq!(
        flash(Lang::Ko, "speed 3"),
        ("속도 3은 없습니다: 1, 1.25, 1.5, 2 중에서 고르세요".to_string(), true)
    );
    assert_eq!(
        flash(Lang::En, "speed fast"),
        ("speed fast is not offered: 1, 1.25, 1.5 or 2".to_string(), true)
    );
    assert_eq!(
        flash(Lang::Ko, "seg 99"),
        ("구간 99는 없습니다: 구간은 1부터 24까지입니다".to_string(), true)
    );
}
