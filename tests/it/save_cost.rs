//! What a save reads: the store remembers the file it wrote last and, while `stat` says that
//! file is untouched, applies the next delta to what it remembers instead of reading it back.
//! These tests hold it to the README's promises: concurrent players still merge, a file put in
//! place by anyone else (even of the same size) is read, the last-known-good copy is the file
//! before, and a data dir removed while the player runs is made again.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use k8s_course::progress::file::{Decoded, decode, encode};
use k8s_course::progress::{Learner, LessonKey, Progress, Store, Tracker};

use crate::watched_fs::Watched;

const NOW: i64 = 1_795_446_245;

fn key() -> LessonKey {
    ("cloud-security-7".into(), "week07-docker-kubernetes".into())
}

fn kim() -> Learner {
    Learner::new("kim").expect("valid name")
}

/// Saves one visit to `slide` and `secs` seconds on the shared slide `s`.
fn save_visit(store: &Store, slide: &str, secs: u64) {
    let mut t = Tracker::default();
    t.visit(&key(), slide);
    t.spent(&key(), "s", secs);
    store.save(&kim(), &t.take_pending(), NOW).expect("saved");
}

/// What `kim.yaml` (or another file) in `dir` holds, parsed.
fn on_disk(path: &Path) -> Progress {
    let bytes = std::fs::read(path).expect("file");
    match decode(&path.display().to_string(), &bytes) {
        Decoded::Ok(p) => p,
        other => panic!("{}: {other:?}", path.display()),
    }
}

fn visited(p: &Progress) -> Vec<String> {
    p.lesson(&key())
        .map(|l| l.visited.iter().cloned().collect())
        .unwrap_or_default()
}

fn seconds(p: &Progress) -> u64 {
    p.lesson(&key()).map_or(0, |l| l.total_seconds())
}

#[test]
fn two_players_saving_in_turn_keep_both_their_changes() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (a, b) = (
        Store::new(Some(tmp.path().to_path_buf())),
        Store::new(Some(tmp.path().to_path_buf())),
    );
    for i in 0..20 {
        save_visit(&a, &format!("a-{i}"), 1);
        save_visit(&b, &format!("b-{i}"), 2);
        // Twice in a row, so each store also saves over the file it wrote itself.
        if i % 5 == 0 {
            save_visit(&a, &format!("a2-{i}"), 1);
        }
    }
    let p = on_disk(&tmp.path().join("kim.yaml"));
    let seen = visited(&p);
    for i in 0..20 {
        for slide in [format!("a-{i}"), format!("b-{i}")] {
            assert!(seen.contains(&slide), "{slide} lost: {seen:?}");
        }
    }
    assert_eq!(seen.len(), 44, "{seen:?}");
    assert_eq!(seconds(&p), 20 + 40 + 4, "every second counted once");
}

/// Writes `progress` as `path` the way another program would: a new file renamed in place.
fn replace(path: &Path, progress: &Progress) {
    let text = encode("kim", progress).expect("encodes");
    let other = path.with_extension("elsewhere");
    std::fs::write(&other, text).expect("write");
    std::fs::rename(&other, path).expect("rename");
}

/// `kim.yaml` after one save that visited slide `1.1`, and a copy of it naming `9.9` instead:
/// the same number of bytes.
fn saved_and_twin(dir: &Path) -> (PathBuf, Progress) {
    let store_file = dir.join("kim.yaml");
    let mut twin = on_disk(&store_file);
    let lesson = twin.lessons.get_mut(&key()).expect("lesson");
    assert!(lesson.visited.remove("1.1"));
    lesson.visited.insert("9.9".into());
    (store_file, twin)
}

#[test]
fn a_file_put_in_place_by_someone_else_is_read_even_at_the_same_size() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let store = Store::new(Some(tmp.path().to_path_buf()));
    save_visit(&store, "1.1", 5);
    let (path, twin) = saved_and_twin(tmp.path());
    let size = std::fs::metadata(&path).expect("stat").len();
    replace(&path, &twin);
    assert_eq!(std::fs::metadata(&path).expect("stat").len(), size, "the same size");
    save_visit(&store, "2.1", 1);
    let seen = visited(&on_disk(&path));
    assert_eq!(seen, ["2.1", "9.9"], "the file in place was the one merged into");
}

#[test]
fn a_file_rewritten_in_place_at_the_same_size_and_its_old_time_is_read() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let store = Store::new(Some(tmp.path().to_path_buf()));
    save_visit(&store, "1.1", 5);
    let (path, twin) = saved_and_twin(tmp.path());
    let before = std::fs::metadata(&path).expect("stat");
    // As a backup restored over it would: same inode, same length, the time put back.
    std::fs::write(&path, encode("kim", &twin).expect("encodes")).expect("rewrite");
    let file = std::fs::File::options().write(true).open(&path).expect("open");
    file.set_modified(before.modified().expect("mtime")).expect("set mtime");
    drop(file);
    let after = std::fs::metadata(&path).expect("stat");
    assert_eq!((after.ino(), after.len()), (before.ino(), before.len()));
    assert_eq!(after.modified().expect("mtime"), before.modified().expect("mtime"));
    save_visit(&store, "2.1", 1);
    assert_eq!(visited(&on_disk(&path)), ["2.1", "9.9"]);
}

#[test]
fn the_last_good_copy_is_the_file_before_each_save() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let store = Store::new(Some(tmp.path().to_path_buf()));
    let (main, good) = (tmp.path().join("kim.yaml"), tmp.path().join("kim.yaml.last-good"));
    save_visit(&store, "1.1", 1);
    for slide in ["2.1", "3.1", "4.1"] {
        let before = std::fs::read(&main).expect("main");
        save_visit(&store, slide, 1);
        assert_eq!(std::fs::read(&good).expect("good copy"), before, "after saving {slide}");
        assert!(visited(&on_disk(&main)).contains(&slide.to_string()));
    }
    assert_eq!(seconds(&on_disk(&main)), 4);
}

#[test]
fn a_data_dir_removed_while_playing_is_made_again_by_the_next_save() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("data");
    let store = Store::new(Some(dir.clone()));
    save_visit(&store, "1.1", 1);
    std::fs::remove_dir_all(&dir).expect("removed");
    save_visit(&store, "2.1", 1);
    assert_eq!(visited(&on_disk(&dir.join("kim.yaml"))), ["2.1"]);
    let mode = std::fs::metadata(&dir).expect("dir").permissions().mode() & 0o777;
    assert_eq!(mode, 0o700);
}

#[test]
fn saves_in_a_row_read_nothing_back_until_another_writer_saves() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let fs = Watched::counting();
    let mine = Store::with_storage(Some(tmp.path().to_path_buf()), fs.clone());
    let counts = || (fs.count("read"), fs.count("list"));
    save_visit(&mine, "1.1", 1);
    let first = counts();
    assert_eq!(first.1, 1, "the first save sweeps dead writers' leftovers once");
    for slide in ["1.2", "1.3", "1.4"] {
        save_visit(&mine, slide, 1);
    }
    assert_eq!(
        counts(),
        first,
        "nothing read back nor listed while the file is this store's"
    );
    // Another player saves: the next save reads what it wrote.
    save_visit(&Store::new(Some(tmp.path().to_path_buf())), "other", 1);
    save_visit(&mine, "2.1", 1);
    assert!(counts().0 > first.0, "the other player's file was read");
    let p = on_disk(&tmp.path().join("kim.yaml"));
    assert_eq!(visited(&p), ["1.1", "1.2", "1.3", "1.4", "2.1", "other"]);
    assert_eq!(seconds(&p), 6);
}

#[test]
fn a_save_that_changes_nothing_writes_nothing() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let store = Store::new(Some(tmp.path().to_path_buf()));
    let main = tmp.path().join("kim.yaml");
    let save_at = |slide: &str, when: i64| {
        let mut t = Tracker::default();
        t.visit(&key(), slide);
        t.seen(&key(), when);
        store.save(&kim(), &t.take_pending(), when).expect("saved");
    };
    let names = || {
        let mut n: Vec<String> = std::fs::read_dir(tmp.path())
            .expect("dir")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        n.sort();
        n
    };
    save_at("1.1", NOW);
    let stat = || {
        let m = std::fs::metadata(&main).expect("stat");
        (m.ino(), m.mtime(), m.mtime_nsec(), m.ctime(), m.ctime_nsec())
    };
    let (before, files) = (stat(), names());
    // The same slide again within the same second: what the file says already.
    save_at("1.1", NOW);
    assert_eq!(stat(), before, "the file was not written again");
    assert_eq!(names(), files, "no good copy, no temporary file");
    // A later second is news: written, and the file before becomes the good copy.
    save_at("1.1", NOW + 1);
    assert_ne!(stat().0, before.0, "a new file took its place");
    assert!(tmp.path().join("kim.yaml.last-good").exists());
    let p = on_disk(&main);
    assert_eq!(p.lesson(&key()).and_then(|l| l.last_seen), Some(NOW + 1));
}
