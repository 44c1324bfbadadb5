//! `validate`: a table of broken manifests, each with the finding it must produce (path, line,
//! message); the course's own manifests with no finding at all; and bad input, through the binary.

use std::process::{Command, Output, Stdio};

use k8s_course::manifest::{Finding, Lang, Options, Severity, validate_text};

/// A valid Deployment whose container also passes every security check.
const SECURE: &str = "\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.21
        ports:
        - containerPort: 80
        securityContext:
          runAsNonRoot: true
          capabilities:
            drop:
            - ALL
        resources:
          limits:
            cpu: 500m
            memory: 128Mi
";

const SERVICE: &str = "\
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - protocol: TCP
    port: 80
    targetPort: 80
  type: LoadBalancer
";

/// `base` with the first run of whole lines equal to `from` replaced by `to` (empty: removed).
fn with(base: &str, from: &str, to: &str) -> String {
    let text = format!("\n{base}");
    let needle = format!("\n{from}\n");
    let at = text.find(&needle).unwrap_or_else(|| panic!("{from:?} not in base"));
    let to = if to.is_empty() {
        String::from("\n")
    } else {
        format!("\n{to}\n")
    };
    format!("{}{to}{}", &text[1..at.max(1)], &text[at + needle.len()..])
}

/// One broken manifest: the line marked `# <-` is where the finding must be.
struct Case {
    name: &'static str,
    yaml: String,
    security: bool,
    path: &'static str,
    severity: Severity,
    message: &'static str,
}

fn err(name: &'static str, yaml: String, path: &'static str, message: &'static str) -> Case {
    Case {
        name,
        yaml,
        security: false,
        path,
        severity: Severity::Error,
        message,
    }
}

fn warn(name: &'static str, yaml: String, path: &'static str, message: &'static str) -> Case {
    Case {
        name,
        yaml,
        security: false,
        path,
        severity: Severity::Warning,
        message,
    }
}

fn sec(name: &'static str, yaml: String, path: &'static str, message: &'static str) -> Case {
    Case {
        name,
        yaml,
        security: true,
        path,
        severity: Severity::Warning,
        message,
    }
}

const C: &str = "spec.template.spec.containers[0]";

fn cases() -> Vec<Case> {
    let d = SECURE;
    vec![
        err(
            "typo in a container field",
            with(d, "        image: nginx:1.21", "        image: nginx:1.21\n        imagePullPolcy: Always # <-"),
            "spec.template.spec.containers[0].imagePullPolcy",
            "unknown field 'imagePullPolcy' (not in spec.template.spec.containers[0] (Container)) (did you mean 'imagePullPolicy'?)",
        ),
        err(
            "typo in metadata (kubeconform issue 313)",
            with(d, "metadata:", "metafffdata: # <-"),
            "metafffdata",
            "unknown field 'metafffdata' (not in Deployment) (did you mean 'metadata'?)",
        ),
        err(
            "replicas as a string",
            with(d, "  replicas: 3", "  replicas: \"3\" # <-"),
            "spec.replicas",
            "wrong type: expected integer, found string — Number of desired pods.",
        ),
        err(
            "env value as a number",
            with(d, "        image: nginx:1.21", "        image: nginx:1.21\n        env:\n        - name: PORT\n          value: 3 # <-"),
            "spec.template.spec.containers[0].env[0].value",
            "wrong type: expected string, found integer",
        ),
        warn(
            "YAML 1.1 boolean",
            with(d, "          runAsNonRoot: true", "          runAsNonRoot: yes # <-"),
            "spec.template.spec.containers[0].securityContext.runAsNonRoot",
            "'yes' is a boolean to YAML 1.1 (kubectl) and a string to YAML 1.2: write true or false",
        ),
        warn(
            "an env value that YAML 1.1 reads as a boolean",
            with(d, "        image: nginx:1.21", "        image: nginx:1.21\n        env:\n        - name: DEBUG\n          value: on # <-"),
            "spec.template.spec.containers[0].env[0].value",
            "'on' is a boolean to YAML 1.1 (kubectl), not the string this field needs: quote it (\"on\")",
        ),
        err(
            "service type in the wrong case (kubectl issue 805)",
            with(SERVICE, "  type: LoadBalancer", "  type: loadBalancer # <-"),
            "spec.type",
            "invalid value 'loadBalancer' (did you mean 'LoadBalancer'?): must be one of ExternalName, ClusterIP, NodePort, LoadBalancer",
        ),
        err(
            "kind misspelled",
            "apiVersion: networking.k8s.io/v1\nkind: Ingres # <-\nmetadata:\n  name: web\n".into(),
            "kind",
            "unknown kind 'Ingres' (did you mean 'Ingress'?): only apiVersion, kind and metadata were checked",
        ),
        err(
            "Deployment without a selector",
            with(d, "  selector:\n    matchLabels:\n      app: web", "").replace("spec:\n  replicas", "spec: # <-\n  replicas"),
            "spec",
            "required field 'selector' is missing — Label selector for pods.",
        ),
        err(
            "containerPort out of range",
            with(d, "        - containerPort: 80", "        - containerPort: 70000 # <-"),
            "spec.template.spec.containers[0].ports[0].containerPort",
            "port 70000 is out of range (1-65535)",
        ),
        err(
            "Deployment on apps/v1beta1",
            with(d, "apiVersion: apps/v1", "apiVersion: apps/v1beta1 # <-"),
            "apiVersion",
            "apiVersion 'apps/v1beta1' for Deployment was removed in Kubernetes 1.16: use 'apps/v1'",
        ),
        err(
            "Ingress on extensions/v1beta1",
            "apiVersion: extensions/v1beta1 # <-\nkind: Ingress\nmetadata:\n  name: web\n".into(),
            "apiVersion",
            "apiVersion 'extensions/v1beta1' for Ingress was removed in Kubernetes 1.22: use 'networking.k8s.io/v1'",
        ),
        err(
            "CronJob on batch/v1beta1",
            "apiVersion: batch/v1beta1 # <-\nkind: CronJob\nmetadata:\n  name: backup\nspec:\n  schedule: \"0 3 * * *\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: backup\n            image: busybox:1.36\n".into(),
            "apiVersion",
            "apiVersion 'batch/v1beta1' for CronJob was removed in Kubernetes 1.25: use 'batch/v1'",
        ),
        err(
            "HorizontalPodAutoscaler on autoscaling/v2beta2",
            "apiVersion: autoscaling/v2beta2 # <-\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  maxReplicas: 5\n  scaleTargetRef:\n    kind: Deployment\n    name: web\n".into(),
            "apiVersion",
            "removed in Kubernetes 1.26: use 'autoscaling/v2'",
        ),
        err(
            "Pod on an apiVersion that never existed",
            "apiVersion: v2 # <-\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: busybox:1.36\n".into(),
            "apiVersion",
            "unknown apiVersion 'v2' for Pod: use 'v1'",
        ),
        err(
            "selector that misses the template's labels",
            with(d, "      app: web", "      app: webb # <-"),
            "spec.selector.matchLabels.app",
            "selector app=webb does not match the template's labels (app=web): the controller would not find its Pods",
        ),
        warn(
            "Service selecting no Pod template of the file",
            format!("{d}---\n{}", with(SERVICE, "    app: web", "    app: api").replace("  selector:\n", "  selector: # <-\n")),
            "spec.selector",
            "the Service selector (app=api) matches no Pod template in this file",
        ),
        warn(
            "targetPort that no container opens",
            format!("{d}---\n{}", with(SERVICE, "    targetPort: 80", "    targetPort: 8080 # <-")),
            "spec.ports[0].targetPort",
            "targetPort 8080 is not a containerPort of the selected Pods (they have: 80)",
        ),
        sec(
            "privileged container",
            with(d, "          runAsNonRoot: true", "          runAsNonRoot: true\n          privileged: true # <-"),
            "spec.template.spec.containers[0].securityContext.privileged",
            "privileged container",
        ),
        sec(
            "runAsNonRoot missing",
            with(d, "          runAsNonRoot: true", "").replace("      - name: web", "      - name: web # <-"),
            C,
            "runAsNonRoot: true is not set",
        ),
        sec(
            "no resource limits",
            with(d, "        resources:\n          limits:\n            cpu: 500m\n            memory: 128Mi", "")
                .replace("      - name: web", "      - name: web # <-"),
            C,
            "no resources.limits",
        ),
        sec(
            ":latest image",
            with(d, "        image: nginx:1.21", "        image: nginx:latest # <-"),
            "spec.template.spec.containers[0].image",
            "image 'nginx:latest' is :latest (or untagged)",
        ),
        sec(
            "untagged image",
            with(d, "        image: nginx:1.21", "        image: registry:5000/nginx # <-"),
            "spec.template.spec.containers[0].image",
            "image 'registry:5000/nginx' is :latest",
        ),
        sec(
            "hostPath volume",
            with(d, "      containers:", "      volumes:\n      - name: logs\n        hostPath: # <-\n          path: /var/log\n      containers:"),
            "spec.template.spec.volumes[0].hostPath",
            "hostPath volume",
        ),
        sec(
            "capabilities not dropped",
            with(d, "            - ALL", "            - NET_RAW").replace("      - name: web", "      - name: web # <-"),
            C,
            "capabilities are not dropped",
        ),
        err(
            "imagePullPolicy in the wrong case",
            with(d, "        image: nginx:1.21", "        image: nginx:1.21\n        imagePullPolicy: always # <-"),
            "spec.template.spec.containers[0].imagePullPolicy",
            "invalid value 'always' (did you mean 'Always'?): must be one of Always, Never, IfNotPresent",
        ),
        err(
            "restartPolicy that doesn't exist",
            with(d, "      containers:", "      restartPolicy: Sometimes # <-\n      containers:"),
            "spec.template.spec.restartPolicy",
            "invalid value 'Sometimes': must be one of Always, OnFailure, Never",
        ),
        err(
            "container without a name",
            with(d, "      - name: web", "      - image: busybox:1.36 # <-").replace("        image: nginx:1.21\n", ""),
            C,
            "required field 'name' is missing",
        ),
        err(
            "Service port 0",
            with(SERVICE, "    port: 80", "    port: 0 # <-"),
            "spec.ports[0].port",
            "port 0 is out of range (1-65535)",
        ),
        err(
            "Ingress pathType in the wrong case",
            "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  rules:\n  - http:\n      paths:\n      - path: /\n        pathType: prefix # <-\n        backend:\n          service:\n            name: web\n            port:\n              number: 80\n".into(),
            "spec.rules[0].http.paths[0].pathType",
            "invalid value 'prefix' (did you mean 'Prefix'?)",
        ),
        err(
            "NetworkPolicy policyType misspelled",
            "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\nspec:\n  podSelector: {}\n  policyTypes:\n  - Ingres # <-\n".into(),
            "spec.policyTypes[0]",
            "invalid value 'Ingres' (did you mean 'Ingress'?): must be one of Ingress, Egress",
        ),
        err(
            "a CPU limit that isn't a quantity",
            with(d, "            cpu: 500m", "            cpu: 500mb # <-"),
            "spec.template.spec.containers[0].resources.limits.cpu",
            "'500mb' is not a resource quantity",
        ),
        err(
            "containers as a mapping",
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: # <-\n    name: c\n    image: busybox:1.36\n".into(),
            "spec.containers",
            "wrong type: expected []Container, found mapping",
        ),
        err(
            "a label whose value is a list",
            with(d, "        app: web", "        app: web\n        tier: [web, api] # <-"),
            "spec.template.metadata.labels.tier",
            "wrong type: expected string, found list",
        ),
        err(
            "no apiVersion",
            "kind: ConfigMap # <-\nmetadata:\n  name: c\n".into(),
            "",
            "'apiVersion' is missing: every manifest needs it",
        ),
        err(
            "ConfigMap data that is a number",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  port: 8080 # <-\n".into(),
            "data.port",
            "wrong type: expected string, found integer",
        ),
        err(
            "Role verbs as one string",
            "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: r\nrules:\n- apiGroups: [\"\"]\n  resources: [pods]\n  verbs: get # <-\n".into(),
            "rules[0].verbs",
            "wrong type: expected []string, found string",
        ),
        err(
            "RoleBinding without roleRef",
            "apiVersion: rbac.authorization.k8s.io/v1 # <-\nkind: RoleBinding\nmetadata:\n  name: rb\nsubjects:\n- kind: User\n  name: jane\n".into(),
            "",
            "required field 'roleRef' is missing",
        ),
        err(
            "Secret field in the wrong case",
            "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringdata: # <-\n  password: hunter2\n".into(),
            "stringdata",
            "unknown field 'stringdata' (not in Secret) (did you mean 'stringData'?)",
        ),
        err(
            "CronJob without a schedule",
            "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: backup\nspec: # <-\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: backup\n            image: busybox:1.36\n".into(),
            "spec",
            "required field 'schedule' is missing",
        ),
        err(
            "an error in the second document keeps its file line",
            format!("{SERVICE}---\n{}", with(d, "  replicas: 3", "  replicas: three # <-")),
            "spec.replicas",
            "wrong type: expected integer, found string",
        ),
    ]
}

fn marked_line(yaml: &str) -> usize {
    let lines: Vec<usize> = yaml
        .lines()
        .enumerate()
        .filter(|(_, l)| l.ends_with("# <-"))
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(lines.len(), 1, "one marked line in\n{yaml}");
    lines[0]
}

fn show(findings: &[Finding]) -> String {
    findings
        .iter()
        .map(|f| f.render("case.yaml", Lang::En))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn each_broken_manifest_gives_its_finding_and_only_it() {
    let cases = cases();
    assert!(cases.len() >= 30, "{} cases", cases.len());
    for case in cases {
        let line = marked_line(&case.yaml);
        let findings = validate_text(
            &case.yaml,
            Options {
                security: case.security,
            },
        );
        assert_eq!(
            findings.len(),
            1,
            "{}: expected one finding, got\n{}\nfor\n{}",
            case.name,
            show(&findings),
            case.yaml
        );
        let f = &findings[0];
        let text = f.render("case.yaml", Lang::En);
        assert_eq!(
            (f.line, f.path.as_str(), f.severity),
            (line, case.path, case.severity),
            "{}: {text}",
            case.name
        );
        assert!(
            text.contains(case.message),
            "{}: {text}\nlacks {:?}",
            case.name,
            case.message
        );
        let prefix = if case.path.is_empty() {
            format!("case.yaml:{line}:")
        } else {
            format!(":{line}:{}: {}: ", f.col, case.path)
        };
        assert!(text.contains(&prefix), "{}: {text}", case.name);
    }
}

#[test]
fn findings_are_korean_by_default_with_the_schema_description() {
    let yaml = with(SECURE, "  replicas: 3", "  replicas: \"3\"");
    let findings = validate_text(&yaml, Options::default());
    assert_eq!(
        findings[0].render("deploy.yaml", Lang::Ko),
        "deploy.yaml:6:13: spec.replicas: 오류: 타입이 틀렸습니다: integer이어야 하는데 string입니다 — Number of desired pods."
    );
    let yaml = with(
        SECURE,
        "        image: nginx:1.21",
        "        image: nginx:1.21\n        imagePullPolcy: Always",
    );
    let findings = validate_text(&yaml, Options::default());
    assert_eq!(
        findings[0].render("deploy.yaml", Lang::Ko),
        "deploy.yaml:18:9: spec.template.spec.containers[0].imagePullPolcy: 오류: 알 수 없는 필드 'imagePullPolcy' \
         (spec.template.spec.containers[0] (Container)에 없음) ('imagePullPolicy'를 뜻했나요?)"
    );
}

#[test]
fn a_quoted_yes_is_a_string_everywhere_and_an_error_for_a_boolean() {
    let yaml = with(
        SECURE,
        "          runAsNonRoot: true",
        "          runAsNonRoot: \"yes\"",
    );
    let findings = validate_text(&yaml, Options::default());
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].severity, Severity::Error);
    assert!(
        findings[0]
            .render("f", Lang::En)
            .contains("expected boolean, found string")
    );
}

const COURSE_MANIFESTS: [&str; 5] = ["pod", "deployment", "service", "secure-pod", "networkpolicy"];

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/manifests/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn the_course_manifests_have_no_finding_at_all() {
    for name in COURSE_MANIFESTS {
        let findings = validate_text(&fixture(&format!("week7-{name}.yaml")), Options::default());
        assert!(findings.is_empty(), "week7-{name}.yaml:\n{}", show(&findings));
    }
    // Together in one file, the Service finds the Deployment's and the Pod's template.
    let all: Vec<String> = COURSE_MANIFESTS
        .iter()
        .map(|n| fixture(&format!("week7-{n}.yaml")))
        .collect();
    let findings = validate_text(&all.join("---\n"), Options::default());
    assert!(findings.is_empty(), "{}", show(&findings));
}

#[test]
fn security_warnings_on_the_course_manifests_are_exactly_the_true_ones() {
    let findings = validate_text(&fixture("week7-secure-pod.yaml"), Options { security: true });
    let text = show(&findings);
    assert_eq!(
        text,
        "case.yaml:12:3: spec.containers[0]: warning: no resources.limits: set CPU and memory limits\n\
         case.yaml:13:5: spec.containers[0].image: warning: image 'myapp:latest' is :latest (or untagged): pin a version tag or digest"
    );
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_k8s-course"))
        .args(args)
        .env(
            "K8S_COURSE_DATA_DIR",
            std::env::temp_dir().join("k8s-course-validate-test-data"),
        )
        .env(
            "K8S_COURSE_CONFIG_DIR",
            std::env::temp_dir().join("k8s-course-validate-test-config"),
        )
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn k8s-course");
    if let Some(input) = stdin {
        use std::io::Write;
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input)
            .expect("write stdin");
    }
    drop(child.stdin.take());
    child.wait_with_output().expect("wait")
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write fixture");
    path.to_string_lossy().into_owned()
}

#[test]
fn the_binary_exits_0_on_clean_files_and_1_with_file_line_col_findings() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = write(&dir, "good.yaml", SECURE.as_bytes());
    let o = run(&["validate", &good], None);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(out(&o), "");
    assert!(String::from_utf8_lossy(&o.stderr).contains("파일 1개: 오류 0개, 경고 0개"));

    let bad = write(
        &dir,
        "bad.yaml",
        with(SECURE, "  replicas: 3", "  replicas: \"3\"").as_bytes(),
    );
    let o = run(&["validate", "--lang", "en", &good, &bad], None);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        out(&o),
        format!(
            "{bad}:6:13: spec.replicas: error: wrong type: expected integer, found string — Number of desired pods.\n"
        )
    );
}

#[test]
fn stdin_is_read_with_a_dash_and_multi_document_streams_are_split() {
    let stream = format!(
        "{SECURE}---\n{}",
        with(SERVICE, "  type: LoadBalancer", "  type: loadBalancer")
    );
    let o = run(&["validate", "--lang", "en", "-"], Some(stream.as_bytes()));
    assert_eq!(o.status.code(), Some(1));
    assert!(
        out(&o).starts_with("<stdin>:41:9: spec.type: error: invalid value 'loadBalancer'"),
        "{}",
        out(&o)
    );
}

#[test]
fn warnings_alone_do_not_fail() {
    let o = run(
        &["validate", "--security", "--lang", "en", "-"],
        Some(fixture("week7-pod.yaml").as_bytes()),
    );
    assert_eq!(o.status.code(), Some(0));
    assert!(
        out(&o).contains("<stdin>:9:3: spec.containers[0]: warning: no resources.limits"),
        "{}",
        out(&o)
    );
}

/// Bad input: each a clear message naming the file and line, exit 1, never a panic.
#[test]
fn bad_input_gets_a_clear_message() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n".to_string()
        + &(b'b'..=b'z')
            .map(|c| {
                let prev = (c - 1) as char;
                format!(
                    "{}: &{} [{}]\n",
                    c as char,
                    c as char,
                    vec![format!("*{prev}"); 9].join(", ")
                )
            })
            .collect::<String>();
    let deep = format!(
        "apiVersion: v1\nkind: ConfigMap\ndata: {}{}\n",
        "[".repeat(200),
        "]".repeat(200)
    );
    let mut binary = b"apiVersion: v1\nkind: Pod\n".to_vec();
    binary.extend([0u8, 159, 146, 150, 0xff, 0xfe]);
    let huge = format!(
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n{}",
        "  k: v\n".repeat(10 * 1024 * 1024 / 7)
    );
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "not-yaml.yaml",
            b"apiVersion: v1\nkind: Pod\nmetadata: [unclosed\n".to_vec(),
            "not-yaml.yaml:4:1: error: not YAML:",
        ),
        (
            "list.yaml",
            b"- apiVersion: v1\n- kind: Pod\n".to_vec(),
            "list.yaml:1:1: error: a Kubernetes manifest is a mapping (key: value), this is list",
        ),
        (
            "scalar.yaml",
            b"just some words\n".to_vec(),
            "scalar.yaml:1:1: error: a Kubernetes manifest is a mapping (key: value), this is string",
        ),
        (
            "unknown-kind.yaml",
            b"apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  nmae: w\n".to_vec(),
            "unknown-kind.yaml:2:7: kind: error: unknown kind 'Widget': only apiVersion, kind and metadata were checked",
        ),
        (
            "bomb.yaml",
            bomb.into_bytes(),
            "more than 64 YAML aliases (*name): refused, this looks like an alias bomb",
        ),
        (
            "deep.yaml",
            deep.into_bytes(),
            "deep.yaml:3:1: error: refused: YAML nested more than 32 levels deep: flatten it",
        ),
        ("huge.yaml", huge.into_bytes(), "huge.yaml:1:1: error: file is 10485"),
        (
            "binary.yaml",
            binary,
            "binary.yaml:1:1: error: binary data, not a YAML text file",
        ),
    ];
    for (name, bytes, expected) in cases {
        let path = write(&dir, name, &bytes);
        let o = run(&["validate", "--lang", "en", &path], None);
        let stdout = out(&o);
        assert_eq!(
            o.status.code(),
            Some(1),
            "{name}: {stdout}{}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(stdout.contains(expected), "{name}: {stdout}\nlacks {expected:?}");
        assert!(!String::from_utf8_lossy(&o.stderr).contains("panicked"), "{name}");
    }
    // The unknown kind's metadata was still checked.
    let o = run(
        &[
            "validate",
            "--lang",
            "en",
            &dir.path().join("unknown-kind.yaml").to_string_lossy(),
        ],
        None,
    );
    assert!(
        out(&o).contains(
            ":4:3: metadata.nmae: error: unknown field 'nmae' (not in metadata (ObjectMeta)) (did you mean 'name'?)"
        ),
        "{}",
        out(&o)
    );
}

#[test]
fn windows_line_ends_and_a_byte_order_mark_keep_lines_and_columns() {
    let yaml = with(SECURE, "  replicas: 3", "  replicas: \"3\"");
    let windows = format!("\u{feff}{}", yaml.replace('\n', "\r\n"));
    let findings = validate_text(&windows, Options::default());
    assert_eq!(show(&findings), show(&validate_text(&yaml, Options::default())));
    assert_eq!((findings[0].line, findings[0].col), (6, 13));
    let collapsed = fixture("week7-deployment.collapsed.yaml").replace('\n', "\r\n");
    assert_eq!(
        k8s_course::manifest::reindent(&collapsed).text,
        fixture("week7-deployment.yaml")
    );
}

#[test]
fn an_empty_file_is_an_error() {
    for text in ["", "\n\n", "# just a comment\n---\n"] {
        let findings = validate_text(text, Options::default());
        assert_eq!(
            show(&findings),
            "case.yaml:1:1: error: no manifest: the file is empty or only comments",
            "{text:?}"
        );
    }
}

#[test]
fn a_missing_file_and_a_directory_are_refused_by_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("nope.yaml").to_string_lossy().into_owned();
    let o = run(
        &["validate", "--lang", "en", &missing, &dir.path().to_string_lossy()],
        None,
    );
    assert_eq!(o.status.code(), Some(1));
    let text = out(&o);
    assert!(
        text.contains(&format!("{missing}:1:1: error: refused: No such file")),
        "{text}"
    );
    assert!(text.contains("error: refused: not a regular file"), "{text}");
}

#[test]
fn control_characters_in_values_never_reach_the_terminal() {
    let yaml = "apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  type: \"\\e[31mRed\"\n";
    let o = run(&["validate", "--lang", "en", "-"], Some(yaml.as_bytes()));
    assert_eq!(o.status.code(), Some(1));
    assert!(!o.stdout.contains(&0x1b), "{:?}", out(&o));
    assert!(
        out(&o).contains("<stdin>:6:9: spec.type: error: invalid value"),
        "{}",
        out(&o)
    );
}
