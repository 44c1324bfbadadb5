//! `lesson.yaml`: which narration segments belong to which slide, and aliases naming slides.
//!
//! ```yaml
//! aliases:            # K9s-style names: `:pod` in the player, `show pod` on the command line
//!   pod: 2.2.1
//! narration:          # slide id -> segments: a number, a range "5-9", or a list of either
//!   title: 1-3
//!   "1.1": 4
//! ```

use serde::Deserialize;
use serde_yaml::Value;

use super::diag::{Diagnostic, Diagnostics};
use super::exercise::{Exercises, split_block};
use super::yaml::{self, YamlSource};
use crate::content::{Lesson, SlideIndex};

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(default)]
    aliases: Option<serde_yaml::Mapping>,
    #[serde(default)]
    narration: Option<serde_yaml::Mapping>,
    #[serde(default)]
    diagrams: Vec<super::diagram_meta::RawDiagram>,
    /// Practice exercises, parsed by `content::exercise`.
    #[serde(default)]
    exercises: Option<Value>,
    /// Free text for authors; not shown.
    #[serde(default)]
    #[allow(dead_code)]
    notes: Option<String>,
}

/// `lesson.yaml` checked against the lesson it describes.
pub struct LessonMeta {
    pub aliases: Vec<(String, SlideIndex)>,
    /// Slide for each segment, when the file has a `narration:` map.
    pub alignment: Option<Vec<SlideIndex>>,
    /// Checked diagrams and the slide each goes on.
    pub diagrams: Vec<(super::diagram::Diagram, SlideIndex)>,
    /// Checked exercises (`exercises:`).
    pub exercises: Exercises,
}

/// Parses `text` (the file at `path`) and resolves its names against `lesson`, which has its
/// slides and script but no aliases yet.
pub fn parse(path: &str, text: &str, lesson: &Lesson, diags: &mut Diagnostics) -> LessonMeta {
    let (mut meta, exercises) = parse_head(path, text, text, lesson, diags);
    if let Some(raw) = exercises {
        meta.exercises = Exercises::now(super::exercise::parse(path, text, raw, lesson, diags));
    }
    meta
}

/// [`parse`] for a built-in file in the player: an `exercises:` block at the end of the file is
/// left as text and parsed on first use (see [`Exercises`]), which the first frame never asks for.
pub(crate) fn parse_built_in(path: &str, text: &'static str, lesson: &Lesson, diags: &mut Diagnostics) -> LessonMeta {
    let later = split_block(text).and_then(|at| Some((at.0, Exercises::later(path, text, at, lesson)?)));
    let Some((at, later)) = later else {
        return parse(path, text, lesson, diags);
    };
    match parse_head(path, &text[..at], text, lesson, diags) {
        (meta, None) => LessonMeta {
            exercises: later,
            ..meta
        },
        // Another `exercises:` before the block (one the line scan could not see): parse it now.
        (mut meta, Some(raw)) => {
            meta.exercises = Exercises::now(super::exercise::parse(path, text, raw, lesson, diags));
            meta
        }
    }
}

/// Parses `yaml` (all of `text`, or the part before its exercises) and checks all but the
/// exercises, which come back as YAML. `text` is the whole file, for the lines messages name.
fn parse_head(
    path: &str,
    yaml: &str,
    text: &str,
    lesson: &Lesson,
    diags: &mut Diagnostics,
) -> (LessonMeta, Option<Value>) {
    let mut meta = LessonMeta {
        aliases: Vec::new(),
        alignment: None,
        diagrams: Vec::new(),
        exercises: Exercises::default(),
    };
    let raw: Raw = match yaml::parse(&YamlSource {
        path,
        first_line: 1,
        text: yaml,
    }) {
        Ok(Some(r)) => r,
        Ok(None) => Raw::default(),
        Err(d) => {
            diags.push(d);
            return (meta, None);
        }
    };
    let line_of = |key: &str| yaml::line_of_key(text, 1, key);
    for (key, value) in raw.aliases.unwrap_or_default() {
        let (Some(alias), Some(target)) = (scalar(&key), scalar(&value)) else {
            diags.push(Diagnostic::error(path, None, "aliases: each entry is 'name: slide-id'"));
            continue;
        };
        let line = line_of(&alias);
        let target_index = lesson.resolve(&target);
        if let Some(existing) = lesson.resolve(&alias).filter(|e| Some(*e) != target_index) {
            diags.push(Diagnostic::error(
                path,
                line,
                format!(
                    "alias '{alias}' is already the id of slide {}: choose another name",
                    lesson.id_of(existing)
                ),
            ));
        } else if meta.aliases.iter().any(|(a, _)| a.eq_ignore_ascii_case(&alias)) {
            diags.push(Diagnostic::error(
                path,
                line,
                format!("alias '{alias}' is defined twice"),
            ));
        } else if let Some(index) = target_index {
            meta.aliases.push((alias, index));
        } else {
            diags.push(no_slide(path, line, &target, &format!("alias '{alias}'")));
        }
    }
    if let Some(map) = raw.narration {
        meta.alignment = alignment(path, text, &map, lesson, diags);
    }
    meta.diagrams = super::diagram_meta::diagrams(path, text, raw.diagrams, lesson, diags);
    (meta, raw.exercises)
}

fn no_slide(path: &str, line: Option<usize>, target: &str, what: &str) -> Diagnostic {
    Diagnostic::error(
        path,
        line,
        format!("{what} names slide '{target}', which does not exist: `k8s-course list` shows the slide ids"),
    )
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn alignment(
    path: &str,
    text: &str,
    map: &serde_yaml::Mapping,
    lesson: &Lesson,
    diags: &mut Diagnostics,
) -> Option<Vec<SlideIndex>> {
    let Some(script) = &lesson.script else {
        diags.push(Diagnostic::error(
            path,
            yaml::line_of_key(text, 1, "narration"),
            "narration: is given but the lesson has no script.txt",
        ));
        return None;
    };
    let count = script.segments.len();
    let mut slots: Vec<Option<SlideIndex>> = vec![None; count];
    let errors_before = diags.items.len();
    let mut twice = Capped::new();
    for (key, value) in map {
        let Some(slide_id) = scalar(key) else {
            continue;
        };
        let line = yaml::line_of_key(text, 1, &slide_id);
        let Some(slide) = lesson.resolve(&slide_id) else {
            diags.push(no_slide(path, line, &slide_id, "narration"));
            continue;
        };
        let numbers = match segment_numbers(value, count) {
            Ok(n) => n,
            Err(msg) => {
                diags.push(Diagnostic::error(
                    path,
                    line,
                    format!("narration for '{slide_id}': {msg}"),
                ));
                continue;
            }
        };
        for n in numbers {
            if let Some(other) = slots[n - 1] {
                // Each entry names at most `count` segments, but many entries can repeat them all:
                // list a few, count the rest.
                let message = format!(
                    "segment {n} is mapped twice: to slide {} and to slide '{slide_id}'",
                    lesson.id_of(other)
                );
                if twice.take() {
                    diags.push(Diagnostic::error(path, line, message));
                }
            } else {
                slots[n - 1] = Some(slide);
            }
        }
    }
    if let Some(more) = twice.more() {
        diags.push(Diagnostic::error(
            path,
            None,
            format!("and {more} more segments mapped twice"),
        ));
    }
    let unmapped: Vec<usize> = (0..count).filter(|&i| slots[i].is_none()).map(|i| i + 1).collect();
    if !unmapped.is_empty() && diags.items.len() == errors_before {
        diags.push(Diagnostic::error(
            path,
            yaml::line_of_key(text, 1, "narration"),
            format!(
                "segment(s) {} belong to no slide: add them under narration:",
                list_capped(&unmapped)
            ),
        ));
    }
    let slots: Option<Vec<SlideIndex>> = slots.into_iter().collect();
    if let Some(s) = &slots
        && s.windows(2).any(|w| w[1] < w[0])
    {
        diags.push(Diagnostic::warning(
            path,
            None,
            "narration goes back to an earlier slide: playback will jump backwards",
        ));
    }
    slots
}

/// How many diagnostics of one kind are listed before the rest are only counted.
const MAX_LISTED: usize = 10;

/// Counts problems of one kind, letting the first [`MAX_LISTED`] through.
struct Capped {
    seen: usize,
}

impl Capped {
    fn new() -> Self {
        Self { seen: 0 }
    }

    /// Counts one; true while it should still be listed.
    fn take(&mut self) -> bool {
        self.seen += 1;
        self.seen <= MAX_LISTED
    }

    /// How many were counted but not listed.
    fn more(&self) -> Option<usize> {
        self.seen.checked_sub(MAX_LISTED).filter(|&n| n > 0)
    }
}

/// `1, 2, 3` for a few numbers, `1, 2, ... 10 and 4990 more` for many.
fn list_capped(numbers: &[usize]) -> String {
    let shown: Vec<String> = numbers.iter().take(MAX_LISTED).map(usize::to_string).collect();
    match numbers.len().checked_sub(MAX_LISTED).filter(|&n| n > 0) {
        Some(more) => format!("{} and {more} more", shown.join(", ")),
        None => shown.join(", "),
    }
}

/// `4`, `"5-9"`, `"1, 3-4"` or `[1, "3-4"]` -> segment numbers, each in `1..=count`.
///
/// Ranges are checked against `count` before they are expanded, so `1-18446744073709551615` is an
/// error rather than an allocation; one entry can't name more numbers than the script has segments.
fn segment_numbers(value: &Value, count: usize) -> Result<Vec<usize>, String> {
    let parts: Vec<String> = match value {
        Value::Sequence(items) => items
            .iter()
            .map(|v| scalar(v).ok_or("a list of numbers or ranges"))
            .collect::<Result<_, _>>()?,
        other => scalar(other)
            .ok_or("expected a segment number, a range like 5-9, or a list")?
            .split(',')
            .map(str::to_string)
            .collect(),
    };
    let mut out = Vec::new();
    for part in parts {
        let part = part.trim();
        let parse = |s: &str| {
            s.trim()
                .parse::<usize>()
                .map_err(|_| format!("'{part}' is not a segment number or range"))
        };
        let in_script = |n: usize| {
            if n == 0 || n > count {
                Err(format!("names segment {n}, but the script has segments 1 to {count}"))
            } else {
                Ok(n)
            }
        };
        let (a, b) = match part.split_once('-') {
            Some((a, b)) => {
                let (a, b) = (parse(a)?, parse(b)?);
                if a > b {
                    return Err(format!("range '{part}' runs backwards"));
                }
                (in_script(a)?, in_script(b)?)
            }
            None => {
                let n = in_script(parse(part)?)?;
                (n, n)
            }
        };
        // Both ends are in 1..=count, so the range is at most `count` long.
        if out.len() + (b - a + 1) > count {
            return Err(format!(
                "names more segments than the script has ({count}): each segment belongs to one slide"
            ));
        }
        out.extend(a..=b);
    }
    Ok(out)
}
