//! An exercise's own assertions on a manifest: a field's value, a forbidden field, a required
//! field, a selector that must match a Pod template's labels. Each failure names the field, its
//! line in the learner's file, and what the schema says of the field.

use serde_yaml::Value;

use super::Note;
use crate::content::exercise::Expect;
use crate::manifest::position::Positions;

/// A parsed document of the learner's file with its positions.
struct Doc {
    kind: String,
    value: Value,
    pos: Positions,
}

fn parse_docs(text: &str) -> Vec<Doc> {
    crate::manifest::documents(text)
        .into_iter()
        .filter_map(|d| {
            let value: Value = serde_yaml::from_str(d.text).ok()?;
            let kind = value.get("kind").and_then(Value::as_str).unwrap_or("").to_string();
            Some(Doc {
                kind,
                value,
                pos: Positions::scan(d.text, d.first_line),
            })
        })
        .collect()
}

/// The value at `path` (`spec.containers[0].image`); None when any step is missing.
pub fn lookup<'v>(doc: &'v Value, path: &str) -> Option<&'v Value> {
    let mut v = doc;
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, rest) = part.split_once('[').unwrap_or((part, ""));
        if !key.is_empty() {
            v = v.get(key)?;
        }
        // `[0][1]`: each index in turn.
        for index in rest.split('[') {
            let index = index.trim_end_matches(']');
            if index.is_empty() {
                continue;
            }
            v = v.get(index.parse::<usize>().ok()?)?;
        }
    }
    Some(v)
}

fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Tagged(t) => text_of(&t.value),
        _ => None,
    }
}

/// The first sentence of the schema's description of `path` on `kind`, or of its nearest
/// ancestor the schema describes (`metadata.labels` for the label key `metadata.labels.app`).
fn field_doc(kind: &str, path: &str) -> String {
    let general = super::generalise(path).replace("[]", "");
    let mut p = general.as_str();
    // One step per dot: bounded by the path's length.
    while !p.is_empty() {
        if let Ok(e) = crate::manifest::explain(&format!("{kind}.{p}")) {
            return crate::manifest::message::first_sentence(&e.description);
        }
        p = p.rsplit_once('.').map_or("", |(head, _)| head);
    }
    String::new()
}

/// Where a kind keeps the labels its Pods get, and its selector.
fn labels_path(kind: &str) -> &'static str {
    match kind {
        "Pod" => "metadata.labels",
        _ => "spec.template.metadata.labels",
    }
}

fn selector_path(kind: &str) -> &'static str {
    match kind {
        "Service" => "spec.selector",
        "NetworkPolicy" => "spec.podSelector.matchLabels",
        _ => "spec.selector.matchLabels",
    }
}

fn pairs(v: Option<&Value>) -> Vec<(String, String)> {
    let Some(Value::Mapping(m)) = v else { return Vec::new() };
    m.iter().filter_map(|(k, v)| Some((text_of(k)?, text_of(v)?))).collect()
}

fn show(pairs: &[(String, String)]) -> String {
    if pairs.is_empty() {
        return "{}".into();
    }
    pairs
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Checks every assertion against the learner's `text`; one note per failed assertion.
pub fn check(expects: &[Expect], text: &str) -> Vec<Note> {
    let docs = parse_docs(text);
    let mut notes = Vec::new();
    for e in expects {
        let kind = match e {
            Expect::Equals { kind, .. }
            | Expect::Absent { kind, .. }
            | Expect::Present { kind, .. }
            | Expect::Selects { kind, .. } => kind,
        };
        let Some(doc) = docs.iter().find(|d| d.kind == *kind) else {
            notes.push(Note::new(
                Some(1),
                "kind",
                format!("kind: {kind} 문서가 없습니다: 과제는 {kind}을(를) 요구합니다"),
                format!("there is no document of kind: {kind}; the task asks for a {kind}"),
            ));
            continue;
        };
        let line_of = |path: &str| doc.pos.find(path).line;
        let mut note = match e {
            Expect::Equals { path, value, .. } => match lookup(&doc.value, path).and_then(text_of) {
                Some(found) if found == *value => None,
                Some(found) => Some(Note::new(
                    Some(line_of(path)),
                    path,
                    format!("값이 '{found}'입니다: 과제는 '{value}'을(를) 요구합니다"),
                    format!("is '{found}', the task asks for '{value}'"),
                )),
                None => Some(Note::new(
                    Some(line_of(path)),
                    path,
                    format!("필드가 없습니다: 과제는 '{value}'을(를) 요구합니다"),
                    format!("is missing: the task asks for '{value}'"),
                )),
            },
            Expect::Absent { path, .. } => lookup(&doc.value, path).filter(|v| !v.is_null()).map(|v| {
                let found = text_of(v).unwrap_or_else(|| "...".into());
                Note::new(
                    Some(line_of(path)),
                    path,
                    format!("이 필드는 없어야 합니다 (지금 '{found}'): 지우세요"),
                    format!("must not be set (it is '{found}'): remove it"),
                )
            }),
            Expect::Present { path, .. } => lookup(&doc.value, path).is_none().then(|| {
                Note::new(
                    Some(line_of(path)),
                    path,
                    "필드가 없습니다: 과제는 이 필드를 요구합니다",
                    "is missing: the task asks for this field",
                )
            }),
            Expect::Selects { target, .. } => selects(&docs, doc, kind, target),
        };
        if let Some(n) = note.as_mut() {
            if n.field_doc.is_empty() && !n.path.is_empty() {
                n.field_doc = field_doc(kind, &n.path);
            }
            notes.push(n.clone());
        }
    }
    notes
}

fn selects(docs: &[Doc], doc: &Doc, kind: &str, target: &str) -> Option<Note> {
    let path = selector_path(kind);
    let selector = pairs(lookup(&doc.value, path));
    let line = Some(doc.pos.find(path).line);
    if selector.is_empty() {
        return Some(Note::new(
            line,
            path,
            format!("셀렉터가 비어 있습니다: {target}의 Pod 레이블을 선택하세요"),
            format!("the selector is empty: select the labels of the {target}'s Pods"),
        ));
    }
    let Some(t) = docs.iter().find(|d| d.kind == target) else {
        return Some(Note::new(
            Some(1),
            "kind",
            format!("kind: {target} 문서가 없습니다: 셀렉터가 선택할 대상입니다"),
            format!("there is no document of kind: {target}, which the selector must select"),
        ));
    };
    let labels = pairs(lookup(&t.value, labels_path(target)));
    let missing: Vec<(String, String)> = selector.iter().filter(|s| !labels.contains(s)).cloned().collect();
    (!missing.is_empty()).then(|| {
        Note::new(
            line,
            path,
            format!(
                "셀렉터 {}이(가) {target}의 Pod 레이블({})과 맞지 않습니다",
                show(&missing),
                show(&labels)
            ),
            format!(
                "selector {} matches none of the {target}'s Pod labels ({})",
                show(&missing),
                show(&labels)
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_with_indices_are_followed() {
        let v: Value = serde_yaml::from_str("spec:\n  containers:\n  - name: a\n    image: x\n").expect("yaml");
        assert_eq!(
            lookup(&v, "spec.containers[0].image").and_then(text_of).as_deref(),
            Some("x")
        );
        assert!(lookup(&v, "spec.containers[1].image").is_none());
        assert!(lookup(&v, "spec.containers[x]").is_none());
    }
}
