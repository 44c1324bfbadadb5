//! Progress store benchmark: `cargo bench --bench progress`.
//!
//! - `save`: one save of a session's changes for a learner who has visited every slide of the
//!   built-in lesson: lock, read and parse the current file, apply the delta, write a temporary
//!   file and fsync it, two renames and an fsync of the directory. It runs on the saving thread,
//!   never on the key-handling path; the player hands it a batch at most every half second.
//! - `open`: reading a learner's file when the player starts.
//!
//! The temp dir is under `target/`, on the same disk as the project, not a tmpfs, so fsync is real.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use k8s_course::progress::time::now;
use k8s_course::progress::{Learner, LessonKey, Store, Tracker};

fn bench(c: &mut Criterion) {
    let dir = tempfile::Builder::new()
        .prefix("progress-bench")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .expect("temp dir");
    let store = Store::new(Some(dir.path().to_path_buf()));
    let learner = Learner::new("bench").expect("name");
    let key: LessonKey = ("cloud-security-7".into(), "week07-docker-kubernetes".into());
    let ids = [
        "title", "1.1", "1.2", "1.3", "2.1", "2.2.1", "2.2.2", "2.2.3", "3.1", "3.2", "3.3", "4.1", "4.2", "5",
    ];
    let mut setup = Tracker::default();
    setup.opened(&key, now());
    for id in ids {
        setup.visit(&key, id);
        setup.complete(&key, id);
        setup.spent(&key, id, 30);
    }
    store.save(&learner, &setup.take_pending(), now()).expect("first save");
    let mut i = 0usize;
    let mut group = c.benchmark_group("progress");
    group.measurement_time(Duration::from_secs(5));
    group.bench_function("save", |b| {
        b.iter(|| {
            let mut t = Tracker::default();
            i += 1;
            t.visit(&key, ids[i % ids.len()]);
            t.spent(&key, ids[i % ids.len()], 1);
            store.save(&learner, &t.take_pending(), now()).expect("save");
        })
    });
    group.bench_function("open", |b| b.iter(|| black_box(store.open(&learner, now()))));
    group.finish();
    let opened = store.open(&learner, now());
    assert!(opened.notices.is_empty(), "{:?}", opened.notices);
    assert_eq!(opened.progress.lesson(&key).map(|l| l.visited.len()), Some(ids.len()));
}

criterion_group!(benches, bench);
criterion_main!(benches);
