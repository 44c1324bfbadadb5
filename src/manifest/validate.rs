//! Checking one parsed document against the schema: header (apiVersion, kind), then every field,
//! its type, allowed values, required fields and port ranges.

use serde_yaml::Value;

use super::message::{Finding, Message, Severity, first_sentence};
use super::position::{Positions, child, item};
use super::schema::{Def, Field, Schema, Ty, did_you_mean};

/// Deeper than any real manifest; bounds the walk whatever the input.
const MAX_DEPTH: usize = 64;

/// Collects findings for one document.
pub struct Walker<'a> {
    pub schema: &'a Schema,
    pub pos: &'a Positions,
    pub findings: Vec<Finding>,
}

impl<'a> Walker<'a> {
    /// Records a finding at `path` (or its nearest ancestor with a position); `at_value` points at
    /// the value rather than the key.
    pub fn push(&mut self, path: &str, severity: Severity, message: Message, at_value: bool) {
        let p = self.pos.find(path);
        self.findings.push(Finding {
            line: p.line,
            col: if at_value { p.value_col } else { p.col },
            path: path.to_string(),
            severity,
            message,
        });
    }

    /// Checks the document's header and, for a kind the schema knows, every field. Returns the
    /// kind's definition name when the body was checked.
    pub fn document(&mut self, doc: &Value) -> Option<&'a str> {
        let Value::Mapping(map) = doc else {
            self.push("", Severity::Error, Message::NotMapping(value_kind(doc)), false);
            return None;
        };
        let text = |k: &str| map.get(k).and_then(Value::as_str).map(str::to_string);
        let (api_version, kind) = (text("apiVersion"), text("kind"));
        for (field, v) in [("apiVersion", &api_version), ("kind", &kind)] {
            if v.is_none() {
                self.push("", Severity::Error, Message::MissingHeader(field), false);
            }
        }
        let kind = kind?;
        let schema = self.schema;
        let Some(known) = schema.kinds.get(&kind) else {
            let suggestion = did_you_mean(&kind, schema.kinds.keys().map(String::as_str)).map(str::to_string);
            self.push("kind", Severity::Error, Message::UnknownKind { kind, suggestion }, true);
            // What every object has is still checked.
            if let Some(meta) = map.get("metadata") {
                self.value("metadata", meta, &Ty::Obj("meta.v1.ObjectMeta".into()), None, 0);
            }
            return None;
        };
        if let Some(api_version) = api_version.filter(|v| *v != known.api_version) {
            let message = match schema.removed.get(&format!("{api_version}/{kind}")) {
                Some(r) => Message::RemovedApiVersion {
                    api_version,
                    kind: kind.clone(),
                    release: r.release.clone(),
                    replacement: r.replacement.clone(),
                },
                None => Message::WrongApiVersion {
                    api_version,
                    kind: kind.clone(),
                    expected: known.api_version.clone(),
                },
            };
            self.push("apiVersion", Severity::Error, message, true);
        }
        self.value("", doc, &Ty::Obj(known.def.clone()), None, 0);
        Some(known.def.as_str())
    }

    fn value(&mut self, path: &str, v: &Value, ty: &Ty, field: Option<&Field>, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        let v = match v {
            // A `!!tag` changes nothing we check.
            Value::Tagged(t) => &t.value,
            other => other,
        };
        if v.is_null() {
            return;
        }
        let hint = || field.map(|f| first_sentence(&f.description)).unwrap_or_default();
        let wrong = |w: &mut Self, expected: String| {
            let message = Message::WrongType {
                expected,
                found: value_kind(v),
                hint: hint(),
            };
            w.push(path, Severity::Error, message, true);
        };
        match (ty, v) {
            (Ty::Any, _) => {}
            (Ty::Str, Value::String(s)) if is_yaml11_bool(s) && !self.pos.find(path).quoted => {
                let message = Message::Yaml11String { value: s.clone() };
                self.push(path, Severity::Warning, message, true);
            }
            (Ty::Str, Value::String(s)) => self.allowed(path, s, field),
            (Ty::Int, Value::Number(n)) if n.is_i64() || n.is_u64() => self.port(path, n.as_i64()),
            (Ty::Num, Value::Number(_)) => {}
            (Ty::Bool, Value::Bool(_)) => {}
            (Ty::Bool, Value::String(s)) if is_yaml11_bool(s) && !self.pos.find(path).quoted => {
                self.push(path, Severity::Warning, Message::Yaml11Bool { value: s.clone() }, true);
            }
            (Ty::IntOrStr, Value::Number(n)) if n.is_i64() || n.is_u64() => self.port(path, n.as_i64()),
            (Ty::IntOrStr, Value::String(_)) => {}
            (Ty::Quantity, Value::Number(_)) => {}
            (Ty::Quantity, Value::String(s)) => {
                if !is_quantity(s) {
                    self.push(path, Severity::Error, Message::BadQuantity { value: s.clone() }, true);
                }
            }
            (Ty::Obj(def), Value::Mapping(m)) => {
                if let Some(def) = self.schema.def(def) {
                    self.object(path, m, def, ty, depth);
                }
            }
            (Ty::Arr(item_ty), Value::Sequence(items)) => {
                for (i, x) in items.iter().enumerate() {
                    self.value(&item(path, i), x, item_ty, field, depth + 1);
                }
            }
            (Ty::Map(value_ty), Value::Mapping(m)) => {
                for (k, x) in m {
                    let key = key_text(k);
                    self.value(&child(path, &key), x, value_ty, None, depth + 1);
                }
            }
            _ => wrong(self, ty.name()),
        }
    }

    fn object(&mut self, path: &str, m: &serde_yaml::Mapping, def: &Def, ty: &Ty, depth: usize) {
        for (k, x) in m {
            let key = key_text(k);
            let here = child(path, &key);
            match def.fields.get(&key) {
                Some(f) => self.value(&here, x, &f.ty, Some(f), depth + 1),
                None => {
                    let suggestion = did_you_mean(&key, def.fields.keys().map(String::as_str)).map(str::to_string);
                    let on = if path.is_empty() {
                        ty.name()
                    } else {
                        format!("{path} ({})", ty.name())
                    };
                    self.push(
                        &here,
                        Severity::Error,
                        Message::UnknownField {
                            field: key,
                            on,
                            suggestion,
                        },
                        false,
                    );
                }
            }
        }
        for req in &def.required {
            if !m.contains_key(req.as_str()) {
                let hint = def
                    .fields
                    .get(req)
                    .map(|f| first_sentence(&f.description))
                    .unwrap_or_default();
                let message = Message::MissingRequired {
                    field: req.clone(),
                    hint,
                };
                self.push(path, Severity::Error, message, false);
            }
        }
    }

    fn allowed(&mut self, path: &str, s: &str, field: Option<&Field>) {
        let Some(f) = field.filter(|f| !f.allowed.is_empty()) else {
            return;
        };
        if f.allowed.iter().any(|a| a == s) {
            return;
        }
        let suggestion = did_you_mean(s, f.allowed.iter().map(String::as_str)).map(str::to_string);
        let message = Message::BadEnum {
            value: s.to_string(),
            allowed: f.allowed.clone(),
            suggestion,
            hint: String::new(),
        };
        self.push(path, Severity::Error, message, true);
    }

    fn port(&mut self, path: &str, n: Option<i64>) {
        let name = path.rsplit('.').next().unwrap_or(path);
        let is_port = matches!(name, "containerPort" | "hostPort" | "port" | "targetPort" | "nodePort");
        match n {
            Some(v) if is_port && !(1..=65535).contains(&v) => {
                self.push(path, Severity::Error, Message::PortRange { value: v }, true);
            }
            None if is_port => self.push(path, Severity::Error, Message::PortRange { value: i64::MAX }, true),
            _ => {}
        }
    }
}

/// How a value reads to a learner: `a string`, `a list`...
pub fn value_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_f64() => "number",
        Value::Number(_) => "integer",
        Value::String(_) => "string",
        Value::Sequence(_) => "list",
        Value::Mapping(_) => "mapping",
        Value::Tagged(_) => "tagged value",
    }
}

/// A mapping key as text (keys are strings in manifests; numbers and booleans are shown as written).
pub fn key_text(k: &Value) -> String {
    match k {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        other => value_kind(other).to_string(),
    }
}

/// The words YAML 1.1 (which kubectl reads) takes as booleans and YAML 1.2 as strings.
fn is_yaml11_bool(s: &str) -> bool {
    matches!(
        s,
        "y" | "Y" | "yes" | "Yes" | "YES" | "n" | "N" | "no" | "No" | "NO" | "on" | "On" | "ON" | "off" | "Off" | "OFF"
    )
}

/// `128Mi`, `500m`, `1.5`, `2e3`, `1G`: a number with an optional suffix Kubernetes knows.
fn is_quantity(s: &str) -> bool {
    let s = s.strip_prefix(['+', '-']).unwrap_or(s);
    let digits_end = s.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(s.len());
    let (num, suffix) = s.split_at(digits_end);
    if num.is_empty() || num == "." || num.matches('.').count() > 1 {
        return false;
    }
    const SUFFIXES: [&str; 14] = [
        "", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei", "n", "u", "m", "k", "M", "G", "T",
    ];
    SUFFIXES.contains(&suffix)
        || matches!(suffix, "P" | "E")
        || suffix
            .strip_prefix(['e', 'E'])
            .is_some_and(|e| !e.is_empty() && e.trim_start_matches(['+', '-']).bytes().all(|b| b.is_ascii_digit()))
}
