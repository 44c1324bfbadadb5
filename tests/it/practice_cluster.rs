//! The cluster path, with a stand-in `kubectl` on PATH that records its arguments: the exact
//! commands, the learner's namespace, the dry run before the apply, nothing without confirmation;
//! and with no kubectl at all.

use crate::support::{BIN, Sandbox, Tmux, require};

/// A stand-in kubectl: appends its arguments to `<sandbox>/kubectl.log`; `get namespace` fails
/// (the namespace is missing), everything else succeeds.
fn fake_kubectl(sandbox: &Sandbox) -> std::path::PathBuf {
    require("sh");
    let bin = sandbox.path("bin");
    std::fs::create_dir_all(&bin).expect("mkdir");
    let log = sandbox.path("kubectl.log");
    let script = format!(
        "#!/bin/sh\necho \"$*\" >> '{}'\ncase \"$1 $2\" in\n  'get namespace') exit 1 ;;\n  'apply --dry-run=server') echo 'networkpolicy.networking.k8s.io/deny-all-ingress created (server dry run)' ;;\n  apply*) echo 'networkpolicy.networking.k8s.io/deny-all-ingress created' ;;\nesac\nexit 0\n",
        log.display()
    );
    let path = bin.join("kubectl");
    std::fs::write(&path, script).expect("write kubectl");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    bin
}

/// The player in tmux with PATH = `path`, on the passed netpol exercise.
fn on_passed_netpol(label: &str, sandbox: &Sandbox, path: &str) -> Tmux {
    let file = sandbox
        .data_dir()
        .join("lab/tester/week07-docker-kubernetes/netpol-write.yaml");
    std::fs::create_dir_all(file.parent().expect("dir")).expect("mkdir");
    let course = k8s_course::content::load_course(&k8s_course::content::CourseSource::BuiltIn)
        .course
        .expect("course");
    let solution = course.lessons[0]
        .exercises
        .iter()
        .find(|e| e.id == "netpol-write")
        .expect("netpol")
        .solution
        .clone();
    std::fs::write(&file, solution).expect("write");
    let tmux = player_with_path(label, sandbox, path);
    crate::practice_player::open_netpol_exercise(&tmux);
    tmux.wait_for(&["✓ 통과했습니다"]);
    tmux
}

fn log(sandbox: &Sandbox) -> Vec<String> {
    std::fs::read_to_string(sandbox.path("kubectl.log"))
        .unwrap_or_default()
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn dry_run_first_then_apply_after_confirmation_into_the_learners_namespace() {
    let sandbox = Sandbox::new();
    let bin = fake_kubectl(&sandbox);
    let path = format!("{}:/usr/bin:/bin", bin.display());
    let tmux = on_passed_netpol("cluster", &sandbox, &path);
    let file = sandbox
        .data_dir()
        .join("lab/tester/week07-docker-kubernetes/netpol-write.yaml");
    let file = file.display();
    tmux.keys(&["a"]);
    tmux.wait_for(&[
        "created (server dry run)",
        "a를 한 번 더 누르면 k8s-course-tester에 적용합니다",
    ]);
    assert_eq!(
        log(&sandbox),
        [
            "cluster-info --request-timeout=10s".to_string(),
            "get namespace k8s-course-tester --request-timeout=10s".into(),
            "create namespace k8s-course-tester --request-timeout=10s".into(),
            format!("apply --dry-run=server --namespace k8s-course-tester -f {file} --request-timeout=10s"),
        ]
    );
    // Another key disarms: `a` after it is a dry run again, never an apply without asking.
    tmux.keys(&["h"]);
    tmux.wait_for(&["힌트"]);
    tmux.keys(&["a"]);
    tmux.wait_for(&["a를 한 번 더 누르면"]);
    let dry_runs = log(&sandbox)
        .iter()
        .filter(|l| l.starts_with("apply --dry-run=server"))
        .count();
    assert_eq!(dry_runs, 2, "{:?}", log(&sandbox));
    assert!(
        !log(&sandbox).iter().any(|l| l.starts_with("apply --namespace")),
        "{:?}",
        log(&sandbox)
    );
    // Confirmed: the apply, into the same namespace only.
    tmux.keys(&["a"]);
    tmux.wait_for(&["k8s-course-tester에 적용했습니다"]);
    let all = log(&sandbox);
    assert_eq!(
        all.last().map(String::as_str),
        Some(format!("apply --namespace k8s-course-tester -f {file} --request-timeout=10s").as_str())
    );
    assert_eq!(
        all.iter().filter(|l| l.starts_with("cluster-info")).count(),
        1,
        "asked once"
    );
    assert!(
        all.iter()
            .all(|l| l.contains("k8s-course-tester") || l.starts_with("cluster-info")),
        "{all:?}"
    );
}

#[test]
fn without_kubectl_it_says_so_and_practice_goes_on() {
    let sandbox = Sandbox::new();
    let empty = sandbox.path("empty-bin");
    std::fs::create_dir_all(&empty).expect("mkdir");
    let tmux = on_passed_netpol("nocluster", &sandbox, &empty.display().to_string());
    tmux.keys(&["a"]);
    tmux.wait_for(&["kubectl is not installed", "클러스터에 적용하지 못했습니다"]);
    // Everything else keeps working.
    tmux.keys(&["h"]);
    tmux.wait_for(&["힌트", "1. apiVersion은 networking.k8s.io/v1 입니다."]);
}

/// The player in tmux with PATH = `path`, in Korean (the practice texts are checked in the
/// course's language).
fn player_with_path(label: &str, sandbox: &Sandbox, path: &str) -> Tmux {
    let mut argv = sandbox.env_argv();
    argv.push(format!("PATH={path}"));
    argv.push(BIN.into());
    argv.extend(["--lang".to_string(), "ko".to_string()]);
    let tmux = Tmux::start(label, 120, 40, &argv);
    tmux.wait_for(&["클라우드 시큐리티 과정 7기"]);
    tmux
}

#[test]
fn k9s_opens_on_the_learners_namespace_and_gives_the_terminal_back() {
    let sandbox = Sandbox::new();
    let bin = sandbox.path("k9s-bin");
    std::fs::create_dir_all(&bin).expect("mkdir");
    let log = sandbox.path("k9s.log");
    // A stand-in k9s: records its arguments and draws a line the test can see, then exits.
    let script = format!(
        "#!/bin/sh\necho \"$*\" >> '{}'\necho 'STAND-IN K9S'\nsleep 1\nexit 0\n",
        log.display()
    );
    std::fs::write(bin.join("k9s"), script).expect("write k9s");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(bin.join("k9s"), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let path = format!("{}:/usr/bin:/bin", bin.display());
    let tmux = player_with_path("k9s-run", &sandbox, &path);
    tmux.type_line(":k9s");
    tmux.wait_for(&["STAND-IN K9S"]);
    // Back in the player, on the K9s slide, saying so.
    tmux.wait_for(&["4.2", "k9s에서 돌아왔습니다"]);
    let args = std::fs::read_to_string(&log).expect("k9s ran");
    assert_eq!(args.trim(), "-n k8s-course-tester");
}

#[test]
fn without_k9s_the_k9s_command_opens_its_slide_and_says_so() {
    let sandbox = Sandbox::new();
    let empty = sandbox.path("empty-bin");
    std::fs::create_dir_all(&empty).expect("mkdir");
    let tmux = player_with_path("k9s-missing", &sandbox, &empty.display().to_string());
    tmux.type_line(":k9s");
    tmux.wait_for(&["4.2", "k9s가 설치되어 있지 않습니다"]);
    // The player goes on.
    tmux.keys(&["t"]);
    tmux.wait_for(&["목차"]);
}
