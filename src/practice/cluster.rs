//! A real cluster when there is one: a passed manifest is applied with `kubectl` into the
//! learner's own namespace `k8s-course-LEARNER` (created if missing), a server-side dry run first,
//! the real apply only after the learner confirms. Never another namespace: the namespace is
//! always given, and a manifest naming another one is refused before kubectl sees it.

use std::path::Path;
use std::process::{Command, Output, Stdio};

/// The longest a cluster call may take before kubectl gives up.
const REQUEST_TIMEOUT: &str = "--request-timeout=10s";
/// Lines of kubectl output kept for the screen.
const MAX_LINES: usize = 20;

/// `k8s-course-LEARNER`, made a valid namespace name: lowercase letters, digits and `-`, at most
/// 63 characters.
pub fn namespace(learner: &str) -> String {
    let mut name: String = learner
        .chars()
        .map(|c| c.to_ascii_lowercase())
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    name = name.trim_matches('-').to_string();
    if name.is_empty() {
        name = "learner".into();
    }
    let mut ns = format!("k8s-course-{name}");
    ns.truncate(63);
    ns.trim_end_matches('-').to_string()
}

/// The namespaces a manifest names (`metadata.namespace`) that are not `ns`.
pub fn other_namespaces(text: &str, ns: &str) -> Vec<String> {
    crate::manifest::documents(text)
        .iter()
        .filter_map(|d| serde_yaml::from_str::<serde_yaml::Value>(d.text).ok())
        .filter_map(|v| v.get("metadata")?.get("namespace")?.as_str().map(str::to_string))
        .filter(|n| n != ns)
        .collect()
}

fn run(args: &[&str]) -> Result<Output, String> {
    Command::new("kubectl")
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => {
                "kubectl is not installed: the exercise passed offline, and that is enough".to_string()
            }
            _ => format!("cannot run kubectl: {e}"),
        })
}

/// kubectl's output (stdout then stderr), cleaned and cut for the screen.
fn shown(out: &Output) -> String {
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    text.lines()
        .take(MAX_LINES)
        .map(crate::text::clean_line)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Whether kubectl is installed and its current context answers; the reason when not.
pub fn reachable() -> Result<(), String> {
    let out = run(&["cluster-info", REQUEST_TIMEOUT])?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "no reachable cluster (kubectl cluster-info failed): practice goes on offline\n{}",
            shown(&out)
        ))
    }
}

/// Creates the learner's namespace when it is missing.
fn ensure_namespace(ns: &str) -> Result<(), String> {
    let got = run(&["get", "namespace", ns, REQUEST_TIMEOUT])?;
    if got.status.success() {
        return Ok(());
    }
    let made = run(&["create", "namespace", ns, REQUEST_TIMEOUT])?;
    if made.status.success() {
        Ok(())
    } else {
        Err(format!("cannot create namespace {ns}:\n{}", shown(&made)))
    }
}

/// `kubectl apply` of `file` into `ns`: a server-side dry run when `dry_run`. Returns kubectl's
/// output, or why it failed.
pub fn apply(file: &Path, ns: &str, dry_run: bool) -> Result<String, String> {
    ensure_namespace(ns)?;
    let file = file.to_string_lossy();
    let mut args = vec!["apply"];
    if dry_run {
        args.push("--dry-run=server");
    }
    args.extend(["--namespace", ns, "-f", &file, REQUEST_TIMEOUT]);
    let out = run(&args)?;
    if out.status.success() {
        Ok(shown(&out))
    } else {
        Err(shown(&out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn namespaces_are_valid_names_and_others_are_found() {
        assert_eq!(namespace("Kim.Ji-woo"), "k8s-course-kim-ji-woo");
        assert_eq!(namespace("김"), "k8s-course-learner");
        assert!(namespace(&"a".repeat(100)).len() <= 63);
        let text = "kind: Pod\nmetadata:\n  name: a\n  namespace: kube-system\n---\nkind: Pod\nmetadata:\n  name: b\n";
        assert_eq!(other_namespaces(text, "k8s-course-kim"), ["kube-system"]);
    }
}
