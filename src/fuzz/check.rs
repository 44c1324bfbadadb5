//! Runs one input through what a user's file reaches (the loader, `check`, `list`, `show`, the
//! renderer, the player's screen, the progress store, the presenter protocol, the config) and
//! checks every output for raw control bytes and broken round trips.

use std::path::Path;

use clap::Parser;

use super::{Input, Target};
use crate::cli::{Cli, Io};
use crate::content::{CourseSource, load_course};
use crate::settings::{Env, Settings};

/// Where one input's files go, and the data and config dirs the CLI is pointed at.
pub struct Scratch<'a> {
    pub input: &'a Path,
    pub data: &'a Path,
    pub config: &'a Path,
}

/// Runs `input` (already written to `scratch.input`); Err says what was wrong.
pub fn run(input: &Input, scratch: &Scratch<'_>) -> Result<(), String> {
    match input.target {
        Target::Lesson => lesson(scratch),
        Target::Progress => progress(input, scratch),
        Target::Protocol => protocol(&input.files[0].1),
        Target::Config => config(input, scratch),
    }
}

/// Err when `text` holds a control character other than a newline: it would reach the terminal.
pub fn no_control(what: &str, text: &str) -> Result<(), String> {
    match text.char_indices().find(|&(_, c)| c.is_control() && c != '\n') {
        None => Ok(()),
        Some((at, c)) => {
            let from = text[..at].char_indices().rev().nth(30).map_or(0, |(i, _)| i);
            let context: String = text[from..].chars().take(60).collect();
            Err(format!("raw control U+{:04X} in {what}: {context:?}", c as u32))
        }
    }
}

/// `k8s-course ARGS` in-process, with stdout not a terminal; both outputs checked.
fn cli(args: &[&str], scratch: &Scratch<'_>) -> Result<(), String> {
    let cli = Cli::try_parse_from(std::iter::once("k8s-course").chain(args.iter().copied()))
        .map_err(|e| format!("arguments {args:?} did not parse: {e}"))?;
    let env = Env {
        paths: crate::config::Paths {
            config_dir: Some(scratch.config.to_path_buf()),
            data_dir: Some(scratch.data.to_path_buf()),
        },
        ..Env::default()
    };
    let settings = Settings::resolve(cli.args(), env);
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let _ = crate::cli::run(
        &cli,
        &settings,
        &mut Io {
            out: &mut out,
            err: &mut err,
            stdout_is_tty: false,
        },
    );
    let what = args.join(" ");
    no_control(&format!("stdout of `{what}`"), &String::from_utf8_lossy(&out))?;
    no_control(&format!("stderr of `{what}`"), &String::from_utf8_lossy(&err))
}

fn lesson(scratch: &Scratch<'_>) -> Result<(), String> {
    let dir = scratch.input;
    let report = load_course(&CourseSource::Dir(dir.to_path_buf()));
    for d in &report.diagnostics {
        no_control("a diagnostic", &d.to_string())?;
    }
    // One command per input, picked by the input's size: each command loads the course again,
    // and over many inputs every one of them runs.
    let shown = dir.display().to_string();
    let commands: [&[&str]; 4] = [
        &["check"],
        &["list"],
        &["show", "title"],
        &["show", "--width", "23", "pod"],
    ];
    let pick = report.diagnostics.len().wrapping_add(dir_bytes(dir)) % commands.len();
    let mut full = vec!["--course", shown.as_str()];
    full.extend(commands[pick]);
    cli(&full, scratch)?;
    if pick % 2 == 1 {
        lazily(dir)?;
    }
    let Some(course) = report.course else {
        return Ok(());
    };
    for lesson in &course.lessons {
        for width in [0, 9, 80] {
            let opts = crate::render::blocks::RenderOptions {
                width,
                highlighter: None,
                syntax_theme: crate::render::highlight::DEFAULT_THEME,
                diagrams: &lesson.diagrams,
                focus: None,
            };
            for chapter in &lesson.chapters {
                for slide in &chapter.slides {
                    for line in crate::render::slide_lines(slide, &opts) {
                        no_control("a rendered slide", &crate::render::line_text(&line))?;
                    }
                }
            }
        }
    }
    player_screen(course)
}

/// The player's way in: `course.yaml` and the first lesson, then the others one by one, as the
/// background thread reads them; the first screen drawn beside the placeholders.
fn lazily(dir: &Path) -> Result<(), String> {
    use crate::content::lazy::{load_course_lazily, load_lesson_in};
    let source = CourseSource::Dir(dir.to_path_buf());
    let lazy = load_course_lazily(&source, |_, _| None);
    for d in &lazy.report.diagnostics {
        no_control("a diagnostic", &d.to_string())?;
    }
    for (_, folder) in &lazy.rest {
        if let Err(errors) = load_lesson_in(&source, folder) {
            for d in &errors {
                no_control("a diagnostic", &d.to_string())?;
            }
        }
    }
    match lazy.report.course {
        Some(course) => player_screen(course),
        None => Ok(()),
    }
}

/// One highlighter for the whole run: loading syntect's syntaxes costs more than an input.
static HIGHLIGHTER: std::sync::LazyLock<crate::render::Highlighter> =
    std::sync::LazyLock::new(crate::render::Highlighter::new);

/// Total size of the files in `dir` (its top level and one level down).
fn dir_bytes(dir: &Path) -> usize {
    let size = |p: &Path| std::fs::metadata(p).map_or(0, |m| m.len() as usize);
    let entries = |d: &Path| std::fs::read_dir(d).into_iter().flatten().flatten().map(|e| e.path());
    entries(dir)
        .map(|p| {
            if p.is_dir() {
                entries(&p).map(|f| size(&f)).sum()
            } else {
                size(&p)
            }
        })
        .sum()
}

/// The player's first screen at 80x24, every cell checked.
fn player_screen(course: crate::content::Course) -> Result<(), String> {
    let app = crate::app::App::new(crate::app::Setup::default(), course, Default::default());
    let theme = crate::theme::default_theme();
    let ctx = crate::ui::Ctx {
        theme: &theme,
        highlighter: &HIGHLIGHTER,
        clock: "12:00",
    };
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24))
        .map_err(|e| format!("test terminal: {e}"))?;
    terminal
        .draw(|frame| {
            crate::ui::draw(frame, &app, &ctx);
        })
        .map_err(|e| format!("draw: {e}"))?;
    let cells: String = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect();
    no_control("the player's screen", &cells)
}

fn progress(input: &Input, scratch: &Scratch<'_>) -> Result<(), String> {
    use crate::progress::file::{Decoded, decode, encode};
    let bytes = &input.files[0].1;
    if let Decoded::Ok(progress) = decode("kim.yaml", bytes) {
        // What was read is written back unchanged: a save never loses or alters data.
        let text = encode("kim", &progress).map_err(|e| format!("encode failed: {e}"))?;
        match decode("kim.yaml", text.as_bytes()) {
            Decoded::Ok(again) if again == progress => {}
            other => return Err(format!("progress changed in a write and read back: {other:?}")),
        }
    }
    std::fs::create_dir_all(scratch.data).map_err(|e| e.to_string())?;
    std::fs::write(scratch.data.join("kim.yaml"), bytes).map_err(|e| e.to_string())?;
    let store = crate::progress::Store::new(Some(scratch.data.to_path_buf()));
    let learner = crate::progress::Learner::new("kim").map_err(|e| e.to_string())?;
    let opened = store.open(&learner, 1_795_446_245);
    for notice in &opened.notices {
        no_control("a progress notice", notice)?;
    }
    // `progress` loads the built-in course first, which costs more than the rest: one input in
    // four runs it, alternating between one learner and all.
    match bytes.len() % 8 {
        0 => cli(&["--learner", "kim", "progress"], scratch)?,
        4 => cli(&["progress", "--all"], scratch)?,
        _ => {}
    }
    let _ = std::fs::remove_dir_all(scratch.data);
    Ok(())
}

fn protocol(bytes: &[u8]) -> Result<(), String> {
    use crate::present::protocol::{LineReader, Message, parse};
    // Chunk sizes from the bytes themselves, so the split is reproducible.
    let step = 1 + bytes
        .iter()
        .fold(0usize, |h, &b| h.wrapping_mul(31).wrapping_add(b as usize))
        % 97;
    let mut reader = LineReader::default();
    let mut lines = Vec::new();
    for chunk in bytes.chunks(step) {
        reader.feed(chunk, &mut lines);
    }
    for line in &lines {
        match parse(line) {
            Some(Message::State(state)) => {
                no_control("a state's speed", &state.speed)?;
                no_control("a state's session", &state.session)?;
                no_control("a state's flash", &state.flash)?;
                let again = parse(state.to_line().trim_end());
                if again != Some(Message::State(state.clone())) {
                    return Err(format!("state does not survive a round trip: {state:?} -> {again:?}"));
                }
            }
            Some(Message::Command(c)) => {
                if parse(c.to_line().trim_end()) != Some(Message::Command(c.clone())) {
                    return Err(format!("command {c:?} does not survive a round trip"));
                }
            }
            Some(Message::Hello(_)) | None => {}
        }
    }
    Ok(())
}

fn config(input: &Input, scratch: &Scratch<'_>) -> Result<(), String> {
    std::fs::create_dir_all(scratch.config).map_err(|e| e.to_string())?;
    std::fs::write(scratch.config.join("config.yaml"), &input.files[0].1).map_err(|e| e.to_string())?;
    let paths = crate::config::Paths {
        config_dir: Some(scratch.config.to_path_buf()),
        data_dir: Some(scratch.data.to_path_buf()),
    };
    if let Err(e) = crate::config::load(&paths) {
        no_control("a config error", &e)?;
    }
    cli(&["info"], scratch)?;
    let _ = std::fs::remove_dir_all(scratch.config);
    Ok(())
}
