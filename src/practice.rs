//! Practice: checking a learner's answer to an exercise of `lesson.yaml`, offline.
//!
//! Manifest kinds (fix, write) go through `manifest::validate` and then the exercise's own
//! assertions; command answers are parsed into words (tool, subcommand, flags in any order and
//! spelling); quiz answers are compared after folding case, spaces and punctuation. Every finding
//! is a [`Note`] naming the field and its line in the learner's file, in Korean or English.
//! No IO here except in [`lab`], which owns the learner's work files.

pub mod assert;
pub mod cluster;
pub mod command;
pub mod lab;
pub mod quiz;

use crate::content::exercise::{Exercise, ExerciseKind};
pub use crate::manifest::Lang;
use crate::manifest::{Message, Options, Severity, validate_text};

/// The program's word table speaks the same two languages.
pub fn words_lang(lang: Lang) -> crate::i18n::Lang {
    match lang {
        Lang::Ko => crate::i18n::Lang::Ko,
        Lang::En => crate::i18n::Lang::En,
    }
}

/// Longest command or quiz answer read; a real one is a line.
pub const MAX_ANSWER_BYTES: usize = 4096;

/// One thing wrong with an answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// 1-based line in the learner's file, when the note is about one.
    pub line: Option<usize>,
    /// The field (`spec.replicas`), a flag (`--severity`) or empty.
    pub path: String,
    ko: String,
    en: String,
    /// What the schema says of the field (first sentence), when it is a manifest field.
    pub field_doc: String,
}

impl Note {
    /// A note in both languages.
    pub fn new(line: Option<usize>, path: &str, ko: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            line,
            path: path.to_string(),
            // Korean particles after values are written in both forms (`을(를)`).
            ko: crate::i18n::josa::resolve(&ko.into()),
            en: en.into(),
            field_doc: String::new(),
        }
    }

    /// The message alone, in `lang`.
    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ko => &self.ko,
            Lang::En => &self.en,
        }
    }

    /// `FILE:LINE: PATH: message`, one line, cleaned for the terminal.
    pub fn render(&self, file: &str, lang: Lang) -> String {
        let at = self.line.map_or(String::new(), |l| format!(":{l}"));
        let path = if self.path.is_empty() {
            String::new()
        } else {
            format!(" {}:", self.path)
        };
        crate::text::clean_line(&format!("{file}{at}:{path} {}", self.text(lang)))
    }
}

/// The outcome of one check: passed when there is no note.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Verdict {
    pub notes: Vec<Note>,
}

impl Verdict {
    pub fn passed(&self) -> bool {
        self.notes.is_empty()
    }
}

/// Checks `answer` (the work file's text, or the typed command or quiz answer) against `exercise`.
pub fn check(exercise: &Exercise, answer: &str) -> Verdict {
    let notes = match exercise.kind {
        ExerciseKind::Fix | ExerciseKind::Write => check_manifest(exercise, answer),
        ExerciseKind::Command => command::check(&exercise.command, answer),
        ExerciseKind::Quiz => quiz::check(exercise, answer),
    };
    Verdict { notes }
}

/// Schema validation first (errors only: warnings don't fail an exercise), then the assertions.
fn check_manifest(exercise: &Exercise, text: &str) -> Vec<Note> {
    let text = &*crate::manifest::unix(text);
    if text.trim().is_empty() {
        return vec![Note::new(
            Some(1),
            "",
            "파일이 비어 있습니다: 과제의 매니페스트를 작성하세요",
            "the file is empty: write the manifest the task asks for",
        )];
    }
    let docs = crate::manifest::explain::fields_of(text);
    let describe = |path: &str| {
        let general = generalise(path);
        docs.iter()
            .find(|d| d.path == general)
            .map(|d| d.description.clone())
            .unwrap_or_default()
    };
    let findings: Vec<_> = validate_text(text, Options::default())
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    // A file that isn't YAML has no fields to assert on: its syntax error is the one thing to fix.
    let unparsed = findings
        .iter()
        .any(|f| matches!(f.message, Message::NotYaml(_) | Message::Refused(_) | Message::Empty));
    let mut notes: Vec<Note> = findings
        .into_iter()
        .map(|f| {
            let mut n = Note::new(
                Some(f.line),
                &f.path,
                f.message.text(Lang::Ko),
                f.message.text(Lang::En),
            );
            n.field_doc = describe(&f.path);
            n
        })
        .collect();
    if !unparsed {
        notes.extend(assert::check(&exercise.expect, text));
    }
    notes.sort_by_key(|n| n.line.unwrap_or(0));
    notes
}

/// `spec.containers[0].image` -> `spec.containers[].image`, the form of schema field lists.
pub fn generalise(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => {
                in_index = true;
                out.push('[');
            }
            ']' => {
                in_index = false;
                out.push(']');
            }
            _ if in_index => {}
            c => out.push(c),
        }
    }
    out
}

/// For `k8s-course check`: an error for each exercise whose solution fails its own check, and a
/// warning for each whose starting file already passes, at the exercise's line in `lesson.yaml`.
pub fn self_check(lessons: &[crate::content::Lesson]) -> Vec<crate::content::Diagnostic> {
    let mut out = Vec::new();
    for lesson in lessons {
        let path = match lesson.post_path.strip_suffix("post.md") {
            Some(dir) => format!("{dir}lesson.yaml"),
            None => "lesson.yaml".to_string(),
        };
        for ex in &lesson.exercises {
            let verdict = check(ex, &ex.solution);
            if let Some(first) = verdict.notes.first() {
                out.push(crate::content::Diagnostic::error(
                    &path,
                    Some(ex.line),
                    format!(
                        "exercise '{}': its solution fails its own check: {}{}",
                        ex.id,
                        if first.path.is_empty() || !ex.kind.is_manifest() {
                            String::new()
                        } else {
                            format!("{}: ", first.path)
                        },
                        first.text(Lang::En)
                    ),
                ));
            } else if ex.kind.is_manifest() && check(ex, &ex.start).passed() {
                out.push(crate::content::Diagnostic::warning(
                    &path,
                    Some(ex.line),
                    format!(
                        "exercise '{}': its starting file already passes: there is nothing to do",
                        ex.id
                    ),
                ));
            }
        }
    }
    out
}

/// The first hint not yet shown, given how many were.
pub fn hint(exercise: &Exercise, shown: usize) -> Option<&str> {
    exercise.hints.get(shown).map(String::as_str)
}

/// Failed checks after which the solution may be asked for.
pub const SOLUTION_AFTER_FAILS: u32 = 3;
