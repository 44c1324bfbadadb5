//! The re-indenting state machine for one document: a stack of open objects, maps and lists,
//! fed one input line at a time, writing each line at the indentation of where it belongs.

use std::collections::HashSet;

use super::super::position::split_key;
use super::super::schema::{Schema, Ty};
use super::{Note, indent_of, is_dash, significant};

/// Deeper than any real manifest (the Deployment of week 7 reaches 8).
const MAX_DEPTH: usize = 48;
/// Enough to review; a file with more has bigger problems than indentation.
const MAX_NOTES: usize = 100;
/// Lists tried for a `- ` item, innermost first, and lines of look-ahead per try: bound the work per line.
const MAX_TRIES: usize = 4;
const LOOK_AHEAD: usize = 32;

/// Re-indents one document (`def`: its kind's definition) into `out`, noting choices in `notes`.
pub(super) fn run(schema: &Schema, doc: &str, def: &str, first_line: usize, out: &mut String, notes: &mut Vec<Note>) {
    Doc {
        schema,
        stack: Vec::new(),
        out,
        notes,
        held: Vec::new(),
        too_deep: false,
    }
    .run(doc, def, first_line);
}

#[derive(Clone)]
enum Ctx {
    /// An object of a schema definition; its keys go at `indent`.
    Obj {
        def: String,
        indent: usize,
        seen: HashSet<String>,
    },
    /// A map with free keys (labels, data) or free-form content.
    Free { value: Ty, indent: usize },
    /// A list; its dashes go at `indent`.
    Seq { item: Ty, indent: usize },
}

/// One significant input line.
struct Line<'a> {
    no: usize,
    col: usize,
    text: &'a str,
}

struct Doc<'a> {
    schema: &'a Schema,
    stack: Vec<Ctx>,
    out: &'a mut String,
    notes: &'a mut Vec<Note>,
    /// Comments and blank lines waiting for the indentation of the line they precede.
    held: Vec<&'a str>,
    /// Whether the depth limit was hit (said once).
    too_deep: bool,
}

impl<'a> Doc<'a> {
    fn run(&mut self, doc: &'a str, def: &str, first_line: usize) {
        self.stack.push(Ctx::Obj {
            def: def.to_string(),
            indent: 0,
            seen: HashSet::new(),
        });
        let lines: Vec<Line<'a>> = doc
            .lines()
            .enumerate()
            .map(|(i, l)| Line {
                no: first_line + i,
                col: indent_of(l),
                text: l.trim_start_matches(' '),
            })
            .collect();
        let mut i = 0;
        while i < lines.len() {
            let line = &lines[i];
            i += 1;
            if !significant(line.text.trim_end()) {
                self.held.push(line.text);
                continue;
            }
            if line.col == 0 {
                // Back at the top: a key of the root, or an item of a list the root opened.
                let root_list = is_dash(line.text) && matches!(self.stack.get(1), Some(Ctx::Seq { .. }));
                self.stack.truncate(if root_list { 2 } else { 1 });
            }
            if is_dash(line.text) {
                self.dash(&lines[i - 1..], line.text);
            } else {
                let block = self.key(line, line.text, None);
                if block {
                    // A block scalar (`|`, `>`): its lines run until a key an open object knows.
                    let indent = self.child_indent();
                    while i < lines.len() && !self.ends_block(&lines[i]) {
                        let t = lines[i].text;
                        self.emit(indent, t);
                        i += 1;
                    }
                    self.note(Note {
                        line: line.no,
                        message: "block scalar: its end was guessed from the next known key".into(),
                    });
                }
            }
        }
        let rest = std::mem::take(&mut self.held);
        for t in rest {
            self.push_line(0, t);
        }
    }

    fn ends_block(&self, l: &Line<'_>) -> bool {
        l.col == 0 && significant(l.text)
            || split_key(l.text).is_some_and(|(k, _)| self.stack.iter().any(|c| self.accepts(c, &k)))
    }

    fn push_line(&mut self, indent: usize, t: &str) {
        if !t.trim().is_empty() {
            self.out.extend(std::iter::repeat_n(' ', indent));
        }
        self.out.push_str(t);
        self.out.push('\n');
    }

    fn emit(&mut self, indent: usize, t: &str) {
        let held = std::mem::take(&mut self.held);
        for h in held {
            self.push_line(indent, h);
        }
        self.push_line(indent, t);
    }

    fn child_indent(&self) -> usize {
        match self.stack.last() {
            Some(Ctx::Obj { indent, .. } | Ctx::Free { indent, .. }) => indent + 2,
            Some(Ctx::Seq { indent, .. }) => indent + 2,
            None => 0,
        }
    }

    fn field_ty(&self, def: &str, key: &str) -> Option<Ty> {
        self.schema.def(def)?.fields.get(key).map(|f| f.ty.clone())
    }

    /// Whether `key` can be a new key of `ctx` (Free maps take any key).
    fn accepts(&self, ctx: &Ctx, key: &str) -> bool {
        match ctx {
            Ctx::Obj { def, seen, .. } => !seen.contains(key) && self.field_ty(def, key).is_some(),
            _ => false,
        }
    }

    /// Places a `key: value` line; `dash_at` is set when it follows `- ` on the same line (already
    /// placed in a new item). Returns whether its value is a block scalar.
    fn key(&mut self, line: &Line<'_>, text: &str, dash_at: Option<usize>) -> bool {
        let Some((key, value)) = split_key(text) else {
            // A plain scalar line (a continued value): keep it under what is open.
            let indent = self.child_indent();
            self.emit(indent, text);
            return false;
        };
        if dash_at.is_none() {
            let opener = value.trim_end().is_empty() || value.starts_with('#');
            self.place(line, &key, opener);
        }
        let (indent, ty) = match self.stack.last_mut() {
            Some(Ctx::Obj { def, indent, seen }) => {
                seen.insert(key.clone());
                let def = def.clone();
                (*indent, self.field_ty(&def, &key).unwrap_or(Ty::Any))
            }
            Some(Ctx::Free { value, indent }) => (*indent, value.clone()),
            Some(Ctx::Seq { indent, .. }) => (*indent + 2, Ty::Any),
            None => (0, Ty::Any),
        };
        match dash_at {
            Some(d) => self.emit(d, &format!("- {text}")),
            None => self.emit(indent, text),
        }
        let value = value.trim_end();
        if value.starts_with('|') || value.starts_with('>') {
            return true;
        }
        if value.is_empty() || value.starts_with('#') {
            self.open(ty, indent);
        }
        false
    }

    /// Records a choice; past `MAX_NOTES`, one last note says the rest were not listed.
    fn note(&mut self, note: Note) {
        match self.notes.len() {
            n if n < MAX_NOTES => self.notes.push(note),
            MAX_NOTES => self.notes.push(Note {
                line: note.line,
                message: "more choices like these: not listed".into(),
            }),
            _ => {}
        }
    }

    /// Opens a context, unless the nesting is already deeper than any manifest: then the lines stay
    /// at the current level (each line's work is bounded by the depth, so this keeps it linear).
    fn push_ctx(&mut self, ctx: Ctx, line: usize) {
        if self.stack.len() < MAX_DEPTH {
            self.stack.push(ctx);
        } else if !self.too_deep {
            self.too_deep = true;
            self.note(Note {
                line,
                message: format!("nested more than {MAX_DEPTH} levels: the rest kept at that level"),
            });
        }
    }

    /// Opens the value of a key at `indent` whose value follows on later lines.
    fn open(&mut self, ty: Ty, indent: usize) {
        let ctx = match ty {
            Ty::Obj(def) => Ctx::Obj {
                def,
                indent: indent + 2,
                seen: HashSet::new(),
            },
            Ty::Arr(item) => Ctx::Seq { item: *item, indent },
            Ty::Map(value) => Ctx::Free {
                value: *value,
                indent: indent + 2,
            },
            _ => Ctx::Free {
                value: Ty::Any,
                indent: indent + 2,
            },
        };
        self.push_ctx(ctx, 0);
    }

    /// Pops the stack to the context that `key` belongs to.
    fn place(&mut self, line: &Line<'_>, key: &str, opener: bool) {
        let n = self.stack.len();
        let mut choice = None;
        for i in (0..n).rev() {
            match &self.stack[i] {
                Ctx::Obj { .. } if self.accepts(&self.stack[i], key) => {
                    choice = Some(i);
                    break;
                }
                Ctx::Free { .. } => {
                    // A free map keeps the key unless an ancestor knows it.
                    let ancestor = self.stack[..i].iter().rposition(|c| self.accepts(c, key));
                    if ancestor.is_some() && !opener {
                        // `name: web` could be a label as well as the object's field: say which.
                        self.note(Note {
                            line: line.no,
                            message: format!("'{key}' read as a field of the enclosing object, not a map entry"),
                        });
                    }
                    choice = Some(ancestor.unwrap_or(i));
                    break;
                }
                _ => {}
            }
        }
        let i = choice.unwrap_or_else(|| {
            self.note(Note {
                line: line.no,
                message: format!("unknown field '{key}': kept where it was found"),
            });
            self.stack
                .iter()
                .rposition(|c| !matches!(c, Ctx::Seq { .. }))
                .unwrap_or(0)
        });
        self.stack.truncate(i + 1);
    }

    /// Places a `- ...` line: a new item of the open list under which the item and the lines up to
    /// the next item fit best (fewest keys that nothing knows), the deepest list on a tie.
    fn dash(&mut self, ahead: &[Line<'_>], text: &str) {
        let line = Line {
            no: ahead[0].no,
            col: ahead[0].col,
            text,
        };
        let scalar = split_key(text[1..].trim_start_matches(' ')).is_none();
        let mut best: Option<(usize, usize)> = None;
        let mut tied = false;
        let lists = self
            .stack
            .iter()
            .enumerate()
            .rev()
            .filter(|(_, c)| matches!(c, Ctx::Seq { .. }));
        for (i, c) in lists.take(MAX_TRIES) {
            let Ctx::Seq { item, .. } = c else { continue };
            let misfits = match item {
                Ty::Obj(_) if scalar => usize::MAX,
                t if t.is_scalar() && !scalar => usize::MAX,
                _ if scalar => 0,
                _ => self.misfits(i, &line, ahead),
            };
            match best {
                Some((_, m)) if misfits == m && m != usize::MAX => tied = true,
                Some((_, m)) if misfits >= m => {}
                _ => best = Some((i, misfits)),
            }
        }
        let Some((i, _)) = best else {
            self.note(Note {
                line: line.no,
                message: "list item with no open list: kept in place".into(),
            });
            let indent = self.child_indent();
            self.emit(indent, text);
            return;
        };
        if tied && !scalar {
            self.note(Note {
                line: line.no,
                message: "list item fits more than one open list: the innermost was chosen".into(),
            });
        }
        self.stack.truncate(i + 1);
        self.item(&line, text);
    }

    /// How many keys would fit nowhere if the item on `line` went into the list at `i`: the
    /// placement is tried on a copy, up to the next item.
    fn misfits(&self, i: usize, line: &Line<'_>, ahead: &[Line<'_>]) -> usize {
        let (mut out, mut notes) = (String::new(), Vec::new());
        let mut trial = Doc {
            schema: self.schema,
            stack: self.stack[..=i].to_vec(),
            out: &mut out,
            notes: &mut notes,
            held: Vec::new(),
            too_deep: false,
        };
        trial.item(line, line.text);
        for l in ahead
            .iter()
            .skip(1)
            .take_while(|l| !is_dash(l.text) && l.col > 0)
            .take(LOOK_AHEAD)
        {
            if significant(l.text) {
                trial.key(l, l.text, None);
            }
        }
        notes.len()
    }

    /// Starts a new item of the list on top of the stack with the `- ...` line `text`.
    fn item(&mut self, line: &Line<'_>, text: &str) {
        let after = text[1..].trim_start_matches(' ');
        let Some(Ctx::Seq { item, indent }) = self.stack.last() else {
            return;
        };
        let (item, indent) = (item.clone(), *indent);
        if after.is_empty() {
            self.emit(indent, text);
            self.open(item, indent);
        } else if let Some((key, _)) = split_key(after) {
            if let Ty::Obj(def) = &item
                && self.field_ty(def, &key).is_none()
            {
                let message = format!("unknown field '{key}': kept where it was found");
                self.note(Note { line: line.no, message });
            }
            let ctx = match item {
                Ty::Obj(def) => Ctx::Obj {
                    def,
                    indent: indent + 2,
                    seen: HashSet::new(),
                },
                Ty::Map(v) => Ctx::Free {
                    value: *v,
                    indent: indent + 2,
                },
                _ => Ctx::Free {
                    value: Ty::Any,
                    indent: indent + 2,
                },
            };
            self.push_ctx(ctx, line.no);
            self.key(line, after, Some(indent));
        } else {
            self.emit(indent, text);
        }
    }
}
