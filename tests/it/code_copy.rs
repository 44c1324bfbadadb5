//! Code you can use: `show ID --code [N]` prints a slide's code raw for a pipe; in the player `c`
//! copies a code block with OSC 52 and `w` writes it to the learner's lab folder.

use crate::support::Sandbox;

/// A lesson folder `code-lesson` (a fixed name: the crumbs show it) whose slide 1.1 holds two
/// YAML blocks and a bash block, and 1.2 none.
struct Lesson {
    _tmp: tempfile::TempDir,
    dir: std::path::PathBuf,
}

impl Lesson {
    fn path(&self) -> &std::path::Path {
        &self.dir
    }
}

fn lesson_with_blocks() -> Lesson {
    let post = "---\ntitle: 코드 연습\n---\n\n## 1. 장\n\n### 1.1 여러 블록\n\n네임스페이스:\n\n```yaml\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: lab\n```\n\n서비스:\n\n```yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: lab\nspec:\n  ports:\n  - port: 80\n```\n\n```bash\nkubectl get svc -n lab\n```\n\n### 1.2 설명만\n\n코드가 없는 슬라이드.\n";
    let tmp = tempfile::tempdir().expect("a temp dir");
    let dir = tmp.path().join("code-lesson");
    std::fs::create_dir(&dir).expect("create the lesson folder");
    std::fs::write(dir.join("post.md"), post).expect("write post.md");
    Lesson { _tmp: tmp, dir }
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

/// The player in a 100x30 tmux, its output recorded byte for byte by `script` into `typescript`.
fn player_recorded(label: &str, sandbox: &Sandbox, args: &str) -> (crate::support::Tmux, std::path::PathBuf) {
    use crate::support::{BIN, Tmux, require, sh_quote};
    require("script");
    let typescript = sandbox.path("typescript");
    let mut argv = sandbox.env_argv();
    argv.extend([
        "script".to_string(),
        "-qfc".to_string(),
        format!("{} {args}", sh_quote(BIN)),
        typescript.display().to_string(),
    ]);
    let tmux = Tmux::start(label, 100, 30, &argv);
    // tmux takes the OSC 52 of programs into a paste buffer (`show-buffer` reads it).
    tmux.run(&["set-option", "-s", "set-clipboard", "on"]);
    tmux.wait_for(&["slide(title)[1/14]"]);
    (tmux, typescript)
}

/// The payloads of every OSC 52 clipboard sequence in `bytes`, decoded by coreutils `base64 -d`.
fn osc52_payloads(bytes: &[u8]) -> Vec<String> {
    use std::io::Write;
    let text = String::from_utf8_lossy(bytes);
    let mut out = Vec::new();
    for piece in text.split("\x1b]52;c;").skip(1) {
        let encoded = piece.split('\x07').next().expect("a BEL ends the sequence");
        assert!(piece.contains('\x07'), "OSC 52 without its BEL: {piece:?}");
        let mut child = std::process::Command::new("base64")
            .arg("-d")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("coreutils base64");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(encoded.as_bytes())
            .expect("write");
        let decoded = child.wait_with_output().expect("base64 -d");
        assert!(decoded.status.success(), "not base64: {encoded:?}");
        out.push(String::from_utf8(decoded.stdout).expect("utf-8 payload"));
    }
    out
}

#[test]
fn c_copies_the_pod_manifest_with_osc_52_and_says_so() {
    let sandbox = Sandbox::new();
    let (tmux, typescript) = player_recorded("copy", &sandbox, "");
    tmux.type_line(":pod");
    tmux.wait_for(&["slide(2.2.1)"]);
    tmux.keys(&["c"]);
    let screen = tmux.wait_for(&["with OSC 52"]);
    let flash = crate::support::last_line(&screen);
    assert!(flash.contains("copied 2.2.1 (12 lines) to the clipboard"), "{screen}");
    let manifest = stdout(&sandbox.run(&["show", "pod", "--code"]));
    // The bytes the player wrote to the terminal: one OSC 52 whose payload is the block.
    let written = std::fs::read(&typescript).expect("the typescript");
    assert_eq!(osc52_payloads(&written), std::slice::from_ref(&manifest));
    // And what a terminal that understands OSC 52 (tmux here) now has to paste.
    assert_eq!(tmux.run(&["show-buffer"]), manifest);
    tmux.keys(&["C-c"]);
}

#[test]
fn w_writes_the_block_to_the_lab_folder_privately_and_never_over_edits() {
    use std::os::unix::fs::PermissionsExt;
    let sandbox = Sandbox::new();
    let (tmux, _) = player_recorded("write", &sandbox, "");
    tmux.type_line(":pod");
    tmux.wait_for(&["slide(2.2.1)"]);
    tmux.keys(&["w"]);
    let lab = sandbox.data_dir().join("lab/tester/week07-docker-kubernetes");
    let file = lab.join("2.2.1.yaml");
    let screen = tmux.wait_for(&["wrote "]);
    // The flash shows the path (cut to the width, so compare its start).
    let flash = crate::support::last_line(&screen).trim();
    let shown = flash.strip_prefix("wrote ").expect("the path follows");
    assert!(
        file.display().to_string().starts_with(shown.trim_end_matches('…')),
        "{flash}"
    );
    let manifest = stdout(&sandbox.run(&["show", "pod", "--code"]));
    assert_eq!(std::fs::read_to_string(&file).expect("the lab file"), manifest);
    let mode = |p: &std::path::Path| std::fs::metadata(p).expect("stat").permissions().mode() & 0o777;
    assert_eq!(mode(&file), 0o600);
    for dir in [
        sandbox.data_dir().join("lab"),
        sandbox.data_dir().join("lab/tester"),
        lab.clone(),
    ] {
        assert_eq!(mode(&dir), 0o700, "{}", dir.display());
    }
    // Again: the same file is there.
    tmux.keys(&["w"]);
    tmux.wait_for(&["already there"]);
    // The learner edited it: `w` keeps the edits and says how to write again.
    std::fs::write(&file, "# mine\n").expect("edit");
    tmux.keys(&["w"]);
    tmux.wait_for(&["kept the different file there"]);
    assert_eq!(std::fs::read_to_string(&file).expect("the lab file"), "# mine\n");
    tmux.keys(&["C-c"]);
}

#[test]
fn several_blocks_open_a_picker_and_enter_copies_the_selected_one() {
    use crate::screen::{command, screen};
    use k8s_course::app::{Action, App, Effect, Setup, View};
    use k8s_course::content::{CourseSource, load_course};
    let lesson = lesson_with_blocks();
    let course = load_course(&CourseSource::Dir(lesson.path().to_path_buf()))
        .course
        .expect("the lesson loads");
    // As the terminal tests run it (LANG=C.UTF-8).
    let setup = Setup {
        lang: Some(k8s_course::i18n::Lang::En),
        ..Setup::default()
    };
    let mut app = App::new(setup, course, Default::default());
    command(&mut app, "1.1");
    assert_eq!(app.update(Action::CopyCode(String::new())).effect, Effect::None);
    assert!(matches!(app.view(), Some(View::Code { .. })));
    insta::assert_snapshot!("code_picker_80x24", screen(&mut app, 80, 24));
    app.update(Action::Down);
    let effect = app.update(Action::Enter).effect;
    assert_eq!(
        effect,
        Effect::CopyCode(
            "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: lab\nspec:\n  ports:\n  - port: 80\n"
                .into()
        )
    );
    assert!(app.view().is_none(), "the picker closes");
    assert!(screen(&mut app, 80, 24).contains("copied 1.1 #2 (8 lines) to the clipboard"));
    // `w` opens it for writing: enter writes; `:write 3` names the block directly.
    app.update(Action::WriteCode(String::new()));
    app.update(Action::Last);
    assert_eq!(
        app.update(Action::Enter).effect,
        Effect::WriteCode {
            name: "1.1-3.sh".into(),
            text: "kubectl get svc -n lab\n".into()
        }
    );
    command(&mut app, "write 4");
    assert!(screen(&mut app, 80, 24).contains("no code block '4': 1 to 3"));
    command(&mut app, "1.2");
    app.update(Action::CopyCode(String::new()));
    assert!(screen(&mut app, 80, 24).contains("1.2 설명만 has no code block"));
}
