//! A course of many weeks: `cargo bench --bench lessons`.
//!
//! - `show/{1,100}`: `show week050/pod` (or `pod` on the one-lesson course) as the command runs
//!   it in-process: `load_course_for` (course.yaml and the one lesson shown) and the plain-text
//!   slide written to a buffer. The budget: under 20 ms on 100 lessons.
//! - `show_process/{1,100}`: the same as a real process (the release binary, `--plain`), beside
//!   `hello` (`true`, a process that does nothing) as the floor, each sample one process start.
//! - `load_all/{1,100}`: `load_course`, what `list` and `check` read: every lesson (linear).
//!
//! Every input is run once before timing and checked (the slide printed, no errors).
//! Results: BENCHMARKS.md.

use std::fs;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use k8s_course::cli::{Io, show};
use k8s_course::content::{CourseSource, load_course, load_course_for};
use tempfile::TempDir;

fn lesson_src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("course/week07-docker-kubernetes")
}

/// A course of `n` copies of the real lesson, `week000`..; the slide asked for is in the middle.
fn course(n: usize) -> (TempDir, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut yaml = String::from("id: many\ntitle: 많은 주차\nlessons:\n");
    for i in 0..n {
        let name = format!("week{i:03}");
        yaml.push_str(&format!("  - {name}\n"));
        fs::create_dir(dir.path().join(&name)).expect("lesson folder");
        for f in ["post.md", "script.txt", "lesson.yaml"] {
            fs::copy(lesson_src().join(f), dir.path().join(&name).join(f)).expect("copy");
        }
    }
    fs::write(dir.path().join("course.yaml"), yaml).expect("course.yaml");
    (dir, format!("week{:03}/pod", n / 2))
}

fn show_once(source: &CourseSource, id: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let mut err = Vec::new();
    let report = load_course_for(source, id);
    let course = report.course.expect("loads");
    let ok = show::run(
        &course,
        id,
        true,
        Some(80),
        false,
        &mut Io {
            out: &mut out,
            err: &mut err,
            stdout_is_tty: false,
        },
    )
    .expect("writes");
    assert!(ok, "{}", String::from_utf8_lossy(&err));
    out
}

fn benches(c: &mut Criterion) {
    let courses: Vec<(usize, TempDir, String)> = [1, 100]
        .into_iter()
        .map(|n| {
            let (dir, id) = course(n);
            (n, dir, id)
        })
        .collect();
    let mut group = c.benchmark_group("show");
    for (n, dir, id) in &courses {
        let source = CourseSource::Dir(dir.path().to_path_buf());
        assert!(String::from_utf8_lossy(&show_once(&source, id)).contains("2.2.1 Pod"));
        group.bench_with_input(BenchmarkId::from_parameter(n), id, |b, id| {
            b.iter(|| show_once(black_box(&source), id))
        });
    }
    group.finish();

    let bin = env!("CARGO_BIN_EXE_k8s-course");
    let mut group = c.benchmark_group("show_process");
    group.sample_size(30);
    for (n, dir, id) in &courses {
        let run = || {
            Command::new(bin)
                .arg("--course")
                .arg(dir.path())
                .args(["show", id, "--plain"])
                .env("K8S_COURSE_CONFIG_DIR", dir.path().join(".config"))
                .env("K8S_COURSE_DATA_DIR", dir.path().join(".data"))
                .output()
                .expect("runs")
        };
        let first = run();
        assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
        group.bench_function(BenchmarkId::from_parameter(n), |b| b.iter(run));
    }
    group.bench_function("hello", |b| {
        b.iter(|| Command::new("true").output().expect("true runs"))
    });
    group.finish();

    let mut group = c.benchmark_group("load_all");
    group.sample_size(10);
    for (n, dir, _) in &courses {
        let source = CourseSource::Dir(dir.path().to_path_buf());
        assert_eq!(load_course(&source).course.expect("loads").lessons.len(), *n);
        group.bench_function(BenchmarkId::from_parameter(n), |b| {
            b.iter(|| load_course(black_box(&source)))
        });
    }
    group.finish();
}

criterion_group!(lessons, benches);
criterion_main!(lessons);
