//! Signals and ctrl-z in a real terminal: the player ends with 128 + the signal's number and
//! leaves the terminal as it found it (normal screen, cursor shown, cooked mode), and ctrl-z gives
//! the shell its terminal back until `fg`.
//!
//! The player runs under bash in a tmux pane of the test's own, or under `script`. The wrapper
//! shell writes the player's pid to a file: `(echo $BASHPID > pid; exec k8s-course)` runs the
//! player in the foreground with the terminal, as the shell's child, so the shell can print its
//! exit code and run `stty` on the same terminal afterwards.

use crate::support;

use std::io::Read;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use support::{BIN, POLL, PROMPT, Sandbox, Tmux, WAIT, last_line, require, sh_quote, shows_player};

/// The wrapper: records the terminal's settings, runs the player (its pid in `pid`), prints its
/// exit code, records the settings again, then idles so the pane stays up to be read.
fn wrapper(sandbox: &Sandbox) -> String {
    let file = |name: &str| sh_quote(&sandbox.path(name).display().to_string());
    format!(
        "stty -g > {before}\n\
         (echo $BASHPID > {pid}.tmp && mv {pid}.tmp {pid}; exec {bin})\n\
         code=$?\n\
         stty -g > {after}\n\
         stty -a > {after_a}\n\
         echo \"EXIT=$code\"\n\
         echo DONE\n\
         exec sleep 60\n",
        before = file("stty-before"),
        pid = file("pid"),
        bin = sh_quote(BIN),
        after = file("stty-after"),
        after_a = file("stty-after-a"),
    )
}

/// The player under [`wrapper`] in a 100x30 tmux pane, drawing its first slide; returns its pid.
fn start(label: &str, sandbox: &Sandbox) -> (Tmux, i32) {
    require("bash");
    let mut argv = sandbox.env_argv();
    argv.extend(["bash", "--norc", "--noprofile", "-c"].map(String::from));
    argv.push(wrapper(sandbox));
    let tmux = Tmux::start(label, 100, 30, &argv);
    tmux.wait_for(&["slide(title)[1/14]"]);
    let pid = sandbox.wait_for_pid("pid");
    assert_eq!(
        process_name(pid).as_deref(),
        Some("k8s-course"),
        "pid {pid} is the player"
    );
    assert!(tmux.alternate_screen(), "the player draws on the alternate screen");
    assert!(!tmux.cursor_visible(), "the player hides the cursor");
    (tmux, pid)
}

fn process_name(pid: i32) -> Option<String> {
    std::fs::read_to_string(format!("/proc/{pid}/comm"))
        .ok()
        .map(|s| s.trim().to_string())
}

/// The process state letter from /proc (`T` when stopped), or None when it is gone.
fn process_state(pid: i32) -> Option<char> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // `pid (comm) S ...`: the state follows the last `)`.
    stat.rsplit_once(')')?.1.trim_start().chars().next()
}

fn send(pid: i32, signal: i32) {
    // SAFETY: kill(2) with a pid this test read from the wrapper's pid file; no memory is involved.
    let rc = unsafe { libc::kill(pid, signal) };
    assert_eq!(rc, 0, "kill({pid}, {signal}): {}", std::io::Error::last_os_error());
}

/// Polls `ok` every 50 ms for up to 10 s.
fn eventually(what: &str, ok: impl Fn() -> bool) {
    let deadline = Instant::now() + WAIT;
    while !ok() {
        assert!(Instant::now() < deadline, "timed out after {WAIT:?} waiting for {what}");
        std::thread::sleep(POLL);
    }
}

/// Asserts `stty -a` output shows a cooked terminal: canonical input, echo, signals from keys,
/// CR to NL on input and output processing, none of which raw mode keeps.
fn assert_cooked(stty_a: &str) {
    let flags: Vec<&str> = stty_a.split(|c: char| c.is_whitespace() || c == ';').collect();
    for flag in ["icanon", "echo", "isig", "iexten", "icrnl", "opost"] {
        assert!(
            flags.contains(&flag) && !flags.contains(&format!("-{flag}").as_str()),
            "`{flag}` is not on after the player:\n{stty_a}"
        );
    }
}

/// Sends `signal` to the running player and checks how it ended and what it left behind.
fn signal_ends_the_player(label: &str, signal: i32, code: i32) {
    let sandbox = Sandbox::new();
    let (tmux, pid) = start(label, &sandbox);
    send(pid, signal);
    let screen = tmux.wait_for(&["DONE"]);
    let exit = (screen.lines())
        .find(|l| l.starts_with("EXIT="))
        .unwrap_or_else(|| panic!("no EXIT line:\n{screen}"));
    assert_eq!(exit.trim_end(), format!("EXIT={code}"), "exit code 128 + {signal}");
    assert!(!shows_player(&screen), "the player's frame is gone:\n{screen}");
    assert!(!tmux.alternate_screen(), "the alternate screen was left");
    assert!(tmux.cursor_visible(), "the cursor is shown again");
    let before = std::fs::read_to_string(sandbox.path("stty-before")).expect("stty before");
    let after = std::fs::read_to_string(sandbox.path("stty-after")).expect("stty after");
    assert_eq!(before, after, "the terminal's settings are back to what they were");
    assert_cooked(&std::fs::read_to_string(sandbox.path("stty-after-a")).expect("stty -a"));
}

#[test]
fn sigterm_exits_143_and_restores_the_terminal() {
    signal_ends_the_player("term", libc::SIGTERM, 143);
}

#[test]
fn sighup_exits_129_and_restores_the_terminal() {
    signal_ends_the_player("hup", libc::SIGHUP, 129);
}

#[test]
fn sigint_exits_130_and_restores_the_terminal() {
    signal_ends_the_player("int", libc::SIGINT, 130);
}

/// SIGKILLs a process the test started if it is still alive when the test ends (it failed).
struct KillOnDrop(i32);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        if process_state(self.0).is_some_and(|s| s != 'Z') {
            // SAFETY: kill(2) on the pid of the player this test started.
            unsafe { libc::kill(self.0, libc::SIGKILL) };
        }
    }
}

/// The terminal goes away under the player (its window closes) and no SIGHUP reaches it, as when
/// the shell that gets the SIGHUP dies of it without passing it on: the player sees the hang-up
/// and ends as for SIGHUP, rather than spin on the dead terminal (crossterm-rs/crossterm#793).
#[test]
fn a_terminal_that_goes_away_ends_the_player() {
    require("bash");
    let sandbox = Sandbox::new();
    let file = |name: &str| sh_quote(&sandbox.path(name).display().to_string());
    // The wrapper ignores SIGHUP so that it lives to write down the exit code; nothing passes the
    // hang-up on to the player as a signal.
    let script = format!(
        "trap '' HUP\n\
         (echo $BASHPID > {pid}.tmp && mv {pid}.tmp {pid}; exec {bin})\n\
         echo $? > {code}.tmp && mv {code}.tmp {code}\n",
        pid = file("pid"),
        bin = sh_quote(BIN),
        code = file("code"),
    );
    let mut argv = sandbox.env_argv();
    argv.extend(["bash", "--norc", "--noprofile", "-c"].map(String::from));
    argv.push(script);
    let tmux = Tmux::start("gone", 100, 30, &argv);
    tmux.wait_for(&["slide(title)[1/14]"]);
    let pid = sandbox.wait_for_pid("pid");
    let _kill = KillOnDrop(pid);
    assert_eq!(process_name(pid).as_deref(), Some("k8s-course"));

    // Closing the window: the terminal's master side goes away.
    drop(tmux);
    assert_eq!(sandbox.wait_for_file("code").trim(), "129", "ended as for SIGHUP");
    eventually("the player to be gone", || process_state(pid).is_none_or(|s| s == 'Z'));
}

/// SIGTSTP (as from `kill -TSTP`): the player restores the terminal before it stops, and after
/// SIGCONT takes it again and redraws everything.
#[test]
fn sigtstp_stops_with_the_terminal_restored_and_sigcont_redraws() {
    require("stty");
    let sandbox = Sandbox::new();
    let (tmux, pid) = start("tstp", &sandbox);
    tmux.keys(&["Space"]);
    tmux.wait_for(&["slide(1.1)[2/14]"]);

    send(pid, libc::SIGTSTP);
    eventually("the player to stop", || process_state(pid) == Some('T'));
    // No shell with job control is watching, so what the player left is what the terminal has.
    eventually("the normal screen", || !tmux.alternate_screen());
    assert!(tmux.cursor_visible(), "the cursor is shown while stopped");
    let screen = tmux.screen();
    assert!(!shows_player(&screen), "{screen}");
    let tty = tmux.format("#{pane_tty}");
    let out = Command::new("stty")
        .args(["-F", &tty, "-a"])
        .output()
        .expect("run stty");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_cooked(&String::from_utf8_lossy(&out.stdout));

    send(pid, libc::SIGCONT);
    let screen = tmux.wait_for(&["slide(1.1)[2/14]", "Docker란?", "Course:"]);
    assert!(tmux.alternate_screen(), "full screen again:\n{screen}");
    let bottom = (screen.lines().rev())
        .find(|l| l.starts_with('└'))
        .unwrap_or_else(|| panic!("the slide's frame is whole:\n{screen}"));
    assert!(bottom.ends_with('┘'), "{bottom}");

    // Keys work again: the terminal is raw, and `:q` quits with 0.
    tmux.type_line(":q");
    let screen = tmux.wait_for(&["DONE"]);
    assert!(screen.contains("EXIT=0"), "{screen}");
    let before = std::fs::read_to_string(sandbox.path("stty-before")).expect("stty before");
    let after = std::fs::read_to_string(sandbox.path("stty-after")).expect("stty after");
    assert_eq!(before, after);
}

/// ctrl-z at an interactive bash: the job stops, the prompt is back on a normal screen with the
/// cursor, and `fg` brings the player back whole.
#[test]
fn ctrl_z_gives_the_shell_the_terminal_and_fg_brings_the_player_back() {
    require("bash");
    let sandbox = Sandbox::new();
    let mut argv = sandbox.env_argv();
    argv.extend(["bash", "--norc", "--noprofile", "-i"].map(String::from));
    let tmux = Tmux::start("ctrlz", 100, 30, &argv);
    let at_prompt = |s: &str| last_line(s) == PROMPT.trim_end();
    tmux.wait_until("the prompt", at_prompt);
    // The player alone on the command line: in a list (`k8s-course; echo`) bash would go on with
    // the rest of the list when the player stops.
    tmux.type_line(&sh_quote(BIN));
    tmux.wait_for(&["slide(title)[1/14]"]);
    tmux.keys(&["Space"]);
    tmux.wait_for(&["slide(1.1)[2/14]"]);

    tmux.keys(&["C-z"]);
    let screen = tmux.wait_until("bash's Stopped line and the prompt", |s| {
        s.lines().any(|l| l.contains("Stopped") && l.contains("k8s-course")) && at_prompt(s)
    });
    assert!(!shows_player(&screen), "{screen}");
    assert!(!tmux.alternate_screen(), "the shell is on the normal screen");
    assert!(tmux.cursor_visible(), "the shell has its cursor");
    // The shell works as usual: a command typed at the prompt runs and is echoed.
    let stty = sandbox.path("stty-stopped").display().to_string();
    tmux.type_line(&format!("stty -a > {}; echo STTY-DONE", sh_quote(&stty)));
    tmux.wait_until("stty to run", |s| {
        s.lines().any(|l| l.trim_end() == "STTY-DONE") && at_prompt(s)
    });
    assert_cooked(&std::fs::read_to_string(&stty).expect("stty -a output"));

    tmux.type_line("fg");
    let screen = tmux.wait_for_without(&["slide(1.1)[2/14]", "Docker란?", "Course:"], "Stopped");
    assert!(tmux.alternate_screen(), "full screen again:\n{screen}");
    assert!(!tmux.cursor_visible(), "the cursor is hidden again");
    assert!(
        screen.lines().any(|l| l.starts_with('└') && l.ends_with('┘')),
        "{screen}"
    );

    tmux.type_line(":q");
    let screen = tmux.wait_until("the prompt after fg", |s| at_prompt(s) && !shows_player(s));
    assert!(!tmux.alternate_screen(), "{screen}");
    assert!(tmux.cursor_visible());
    tmux.type_line("echo \"EXIT=$?\"");
    tmux.wait_until("EXIT=0 and the prompt", |s| {
        s.lines().any(|l| l.trim_end() == "EXIT=0") && at_prompt(s)
    });
    // After a normal exit bash keeps the terminal settings the job left, so this shows the
    // player's own restore.
    let stty = sandbox.path("stty-exited").display().to_string();
    tmux.type_line(&format!("stty -a > {}; echo STTY-DONE-2", sh_quote(&stty)));
    tmux.wait_until("stty to run", |s| s.lines().any(|l| l.trim_end() == "STTY-DONE-2"));
    assert_cooked(&std::fs::read_to_string(&stty).expect("stty -a output"));
}

/// Kills the child (and so the pseudo-terminal `script` holds) if the test ends early.
struct ChildGuard(Child);

impl Drop for ChildGuard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Text with escape sequences removed: what the bytes say, without where and how.
fn strip_escapes(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\u{1b}' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('[') => {
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        break;
                    }
                }
            }
            Some(']') => {
                while let Some(c) = chars.next() {
                    if c == '\u{7}' || (c == '\u{1b}' && chars.next_if_eq(&'\\').is_some()) {
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    out
}

fn find(haystack: &[u8], needle: &[u8]) -> Vec<usize> {
    haystack
        .windows(needle.len())
        .enumerate()
        .filter(|(_, w)| *w == needle)
        .map(|(i, _)| i)
        .collect()
}

/// The same SIGTERM under `script`, checked on the bytes the player wrote: every switch to the
/// alternate screen is followed by a switch back, every hidden cursor by a shown one, before the
/// shell's `stty -a` shows a cooked terminal; `script -e` passes on the exit code.
#[test]
fn sigterm_under_script_writes_the_restoring_sequences() {
    require("script");
    require("bash");
    let sandbox = Sandbox::new();
    let pid_file = sh_quote(&sandbox.path("pid").display().to_string());
    let inner = format!(
        "stty rows 30 cols 100; (echo $BASHPID > {pid_file}.tmp && mv {pid_file}.tmp {pid_file}; exec {bin}); \
         code=$?; echo \"EXIT=$code\"; stty -a; exit $code",
        bin = sh_quote(BIN)
    );
    let mut cmd = Command::new("script");
    cmd.args([
        "-q",
        "-e",
        "-c",
        &format!("bash --norc --noprofile -c {}", sh_quote(&inner)),
        "/dev/null",
    ])
    .env_remove("NO_COLOR")
    .env_remove("LC_ALL")
    .stdin(Stdio::piped())
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    for (k, v) in sandbox.vars() {
        cmd.env(k, v);
    }
    let mut child = ChildGuard(cmd.spawn().expect("run script"));
    // The stdin pipe stays open (held by the guard's child) so script doesn't see EOF.
    let mut stdout = child.0.stdout.take().expect("script's stdout");
    let output = Arc::new(Mutex::new(Vec::new()));
    let reader = {
        let output = Arc::clone(&output);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = stdout.read(&mut buf) {
                if n == 0 {
                    break;
                }
                output.lock().expect("output lock").extend_from_slice(&buf[..n]);
            }
        })
    };
    let text = || strip_escapes(&output.lock().expect("output lock"));
    eventually("the first slide", || text().contains("slide(title)[1/14]"));
    let pid = sandbox.wait_for_pid("pid");
    assert_eq!(process_name(pid).as_deref(), Some("k8s-course"));

    send(pid, libc::SIGTERM);
    let deadline = Instant::now() + WAIT;
    let status = loop {
        if let Some(status) = child.0.try_wait().expect("wait for script") {
            break status;
        }
        assert!(
            Instant::now() < deadline,
            "script did not end after SIGTERM; output:\n{}",
            text()
        );
        std::thread::sleep(POLL);
    };
    reader.join().expect("reader thread");
    let bytes = output.lock().expect("output lock").clone();
    let shown = strip_escapes(&bytes);
    assert_eq!(
        status.code(),
        Some(143),
        "script -e passes on 128 + 15; output:\n{shown}"
    );
    assert!(shown.contains("EXIT=143"), "{shown}");

    let enter_alt = find(&bytes, b"\x1b[?1049h");
    let leave_alt = find(&bytes, b"\x1b[?1049l");
    let hide = find(&bytes, b"\x1b[?25l");
    let show = find(&bytes, b"\x1b[?25h");
    let exit_line = find(&bytes, b"EXIT=143")[0];
    assert!(!enter_alt.is_empty() && !hide.is_empty(), "the player went full screen");
    let last_enter = *enter_alt.last().expect("entered");
    let last_hide = *hide.last().expect("hidden");
    assert!(
        leave_alt.iter().any(|&i| i > last_enter && i < exit_line),
        "the alternate screen is left before the player exits"
    );
    assert!(
        show.iter().any(|&i| i > last_hide && i < exit_line),
        "the cursor is shown before the player exits"
    );
    assert_cooked(&shown[shown.find("EXIT=143").expect("exit line")..]);
}
