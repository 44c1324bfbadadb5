//! Shared helpers for the tests that run the built binary: a sandbox of temp dirs standing in for
//! the user's config, data and home, a private tmux server per test (killed on drop, also when the
//! test fails), waiting for screen text with a timeout, and shell quoting.
//!
//! The terminal tests need `tmux`, `script` and `bash`; CI installs them (`.ci/run`). When one is
//! missing the test fails and says so, rather than passing without having run.

// Each test file uses a different part of this module.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use tempfile::TempDir;

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_k8s-course");

/// How long to wait for something to show up before failing.
pub const WAIT: Duration = Duration::from_secs(10);

/// How often to look again while waiting.
pub const POLL: Duration = Duration::from_millis(50);

/// The prompt of the interactive shells the tests start, so "the prompt is back" can be seen.
pub const PROMPT: &str = "k8s-test$ ";

/// Fails the test unless `tool` is on PATH.
pub fn require(tool: &str) {
    let found = std::env::var_os("PATH")
        .map(|path| std::env::split_paths(&path).any(|dir| is_executable(&dir.join(tool))))
        .unwrap_or(false);
    assert!(
        found,
        "`{tool}` is not installed, and this terminal test needs it. CI installs it through .ci/run; \
         on Debian/Ubuntu: apt-get install tmux bsdutils bash"
    );
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata()
        .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

/// Quotes `s` for a POSIX shell.
pub fn sh_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// Temp dirs standing in for the user's config dir, data dir and home, so no test touches the
/// real ones.
pub struct Sandbox {
    root: TempDir,
}

impl Default for Sandbox {
    fn default() -> Self {
        Self::new()
    }
}

impl Sandbox {
    pub fn new() -> Self {
        let root = tempfile::Builder::new()
            .prefix("k8s-course-test-")
            .tempdir()
            .expect("create a temp dir");
        for dir in ["config", "data", "home"] {
            std::fs::create_dir(root.path().join(dir)).expect("create a sandbox dir");
        }
        Self { root }
    }

    pub fn root(&self) -> &Path {
        self.root.path()
    }

    /// A path inside the sandbox, for files the test and the shell in the terminal share.
    pub fn path(&self, name: &str) -> PathBuf {
        self.root.path().join(name)
    }

    pub fn config_dir(&self) -> PathBuf {
        self.path("config")
    }

    pub fn data_dir(&self) -> PathBuf {
        self.path("data")
    }

    pub fn home(&self) -> PathBuf {
        self.path("home")
    }

    /// Writes `<config dir>/config.yaml`.
    pub fn write_config(&self, text: &str) {
        std::fs::write(self.config_dir().join("config.yaml"), text).expect("write config.yaml");
    }

    /// Writes a user theme `<config dir>/themes/NAME.yaml`.
    pub fn write_theme(&self, name: &str, text: &str) {
        let dir = self.config_dir().join("themes");
        std::fs::create_dir_all(&dir).expect("create the themes dir");
        std::fs::write(dir.join(format!("{name}.yaml")), text).expect("write a theme");
    }

    /// The variables the player sees: sandboxed dirs and home, a UTF-8 locale, a known terminal
    /// and learner name.
    pub fn vars(&self) -> Vec<(String, String)> {
        let path = |p: PathBuf| p.display().to_string();
        [
            ("K8S_COURSE_CONFIG_DIR", path(self.config_dir())),
            ("K8S_COURSE_DATA_DIR", path(self.data_dir())),
            ("HOME", path(self.home())),
            ("XDG_CONFIG_HOME", path(self.home().join(".config"))),
            ("XDG_DATA_HOME", path(self.home().join(".local/share"))),
            ("HISTFILE", path(self.path("bash_history"))),
            ("TERM", "xterm-256color".to_string()),
            ("LANG", "C.UTF-8".to_string()),
            ("K8S_COURSE_LEARNER", "tester".to_string()),
            ("K8S_COURSE_RUNTIME_DIR", path(self.path("run"))),
            ("PS1", PROMPT.to_string()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect()
    }

    /// `env -u NO_COLOR -u LC_ALL K=V ...`: the start of a command line that runs with [`Self::vars`].
    pub fn env_argv(&self) -> Vec<String> {
        let mut argv: Vec<String> = ["env", "-u", "NO_COLOR", "-u", "LC_ALL", "-u", "LC_CTYPE"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        argv.extend(self.vars().into_iter().map(|(k, v)| format!("{k}={v}")));
        argv
    }

    /// The binary with the sandbox's environment, stdin from /dev/null, stdout and stderr piped
    /// (so stdout is not a terminal).
    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(BIN);
        cmd.args(args)
            .env_remove("NO_COLOR")
            .env_remove("LC_ALL")
            .env_remove("LC_CTYPE")
            .stdin(Stdio::null());
        for (k, v) in self.vars() {
            cmd.env(k, v);
        }
        cmd
    }

    /// Runs the binary with `args` (see [`Self::command`]).
    pub fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("run k8s-course")
    }

    /// Waits for a file the shell in the terminal writes, and returns its text once it is complete
    /// (the shell writes `NAME.tmp` and renames it, or the test waits for a trailing newline).
    pub fn wait_for_file(&self, name: &str) -> String {
        let path = self.path(name);
        let deadline = Instant::now() + WAIT;
        loop {
            if let Ok(text) = std::fs::read_to_string(&path)
                && text.ends_with('\n')
            {
                return text;
            }
            assert!(
                Instant::now() < deadline,
                "timed out after {WAIT:?} waiting for {}",
                path.display()
            );
            std::thread::sleep(POLL);
        }
    }

    /// Reads the pid the wrapper shell wrote to `name`.
    pub fn wait_for_pid(&self, name: &str) -> i32 {
        let text = self.wait_for_file(name);
        text.trim()
            .parse()
            .unwrap_or_else(|e| panic!("{name} holds {text:?}, not a pid: {e}"))
    }
}

/// A tmux server of the test's own (`tmux -L NAME`) with one session at a fixed size. Dropping it
/// kills the server, also when the test panics.
pub struct Tmux {
    socket: String,
    /// The socket file, removed on drop (tmux leaves it behind).
    socket_path: Option<PathBuf>,
}

impl Tmux {
    /// Starts a detached session `width` x `height` running `argv` directly (no shell in between).
    pub fn start(label: &str, width: u16, height: u16, argv: &[String]) -> Tmux {
        require("tmux");
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let mut tmux = Tmux {
            socket: format!(
                "k8s-course-{label}-{}-{}",
                std::process::id(),
                NEXT.fetch_add(1, Ordering::SeqCst)
            ),
            socket_path: None,
        };
        let (w, h) = (width.to_string(), height.to_string());
        let mut args: Vec<&str> = vec!["new-session", "-d", "-s", "t", "-x", &w, "-y", &h, "--"];
        args.extend(argv.iter().map(String::as_str));
        tmux.run(&args);
        tmux.socket_path = Some(PathBuf::from(tmux.format("#{socket_path}")));
        tmux
    }

    /// Runs a tmux command on this server; panics with tmux's message when it fails.
    pub fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-f", "/dev/null", "-L", &self.socket])
            .args(args)
            .env_remove("TMUX")
            .env("LANG", "C.UTF-8")
            .stdin(Stdio::null())
            .output()
            .expect("run tmux");
        assert!(
            out.status.success(),
            "tmux {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Sends tmux key names (`Space`, `Enter`, `Escape`, `C-c`, `?`).
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    /// Types `text` literally.
    pub fn type_text(&self, text: &str) {
        self.run(&["send-keys", "-t", "t", "-l", "--", text]);
    }

    /// Types `text`, then Enter.
    pub fn type_line(&self, text: &str) {
        self.type_text(text);
        self.keys(&["Enter"]);
    }

    /// The visible screen as text, one line per row.
    pub fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "t"])
    }

    /// The visible screen with colours and attributes as escape sequences.
    pub fn screen_with_colours(&self) -> String {
        self.run(&["capture-pane", "-p", "-e", "-t", "t"])
    }

    /// A tmux format for the pane: `#{cursor_flag}`, `#{alternate_on}`, `#{pane_tty}`.
    pub fn format(&self, format: &str) -> String {
        self.run(&["display-message", "-p", "-t", "t", format])
            .trim()
            .to_string()
    }

    /// Whether the pane shows the alternate screen.
    pub fn alternate_screen(&self) -> bool {
        self.format("#{alternate_on}") == "1"
    }

    /// Whether the cursor is visible.
    pub fn cursor_visible(&self) -> bool {
        self.format("#{cursor_flag}") == "1"
    }

    pub fn resize(&self, width: u16, height: u16) {
        let (w, h) = (width.to_string(), height.to_string());
        self.run(&["resize-window", "-t", "t", "-x", &w, "-y", &h]);
    }

    /// Waits until the screen satisfies `ok`; returns that screen, or fails showing the last one.
    pub fn wait_until(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            let screen = self.screen();
            if ok(&screen) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "timed out after {WAIT:?} waiting for {what}; the screen was:\n{screen}"
            );
            std::thread::sleep(POLL);
        }
    }

    /// Waits until every one of `texts` is on the screen.
    pub fn wait_for(&self, texts: &[&str]) -> String {
        self.wait_until(&format!("{texts:?}"), |s| texts.iter().all(|t| s.contains(t)))
    }

    /// Waits until `texts` are all on the screen and `gone` is not.
    pub fn wait_for_without(&self, texts: &[&str], gone: &str) -> String {
        self.wait_until(&format!("{texts:?} without {gone:?}"), |s| {
            texts.iter().all(|t| s.contains(t)) && !s.contains(gone)
        })
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-f", "/dev/null", "-L", &self.socket, "kill-server"])
            .env_remove("TMUX")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        if let Some(path) = &self.socket_path {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// The last non-empty line of a screen, trimmed at the end.
pub fn last_line(screen: &str) -> &str {
    screen
        .lines()
        .rev()
        .map(str::trim_end)
        .find(|l| !l.is_empty())
        .unwrap_or("")
}

/// Whether the screen shows a frame of the player (any box-drawing corner of a pane).
pub fn shows_player(screen: &str) -> bool {
    ["┌", "┐", "└", "┘", "╭", "slide(", "Course:"]
        .iter()
        .any(|s| screen.contains(s))
}

/// Copies the folder `from` to `to`, subfolders included.
/// Copies three real corpus weeks into `course` as `w05`, `w06` and `c8w06` (a course of many
/// lessons needs more than the built-in one).
pub fn copy_corpus_weeks(course: &Path) {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus");
    for (from, to) in [
        ("w05-aws-control-tower-ztna", "w05"),
        ("w06-cloudflare-github-security", "w06"),
        ("c8-w06-waf-cloudfront-github-devsecops", "c8w06"),
    ] {
        copy_dir(&corpus.join(from), &course.join(to));
    }
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// `k8s-course ARGS` alone in a 100x30 tmux pane under bash, with the sandbox's environment (its
/// runtime dir too); `EXIT=n` is printed when it ends.
pub fn program(sandbox: &Sandbox, label: &str, args: &[&str]) -> Tmux {
    require("bash");
    let mut argv = sandbox.env_argv();
    argv.extend(["bash", "--norc", "--noprofile", "-c"].map(String::from));
    let args: Vec<String> = args.iter().map(|a| sh_quote(a)).collect();
    argv.push(format!(
        "{} {}; echo \"EXIT=$?\"; exec sleep 60",
        sh_quote(BIN),
        args.join(" ")
    ));
    Tmux::start(label, 100, 30, &argv)
}
