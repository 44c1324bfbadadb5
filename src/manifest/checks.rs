//! Checks across fields and documents, the mistakes a learner makes that each field alone doesn't
//! show: a controller whose selector misses its own Pods, a Service that selects nothing in the
//! file, a targetPort no container opens; and the security warnings of the lesson's section 3.

use serde_yaml::{Mapping, Value};

use super::message::{Message, Security, Severity};
use super::position::{child, item};
use super::validate::Walker;

/// Where a document keeps its Pod template: (path of the template, whether it is a bare Pod).
fn pod_template_path(kind: &str) -> Option<&'static str> {
    match kind {
        "Pod" => Some(""),
        "Deployment" | "ReplicaSet" | "StatefulSet" | "DaemonSet" | "Job" => Some("spec.template"),
        "CronJob" => Some("spec.jobTemplate.spec.template"),
        _ => None,
    }
}

/// `doc` at `path` (`spec.template.metadata`), if every step is a mapping key.
fn at<'v>(doc: &'v Value, path: &str) -> Option<&'v Value> {
    path.split('.').filter(|s| !s.is_empty()).try_fold(doc, |v, k| v.get(k))
}

fn string_map(v: Option<&Value>) -> Vec<(String, String)> {
    let Some(Value::Mapping(m)) = v else { return Vec::new() };
    m.iter()
        .filter_map(|(k, v)| Some((k.as_str()?.to_string(), scalar_text(v)?)))
        .collect()
}

fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn show(pairs: &[(String, String)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A Pod template found in the file: its labels and its containers' ports.
pub struct Template {
    labels: Vec<(String, String)>,
    ports: Vec<(Option<String>, i64)>,
}

/// The Pod template of a document of `kind`, if it has one.
pub fn template(doc: &Value, kind: &str) -> Option<Template> {
    let base = pod_template_path(kind)?;
    let labels = string_map(at(doc, &child(base, "metadata.labels")));
    let mut ports = Vec::new();
    if let Some(Value::Sequence(cs)) = at(doc, &child(base, "spec.containers")) {
        for c in cs {
            if let Some(Value::Sequence(ps)) = c.get("ports") {
                for p in ps {
                    if let Some(n) = p.get("containerPort").and_then(Value::as_i64) {
                        ports.push((p.get("name").and_then(Value::as_str).map(str::to_string), n));
                    }
                }
            }
        }
    }
    Some(Template { labels, ports })
}

impl Walker<'_> {
    /// Cross-field checks of one document; `templates` are the Pod templates of the whole file.
    pub fn cross(&mut self, doc: &Value, kind: &str, templates: &[Template]) {
        if matches!(kind, "Deployment" | "ReplicaSet" | "StatefulSet" | "DaemonSet") {
            let selector = string_map(at(doc, "spec.selector.matchLabels"));
            let labels = string_map(at(doc, "spec.template.metadata.labels"));
            for (k, v) in &selector {
                if !labels.contains(&(k.clone(), v.clone())) {
                    let message = Message::SelectorMismatch {
                        key: k.clone(),
                        value: v.clone(),
                        labels: show(&labels),
                    };
                    self.push(
                        &format!("spec.selector.matchLabels.{k}"),
                        Severity::Error,
                        message,
                        true,
                    );
                }
            }
        }
        if kind == "Service" && !templates.is_empty() {
            let selector = string_map(at(doc, "spec.selector"));
            if selector.is_empty() {
                return;
            }
            let selected: Vec<&Template> = templates
                .iter()
                .filter(|t| selector.iter().all(|s| t.labels.contains(s)))
                .collect();
            if selected.is_empty() {
                let message = Message::ServiceSelectsNothing {
                    selector: show(&selector),
                };
                self.push("spec.selector", Severity::Warning, message, false);
                return;
            }
            let opened: Vec<&(Option<String>, i64)> = selected.iter().flat_map(|t| &t.ports).collect();
            if opened.is_empty() {
                return;
            }
            let Some(Value::Sequence(ports)) = at(doc, "spec.ports") else {
                return;
            };
            for (i, p) in ports.iter().enumerate() {
                let (path, target) = match p.get("targetPort").or_else(|| p.get("port")) {
                    Some(t) if p.get("targetPort").is_some() => (child(&item("spec.ports", i), "targetPort"), t),
                    Some(t) => (child(&item("spec.ports", i), "port"), t),
                    None => continue,
                };
                let found = match target {
                    Value::Number(n) => opened.iter().any(|(_, c)| n.as_i64() == Some(*c)),
                    Value::String(name) => opened.iter().any(|(n, _)| n.as_deref() == Some(name.as_str())),
                    _ => true,
                };
                if !found {
                    let list = opened
                        .iter()
                        .map(|(n, c)| n.as_ref().map_or(c.to_string(), |n| format!("{c} ({n})")))
                        .collect::<Vec<_>>()
                        .join(", ");
                    let message = Message::TargetPortMismatch {
                        target: scalar_text(target).unwrap_or_default(),
                        ports: list,
                    };
                    self.push(&path, Severity::Warning, message, true);
                }
            }
        }
    }

    /// Security warnings for the Pod spec of a document of `kind`.
    pub fn security(&mut self, doc: &Value, kind: &str) {
        let Some(base) = pod_template_path(kind) else { return };
        let spec_path = child(base, "spec");
        let Some(Value::Mapping(spec)) = at(doc, &spec_path) else {
            return;
        };
        let pod_non_root = non_root(spec.get("securityContext"));
        if let Some(Value::Sequence(volumes)) = spec.get("volumes") {
            for (i, v) in volumes.iter().enumerate() {
                if v.get("hostPath").is_some() {
                    let path = child(&item(&child(&spec_path, "volumes"), i), "hostPath");
                    self.push(&path, Severity::Warning, Message::Security(Security::HostPath), false);
                }
            }
        }
        for list in ["initContainers", "containers"] {
            let Some(Value::Sequence(cs)) = spec.get(list) else {
                continue;
            };
            for (i, c) in cs.iter().enumerate() {
                let Value::Mapping(c) = c else { continue };
                self.container(&item(&child(&spec_path, list), i), c, pod_non_root);
            }
        }
    }

    fn container(&mut self, path: &str, c: &Mapping, pod_non_root: Option<bool>) {
        let warn = |w: &mut Self, p: &str, s: Security| w.push(p, Severity::Warning, Message::Security(s), false);
        let ctx = c.get("securityContext");
        if ctx.and_then(|s| s.get("privileged")).and_then(Value::as_bool) == Some(true) {
            warn(self, &child(path, "securityContext.privileged"), Security::Privileged);
        }
        if non_root(ctx).or(pod_non_root) != Some(true) {
            warn(self, path, Security::RunAsNonRootMissing);
        }
        let drops_all = ctx
            .and_then(|s| s.get("capabilities"))
            .and_then(|c| c.get("drop"))
            .and_then(Value::as_sequence)
            .is_some_and(|d| {
                d.iter()
                    .any(|x| x.as_str().is_some_and(|s| s.eq_ignore_ascii_case("ALL")))
            });
        if !drops_all {
            warn(self, path, Security::CapabilitiesNotDropped);
        }
        if c.get("resources")
            .and_then(|r| r.get("limits"))
            .is_none_or(Value::is_null)
        {
            warn(self, path, Security::NoLimits);
        }
        if let Some(image) = c.get("image").and_then(Value::as_str)
            && is_latest(image)
        {
            warn(self, &child(path, "image"), Security::LatestTag(image.to_string()));
        }
    }
}

fn non_root(ctx: Option<&Value>) -> Option<bool> {
    ctx?.get("runAsNonRoot")?.as_bool()
}

/// `nginx`, `nginx:latest`, `registry:5000/app` (no tag) float; a tag or digest pins.
fn is_latest(image: &str) -> bool {
    if image.contains('@') {
        return false;
    }
    let last = image.rsplit('/').next().unwrap_or(image);
    match last.rsplit_once(':') {
        Some((_, tag)) => tag == "latest",
        None => true,
    }
}
