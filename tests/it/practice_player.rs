//! Practice in the player, end to end in tmux with `EDITOR` set to a script that writes a file the
//! test chose: open an exercise with `x`, fail, take a hint, fix, pass, see ✓ in the list and in
//! the table of contents, quit, reopen: the state is kept. And an editor that fails or is missing.

use crate::support::{BIN, Sandbox, Tmux, require};
use k8s_course::app::Msg;

/// The player in a 120x40 tmux, with `EDITOR` set to `editor`.
fn player(label: &str, sandbox: &Sandbox, editor: &str) -> Tmux {
    let mut argv = sandbox.env_argv();
    argv.push(format!("EDITOR={editor}"));
    argv.push("VISUAL=".into());
    argv.push(BIN.into());
    // The practice texts are checked in Korean, the course's language.
    argv.extend(["--lang".to_string(), "ko".to_string()]);
    let tmux = Tmux::start(label, 120, 40, &argv);
    tmux.wait_for(&["클라우드 시큐리티 과정 7기"]);
    tmux
}

/// Goes to 3.3, opens the practice list with `x` and the NetworkPolicy exercise with `enter`.
pub(crate) fn open_netpol_exercise(tmux: &Tmux) {
    tmux.type_line(":netpol");
    tmux.wait_for(&["3.3 네트워크 정책", "<x> 실습 (1)"]);
    tmux.keys(&["x"]);
    tmux.wait_for(&["netpol-write"]);
    tmux.keys(&["Enter"]);
    tmux.wait_for(&["문제(netpol-write)"]);
}

/// An editor that copies `<sandbox>/next.yaml` over the file it is given, and counts its runs.
fn copying_editor(sandbox: &Sandbox) -> String {
    require("sh");
    let script = sandbox.path("editor.sh");
    let next = sandbox.path("next.yaml");
    let runs = sandbox.path("editor-runs");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\ncp '{}' \"$1\"\necho run >> '{}'\n",
            next.display(),
            runs.display()
        ),
    )
    .expect("write editor");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    script.display().to_string()
}

const BROKEN: &str = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny-all\nspec:\n  podSelector: {}\n  policyTypes:\n  - Ingress\n";

const FIXED: &str = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny-all-ingress\nspec:\n  podSelector: {}\n  policyTypes:\n  - Ingress\n  ingress: []\n";

#[test]
fn open_fail_hint_fix_pass_and_the_state_is_kept() {
    let sandbox = Sandbox::new();
    let editor = copying_editor(&sandbox);
    let tmux = player("practice", &sandbox, &editor);
    tmux.type_line(":netpol");
    tmux.wait_for(&["3.3 네트워크 정책", "<x> 실습 (1)"]);
    tmux.keys(&["x"]);
    tmux.wait_until("netpol-write untried in the list", |s| {
        s.lines()
            .any(|l| l.contains("netpol-write") && l.contains("write") && l.contains("3.3") && l.contains('·'))
    });
    tmux.keys(&["Enter"]);
    // The seeded file (name left empty) is shown as it is, not counted as a try.
    tmux.wait_for(&["문제(netpol-write)", "과제", "netpol-write.yaml", "시도 0", "e 편집"]);

    // A first save that still fails: the finding names the field and its line.
    std::fs::write(sandbox.path("next.yaml"), BROKEN).expect("write");
    tmux.keys(&["e"]);
    tmux.wait_for(&[
        "✗ netpol-write  write  (시도 1)",
        "netpol-write.yaml:4: metadata.name: 값이 'deny-all'입니다",
    ]);
    // A hint, then the fix: passed, and the solution shows.
    tmux.keys(&["h"]);
    tmux.wait_for(&["힌트", "1. apiVersion은 networking.k8s.io/v1 입니다."]);
    std::fs::write(sandbox.path("next.yaml"), FIXED).expect("write");
    tmux.keys(&["e"]);
    tmux.wait_for(&["✓ 통과했습니다", "모범 답안", "✓ netpol-write  write  (시도 2)"]);
    assert_eq!(
        std::fs::read_to_string(sandbox.path("editor-runs")).expect("runs"),
        "run\nrun\n"
    );
    // ✓ in the list and in the table of contents.
    tmux.keys(&["Escape"]);
    tmux.wait_until("netpol-write ✓ with 2 tries in the list", |s| {
        s.lines()
            .any(|l| l.contains("netpol-write") && l.contains("3.3") && l.contains('✓') && l.contains(" 2 "))
    });
    // One key at a time: `esc t` sent together reads as alt-t.
    tmux.keys(&["Escape"]);
    tmux.wait_for(&["슬라이드(3.3)"]);
    tmux.keys(&["t"]);
    tmux.wait_until("3.3 marked done in the table of contents", |s| {
        s.lines()
            .any(|l| l.contains("3.3") && l.contains("네트워크 정책  [실습 1/1 ✓]"))
    });
    tmux.keys(&["Escape"]);
    tmux.wait_for(&["슬라이드(3.3)"]);
    tmux.keys(&["q"]);
    let saved = sandbox.data_dir().join("tester.yaml");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !std::fs::read_to_string(&saved)
        .unwrap_or_default()
        .contains("netpol-write")
    {
        assert!(std::time::Instant::now() < deadline, "progress saved on quit");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    drop(tmux);

    // Reopened: the state is kept, in the player and on the command line.
    let tmux = player("practice-again", &sandbox, &editor);
    tmux.type_line(":netpol");
    tmux.wait_for(&["3.3 네트워크 정책", "<x> 실습 (1)"]);
    tmux.keys(&["x"]);
    tmux.wait_until("netpol-write ✓ with 2 tries after reopening", |s| {
        s.lines()
            .any(|l| l.contains("netpol-write") && l.contains("3.3") && l.contains('✓') && l.contains(" 2 "))
    });
    let out = sandbox.run(&["practice"]);
    let table = String::from_utf8_lossy(&out.stdout);
    let cols: Vec<&str> = table
        .lines()
        .find(|l| l.starts_with("netpol-write "))
        .expect("row")
        .split_whitespace()
        .collect();
    assert_eq!(cols, ["netpol-write", "write", "3.3", "passed", "2"]);
}

#[test]
fn an_editor_that_fails_or_is_missing_is_said_and_the_player_goes_on() {
    let sandbox = Sandbox::new();
    let tmux = player("practice-noeditor", &sandbox, "/nonexistent/editor");
    open_netpol_exercise(&tmux);
    tmux.keys(&["e"]);
    tmux.wait_for(&["문제(netpol-write)", "편집기를 실행할 수 없습니다 (/nonexistent/editor"]);
    drop(tmux);

    let tmux = player("practice-falseeditor", &sandbox, "false");
    open_netpol_exercise(&tmux);
    tmux.keys(&["e"]);
    tmux.wait_for(&["편집기가 오류로 끝났습니다 (exit status: 1)"]);
}

#[test]
fn a_work_file_deleted_or_replaced_while_watched_is_reported() {
    let sandbox = Sandbox::new();
    let tmux = player("practice-watch", &sandbox, "true");
    open_netpol_exercise(&tmux);
    tmux.wait_for(&["시도 0"]);
    let file = sandbox
        .data_dir()
        .join("lab/tester/week07-docker-kubernetes/netpol-write.yaml");
    assert!(file.is_file(), "seeded on opening");
    // Saved from another window: checked without a key.
    std::fs::write(&file, FIXED).expect("write");
    tmux.wait_for(&["✓ 통과했습니다", "시도 1"]);
    std::fs::remove_file(&file).expect("rm");
    tmux.wait_for(&["없습니다: r로 처음 상태로"]);
    std::fs::create_dir(&file).expect("mkdir");
    tmux.wait_for(&["폴더입니다"]);
    std::fs::remove_dir(&file).expect("rmdir");
    std::fs::write(&file, b"kind: \xff\n").expect("write");
    tmux.wait_for(&["UTF-8 텍스트가 아닙니다"]);
}

/// The built-in course as learner `kim`, the practice list open on slide 1.3.
fn practice_list_on_1_3() -> k8s_course::app::App {
    use k8s_course::app::{Action, App};
    let course = k8s_course::content::load_course(&k8s_course::content::CourseSource::BuiltIn)
        .course
        .expect("course");
    let setup = k8s_course::app::Setup {
        learner: "kim".into(),
        ..Default::default()
    };
    let mut app = App::new(setup, course, Default::default());
    app.update(Action::Goto("1.3".into()));
    app.update(Action::Practice);
    app
}

/// Keys to state, no terminal: a command exercise answered at `:answer`, the solution earned by
/// three failed checks, and `r` asking before it resets.
#[test]
fn command_answers_hints_solution_and_reset_in_the_app() {
    use k8s_course::app::{Action, Edit, View};
    use k8s_course::progress::ExerciseState;
    let mut app = practice_list_on_1_3();
    assert_eq!(
        app.view(),
        Some(&View::Practice { selected: 4 }),
        "the slide's first exercise"
    );
    app.update(Action::Enter);
    let id = app.open_exercise().map(|(_, e)| e.id.clone());
    assert_eq!(id.as_deref(), Some("docker-pull"));
    // `e` on a command exercise opens the prompt at `answer `.
    app.update(Action::PracticeEdit);
    assert_eq!(app.prompt().as_ref().map(|p| p.text.as_str()), Some("answer "));
    for c in "docker pull nginx".chars() {
        app.update(Action::Input(Edit::Insert(c)));
    }
    app.update(Action::Input(Edit::Submit));
    let (open, _) = app.open_exercise().expect("open");
    let notes = &open.verdict.as_ref().expect("checked").notes;
    assert_eq!(
        notes[0].text(k8s_course::practice::Lang::Ko),
        "인자 `nginx:latest`가 없습니다"
    );
    app.update(Action::PracticeSolution);
    assert!(!app.open_exercise().expect("open").0.solution_shown);
    assert!(
        app.flash().as_ref().is_some_and(|f| f.text.contains("2번 더 틀린 뒤")),
        "{:?}",
        app.flash()
    );
    app.update(Action::Answer("docker pull".into()));
    app.update(Action::Answer("docker pul nginx:latest".into()));
    app.update(Action::PracticeSolution);
    assert!(
        app.open_exercise().expect("open").0.solution_shown,
        "after three failed checks"
    );
    app.update(Action::Answer("docker pull nginx:latest".into()));
    let key = ("cloud-security-7".to_string(), "week07-docker-kubernetes".to_string());
    let record = app
        .progress()
        .lesson(&key)
        .and_then(|l| l.exercises.get("docker-pull"))
        .cloned();
    assert_eq!(record.map(|r| (r.state, r.tries)), Some((ExerciseState::Passed, 4)));
    // `r` asks first; another key disarms it; `r` `r` resets.
    app.update(Action::PracticeReset);
    app.update(Action::PracticeHint);
    app.update(Action::PracticeReset);
    assert_eq!(
        app.exercise_state(0, app.open_exercise().expect("open").1).0,
        ExerciseState::Passed
    );
    app.update(Action::PracticeReset);
    assert_eq!(
        app.exercise_state(0, app.open_exercise().expect("open").1),
        (ExerciseState::Untried, 0)
    );
}

#[test]
fn time_with_an_exercise_open_is_counted_into_its_record() {
    use k8s_course::app::{Action, App};
    use std::time::Duration;
    let mut app = practice_list_on_1_3();
    app.update(Action::Enter);
    let key = app.lesson_key();
    // 95 s with the exercise open, then an answer: counted at the check.
    app.update(Msg::Tick(Duration::from_secs(95)));
    app.update(Action::Answer("docker pul nginx".into()));
    let seconds = |app: &App| {
        app.progress()
            .lesson(&key)
            .and_then(|l| l.exercises.get("docker-pull"))
            .map(|e| e.seconds)
    };
    assert_eq!(seconds(&app), Some(95));
    // 20 s more, then back to the list: those count too; time in the list does not.
    app.update(Msg::Tick(Duration::from_secs(115)));
    app.update(Action::Back);
    app.update(Msg::Tick(Duration::from_secs(500)));
    app.update(Action::Back);
    assert_eq!(seconds(&app), Some(115));
}
