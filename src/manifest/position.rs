//! Where each key and list item of a block-style YAML document sits (serde_yaml 0.9 gives values
//! but no positions), so every finding can name `LINE:COL`. A line scanner, linear in the text:
//! it follows indentation and `- ` the way a YAML parser does for block collections; flow
//! collections (`{...}`, `[...]`) and block scalars are skipped, and findings inside them point at
//! their key.

use std::collections::HashMap;

/// A position in the file: 1-based line, and 1-based columns of the key and of its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
    pub value_col: usize,
    /// Whether the value was written in quotes (`"yes"` is a string to every YAML).
    pub quoted: bool,
}

/// Paths (`spec.containers[0].image`) to positions, for one document.
#[derive(Debug, Default)]
pub struct Positions {
    map: HashMap<String, Pos>,
    /// The document's first content line, for findings about the whole document.
    pub start: Pos,
}

/// `parent.key`, or `key` at the top.
pub fn child(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

/// `parent[i]`.
pub fn item(parent: &str, i: usize) -> String {
    format!("{parent}[{i}]")
}

enum Frame {
    Map { col: usize, path: String },
    Seq { col: usize, path: String, next: usize },
}

impl Frame {
    fn col(&self) -> usize {
        match self {
            Frame::Map { col, .. } | Frame::Seq { col, .. } => *col,
        }
    }
}

impl Positions {
    /// Scans `text`, whose first line is line `first_line` of the file.
    pub fn scan(text: &str, first_line: usize) -> Positions {
        let mut out = Positions::default();
        let mut stack: Vec<Frame> = Vec::new();
        // A key with nothing after its colon: its value (a map or a list) starts on a later line.
        let mut pending: Option<(String, usize)> = None;
        // Inside a block scalar (`|`, `>`): lines indented deeper than this column belong to it.
        let mut scalar_above: Option<usize> = None;
        let mut seen_start = false;
        for (i, raw) in text.lines().enumerate() {
            let line_no = first_line + i;
            let trimmed = raw.trim_start_matches(' ');
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let mut col = raw.len() - trimmed.len();
            if let Some(above) = scalar_above {
                if col > above {
                    continue;
                }
                scalar_above = None;
            }
            if !seen_start {
                seen_start = true;
                out.start = Pos {
                    line: line_no,
                    col: col + 1,
                    value_col: col + 1,
                    quoted: false,
                };
            }
            let mut rest = trimmed;
            loop {
                let is_dash = rest == "-" || rest.starts_with("- ");
                // Open the value of a pending key, or close the frames this line has left.
                match pending.take() {
                    Some((path, key_col)) if is_dash && col >= key_col => stack.push(Frame::Seq { col, path, next: 0 }),
                    Some((path, key_col)) if !is_dash && col > key_col => stack.push(Frame::Map { col, path }),
                    _ => {
                        while let Some(top) = stack.last() {
                            let fits = match top {
                                Frame::Seq { col: c, .. } => is_dash && *c == col,
                                Frame::Map { col: c, .. } => !is_dash && *c == col,
                            };
                            if fits || top.col() < col {
                                break;
                            }
                            stack.pop();
                        }
                    }
                }
                if is_dash {
                    let Some(Frame::Seq { path, next, .. }) = stack.last_mut() else {
                        break;
                    };
                    let item_path = item(path, *next);
                    *next += 1;
                    let after = rest[1..].trim_start_matches(' ');
                    let item_col = col + (rest.len() - after.len());
                    out.map.insert(
                        item_path.clone(),
                        Pos {
                            line: line_no,
                            col: col + 1,
                            value_col: item_col + 1,
                            quoted: is_quoted(after),
                        },
                    );
                    if after.is_empty() || after.starts_with('#') {
                        pending = Some((item_path, col));
                        break;
                    }
                    if split_key(after).is_some() || after.starts_with("- ") || after == "-" {
                        // `- key: v` or `- - v`: the item's content starts on this line, deeper.
                        pending = Some((item_path, col));
                        col = item_col;
                        rest = after;
                        continue;
                    }
                    break;
                }
                let Some((key, value)) = split_key(rest) else { break };
                let parent = match stack.last() {
                    Some(Frame::Map { path, .. }) => path.clone(),
                    // A key line with no open mapping at its column is a top-level key.
                    _ => String::new(),
                };
                if stack.is_empty() {
                    stack.push(Frame::Map {
                        col,
                        path: String::new(),
                    });
                }
                let path = child(&parent, &key);
                let value_col = col + (rest.len() - value.len());
                out.map.insert(
                    path.clone(),
                    Pos {
                        line: line_no,
                        col: col + 1,
                        value_col: value_col + 1,
                        quoted: is_quoted(value),
                    },
                );
                if value.is_empty() || value.starts_with('#') {
                    pending = Some((path, col));
                } else if value.starts_with('|') || value.starts_with('>') {
                    scalar_above = Some(col);
                }
                break;
            }
        }
        out
    }

    /// The position of `path`, or of its nearest ancestor that has one.
    pub fn find(&self, path: &str) -> Pos {
        let mut p = path;
        loop {
            if let Some(pos) = self.map.get(p) {
                return *pos;
            }
            match p.rfind(['.', '[']) {
                Some(i) => p = &p[..i],
                None => return self.start,
            }
        }
    }
}

fn is_quoted(value: &str) -> bool {
    value.starts_with('"') || value.starts_with('\'')
}

/// `key: value` -> (key, value) with quotes removed from the key; `None` for a plain scalar.
pub fn split_key(s: &str) -> Option<(String, &str)> {
    let (key, after) = if let Some(q) = s.chars().next().filter(|c| *c == '"' || *c == '\'') {
        let end = s[1..].find(q)? + 1;
        (s[1..end].to_string(), &s[end + 1..])
    } else {
        if s.starts_with(['{', '[', '&', '*', '!', '|', '>']) {
            return None;
        }
        let mut at = None;
        let bytes = s.as_bytes();
        for (i, b) in bytes.iter().enumerate() {
            if *b == b':' && (i + 1 == bytes.len() || bytes[i + 1] == b' ') {
                at = Some(i);
                break;
            }
            if *b == b'#' && i > 0 && bytes[i - 1] == b' ' {
                return None;
            }
        }
        let at = at?;
        (s[..at].trim_end().to_string(), &s[at..])
    };
    let value = after.strip_prefix(':')?;
    if !(value.is_empty() || value.starts_with(' ')) {
        return None;
    }
    Some((key, value.trim_start()))
}
