//! `explain deployment.spec.selector`: a field's type, description and sub-fields, like
//! `kubectl explain`, from the embedded schema.

use std::fmt::Write as _;

use super::schema::{Def, Schema, Ty, did_you_mean};

/// One sub-field of an explained object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubField {
    pub name: String,
    pub ty: String,
    pub required: bool,
    pub description: String,
}

/// What `explain` found for a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    pub kind: String,
    pub api_version: String,
    /// The field path after the kind (`spec.selector`); empty for the kind itself.
    pub path: String,
    pub ty: String,
    pub description: String,
    pub allowed: Vec<String>,
    /// The fields of the object the path leads to (empty for a scalar).
    pub fields: Vec<SubField>,
    pub release: String,
}

/// Why `explain` found nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExplainError {
    UnknownKind {
        kind: String,
        suggestion: Option<String>,
    },
    UnknownField {
        field: String,
        on: String,
        suggestion: Option<String>,
    },
}

impl std::fmt::Display for ExplainError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mean = |s: &Option<String>| {
            s.as_ref()
                .map(|s| format!(" (did you mean '{s}'?)"))
                .unwrap_or_default()
        };
        match self {
            ExplainError::UnknownKind { kind, suggestion } => write!(
                f,
                "unknown kind '{kind}'{}: known kinds are {}",
                mean(suggestion),
                Schema::get().kinds.keys().cloned().collect::<Vec<_>>().join(", ")
            ),
            ExplainError::UnknownField { field, on, suggestion } => {
                write!(f, "field '{field}' does not exist in {on}{}", mean(suggestion))
            }
        }
    }
}

/// The object definition a type leads to: itself, a list's item, a map's value.
fn def_of(ty: &Ty) -> Option<&str> {
    match ty {
        Ty::Obj(d) => Some(d),
        Ty::Arr(t) | Ty::Map(t) => def_of(t),
        _ => None,
    }
}

fn sub_fields(def: &Def) -> Vec<SubField> {
    def.fields
        .iter()
        .map(|(name, f)| SubField {
            name: name.clone(),
            ty: f.ty.name(),
            required: def.required.contains(name),
            description: super::message::first_sentence(&f.description),
        })
        .collect()
}

/// Explains `TYPE.field.path` (`deployment.spec.selector`, `svc.spec.type`, `pod`).
pub fn explain(query: &str) -> Result<Explanation, ExplainError> {
    let schema = Schema::get();
    let mut parts = query.trim().split('.');
    let kind_name = parts.next().unwrap_or("");
    let Some((kind, k)) = schema.kind_by_name(kind_name) else {
        let suggestion = did_you_mean(kind_name, schema.kinds.keys().map(String::as_str)).map(str::to_string);
        return Err(ExplainError::UnknownKind {
            kind: kind_name.to_string(),
            suggestion,
        });
    };
    let mut def_name = k.def.clone();
    let mut ty = Ty::Obj(k.def.clone());
    let mut description = schema.def(&k.def).map(|d| d.description.clone()).unwrap_or_default();
    let mut allowed = Vec::new();
    let mut path = Vec::new();
    // Bounded by the query's length: one step per dot.
    for part in parts.filter(|p| !p.is_empty()) {
        let on = if path.is_empty() {
            kind.to_string()
        } else {
            format!("{kind}.{}", path.join("."))
        };
        let def = def_of(&ty).and_then(|d| schema.def(d));
        let Some(field) = def.and_then(|d| d.fields.get(part)) else {
            let suggestion = def
                .and_then(|d| did_you_mean(part, d.fields.keys().map(String::as_str)))
                .map(str::to_string);
            return Err(ExplainError::UnknownField {
                field: part.to_string(),
                on,
                suggestion,
            });
        };
        path.push(part.to_string());
        ty = field.ty.clone();
        description = field.description.clone();
        allowed = field.allowed.clone();
        if let Some(d) = def_of(&ty) {
            def_name = d.to_string();
        }
    }
    let fields = match def_of(&ty).and_then(|d| schema.def(d)) {
        Some(def) if def_of(&ty) == Some(def_name.as_str()) => sub_fields(def),
        _ => Vec::new(),
    };
    Ok(Explanation {
        kind: kind.to_string(),
        api_version: k.api_version.clone(),
        path: path.join("."),
        ty: ty.name(),
        description,
        allowed,
        fields,
        release: schema.release.clone(),
    })
}

/// Words of `text` in lines of at most `width` display cells, each starting with `indent`.
fn wrap(out: &mut String, text: &str, indent: &str, width: usize) {
    let mut line = String::new();
    for word in text.split_whitespace() {
        let w = crate::text::display_width(word);
        if !line.is_empty() && crate::text::display_width(&line) + 1 + w > width.saturating_sub(indent.len()) {
            let _ = writeln!(out, "{indent}{line}");
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        let _ = writeln!(out, "{indent}{line}");
    }
}

impl Explanation {
    /// The text `explain` prints, `kubectl explain`'s layout, wrapped to `width` cells.
    pub fn render(&self, width: usize) -> String {
        let width = width.clamp(40, 200);
        let mut out = String::new();
        let _ = writeln!(out, "KIND:       {}", self.kind);
        let _ = writeln!(out, "VERSION:    {}", self.api_version);
        let _ = writeln!(out, "RELEASE:    Kubernetes {} (offline schema)", self.release);
        out.push('\n');
        if !self.path.is_empty() {
            let name = self.path.rsplit('.').next().unwrap_or(&self.path);
            let _ = writeln!(out, "FIELD:      {name} <{}>", self.ty);
            let _ = writeln!(out, "PATH:       {}.{}", self.kind.to_ascii_lowercase(), self.path);
            out.push('\n');
        }
        out.push_str("DESCRIPTION:\n");
        wrap(&mut out, &self.description, "    ", width);
        if !self.allowed.is_empty() {
            out.push('\n');
            let _ = writeln!(out, "ALLOWED VALUES:\n    {}", self.allowed.join(", "));
        }
        if !self.fields.is_empty() {
            out.push_str("\nFIELDS:\n");
            for f in &self.fields {
                let req = if f.required { " -required-" } else { "" };
                let _ = writeln!(out, "  {}  <{}>{req}", f.name, f.ty);
                wrap(&mut out, &f.description, "    ", width);
                out.push('\n');
            }
        }
        // Descriptions are generated data; still, nothing raw reaches the terminal.
        crate::text::clean_text(&out)
    }
}

/// One field present in a manifest, for a field list (the player's describe view): its path
/// (`spec.template.spec.containers[].image`), type and the first sentence of its description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldDoc {
    pub path: String,
    pub ty: String,
    pub description: String,
}

/// More than any slide shows; bounds the list whatever the input.
const MAX_FIELD_DOCS: usize = 400;

/// The fields a YAML text (one or more Kubernetes documents) uses, in order, each once, with what
/// the schema says of them. Documents that aren't Kubernetes objects of a known kind add nothing.
pub fn fields_of(text: &str) -> Vec<FieldDoc> {
    use crate::content::yaml::{YamlSource, precheck};
    if precheck(&YamlSource {
        path: "",
        first_line: 1,
        text,
    })
    .is_err()
    {
        return Vec::new();
    }
    let schema = Schema::get();
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for doc in super::documents(text) {
        let Ok(value) = serde_yaml::from_str::<serde_yaml::Value>(doc.text) else {
            continue;
        };
        let Some(kind) = value.get("kind").and_then(serde_yaml::Value::as_str) else {
            continue;
        };
        let Some(k) = schema.kinds.get(kind) else { continue };
        walk_fields(schema, &value, &k.def, "", &mut out, &mut seen, 0);
    }
    out
}

fn walk_fields(
    schema: &Schema,
    value: &serde_yaml::Value,
    def: &str,
    path: &str,
    out: &mut Vec<FieldDoc>,
    seen: &mut std::collections::HashSet<String>,
    depth: usize,
) {
    let (Some(def), Some(map)) = (schema.def(def), value.as_mapping()) else {
        return;
    };
    if depth > 32 {
        return;
    }
    for (k, v) in map {
        let Some(key) = k.as_str() else { continue };
        let Some(field) = def.fields.get(key) else { continue };
        let here = super::position::child(path, key);
        if out.len() >= MAX_FIELD_DOCS {
            return;
        }
        if seen.insert(here.clone()) {
            let description = super::message::first_sentence(&field.description);
            out.push(FieldDoc {
                path: here.clone(),
                ty: field.ty.name(),
                description,
            });
        }
        match (&field.ty, v) {
            (Ty::Obj(d), _) => walk_fields(schema, v, d, &here, out, seen, depth + 1),
            (Ty::Arr(item), serde_yaml::Value::Sequence(items)) => {
                if let Ty::Obj(d) = item.as_ref() {
                    for x in items {
                        walk_fields(schema, x, d, &format!("{here}[]"), out, seen, depth + 1);
                    }
                }
            }
            _ => {}
        }
    }
}
