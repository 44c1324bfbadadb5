//! `check --lint`: what an author is told before publishing, as `path:line:col: message`, with
//! exit 1 when there are errors. Real material first: the week-7 post as published (its YAML
//! blocks lost their indentation) with its generated script, and a corpus post whose YAML block
//! does not parse.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

fn lint(course: &Path) -> (Output, String) {
    let home = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_k8s-course"))
        .arg("--course")
        .arg(course)
        .args(["check", "--lint"])
        .env("K8S_COURSE_DATA_DIR", home.path().join("data"))
        .env("K8S_COURSE_CONFIG_DIR", home.path().join("config"))
        .output()
        .unwrap();
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out, all)
}

/// A lesson folder with `post` and `script` copied in.
fn lesson(post: &Path, script: Option<&Path>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(post, dir.path().join("post.md")).unwrap();
    if let Some(s) = script {
        fs::copy(s, dir.path().join("script.txt")).unwrap();
    }
    dir
}

#[test]
fn the_week7_post_as_published_has_collapsed_yaml_and_its_script_two_glitches() {
    let dir = lesson(
        &fixture("seeds/week7-post.as-published.md"),
        Some(&fixture("seeds/script.seed.txt")),
    );
    let (out, all) = lint(dir.path());
    assert_eq!(out.status.code(), Some(1), "{all}");
    let post = dir.path().join("post.md").display().to_string();
    let script = dir.path().join("script.txt").display().to_string();
    for (line, key) in [
        (130, "labels"),
        (148, "selector"),
        (173, "selector"),
        (208, "securityContext"),
    ] {
        let want = format!(
            "{post}:{line}:1: this YAML block's indentation was collapsed: every nested line is one space in, so '{key}' no longer holds the keys under it; `k8s-course validate --reindent` rebuilds this Kubernetes manifest from the schema"
        );
        assert!(all.contains(&want), "{want}\n---\n{all}");
    }
    assert!(
        all.contains(&format!(
            "{script}:28:1: warning: the line starts with the particle '은': the word it belongs to is missing"
        )),
        "{all}"
    );
    assert!(
        all.contains(&format!(
            "{script}:41:299: warning: Latin letters 'E-A-T' inside the Hangul word '테E-A-T이…'"
        )),
        "{all}"
    );
    assert!(all.contains("lint: 4 errors, 2 warnings"), "{all}");
}

#[test]
fn a_yaml_block_that_does_not_parse_is_named_with_its_line() {
    let dir = lesson(&fixture("corpus/w06-cloudflare-github-security/post.md"), None);
    let (out, all) = lint(dir.path());
    assert_eq!(out.status.code(), Some(1), "{all}");
    let post = dir.path().join("post.md").display().to_string();
    assert!(
        all.contains(&format!(
            "{post}:347:3: this YAML block (from line 337) does not parse: did not find expected '-' indicator"
        )),
        "{all}"
    );
}

#[test]
fn damaged_text_and_speaking_rate() {
    let dir = tempfile::tempdir().unwrap();
    let post = "---\ntitle: \"T\"\ndate: 2025-01-01\n---\n\n## 소개\n\n쿠버네티스 \u{FFFD}러스터입니다.\n\n클라우드 시큐리티를 배웁니다.\n";
    fs::write(dir.path().join("post.md"), post).unwrap();
    let body = [
        "안녕하세요, 여러분. 오늘은 쿠버네티스를 배웁니다.",
        "짧은 말.",
        &"아주 긴 설명입니다. ".repeat(12),
    ];
    let bar = "=".repeat(60);
    let mut script = format!(
        "개선일: 2026-01-01\n\n{bar}\n개선된 강의용 대본\n{bar}\n\n{}\n\n{bar}\nRemotion 동기화 구간 정보\n{bar}\n\n",
        body.join("\n\n")
    );
    let mut start = 0u64;
    for (i, (text, secs)) in body.iter().zip([6u64, 30, 10]).enumerate() {
        let preview: String = text.chars().take(100).collect();
        script.push_str(&format!(
            "[구간 {}] 시작: {start}.00초, 길이: {secs}.00초\n{preview}\n\n",
            i + 1
        ));
        start += secs;
    }
    fs::write(dir.path().join("script.txt"), script).unwrap();
    let (out, all) = lint(dir.path());
    assert_eq!(out.status.code(), Some(1), "{all}");
    let p = dir.path().join("post.md").display().to_string();
    let s = dir.path().join("script.txt").display().to_string();
    assert!(
        all.contains(&format!(
            "{p}:8:7: U+FFFD (a character lost to an encoding error) is left here"
        )),
        "{all}"
    );
    assert!(
        all.contains(&format!("{s}:9:1: warning: segment 2's narration is too short for its 30.0 s: 5 characters is 0.2 a second, against a normal speaking rate of 5 a second")),
        "{all}"
    );
    assert!(
        all.contains(&format!(
            "{s}:11:1: warning: segment 3's narration is too long for its 10.0 s: 143 characters is 14.3 a second"
        )),
        "{all}"
    );
    assert!(!all.contains("segment 1's narration"), "{all}");
}

#[test]
fn the_built_in_course_and_a_clean_corpus_lesson_lint_clean() {
    let (out, all) = lint(&fixture("corpus/c8-w06-waf-cloudfront-github-devsecops"));
    assert!(out.status.success(), "{all}");
    assert!(all.contains("lint: 0 errors, 0 warnings"), "{all}");
    let home = tempfile::tempdir().unwrap();
    let built_in = Command::new(env!("CARGO_BIN_EXE_k8s-course"))
        .args(["check", "--lint"])
        .env("K8S_COURSE_DATA_DIR", home.path().join("data"))
        .env("K8S_COURSE_CONFIG_DIR", home.path().join("config"))
        .output()
        .unwrap();
    assert!(built_in.status.success());
    assert!(String::from_utf8_lossy(&built_in.stdout).contains("lint: 0 errors, 0 warnings"));
}
