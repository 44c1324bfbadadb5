//! Encoding repair and segment alignment: `cargo bench --bench import`.
//!
//! - `repair_seed`: repairing the damaged week-7 seed post (Windows-1254 mojibake, 205 damaged
//!   characters) with its script as evidence, the corpus table already built (as on every import
//!   after the first table use in a process). Budget: 20 ms median.
//! - `repair_seed_cold`: the same, building the corpus table too (what one `k8s-course import`
//!   pays once).
//! - `corpus_table`: building the corpus n-gram table alone.
//! - `script_unmatched/{1000,4000}`: parsing a script whose N segment previews match no line of
//!   the narration (each is looked for in a bounded window: linear in N).
//! - `reference_read_seed`: reading and UTF-8-checking the seed file, the same-run reference.
//!
//! Each input is repaired once before timing and checked to give the expected counts, so a broken
//! repair fails the run instead of being timed. Results: BENCHMARKS.md.

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::PathBuf;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use k8s_course::content::diag::Diagnostics;
use k8s_course::content::script;
use k8s_course::repair::{ngrams, repair};

fn fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

fn seed() -> (String, String) {
    let post = std::fs::read_to_string(fixture("seeds/mojibake-post.md")).expect("seed post");
    let script = std::fs::read_to_string(fixture("seeds/script.seed.txt")).expect("seed script");
    (post, script)
}

fn repair_seed(c: &mut Criterion) {
    let (post, script) = seed();
    let table = ngrams::corpus();
    let r = repair(&post, &[("the script", &script)], table).expect("mojibake");
    assert_eq!(
        (r.spots.len(), r.repaired()),
        (205, 200),
        "the seed repairs as the tests expect"
    );
    c.bench_function("repair_seed", |b| {
        b.iter(|| repair(black_box(&post), &[("the script", &script)], table))
    });
    c.bench_function("repair_seed_cold", |b| {
        b.iter(|| {
            let table = ngrams::corpus_without(None);
            repair(black_box(&post), &[("the script", &script)], &table)
        })
    });
    c.bench_function("corpus_table", |b| b.iter(|| ngrams::corpus_without(black_box(None))));
    let path = fixture("seeds/mojibake-post.md");
    c.bench_function("reference_read_seed", |b| {
        b.iter(|| String::from_utf8(std::fs::read(black_box(&path)).expect("read")).expect("utf-8"))
    });
}

fn unmatched_script(n: usize) -> String {
    let bar = "=".repeat(60);
    let mut s = format!("개선일: 2026-01-01\n\n{bar}\n개선된 강의용 대본\n{bar}\n\n안녕하세요.\n\n");
    for i in 0..n {
        let _ = writeln!(s, "[구간 {}] 시작: {i}.00초, 길이: 1.00초\n없는 문장 {i}번\n", i + 1);
    }
    s
}

fn script_unmatched(c: &mut Criterion) {
    let mut group = c.benchmark_group("script_unmatched");
    group.sample_size(10);
    for n in [1000, 4000] {
        let text = unmatched_script(n);
        let mut diags = Diagnostics::default();
        let parsed = script::parse("script.txt", &text, &mut diags).expect("segments");
        assert_eq!(parsed.segments.len(), n);
        group.bench_with_input(BenchmarkId::from_parameter(n), &text, |b, text| {
            b.iter(|| {
                let mut diags = Diagnostics::default();
                script::parse("script.txt", black_box(text), &mut diags)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, repair_seed, script_unmatched);
criterion_main!(benches);
