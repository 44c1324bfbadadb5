//! Re-indenting collapsed manifests: the week-7 post as published re-indents to exactly the shipped
//! manifests; collapsed manifests round-trip; non-Kubernetes YAML is reported, not touched.

use std::process::Output;

use k8s_course::manifest::reindent::Outcome;
use k8s_course::manifest::{Options, reindent, validate_text};
use serde_yaml::Value;

fn fixture(path: &str) -> String {
    let path = format!("{}/tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The bodies of the ```yaml fences of a markdown text.
fn yaml_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in markdown.lines() {
        match &mut current {
            None if line == "```yaml" || line == "```yml" => current = Some(String::new()),
            Some(_) if line == "```" => blocks.extend(current.take()),
            Some(body) => {
                body.push_str(line);
                body.push('\n');
            }
            None => {}
        }
    }
    blocks
}

fn parse_all(text: &str) -> Vec<Value> {
    text.split("\n---\n")
        .map(|d| serde_yaml::from_str(d).expect("parses"))
        .collect()
}

/// Flattens nesting the way the blog did: every indented line at one space.
fn collapse(text: &str) -> String {
    text.lines()
        .map(|l| {
            let t = l.trim_start();
            if t.len() < l.len() {
                format!(" {t}\n")
            } else {
                format!("{t}\n")
            }
        })
        .collect()
}

#[test]
fn the_week7_post_as_published_reindents_to_exactly_the_shipped_manifests() {
    let published = yaml_blocks(&fixture("seeds/week7-post.as-published.md"));
    let shipped = yaml_blocks(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/course/week07-docker-kubernetes/post.md"
        ))
        .expect("shipped post"),
    );
    assert_eq!((published.len(), shipped.len()), (5, 5));
    for (collapsed, expected) in published.iter().zip(&shipped) {
        let result = reindent(collapsed);
        assert_eq!(result.outcome, Outcome::Reindented, "{collapsed}");
        assert_eq!(result.text, *expected);
        assert!(result.notes.is_empty(), "{:?}", result.notes);
        assert_eq!(parse_all(&result.text), parse_all(expected));
        let findings = validate_text(&result.text, Options::default());
        assert!(findings.is_empty(), "{findings:?}");
    }
}

#[test]
fn the_collapsed_fixtures_are_the_published_blocks() {
    let published = yaml_blocks(&fixture("seeds/week7-post.as-published.md"));
    for (block, name) in published
        .iter()
        .zip(["pod", "deployment", "service", "secure-pod", "networkpolicy"])
    {
        assert_eq!(*block, fixture(&format!("manifests/week7-{name}.collapsed.yaml")));
        assert_eq!(reindent(block).text, fixture(&format!("manifests/week7-{name}.yaml")));
    }
}

#[test]
fn a_richer_multi_document_manifest_round_trips() {
    let shop = fixture("manifests/shop.yaml");
    assert!(validate_text(&shop, Options::default()).is_empty());
    let result = reindent(&collapse(&shop));
    assert_eq!(result.outcome, Outcome::Reindented);
    assert_eq!(result.text, shop);
    // The one real ambiguity, reported: `- containerPort: 9090` after a container's ports could
    // also start a container, were it not that a Container has no such field.
    assert!(result.notes.is_empty(), "{:?}", result.notes);
}

#[test]
fn every_test_manifest_of_the_course_style_round_trips() {
    for name in ["pod", "deployment", "service", "secure-pod", "networkpolicy"] {
        let shipped = fixture(&format!("manifests/week7-{name}.yaml"));
        assert_eq!(reindent(&collapse(&shipped)).text, shipped, "{name}");
    }
}

#[test]
fn a_label_named_like_a_field_is_read_as_the_field_when_it_is_free_and_said_so() {
    let collapsed =
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n labels:\n app: web\n name: settings\ndata:\n name: shop\n";
    let result = reindent(collapsed);
    assert_eq!(
        result.text,
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels:\n    app: web\n  name: settings\ndata:\n  name: shop\n"
    );
    assert_eq!(result.notes.len(), 1, "{:?}", result.notes);
    assert_eq!(result.notes[0].line, 6);
    assert!(
        result.notes[0]
            .message
            .contains("'name' read as a field of the enclosing object")
    );
    // Once metadata has its name, a second `name:` can only be a label.
    let collapsed = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n name: settings\n labels:\n name: web\n";
    assert_eq!(
        reindent(collapsed).text,
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  labels:\n    name: web\n"
    );
}

#[test]
fn an_intact_manifest_is_left_alone() {
    let shipped = fixture("manifests/week7-deployment.yaml");
    let result = reindent(&shipped);
    assert_eq!((result.outcome, result.text), (Outcome::NotCollapsed, shipped));
}

#[test]
fn the_corpus_yaml_is_not_kubernetes_and_is_not_touched() {
    let mut seen = 0;
    for post in [
        "c8-w06-waf-cloudfront-github-devsecops",
        "w06-cloudflare-github-security",
        "x-amazon-q-ghas-code-security",
        "x-npm-supply-chain-incident",
    ] {
        for block in yaml_blocks(&fixture(&format!("manifests/corpus/{post}.yaml-blocks.md"))) {
            let result = reindent(&block);
            assert_eq!(
                result.outcome,
                Outcome::NotKubernetes { collapsed: false },
                "{post}:\n{block}"
            );
            assert_eq!(result.text, block);
            seen += 1;
        }
    }
    assert_eq!(seen, 18);
}

#[test]
fn collapsed_workflows_and_compose_files_are_reported_not_touched() {
    let workflow = collapse(
        "name: CI\non:\n  push:\n    branches: [main]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n",
    );
    let compose = collapse("services:\n  web:\n    image: nginx:1.21\n    ports:\n      - \"80:80\"\n");
    for text in [workflow, compose] {
        let result = reindent(&text);
        assert_eq!(result.outcome, Outcome::NotKubernetes { collapsed: true });
        assert_eq!(result.text, text);
    }
}

/// The binary in a sandbox of its own (data and config in a temp dir).
fn run(args: &[&str]) -> Output {
    crate::support::Sandbox::new().run(args)
}

#[test]
fn validate_reindent_prints_the_repaired_manifest() {
    let path = format!(
        "{}/tests/fixtures/manifests/week7-deployment.collapsed.yaml",
        env!("CARGO_MANIFEST_DIR")
    );
    let o = run(&["validate", "--reindent", "--lang", "en", &path]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        fixture("manifests/week7-deployment.yaml")
    );
    assert_eq!(String::from_utf8_lossy(&o.stderr), format!("{path}: re-indented\n"));
}

#[test]
fn validate_reindent_refuses_collapsed_yaml_that_is_not_kubernetes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("ci.yaml");
    let workflow = collapse("name: CI\njobs:\n  build:\n    runs-on: ubuntu-latest\n");
    std::fs::write(&path, &workflow).expect("write");
    let path = path.to_string_lossy().into_owned();
    let o = run(&["validate", "--reindent", &path]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&o.stdout), workflow);
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        format!("{path}: Kubernetes 매니페스트가 아닙니다 (들여쓰기가 무너져 있음). 바꾸지 않았습니다\n")
    );
}

#[test]
fn absurd_nesting_and_long_files_are_bounded_and_keep_every_line() {
    // 20,000 keys that each open a level; and 7,000 list items under unknown keys.
    let openers = format!("apiVersion: v1\nkind: Pod\nmetadata:\n{}", " a:\n".repeat(20_000));
    let items = format!(
        "apiVersion: v1\nkind: Pod\nmetadata:\n{}",
        " a:\n - b:\n - c\n".repeat(7_000)
    );
    for text in [openers, items] {
        let result = reindent(&text);
        assert_eq!(result.outcome, Outcome::Reindented);
        assert_eq!(result.text.lines().count(), text.lines().count());
        let trimmed = |s: &str| s.lines().map(|l| l.trim().to_string()).collect::<Vec<_>>();
        assert_eq!(trimmed(&result.text), trimmed(&text), "no line lost or changed");
        assert!(result.notes.len() <= 101, "{} notes", result.notes.len());
    }
    let deep = format!("apiVersion: v1\nkind: Pod\nmetadata:\n{}", " a:\n".repeat(20_000));
    let notes = reindent(&deep).notes;
    assert!(
        notes
            .iter()
            .any(|n| n.message == "nested more than 48 levels: the rest kept at that level"),
        "{notes:?}"
    );
}
