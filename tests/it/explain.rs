//! `explain TYPE.field.path` through the built binary: output, exit codes, errors.

use std::process::Output;

/// The binary in a sandbox of its own (data and config in a temp dir).
fn run(args: &[&str]) -> Output {
    crate::support::Sandbox::new().run(args)
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn a_field_prints_its_type_description_and_sub_fields() {
    let o = run(&["explain", "deployment.spec.selector"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "KIND:       Deployment
VERSION:    apps/v1
RELEASE:    Kubernetes 1.37 (offline schema)

FIELD:      selector <LabelSelector>
PATH:       deployment.spec.selector

DESCRIPTION:
    Label selector for pods. Existing ReplicaSets whose pods are selected by
    this will be the ones affected by this deployment. It must match the pod
    template's labels.

FIELDS:
  matchExpressions  <[]LabelSelectorRequirement>
    matchExpressions is a list of label selector requirements.

  matchLabels  <map[string]string>
    matchLabels is a map of {key,value} pairs.

"
    );
}

#[test]
fn kinds_go_by_kubectl_names_and_required_fields_are_marked() {
    for query in ["deploy", "Deployment", "deployments"] {
        let o = run(&["explain", &format!("{query}.spec")]);
        assert_eq!(o.status.code(), Some(0), "{query}");
        let text = stdout(&o);
        assert!(text.starts_with("KIND:       Deployment\n"), "{query}: {text}");
        assert!(text.contains("  selector  <LabelSelector> -required-\n"), "{text}");
        assert!(
            text.contains("  replicas  <integer>\n    Number of desired pods."),
            "{text}"
        );
    }
    let o = run(&["explain", "netpol"]);
    assert!(stdout(&o).starts_with("KIND:       NetworkPolicy\nVERSION:    networking.k8s.io/v1\n"));
}

#[test]
fn a_list_field_shows_its_items_fields_and_enums_their_values() {
    let o = run(&["explain", "pod.spec.containers"]);
    let text = stdout(&o);
    assert!(text.contains("FIELD:      containers <[]Container>\n"), "{text}");
    assert!(text.contains("  imagePullPolicy  <string>\n"), "{text}");
    assert!(text.contains("  name  <string> -required-\n"), "{text}");
    let o = run(&["explain", "svc.spec.type"]);
    assert!(stdout(&o).contains("ALLOWED VALUES:\n    ExternalName, ClusterIP, NodePort, LoadBalancer\n"));
    // Through a list into its items' fields.
    let o = run(&["explain", "pod.spec.containers.ports.containerPort"]);
    assert!(
        stdout(&o).contains("FIELD:      containerPort <integer>\n"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn descriptions_wrap_to_the_width_asked() {
    let o = run(&["explain", "deployment.spec.selector", "--width", "40"]);
    let text = stdout(&o);
    assert!(text.lines().all(|l| l.chars().count() <= 48), "{text}");
    assert!(text.contains("    Label selector for pods. Existing\n"), "{text}");
}

#[test]
fn unknown_kinds_and_fields_fail_with_a_suggestion() {
    let o = run(&["explain", "deploy.spec.tempalte"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(stdout(&o), "");
    assert_eq!(
        stderr(&o),
        "k8s-course explain: field 'tempalte' does not exist in Deployment.spec (did you mean 'template'?)\n"
    );
    let o = run(&["explain", "Ingres"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).starts_with(
        "k8s-course explain: unknown kind 'Ingres' (did you mean 'Ingress'?): known kinds are ClusterRole, "
    ));
    let o = run(&["explain", "pod.spec.containers.image.tag"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("field 'tag' does not exist in Pod.spec.containers.image"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn every_kind_the_issue_lists_is_in_the_schema() {
    for kind in [
        "Pod",
        "Deployment",
        "ReplicaSet",
        "StatefulSet",
        "DaemonSet",
        "Job",
        "CronJob",
        "Service",
        "Ingress",
        "NetworkPolicy",
        "ConfigMap",
        "Secret",
        "Namespace",
        "ServiceAccount",
        "Role",
        "ClusterRole",
        "RoleBinding",
        "ClusterRoleBinding",
        "PersistentVolumeClaim",
        "HorizontalPodAutoscaler",
    ] {
        let o = run(&["explain", &format!("{kind}.metadata.name")]);
        assert_eq!(o.status.code(), Some(0), "{kind}: {}", stderr(&o));
        assert!(stdout(&o).starts_with(&format!("KIND:       {kind}\n")), "{kind}");
    }
}

#[test]
fn the_fields_of_a_slide_manifest_come_with_their_descriptions() {
    let yaml = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/manifests/week7-pod.yaml"
    ))
    .expect("fixture");
    let fields = k8s_course::manifest::explain::fields_of(&yaml);
    let rows: Vec<String> = fields.iter().map(|f| format!("{} <{}>", f.path, f.ty)).collect();
    assert_eq!(
        rows,
        [
            "apiVersion <string>",
            "kind <string>",
            "metadata <ObjectMeta>",
            "metadata.name <string>",
            "metadata.labels <map[string]string>",
            "spec <PodSpec>",
            "spec.containers <[]Container>",
            "spec.containers[].name <string>",
            "spec.containers[].image <string>",
            "spec.containers[].ports <[]ContainerPort>",
            "spec.containers[].ports[].containerPort <integer>",
        ]
    );
    assert_eq!(fields[8].description, "Container image name.");
    // Not Kubernetes, not YAML: nothing, and no panic.
    assert!(k8s_course::manifest::explain::fields_of("on: push\njobs: {}\n").is_empty());
    assert!(k8s_course::manifest::explain::fields_of("a: [unclosed\n").is_empty());
}
