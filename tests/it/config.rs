//! `config.yaml` and `info` through the binary. The player loads the config before it looks for a
//! terminal, so a bad config is reported (with exit code 1) even when stdout is a pipe, as here;
//! a good one gets as far as "the player needs a terminal".

use crate::support;

use std::process::Output;

use support::Sandbox;

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Runs the player (no subcommand, stdout a pipe) with `config` as config.yaml; expects it to
/// refuse the config: exit 1, nothing on stdout, the hint on stderr. Returns the first stderr line.
fn refused(sandbox: &Sandbox, config: &str) -> String {
    sandbox.write_config(config);
    let out = sandbox.run(&[]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(stdout(&out), "", "nothing on stdout");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines.get(1).copied(),
        Some("k8s-course: fix the config file, or move it away to use the defaults"),
        "{err}"
    );
    assert!(!err.contains("needs a terminal"), "the config is checked first: {err}");
    lines[0].to_string()
}

/// The config file's path as messages show it.
fn config_path(sandbox: &Sandbox) -> String {
    sandbox.config_dir().join("config.yaml").display().to_string()
}

#[test]
fn an_unknown_action_names_its_line_and_the_actions_there_are() {
    let sandbox = Sandbox::new();
    let err = refused(
        &sandbox,
        "# my keys\ntheme: light\nkeys:\n  next_slide: [f]\n  fly: [x]\n",
    );
    // Every action a key can be bound to, in the order help lists them.
    let actions: Vec<&str> = k8s_course::app::registry::bindable().map(|(b, _)| b.name).collect();
    assert!(
        actions.starts_with(&["next_slide", "prev_slide", "down", "up"]) && actions.contains(&"quit"),
        "{actions:?}"
    );
    assert_eq!(
        err,
        format!(
            "{}:5: unknown action 'fly'; actions are: {}",
            config_path(&sandbox),
            actions.join(", ")
        )
    );
}

#[test]
fn an_unknown_key_names_the_line_it_is_on() {
    let sandbox = Sandbox::new();
    let err = refused(
        &sandbox,
        "keys:\n  next_slide: [f]\n  prev_slide:\n    - pgup\n    - hyper-x\n",
    );
    let expected = format!(
        "{}:5: unknown key 'hyper-x': write a character (j, G, ?), a name (space, enter, esc, tab, backtab, \
         backspace, delete, insert, left, right, up, down, home, end, pgup, pgdn, f1..f12), or <c-x> / <a-x>",
        config_path(&sandbox)
    );
    assert_eq!(err, expected);

    // In a flow list on the action's own line.
    let err = refused(&sandbox, "theme: light\nkeys:\n  quit: [q, ctrl-Q-x]\n");
    assert!(
        err.starts_with(&format!("{}:3: unknown key 'ctrl-Q-x': ", config_path(&sandbox))),
        "{err}"
    );
}

#[test]
fn a_key_bound_twice_names_both_actions_and_the_line_of_the_rebinding() {
    let sandbox = Sandbox::new();
    // `down` keeps its default `j`; `quit` takes it too.
    let err = refused(&sandbox, "keys:\n  next_slide: [right, space]\n  quit: [j]\n");
    assert_eq!(
        err,
        format!(
            "{}:3: key 'j' is bound to both down and quit; rebind down too, or pick another key",
            config_path(&sandbox)
        )
    );

    // Rebinding `down` as well makes it fine: the player gets past the config.
    sandbox.write_config("keys:\n  next_slide: [right, space]\n  quit: [j]\n  down: [z]\n");
    let out = sandbox.run(&[]);
    assert!(stderr(&out).contains("the player needs a terminal"), "{}", stderr(&out));
}

#[test]
fn yaml_errors_name_line_and_column() {
    let sandbox = Sandbox::new();
    let path = config_path(&sandbox);

    // A list that is never closed: the parser notices on the next line.
    let err = refused(&sandbox, "keys:\n  next_slide: [f\n  quit: q\n");
    assert!(err.starts_with(&format!("{path}:3:")), "{err}");
    assert!(err.contains("invalid YAML"), "{err}");

    let err = refused(&sandbox, "theme: light\ncolour: red\n");
    assert_eq!(
        err,
        format!(
            "{path}:2:1: unknown field `colour`, expected one of `theme`, `lecture`, `break`, `keys`: remove it or fix its spelling"
        )
    );

    let err = refused(&sandbox, "theme: light\nkeys: f\n");
    assert!(err.starts_with(&format!("{path}:2:")), "{err}");
    assert!(err.contains("wrong type") && err.contains("expected a map"), "{err}");
}

#[test]
fn a_config_that_is_not_utf8_is_refused() {
    let sandbox = Sandbox::new();
    std::fs::write(sandbox.config_dir().join("config.yaml"), b"theme: caf\xe9\n").expect("write");
    let out = sandbox.run(&[]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.starts_with(&format!("{}:1: not UTF-8", config_path(&sandbox))),
        "{err}"
    );
    assert!(err.contains("save it as UTF-8"), "{err}");
}

#[test]
fn the_player_refuses_a_pipe_after_a_good_config() {
    let sandbox = Sandbox::new();
    for config in [
        None,
        Some("theme: high-contrast\nkeys:\n  next_slide: [right, space, f]\n"),
    ] {
        if let Some(text) = config {
            sandbox.write_config(text);
        }
        let out = sandbox.run(&[]);
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(stdout(&out), "", "no escape sequences on a pipe");
        assert_eq!(
            stderr(&out),
            "k8s-course: the player needs a terminal; `k8s-course list` and `k8s-course show ID` print to a pipe\n"
        );
    }
}

/// `info` as `Name:` -> value.
fn info(sandbox: &Sandbox, args: &[&str]) -> (Option<i32>, Vec<(String, String)>) {
    let mut all = args.to_vec();
    all.push("info");
    let out = sandbox.run(&all);
    // A broken config is said on stderr too (with its file and line), nothing else is.
    let rows_err = stderr(&out);
    assert!(
        rows_err.is_empty() || (out.status.code() == Some(1) && rows_err.contains("config.yaml:")),
        "{rows_err}"
    );
    let rows = stdout(&out)
        .lines()
        .map(|l| {
            let (name, value) = l.split_once(':').unwrap_or_else(|| panic!("not a row: {l:?}"));
            (name.to_string(), value.trim().to_string())
        })
        .collect();
    (out.status.code(), rows)
}

fn row<'r>(rows: &'r [(String, String)], name: &str) -> &'r str {
    rows.iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or_else(|| panic!("no {name} row in {rows:?}"))
}

#[test]
fn info_shows_where_things_are_and_the_themes_there_are() {
    let sandbox = Sandbox::new();
    let config = sandbox.config_dir();
    let (code, rows) = info(&sandbox, &[]);
    assert_eq!(code, Some(0));
    let names: Vec<&str> = rows.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "Version",
            "Course",
            "Config",
            "Themes",
            "Theme",
            "Available",
            "Data",
            "Runtime",
            "Lecture",
            "Break",
            "No color",
            "Overrides"
        ]
    );
    assert_eq!(row(&rows, "Version"), env!("CARGO_PKG_VERSION"));
    assert_eq!(row(&rows, "Course"), "built-in");
    assert_eq!(
        row(&rows, "Config"),
        format!("{} (not found: defaults in use)", config.join("config.yaml").display())
    );
    assert_eq!(row(&rows, "Themes"), config.join("themes").display().to_string());
    assert_eq!(row(&rows, "Theme"), "default");
    assert_eq!(row(&rows, "Available"), "default, high-contrast, light");
    assert_eq!(row(&rows, "Data"), sandbox.data_dir().display().to_string());
    assert_eq!(row(&rows, "No color"), "no");
    assert_eq!(
        row(&rows, "Overrides"),
        "K8S_COURSE_CONFIG_DIR, K8S_COURSE_DATA_DIR, K8S_COURSE_RUNTIME_DIR"
    );

    // A theme of the user's own, and a config that picks it.
    sandbox.write_theme("mine", "base: light\n");
    sandbox.write_config("theme: mine\n");
    let (code, rows) = info(&sandbox, &[]);
    assert_eq!(code, Some(0));
    assert_eq!(
        row(&rows, "Config"),
        format!("{} (in use)", config.join("config.yaml").display())
    );
    assert_eq!(row(&rows, "Theme"), "mine");
    assert_eq!(row(&rows, "Available"), "default, high-contrast, light, mine");

    // --theme wins over the config; an unknown name is only reported, not checked.
    let (code, rows) = info(&sandbox, &["--theme", "nope"]);
    assert_eq!(code, Some(0));
    assert!(
        row(&rows, "Theme").starts_with("nope (not usable, the default is used: unknown theme `nope`"),
        "{}",
        row(&rows, "Theme")
    );
    let (_, rows) = info(&sandbox, &["--theme", "light"]);
    assert_eq!(row(&rows, "Theme"), "light");
}

#[test]
fn info_reports_a_broken_config_and_fails() {
    let sandbox = Sandbox::new();
    sandbox.write_config("theme: light\ncolour: red\n");
    let (code, rows) = info(&sandbox, &[]);
    assert_eq!(code, Some(1));
    let path = config_path(&sandbox);
    assert_eq!(
        row(&rows, "Config"),
        format!(
            "{path} (has errors: {path}:2:1: unknown field `colour`, expected one of `theme`, `lecture`, `break`, `keys`: remove it or fix its spelling)"
        )
    );
    // Without a usable config the theme is the default one.
    assert_eq!(row(&rows, "Theme"), "default");
}

#[test]
fn info_says_when_no_color_is_set() {
    let sandbox = Sandbox::new();
    let out = sandbox.command(&["info"]).env("NO_COLOR", "1").output().expect("run");
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(text.contains("No color:  yes (NO_COLOR is set)"), "{text}");
}
