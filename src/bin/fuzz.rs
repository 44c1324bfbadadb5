//! The fuzz harness's command line: `cargo run --release --bin fuzz -- --minutes 30`.
//! See `k8s_course::fuzz` and the README's "Fuzzing" section.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use k8s_course::fuzz::seeds::Seeds;
use k8s_course::fuzz::supervise::{self, Plan};

const USAGE: &str = "usage: fuzz [--seed N] [--inputs N] [--minutes M] [--out DIR] [--root DIR]
            [--deadline SECONDS] [--memory MB]
       fuzz --replay DIR --scratch DIR   (DIR: a saved failure; scratch: an empty folder)

Mutates the built-in course, tests/fixtures, progress files, presenter lines and configs, and
runs each input through the loader, check/list/show, the renderer, the player's screen, the
progress store and the protocol. Fails on a panic, an abort, a hang, memory over the limit, a
raw control byte in any output, or data that changes on a round trip. Failing inputs are saved
minimized under --out (default fuzz-failures/); --replay runs one again.
Defaults: --seed 1, 10 minutes, deadline 10 s per input, memory 4096 MB.";

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("fuzz: {e}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn run(args: Vec<String>) -> Result<ExitCode, String> {
    let mut plan = Plan {
        seed: 1,
        inputs: None,
        minutes: None,
        root: PathBuf::from(env!("CARGO_MANIFEST_DIR")),
        out: PathBuf::from("fuzz-failures"),
        deadline: Duration::from_secs(10),
        memory: 4096 * 1024 * 1024,
    };
    let (mut worker, mut replay, mut from, mut scratch) = (false, None, 0u64, None);
    let mut it = args.into_iter();
    while let Some(arg) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{arg} needs a value"));
        let number = |v: String| v.parse::<u64>().map_err(|_| format!("'{v}' is not a whole number"));
        match arg.as_str() {
            "--seed" => plan.seed = number(value()?)?,
            "--inputs" => plan.inputs = Some(number(value()?)?),
            "--minutes" => {
                let v = value()?;
                let m: f64 = v.parse().map_err(|_| format!("'{v}' is not a number of minutes"))?;
                if !(m > 0.0 && m < 100_000.0) {
                    return Err(format!("--minutes {v}: give a positive number"));
                }
                plan.minutes = Some(m);
            }
            "--out" => plan.out = PathBuf::from(value()?),
            "--root" => plan.root = PathBuf::from(value()?),
            "--deadline" => plan.deadline = Duration::from_secs(number(value()?)?.max(1)),
            "--memory" => plan.memory = number(value()?)?,
            "--replay" => replay = Some(PathBuf::from(value()?)),
            "--worker" => worker = true,
            "--from" => from = number(value()?)?,
            "--scratch" => scratch = Some(PathBuf::from(value()?)),
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            other => return Err(format!("unknown argument '{other}'")),
        }
    }
    // `--memory` is in MB on the command line, in bytes between supervisor and worker.
    if !worker && replay.is_none() && plan.memory < 1024 * 1024 {
        plan.memory *= 1024 * 1024;
    }
    if worker || replay.is_some() {
        supervise::limit_memory(plan.memory);
        let scratch = scratch.ok_or("--scratch is required here")?;
        std::fs::create_dir_all(&scratch).map_err(|e| format!("{}: {e}", scratch.display()))?;
        if let Some(dir) = replay {
            return Ok(match supervise::replay(&dir, &scratch) {
                Ok(()) => {
                    println!("passes: {}", dir.display());
                    ExitCode::SUCCESS
                }
                Err(why) => {
                    println!("fails: {why}");
                    ExitCode::from(1)
                }
            });
        }
        let seeds =
            Seeds::load(&plan.root).map_err(|e| format!("reading the seeds under {}: {e}", plan.root.display()))?;
        supervise::worker(&seeds, plan.seed, from, plan.inputs, &scratch).map_err(|e| e.to_string())?;
        return Ok(ExitCode::SUCCESS);
    }
    if plan.inputs.is_none() && plan.minutes.is_none() {
        plan.minutes = Some(10.0);
    }
    let seeds = Seeds::load(&plan.root).map_err(|e| format!("reading the seeds under {}: {e}", plan.root.display()))?;
    let exe = std::env::current_exe().map_err(|e| format!("cannot find this program: {e}"))?;
    let summary = supervise::supervise(&exe, &plan, &seeds).map_err(|e| e.to_string())?;
    let [lesson, progress, protocol, config] = summary.per_target;
    println!(
        "fuzz: seed {}: {} inputs (lesson {lesson}, progress {progress}, protocol {protocol}, config {config}) in {:.1} s, {} failures",
        plan.seed,
        summary.inputs,
        summary.elapsed.as_secs_f64(),
        summary.failures.len()
    );
    for f in &summary.failures {
        let saved = f
            .saved
            .as_ref()
            .map_or("(not saved)".to_string(), |p| p.display().to_string());
        println!("FAIL input {}: {}\n  saved: {saved}", f.index, f.reason);
    }
    Ok(if summary.failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
