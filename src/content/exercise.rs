//! Exercises as data: `exercises:` in `lesson.yaml`, each tied to a slide, parsed into plain
//! values with their `lesson.yaml` line. Checking a learner's answer is `crate::practice`'s job;
//! this module only says what an exercise is and rejects one that can't be used (missing slide,
//! unknown kind, no solution), naming the file and line.
//!
//! ```yaml
//! exercises:
//!   - id: pod-fix            # unique in the lesson; the lab file is ID.yaml
//!     slide: "2.2.1"         # a slide id or alias
//!     kind: fix              # fix | write | command | quiz
//!     task: 깨진 Pod를 고치세요.
//!     hints: [첫 힌트, 둘째 힌트]
//!     start: |               # fix: the broken manifest; write: optional skeleton
//!       ...
//!     solution: |
//!       ...
//!     expect:                # manifest kinds: the task's own assertions
//!       - { kind: Pod, path: spec.containers[0].image, equals: nginx:1.21 }
//!       - { kind: Service, selects: Deployment }
//!       - { kind: Pod, path: spec.containers[0].securityContext.privileged, absent: true }
//!     command:               # command kind: one entry per step (`a && b`)
//!       - { tool: docker, sub: [run], flags: [{ names: [-d, --detach] }], args: [nginx:latest] }
//!     choices: [..]          # quiz: optional multiple choice
//!     accept: [etcd]         # quiz: accepted answers (spelling variants)
//!     segment: 11            # quiz: the narration segment that answers it
//! ```

use std::collections::HashMap;

use serde::Deserialize;
use serde_yaml::Value;

use super::diag::{Diagnostic, Diagnostics};
use super::{Lesson, SlideIndex};

mod later;

pub use later::Exercises;
pub(crate) use later::split_block;

/// More exercises than any lesson needs; bounds loading whatever the file says.
pub const MAX_EXERCISES: usize = 200;
/// Bounds on the lists inside one exercise.
const MAX_ITEMS: usize = 64;

/// What the learner does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExerciseKind {
    /// Repair a broken manifest.
    Fix,
    /// Write a manifest from a task.
    Write,
    /// Type the shell command that does something.
    Command,
    /// Answer a question on the lecture.
    Quiz,
}

impl ExerciseKind {
    /// The spelling in `lesson.yaml` and in `k8s-course practice`.
    pub fn name(self) -> &'static str {
        match self {
            ExerciseKind::Fix => "fix",
            ExerciseKind::Write => "write",
            ExerciseKind::Command => "command",
            ExerciseKind::Quiz => "quiz",
        }
    }

    /// Whether the learner's work is a manifest file (fix, write).
    pub fn is_manifest(self) -> bool {
        matches!(self, ExerciseKind::Fix | ExerciseKind::Write)
    }

    fn parse(s: &str) -> Option<Self> {
        [Self::Fix, Self::Write, Self::Command, Self::Quiz]
            .into_iter()
            .find(|k| k.name() == s)
    }
}

/// One assertion a manifest answer must meet beyond schema validity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expect {
    /// The field at `path` of the document of `kind` has this value (compared as text).
    Equals { kind: String, path: String, value: String },
    /// The field must not be set (a forbidden field).
    Absent { kind: String, path: String },
    /// The field must be set, whatever its value.
    Present { kind: String, path: String },
    /// The selector of `kind` (a Service's `spec.selector`, a controller's `matchLabels`) is not
    /// empty and matches the Pod template labels of the document of kind `target`.
    Selects { kind: String, target: String },
}

/// One flag the command must carry: any of its spellings, and the value when it takes one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlagSpec {
    pub names: Vec<String>,
    /// Expected value; comma lists (`HIGH,CRITICAL`) compare as sets.
    pub value: Option<String>,
}

/// One command of the answer: `tool sub... [flags] args...`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommandSpec {
    pub tool: String,
    pub sub: Vec<String>,
    pub flags: Vec<FlagSpec>,
    /// Flags the learner may add that take a value (so their value isn't read as an argument).
    pub optional: Vec<FlagSpec>,
    pub args: Vec<String>,
}

/// An exercise as the lesson describes it.
#[derive(Debug, Clone)]
pub struct Exercise {
    pub id: String,
    pub kind: ExerciseKind,
    pub slide: SlideIndex,
    /// Line of `- id:` in `lesson.yaml`.
    pub line: usize,
    pub task: String,
    pub hints: Vec<String>,
    /// The starting manifest (fix: broken; write: a skeleton or empty).
    pub start: String,
    pub solution: String,
    pub expect: Vec<Expect>,
    pub command: Vec<CommandSpec>,
    pub choices: Vec<String>,
    pub accept: Vec<String>,
    /// The narration segment that answers a quiz.
    pub segment: Option<usize>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExercise {
    id: String,
    slide: Value,
    kind: String,
    task: String,
    #[serde(default)]
    hints: Vec<String>,
    #[serde(default)]
    start: String,
    #[serde(default)]
    solution: String,
    #[serde(default)]
    expect: Vec<RawExpect>,
    #[serde(default)]
    command: Vec<RawCommand>,
    #[serde(default)]
    choices: Vec<String>,
    #[serde(default)]
    accept: Vec<Value>,
    #[serde(default)]
    segment: Option<usize>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExpect {
    kind: String,
    #[serde(default)]
    path: Option<String>,
    #[serde(default)]
    equals: Option<Value>,
    #[serde(default)]
    absent: bool,
    #[serde(default)]
    selects: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCommand {
    tool: String,
    #[serde(default)]
    sub: Vec<String>,
    #[serde(default)]
    flags: Vec<RawFlag>,
    #[serde(default)]
    optional: Vec<RawFlag>,
    #[serde(default)]
    args: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFlag {
    names: Vec<String>,
    #[serde(default)]
    value: Option<Value>,
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// The line of each exercise id: the first `id: ID` (or `- id: ID`) after `exercises:`. One
/// pass over the file for all of them (a search per exercise would be quadratic in a hostile file).
fn id_lines(text: &str) -> HashMap<&str, usize> {
    let start = super::yaml::line_of_key(text, 1, "exercises").unwrap_or(1);
    let mut lines = HashMap::new();
    for (i, l) in text.lines().enumerate().skip(start - 1) {
        let l = l.trim_start().trim_start_matches("- ").trim_start();
        if let Some(v) = l.strip_prefix("id:") {
            lines.entry(v.trim().trim_matches(['"', '\''])).or_insert(i + 1);
        }
    }
    lines
}

/// What exercises are checked against: the slides their `slide:` may name, and the narration.
pub(crate) trait Slides {
    /// The slide `name` names (an id, slug or alias), as [`Lesson::resolve`] finds it.
    fn resolve(&self, name: &str) -> Option<SlideIndex>;
    /// How many narration segments the lesson has (0 without a script).
    fn segments(&self) -> usize;
}

impl Slides for Lesson {
    fn resolve(&self, name: &str) -> Option<SlideIndex> {
        Lesson::resolve(self, name)
    }

    fn segments(&self) -> usize {
        self.script.as_ref().map_or(0, |s| s.segments.len())
    }
}

/// Parses the `exercises:` list of `lesson.yaml` (at `path`, whole text `text`) against `lesson`.
pub(crate) fn parse(path: &str, text: &str, raw: Value, lesson: &dyn Slides, diags: &mut Diagnostics) -> Vec<Exercise> {
    let whole = super::yaml::line_of_key(text, 1, "exercises");
    let Value::Sequence(items) = raw else {
        diags.push(Diagnostic::error(
            path,
            whole,
            "exercises: expected a list of exercises",
        ));
        return Vec::new();
    };
    if items.len() > MAX_EXERCISES {
        diags.push(Diagnostic::error(
            path,
            whole,
            format!(
                "exercises: {} exercises, more than {MAX_EXERCISES}: split the lesson",
                items.len()
            ),
        ));
        return Vec::new();
    }
    let mut out: Vec<Exercise> = Vec::new();
    let ids = id_lines(text);
    for (i, item) in items.into_iter().enumerate() {
        let guess = item.get("id").and_then(scalar);
        let line = guess.as_deref().and_then(|id| ids.get(id).copied()).or(whole);
        let raw: RawExercise = match serde_yaml::from_value(item) {
            Ok(r) => r,
            Err(e) => {
                diags.push(Diagnostic::error(
                    path,
                    line,
                    format!("exercise {} ({}): {e}", i + 1, guess.unwrap_or_default()),
                ));
                continue;
            }
        };
        let mut fail = |msg: String| diags.push(Diagnostic::error(path, line, format!("exercise '{}': {msg}", raw.id)));
        if raw.id.is_empty()
            || !raw
                .id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            fail("the id must be letters, digits, '-' or '_' (it names the lab file)".into());
            continue;
        }
        if out.iter().any(|e| e.id == raw.id) {
            fail("the id is used twice in this lesson".into());
            continue;
        }
        let Some(kind) = ExerciseKind::parse(&raw.kind) else {
            fail(format!("unknown kind '{}': use fix, write, command or quiz", raw.kind));
            continue;
        };
        let slide_id = scalar(&raw.slide).unwrap_or_default();
        let Some(slide) = lesson.resolve(&slide_id) else {
            fail(format!(
                "names slide '{slide_id}', which does not exist: `k8s-course list` shows the slide ids"
            ));
            continue;
        };
        if raw.solution.trim().is_empty() {
            fail("has no solution: every exercise needs one (it is shown after a pass)".into());
            continue;
        }
        if raw.hints.len() > MAX_ITEMS
            || raw.expect.len() > MAX_ITEMS
            || raw.command.len() > MAX_ITEMS
            || raw.accept.len() > MAX_ITEMS
            || raw.choices.len() > MAX_ITEMS
        {
            fail(format!("a list has more than {MAX_ITEMS} entries"));
            continue;
        }
        if kind == ExerciseKind::Fix && raw.start.trim().is_empty() {
            fail("a fix exercise needs `start:`, the broken manifest".into());
            continue;
        }
        if kind == ExerciseKind::Command && raw.command.is_empty() {
            fail("a command exercise needs `command:`, what the answer must contain".into());
            continue;
        }
        if kind == ExerciseKind::Quiz && raw.accept.is_empty() {
            fail("a quiz needs `accept:`, the accepted answers".into());
            continue;
        }
        let count = lesson.segments();
        if let Some(n) = raw.segment.filter(|&n| n == 0 || n > count) {
            fail(format!(
                "segment {n} is not in the script (it has segments 1 to {count})"
            ));
            continue;
        }
        let mut expect = Vec::new();
        let mut bad = None;
        for e in raw.expect {
            let parsed = match (e.path, e.equals, e.absent, e.selects) {
                (Some(path), Some(v), false, None) => scalar(&v).map(|value| Expect::Equals {
                    kind: e.kind,
                    path,
                    value,
                }),
                (Some(path), None, true, None) => Some(Expect::Absent { kind: e.kind, path }),
                (Some(path), None, false, None) => Some(Expect::Present { kind: e.kind, path }),
                (None, None, false, Some(target)) => Some(Expect::Selects { kind: e.kind, target }),
                _ => None,
            };
            match parsed {
                Some(p) => expect.push(p),
                None => {
                    bad = Some(
                        "each expect entry is {kind, path, equals} or {kind, path, absent: true} or {kind, path} or {kind, selects}",
                    )
                }
            }
        }
        if let Some(msg) = bad {
            fail(msg.into());
            continue;
        }
        let flag = |f: RawFlag| FlagSpec {
            names: f.names,
            value: f.value.as_ref().and_then(scalar),
        };
        let command = raw
            .command
            .into_iter()
            .map(|c| CommandSpec {
                tool: c.tool,
                sub: c.sub,
                flags: c.flags.into_iter().map(flag).collect(),
                optional: c.optional.into_iter().map(flag).collect(),
                args: c.args,
            })
            .collect();
        out.push(Exercise {
            id: raw.id,
            kind,
            slide,
            line: line.unwrap_or(1),
            task: crate::text::clean_text(raw.task.trim()),
            hints: raw.hints.iter().map(|h| crate::text::clean_text(h.trim())).collect(),
            start: raw.start,
            solution: raw.solution,
            expect,
            command,
            choices: raw.choices,
            accept: raw.accept.iter().filter_map(scalar).collect(),
            segment: raw.segment,
        });
    }
    out
}
