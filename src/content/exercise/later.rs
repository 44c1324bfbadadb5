//! A lesson's exercises, parsed now or when first used.
//!
//! The exercises are most of `lesson.yaml` (27 of them in week 7, two thirds of its bytes), and
//! the player's first frame needs none of them: only how many sit on the slide shown (the header's
//! practice hint). So reading the built-in course (the player, `list`, `show`) leaves the
//! `exercises:` block at the end of the file as text, reads each exercise's `slide:` line without
//! a YAML parser, and parses the block the first time the exercises themselves are asked for (the
//! practice view, the table of contents' marks). The built-in files are fixed when the binary is
//! built and the tests below prove that this gives exactly what parsing them at once gives, with
//! no problem to report; `check` parses them at once, and a course on disk is always parsed at
//! once, so `check`, `lint` and the player report every error in it, with its line, before
//! anything is shown.

use std::ops::Deref;
use std::sync::OnceLock;

use serde::Deserialize;
use serde_yaml::Value;

use super::{Exercise, Slides};
use crate::content::diag::Diagnostics;
use crate::content::yaml::{self, YamlSource};
use crate::content::{Lesson, SlideIndex};

/// A lesson's exercises: a list of [`Exercise`] (through `Deref`), parsed with the lesson or on
/// first use.
#[derive(Debug, Clone, Default)]
pub struct Exercises {
    parsed: OnceLock<Vec<Exercise>>,
    /// What a parse on first use needs; None when they were parsed with the lesson.
    later: Option<Box<Later>>,
}

/// An `exercises:` block kept as text, with what parsing it needs from its lesson.
#[derive(Clone)]
struct Later {
    /// `lesson.yaml` as messages name it.
    path: String,
    /// The whole file (an exercise's line is a line of it) and where its last key,
    /// `exercises:`, starts: the byte offset and the line.
    text: &'static str,
    at: usize,
    line: usize,
    /// Each exercise's `slide:` as written, in order, and the slide it names.
    slides: Vec<(String, Option<SlideIndex>)>,
    /// The lesson's narration segments.
    segments: usize,
}

impl std::fmt::Debug for Later {
    /// Where the block is and how many exercises it holds, not the whole file.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Later")
            .field("path", &self.path)
            .field("line", &self.line)
            .field("exercises", &self.slides.len())
            .finish()
    }
}

impl Exercises {
    /// Exercises parsed with their lesson.
    pub(crate) fn now(list: Vec<Exercise>) -> Self {
        Self {
            parsed: OnceLock::from(list),
            later: None,
        }
    }

    /// The `exercises:` block of the built-in `text` (the file at `path`) that starts at byte
    /// `at`, line `line` (see [`split_block`]), to be parsed on first use against `lesson`; None
    /// when its `slide:` lines can't be read without a YAML parser (then parse it now).
    pub(crate) fn later(path: &str, text: &'static str, (at, line): (usize, usize), lesson: &Lesson) -> Option<Self> {
        let slides = slide_names(&text[at..])?
            .into_iter()
            .map(|name| {
                let slide = lesson.resolve(&name);
                (name, slide)
            })
            .collect();
        Some(Self {
            parsed: OnceLock::new(),
            later: Some(Box::new(Later {
                path: path.to_string(),
                text,
                at,
                line,
                slides,
                segments: Slides::segments(lesson),
            })),
        })
    }

    /// How many exercises are on `slide`, without parsing them if they are not parsed yet.
    pub fn count_on(&self, slide: SlideIndex) -> usize {
        match (self.parsed.get(), &self.later) {
            (None, Some(later)) => later.slides.iter().filter(|(_, s)| *s == Some(slide)).count(),
            _ => self.iter().filter(|e| e.slide == slide).count(),
        }
    }

    /// Whether the exercises are parsed (they always are unless they were left for first use).
    pub fn is_parsed(&self) -> bool {
        self.parsed.get().is_some() || self.later.is_none()
    }
}

impl Deref for Exercises {
    type Target = [Exercise];

    /// The exercises, parsed now if they were left for first use.
    fn deref(&self) -> &[Exercise] {
        self.parsed
            .get_or_init(|| self.later.as_ref().map_or_else(Vec::new, |l| l.parse()))
    }
}

impl<'a> IntoIterator for &'a Exercises {
    type Item = &'a Exercise;
    type IntoIter = std::slice::Iter<'a, Exercise>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// The block alone, as YAML: one key.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Block {
    exercises: Option<Value>,
}

impl Later {
    /// Parses the block as [`super::parse`] does with the whole file. What it would report is
    /// dropped with the exercises it rejects: only the built-in files are left for first use, and
    /// the tests prove it reports nothing for them.
    fn parse(&self) -> Vec<Exercise> {
        let mut diags = Diagnostics::default();
        let block = yaml::parse::<Option<Block>>(&YamlSource {
            path: &self.path,
            first_line: self.line,
            text: &self.text[self.at..],
        });
        match block {
            Ok(Some(Block { exercises: Some(raw) })) => super::parse(&self.path, self.text, raw, self, &mut diags),
            _ => Vec::new(),
        }
    }
}

impl Slides for Later {
    fn resolve(&self, name: &str) -> Option<SlideIndex> {
        self.slides.iter().find(|(n, _)| n == name).and_then(|(_, s)| *s)
    }

    fn segments(&self) -> usize {
        self.segments
    }
}

/// Where the `exercises:` block of `text` starts (byte offset, 1-based line), when it is the
/// last top-level key: a line `exercises:` at column 0, and after it only indented lines,
/// comments and blank lines.
pub(crate) fn split_block(text: &str) -> Option<(usize, usize)> {
    let mut at = 0;
    let mut found = None;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let first = line.chars().next().unwrap_or('\n');
        match found {
            None if line.trim_end() == "exercises:" => found = Some((at, i + 1)),
            Some(_) if !matches!(first, ' ' | '#' | '\n' | '\r') => return None,
            _ => {}
        }
        at += line.len();
    }
    found
}

/// Each exercise's `slide:` in an `exercises:` block, read line by line: an exercise starts at
/// a `- ` line at the indentation of the first one, and its keys are that line and the lines
/// indented two more. None unless every exercise has exactly one.
fn slide_names(block: &str) -> Option<Vec<String>> {
    let mut items: Vec<Option<String>> = Vec::new();
    let mut indent = None;
    for line in block.lines().skip(1) {
        let body = line.trim_start_matches(' ');
        let at = line.len() - body.len();
        if body.trim().is_empty() || body.starts_with('#') {
            continue;
        }
        let item = *indent.get_or_insert(at);
        let key = if at == item {
            items.push(None);
            body.strip_prefix("- ")?
        } else if at == item + 2 {
            body
        } else {
            continue;
        };
        if let Some(value) = key.strip_prefix("slide:") {
            let slot = items.last_mut()?;
            if slot.replace(unquote(value)?).is_some() {
                return None;
            }
        }
    }
    items.into_iter().collect()
}

/// A plain or quoted one-line scalar as YAML reads it; None for what needs a parser (escapes,
/// a quote left open, nothing at all).
fn unquote(value: &str) -> Option<String> {
    let value = value.trim();
    let plain = match value.chars().next()? {
        q @ ('"' | '\'') => {
            let inner = value[1..].split(q).next()?;
            let rest = value[1 + inner.len()..].strip_prefix(q)?.trim_start();
            if inner.contains('\\') || !(rest.is_empty() || rest.starts_with('#')) {
                return None;
            }
            return Some(inner.to_string());
        }
        _ => value.split(" #").next()?.trim_end(),
    };
    // YAML reads `2.10` as the number 2.1, `010` as 8 and `true` as a boolean: leave such
    // values to it. A whole number without a leading zero reads back as written.
    let whole = plain.bytes().all(|b| b.is_ascii_digit()) && !plain.starts_with('0');
    let number = !whole && plain.parse::<f64>().is_ok();
    let keyword = ["true", "false", "null", "~"].contains(&plain.to_ascii_lowercase().as_str());
    (!plain.is_empty() && !number && !keyword).then(|| plain.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::lazy::load_course_lazily;
    use crate::content::{CourseSource, load_course, load_course_in_full};

    #[test]
    fn the_block_is_found_only_as_the_last_top_level_key() {
        let text = "aliases:\n  pod: 1\nexercises:\n  - id: a\n# note\n\n    slide: 1\n";
        assert_eq!(split_block(text), Some((18, 3)));
        assert_eq!(split_block("exercises:\n  - id: a\nnotes: x\n"), None);
        assert_eq!(split_block("aliases:\n  exercises:\n"), None);
    }

    #[test]
    fn slide_lines_are_read_or_refused() {
        let block =
            "exercises:\n  - id: a\n    slide: \"2.2.1\"  # the Pod\n    hints: [x]\n  - slide: title\n    id: b\n";
        assert_eq!(slide_names(block), Some(vec!["2.2.1".to_string(), "title".to_string()]));
        // An exercise without one, one with two, an escape: left to the parser.
        assert_eq!(slide_names("exercises:\n  - id: a\n"), None);
        assert_eq!(slide_names("exercises:\n  - slide: 1\n    slide: 2\n"), None);
        assert_eq!(slide_names("exercises:\n  - slide: \"\\x31\"\n"), None);
        assert_eq!(slide_names("exercises:\n  - { id: a, slide: 1 }\n"), None);
        assert_eq!(slide_names("exercises:\n  - slide: 2.10\n"), None);
    }

    /// What lets the player leave the built-in exercises for first use: they come out exactly as
    /// parsing the whole file at once gives them, which reports no problem, and the count per
    /// slide read before parsing is the count after.
    #[test]
    fn built_in_exercises_left_for_first_use_are_the_ones_parsed_at_once() {
        let eager = load_course_in_full(&CourseSource::BuiltIn);
        assert_eq!(eager.diagnostics, Vec::new());
        let eager = eager.course.expect("the built-in course");
        let lazy = load_course_lazily(&CourseSource::BuiltIn, |_, _| None);
        assert_eq!(lazy.report.diagnostics, Vec::new());
        let lazy = lazy.report.course.expect("the built-in course");
        let read = load_course(&CourseSource::BuiltIn).course.expect("the built-in course");
        for later in lazy.lessons.iter().chain(&read.lessons) {
            let now = eager
                .lessons
                .iter()
                .find(|l| l.id == later.id)
                .expect("the same lessons");
            assert!(now.exercises.is_parsed(), "{}: not parsed at once", now.id);
            assert!(!now.exercises.is_empty(), "{}: no exercises", now.id);
            assert!(!later.exercises.is_parsed(), "{}: parsed before use", later.id);
            for slide in (0..now.slide_count()).map(SlideIndex) {
                assert_eq!(
                    later.exercises.count_on(slide),
                    now.exercises.count_on(slide),
                    "{}",
                    now.id_of(slide)
                );
            }
            assert!(!later.exercises.is_parsed(), "{}: counting parsed them", later.id);
            assert_eq!(format!("{:?}", &*later.exercises), format!("{:?}", &*now.exercises));
            assert!(later.exercises.is_parsed());
        }
    }
}
