//! Kubernetes manifests understood offline: an embedded schema of one Kubernetes release, strict
//! validation with `LINE:COL` for every finding, re-indenting manifests whose nesting a blog
//! flattened, and `explain` of any field. `validate`, `explain`, and later `import`, `check --lint`
//! and the player all call this module; it does no terminal IO.

pub mod checks;
pub mod explain;
pub mod message;
pub mod position;
pub mod reindent;
pub mod schema;
pub mod validate;

use std::io::Read;
use std::path::Path;

use serde_yaml::Value;

pub use explain::{Explanation, explain};
pub use message::{Finding, Lang, Message, Severity};
pub use reindent::{Reindented, reindent};
pub use schema::Schema;

use crate::content::yaml::{MAX_YAML_BYTES, YamlSource, precheck};
use position::Positions;
use validate::Walker;

/// What `validate` checks beyond the schema.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Add the security warnings (privileged, runAsNonRoot, limits, :latest, hostPath, capabilities).
    pub security: bool,
}

/// One `---` document of a file: the file line it starts on and its text.
pub struct Document<'a> {
    pub first_line: usize,
    pub text: &'a str,
}

/// Splits a YAML stream at its `---` lines; documents holding only comments are dropped.
pub fn documents(text: &str) -> Vec<Document<'_>> {
    let mut docs = Vec::new();
    let (mut start, mut first_line, mut offset) = (0, 1, 0);
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let bare = line.trim_end();
        if bare == "---" || bare.starts_with("--- ") || bare == "..." {
            docs.push(Document {
                first_line,
                text: &text[start..offset],
            });
            start = offset + line.len();
            first_line = i + 2;
        }
        offset += line.len();
    }
    docs.push(Document {
        first_line,
        text: &text[start..],
    });
    docs.retain(|d| {
        d.text
            .lines()
            .any(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
    });
    docs
}

fn finding(line: usize, col: usize, message: Message) -> Finding {
    Finding {
        line,
        col,
        path: String::new(),
        severity: Severity::Error,
        message,
    }
}

/// A finding about a whole file (unreadable, too big, binary), boxed: the rare path.
fn refusal(line: usize, message: Message) -> Box<Finding> {
    Box::new(finding(line, 1, message))
}

/// Reads a file for validation, refusing what isn't a small text file (FIFOs, devices, huge or
/// binary files) with a finding that says why.
pub fn read(path: &Path) -> Result<String, Box<Finding>> {
    let refuse = |m: Message| refusal(1, m);
    let meta = std::fs::metadata(path).map_err(|e| refuse(Message::Refused(e.to_string())))?;
    if !meta.is_file() {
        return Err(refuse(Message::Refused("not a regular file".into())));
    }
    if meta.len() > MAX_YAML_BYTES as u64 {
        return Err(refuse(Message::TooBig {
            bytes: meta.len(),
            max: MAX_YAML_BYTES,
        }));
    }
    let file = std::fs::File::open(path).map_err(|e| refuse(Message::Refused(e.to_string())))?;
    read_from(file)
}

/// Reads at most the size limit from `r` (stdin), then checks it is text.
pub fn read_from(r: impl Read) -> Result<String, Box<Finding>> {
    let mut bytes = Vec::new();
    r.take(MAX_YAML_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| refusal(1, Message::Refused(e.to_string())))?;
    if bytes.len() > MAX_YAML_BYTES {
        return Err(refusal(
            1,
            Message::TooBig {
                bytes: bytes.len() as u64,
                max: MAX_YAML_BYTES,
            },
        ));
    }
    text_of(bytes)
}

/// The bytes as UTF-8 text, or a finding for binary data.
pub fn text_of(bytes: Vec<u8>) -> Result<String, Box<Finding>> {
    if bytes.contains(&0) {
        return Err(refusal(1, Message::Binary));
    }
    String::from_utf8(bytes).map_err(|e| {
        let before = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        refusal(line, Message::Binary)
    })
}

/// Validates every document of a YAML stream; findings in file order.
pub fn validate_text(text: &str, options: Options) -> Vec<Finding> {
    if let Err(d) = precheck(&YamlSource {
        path: "",
        first_line: 1,
        text,
    }) {
        return vec![finding(d.line.unwrap_or(1), 1, Message::Refused(d.message))];
    }
    let schema = Schema::get();
    let mut parsed = Vec::new();
    let mut findings = Vec::new();
    for doc in documents(text) {
        match serde_yaml::from_str::<Value>(doc.text) {
            Ok(value) => parsed.push((value, Positions::scan(doc.text, doc.first_line))),
            Err(e) => {
                let (line, col) = e
                    .location()
                    .map_or((doc.first_line, 1), |l| (l.line() + doc.first_line - 1, l.column()));
                let msg = e.to_string();
                let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
                findings.push(finding(line, col, Message::NotYaml(msg)));
            }
        }
    }
    let kind_of = |v: &Value| v.get("kind").and_then(Value::as_str).unwrap_or("").to_string();
    let templates: Vec<checks::Template> = parsed
        .iter()
        .filter_map(|(v, _)| checks::template(v, &kind_of(v)))
        .collect();
    for (value, pos) in &parsed {
        let mut walker = Walker {
            schema,
            pos,
            findings: Vec::new(),
        };
        if walker.document(value).is_some() {
            let kind = kind_of(value);
            walker.cross(value, &kind, &templates);
            if options.security {
                walker.security(value, &kind);
            }
        }
        findings.append(&mut walker.findings);
    }
    findings.sort_by_key(|f| (f.line, f.col));
    findings
}
