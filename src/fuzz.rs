//! A fuzz harness that runs on stable Rust: structure-aware mutations of real lessons, progress
//! files and presenter lines, each run through the code a user's input reaches, with every
//! output checked for raw control bytes.
//!
//! Inputs are a pure function of `(seed, index)`, so a failure is replayed from two numbers.
//! Panics are caught here; aborts, runaway memory and hangs are caught by the supervisor in
//! [`supervise`], which runs the inputs in a child process with a memory limit and a deadline.
//! `cargo run --release --bin fuzz -- --help` runs it; `tests/fuzz.rs` runs a bounded count in CI.

pub mod check;
pub mod minimize;
pub mod mutate;
pub mod rng;
pub mod seeds;
pub mod supervise;

use std::path::{Path, PathBuf};

use rng::Rng;
use seeds::Seeds;

/// What an input feeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A course or lesson folder: `course.yaml`, `post.md`, `script.txt`, `lesson.yaml`.
    Lesson,
    /// One learner's progress file.
    Progress,
    /// Bytes a presenter or a follower receives on the socket.
    Protocol,
    /// `config.yaml`.
    Config,
}

impl Target {
    /// The name used on the command line and in saved inputs' `TARGET` file.
    pub fn name(self) -> &'static str {
        match self {
            Target::Lesson => "lesson",
            Target::Progress => "progress",
            Target::Protocol => "protocol",
            Target::Config => "config",
        }
    }

    /// The target called `name`, if any.
    pub fn from_name(name: &str) -> Option<Target> {
        [Target::Lesson, Target::Progress, Target::Protocol, Target::Config]
            .into_iter()
            .find(|t| t.name() == name)
    }
}

/// One generated input: a target and the files it consists of (paths relative to a scratch dir).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub target: Target,
    pub files: Vec<(PathBuf, Vec<u8>)>,
}

/// Largest file an input holds; size-driven slowness is measured by `benches/pathological.rs`.
pub const MAX_INPUT_BYTES: usize = 256 * 1024;

/// Input number `index` of the run seeded `seed`.
pub fn generate(seeds: &Seeds, seed: u64, index: u64) -> Input {
    let mut rng = Rng::new(seed ^ index.wrapping_mul(0x9E37_79B9_7F4A_7C15));
    let target = match rng.below(10) {
        0..=5 => Target::Lesson,
        6 | 7 => Target::Progress,
        8 => Target::Protocol,
        _ => Target::Config,
    };
    let mut files = seeds.pick(target, &mut rng);
    // Mutate one to three of the files, each one to four times.
    let rounds = 1 + rng.below(3);
    for _ in 0..rounds {
        let i = rng.below(files.len());
        let (path, bytes) = &mut files[i];
        let kind = mutate::Kind::of(path);
        for _ in 0..1 + rng.below(4) {
            mutate::mutate(bytes, kind, seeds, &mut rng);
        }
        bytes.truncate(MAX_INPUT_BYTES);
    }
    Input { target, files }
}

/// Writes `input` under `dir` (emptied first).
pub fn materialize(input: &Input, dir: &Path) -> std::io::Result<()> {
    if dir.exists() {
        std::fs::remove_dir_all(dir)?;
    }
    std::fs::create_dir_all(dir)?;
    for (rel, bytes) in &input.files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(path, bytes)?;
    }
    Ok(())
}

/// Reads an input saved by the supervisor (the target's name is in the file `TARGET`, what went
/// wrong in `REASON`).
pub fn load_saved(dir: &Path) -> std::io::Result<Input> {
    let name = std::fs::read_to_string(dir.join("TARGET"))?;
    let target = Target::from_name(name.trim())
        .ok_or_else(|| std::io::Error::other(format!("unknown target '{}'", name.trim())))?;
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.file_name().is_some_and(|n| n != "TARGET" && n != "REASON") {
                let rel = path.strip_prefix(dir).map_err(std::io::Error::other)?.to_path_buf();
                files.push((rel, std::fs::read(&path)?));
            }
        }
    }
    files.sort();
    Ok(Input { target, files })
}
