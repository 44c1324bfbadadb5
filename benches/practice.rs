//! Practice benchmarks: `cargo bench --bench practice`.
//!
//! - `practice/check_after_save/web-write`: the player's path from a saved work file to the result
//!   on screen: the watcher sees the new modification time and size, reads the file and checks it
//!   (`manifest::validate` and the exercise's assertions), and the app records the try. The file
//!   alternates between the solution (a Deployment and a NodePort Service, 37 lines) and a near miss,
//!   written before each timed look, so every look rechecks. Budget: 5 ms median.
//! - `practice/serde_yaml/web-write`: the same-run reference, serde_yaml parsing the same text into
//!   a `Value`.
//!
//! Before timing, both texts are checked once through the same path: the solution passes and the
//! near miss fails, so a broken check fails the run instead of being timed.

use std::hint::black_box;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use k8s_course::app::{Action, App, Effect, Setup};
use k8s_course::content::{CourseSource, load_course};
use k8s_course::driver::practice::{Watcher, perform_seed};

fn bench(c: &mut Criterion) {
    let course = load_course(&CourseSource::BuiltIn)
        .course
        .expect("the built-in course loads");
    let solution = course.lessons[0]
        .exercises
        .iter()
        .find(|e| e.id == "web-write")
        .expect("web-write")
        .solution
        .clone();
    let near_miss = solution.replace("nodePort: 30080", "nodePort: 30081");
    let lab = tempfile::tempdir().expect("temp dir");
    let setup = Setup {
        lab_dir: Some(lab.path().to_path_buf()),
        learner: "bench".into(),
        ..Setup::default()
    };
    let mut app = App::new(setup, course, Default::default());
    app.update(Action::Goto("2.2.3".into()));
    app.update(Action::Practice);
    let Effect::Work(seed) = app.update(Action::Enter).effect else {
        panic!("opening web-write asks for its work file")
    };
    let path = perform_seed(seed, &app).expect("seeded");
    let mut watcher = Watcher::default();
    assert!(watcher.look(&mut app), "the seeded file is read");
    for (text, passes) in [(&near_miss, false), (&solution, true)] {
        std::fs::write(&path, text).expect("write");
        assert!(watcher.look(&mut app), "a save is seen");
        let verdict = app
            .open_exercise()
            .and_then(|(o, _)| o.verdict.clone())
            .expect("checked");
        assert_eq!(verdict.passed(), passes, "{:?}", verdict.notes);
    }
    let mut flip = false;
    c.bench_function("practice/check_after_save/web-write", |b| {
        b.iter_batched(
            || {
                flip = !flip;
                std::fs::write(&path, if flip { &near_miss } else { &solution }).expect("write");
            },
            |()| assert!(watcher.look(&mut app)),
            BatchSize::PerIteration,
        )
    });
    c.bench_function("practice/serde_yaml/web-write", |b| {
        b.iter(|| {
            let docs: Vec<serde_yaml::Value> = solution
                .split("\n---\n")
                .map(|d| serde_yaml::from_str(black_box(d)).expect("yaml"))
                .collect();
            docs
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
