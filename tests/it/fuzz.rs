//! The fuzz harness, bounded: a fixed seed and count (about a minute in the debug build), run
//! through the real `fuzz` binary so aborts, hangs and memory blow-ups are caught by its
//! supervisor like in a long run. A failure prints the saved, minimized input to replay with
//! `cargo run --bin fuzz -- --replay DIR --scratch /tmp/x`.

use std::process::Command;

const FUZZ: &str = env!("CARGO_BIN_EXE_fuzz");

/// Inputs in the CI run.
const INPUTS: u64 = 1500;

#[test]
fn fuzz_bounded_run_finds_nothing() {
    let out_dir = tempfile::tempdir().expect("temp dir");
    let out = Command::new(FUZZ)
        .args([
            "--seed",
            "12",
            "--inputs",
            &INPUTS.to_string(),
            "--deadline",
            "60",
            "--memory",
            "4096",
        ])
        .arg("--out")
        .arg(out_dir.path())
        .output()
        .expect("run the fuzz harness");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "the fuzz run failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains(&format!("{INPUTS} inputs")) && stdout.contains(", 0 failures"),
        "{stdout}"
    );
    // Every target got inputs.
    for target in ["lesson", "progress", "protocol", "config"] {
        let count: u64 = stdout
            .split(&format!("{target} "))
            .nth(1)
            .and_then(|rest| rest.split([',', ')']).next())
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        assert!(count > 0, "no {target} inputs: {stdout}");
    }
}

#[test]
fn fuzz_replay_runs_a_saved_input_and_says_it_passes() {
    // A saved input as the supervisor writes one (minimizing is unit-tested in `fuzz::minimize`):
    // the config finding 11 was about, now refused cleanly.
    let dir = tempfile::tempdir().expect("temp dir");
    let saved = dir.path().join("config-seed0-0");
    std::fs::create_dir(&saved).expect("mkdir");
    std::fs::write(saved.join("TARGET"), "config").expect("write");
    std::fs::write(
        saved.join("config.yaml"),
        "keys: {quit: [], command: [], suspend: []}\n",
    )
    .expect("write");
    let out = Command::new(FUZZ)
        .arg("--replay")
        .arg(&saved)
        .arg("--scratch")
        .arg(dir.path().join("scratch"))
        .output()
        .expect("replay");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.starts_with("passes: "), "{stdout}");
}
