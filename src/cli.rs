//! The command line: raw arguments (clap) -> one command run against a loaded course.
//!
//! Commands write to the writers they are given, so tests read exactly what a user would see.

pub mod ansi;
pub mod check;
pub mod clean_err;
pub mod explain;
pub mod import;
pub mod info;
pub mod list;
pub mod notes;
pub mod play;
pub mod practice;
pub mod progress;
pub mod screen;
pub mod shell;
pub mod show;
pub mod validate;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::content::{Course, CourseSource, Diagnostic, Lesson, SlideIndex, load_course, load_course_for};
use crate::manifest::{Lang, Options};
use crate::settings::{Args, Settings};

#[derive(Debug, Parser)]
#[command(
    name = "k8s-course",
    version,
    about = "A terminal course player for the Docker/Kubernetes lecture",
    long_about = "A terminal course player for the Docker/Kubernetes lecture: slides, highlighted code, \
                  the architecture diagram and the lecturer's narration.\n\n\
                  The week-7 course is built in; --course DIR loads a course folder (with course.yaml) \
                  or a single lesson folder (with post.md) instead."
)]
pub struct Cli {
    /// Course folder (with course.yaml) or lesson folder (with post.md) to use instead of the built-in course
    #[arg(long, global = true, value_name = "DIR")]
    pub course: Option<PathBuf>,

    /// Colour theme: default, light, high-contrast, or one of yours in <config dir>/themes
    #[arg(long, global = true, value_name = "NAME")]
    pub theme: Option<String>,

    /// Language of the program's own words: ko or en (default: LANG when it is one of them, else
    /// the course's language)
    #[arg(long, global = true, value_name = "LANG", value_parser = ["ko", "en"])]
    pub lang: Option<String>,

    /// Whose progress to use (default: K8S_COURSE_LEARNER, else your user name)
    #[arg(long, global = true, value_name = "NAME")]
    pub learner: Option<String>,

    /// Open on the first slide instead of where you stopped
    #[arg(long, global = true)]
    pub from_start: bool,

    /// Length of a lecture stretch before the break card (20m, 90s, 1h30m; default 20m)
    #[arg(long, global = true, value_name = "LENGTH")]
    pub lecture: Option<String>,

    /// Length of the break (default 5m)
    #[arg(long = "break", global = true, value_name = "LENGTH")]
    pub break_: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate the course and print a summary; exit 1 with every problem as path:line: message
    Check {
        /// Also lint for authors: damaged text, typos in Hangul words, dangling particles,
        /// narration too long or short for its segment, YAML blocks that are broken or collapsed
        #[arg(long)]
        lint: bool,
    },
    /// Print the table of contents: ids, titles, slide counts and narration time per chapter
    List,
    /// The audience view for screen share: the slide, large, with one status line (`notes` follows it)
    Present {
        /// Open where the last presentation was, not on the title
        #[arg(long)]
        resume: bool,
    },
    /// Speaker notes for `present`, in a second terminal: narration, next slide, timers; its keys drive it
    Notes,
    /// Print where the config, themes and data live, and the theme in use
    Info,
    /// Print your progress per lesson: last slide, percent done, time spent, last opened
    Progress {
        /// Every learner with progress saved
        #[arg(long)]
        all: bool,
        /// Delete the learner's progress (asks first)
        #[arg(long)]
        reset: bool,
        /// Don't ask before --reset
        #[arg(long, requires = "reset")]
        yes: bool,
    },
    /// Turn a blog post (and its script) into a lesson of a course folder, repairing mojibake
    Import {
        /// The post as exported from the blog (markdown with front matter)
        #[arg(long, value_name = "FILE")]
        post: PathBuf,
        /// The lecture script generated for it
        #[arg(long, value_name = "FILE")]
        script: Option<PathBuf>,
        /// The course folder (created, with course.yaml, when new)
        #[arg(long, value_name = "COURSE_DIR")]
        into: PathBuf,
        /// The lesson folder's name (default: a slug of the post's file name)
        #[arg(long, value_name = "NAME")]
        name: Option<String>,
        /// Replace a lesson of the same name
        #[arg(long)]
        force: bool,
    },
    /// Print one slide to stdout (highlighted on a terminal, plain text otherwise)
    Show {
        /// Slide id: a number (2.1), a slug (pod), an alias (arch) or a chapter (2); LESSON/ID picks a lesson
        id: String,
        /// Plain text, no colours, even on a terminal
        #[arg(long)]
        plain: bool,
        /// Width in columns (default: the terminal's, or 80 when not a terminal)
        #[arg(long, value_parser = clap::value_parser!(u16).range(20..=1000))]
        width: Option<u16>,
        /// Print the slide's code blocks raw, as in the post (N: only the Nth), for a pipe:
        /// `k8s-course show pod --code | kubectl apply -f -`
        #[arg(long, value_name = "N", num_args = 0..=1, value_parser = clap::value_parser!(u16).range(1..))]
        code: Option<Option<u16>>,
    },
    /// Practice: list the exercises with your state (ID KIND SLIDE STATE TRIES), or check one
    Practice {
        #[command(subcommand)]
        action: Option<PracticeCommand>,
    },
    /// Check Kubernetes manifests offline; findings as FILE:LINE:COL: PATH: message, exit 1 on errors
    Validate {
        /// Manifest files (`-` reads stdin); each `---` document is checked
        #[arg(required = true, value_name = "FILE")]
        files: Vec<String>,
        /// Print each file with the indentation a blog collapsed rebuilt from the schema
        #[arg(long)]
        reindent: bool,
        /// Also warn about security: privileged, runAsNonRoot, limits, :latest, hostPath, capabilities
        #[arg(long)]
        security: bool,
    },
    /// Print a field's type and description, like `kubectl explain` (deployment.spec.selector)
    Explain {
        /// TYPE.field.path: a kind (deployment, svc, pod) and a path of fields
        path: String,
        /// Width in columns to wrap descriptions to (default 80)
        #[arg(long, value_parser = clap::value_parser!(u16).range(40..=200))]
        width: Option<u16>,
    },
    /// Print shell completions: `k8s-course completions bash > ~/.local/share/bash-completion/completions/k8s-course`
    Completions {
        /// The shell: bash, zsh or fish
        #[arg(value_parser = shell::SHELLS)]
        shell: String,
    },
    /// Print the man page (roff): `k8s-course man | man -l -`
    Man,
}

/// `k8s-course practice ...`.
#[derive(Debug, Subcommand)]
pub enum PracticeCommand {
    /// Check an exercise: exit 0 on pass, 1 with each finding as FILE:LINE: FIELD: message
    Check {
        /// The exercise id (`k8s-course practice` lists them); LESSON/ID picks a lesson
        id: String,
        /// The file to check (`-` reads stdin); default: your work file in the lab folder
        #[arg(value_name = "FILE")]
        file: Option<String>,
        /// The answer of a command or quiz exercise, as you would type it
        #[arg(long, value_name = "TEXT", conflicts_with = "file")]
        answer: Option<String>,
    },
}

/// Where output goes, and whether stdout is a terminal.
pub struct Io<'a> {
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
    pub stdout_is_tty: bool,
}

impl Cli {
    /// What the command line says about settings, for [`Settings::resolve`].
    pub fn args(&self) -> Args {
        Args {
            course: self.course.clone(),
            learner: self.learner.clone(),
            lang: self.lang.clone(),
            theme: self.theme.clone(),
            lecture: self.lecture.clone(),
            break_: self.break_.clone(),
            from_start: self.from_start,
        }
    }
}

/// Runs a command-line command with the settings `main` resolved; returns the process exit code.
pub fn run(cli: &Cli, settings: &Settings, io: &mut Io<'_>) -> ExitCode {
    // Messages quote names and paths from files: every line to stderr is cleaned on its way out.
    let mut err = clean_err::CleanWriter::new(&mut *io.err);
    let io = &mut Io {
        out: &mut *io.out,
        err: &mut err,
        stdout_is_tty: io.stdout_is_tty,
    };
    let source = &settings.source;
    let code = |ok: bool| if ok { 0 } else { 1 };
    let result = match &cli.command {
        Some(Command::Check { lint }) => check::run_with_lint(source, *lint, io).map(code),
        Some(Command::List) => with_course(source, io, list::run).map(code),
        Some(Command::Info) => info::run(settings, io).map(code),
        Some(Command::Notes) => notes::run(settings, io),
        Some(Command::Progress { all, reset, yes }) => with_course(source, io, |course, io| {
            progress::run(settings, course, *all, *reset, *yes, io)
        })
        .map(code),
        // Only the lesson shown is read: a course of many weeks shows a slide as fast as one week.
        Some(Command::Show {
            id,
            plain,
            width,
            code: blocks,
        }) => {
            with_loaded(load_course_for(source, id), io, |course, io| match blocks {
                Some(n) => show::code(course, id, *n, io),
                None => show::run(course, id, *plain, *width, settings.no_color, io),
            })
        }
        .map(code),
        Some(Command::Validate {
            files,
            reindent,
            security,
        }) => {
            // Findings follow `--lang`, else the course (as they did before `--lang` was global).
            let lang = cli
                .lang
                .as_deref()
                .and_then(Lang::parse)
                .unwrap_or_else(|| course_lang(source));
            let options = Options { security: *security };
            validate::run(
                &validate::Request {
                    files,
                    reindent: *reindent,
                    lang,
                    options,
                },
                io,
            )
            .map(code)
        }
        Some(Command::Practice { action: None }) => {
            with_course(source, io, |course, io| practice::list(settings, course, io)).map(code)
        }
        Some(Command::Practice {
            action: Some(PracticeCommand::Check { id, file, answer }),
        }) => with_course(source, io, |course, io| {
            // Findings follow the global `--lang`, else the course (as `validate`'s do).
            let lang = cli
                .lang
                .as_deref()
                .and_then(Lang::parse)
                .or_else(|| Lang::parse(&course.language))
                .unwrap_or_default();
            let req = practice::CheckRequest {
                id,
                file: file.as_deref(),
                answer: answer.as_deref(),
                lang,
            };
            practice::check_one(settings, course, &req, io)
        })
        .map(code),
        Some(Command::Explain { path, width }) => explain::run(path, *width, io).map(code),
        Some(Command::Import {
            post,
            script,
            into,
            name,
            force,
        }) => import::run(
            &crate::import::Request {
                post: post.clone(),
                script: script.clone(),
                into: into.clone(),
                name: name.clone(),
                force: *force,
            },
            io,
        )
        .map(code),
        Some(Command::Completions { shell }) => shell::completions(shell, io).map(code),
        Some(Command::Man) => shell::man(io).map(code),
        None => play::run(settings, play::Role::Learner, io),
        Some(Command::Present { resume }) => play::run(settings, play::Role::Presenter { resume: *resume }, io),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            // A closed pipe (`k8s-course list | head`) is not an error worth a message.
            if e.kind() != std::io::ErrorKind::BrokenPipe {
                let _ = writeln!(io.err, "k8s-course: {e}");
            }
            ExitCode::from(1)
        }
    }
}

/// The language of the course in use (Korean when it can't be loaded).
fn course_lang(source: &CourseSource) -> Lang {
    load_course(source)
        .course
        .and_then(|c| Lang::parse(&c.language))
        .unwrap_or_default()
}

/// Loads the course and runs `f` on it; on load errors prints them and fails.
fn with_course(
    source: &CourseSource,
    io: &mut Io<'_>,
    f: impl FnOnce(&Course, &mut Io<'_>) -> std::io::Result<bool>,
) -> std::io::Result<bool> {
    with_loaded(load_course(source), io, f)
}

/// Runs `f` on a loaded course; on load errors prints them and fails.
fn with_loaded(
    report: crate::content::LoadReport,
    io: &mut Io<'_>,
    f: impl FnOnce(&Course, &mut Io<'_>) -> std::io::Result<bool>,
) -> std::io::Result<bool> {
    match report.course {
        Some(course) => f(&course, io),
        None => {
            print_diagnostics(&report.diagnostics, io)?;
            writeln!(
                io.err,
                "k8s-course: the course has errors; `k8s-course check` lists them"
            )?;
            Ok(false)
        }
    }
}

/// Prints diagnostics to stderr, errors first.
pub fn print_diagnostics(diags: &[Diagnostic], io: &mut Io<'_>) -> std::io::Result<()> {
    let mut sorted: Vec<&Diagnostic> = diags.iter().collect();
    sorted.sort_by_key(|d| std::cmp::Reverse(d.severity));
    for d in sorted {
        writeln!(io.err, "{d}")?;
    }
    Ok(())
}

/// Finds `id` in the course: `LESSON/ID`, or `ID` in the first lesson that has it.
pub fn resolve<'c>(course: &'c Course, id: &str) -> Option<(&'c Lesson, SlideIndex)> {
    if let Some((lesson_id, slide_id)) = id.split_once('/')
        && let Some(lesson) = course.lessons.iter().find(|l| l.id == lesson_id)
    {
        return lesson.resolve(slide_id).map(|i| (lesson, i));
    }
    course.lessons.iter().find_map(|l| l.resolve(id).map(|i| (l, i)))
}
