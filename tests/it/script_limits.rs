//! Hostile script timings and shapes: an absurd segment length is refused with a message naming
//! the file and line, and thousands of previews that match nothing are each reported (the search
//! for a segment's line is bounded, so this stays linear; `benches/import.rs` times it).

use std::fmt::Write as _;
use std::fs;
use std::process::Command;

const POST: &str = "---\ntitle: \"T\"\ndate: 2025-01-01\n---\n\n## 소개\n\n본문입니다.\n";

fn check(script: &str) -> (bool, String) {
    let tmp = tempfile::tempdir().expect("tempdir");
    fs::write(tmp.path().join("post.md"), POST).expect("post");
    fs::write(tmp.path().join("script.txt"), script).expect("script");
    let out = Command::new(env!("CARGO_BIN_EXE_k8s-course"))
        .arg("--course")
        .arg(tmp.path())
        .arg("check")
        .env("K8S_COURSE_DATA_DIR", tmp.path().join("data"))
        .env("K8S_COURSE_CONFIG_DIR", tmp.path().join("config"))
        .output()
        .expect("runs");
    (out.status.success(), String::from_utf8_lossy(&out.stderr).into_owned())
}

fn script(segments: &str) -> String {
    format!(
        "개선일: 2026-01-01\n\n{}\n개선된 강의용 대본\n{}\n\n안녕하세요.\n\n{}\n",
        "=".repeat(60),
        "=".repeat(60),
        segments
    )
}

#[test]
fn a_segment_longer_than_an_hour_is_refused() {
    let (ok, err) = check(&script(
        "[구간 1] 시작: 0.00초, 길이: 18446744073709551.615초\n안녕하세요.\n",
    ));
    assert!(!ok, "{err}");
    assert!(
        err.contains("script.txt:9: segment 1 lasts 18446744073709551.615 s: a segment must be shorter than an hour"),
        "{err}"
    );
}

#[test]
fn a_segment_starting_after_a_day_is_refused() {
    let (ok, err) = check(&script("[구간 1] 시작: 99999999999.00초, 길이: 1.00초\n안녕하세요.\n"));
    assert!(!ok, "{err}");
    assert!(err.contains("a lecture must be shorter than a day"), "{err}");
}

#[test]
fn a_number_past_u64_is_a_parse_error_not_a_panic() {
    let (ok, err) = check(&script(
        "[구간 1] 시작: 0.00초, 길이: 18446744073709551.616초\n안녕하세요.\n",
    ));
    assert!(!ok, "{err}");
    assert!(err.contains("segment line does not parse"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn four_thousand_unmatched_previews_are_each_reported() {
    let mut segs = String::new();
    for i in 0..4000u64 {
        let _ = writeln!(
            segs,
            "[구간 {}] 시작: {}.00초, 길이: 1.00초\n없는 문장 {i}번\n",
            i + 1,
            i
        );
    }
    let (ok, err) = check(&script(&segs));
    assert!(!ok);
    let unmatched = err.matches("matches no paragraph of the narration").count();
    assert_eq!(unmatched, 4000, "{}", &err[..err.len().min(2000)]);
}
