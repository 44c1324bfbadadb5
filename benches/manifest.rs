//! Manifest benchmarks: `cargo bench --bench manifest`.
//!
//! - `validate_deployment`: `validate_text` on the week-7 Deployment (budget: 1 ms median).
//! - `reindent_deployment`: `reindent` on the same Deployment as the blog collapsed it (budget: 1 ms).
//! - `parse_deployment`: serde_yaml alone on the same text, the same-run reference.
//! - `schema_load`: parsing the embedded schema, which the first check of a process pays once.
//!
//! Each input is checked before timing (no finding; the exact shipped text), so a broken check
//! fails the run instead of being timed. Budgets and results: BENCHMARKS.md.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use k8s_course::manifest::{Options, Schema, reindent, validate_text};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/manifests/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn benches(c: &mut Criterion) {
    let deployment = fixture("week7-deployment.yaml");
    let collapsed = fixture("week7-deployment.collapsed.yaml");
    assert!(validate_text(&deployment, Options::default()).is_empty());
    assert_eq!(reindent(&collapsed).text, deployment);
    assert!(Schema::parse_embedded().kinds.len() >= 20);

    let mut g = c.benchmark_group("manifest");
    g.bench_function("validate_deployment", |b| {
        b.iter(|| validate_text(black_box(&deployment), Options::default()))
    });
    g.bench_function("reindent_deployment", |b| b.iter(|| reindent(black_box(&collapsed))));
    g.bench_function("parse_deployment", |b| {
        b.iter(|| serde_yaml::from_str::<serde_yaml::Value>(black_box(&deployment)).map(|v| v.is_mapping()))
    });
    g.bench_function("schema_load", |b| b.iter(Schema::parse_embedded));
    g.finish();
}

criterion_group!(manifest, benches);
criterion_main!(manifest);
