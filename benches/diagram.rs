//! Diagram benchmarks: `cargo bench --bench diagram`.
//!
//! `render::diagram::draw` lays a diagram out for a width and draws it into styled lines, as the
//! player does on every frame that shows slide 2.1.
//!
//! - `diagram/k8s-architecture/200`: the architecture diagram at 200 columns (the budget: under
//!   1 ms median; it is 20 lines, so it fits a 200x60 screen).
//! - `diagram/k8s-architecture/80`: the same at 80 columns (control plane as a 2 x 2 grid).
//! - `diagram/k8s-architecture/200_selected`: at 200 columns with etcd selected.
//! - `diagram/<id>/200` for the other two diagrams of the course, for reference.
//!
//! Criterion prints the slope estimate; the median is `median.point_estimate` (ns) in
//! `target/criterion/diagram/<id>/<width>/new/estimates.json`. Before timing, each diagram is
//! drawn once and checked to show every component, so a broken layout fails the run.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use k8s_course::content::diagram::Diagram;
use k8s_course::content::{CourseSource, load_course};
use k8s_course::render::diagram::draw;
use k8s_course::render::line_width;

fn diagrams() -> Vec<Diagram> {
    let course = load_course(&CourseSource::BuiltIn)
        .course
        .expect("the built-in course loads");
    let diagrams: Vec<Diagram> = course.lessons.into_iter().flat_map(|l| l.diagrams).collect();
    assert!(
        diagrams.iter().any(|d| d.id == "k8s-architecture"),
        "the built-in course has the architecture diagram"
    );
    diagrams
}

fn check(d: &Diagram, width: usize) {
    let drawn = draw(d, width, None);
    assert!(
        drawn.lines.iter().all(|l| line_width(l) <= width),
        "{} at {width}",
        d.id
    );
    assert_eq!(
        drawn.boxes.len(),
        d.components.len(),
        "{} at {width}: a component is missing",
        d.id
    );
}

fn bench(c: &mut Criterion) {
    let diagrams = diagrams();
    let mut group = c.benchmark_group("diagram");
    for d in &diagrams {
        let widths: &[usize] = if d.id == "k8s-architecture" { &[200, 80] } else { &[200] };
        for &width in widths {
            check(d, width);
            group.bench_with_input(BenchmarkId::new(&d.id, width), &width, |b, &width| {
                b.iter(|| draw(black_box(d), black_box(width), None))
            });
        }
        if d.id == "k8s-architecture" {
            let etcd = d.component("etcd").expect("etcd is in the architecture diagram");
            group.bench_function(BenchmarkId::new(&d.id, "200_selected"), |b| {
                b.iter(|| draw(black_box(d), black_box(200), Some(etcd)))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
