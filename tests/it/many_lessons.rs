//! A course of many weeks, loader side: `show LESSON/ID` reads course.yaml and that lesson only
//! (a broken lesson elsewhere does not stop it), `show ID` reads lessons in order until one has
//! the slide, while `list` and `check` still read every lesson and report every problem.

use crate::support::copy_dir;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn run(course: &Path, args: &[&str]) -> (Output, String, String) {
    let home = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_k8s-course"))
        .arg("--course")
        .arg(course)
        .args(args)
        .env("K8S_COURSE_DATA_DIR", home.path().join("data"))
        .env("K8S_COURSE_CONFIG_DIR", home.path().join("config"))
        .output()
        .unwrap();
    let (o, e) = (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    );
    (out, o, e)
}

/// The built-in week and two corpus weeks, then `broken` (a post with a front matter that does
/// not parse), listed last.
fn course(root: &Path) -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let c = root.join("course");
    copy_dir(&manifest.join("course/week07-docker-kubernetes"), &c.join("week07"));
    copy_dir(
        &manifest.join("tests/fixtures/corpus/w05-aws-control-tower-ztna"),
        &c.join("w05"),
    );
    copy_dir(
        &manifest.join("tests/fixtures/corpus/w06-cloudflare-github-security"),
        &c.join("w06"),
    );
    fs::create_dir_all(c.join("broken")).unwrap();
    fs::write(c.join("broken/post.md"), "---\ntitle: [unclosed\n---\n\n## 소개\n").unwrap();
    fs::write(
        c.join("course.yaml"),
        "id: c\ntitle: 과정\nlessons:\n  - week07\n  - w05\n  - w06\n  - broken\n",
    )
    .unwrap();
    c
}

#[test]
fn show_reads_only_the_lesson_it_shows() {
    let tmp = tempfile::tempdir().unwrap();
    let c = course(tmp.path());
    // The same slide as the built-in course shows, though another lesson is broken.
    let (out, shown, err) = run(&c, &["show", "week07/pod", "--plain", "--width", "80"]);
    assert!(out.status.success(), "{err}");
    let (_, builtin, _) = run(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("course"),
        &["show", "pod", "--plain", "--width", "80"],
    );
    assert_eq!(shown, builtin);
    let (out, shown, err) = run(&c, &["show", "w06/title", "--plain", "--width", "80"]);
    assert!(out.status.success(), "{err}");
    assert!(shown.contains("Cloudflare"), "{shown}");
    // A bare id: the first lesson that has it, read in order (the broken one is never reached).
    let (out, shown, err) = run(&c, &["show", "pod", "--plain", "--width", "80"]);
    assert!(out.status.success(), "{err}");
    assert_eq!(shown, builtin);
    // The broken lesson itself is reported when it is the one asked for.
    let (out, _, err) = run(&c, &["show", "broken/title", "--plain"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains("broken/post.md:2"), "{err}");
}

#[test]
fn list_and_check_still_read_every_lesson() {
    let tmp = tempfile::tempdir().unwrap();
    let c = course(tmp.path());
    for args in [&["check"][..], &["list"][..]] {
        let (out, _, err) = run(&c, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(err.contains("broken/post.md:2"), "{args:?}: {err}");
    }
    fs::write(
        c.join("course.yaml"),
        "id: c\ntitle: 과정\nlessons:\n  - week07\n  - w05\n  - w06\n",
    )
    .unwrap();
    let (out, stdout, err) = run(&c, &["check"]);
    assert!(out.status.success(), "{err}");
    assert!(stdout.contains("  lessons    3\n"), "{stdout}");
    let (out, stdout, err) = run(&c, &["list"]);
    assert!(out.status.success(), "{err}");
    for lesson in ["week07", "w05", "w06"] {
        assert!(stdout.contains(lesson), "{lesson}: {stdout}");
    }
}
