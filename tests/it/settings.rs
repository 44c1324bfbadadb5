//! Settings resolved once (issue 11) and `info` validating `config.yaml` entirely (issue 14):
//! every config error names the file and line, and what the player refuses, `info` refuses too.

use crate::support::Sandbox;

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A config file's bytes, the line the error must name and a word of the message.
const BAD_CONFIGS: &[(&[u8], usize, &str)] = &[
    (b"theme: light\nkeys: [a\n", 2, "keys"),
    (b"theme: light\ncolour: red\n", 2, "unknown field `colour`"),
    (b"theme: [a, b]\n", 1, "wrong type: theme"),
    (b"keys:\n  next_slidez: [a]\n", 2, "unknown action 'next_slidez'"),
    (b"lecture: 20\nkeys:\n  quit: \"<c-zz>\"\n", 3, "unknown key '<c-zz>'"),
    (b"keys:\n  next_slide: [z]\n  prev_slide: [z]\n", 3, "bound to both"),
    (
        b"theme: light\nlecture: 20 minutes\n",
        2,
        "invalid duration '20 minutes'",
    ),
    (b"theme: light\n\nbreak: soon\n", 3, "invalid duration 'soon'"),
    (b"lecture: 999h\n", 1, "at most 24h"),
    (b"theme: x\nlecture: 5m\nbreak: \xff\n", 3, "not UTF-8"),
];

#[test]
fn every_config_error_names_the_file_and_line_in_info_and_the_player() {
    for (bytes, line, words) in BAD_CONFIGS {
        let sandbox = Sandbox::new();
        std::fs::write(sandbox.config_dir().join("config.yaml"), bytes).expect("write config");
        let at = format!("{}:{line}", sandbox.config_dir().join("config.yaml").display());
        let info = sandbox.run(&["info"]);
        let said = stderr(&info);
        assert_eq!(info.status.code(), Some(1), "info refuses {bytes:?}: {said}");
        assert!(
            said.contains(&at) && said.contains(words),
            "{bytes:?}: wanted {at} and {words:?} in {said}"
        );
        assert!(stdout(&info).contains("has errors"), "{}", stdout(&info));
        // The player refuses the same file with the same message, before it needs a terminal.
        let player = sandbox.run(&[]);
        assert_eq!(player.status.code(), Some(1));
        let first = stderr(&player).lines().next().unwrap_or_default().to_string();
        assert!(
            said.contains(first.trim_start_matches("k8s-course: ")),
            "player: {first}\ninfo: {said}"
        );
    }
}

#[test]
fn info_shows_the_lecture_and_break_lengths_and_the_runtime_dir() {
    let sandbox = Sandbox::new();
    sandbox.write_config("lecture: 25m\nbreak: 90s\n");
    let out = sandbox.run(&["info"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let runtime = sandbox.path("run").display().to_string();
    for row in ["Lecture:   25m", "Break:     1m30s", &format!("Runtime:   {runtime}")] {
        assert!(text.lines().any(|l| l == row), "no {row:?} in\n{text}");
    }
    // The command line wins over the file, as in the player.
    let out = sandbox.run(&["--lecture", "45m", "info"]);
    assert!(stdout(&out).lines().any(|l| l == "Lecture:   45m"), "{}", stdout(&out));
}

#[test]
fn a_length_the_player_would_refuse_makes_info_fail() {
    let sandbox = Sandbox::new();
    let out = sandbox.run(&["--break", "1x", "info"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "k8s-course: break length: invalid duration '1x': use 20m, 90s, 1h30m or a plain number of minutes, or off for no break\n"
    );
    let player = sandbox.run(&["--break", "1x"]);
    assert_eq!(stderr(&player), stderr(&out), "the player says the same");
}

#[test]
fn the_environment_is_read_once_learner_and_no_color_come_through_settings() {
    let sandbox = Sandbox::new();
    let out = sandbox.command(&["info"]).env("NO_COLOR", "1").output().expect("run");
    assert!(stdout(&out).contains("No color:  yes"), "{}", stdout(&out));
    let out = sandbox
        .command(&["progress"])
        .env("K8S_COURSE_LEARNER", "")
        .env("USER", "kim")
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("kim"),
        "the login name when K8S_COURSE_LEARNER is empty: {}",
        stdout(&out)
    );
}
