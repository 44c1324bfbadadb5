//! Pathological inputs of 1 MB each, loaded whole: `cargo bench --bench pathological`.
//!
//! Issue 12 found loading quadratic on these (20,000 identical headings took 14.8 s, 100,000
//! short paragraphs 5.8 s, table rows 21.7 s, nested quotes 22.8 s). Each must load in under
//! 50 ms. `reference/load_builtin` (the real lesson) runs in the same process, so the ratio to it
//! can be compared across machines. Results: BENCHMARKS.md.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use k8s_course::content::{CourseSource, load_course};
use tempfile::TempDir;

const MB: usize = 1024 * 1024;

/// A post.md whose body is `unit` repeated to 1 MB, after `head`.
fn post(head: &str, unit: &str) -> String {
    let mut text = format!("---\ntitle: \"부하 시험\"\ndate: 2025-05-30 00:04:58 +0900\ncategory: test\n---\n\n{head}");
    while text.len() < MB {
        text.push_str(unit);
    }
    text
}

fn inputs() -> Vec<(&'static str, String)> {
    vec![
        ("identical_headings", post("## 장\n\n", "### 같은 제목\n\n본문\n\n")),
        ("short_paragraphs", post("## 장\n\n### 문단\n\n", "짧은 문단.\n\n")),
        (
            "table_rows",
            post(
                "## 장\n\n### 표\n\n| 이름 | 값 | 설명 |\n|---|---:|:---:|\n",
                "| pod | 1 | 가장 작은 단위 |\n",
            ),
        ),
        (
            "nested_quotes",
            post("## 장\n\n### 인용\n\n", &format!("{}인용문\n", "> ".repeat(24))),
        ),
    ]
}

/// A lesson folder holding only `post.md`.
fn lesson(text: &str) -> TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("post.md"), text).expect("write post.md");
    dir
}

/// Loads `dir` and panics unless it gives a course with slides and no errors.
fn check(dir: &Path, name: &str) {
    let report = load_course(&CourseSource::Dir(dir.to_path_buf()));
    let errors: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(ToString::to_string)
        .collect();
    assert!(errors.is_empty(), "{name}: {errors:?}");
    let course = report.course.unwrap_or_else(|| panic!("{name}: no course"));
    assert!(course.lessons[0].slide_count() > 0, "{name}: no slides");
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("pathological");
    group.sample_size(10).measurement_time(Duration::from_secs(5));
    for (name, text) in inputs() {
        assert!(text.len() >= MB, "{name} is 1 MB");
        let dir = lesson(&text);
        check(dir.path(), name);
        let source = CourseSource::Dir(dir.path().to_path_buf());
        group.bench_function(name, |b| b.iter(|| black_box(load_course(black_box(&source)))));
    }
    group.finish();
    c.bench_function("reference/load_builtin", |b| {
        b.iter(|| black_box(load_course(black_box(&CourseSource::BuiltIn))))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
