//! Code you can use: `show ID --code [N]` prints a slide's code raw for a pipe; in the player `c`
//! copies a code block with OSC 52 and `w` writes it to the learner's lab folder.

use crate::support::Sandbox;

/// A lesson whose slide 1.1 holds two YAML blocks and a bash block, and 1.2 none.
fn lesson_with_blocks() -> tempfile::TempDir {
    let post = "---\ntitle: 코드 연습\n---\n\n## 1. 장\n\n### 1.1 여러 블록\n\n네임스페이스:\n\n```yaml\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: lab\n```\n\n서비스:\n\n```yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: lab\nspec:\n  ports:\n  - port: 80\n```\n\n```bash\nkubectl get svc -n lab\n```\n\n### 1.2 설명만\n\n코드가 없는 슬라이드.\n";
    let dir = tempfile::tempdir().expect("a temp dir");
    std::fs::write(dir.path().join("post.md"), post).expect("write post.md");
    dir
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("utf-8 stdout")
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("utf-8 stderr")
}

#[test]
fn show_pod_code_pipes_into_a_yaml_parser_as_the_manifest() {
    let sandbox = Sandbox::new();
    let out = sandbox.run(&["show", "pod", "--code"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    // Nothing of the player's drawing: no border, wrap mark, number gutter or title.
    for mark in ["│", "╭", "↪", "2.2.1", "내레이션"] {
        assert!(!text.contains(mark), "{mark:?} in {text}");
    }
    assert!(text.starts_with("apiVersion: v1\nkind: Pod\n"), "{text}");
    assert!(text.ends_with("containerPort: 80\n"), "{text:?}");
    let manifest: serde_yaml::Value = serde_yaml::from_str(&text).expect("the output is YAML");
    assert_eq!(manifest["kind"], "Pod");
    assert_eq!(manifest["metadata"]["name"], "nginx-pod");
    assert_eq!(manifest["spec"]["containers"][0]["image"], "nginx:1.21");
    assert_eq!(manifest["spec"]["containers"][0]["ports"][0]["containerPort"], 80);
}

#[test]
fn show_code_through_a_shell_pipe_reaches_the_next_command_as_yaml() {
    let sandbox = Sandbox::new();
    // As `| kubectl apply -f -` would read it: through a real pipe into another program.
    let line = format!(
        "{} show pod --code | cat",
        crate::support::sh_quote(crate::support::BIN)
    );
    let piped = std::process::Command::new("bash")
        .args(["-c", &line])
        .envs(sandbox.vars())
        .output()
        .expect("run bash");
    assert!(piped.status.success(), "{}", stderr(&piped));
    let manifest: serde_yaml::Value = serde_yaml::from_slice(&piped.stdout).expect("YAML through the pipe");
    assert_eq!(manifest["kind"], "Pod");
    assert_eq!(manifest["metadata"]["labels"]["app"], "nginx");
}

#[test]
fn several_yaml_blocks_print_as_one_multi_document_manifest_and_n_picks_one() {
    let sandbox = Sandbox::new();
    let lesson = lesson_with_blocks();
    let course = lesson.path().to_str().expect("utf-8 path");
    let all = sandbox.run(&["--course", course, "show", "1.1", "--code"]);
    assert!(all.status.success(), "{}", stderr(&all));
    let text = stdout(&all);
    assert!(
        text.contains("  name: lab\n---\napiVersion: v1\nkind: Service\n"),
        "{text}"
    );
    assert!(text.ends_with("  - port: 80\n\nkubectl get svc -n lab\n"), "{text:?}");

    let second = sandbox.run(&["--course", course, "show", "1.1", "--code", "2"]);
    assert!(second.status.success(), "{}", stderr(&second));
    let svc: serde_yaml::Value = serde_yaml::from_str(&stdout(&second)).expect("YAML");
    assert_eq!(svc["kind"], "Service");
    assert_eq!(svc["metadata"]["namespace"], "lab");

    let third = stdout(&sandbox.run(&["--course", course, "show", "1.1", "--code", "3"]));
    assert_eq!(third, "kubectl get svc -n lab\n");
}

#[test]
fn no_code_or_a_number_out_of_range_exits_1_and_says_why() {
    let sandbox = Sandbox::new();
    let lesson = lesson_with_blocks();
    let course = lesson.path().to_str().expect("utf-8 path");

    let none = sandbox.run(&["--course", course, "show", "1.2", "--code"]);
    assert_eq!(none.status.code(), Some(1));
    assert!(none.stdout.is_empty());
    assert_eq!(
        stderr(&none),
        "k8s-course: slide 1.2 설명만 has no code block; `k8s-course show 1.2` shows what it has\n"
    );

    let far = sandbox.run(&["--course", course, "show", "1.1", "--code", "4"]);
    assert_eq!(far.status.code(), Some(1));
    assert!(far.stdout.is_empty());
    assert_eq!(
        stderr(&far),
        "k8s-course: slide 1.1 여러 블록 has 3 code blocks, not 4: --code takes 1 to 3, or none for all\n"
    );

    let builtin = sandbox.run(&["show", "1.1", "--code"]);
    assert_eq!(builtin.status.code(), Some(1));
    assert!(stderr(&builtin).contains("has no code block"), "{}", stderr(&builtin));

    let zero = sandbox.run(&["show", "pod", "--code", "0"]);
    assert_eq!(zero.status.code(), Some(2), "clap refuses 0");
    assert!(stderr(&zero).contains("invalid value '0'"), "{}", stderr(&zero));
}

/// The `y` view's numbers are the post's own line numbers: on 2.2.1, whose `### 2.2` parent heading
/// it absorbs, the heading and the blank line after it are shown and counted too.
#[test]
fn the_source_view_numbers_lines_as_in_the_file() {
    use crate::screen::{app, command, screen};
    use k8s_course::app::Action;
    let post = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/course/week07-docker-kubernetes/post.md"
    ))
    .expect("the built-in post");
    let file: Vec<&str> = post.lines().collect();
    for slide in ["pod", "1.3", "arch"] {
        let mut app = app();
        command(&mut app, slide);
        app.update(Action::Source);
        let shown = screen(&mut app, 100, 30);
        let mut checked = 0;
        for row in shown.lines().filter_map(|l| l.strip_prefix("│ ")) {
            let Some((number, text)) = row.split_once("  ") else {
                continue;
            };
            let Ok(n) = number.trim().parse::<usize>() else {
                continue;
            };
            let text = text.trim_end_matches('│').trim_end();
            // A long line wraps onto `↪` rows: its first row is the start of the file's line.
            assert!(
                file[n - 1].trim_end().starts_with(text),
                "{slide}: line {n} is {:?}\n{shown}",
                file[n - 1]
            );
            checked += 1;
        }
        assert!(checked >= 10, "{slide}: only {checked} numbered lines\n{shown}");
        if slide == "pod" {
            assert!(shown.contains("source(2.2.1)[post.md:125-"), "{shown}");
            let first = shown.lines().find(|l| l.starts_with("│ 125")).expect("line 125 shown");
            assert!(first.contains("### 2.2 주요 Kubernetes 리소스"), "{shown}");
        }
    }
}
