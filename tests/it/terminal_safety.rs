//! The screen can't be broken: every slide at every size, hostile course text, Hangul at every
//! width, and a resize sequence that ends where a fresh start would.

use crate::screen;

use k8s_course::app::{Action, App, Edit, Setup};
use k8s_course::content::{CourseSource, SlideIndex, load_course};
use k8s_course::render::Highlighter;
use k8s_course::theme::default_theme;
use k8s_course::ui::{self, Ctx};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use screen::{app, draw_with, terminal, text, wide_in_last_column};

/// The player on `course` with the program's words in English, as the terminal tests run it
/// (`LANG=C.UTF-8`).
fn english(course: k8s_course::content::Course) -> App {
    let setup = Setup {
        lang: Some(k8s_course::i18n::Lang::En),
        ..Setup::default()
    };
    App::new(setup, course, Default::default())
}

/// Every slide of the built-in course at every size from 1x1 to 200x60: no panic, and no
/// double-width glyph starting in the last column.
#[test]
fn every_slide_at_every_size() {
    let mut app = app();
    let theme = default_theme();
    let highlighter = Highlighter::new();
    let slides = app.current_lesson().slide_count();
    let mut term = terminal(1, 1);
    for w in 1..=200u16 {
        for h in 1..=60u16 {
            term.backend_mut().resize(w, h);
            for i in 0..slides {
                let id = app.current_lesson().id_of(SlideIndex(i));
                app.update(Action::Goto(id));
                draw_with(&mut term, &mut app, &theme, &highlighter);
                let spill = wide_in_last_column(term.backend().buffer());
                assert!(
                    spill.is_empty(),
                    "slide {i} at {w}x{h}: wide glyph in the last column {spill:?}"
                );
            }
        }
    }
}

/// The views at a spread of sizes, small ones included.
#[test]
fn every_view_at_many_sizes() {
    let theme = default_theme();
    let highlighter = Highlighter::new();
    let views = [
        Action::Toc,
        Action::Narration,
        Action::Describe,
        Action::Source,
        Action::Help,
    ];
    let mut term = terminal(1, 1);
    for view in views {
        let mut app = app();
        app.update(Action::Goto("arch".into()));
        app.update(view.clone());
        for w in (1..=200u16).step_by(7).chain([39, 40, 41, 80, 81]) {
            for h in (1..=60u16).step_by(5).chain([9, 10, 11, 19, 20]) {
                term.backend_mut().resize(w, h);
                draw_with(&mut term, &mut app, &theme, &highlighter);
                app.update(Action::Last);
                draw_with(&mut term, &mut app, &theme, &highlighter);
                assert!(
                    wide_in_last_column(term.backend().buffer()).is_empty(),
                    "{view:?} at {w}x{h}"
                );
            }
        }
    }
}

/// Mixed Korean and ASCII at every pane width: each character shows once, in order, and no wide
/// glyph starts in the last column (or spills over the frame).
#[test]
fn korean_paragraphs_wrap_at_every_width() {
    let dir = tempfile::tempdir().expect("temp dir");
    let paragraph = "kubectl로 파드를 확인합니다. Deployment가ReplicaSet을만들고 파드를 관리합니다";
    std::fs::write(
        dir.path().join("post.md"),
        format!("---\ntitle: 한글\n---\n\n## 1. 장\n\n### 1.1 슬라이드\n\n{paragraph}\n"),
    )
    .expect("write post");
    let report = load_course(&CourseSource::Dir(dir.path().to_path_buf()));
    let course = report
        .course
        .unwrap_or_else(|| panic!("loads: {:?}", report.diagnostics));
    let mut app = english(course);
    app.update(Action::Goto("1.1".into()));
    let theme = default_theme();
    let highlighter = Highlighter::new();
    let expected: String = paragraph.chars().filter(|c| *c != ' ').collect();
    // The pane has a frame and one cell of padding each side: 4 cells around the text.
    for text_width in 1..=40u16 {
        let w = (text_width + 4).max(ui::MIN_WIDTH);
        let mut term = terminal(w, 40);
        draw_with(&mut term, &mut app, &theme, &highlighter);
        let buf = term.backend().buffer();
        assert!(wide_in_last_column(buf).is_empty(), "width {w}");
        // Read the pane's text column (between `│ ` and ` │`) below the title.
        let screen = text(buf);
        let pane: String = screen
            .lines()
            .filter_map(|l| l.strip_prefix("│ ").and_then(|l| l.strip_suffix(" │")))
            .skip(2)
            .collect::<String>()
            .chars()
            .filter(|c| *c != ' ')
            .collect();
        assert_eq!(pane, expected, "pane width {w}");
    }
    // Narrower than a Hangul syllable: the wrapper says what it could not show.
    let lines =
        k8s_course::render::wrap::wrap_spans(&[k8s_course::render::Span::new(paragraph, Default::default())], 1);
    let joined: String = lines.iter().map(|l| k8s_course::render::line_text(l)).collect();
    assert!(joined.contains('…') && joined.contains('k'), "{joined}");
}

/// 80x24 -> 1x1 -> 300x100 -> 0x0 -> 80x24 ends exactly like a fresh 80x24 start.
#[test]
fn resize_sequence_ends_like_a_fresh_start() {
    let theme = default_theme();
    let highlighter = Highlighter::new();
    let mut app = app();
    app.update(Action::Goto("pod".into()));
    let mut term = terminal(80, 24);
    for (w, h) in [(80, 24), (1, 1), (300, 100), (0, 0), (80, 24)] {
        term.backend_mut().resize(w, h);
        draw_with(&mut term, &mut app, &theme, &highlighter);
    }
    // A fresh start with the same progress (the sizes on the way read the slide to the end).
    let course = app.course().clone();
    let mut fresh_app = screen::app_on(course, app.progress().view().clone());
    fresh_app.update(Action::Goto("pod".into()));
    let mut fresh = terminal(80, 24);
    draw_with(&mut fresh, &mut fresh_app, &theme, &highlighter);
    assert_eq!(term.backend().buffer(), fresh.backend().buffer());
}

/// ESC ] 52 (clipboard), ESC [ 2 J (clear), BEL, DCS, C1 CSI, RLO and ZWSP, raw and as entities.
const HOSTILE: &str = "\x1b]52;c;aGVsbG8=\x07 \x1b[2J \x07 \x1bP1$r\x1b\\ \u{9b}31m \u{202e} \u{200b}";
const ENTITIES: &str = "&#27;]52;c;aGk=&#7; &#x1b;[2J &#155;31m &#x202E; &#8203;";

fn hostile_lesson() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let post = format!(
        "---\ntitle: \"evil \\e[2J\\x07\"\n---\n\n## 1. 장{HOSTILE}\n\n### 1.1 슬라이드{HOSTILE}\n\n\
         본문 {HOSTILE} 그리고 {ENTITIES}\n\n| a{HOSTILE} | b{ENTITIES} |\n|---|---|\n| {HOSTILE} | {ENTITIES} |\n\n\
         ```bash\necho {HOSTILE}\n```\n\n> {HOSTILE}\n\n<div>{ENTITIES}</div>\n"
    );
    let sep = "=".repeat(60);
    let script = format!(
        "예상 총 길이: 10.0초\n\n{sep}\n개선된 강의용 대본\n{sep}\n\n슬라이드 본문 {HOSTILE} {ENTITIES}\n\n\
         {sep}\nRemotion 동기화 구간 정보\n{sep}\n\n[구간 1] 시작: 0.00초, 길이: 10.00초\n슬라이드 본문 {HOSTILE}\n"
    );
    std::fs::write(dir.path().join("post.md"), post).expect("write post");
    std::fs::write(dir.path().join("script.txt"), script).expect("write script");
    dir
}

/// Every escape sequence in `bytes` must be one ratatui/crossterm writes for drawing: CSI with
/// digits and `;`/`?` only, ending in a cursor or SGR command. Anything else is course text
/// reaching the terminal. Returns the text with the drawing sequences taken out.
fn assert_only_drawing_sequences(bytes: &[u8]) -> String {
    let text = String::from_utf8(bytes.to_vec()).expect("UTF-8 output");
    let mut plain = String::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\x1b' {
            assert_eq!(chars.next().map(|(_, c)| c), Some('['), "non-CSI escape at byte {i}");
            let mut end = None;
            for (_, c) in chars.by_ref() {
                if c.is_ascii_digit() || c == ';' || c == '?' {
                    continue;
                }
                end = Some(c);
                break;
            }
            let end = end.expect("unterminated CSI");
            assert!("HmlhGABCDK".contains(end), "unexpected CSI command {end:?} at byte {i}");
            continue;
        }
        let bad = c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c) || ('\u{2066}'..='\u{2069}').contains(&c);
        assert!(!bad && c != '\u{200b}', "{c:?} at byte {i} reached the terminal");
        plain.push(c);
    }
    assert!(!text.contains("\x1b]"), "an OSC sequence reached the terminal");
    assert!(!text.contains("\x1b[2J"), "a clear-screen reached the terminal");
    // What is left of them is visible and inert: the ESC shown as a picture.
    assert!(plain.contains("␛]52"), "the neutralised sequence is shown");
    plain
}

/// A `Vec<u8>` the test keeps a handle on while the backend writes into it.
#[derive(Clone, Default)]
struct Shared(std::rc::Rc<std::cell::RefCell<Vec<u8>>>);

impl std::io::Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn control_characters_in_course_text_never_reach_the_terminal() {
    let dir = hostile_lesson();
    let report = load_course(&CourseSource::Dir(dir.path().to_path_buf()));
    let course = report
        .course
        .unwrap_or_else(|| panic!("hostile lesson loads: {:?}", report.diagnostics));
    let mut app = english(course);
    let theme = default_theme();
    let highlighter = Highlighter::new();
    let ctx = Ctx {
        theme: &theme,
        highlighter: &highlighter,
        clock: "12:00",
    };
    let written = Shared::default();
    // A fixed viewport: the backend writes into memory, there is no terminal to ask for a size.
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, 100, 40)),
    };
    let mut term = Terminal::with_options(CrosstermBackend::new(written.clone()), options).expect("terminal");
    let mut steps: Vec<Vec<Action>> = vec![vec![], vec![Action::NextSlide], vec![Action::Last]];
    for view in [
        Action::Narration,
        Action::Describe,
        Action::Source,
        Action::Toc,
        Action::Help,
    ] {
        steps.push(vec![Action::Back, Action::Back, view]);
    }
    // Typed (or pasted) hostile text in the prompts is shown cleaned too.
    let mut typed = vec![Action::Back, Action::Back, Action::FilterMode];
    typed.extend("본문\u{202e}\u{200b}".chars().map(|c| Action::Input(Edit::Insert(c))));
    steps.push(typed);
    for step in steps {
        for action in step {
            app.update(action);
        }
        ui::render(&mut term, &mut app, &ctx).expect("draw");
    }
    let bytes = written.0.borrow().clone();
    assert!(bytes.len() > 1000, "something was drawn");
    let plain = assert_only_drawing_sequences(&bytes);
    for shown in ["슬라이드", "본문", "echo", "narration(1.1)", "filter(/본문)"] {
        assert!(plain.contains(shown), "{shown} was drawn");
    }
}
