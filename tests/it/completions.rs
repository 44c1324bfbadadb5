//! Launching by name: `k8s-course completions bash|zsh|fish` and `k8s-course man`, generated from
//! the command line the program parses, so every subcommand is in them.

use clap::CommandFactory;
use k8s_course::cli::Cli;

use crate::support::{BIN, Sandbox, require, sh_quote};

/// Every subcommand a user can type, from the parser itself.
fn subcommands() -> Vec<String> {
    let names: Vec<String> = Cli::command()
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    assert!(names.len() >= 12, "{names:?}");
    names
}

fn stdout(out: &std::process::Output) -> String {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout.clone()).expect("utf-8")
}

/// What bash offers after `k8s-course WORDS<tab>` with the generated script loaded.
fn bash_complete(sandbox: &Sandbox, words: &[&str]) -> Vec<String> {
    require("bash");
    let script = sandbox.path("k8s-course.bash");
    std::fs::write(&script, stdout(&sandbox.run(&["completions", "bash"]))).expect("write the script");
    let words: Vec<String> = words.iter().map(|w| sh_quote(w)).collect();
    let line = format!(
        "source {script}; COMP_WORDS=(k8s-course {words}); COMP_CWORD={n}; COMP_LINE=\"${{COMP_WORDS[*]}}\"; \
         COMP_POINT=${{#COMP_LINE}}; _k8s__course k8s-course \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\"; \
         printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        script = sh_quote(&script.display().to_string()),
        words = words.join(" "),
        n = words.len(),
    );
    let out = std::process::Command::new("bash")
        .args(["--norc", "-c", &line])
        .envs(sandbox.vars())
        .output()
        .expect("run bash");
    stdout(&out).lines().map(str::to_string).collect()
}

#[test]
fn bash_completes_subcommands_options_and_shells() {
    let sandbox = Sandbox::new();
    assert_eq!(bash_complete(&sandbox, &["sho"]), ["show"]);
    let show = bash_complete(&sandbox, &["show", "--c"]);
    for option in ["--code", "--course"] {
        assert!(show.contains(&option.to_string()), "{show:?}");
    }
    let shells = bash_complete(&sandbox, &["completions", ""]);
    for shell in ["bash", "zsh", "fish"] {
        assert!(shells.contains(&shell.to_string()), "{shells:?}");
    }
    let all = bash_complete(&sandbox, &[""]);
    for name in subcommands() {
        assert!(all.contains(&name), "{name} missing from {all:?}");
    }
}

#[test]
fn zsh_and_fish_scripts_name_every_subcommand() {
    let sandbox = Sandbox::new();
    let zsh = stdout(&sandbox.run(&["completions", "zsh"]));
    assert!(
        zsh.starts_with("#compdef k8s-course\n"),
        "{}",
        &zsh[..80.min(zsh.len())]
    );
    let fish = stdout(&sandbox.run(&["completions", "fish"]));
    for name in subcommands() {
        assert!(zsh.contains(&format!("'{name}:")), "zsh lacks {name}");
        assert!(fish.contains(&format!("-a \"{name}\"")), "fish lacks {name}");
    }
}

#[test]
fn an_unknown_shell_exits_2_naming_the_ones_there_are() {
    let out = Sandbox::new().run(&["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("invalid value 'tcsh'") && err.contains("[possible values: bash, zsh, fish]"),
        "{err}"
    );
}

#[test]
fn the_man_page_names_every_subcommand_and_renders() {
    let sandbox = Sandbox::new();
    let page = stdout(&sandbox.run(&["man"]));
    assert!(page.contains(".TH k8s-course 1"), "{page}");
    for name in subcommands() {
        let entry = format!("k8s\\-course\\-{}(1)", name.replace('-', "\\-"));
        assert!(page.contains(&entry), "{entry} missing from the man page");
    }
    // As `man` shows it, when man is installed (it is on CI's machine).
    // (A minimized system's `man` is a stub that renders nothing: only a working man is asked.)
    let man_works = std::process::Command::new("man")
        .args(["-w", "man"])
        .output()
        .is_ok_and(|o| o.status.success());
    if man_works {
        let line = format!("{} man | MANWIDTH=80 man -l -", sh_quote(BIN));
        let out = std::process::Command::new("bash")
            .args(["-c", &line])
            .envs(sandbox.vars())
            .output()
            .expect("run man");
        let shown = String::from_utf8_lossy(&out.stdout);
        assert!(shown.contains("NAME") && shown.contains("SUBCOMMANDS"), "{shown}");
        assert!(shown.contains("k8s-course-show(1)"), "{shown}");
    }
}
