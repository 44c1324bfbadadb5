//! The player end to end in a real terminal (tmux at 100x30): a learner types keys at a shell
//! prompt and each step shows what the issue promises. Each test has its own tmux server, and its
//! own temp config, data and home.

use crate::support;

use support::{BIN, PROMPT, Sandbox, Tmux, last_line, require, sh_quote, shows_player};

/// An interactive bash in a 100x30 terminal, with the sandbox's environment, at its prompt.
fn shell(label: &str, sandbox: &Sandbox) -> Tmux {
    require("bash");
    let mut argv = sandbox.env_argv();
    argv.extend(["bash", "--norc", "--noprofile", "-i"].map(String::from));
    let tmux = Tmux::start(label, 100, 30, &argv);
    tmux.wait_until("the shell prompt", at_prompt);
    tmux
}

/// Whether the shell is waiting at its prompt (the last line is the bare prompt).
fn at_prompt(screen: &str) -> bool {
    last_line(screen) == PROMPT.trim_end()
}

/// Types the command that starts the player at the prompt; its exit code is echoed after it.
fn start_player(tmux: &Tmux, args: &str) {
    tmux.type_line(&format!("{}{args}; echo \"EXIT=$?\"", sh_quote(BIN)));
    tmux.wait_for(&["slide(title)[1/14]", "클라우드 시큐리티 과정 7기"]);
    assert!(tmux.alternate_screen(), "the player draws on the alternate screen");
}

/// Waits for the player to have exited with `code` and the shell prompt to be back, then checks
/// the terminal is the shell's again: normal screen, cursor shown, no trace of the player.
fn assert_exited(tmux: &Tmux, code: i32) -> String {
    let exit = format!("EXIT={code}");
    let screen = tmux.wait_until(&format!("{exit} and the prompt"), |s| {
        s.lines().any(|l| l.trim_end() == exit) && at_prompt(s)
    });
    assert!(!shows_player(&screen), "the player's frame is gone:\n{screen}");
    assert!(!tmux.alternate_screen(), "back on the normal screen");
    assert!(tmux.cursor_visible(), "the cursor is shown again");
    screen
}

/// The line of `screen` that holds `text`.
fn line_with<'s>(screen: &'s str, text: &str) -> &'s str {
    screen
        .lines()
        .find(|l| l.contains(text))
        .unwrap_or_else(|| panic!("no line with {text:?} in\n{screen}"))
}

/// The bottom line of the player, where flash messages go.
fn flash(screen: &str) -> &str {
    last_line(screen).trim()
}

#[test]
fn a_learner_walks_through_the_course_and_quits() {
    let sandbox = Sandbox::new();
    let tmux = shell("walk", &sandbox);
    start_player(&tmux, "");
    assert!(!tmux.cursor_visible(), "the cursor is hidden while the player runs");

    // Space: the next slide.
    tmux.keys(&["Space"]);
    tmux.wait_for(&["slide(1.1)[2/14]", "Docker란?"]);

    // `:pod` jumps by alias.
    tmux.type_line(":pod");
    tmux.wait_for(&["slide(2.2.1)[6/14]", "kind: Pod"]);

    // `/Falco` filters slides and narration: the security diagram on 3.1 names it, and the
    // lecturer speaks of it over 3.3 and 5.
    tmux.type_text("/Falco");
    let screen = tmux.wait_for(&["filter(/Falco)[3]"]);
    let first = line_with(&screen, "diagram ");
    assert!(first.contains("3.1") && first.contains("Falco"), "{first}");
    let spoken = line_with(&screen, "segment 21");
    assert!(spoken.contains("3.3") && spoken.contains("Falco"), "{spoken}");

    // Enter opens the first hit: slide 3.1 with Falco selected in its diagram and described.
    tmux.keys(&["Enter"]);
    tmux.wait_for(&["slide(3.1)[9/14]", "match 1/3 in the diagram", "Falco(런타임)"]);
    // `n`: the next match, in the narration over 3.3.
    tmux.keys(&["n"]);
    tmux.wait_for(&["slide(3.3)[11/14]", "match 2/3 in the narration"]);

    // `l`: the narration of 3.3, which has the match.
    tmux.keys(&["l"]);
    let screen = tmux.wait_for(&["narration(3.3)", "[segment 21]"]);
    assert!(screen.contains("Falco"), "{screen}");

    // Escape: back to the slide.
    tmux.keys(&["Escape"]);
    tmux.wait_for_without(&["slide(3.3)[11/14]", "3.3 네트워크 정책"], "narration(3.3)");

    // `?`: help, generated from the key table.
    tmux.keys(&["?"]);
    let screen = tmux.wait_for(&["NAVIGATE", "next slide"]);
    assert!(screen.contains("─ help ─"), "help is a pane:\n{screen}");
    let next = line_with(&screen, "next slide");
    assert!(next.contains("space"), "{next}");
    tmux.keys(&["Escape"]);
    tmux.wait_for_without(&["slide(3.3)[11/14]"], "NAVIGATE");

    // `:q`: the process exits 0 and the shell has its terminal back.
    tmux.type_line(":q");
    let screen = assert_exited(&tmux, 0);
    assert!(!screen.contains("네트워크 정책"), "{screen}");
}

#[test]
fn keys_rebound_in_config_yaml_take_effect() {
    let sandbox = Sandbox::new();
    sandbox.write_config("keys: { next_slide: [f] }\n");
    let tmux = shell("rebind", &sandbox);
    start_player(&tmux, "");

    tmux.keys(&["f"]);
    tmux.wait_for(&["slide(1.1)[2/14]"]);

    // Space is no longer bound. `l` after it opens the narration of the slide then current,
    // so seeing 1.1's narration proves Space did nothing (the keys are read in order).
    tmux.keys(&["Space", "l"]);
    let screen = tmux.wait_for(&["narration(1.1)"]);
    assert!(!screen.contains("(1.2)"), "{screen}");
    tmux.keys(&["Escape"]);
    tmux.wait_for_without(&["slide(1.1)[2/14]"], "narration(1.1)");

    // Help shows the key the learner chose.
    tmux.keys(&["?"]);
    let screen = tmux.wait_for(&["NAVIGATE"]);
    let next = line_with(&screen, "next slide");
    let keys = next.trim_matches(|c: char| c == '│' || c.is_whitespace());
    assert!(keys.starts_with("f "), "help lists f for next slide: {next}");
    assert!(!next.contains("space"), "{next}");
    tmux.keys(&["Escape"]);
    tmux.wait_for_without(&["slide(1.1)[2/14]"], "NAVIGATE");

    // ctrl-c still quits, with 0.
    tmux.keys(&["C-c"]);
    assert_exited(&tmux, 0);
}

#[test]
fn themes_switch_from_the_command_line_and_bad_names_are_explained() {
    let sandbox = Sandbox::new();
    sandbox.write_theme("mine", "base: high-contrast\n");
    sandbox.write_config("theme: nope\n");
    let tmux = shell("theme", &sandbox);
    start_player(&tmux, "");

    // The config names a theme that doesn't exist: the player starts anyway, with the default,
    // and says why.
    let screen = tmux.wait_for(&["unknown theme `nope`"]);
    // The consequence first, so a narrow terminal cuts only the list of themes.
    assert!(
        flash(&screen)
            .starts_with("using the default theme: unknown theme `nope`: available themes are default, high-contrast"),
        "{screen}"
    );
    // The slide's top border with its colours (the same row of the plain and the coloured capture).
    let frame = |tmux: &Tmux| {
        let row = (tmux.screen().lines())
            .position(|l| l.contains("slide(title)[1/14]"))
            .expect("the slide's frame");
        tmux.screen_with_colours()
            .lines()
            .nth(row)
            .unwrap_or_default()
            .to_string()
    };
    let default = frame(&tmux);

    tmux.type_line(":theme light");
    let screen = tmux.wait_until("the flash `theme light`", |s| flash(s) == "theme light");
    assert!(screen.contains("slide(title)[1/14]"), "{screen}");
    let light = frame(&tmux);
    assert_ne!(default, light, "the frame's colours change with the theme");

    tmux.type_line(":theme nope");
    let screen = tmux.wait_for(&["unknown theme `nope`"]);
    assert_eq!(
        flash(&screen),
        "unknown theme `nope`: available themes are default, high-contrast, light, mine"
    );
    assert_eq!(frame(&tmux), light, "a bad name keeps the theme in use");

    // A theme of the user's own, found by name in <config dir>/themes.
    tmux.type_line(":theme mine");
    tmux.wait_until("the flash `theme mine`", |s| flash(s) == "theme mine");
    assert_ne!(frame(&tmux), light);

    tmux.type_line(":q");
    assert_exited(&tmux, 0);
}

#[test]
fn a_terminal_too_small_says_so_and_the_slide_comes_back() {
    let sandbox = Sandbox::new();
    let tmux = shell("resize", &sandbox);
    start_player(&tmux, "");
    tmux.keys(&["Space"]);
    tmux.wait_for(&["slide(1.1)[2/14]"]);

    tmux.resize(30, 8);
    let screen = tmux.wait_for(&["Terminal too small", "30x8, needs 40x10"]);
    assert!(!screen.contains("slide("), "{screen}");
    // Keys behind the notice do nothing that can't be seen: no slide turns, no view opens.
    tmux.keys(&["Space", "t", "?"]);
    // Nothing on screen changes to wait for: give the keys time to be read before the resize.
    std::thread::sleep(std::time::Duration::from_millis(300));

    tmux.resize(100, 30);
    let screen = tmux.wait_for_without(&["slide(1.1)[2/14]", "Docker란?"], "Terminal too small");
    assert!(!screen.contains("toc(") && !screen.contains("NAVIGATE"), "{screen}");
    // The whole frame is redrawn at the new size: the slide's box spans the 100 columns.
    let top = line_with(&screen, "slide(1.1)[2/14]");
    assert!(top.starts_with('┌') && top.ends_with('┐'), "{top}");
    assert_eq!(k8s_course::text::display_width(top), 100, "{top}");

    // Keys right after a resize are read (all three in one write).
    tmux.keys(&[":", "q", "Enter"]);
    assert_exited(&tmux, 0);
}

#[test]
fn a_learner_resumes_where_they_stopped_and_others_start_fresh() {
    let sandbox = Sandbox::new();
    let tmux = shell("resume", &sandbox);
    start_player(&tmux, "");
    for n in 2..=5 {
        tmux.keys(&["Space"]);
        tmux.wait_for(&[&format!("[{n}/14]")]);
    }
    tmux.wait_for(&["slide(2.1)[5/14]"]);
    tmux.type_line(":q");
    assert_exited(&tmux, 0);

    // Again: the same slide, and the flash says so.
    tmux.type_line(&format!("{}; echo \"EXIT=$?\"", sh_quote(BIN)));
    let screen = tmux.wait_for(&[
        "slide(2.1)[5/14]",
        "resumed at 2.1 Kubernetes 아키텍처, last here just now",
    ]);
    assert!(flash(&screen).starts_with("resumed at 2.1"), "{}", flash(&screen));
    tmux.type_line(":q");
    assert_exited(&tmux, 0);

    // Another learner starts at the beginning.
    start_player(&tmux, " --learner other");
    tmux.type_line(":q");
    assert_exited(&tmux, 0);

    // Both are listed, each on their own slide.
    let out = sandbox.run(&["progress", "--all"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let table = String::from_utf8_lossy(&out.stdout);
    let tester = line_with(&table, "tester");
    assert!(tester.contains("2.1 Kubernetes 아키텍처"), "{table}");
    let other = line_with(&table, "other");
    assert!(other.contains("클라우드 시큐리티"), "{table}");
    assert!(sandbox.data_dir().join("tester.yaml").exists() && sandbox.data_dir().join("other.yaml").exists());
}

#[test]
fn a_learner_walks_the_architecture_diagram_to_etcd() {
    let sandbox = Sandbox::new();
    let tmux = shell("arch", &sandbox);
    start_player(&tmux, "");
    tmux.type_line(":arch");
    tmux.wait_for(&["slide(2.1)[5/14]", "Control Plane", "API Server"]);
    // tab selects the first component; → moves to etcd, whose panel tells what it is.
    tmux.keys(&["Tab"]);
    tmux.wait_for(&["API Server(관문)", "모든 요청을 처리하는 관문입니다"]);
    tmux.keys(&["Right"]);
    let screen = tmux.wait_for(&[
        "etcd(저장소)",
        "클러스터의 모든 상태를 저장하는 데이터베이스입니다.",
        "[segment 12]",
    ]);
    assert!(screen.contains("┏━"), "the selected box is drawn heavy:\n{screen}");
    // d describes it; esc back; esc leaves selection mode; → is the next slide again.
    tmux.keys(&["d"]);
    tmux.wait_for(&["describe(etcd)", "Component:", "Control Plane"]);
    tmux.keys(&["Escape"]);
    tmux.wait_for(&["etcd(저장소)"]);
    tmux.keys(&["Escape"]);
    tmux.wait_for_without(&["slide(2.1)[5/14]"], "etcd(저장소)");
    tmux.keys(&["Right"]);
    tmux.wait_for(&["slide(2.2.1)[6/14]"]);
    tmux.type_line(":q");
    assert_exited(&tmux, 0);
}

/// Starts `k8s-course present` in `tmux`'s shell, its pid written to `pid_file` in the sandbox.
fn start_presenter(tmux: &Tmux, sandbox: &Sandbox, pid_file: &str) -> i32 {
    let _ = std::fs::remove_file(sandbox.path(pid_file));
    let pid = sh_quote(&sandbox.path(pid_file).display().to_string());
    tmux.type_line(&format!(
        "(echo $BASHPID > {pid}.tmp && mv {pid}.tmp {pid}; exec {} present); echo \"EXIT=$?\"",
        sh_quote(BIN)
    ));
    sandbox.wait_for_pid(pid_file)
}

#[test]
fn the_notes_window_follows_the_presenter_and_drives_it() {
    let sandbox = Sandbox::new();
    let notes = shell("notes", &sandbox);
    // Notes started first waits for a presenter.
    notes.type_line(&format!("{} notes", sh_quote(BIN)));
    notes.wait_for(&["waiting for the presenter"]);
    let presenter = shell("presenter", &sandbox);
    start_presenter(&presenter, &sandbox, "pid1");
    presenter.wait_for(&["slide(title)[1/14]", "title · 1/14"]);
    notes.wait_for(&["following the presenter", "notes(title)[1/14]"]);

    // Next in the presenter: the notes window follows.
    let sent = std::time::Instant::now();
    presenter.keys(&["Space"]);
    notes.wait_for(&["notes(1.1)[2/14]", "Docker란?"]);
    eprintln!("notes followed the presenter in {} ms", sent.elapsed().as_millis());

    // Next in the notes window: the presenter moves.
    notes.keys(&["Space"]);
    presenter.wait_for(&["slide(1.2)[3/14]"]);
    notes.wait_for(&["notes(1.2)[3/14]"]);

    // The presenter is killed: notes says so, and a new presenter is followed again (the stale
    // socket the kill left behind is cleaned up).
    let pid = sandbox.wait_for_pid("pid1");
    std::process::Command::new("kill")
        .args(["-KILL", &pid.to_string()])
        .status()
        .expect("kill");
    notes.wait_for(&["the presenter quit"]);
    start_presenter(&presenter, &sandbox, "pid2");
    notes.wait_for(&["following the presenter"]);
    presenter.type_line(":pod");
    let screen = presenter.wait_for(&["slide(2.2.1)[6/14]", "2.2.1 · 6/14"]);
    assert!(
        !screen.contains("Killed"),
        "the new presenter drew a clean screen:\n{screen}"
    );
    notes.wait_for(&["notes(2.2.1)[6/14]"]);
    notes.keys(&["q"]);
    presenter.type_line(":q");
    presenter.wait_until("the presenter's exit", |s| s.lines().any(|l| l.trim_end() == "EXIT=0"));
}
