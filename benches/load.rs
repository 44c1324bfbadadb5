//! Loader benchmarks: `cargo bench --bench load`.
//!
//! - `load_builtin`: the built-in course (one lesson, alignment from `lesson.yaml`).
//! - `load_builtin_auto_align`: the same lesson from a folder without `lesson.yaml`, so
//!   `align::auto_align` runs.
//! - `load_scaling/{10,50,100}`: generated course folders holding N copies of the real lesson.
//!
//! Every input is loaded once before timing and checked to give a course with the expected number
//! of lessons and no errors, so a broken load fails the run instead of being timed.
//! Budgets and results: BENCHMARKS.md.

use std::fs;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use k8s_course::content::{AlignmentSource, CourseSource, load_course};
use tempfile::TempDir;

/// The real lesson, in the repository's `course/` folder.
fn lesson_src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("course/week07-docker-kubernetes")
}

/// Loads `source` and panics unless it yields a course of `lessons` lessons, without errors, whose
/// lessons all got their alignment from `expect_align`.
fn check(source: &CourseSource, lessons: usize, expect_align: AlignmentSource) {
    let report = load_course(source);
    let errors: Vec<_> = report.diagnostics.iter().filter(|d| d.is_error()).collect();
    assert!(errors.is_empty(), "load of {source:?} reported errors: {errors:#?}");
    let course = report
        .course
        .unwrap_or_else(|| panic!("load of {source:?} returned no course"));
    assert_eq!(course.lessons.len(), lessons, "lesson count of {source:?}");
    for lesson in &course.lessons {
        assert!(lesson.slide_count() > 0, "lesson {} has no slides", lesson.id);
        assert!(lesson.script.is_some(), "lesson {} has no script", lesson.id);
        assert_eq!(lesson.alignment_source, expect_align, "lesson {}", lesson.id);
    }
}

/// A single lesson folder with only `post.md` and `script.txt` (no `lesson.yaml`).
fn single_lesson_without_meta() -> TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for file in ["post.md", "script.txt"] {
        fs::copy(lesson_src().join(file), dir.path().join(file)).expect("copy lesson file");
    }
    dir
}

/// A course folder whose `course.yaml` lists `lesson-001..lesson-{n}`, each a copy of the real
/// lesson's `post.md`, `script.txt` and `lesson.yaml`.
fn generated_course(n: usize) -> TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut yaml = String::from("id: bench-course\ntitle: Generated benchmark course\nlanguage: ko\nlessons:\n");
    for i in 1..=n {
        let name = format!("lesson-{i:03}");
        yaml.push_str(&format!("  - {name}\n"));
        let lesson_dir = dir.path().join(&name);
        fs::create_dir(&lesson_dir).expect("create lesson folder");
        for file in ["post.md", "script.txt", "lesson.yaml"] {
            fs::copy(lesson_src().join(file), lesson_dir.join(file)).expect("copy lesson file");
        }
    }
    fs::write(dir.path().join("course.yaml"), yaml).expect("write course.yaml");
    dir
}

fn load_builtin(c: &mut Criterion) {
    let source = CourseSource::BuiltIn;
    check(&source, 1, AlignmentSource::LessonFile);
    c.bench_function("load_builtin", |b| b.iter(|| load_course(black_box(&source))));
}

fn load_builtin_auto_align(c: &mut Criterion) {
    let dir = single_lesson_without_meta();
    let source = CourseSource::Dir(dir.path().to_path_buf());
    check(&source, 1, AlignmentSource::Automatic);
    c.bench_function("load_builtin_auto_align", |b| {
        b.iter(|| load_course(black_box(&source)))
    });
}

fn load_scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("load_scaling");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(7));
    for n in [10usize, 50, 100] {
        let dir = generated_course(n);
        let source = CourseSource::Dir(dir.path().to_path_buf());
        check(&source, n, AlignmentSource::LessonFile);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &source, |b, source| {
            b.iter(|| load_course(black_box(source)))
        });
        // `dir` is removed here, after its benchmark.
    }
    group.finish();
}

criterion_group! {
    name = single;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(7));
    targets = load_builtin, load_builtin_auto_align
}
criterion_group!(scaling, load_scaling);
criterion_main!(single, scaling);
