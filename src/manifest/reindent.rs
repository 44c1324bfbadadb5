//! Rebuilding the indentation of a Kubernetes manifest whose nesting was flattened (every nested
//! line at one space, keys in their original order), from the schema: a key belongs to the deepest
//! open object that has such a field (and doesn't have it yet); a key with nothing after its colon
//! opens an object or a list; a string map (labels, selectors, annotations, data) takes plain
//! `key: value` lines until a key that its ancestors know; a `- ` item goes to the open list whose
//! items know most of its keys. Where two readings stay possible, the likelier is chosen and noted.
//! Output uses the course's style: two spaces per level, list dashes under their key.

mod doc;

use super::position::split_key;
use super::schema::Schema;

/// What happened to a YAML text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// It was collapsed and has been re-indented.
    Reindented,
    /// A Kubernetes manifest whose indentation is intact: returned unchanged.
    NotCollapsed,
    /// Not a Kubernetes manifest (a workflow, a compose file): returned unchanged.
    NotKubernetes { collapsed: bool },
}

/// A choice the re-indenter made that a person may want to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// 1-based line of the input.
    pub line: usize,
    pub message: String,
}

/// The repaired text, what was done, and the choices made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reindented {
    pub text: String,
    pub outcome: Outcome,
    pub notes: Vec<Note>,
}

fn indent_of(s: &str) -> usize {
    s.len() - s.trim_start_matches(' ').len()
}

fn is_dash(t: &str) -> bool {
    t == "-" || t.starts_with("- ")
}

fn significant(t: &str) -> bool {
    !t.is_empty() && !t.starts_with('#')
}

/// The kind named by a `kind:` line at the top of a document, if the schema knows it.
fn kind_of<'s>(schema: &'s Schema, doc: &str) -> Option<&'s str> {
    doc.lines().find_map(|l| {
        let (k, v) = split_key(l)?;
        (k == "kind" && indent_of(l) == 0).then_some(())?;
        schema.kinds.get(v.trim()).map(|k| k.def.as_str())
    })
}

/// Whether nesting was lost: every line at column 0 or 1, and some at 1. (A manifest that really
/// is one level deep with one-space indentation reads the same either way, so re-indenting it is
/// harmless.)
pub fn is_collapsed(text: &str) -> bool {
    let mut one = false;
    for l in text.lines().filter(|l| significant(l.trim())) {
        match indent_of(l) {
            0 => {}
            1 => one = true,
            _ => return false,
        }
    }
    one
}

/// Re-indents `text` (one or more `---` documents) if it is a collapsed Kubernetes manifest.
pub fn reindent(text: &str) -> Reindented {
    let schema = Schema::get();
    let docs: Vec<&str> = split_docs(text);
    let kube = docs
        .iter()
        .all(|d| !d.lines().any(|l| significant(l.trim())) || kind_of(schema, d).is_some());
    let collapsed = is_collapsed(text);
    let unchanged = |outcome| Reindented {
        text: text.to_string(),
        outcome,
        notes: Vec::new(),
    };
    if !kube {
        return unchanged(Outcome::NotKubernetes { collapsed });
    }
    if !collapsed {
        return unchanged(Outcome::NotCollapsed);
    }
    let mut out = String::with_capacity(text.len() + text.len() / 2);
    let mut notes = Vec::new();
    let mut first_line = 1;
    for (i, doc) in docs.iter().enumerate() {
        if i > 0 {
            out.push_str("---\n");
        }
        let def = kind_of(schema, doc).unwrap_or("");
        doc::run(schema, doc, def, first_line, &mut out, &mut notes);
        first_line += doc.lines().count() + 1;
    }
    if !text.ends_with('\n') && out.ends_with('\n') {
        out.pop();
    }
    Reindented {
        text: out,
        outcome: Outcome::Reindented,
        notes,
    }
}

/// The documents of `text`, without their `---` lines.
fn split_docs(text: &str) -> Vec<&str> {
    let mut docs = Vec::new();
    let mut start = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line.trim_end() == "---" {
            docs.push(&text[start..offset]);
            start = offset + line.len();
        }
        offset += line.len();
    }
    docs.push(&text[start..]);
    docs
}
