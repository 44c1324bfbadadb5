//! `check --lint`: what a course author wants to know before publishing, beyond what the loader
//! refuses: damaged text left (mojibake, U+FFFD), Latin letters inside a Hangul word, narration
//! lines that start with a dangling particle, narration too long or short for its segment, and
//! YAML blocks that do not parse or whose indentation was collapsed.
//!
//! Each finding is a [`Diagnostic`] with line and column; the damaged-text and YAML findings are
//! errors (the lesson shows something wrong), the rest warnings (worth a look).

mod text_checks;
pub(crate) mod yaml_blocks;

use crate::content::script::Script;
use crate::content::{CourseSource, Diagnostic, Lesson};

pub use text_checks::{NORMAL_RATE, RATE_RANGE};

/// Lints every lesson of a loaded course; `rel_dir` gives a lesson's folder relative to the
/// source (empty for a single-lesson folder).
pub fn lint(source: &CourseSource, lessons: &[Lesson], rel_dir: impl Fn(&Lesson) -> String) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for lesson in lessons {
        let dir = rel_dir(lesson);
        let join = |f: &str| {
            if dir.is_empty() {
                f.to_string()
            } else {
                format!("{dir}/{f}")
            }
        };
        let post_rel = join("post.md");
        if let Some(text) = read(source, &post_rel) {
            let path = source.display(&post_rel);
            out.extend(lint_post(&path, &text));
        }
        let script_rel = join("script.txt");
        if let (Some(script), Some(text)) = (&lesson.script, read(source, &script_rel)) {
            let path = source.display(&script_rel);
            out.extend(lint_script(&path, &text, script));
        }
    }
    out
}

fn read(source: &CourseSource, rel: &str) -> Option<String> {
    let bytes = source.read(rel).ok()?;
    String::from_utf8(bytes).ok()
}

/// The post: damaged text anywhere, Latin inside Hangul words outside code, YAML blocks.
pub fn lint_post(path: &str, text: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut in_fence = false;
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        out.extend(text_checks::damaged(path, n, line));
        if yaml_blocks::fence(line).is_some() {
            in_fence = !in_fence;
            continue;
        }
        if !in_fence {
            out.extend(text_checks::latin_in_hangul(path, n, line));
        }
    }
    out.extend(yaml_blocks::check(path, text));
    out
}

/// The script: damaged text, Latin inside Hangul words and dangling particles on narration
/// lines, and each speech segment's speaking rate.
pub fn lint_script(path: &str, text: &str, script: &Script) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        out.extend(text_checks::damaged(path, i + 1, line));
    }
    for p in &script.paragraphs {
        out.extend(text_checks::latin_in_hangul(path, p.line, &p.text));
        out.extend(text_checks::dangling_particle(path, p.line, &p.text));
    }
    for seg in script.segments.iter().filter(|s| s.kind.is_speech()) {
        let line = seg.paragraph.map_or(seg.line, |p| script.paragraphs[p].line);
        out.extend(text_checks::rate(path, line, seg));
    }
    out
}
