//! Startup and memory of the real player in a pseudo-terminal: `cargo bench --bench startup`.
//!
//! A plain program (`harness = false`, no criterion): each sample is a real process start.
//!
//! - `startup_WxH`: time from `posix_spawn` to the end of the player's first frame, in a pty of
//!   W x H cells, beside a hello-world binary (built with `rustc -O` at the start) measured the
//!   same way until its `hello` arrives. The two are run alternately, [`RUNS`] times each; the
//!   report gives the median of each and the difference of the medians (the budget: 10 ms over
//!   hello-world). Besides the wall time, each sample records the main thread's time on a CPU and
//!   its time waiting for one (`/proc/PID/task/PID/schedstat`), so load from other programs on
//!   the machine shows up as waiting instead of passing for the player's own cost.
//! - `startup_fifo_WxH`: the same with both programs started under `SCHED_FIFO` (priority 1), so
//!   ordinary load on the machine cannot delay them; what is left is their own cost. Needs root
//!   or `CAP_SYS_NICE`; skipped (and said so) without.
//! - `memory`: the player shows its first slide, steps through every slide with `space` (waiting
//!   for each frame), settles (syntect is loaded in the background by then), then quits with
//!   `:q` + Enter. Its peak resident set is read from `/proc/PID/status` (`VmHWM`) just before
//!   quitting and from `wait4`'s `ru_maxrss` after it exits (the budget: under 15 MB).
//!
//! Each start gets a new pty (`openpty`, fixed size), opened as fd 0/1/2 and controlling terminal
//! of a new session, `TERM=xterm-256color`, `LANG=C.UTF-8`, an empty `K8S_COURSE_CONFIG_DIR` and
//! a new empty `K8S_COURSE_DATA_DIR` (no saved progress, so the player opens on the first slide).
//!
//! The end of a frame: ratatui's crossterm backend ends every `Terminal::draw` by resetting
//! colours and attributes ([`FRAME_END`]), and the player writes nothing like it before its first
//! frame, so the first frame is complete when the first `FRAME_END` arrives. The bench then checks
//! that the output up to there holds the pane title of the first slide (`slide(title)[1/14]`) and
//! draws the crumb bar (the last row with text) starting with the lesson id, so a frame that is
//! not the player's first slide fails the run instead of being timed.
//!
//! - `startup_lessons_WxH`: the first frame of a course folder of 1 lesson and of 100 (copies of
//!   the built-in week), beside hello-world, alternately; the ratio of their costs over
//!   hello-world (the budget: 100 lessons within 2x of one).
//!
//! - `startup_against`: with `STARTUP_AGAINST=PATH` (another build of the player, say the tree
//!   before a change) and the filter `against`, only this: hello-world, that build and this one
//!   in turn, at each size, and each one's median over hello-world from the same run; then again
//!   under `SCHED_FIFO` when permitted (`startup_against_fifo`).
//!
//! `cargo bench --bench startup -- FILTER` runs the parts whose name contains FILTER (`startup`,
//! `fifo`, `lessons`, `memory`). Budgets and results: BENCHMARKS.md.

use std::cell::Cell;
use std::ffi::{CStr, CString, OsString};
use std::fs::File;
use std::io::{ErrorKind, Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use k8s_course::content::{CourseSource, SlideIndex, load_course};

/// Process starts per program, size and scheduling policy.
const RUNS: usize = 50;
/// Unmeasured starts of each program first, so both run from a warm page cache.
const WARM_UP_RUNS: usize = 5;
/// Player tours for the memory measurement.
const MEMORY_RUNS: usize = 5;
/// Terminal sizes the startup is measured at (columns, rows).
const SIZES: [(u16, u16); 2] = [(200, 60), (80, 24)];
/// Budgets from the issue.
const STARTUP_BUDGET_MS: f64 = 10.0;
const MEMORY_BUDGET_MB: f64 = 15.0;
/// How long the player must be quiet before its memory is read.
const SETTLE: Duration = Duration::from_millis(500);
/// How long any one wait may take before the run is declared broken.
const TIMEOUT: Duration = Duration::from_secs(10);
/// What ratatui's crossterm backend writes at the end of every draw: fg, bg, underline colour
/// and attributes reset.
const FRAME_END: &[u8] = b"\x1b[39m\x1b[49m\x1b[59m\x1b[0m";

/// The release binary cargo built for this bench.
const PLAYER: &str = env!("CARGO_BIN_EXE_k8s-course");

/// How the programs measured are scheduled.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Policy {
    /// As the bench itself is (normally `SCHED_OTHER`, nice 0).
    Inherit,
    /// `SCHED_FIFO` priority 1: ahead of every ordinary process.
    Fifo,
}

/// What the first frame must show, taken from the built-in course.
struct Expect {
    /// The pane title of the first slide: `slide(title)[1/14]`.
    pane_title: String,
    /// The lesson id, the first crumb of the bottom bar.
    crumb: String,
    /// Slides in the lesson.
    slides: usize,
}

impl Expect {
    fn builtin() -> Self {
        let course = load_course(&CourseSource::BuiltIn)
            .course
            .expect("the built-in course loads");
        let lesson = &course.lessons[0];
        let slides = lesson.slide_count();
        Expect {
            pane_title: format!("slide({})[1/{slides}]", lesson.id_of(SlideIndex(0))),
            crumb: lesson.id.clone(),
            slides,
        }
    }
}

/// A program running in a pty of its own.
struct Running {
    pid: libc::pid_t,
    master: File,
    /// Everything the program wrote so far.
    output: Vec<u8>,
    /// When `posix_spawn` was called.
    start: Instant,
    /// Set once the program's side of the pty is closed (it exited).
    closed: bool,
}

/// One process start.
#[derive(Clone, Copy)]
struct Sample {
    /// From `posix_spawn` to the marker (`hello`, or the end of the first frame).
    wall: Duration,
    /// The main thread's time on a CPU until then (`/proc/PID/task/PID/schedstat`, field 1).
    cpu: Duration,
    /// Its time runnable but waiting for a CPU (field 2): what other load on the machine cost.
    wait: Duration,
}

/// Panics with the OS error unless `rc` is 0 (libc calls that return -1 and set errno).
fn check(rc: libc::c_int, what: &str) {
    assert!(rc == 0, "{what}: {}", std::io::Error::last_os_error());
}

/// Panics unless `rc` is 0 (posix_spawn calls, which return the error number).
fn check_spawn(rc: libc::c_int, what: &str) {
    assert!(rc == 0, "{what}: {}", std::io::Error::from_raw_os_error(rc));
}

fn cstring(s: impl Into<Vec<u8>>) -> CString {
    CString::new(s).expect("no NUL in arguments or environment")
}

impl Running {
    /// Starts `program` with `env` in a new pty of `cols` x `rows`. `Err` is the error number
    /// when `posix_spawn` refuses (EPERM for `SCHED_FIFO` without the right to it).
    ///
    /// `posix_spawn` (vfork-like), not `fork`: on this VM a `fork`-based start costs over a
    /// millisecond more (several under load), noise in the difference being measured. The child
    /// gets a session of its own (`POSIX_SPAWN_SETSID`) and then opens the pty's program end as
    /// fd 0 without `O_NOCTTY`, which makes the pty its controlling terminal (`/dev/tty`), as in a
    /// terminal emulator; fds 1 and 2 are copies of it.
    fn spawn(
        program: &Path,
        args: &[OsString],
        env: &[(&str, OsString)],
        (cols, rows): (u16, u16),
        policy: Policy,
    ) -> Result<Running, i32> {
        let (mut master, mut slave) = (-1, -1);
        let size = libc::winsize {
            ws_row: rows,
            ws_col: cols,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        // SAFETY: out-pointers to two ints; no name buffer, default termios, a valid winsize.
        let rc = unsafe { libc::openpty(&mut master, &mut slave, std::ptr::null_mut(), std::ptr::null(), &size) };
        check(rc, "openpty");
        // SAFETY: openpty returned two new descriptors that nothing else owns.
        let (master, slave) = unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
        for fd in [&master, &slave] {
            // SAFETY: fcntl on a descriptor we own; the child must inherit neither.
            let rc = unsafe { libc::fcntl(fd.as_raw_fd(), libc::F_SETFD, libc::FD_CLOEXEC) };
            check(rc, "fcntl");
        }
        let mut name = [0 as libc::c_char; 128];
        // SAFETY: a buffer of the given length.
        let rc = unsafe { libc::ptsname_r(master.as_raw_fd(), name.as_mut_ptr(), name.len()) };
        check_spawn(rc, "ptsname_r");
        // SAFETY: ptsname_r wrote a NUL-terminated path into `name`.
        let tty = unsafe { CStr::from_ptr(name.as_ptr()) }.to_owned();

        let path = cstring(program.as_os_str().as_bytes());
        let args: Vec<CString> = args.iter().map(|a| cstring(a.as_bytes())).collect();
        let argv: Vec<*const libc::c_char> = std::iter::once(path.as_ptr())
            .chain(args.iter().map(|a| a.as_ptr()))
            .chain(std::iter::once(std::ptr::null()))
            .collect();
        let mut vars: Vec<(OsString, OsString)> = vec![
            ("PATH".into(), std::env::var_os("PATH").unwrap_or_default()),
            ("HOME".into(), std::env::var_os("HOME").unwrap_or_default()),
            ("USER".into(), "learner".into()),
            ("TERM".into(), "xterm-256color".into()),
            ("LANG".into(), "C.UTF-8".into()),
        ];
        vars.extend(env.iter().map(|(k, v)| (OsString::from(k), v.clone())));
        let envs: Vec<CString> = vars
            .iter()
            .map(|(k, v)| cstring([k.as_bytes(), b"=", v.as_bytes()].concat()))
            .collect();
        let mut envp: Vec<*const libc::c_char> = envs.iter().map(|e| e.as_ptr()).collect();
        envp.push(std::ptr::null());

        let mut pid: libc::pid_t = 0;
        let start;
        let rc;
        // SAFETY: the file actions and attributes are initialised before use and destroyed after;
        // argv and envp are NULL-terminated arrays of C strings that outlive the call.
        unsafe {
            let mut actions: libc::posix_spawn_file_actions_t = std::mem::zeroed();
            let mut attr: libc::posix_spawnattr_t = std::mem::zeroed();
            check_spawn(libc::posix_spawn_file_actions_init(&mut actions), "file actions");
            check_spawn(libc::posix_spawnattr_init(&mut attr), "spawn attributes");
            check_spawn(
                libc::posix_spawn_file_actions_addopen(&mut actions, 0, tty.as_ptr(), libc::O_RDWR, 0),
                "open the pty",
            );
            check_spawn(libc::posix_spawn_file_actions_adddup2(&mut actions, 0, 1), "dup2");
            check_spawn(libc::posix_spawn_file_actions_adddup2(&mut actions, 0, 2), "dup2");
            let mut flags = libc::POSIX_SPAWN_SETSID;
            if policy == Policy::Fifo {
                flags |= libc::POSIX_SPAWN_SETSCHEDULER as libc::c_short;
                check_spawn(
                    libc::posix_spawnattr_setschedpolicy(&mut attr, libc::SCHED_FIFO),
                    "policy",
                );
                let param = libc::sched_param { sched_priority: 1 };
                check_spawn(libc::posix_spawnattr_setschedparam(&mut attr, &param), "priority");
            }
            check_spawn(libc::posix_spawnattr_setflags(&mut attr, flags), "flags");
            start = Instant::now();
            rc = libc::posix_spawn(
                &mut pid,
                path.as_ptr(),
                &actions,
                &attr,
                argv.as_ptr() as *const *mut libc::c_char,
                envp.as_ptr() as *const *mut libc::c_char,
            );
            libc::posix_spawn_file_actions_destroy(&mut actions);
            libc::posix_spawnattr_destroy(&mut attr);
        }
        if rc != 0 {
            return Err(rc);
        }
        // The child has its own copy now (posix_spawn returns after the exec). Close ours, so
        // reading the master ends when the program exits.
        drop(slave);
        Ok(Running {
            pid,
            master: File::from(master),
            output: Vec::new(),
            start,
            closed: false,
        })
    }

    /// Reads whatever is ready within `timeout`; false when nothing came.
    fn read_some(&mut self, timeout: Duration) -> bool {
        if self.closed {
            return false;
        }
        let mut pfd = libc::pollfd {
            fd: self.master.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        let ms = timeout.as_millis().min(i32::MAX as u128) as i32;
        // SAFETY: one valid pollfd.
        let n = unsafe { libc::poll(&mut pfd, 1, ms) };
        if n < 0 {
            let e = std::io::Error::last_os_error();
            assert!(e.kind() == ErrorKind::Interrupted, "poll: {e}");
            return false;
        }
        if n == 0 {
            return false;
        }
        let mut buf = [0u8; 65536];
        match self.master.read(&mut buf) {
            Ok(0) => {
                self.closed = true;
                false
            }
            Ok(n) => {
                self.output.extend_from_slice(&buf[..n]);
                true
            }
            // EIO: the last descriptor of the program's end was closed.
            Err(e) if e.raw_os_error() == Some(libc::EIO) => {
                self.closed = true;
                false
            }
            Err(e) if e.kind() == ErrorKind::Interrupted => false,
            Err(e) => panic!("reading the pty: {e}"),
        }
    }

    /// Reads until `done(output)` holds; returns the time from spawn to then.
    fn read_until(&mut self, what: &str, done: impl Fn(&[u8]) -> bool) -> Duration {
        let deadline = Instant::now() + TIMEOUT;
        while !done(&self.output) {
            let now = Instant::now();
            if now >= deadline || self.closed {
                let shown = strip_escapes(&self.output);
                self.kill();
                panic!(
                    "no {what} within {TIMEOUT:?} (program closed: {}); output:\n{shown}",
                    self.closed
                );
            }
            self.read_some(deadline - now);
        }
        self.start.elapsed()
    }

    /// Reads until nothing has come for `quiet`.
    fn settle(&mut self, quiet: Duration) {
        let deadline = Instant::now() + TIMEOUT;
        while self.read_some(quiet) {
            assert!(Instant::now() < deadline, "the program kept writing for {TIMEOUT:?}");
        }
    }

    fn write(&mut self, bytes: &[u8]) {
        self.master.write_all(bytes).expect("writing to the pty");
    }

    fn kill(&mut self) {
        // SAFETY: a signal to our own child, not yet reaped.
        unsafe { libc::kill(self.pid, libc::SIGTERM) };
    }

    /// The main thread's (on-CPU, waiting-for-a-CPU) times so far. Readable until the process is
    /// reaped, so also right after it exits.
    fn schedstat(&self) -> (Duration, Duration) {
        let path = format!("/proc/{0}/task/{0}/schedstat", self.pid);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let mut fields = text
            .split_whitespace()
            .map(|f| f.parse::<u64>().expect("a number of ns"));
        let mut next = || Duration::from_nanos(fields.next().expect("schedstat has 3 fields"));
        (next(), next())
    }

    /// A sample taken now: `wall` and the scheduler's times.
    fn sample(&self, wall: Duration) -> Sample {
        let (cpu, wait) = self.schedstat();
        Sample { wall, cpu, wait }
    }

    /// Reads until the program's end of the pty closes, then reaps it: (wait status, ru_maxrss
    /// in KiB).
    fn finish(mut self) -> (i32, i64) {
        let deadline = Instant::now() + TIMEOUT;
        while !self.closed {
            if Instant::now() >= deadline {
                self.kill();
                panic!("the program did not exit within {TIMEOUT:?}");
            }
            self.read_some(Duration::from_millis(100));
        }
        let mut status = 0;
        // SAFETY: a zeroed rusage is a valid value.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        // SAFETY: wait4 on our own child, with valid out-pointers.
        let pid = unsafe { libc::wait4(self.pid, &mut status, 0, &mut usage) };
        assert!(pid == self.pid, "wait4: {}", std::io::Error::last_os_error());
        (status, usage.ru_maxrss)
    }
}

/// Output with CSI and other escape sequences removed, as text.
fn strip_escapes(bytes: &[u8]) -> String {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == 0x1b {
            if bytes.get(i + 1) == Some(&b'[') {
                i += 2;
                while i < bytes.len() && !(0x40..=0x7e).contains(&bytes[i]) {
                    i += 1;
                }
            } else {
                i += 1;
            }
            i += 1;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack.windows(needle.len()).filter(|w| *w == needle).count()
}

/// Temp dirs and the hello-world binary, alive for the whole run.
struct Setup {
    dir: tempfile::TempDir,
    hello: PathBuf,
    expect: Expect,
    /// Data dirs handed out so far.
    runs: Cell<usize>,
}

impl Setup {
    fn new() -> Setup {
        let dir = tempfile::tempdir().expect("temp dir");
        let source = dir.path().join("hello.rs");
        std::fs::write(&source, "fn main() {\n    println!(\"hello\");\n}\n").expect("write hello.rs");
        let hello = dir.path().join("hello");
        let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
        let status = Command::new(rustc)
            .args(["-O", "--edition", "2024", "-o"])
            .arg(&hello)
            .arg(&source)
            .status()
            .expect("run rustc");
        assert!(status.success(), "rustc could not build hello.rs");
        std::fs::create_dir(dir.path().join("config")).expect("config dir");
        Setup {
            dir,
            hello,
            expect: Expect::builtin(),
            runs: Cell::new(0),
        }
    }

    /// The player's environment for one start: the shared empty config dir and a new data dir.
    fn env(&self) -> Vec<(&'static str, OsString)> {
        let n = self.runs.get() + 1;
        self.runs.set(n);
        let data = self.dir.path().join(format!("data-{n}"));
        std::fs::create_dir(&data).expect("data dir");
        vec![
            ("K8S_COURSE_DATA_DIR", data.into_os_string()),
            ("K8S_COURSE_CONFIG_DIR", self.dir.path().join("config").into_os_string()),
        ]
    }

    fn spawn(&self, program: &Path, args: &[OsString], size: (u16, u16), policy: Policy) -> Running {
        Running::spawn(program, args, &self.env(), size, policy).unwrap_or_else(|e| {
            panic!(
                "cannot start {}: {}",
                program.display(),
                std::io::Error::from_raw_os_error(e)
            )
        })
    }

    /// Whether programs can be started under `SCHED_FIFO` here.
    fn fifo_allowed(&self) -> bool {
        match Running::spawn(&self.hello, &[], &self.env(), SIZES[0], Policy::Fifo) {
            Ok(run) => {
                run.finish();
                true
            }
            Err(_) => false,
        }
    }

    /// One start of hello-world, until `hello` arrives.
    fn hello_once(&self, size: (u16, u16), policy: Policy) -> Sample {
        let mut run = self.spawn(&self.hello, &[], size, policy);
        let t = run.read_until("`hello`", |out| find(out, b"hello").is_some());
        let sample = run.sample(t);
        let (status, _) = run.finish();
        assert!(status == 0, "hello exited with status {status}");
        sample
    }

    /// One start of the player, until its first frame is complete; then SIGTERM.
    fn player_once(&self, size: (u16, u16), policy: Policy) -> Sample {
        self.player_on(&[], &self.expect, size, policy)
    }

    /// One start of the player with `args` (a `--course`), checked against `expect`.
    fn player_on(&self, args: &[OsString], expect: &Expect, size: (u16, u16), policy: Policy) -> Sample {
        self.program_on(Path::new(PLAYER), args, expect, size, policy)
    }

    /// One start of `program` (this player or another build of it) until its first frame.
    fn program_on(
        &self,
        program: &Path,
        args: &[OsString],
        expect: &Expect,
        size: (u16, u16),
        policy: Policy,
    ) -> Sample {
        let mut run = self.spawn(program, args, size, policy);
        let t = run.read_until("first frame", |out| find(out, FRAME_END).is_some());
        let sample = run.sample(t);
        check_first_frame(expect, &run.output, size);
        run.kill();
        run.finish();
        sample
    }

    /// [`check_first_frame`] against the built-in course.
    fn check_first_frame(&self, output: &[u8], size: (u16, u16)) {
        check_first_frame(&self.expect, output, size);
    }

    /// The memory tour: every slide, then `:q`. Returns (VmHWM before quitting, VmRSS then,
    /// ru_maxrss after exit), in KiB.
    fn memory_once(&self, size: (u16, u16)) -> (u64, u64, u64) {
        let mut run = self.spawn(Path::new(PLAYER), &[], size, Policy::Inherit);
        run.read_until("first frame", |out| find(out, FRAME_END).is_some());
        self.check_first_frame(&run.output, size);
        for frames in 2..=self.expect.slides {
            run.write(b" ");
            run.read_until("a frame after space", |out| count(out, FRAME_END) >= frames);
        }
        // The player also redraws once syntect is loaded in the background (code turns from plain
        // to colour), which the count above may have taken for a key's frame: wait until it has
        // been quiet for a while, so every key has been drawn and syntect is in memory.
        run.settle(SETTLE);
        let path = format!("/proc/{}/status", run.pid);
        let status = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let field = |name: &str| -> u64 {
            let line = status
                .lines()
                .find(|l| l.starts_with(name))
                .unwrap_or_else(|| panic!("no {name} in {path}"));
            line[name.len()..]
                .trim()
                .trim_end_matches("kB")
                .trim()
                .parse()
                .expect("a number of kB")
        };
        let (hwm, rss, threads) = (field("VmHWM:"), field("VmRSS:"), field("Threads:"));
        let frames = count(&run.output, FRAME_END);
        print!("frames {frames}, threads {threads}: ");
        run.write(b":q\r");
        let (code, maxrss) = run.finish();
        assert!(code == 0, "the player exited with wait status {code} after :q");
        (hwm, rss, maxrss as u64)
    }
}

/// Panics unless the output up to the first frame's end shows the first slide's pane title
/// and, on the second-to-last row, the crumb bar starting with the lesson id (cut to fit on
/// narrow screens, so only its start is looked for).
fn check_first_frame(e: &Expect, output: &[u8], (cols, rows): (u16, u16)) {
    let end = find(output, FRAME_END).expect("a frame end");
    let frame = &output[..end];
    let text = strip_escapes(frame);
    let crumb: String = e.crumb.chars().take(12).collect();
    assert!(
        text.contains(&e.pane_title),
        "{cols}x{rows}: the first frame lacks `{}`:\n{text}",
        e.pane_title
    );
    let crumb_row = format!("\x1b[{};1H", rows - 1);
    let at = find(frame, crumb_row.as_bytes())
        .unwrap_or_else(|| panic!("{cols}x{rows}: the first frame does not draw the crumb row:\n{text}"));
    assert!(
        strip_escapes(&frame[at..]).starts_with(&format!(" {crumb}")),
        "{cols}x{rows}: the crumb row does not start with `{crumb}`:\n{text}"
    );
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    let n = xs.len();
    if n % 2 == 1 {
        xs[n / 2]
    } else {
        (xs[n / 2 - 1] + xs[n / 2]) / 2.0
    }
}

fn percentile(mut xs: Vec<f64>, p: f64) -> f64 {
    xs.sort_by(f64::total_cmp);
    let i = ((xs.len() - 1) as f64 * p).round() as usize;
    xs[i]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Prints one line of statistics (ms) and returns the median.
fn summary(name: &str, what: &str, xs: &[f64]) -> f64 {
    let m = median(xs.to_vec());
    println!(
        "{name:<31} {what:<4} median {m:7.3} ms   min {:7.3}   p90 {:7.3}   max {:7.3}   n={}",
        percentile(xs.to_vec(), 0.0),
        percentile(xs.to_vec(), 0.9),
        percentile(xs.to_vec(), 1.0),
        xs.len()
    );
    m
}

/// Prints wall, CPU and wait statistics of `samples`; returns the medians of wall and CPU.
fn report(name: &str, samples: &[Sample]) -> (f64, f64) {
    let pick = |f: fn(&Sample) -> Duration| samples.iter().map(|s| ms(f(s))).collect::<Vec<_>>();
    let wall = summary(name, "wall", &pick(|s| s.wall));
    let cpu = summary(name, "cpu", &pick(|s| s.cpu));
    summary(name, "wait", &pick(|s| s.wait));
    (wall, cpu)
}

fn startup(setup: &Setup, policy: Policy) {
    let prefix = match policy {
        Policy::Inherit => "startup",
        Policy::Fifo => "startup_fifo",
    };
    for size in SIZES {
        let (cols, rows) = size;
        for _ in 0..WARM_UP_RUNS {
            setup.hello_once(size, policy);
            setup.player_once(size, policy);
        }
        let (mut hello, mut player) = (Vec::new(), Vec::new());
        for _ in 0..RUNS {
            hello.push(setup.hello_once(size, policy));
            player.push(setup.player_once(size, policy));
        }
        let name = format!("{prefix}_{cols}x{rows}");
        let (hello_wall, hello_cpu) = report(&format!("{name}/hello"), &hello);
        let (player_wall, player_cpu) = report(&format!("{name}/k8s-course"), &player);
        let verdict = |over: f64| if over < STARTUP_BUDGET_MS { "yes" } else { "NO" };
        let over = player_wall - hello_wall;
        println!(
            "{:<31} wall median {over:7.3} ms   within the {STARTUP_BUDGET_MS} ms budget: {}",
            format!("{name}/over_hello"),
            verdict(over)
        );
        let over = player_cpu - hello_cpu;
        println!("{:<31} cpu  median {over:7.3} ms", format!("{name}/over_hello"));
    }
}

/// A course folder of `n` copies of the built-in lesson, `week000`.., and its first frame.
fn course_of(setup: &Setup, n: usize) -> (PathBuf, Expect) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("course/week07-docker-kubernetes");
    let dir = setup.dir.path().join(format!("course-{n}"));
    let mut yaml = String::from("id: many\ntitle: 많은 주차\nlessons:\n");
    for i in 0..n {
        let name = format!("week{i:03}");
        yaml.push_str(&format!("  - {name}\n"));
        std::fs::create_dir_all(dir.join(&name)).expect("lesson folder");
        for f in ["post.md", "script.txt", "lesson.yaml"] {
            std::fs::copy(src.join(f), dir.join(&name).join(f)).expect("copy a lesson file");
        }
    }
    std::fs::write(dir.join("course.yaml"), yaml).expect("course.yaml");
    let builtin = Expect::builtin();
    let expect = Expect {
        crumb: "week000".into(),
        ..builtin
    };
    (dir, expect)
}

/// `startup_lessons`: the first frame of a course of 1 lesson and of 100 (each a copy of the
/// built-in week), beside hello-world, alternately. The issue's budget: 100 lessons within 2x of
/// one over the hello-world floor.
fn lessons(setup: &Setup) {
    let size = SIZES[0];
    let courses: Vec<(usize, Vec<OsString>, Expect)> = [1, 100]
        .into_iter()
        .map(|n| {
            let (dir, expect) = course_of(setup, n);
            (n, vec!["--course".into(), dir.into_os_string()], expect)
        })
        .collect();
    for _ in 0..WARM_UP_RUNS {
        setup.hello_once(size, Policy::Inherit);
        for (_, args, expect) in &courses {
            setup.player_on(args, expect, size, Policy::Inherit);
        }
    }
    let mut hello = Vec::new();
    let mut players: Vec<Vec<Sample>> = vec![Vec::new(); courses.len()];
    for _ in 0..RUNS {
        hello.push(setup.hello_once(size, Policy::Inherit));
        for (samples, (_, args, expect)) in players.iter_mut().zip(&courses) {
            samples.push(setup.player_on(args, expect, size, Policy::Inherit));
        }
    }
    let (cols, rows) = size;
    let (hello_wall, _) = report(&format!("startup_lessons_{cols}x{rows}/hello"), &hello);
    let over: Vec<f64> = courses
        .iter()
        .zip(&players)
        .map(|((n, _, _), samples)| {
            let (wall, _) = report(&format!("startup_lessons_{cols}x{rows}/{n}"), samples);
            wall - hello_wall
        })
        .collect();
    let ratio = over[1] / over[0];
    println!(
        "startup_lessons_{cols}x{rows}/ratio       over hello: 1 lesson {:.3} ms, 100 lessons {:.3} ms, ratio {ratio:.2}   within 2x: {}",
        over[0],
        over[1],
        if ratio <= 2.0 { "yes" } else { "NO" }
    );
}

/// `startup_against`: this player beside another build of it (`STARTUP_AGAINST=PATH`, say the
/// tree before a change), and hello-world, in turn, at each size: the medians over hello-world of
/// both from the same run, so load on the machine falls on both alike. Then the same under
/// `SCHED_FIFO` when it is permitted.
fn against(setup: &Setup, other: &Path) {
    let fifo = setup.fifo_allowed();
    for policy in [Policy::Inherit, Policy::Fifo] {
        if policy == Policy::Fifo && !fifo {
            println!("startup_against_fifo: skipped, SCHED_FIFO is not permitted (needs root or CAP_SYS_NICE)");
            continue;
        }
        for size in SIZES {
            against_at(setup, other, size, policy);
        }
    }
}

fn against_at(setup: &Setup, other: &Path, size: (u16, u16), policy: Policy) {
    let (cols, rows) = size;
    let programs = [other, Path::new(PLAYER)];
    for _ in 0..WARM_UP_RUNS {
        setup.hello_once(size, policy);
        for p in programs {
            setup.program_on(p, &[], &setup.expect, size, policy);
        }
    }
    let mut hello = Vec::new();
    let mut players: [Vec<Sample>; 2] = [Vec::new(), Vec::new()];
    for _ in 0..RUNS {
        hello.push(setup.hello_once(size, policy));
        for (samples, p) in players.iter_mut().zip(programs) {
            samples.push(setup.program_on(p, &[], &setup.expect, size, policy));
        }
    }
    let prefix = match policy {
        Policy::Inherit => "startup_against",
        Policy::Fifo => "startup_against_fifo",
    };
    let name = format!("{prefix}_{cols}x{rows}");
    let (hello_wall, hello_cpu) = report(&format!("{name}/hello"), &hello);
    let (other_wall, other_cpu) = report(&format!("{name}/other"), &players[0]);
    let (this_wall, this_cpu) = report(&format!("{name}/this"), &players[1]);
    println!(
        "{:<31} over hello, wall: other {:.3} ms, this {:.3} ms; cpu: other {:.3} ms, this {:.3} ms",
        format!("{name}/over_hello"),
        other_wall - hello_wall,
        this_wall - hello_wall,
        other_cpu - hello_cpu,
        this_cpu - hello_cpu
    );
}

fn memory(setup: &Setup) {
    let size = SIZES[0];
    let (mut hwm, mut maxrss) = (Vec::new(), Vec::new());
    for run in 0..MEMORY_RUNS {
        let (h, rss, max) = setup.memory_once(size);
        println!(
            "memory run {}: VmHWM {h} KiB, VmRSS {rss} KiB before :q; ru_maxrss {max} KiB after exit",
            run + 1
        );
        hwm.push(h as f64);
        maxrss.push(max as f64);
    }
    let mb = |kib: f64| kib * 1024.0 / 1e6;
    let worst = percentile(hwm.clone(), 1.0).max(percentile(maxrss.clone(), 1.0));
    println!(
        "memory_{}x{}/k8s-course  median VmHWM {:.2} MB ({:.0} KiB), median ru_maxrss {:.2} MB, max {:.2} MB   within the {MEMORY_BUDGET_MB} MB budget: {}",
        size.0,
        size.1,
        mb(median(hwm.clone())),
        median(hwm),
        mb(median(maxrss)),
        mb(worst),
        if mb(worst) < MEMORY_BUDGET_MB { "yes" } else { "NO" }
    );
}

fn main() {
    let filters: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with('-')).collect();
    let wanted = |name: &str| filters.is_empty() || filters.iter().any(|f| name.contains(f.as_str()));
    let player_dir = Path::new(PLAYER).parent().and_then(Path::file_name);
    assert!(
        player_dir == Some("release".as_ref()),
        "{PLAYER} is not a release build"
    );
    let other = std::env::var_os("STARTUP_AGAINST").map(PathBuf::from);
    let compare = other.is_some() && filters.iter().any(|f| "startup_against".contains(f.as_str()));
    let parts = ["startup", "startup_fifo", "startup_lessons", "memory"];
    if !compare && !parts.iter().any(|n| wanted(n)) {
        return;
    }
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!("player: {PLAYER}");
    println!("load average at start: {}", load.trim());
    println!("wall: spawn to marker; cpu / wait: the main thread on a CPU / waiting for one, until then");
    let setup = Setup::new();
    if let Some(other) = other.as_deref().filter(|_| compare) {
        against(&setup, other);
        return;
    }
    if wanted("startup") {
        startup(&setup, Policy::Inherit);
    }
    if wanted("startup_lessons") {
        lessons(&setup);
    }
    if wanted("startup_fifo") {
        if setup.fifo_allowed() {
            startup(&setup, Policy::Fifo);
        } else {
            println!("startup_fifo: skipped, SCHED_FIFO is not permitted (needs root or CAP_SYS_NICE)");
        }
    }
    if wanted("memory") {
        memory(&setup);
    }
}
