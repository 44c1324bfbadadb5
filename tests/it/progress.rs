//! The progress store: round trips, resuming after the content changed, damaged files, failing
//! disks (injected: tests run as root, where chmod doesn't stop a write), hostile learner names,
//! concurrent writers and writers killed mid-save.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::watched_fs::Watched;
use k8s_course::app::{App, Begin, Setup};
use k8s_course::content::{CourseSource, load_course};
use k8s_course::progress::file::{Decoded, decode};
use k8s_course::progress::{Learner, LessonKey, Mode, Progress, Store, Tracker};

const NOW: i64 = 1_795_446_245;

fn key() -> LessonKey {
    ("cloud-security-7".into(), "week07-docker-kubernetes".into())
}

fn learner(name: &str) -> Learner {
    Learner::new(name).expect("valid name")
}

/// A session that visited `slides` and bookmarked the last.
fn session(slides: &[&str]) -> Tracker {
    let mut t = Tracker::default();
    t.opened(&key(), NOW);
    for s in slides {
        t.visit(&key(), s);
        t.spent(&key(), s, 10);
    }
    t.complete(&key(), slides[0]);
    t.toggle_bookmark(&key(), slides[slides.len() - 1]);
    t
}

#[test]
fn saves_and_reads_back_everything() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::new(Some(dir.path().join("nested/data")));
    let mut t = session(&["title", "1.1", "2.2.2"]);
    store.save(&learner("alice"), &t.take_pending(), NOW).expect("saved");
    let opened = store.open(&learner("alice"), NOW + 60);
    assert_eq!(opened.mode, Mode::ReadWrite);
    assert!(opened.notices.is_empty(), "{:?}", opened.notices);
    let l = opened.progress.lesson(&key()).expect("the lesson is there");
    assert_eq!(l.last_slide.as_deref(), Some("2.2.2"));
    assert_eq!(l.visited.len(), 3);
    assert_eq!(l.completed, BTreeSet::from(["title".to_string()]));
    assert_eq!(l.bookmarks, BTreeSet::from(["2.2.2".to_string()]));
    assert_eq!(l.total_seconds(), 30);
    assert_eq!(l.first_opened, Some(NOW));
    // Human-readable, versioned, with the learner's name.
    let text = std::fs::read_to_string(dir.path().join("nested/data/alice.yaml")).expect("file");
    assert!(text.contains("schema: 2") && text.contains("learner: alice") && text.contains("2026-11-23T15:04:05Z"));
    // A second save keeps the first as the last-known-good copy.
    let mut more = Tracker::default();
    more.visit(&key(), "3.1");
    store.save(&learner("alice"), &more.take_pending(), NOW).expect("saved");
    assert!(dir.path().join("nested/data/alice.yaml.last-good").exists());
    assert_eq!(store.learners(), [learner("alice")]);
}

/// A lesson folder `week01` with these slides: the same lesson before and after an edit.
fn course_dir(slides: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let body: String = slides.iter().map(|s| format!("### {s}\n\n본문 {s}\n\n")).collect();
    let post = format!("---\ntitle: 코스\n---\n\n## 1. 장\n\n{body}");
    write(&dir.path().join("week01"), "post.md", post.as_bytes());
    dir
}

fn app_for(dir: &Path, progress: Progress) -> App {
    opened(dir, progress, None)
}

/// The player on the course in `dir`, with `progress`, begun at `NOW` (on the first slide when
/// `from_start`).
fn begun(dir: &Path, progress: Progress, from_start: bool) -> App {
    opened(dir, progress, Some(Begin { now: NOW, from_start }))
}

fn opened(dir: &Path, progress: Progress, begin: Option<Begin>) -> App {
    let source = CourseSource::Dir(dir.join("week01"));
    let course = load_course(&source).course.expect("course loads");
    // As the terminal tests run it (LANG=C.UTF-8).
    let setup = Setup {
        lang: Some(k8s_course::i18n::Lang::En),
        begin,
        ..Setup::default()
    };
    App::new(setup, course, progress)
}

fn stopped_at(app: &App, slide: &str) -> Progress {
    let mut t = Tracker::default();
    t.opened(&app.lesson_key(), NOW - 3 * 86_400);
    t.visit(&app.lesson_key(), slide);
    let mut p = Progress::default();
    p.apply(&t.take_pending());
    p
}

#[test]
fn resumes_where_the_learner_stopped_even_after_the_content_changed() {
    let v1 = course_dir(&["1.1 하나", "1.2 둘", "1.3 셋"]);
    let app = app_for(v1.path(), Progress::default());
    let progress = stopped_at(&app, "1.2");
    let app = begun(v1.path(), progress.clone(), false);
    assert_eq!(app.current_lesson().id_of(app.slide()), "1.2");
    assert_eq!(
        app.flash().as_ref().map(|f| f.text.as_str()),
        Some("resumed at 1.2 둘, last here 3 days ago")
    );
    // --from-start ignores it.
    let fresh = begun(v1.path(), progress.clone(), true);
    assert_eq!(fresh.current_lesson().id_of(fresh.slide()), "title");
    // The slide was renamed: its id (the number) still leads there.
    let renamed = course_dir(&["1.1 하나", "1.2 두울", "1.3 셋"]);
    let app = begun(renamed.path(), progress.clone(), false);
    assert_eq!(app.current_lesson().id_of(app.slide()), "1.2");
    // The slide was removed: the nearest surviving slide before it.
    let removed = course_dir(&["1.1 하나", "1.3 셋"]);
    let app = begun(removed.path(), progress, false);
    assert_eq!(app.current_lesson().id_of(app.slide()), "1.1");
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    std::fs::create_dir_all(dir).expect("dir");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    path
}

fn saved_text(store: &Store, who: &str) -> String {
    let mut t = session(&["title", "1.1"]);
    store.save(&learner(who), &t.take_pending(), NOW).expect("saved");
    std::fs::read_to_string(store.path(&learner(who)).expect("path")).expect("file")
}

#[test]
fn a_damaged_file_is_moved_aside_byte_for_byte_and_the_good_copy_used() {
    let garbage: &[u8] = b"\x00\x01 not yaml at all [[[";
    let good_text = {
        let tmp = tempfile::tempdir().expect("temp dir");
        saved_text(&Store::new(Some(tmp.path().to_path_buf())), "kim")
    };
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("garbage", garbage.to_vec()),
        ("truncated", good_text.as_bytes()[..good_text.len() / 2].to_vec()),
        (
            "wrong shape",
            b"schema: 1\nlearner: kim\ncourses: [1, 2]\n# end\n".to_vec(),
        ),
    ];
    for (what, bytes) in cases {
        let tmp = tempfile::tempdir().expect("temp dir");
        let dir = tmp.path();
        write(dir, "kim.yaml.last-good", good_text.as_bytes());
        write(dir, "kim.yaml", &bytes);
        // An earlier corrupt file with the same timestamp is never overwritten.
        write(dir, "kim.corrupt-20261123T150405Z", b"older");
        let store = Store::new(Some(dir.to_path_buf()));
        let opened = store.open(&learner("kim"), NOW);
        assert_eq!(opened.mode, Mode::ReadWrite, "{what}");
        assert!(
            opened.notices[0].contains("could not be read"),
            "{what}: {:?}",
            opened.notices
        );
        assert!(opened.notices.iter().any(|n| n.contains("last-known-good")), "{what}");
        let aside = dir.join("kim.corrupt-20261123T150405Z-2");
        assert_eq!(
            std::fs::read(&aside).expect("moved aside"),
            bytes,
            "{what}: byte for byte"
        );
        assert_eq!(
            std::fs::read(dir.join("kim.corrupt-20261123T150405Z")).expect("kept"),
            b"older"
        );
        let l = opened.progress.lesson(&key()).expect("from the good copy");
        assert!(l.visited.contains("1.1"), "{what}");
    }
}

#[test]
fn a_file_from_a_newer_version_is_left_untouched() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let future = b"schema: 7\nlearner: lee\nsomething_new: true\n# end\n";
    let path = write(tmp.path(), "lee.yaml", future);
    let store = Store::new(Some(tmp.path().to_path_buf()));
    let opened = store.open(&learner("lee"), NOW);
    assert!(matches!(&opened.mode, Mode::ReadOnly(why) if why.contains("newer k8s-course (schema 7)")));
    let mut t = session(&["title"]);
    let err = store.save(&learner("lee"), &t.take_pending(), NOW).unwrap_err();
    assert!(err.contains("newer k8s-course"), "{err}");
    assert_eq!(std::fs::read(&path).expect("still there"), future);
}

#[test]
fn a_full_read_only_or_forbidden_disk_loses_nothing_and_a_later_save_writes_everything() {
    for (op, errno, words) in [
        ("write", libc::ENOSPC, "No space left on device"),
        ("rename", libc::EROFS, "Read-only file system"),
        ("mkdir", libc::EACCES, "Permission denied"),
    ] {
        let tmp = tempfile::tempdir().expect("temp dir");
        let dir = tmp.path().join("data");
        let before = saved_text(&Store::new(Some(dir.clone())), "park");
        let fs = Watched::failing(op, errno);
        let store = Store::with_storage(Some(dir.clone()), fs.clone());
        let mut t = Tracker::default();
        t.visit(&key(), "4.2");
        let delta = t.take_pending();
        let err = store.save(&learner("park"), &delta, NOW).unwrap_err();
        assert!(err.contains(words), "{op}: {err}");
        assert_eq!(
            std::fs::read_to_string(dir.join("park.yaml")).expect("intact"),
            before,
            "{op}"
        );
        let stray: Vec<_> = std::fs::read_dir(&dir)
            .expect("dir")
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
            .collect();
        assert!(stray.is_empty(), "{op}: temporary files left behind");
        // The session kept its changes; once the disk is back they are all written.
        t.restore(delta);
        fs.heal();
        store.save(&learner("park"), &t.take_pending(), NOW).expect("saved now");
        let opened = store.open(&learner("park"), NOW);
        let l = opened.progress.lesson(&key()).expect("lesson");
        assert!(l.visited.contains("4.2") && l.visited.contains("1.1"), "{op}");
    }
}

#[test]
fn no_data_dir_and_an_unreadable_file_mean_read_only_not_a_crash() {
    let store = Store::new(None);
    let opened = store.open(&learner("nohome"), NOW);
    assert!(matches!(&opened.mode, Mode::ReadOnly(why) if why.contains("K8S_COURSE_DATA_DIR")));
    let mut t = session(&["title"]);
    assert!(store.save(&learner("nohome"), &t.take_pending(), NOW).is_err());
    // A file that exists but can't be read is never overwritten.
    let tmp = tempfile::tempdir().expect("temp dir");
    write(tmp.path(), "ro.yaml", b"whatever");
    let store = Store::with_storage(Some(tmp.path().to_path_buf()), Watched::failing("read", libc::EACCES));
    let opened = store.open(&learner("ro"), NOW);
    assert!(
        matches!(&opened.mode, Mode::ReadOnly(why) if why.contains("Permission denied")),
        "{:?}",
        opened.mode
    );
}

#[test]
fn hostile_learner_names_never_reach_the_file_system() {
    for bad in [
        "../../etc/passwd",
        "a/b",
        "..",
        ".hidden",
        "x\u{1b}]52;c;aGk=\u{7}",
        "a\u{202e}b",
        "",
        "con:",
    ] {
        assert!(Learner::new(bad).is_err(), "{bad:?} accepted");
    }
    // Through the command line: refused with a message, exit 1, nothing written.
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = Command::new(env!("CARGO_BIN_EXE_k8s-course"))
        .args(["progress", "--learner", "../escape"])
        .env("K8S_COURSE_DATA_DIR", tmp.path())
        .env("K8S_COURSE_CONFIG_DIR", tmp.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("learner name '../escape'"), "{err}");
    assert_eq!(std::fs::read_dir(tmp.path()).expect("dir").count(), 0);
}

/// The body of the writer processes below (ignored, so never counted as a test); does nothing
/// unless the parent test asks for it.
#[test]
#[ignore = "a helper process for the concurrent writers test"]
fn writer_child() {
    let (Ok(dir), Ok(tag), Ok(n)) = (
        std::env::var("K8S_TEST_WRITER_DIR"),
        std::env::var("K8S_TEST_WRITER_TAG"),
        std::env::var("K8S_TEST_WRITER_N"),
    ) else {
        return;
    };
    let store = Store::new(Some(PathBuf::from(&dir)));
    let n: usize = n.parse().expect("a count");
    for i in 0..n {
        let mut t = Tracker::default();
        t.visit(&key(), &format!("{tag}-{i}"));
        t.spent(&key(), "shared", 1);
        store.save(&learner("shared"), &t.take_pending(), NOW).expect("save");
        if i == 0 {
            // Tell the parent a save is in, so it never kills a writer that hasn't started.
            std::fs::write(PathBuf::from(&dir).join(format!("{tag}.ready")), b"").expect("ready marker");
        }
    }
}

fn writer(dir: &Path, tag: &str, n: usize) -> std::process::Child {
    Command::new(std::env::current_exe().expect("test binary"))
        .args([
            "--exact",
            "progress::writer_child",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("K8S_TEST_WRITER_DIR", dir)
        .env("K8S_TEST_WRITER_TAG", tag)
        .env("K8S_TEST_WRITER_N", n.to_string())
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("spawn a writer")
}

#[test]
fn two_processes_writing_at_once_keep_every_slide_either_visited() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (mut a, mut b) = (writer(tmp.path(), "a", 200), writer(tmp.path(), "b", 200));
    assert!(a.wait().expect("a").success() && b.wait().expect("b").success());
    let bytes = std::fs::read(tmp.path().join("shared.yaml")).expect("file");
    let Decoded::Ok(p) = decode("shared.yaml", &bytes) else {
        panic!("the file parses")
    };
    let l = p.lesson(&key()).expect("lesson");
    for tag in ["a", "b"] {
        for i in 0..200 {
            assert!(l.visited.contains(&format!("{tag}-{i}")), "{tag}-{i} lost");
        }
    }
    assert_eq!(l.seconds["shared"], 400, "every second counted once");
}

#[test]
fn a_writer_killed_mid_save_never_leaves_a_broken_file() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let store = Store::new(Some(tmp.path().to_path_buf()));
    for round in 0..50u64 {
        let tag = format!("r{round}");
        let mut child = writer(tmp.path(), &tag, 1_000_000);
        // Once its first save is in, let it run on for a different moment each round.
        let ready = tmp.path().join(format!("{tag}.ready"));
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        while !ready.exists() && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        assert!(ready.exists(), "round {round}: the writer never saved");
        std::thread::sleep(std::time::Duration::from_millis((round * 7) % 40));
        child.kill().expect("SIGKILL");
        let _ = child.wait();
        if let Ok(bytes) = std::fs::read(tmp.path().join("shared.yaml")) {
            assert!(
                matches!(decode("shared.yaml", &bytes), Decoded::Ok(_)),
                "round {round}: broken file"
            );
        }
        let opened = store.open(&learner("shared"), NOW);
        assert!(opened.notices.is_empty(), "round {round}: {:?}", opened.notices);
        assert_eq!(opened.mode, Mode::ReadWrite);
    }
    let opened = store.open(&learner("shared"), NOW);
    assert!(
        opened.progress.lesson(&key()).is_some_and(|l| l.visited.len() >= 50),
        "every writer got a save in"
    );
    // The next save sweeps away the temporary files killed writers left behind.
    let mut t = session(&["title"]);
    store.save(&learner("shared"), &t.take_pending(), NOW).expect("saved");
    let names: Vec<String> = std::fs::read_dir(tmp.path())
        .expect("dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.contains(".tmp-")), "{names:?}");
}

#[test]
fn progress_reset_asks_first_and_yes_skips_the_question() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let store = Store::new(Some(tmp.path().to_path_buf()));
    let mut t = session(&["title", "1.1"]);
    store.save(&learner("kim"), &t.take_pending(), NOW).expect("saved");
    let run = |args: &[&str], answer: &str| {
        use std::io::Write;
        let mut child = Command::new(env!("CARGO_BIN_EXE_k8s-course"))
            .args(args)
            .env("K8S_COURSE_DATA_DIR", tmp.path())
            .env("K8S_COURSE_CONFIG_DIR", tmp.path())
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("runs");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(answer.as_bytes())
            .expect("answer");
        child.wait_with_output().expect("exits")
    };
    // The table first.
    let out = run(&["progress", "--learner", "kim"], "");
    assert!(String::from_utf8_lossy(&out.stdout).contains("week07-docker-kubernetes"));
    // "n" keeps everything.
    let out = run(&["progress", "--reset", "--learner", "kim"], "n\n");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("Reset all progress of learner 'kim'? This cannot be undone. [y/N] Not reset.")
    );
    assert!(tmp.path().join("kim.yaml").exists());
    // "y" resets, and so does --yes without a question.
    let out = run(&["progress", "--reset", "--learner", "kim"], "y\n");
    assert_eq!(out.status.code(), Some(0));
    assert!(!tmp.path().join("kim.yaml").exists() && !tmp.path().join("kim.yaml.last-good").exists());
    let out = run(&["progress", "--reset", "--yes", "--learner", "kim"], "");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "'kim' had no progress saved."
    );
}

#[test]
fn invalid_lecture_and_break_lengths_are_refused_before_the_terminal() {
    for (args, message) in [
        (
            ["--lecture", "abc"],
            "lecture length: invalid duration 'abc': use 20m, 90s, 1h30m or a plain number of minutes",
        ),
        (
            ["--break", "soon"],
            "break length: invalid duration 'soon': use 20m, 90s, 1h30m or a plain number of minutes, or off for no break",
        ),
    ] {
        let tmp = tempfile::tempdir().expect("temp dir");
        let out = Command::new(env!("CARGO_BIN_EXE_k8s-course"))
            .args(args)
            .env("K8S_COURSE_DATA_DIR", tmp.path())
            .env("K8S_COURSE_CONFIG_DIR", tmp.path())
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(
            String::from_utf8_lossy(&out.stderr).trim(),
            format!("k8s-course: {message}")
        );
    }
}

#[test]
fn last_here_counts_from_the_last_save_not_the_opening() {
    let v1 = course_dir(&["1.1 하나", "1.2 둘"]);
    let app = app_for(v1.path(), Progress::default());
    let mut t = Tracker::default();
    t.opened(&app.lesson_key(), NOW - 3 * 86_400);
    t.visit(&app.lesson_key(), "1.2");
    t.seen(&app.lesson_key(), NOW - 3600);
    let mut p = Progress::default();
    p.apply(&t.take_pending());
    // Written and read back: the time survives the file.
    let tmp = tempfile::tempdir().expect("temp dir");
    let store = Store::new(Some(tmp.path().to_path_buf()));
    let mut delta = Tracker::default();
    delta.opened(&app.lesson_key(), NOW - 3 * 86_400);
    delta.visit(&app.lesson_key(), "1.2");
    delta.seen(&app.lesson_key(), NOW - 3600);
    store.save(&learner("lee"), &delta.take_pending(), NOW).expect("saved");
    assert_eq!(store.open(&learner("lee"), NOW).progress, p);
    let app = begun(v1.path(), p, false);
    assert_eq!(
        app.flash().as_ref().map(|f| f.text.as_str()),
        Some("resumed at 1.2 둘, last here 1 hour ago")
    );
}
