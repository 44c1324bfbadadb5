//! Running inputs so that nothing can stop the run: a worker process runs them one after another
//! under a memory limit and reports each on stdout; the supervisor restarts it after an abort or a
//! hang, saves the input that did it (minimized) and goes on from the next one.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use super::check::{Scratch, run};
use super::seeds::Seeds;
use super::{Input, Target, generate, load_saved, materialize};

/// A line on stderr every this many inputs, so a long run shows it is alive.
const PROGRESS_EVERY: u64 = 10_000;

/// What the run is asked to do.
#[derive(Debug, Clone)]
pub struct Plan {
    pub seed: u64,
    /// Stop after this many inputs...
    pub inputs: Option<u64>,
    /// ...or after this long, whichever comes first.
    pub minutes: Option<f64>,
    /// The repository, for the seeds.
    pub root: PathBuf,
    /// Where failing inputs are saved.
    pub out: PathBuf,
    /// One input taking longer than this is a hang.
    pub deadline: Duration,
    /// The worker's address-space limit, in bytes.
    pub memory: u64,
}

/// How a run went.
#[derive(Debug, Default)]
pub struct Summary {
    pub inputs: u64,
    pub per_target: [u64; 4],
    pub failures: Vec<Failure>,
    pub elapsed: Duration,
}

/// One failing input: its number, what went wrong, and where it was saved.
#[derive(Debug)]
pub struct Failure {
    pub index: u64,
    pub reason: String,
    pub saved: Option<PathBuf>,
}

fn target_slot(t: Target) -> usize {
    match t {
        Target::Lesson => 0,
        Target::Progress => 1,
        Target::Protocol => 2,
        Target::Config => 3,
    }
}

/// Limits the process's address space, so a runaway allocation aborts this worker instead of
/// taking the machine.
pub fn limit_memory(bytes: u64) {
    let limit = libc::rlimit {
        rlim_cur: bytes as libc::rlim_t,
        rlim_max: bytes as libc::rlim_t,
    };
    // SAFETY: setrlimit(2) reads the struct, which outlives the call.
    unsafe { libc::setrlimit(libc::RLIMIT_AS, &raw const limit) };
}

/// The worker: runs inputs `from..` until `to` (or forever), printing `start N`, then `ok N T` or
/// `fail N reason` for each, T being the target's name.
pub fn worker(seeds: &Seeds, seed: u64, from: u64, to: Option<u64>, scratch_root: &Path) -> std::io::Result<()> {
    let out = std::io::stdout();
    let mut out = out.lock();
    let dirs = ScratchDirs::new(scratch_root);
    quiet_panics();
    let mut index = from;
    while to.is_none_or(|to| index < to) {
        writeln!(out, "start {index}")?;
        out.flush()?;
        let input = generate(seeds, seed, index);
        match run_caught(&input, &dirs) {
            Ok(()) => writeln!(out, "ok {index} {}", input.target.name())?,
            Err(why) => writeln!(out, "fail {index} {}", one_line(&why))?,
        }
        index += 1;
    }
    out.flush()
}

/// Runs one saved input in this process; Err says how it failed.
pub fn replay(dir: &Path, scratch_root: &Path) -> Result<(), String> {
    let input = load_saved(dir).map_err(|e| format!("cannot read the saved input: {e}"))?;
    quiet_panics();
    run_caught(&input, &ScratchDirs::new(scratch_root))
}

struct ScratchDirs {
    input: PathBuf,
    data: PathBuf,
    config: PathBuf,
}

impl ScratchDirs {
    fn new(root: &Path) -> Self {
        let dirs = Self {
            input: root.join("input"),
            data: root.join("data"),
            config: root.join("config"),
        };
        // SAFETY: called once at the start of a single-threaded worker, before any other thread.
        unsafe {
            std::env::set_var(crate::config::DATA_DIR_ENV, &dirs.data);
            std::env::set_var(crate::config::CONFIG_DIR_ENV, &dirs.config);
            std::env::set_var("HOME", root);
            std::env::remove_var("CI");
        }
        dirs
    }
}

fn run_caught(input: &Input, dirs: &ScratchDirs) -> Result<(), String> {
    materialize(input, &dirs.input).map_err(|e| format!("cannot write the input: {e}"))?;
    let scratch = Scratch {
        input: &dirs.input,
        data: &dirs.data,
        config: &dirs.config,
    };
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(input, &scratch))) {
        Ok(result) => result,
        Err(_) => Err(format!("panic: {}", take_panic())),
    }
}

static PANIC: std::sync::Mutex<String> = std::sync::Mutex::new(String::new());

/// Panics are expected findings here: record the message and location instead of printing them.
fn quiet_panics() {
    std::panic::set_hook(Box::new(|info| {
        if let Ok(mut last) = PANIC.lock() {
            *last = info.to_string();
        }
    }));
}

fn take_panic() -> String {
    PANIC.lock().map(|mut p| std::mem::take(&mut *p)).unwrap_or_default()
}

fn one_line(s: &str) -> String {
    s.replace('\n', " ⏎ ").chars().take(500).collect()
}

/// What the worker said about one line.
enum Report {
    Start(u64),
    Ok(u64, Target),
    Fail(u64, String),
}

fn parse_report(line: &str) -> Option<Report> {
    let mut words = line.splitn(3, ' ');
    let (kind, n) = (words.next()?, words.next()?.parse().ok()?);
    let rest = words.next().unwrap_or("");
    match kind {
        "start" => Some(Report::Start(n)),
        "ok" => Some(Report::Ok(n, Target::from_name(rest)?)),
        "fail" => Some(Report::Fail(n, rest.to_string())),
        _ => None,
    }
}

/// The supervisor: runs the plan in worker processes of `exe` and returns the summary.
pub fn supervise(exe: &Path, plan: &Plan, seeds: &Seeds) -> std::io::Result<Summary> {
    let started = Instant::now();
    let stop_at = plan.minutes.map(|m| started + Duration::from_secs_f64(m * 60.0));
    let scratch = ScratchRoot::create()?;
    let mut summary = Summary::default();
    let mut next = 0u64;
    'workers: loop {
        if plan.inputs.is_some_and(|n| next >= n) || stop_at.is_some_and(|t| Instant::now() >= t) {
            break;
        }
        let (mut child, reports) = spawn_worker(exe, plan, next, &scratch.path().join("w"))?;
        let mut current: Option<(u64, Instant)> = None;
        loop {
            if stop_at.is_some_and(|t| Instant::now() >= t) && current.is_none() {
                kill(&mut child);
                break 'workers;
            }
            let wait = match current {
                Some((_, since)) => plan.deadline.saturating_sub(since.elapsed()),
                None => plan.deadline,
            };
            match reports.recv_timeout(wait.max(Duration::from_millis(1))) {
                Ok(Report::Start(n)) => current = Some((n, Instant::now())),
                Ok(Report::Ok(n, target)) => {
                    summary.inputs += 1;
                    summary.per_target[target_slot(target)] += 1;
                    if summary.inputs % PROGRESS_EVERY == 0 {
                        eprintln!(
                            "fuzz: {} inputs, {} failures, {:.0} s",
                            summary.inputs,
                            summary.failures.len(),
                            started.elapsed().as_secs_f64()
                        );
                    }
                    current = None;
                    next = n + 1;
                    if stop_at.is_some_and(|t| Instant::now() >= t) {
                        kill(&mut child);
                        break 'workers;
                    }
                    if plan.inputs.is_some_and(|total| next >= total) {
                        let _ = child.wait();
                        break 'workers;
                    }
                }
                Ok(Report::Fail(n, why)) => {
                    summary.inputs += 1;
                    current = None;
                    next = n + 1;
                    summary.failures.push(record(exe, plan, seeds, n, why, scratch.path()));
                }
                Err(RecvTimeoutError::Timeout) => {
                    let n = current.map_or(next, |(n, _)| n);
                    kill(&mut child);
                    summary.inputs += 1;
                    let why = format!("hang: no result within {} s", plan.deadline.as_secs_f64());
                    summary.failures.push(record(exe, plan, seeds, n, why, scratch.path()));
                    next = n + 1;
                    continue 'workers;
                }
                Err(RecvTimeoutError::Disconnected) => {
                    let status = child.wait()?;
                    if let Some((n, _)) = current {
                        summary.inputs += 1;
                        let why = format!("crash: the worker ended ({status}) while running the input");
                        summary.failures.push(record(exe, plan, seeds, n, why, scratch.path()));
                        next = n + 1;
                    } else if !status.success() {
                        return Err(std::io::Error::other(format!(
                            "the fuzz worker failed to start: {status}"
                        )));
                    }
                    continue 'workers;
                }
            }
        }
    }
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// A private temp dir for the workers' files, removed when the run ends.
struct ScratchRoot(PathBuf);

impl ScratchRoot {
    fn create() -> std::io::Result<Self> {
        use std::os::unix::fs::DirBuilderExt;
        let dir = std::env::temp_dir().join(format!("k8s-course-fuzz-{}", std::process::id()));
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
        std::fs::DirBuilder::new().mode(0o700).create(&dir)?;
        Ok(Self(dir))
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for ScratchRoot {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn spawn_worker(exe: &Path, plan: &Plan, from: u64, scratch: &Path) -> std::io::Result<(Child, Receiver<Report>)> {
    let mut cmd = Command::new(exe);
    cmd.arg("--worker")
        .args(["--seed", &plan.seed.to_string(), "--from", &from.to_string()])
        .arg("--root")
        .arg(&plan.root)
        .arg("--scratch")
        .arg(scratch)
        .args(["--memory", &plan.memory.to_string()]);
    if let Some(n) = plan.inputs {
        cmd.args(["--inputs", &n.to_string()]);
    }
    let mut child = cmd.stdout(Stdio::piped()).stderr(Stdio::null()).spawn()?;
    let stdout = child
        .stdout
        .take()
        .ok_or_else(|| std::io::Error::other("no worker stdout"))?;
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if let Some(report) = parse_report(&line)
                && tx.send(report).is_err()
            {
                break;
            }
        }
    });
    Ok((child, rx))
}

fn kill(child: &mut Child) {
    let _ = child.kill();
    let _ = child.wait();
}

/// Saves input `index`, minimized, and says where.
fn record(exe: &Path, plan: &Plan, seeds: &Seeds, index: u64, reason: String, scratch: &Path) -> Failure {
    let input = generate(seeds, plan.seed, index);
    let minimized = super::minimize::minimize(input, |candidate| fails(exe, plan, candidate, &scratch.join("replay")));
    let dir = plan
        .out
        .join(format!("{}-seed{}-{index}", minimized.target.name(), plan.seed));
    let saved = save(&minimized, &reason, &dir).ok().map(|()| dir);
    Failure { index, reason, saved }
}

fn save(input: &Input, reason: &str, dir: &Path) -> std::io::Result<()> {
    materialize(input, dir)?;
    std::fs::write(dir.join("TARGET"), input.target.name())?;
    std::fs::write(dir.join("REASON"), reason)
}

/// Whether `candidate` still fails, run in a fresh process with the same limits.
fn fails(exe: &Path, plan: &Plan, candidate: &Input, scratch: &Path) -> bool {
    let dir = scratch.join("candidate");
    if materialize(candidate, &dir).is_err() || std::fs::write(dir.join("TARGET"), candidate.target.name()).is_err() {
        return false;
    }
    let child = Command::new(exe)
        .arg("--replay")
        .arg(&dir)
        .arg("--scratch")
        .arg(scratch.join("run"))
        .args(["--memory", &plan.memory.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    let Ok(mut child) = child else { return false };
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return !status.success(),
            Ok(None) if started.elapsed() > plan.deadline => {
                kill(&mut child);
                return true;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(_) => return false,
        }
    }
}
