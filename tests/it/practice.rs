//! Practice: every week-7 exercise passes with its solution and fails with its starting file;
//! accepted variants and near misses of every command and quiz exercise, with their messages;
//! exercises in `lesson.yaml` that can't be used; `k8s-course practice` and `practice check`.

use std::collections::BTreeSet;

use k8s_course::content::exercise::{Exercise, ExerciseKind};
use k8s_course::content::{CourseSource, Lesson, load_course};
use k8s_course::practice::{Lang, check};

use crate::support::{Sandbox, copy_dir};

fn week7() -> Lesson {
    let course = load_course(&CourseSource::BuiltIn).course.expect("built-in course");
    course.lessons.into_iter().next().expect("a lesson")
}

fn exercise<'l>(lesson: &'l Lesson, id: &str) -> &'l Exercise {
    lesson
        .exercises
        .iter()
        .find(|e| e.id == id)
        .unwrap_or_else(|| panic!("exercise {id}"))
}

/// The notes of a failed check in English, one string per note (`PATH: message`).
fn notes(ex: &Exercise, answer: &str) -> Vec<String> {
    check(ex, answer)
        .notes
        .iter()
        .map(|n| match n.path.as_str() {
            "" => n.text(Lang::En).to_string(),
            path => format!("{path}: {}", n.text(Lang::En)),
        })
        .collect()
}

#[test]
fn every_exercise_passes_with_its_solution_and_fails_with_its_start() {
    let lesson = week7();
    assert!(lesson.exercises.len() >= 15, "{} exercises", lesson.exercises.len());
    for ex in &lesson.exercises {
        let verdict = check(ex, &ex.solution);
        assert!(verdict.passed(), "{}: solution fails: {:?}", ex.id, verdict.notes);
        let start = check(ex, &ex.start);
        assert!(!start.passed(), "{}: the starting file already passes", ex.id);
    }
}

#[test]
fn week7_covers_every_chapter_kind_manifest_and_command_of_the_post() {
    let lesson = week7();
    let chapters: BTreeSet<String> = lesson
        .exercises
        .iter()
        .map(|e| lesson.id_of(e.slide).split('.').next().unwrap_or("").to_string())
        .collect();
    for c in ["title", "1", "2", "3", "4", "5"] {
        assert!(chapters.contains(c), "no exercise in chapter {c}: {chapters:?}");
    }
    let kinds: BTreeSet<&str> = lesson.exercises.iter().map(|e| e.kind.name()).collect();
    assert_eq!(kinds, BTreeSet::from(["command", "fix", "quiz", "write"]));
    let manifests: String = lesson
        .exercises
        .iter()
        .filter(|e| e.kind.is_manifest())
        .map(|e| e.solution.as_str())
        .collect();
    for kind in ["Pod", "Deployment", "Service", "NetworkPolicy", "securityContext"] {
        assert!(manifests.contains(kind), "no manifest exercise with {kind}");
    }
    let commands: Vec<&str> = lesson
        .exercises
        .iter()
        .filter(|e| e.kind == ExerciseKind::Command)
        .map(|e| e.solution.as_str())
        .collect();
    for c in [
        "docker pull",
        "docker run",
        "docker ps",
        "docker logs",
        "docker stop",
        "docker rm",
        "docker build",
        "trivy image",
        "brew install minikube",
        "curl -LO",
        "install minikube-linux-amd64",
        "minikube start",
        "brew install k9s",
        "k9s",
        "kubectl apply -f",
        "kubectl get pods -w",
        "kubectl logs",
    ] {
        assert!(commands.iter().any(|s| s.contains(c)), "no command exercise for `{c}`");
    }
}

#[test]
fn manifest_findings_name_field_line_and_description() {
    let lesson = week7();
    let pod = exercise(&lesson, "pod-fix");
    let v = check(pod, &pod.start);
    let lines: Vec<(Option<usize>, &str)> = v.notes.iter().map(|n| (n.line, n.path.as_str())).collect();
    assert!(lines.contains(&(Some(8), "spec.conatiners")), "{lines:?}");
    assert!(lines.contains(&(Some(6), "metadata.labels.app")), "{lines:?}");
    let label = v
        .notes
        .iter()
        .find(|n| n.path == "metadata.labels.app")
        .expect("label note");
    assert_eq!(label.text(Lang::En), "is 'web', the task asks for 'nginx'");
    assert_eq!(label.text(Lang::Ko), "값이 'web'입니다: 과제는 'nginx'를 요구합니다");
    assert!(label.field_doc.contains("Map of string keys"), "{}", label.field_doc);
    assert_eq!(
        label.render("pod-fix.yaml", Lang::En),
        "pod-fix.yaml:6: metadata.labels.app: is 'web', the task asks for 'nginx'"
    );

    let web = exercise(&lesson, "web-write");
    let wrong = web.solution.replace("nodePort: 30080", "nodePort: 30081").replace(
        "  selector:\n    app: web\n  ports",
        "  selector:\n    app: api\n  ports",
    );
    let got = notes(web, &wrong);
    assert!(
        got.contains(&"spec.ports[0].nodePort: is '30081', the task asks for '30080'".to_string()),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|n| n.starts_with("spec.selector: selector app=api matches none")),
        "{got:?}"
    );

    let secure = exercise(&lesson, "secure-pod-fix");
    let privileged = secure.solution.replace(
        "allowPrivilegeEscalation: false",
        "allowPrivilegeEscalation: false\n      privileged: true",
    );
    assert_eq!(
        notes(secure, &privileged),
        vec!["spec.containers[0].securityContext.privileged: must not be set (it is 'true'): remove it"]
    );
    let only_pod = secure.solution.replace("kind: Pod", "kind: Deployment");
    assert!(
        notes(secure, &only_pod)
            .iter()
            .any(|n| n.contains("there is no document of kind: Pod"))
    );
    assert_eq!(
        notes(secure, "apiVersion: v1\nkind: Pod\nmetadata: [oops\n").len(),
        1,
        "a file that isn't YAML gets only its syntax error"
    );
}

/// (exercise, accepted answers, near misses with the expected English message of their first note)
type Cases = (
    &'static str,
    &'static [&'static str],
    &'static [(&'static str, &'static str)],
);

const COMMAND_CASES: &[Cases] = &[
    (
        "docker-build",
        &[
            "docker build --tag myapp .",
            "$ docker build . -t myapp",
            "docker build --tag=myapp .",
        ],
        &[
            ("docker build .", "-t/--tag: the flag -t/--tag myapp is missing"),
            ("docker build -t myapp", ".: the argument `.` is missing"),
            (
                "podman build -t myapp .",
                "podman: the command starts with `podman`: this task uses `docker`",
            ),
        ],
    ),
    (
        "docker-pull",
        &["docker pull nginx:latest", "sudo docker pull nginx:latest"],
        &[
            (
                "docker pull nginx",
                "nginx:latest: the argument `nginx:latest` is missing",
            ),
            (
                "docker push nginx:latest",
                "pull: the subcommand is `push`: this task is `docker pull`",
            ),
        ],
    ),
    (
        "docker-run",
        &[
            "docker run --name my-nginx -p 8080:80 -d nginx:latest",
            "docker run --detach --publish=8080:80 --name=my-nginx nginx:latest",
        ],
        &[
            (
                "docker run -p 8080:80 --name my-nginx nginx:latest",
                "-d/--detach: the flag -d/--detach is missing",
            ),
            (
                "docker run -d -p 80:8080 --name my-nginx nginx:latest",
                "-p/--publish: the flag -p/--publish is '80:8080': the task asks for '8080:80'",
            ),
            (
                "docker run -d -it -p 8080:80 --name my-nginx nginx:latest",
                "-it: the flag -it is not part of this task",
            ),
        ],
    ),
    (
        "docker-ps",
        &["docker ps", "  docker   ps  "],
        &[(
            "docker images",
            "ps: the subcommand is `images`: this task is `docker ps`",
        )],
    ),
    (
        "docker-logs",
        &["docker logs my-nginx", "docker logs -f my-nginx"],
        &[("docker logs nginx", "my-nginx: the argument `my-nginx` is missing")],
    ),
    (
        "docker-stop-rm",
        &[
            "docker stop my-nginx && docker rm my-nginx",
            "docker stop my-nginx; docker rm my-nginx",
        ],
        &[
            (
                "docker stop my-nginx",
                "command 2 is missing: go on with `docker rm` (joined with &&)",
            ),
            (
                "docker rm my-nginx && docker stop my-nginx",
                "stop: the subcommand is `rm`: this task is `docker stop`",
            ),
        ],
    ),
    (
        "kubectl-get-watch",
        &[
            "kubectl get pods --watch",
            "kubectl get -w pods",
            "kubectl get pods -w -n default",
        ],
        &[("kubectl get pods", "-w/--watch: the flag -w/--watch is missing")],
    ),
    (
        "kubectl-logs",
        &["kubectl logs nginx-pod", "kubectl logs -f nginx-pod"],
        &[(
            "kubectl log nginx-pod",
            "logs: the subcommand is `log`: this task is `kubectl logs`",
        )],
    ),
    (
        "kubectl-apply",
        &[
            "kubectl apply --filename deployment.yaml",
            "kubectl apply -f=deployment.yaml",
        ],
        &[
            (
                "kubectl apply deployment.yaml",
                "-f/--filename: the flag -f/--filename deployment.yaml is missing",
            ),
            (
                "kubectl create -f deployment.yaml",
                "apply: the subcommand is `create`: this task is `kubectl apply`",
            ),
            (
                "kubectl apply -f",
                "-f/--filename: the flag -f/--filename has no value: deployment.yaml",
            ),
        ],
    ),
    (
        "trivy-scan",
        &[
            "trivy image --severity CRITICAL,HIGH nginx:latest",
            "trivy image nginx:latest --severity=HIGH,CRITICAL",
            "trivy image -s high,critical nginx:latest",
        ],
        &[
            (
                "trivy image --severity HIGH nginx:latest",
                "--severity/-s: the flag --severity/-s is 'HIGH': the task asks for 'HIGH,CRITICAL'",
            ),
            (
                "trivy fs --severity HIGH,CRITICAL nginx:latest",
                "image: the subcommand is `fs`: this task is `trivy image`",
            ),
        ],
    ),
    (
        "brew-minikube",
        &["brew install minikube"],
        &[("brew install kubectl", "minikube: the argument `minikube` is missing")],
    ),
    (
        "minikube-linux",
        &[
            "curl -LO https://storage.googleapis.com/minikube/releases/latest/minikube-linux-amd64 && sudo install minikube-linux-amd64 /usr/local/bin/minikube",
            "curl -L -O https://storage.googleapis.com/minikube/releases/latest/minikube-linux-amd64\ninstall minikube-linux-amd64 /usr/local/bin/minikube",
        ],
        &[(
            "curl -O https://storage.googleapis.com/minikube/releases/latest/minikube-linux-amd64 && sudo install minikube-linux-amd64 /usr/local/bin/minikube",
            "-L/--location: the flag -L/--location is missing",
        )],
    ),
    (
        "minikube-start",
        &[
            "minikube start --memory=4096 --cpus=2 --driver=docker",
            "minikube start --driver docker --cpus 2 --memory 4096",
        ],
        &[
            (
                "minikube start --driver=virtualbox --cpus=2 --memory=4096",
                "--driver/--vm-driver: the flag --driver/--vm-driver is 'virtualbox': the task asks for 'docker'",
            ),
            (
                "minikube start --driver=docker --cpus=2",
                "--memory: the flag --memory 4096 is missing",
            ),
        ],
    ),
    (
        "brew-k9s",
        &["brew install k9s"],
        &[("brew install k8s", "k9s: the argument `k9s` is missing")],
    ),
    (
        "k9s-run",
        &["k9s -n k8s-course-me", "k9s --namespace=k8s-course-me"],
        &[(
            "k9s",
            "-n/--namespace: the flag -n/--namespace k8s-course-me is missing",
        )],
    ),
];

const QUIZ_CASES: &[Cases] = &[
    (
        "intro-break",
        &["5", "5분", " 5 minutes "],
        &[("10", "'10' is not the answer")],
    ),
    (
        "docker-what",
        &["컨테이너", "Container", "CONTAINERS"],
        &[(
            "이미지",
            "'이미지' is not the answer: listen to narration segment 4 again",
        )],
    ),
    (
        "docker-registry",
        &["4", "4)", "registry", "레지스트리"],
        &[
            ("2", "'2' is not the answer: listen to narration segment 9 again"),
            ("7", "choose a number from 1 to 4"),
        ],
    ),
    (
        "k8s-etcd",
        &["etcd", "2", "ETCD", "엣시디"],
        &[("1", "'1' is not the answer: listen to narration segment 12 again")],
    ),
    (
        "falco-quiz",
        &["Falco", "falco", "팔코"],
        &[(
            "Trivy",
            "'Trivy' is not the answer: listen to narration segment 21 again",
        )],
    ),
    (
        "k9s-keys",
        &[":deploy", ":deployment", ":dp"],
        &[(":svc", "':svc' is not the answer")],
    ),
    (
        "wrapup-orchestrator",
        &["오케스트레이터", "Orchestrator", "컨테이너 오케스트레이터"],
        &[(
            "스케줄러",
            "'스케줄러' is not the answer: listen to narration segment 23 again",
        )],
    ),
];

fn run_cases(cases: &[Cases], kind: ExerciseKind) {
    let lesson = week7();
    let covered: BTreeSet<&str> = cases.iter().map(|c| c.0).collect();
    for ex in lesson.exercises.iter().filter(|e| e.kind == kind) {
        assert!(
            covered.contains(ex.id.as_str()),
            "no variants or near misses for {}",
            ex.id
        );
    }
    for (id, accepted, misses) in cases {
        let ex = exercise(&lesson, id);
        for a in *accepted {
            assert!(check(ex, a).passed(), "{id}: `{a}` should pass: {:?}", notes(ex, a));
        }
        for (miss, message) in *misses {
            let got = notes(ex, miss);
            assert_eq!(
                got.first().map(String::as_str),
                Some(*message),
                "{id}: `{miss}`: {got:?}"
            );
        }
        let empty = notes(ex, "  ");
        assert_eq!(empty.len(), 1, "{id}: {empty:?}");
    }
}

#[test]
fn command_exercises_accept_variants_and_explain_near_misses() {
    run_cases(COMMAND_CASES, ExerciseKind::Command);
}

#[test]
fn quiz_exercises_accept_variants_and_explain_near_misses() {
    run_cases(QUIZ_CASES, ExerciseKind::Quiz);
}

#[test]
fn korean_messages_for_commands_and_quizzes() {
    let lesson = week7();
    let run = exercise(&lesson, "docker-run");
    let v = check(run, "docker run -p 8080:80 --name my-nginx nginx:latest");
    assert_eq!(v.notes[0].text(Lang::Ko), "플래그 -d/--detach가 없습니다");
    let quiz = exercise(&lesson, "k8s-etcd");
    assert_eq!(
        check(quiz, "kubelet").notes[0].text(Lang::Ko),
        "'kubelet'는 정답이 아닙니다: 강의 구간 12를 다시 들어 보세요"
    );
}

/// A copy of the built-in course whose lesson.yaml gets `extra` appended under `exercises:`.
fn course_with(sandbox: &Sandbox, edit: impl Fn(String) -> String) -> std::path::PathBuf {
    let dir = sandbox.path("course");
    copy_dir(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("course"), &dir);
    let meta = dir.join("week07-docker-kubernetes/lesson.yaml");
    let text = std::fs::read_to_string(&meta).expect("lesson.yaml");
    std::fs::write(&meta, edit(text)).expect("write lesson.yaml");
    dir
}

#[test]
fn check_names_file_and_line_of_unusable_exercises() {
    let sandbox = Sandbox::new();
    let dir = course_with(&sandbox, |t| {
        t.replace(
            "    slide: \"3.3\"\n    kind: write",
            "    slide: \"9.9\"\n    kind: write",
        )
        .replace(
            "  - id: docker-ps\n    slide: \"1.3\"\n    kind: command",
            "  - id: docker-ps\n    slide: \"1.3\"\n    kind: shell",
        )
    });
    let out = sandbox.run(&["--course", dir.to_str().expect("utf-8"), "check"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let yaml = std::fs::read_to_string(dir.join("week07-docker-kubernetes/lesson.yaml")).expect("read");
    let line = |id: &str| {
        yaml.lines()
            .position(|l| l.trim() == format!("- id: {id}"))
            .expect("id line")
            + 1
    };
    assert!(
        err.contains(&format!(
            "lesson.yaml:{}: exercise 'netpol-write': names slide '9.9', which does not exist",
            line("netpol-write")
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "lesson.yaml:{}: exercise 'docker-ps': unknown kind 'shell': use fix, write, command or quiz",
            line("docker-ps")
        )),
        "{err}"
    );
}

#[test]
fn check_reports_a_solution_that_fails_its_own_check() {
    let sandbox = Sandbox::new();
    let dir = course_with(&sandbox, |t| {
        t.replace("solution: docker pull nginx:latest", "solution: docker pull nginx")
    });
    let out = sandbox.run(&["--course", dir.to_str().expect("utf-8"), "check"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains(
            "exercise 'docker-pull': its solution fails its own check: the argument `nginx:latest` is missing"
        ),
        "{err}"
    );
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn work_file(sandbox: &Sandbox, id: &str) -> std::path::PathBuf {
    sandbox
        .data_dir()
        .join(format!("lab/tester/week07-docker-kubernetes/{id}.yaml"))
}

#[test]
fn practice_lists_exercises_with_state_and_check_records_tries() {
    use std::os::unix::fs::PermissionsExt;
    let sandbox = Sandbox::new();
    let out = sandbox.run(&["practice"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let table = stdout(&out);
    let mut rows = table.lines();
    let header: Vec<&str> = rows.next().expect("header").split_whitespace().collect();
    assert_eq!(header, ["ID", "KIND", "SLIDE", "STATE", "TRIES"]);
    let pod: Vec<&str> = table
        .lines()
        .find(|l| l.starts_with("pod-fix "))
        .expect("pod-fix row")
        .split_whitespace()
        .collect();
    assert_eq!(pod, ["pod-fix", "fix", "2.2.1", "untried", "0"]);
    assert_eq!(rows.count(), week7().exercises.len());

    // First check: the work file is seeded with the broken Pod, which fails with its findings.
    let out = sandbox.run(&["practice", "check", "pod-fix", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let file = work_file(&sandbox, "pod-fix");
    assert!(
        stdout(&out).contains(&format!(
            "{}:6: metadata.labels.app: is 'web', the task asks for 'nginx'",
            file.display()
        )),
        "{}",
        stdout(&out)
    );
    assert!(
        stdout(&out).contains("    Map of string keys and values"),
        "{}",
        stdout(&out)
    );
    let mode = |p: &std::path::Path| std::fs::metadata(p).expect("stat").permissions().mode() & 0o777;
    assert_eq!(mode(&file), 0o600);
    assert_eq!(mode(file.parent().expect("lesson dir")), 0o700);
    assert_eq!(mode(&sandbox.data_dir().join("lab/tester")), 0o700);

    // The learner fixes it: pass, exit 0; a file named on the command line is checked, not recorded.
    std::fs::write(&file, &exercise(&week7(), "pod-fix").solution).expect("write");
    let out = sandbox.run(&["practice", "check", "pod-fix", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(stdout(&out), "✓ pod-fix: passed\n");
    let elsewhere = sandbox.path("other.yaml");
    std::fs::write(&elsewhere, "kind: Pod\n").expect("write");
    let out = sandbox.run(&["practice", "check", "pod-fix", elsewhere.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(1));
    let out = sandbox.run(&["practice", "check", "k8s-etcd", "--answer", "etcd"]);
    assert_eq!(
        (out.status.code(), stdout(&out)),
        (Some(0), "✓ k8s-etcd: 통과\n".to_string())
    );

    let table = stdout(&sandbox.run(&["practice"]));
    let row = |id: &str| -> Vec<String> {
        table
            .lines()
            .find(|l| l.starts_with(&format!("{id} ")))
            .expect("row")
            .split_whitespace()
            .map(str::to_string)
            .collect()
    };
    assert_eq!(row("pod-fix")[3..], ["passed".to_string(), "2".to_string()]);
    assert_eq!(row("k8s-etcd")[3..], ["passed".to_string(), "1".to_string()]);
    let progress = stdout(&sandbox.run(&["progress"]));
    let total = week7().exercises.len();
    assert!(
        progress.lines().next().expect("header").contains("PRACTICE"),
        "{progress}"
    );
    assert!(progress.contains(&format!(" 2/{total} ")), "{progress}");
    let saved = std::fs::read_to_string(sandbox.data_dir().join("tester.yaml")).expect("progress file");
    assert!(saved.contains("schema: 2\n"), "{saved}");
    assert!(
        saved.contains("pod-fix:\n") && saved.contains("state: passed"),
        "{saved}"
    );
}

#[test]
fn practice_check_refuses_bad_work_files_and_unknown_ids() {
    let sandbox = Sandbox::new();
    let dir = work_file(&sandbox, "x").parent().expect("dir").to_path_buf();
    std::fs::create_dir_all(&dir).expect("mkdir");
    // Not UTF-8.
    std::fs::write(dir.join("pod-fix.yaml"), b"apiVersion: v1\nkind: \xff\xfePod\n").expect("write");
    let out = sandbox.run(&["practice", "check", "pod-fix", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("pod-fix.yaml:2: not UTF-8 text (line 2): save the file as UTF-8"),
        "{}",
        stdout(&out)
    );
    // A directory where the file should be.
    std::fs::create_dir(dir.join("deploy-fix.yaml")).expect("mkdir");
    let out = sandbox.run(&["practice", "check", "deploy-fix", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("is a directory, not a file: remove it and reset the exercise"),
        "{}",
        stdout(&out)
    );
    // A FILE that doesn't exist.
    let out = sandbox.run(&["practice", "check", "pod-fix", "/nonexistent/x.yaml", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("/nonexistent/x.yaml does not exist"),
        "{}",
        stdout(&out)
    );
    // An unknown id, and a command exercise with no answer.
    let out = sandbox.run(&["practice", "check", "nope"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no exercise 'nope': `k8s-course practice` lists them"),
        "{}",
        stderr(&out)
    );
    let out = sandbox.run(&["practice", "check", "docker-ps"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("answered with --answer TEXT"), "{}", stderr(&out));
}

#[test]
fn a_schema_1_progress_file_keeps_its_places_and_gains_exercises() {
    let sandbox = Sandbox::new();
    let v1 = "schema: 1\nlearner: tester\ncourses:\n  cloud-security-7:\n    week07-docker-kubernetes:\n      last_slide: '2.1'\n      visited: ['2.1']\n# end\n";
    std::fs::write(sandbox.data_dir().join("tester.yaml"), v1).expect("write v1");
    let out = sandbox.run(&["practice", "check", "docker-ps", "--answer", "docker ps"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let saved = std::fs::read_to_string(sandbox.data_dir().join("tester.yaml")).expect("progress file");
    assert!(saved.contains("schema: 2\n"), "{saved}");
    assert!(
        saved.contains("last_slide: '2.1'") || saved.contains("last_slide: \"2.1\""),
        "{saved}"
    );
    assert!(saved.contains("docker-ps:\n"), "{saved}");
}
