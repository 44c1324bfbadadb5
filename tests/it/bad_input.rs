//! Every bad input the loader names: a clear `path:line: message`, exit 1 from `check`, no panic.

use std::path::Path;
use std::process::Command;

use k8s_course::content::{CourseSource, load_course};
use tempfile::TempDir;

const POST: &str = "---\ntitle: \"테스트 강의\"\ndate: 2025-05-30 00:04:58 +0900\ncategory: test\n---\n\n## 1. 첫 장\n\n### 1.1 Docker\n\nDocker 설명입니다.\n\n### 1.2 Pod\n\nPod 설명입니다.\n";

/// A script over `paras` (one paragraph each) with segments `(start, duration)` in seconds.
fn script_with(paras: &[&str], times: &[(&str, &str)], count: usize, total: &str, min1: &str, min15: &str) -> String {
    let narration = paras.join("\n\n");
    let mut s = format!(
        "개선일: 2026-01-11 23:36:09\n원본 포스트: test.md\n개선 후 대본 길이: {}자\nRemotion 구간 수: {count}개\n예상 총 길이: {total}초 ({min1}분, 1.5배속 기준 {min15}분)\n\n{}\n개선된 강의용 대본\n{}\n\n{narration}\n\n{}\nRemotion 동기화 구간 정보\n{}\n\n",
        narration.chars().count(),
        "=".repeat(60),
        "=".repeat(60),
        "=".repeat(60),
        "=".repeat(60)
    );
    for (i, ((start, dur), para)) in times.iter().zip(paras).enumerate() {
        s.push_str(&format!("[구간 {}] 시작: {start}초, 길이: {dur}초\n{para}\n\n", i + 1));
    }
    s
}

const PARAS: [&str; 3] = [
    "안녕하세요, Docker 강의입니다.",
    "Docker는 컨테이너 플랫폼입니다.",
    "Pod는 가장 작은 단위입니다.",
];

fn good_script() -> String {
    script_with(
        &PARAS,
        &[("0.00", "10.00"), ("10.00", "20.00"), ("30.00", "30.00")],
        3,
        "60.0",
        "1.0",
        "0.7",
    )
}

fn lesson(files: &[(&str, &[u8])]) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    dir
}

/// Loads `dir` and returns the errors as printed (`path:line: message`).
fn errors(dir: &Path) -> Vec<String> {
    let report = load_course(&CourseSource::Dir(dir.to_path_buf()));
    assert!(
        report.course.is_none(),
        "expected errors, got a course; diagnostics: {:?}",
        report.diagnostics
    );
    report
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.to_string())
        .collect()
}

/// Asserts one error mentions `file:line` and says `what`.
fn assert_error(errors: &[String], file_line: &str, what: &str) {
    assert!(
        errors.iter().any(|e| e.contains(file_line) && e.contains(what)),
        "no error at {file_line} saying {what:?}; errors: {errors:#?}"
    );
}

/// One bad input: the files of a lesson folder, where the error must point and what it must say.
struct Case {
    name: &'static str,
    files: Vec<(&'static str, Vec<u8>)>,
    at: String,
    says: &'static str,
}

fn case(name: &'static str, files: &[(&'static str, &[u8])], at: &str, says: &'static str) -> Case {
    Case {
        name,
        files: files.iter().map(|(n, b)| (*n, b.to_vec())).collect(),
        at: at.to_string(),
        says,
    }
}

/// A script next to the good post, with the error expected on the first line starting with
/// `line` (or anywhere in the file when `line` is empty).
fn script_case(name: &'static str, script: String, line: &str, says: &'static str) -> Case {
    let at = match script.lines().position(|l| !line.is_empty() && l.starts_with(line)) {
        Some(i) => format!("script.txt:{}:", i + 1),
        None => "script.txt".to_string(),
    };
    case(
        name,
        &[("post.md", POST.as_bytes()), ("script.txt", script.as_bytes())],
        &at,
        says,
    )
}

fn post_case(name: &'static str, post: &str, at: &str, says: &'static str) -> Case {
    case(name, &[("post.md", post.as_bytes())], at, says)
}

/// Scripts that differ from the good one only in their timings and header.
fn timed(times: &[(&str, &str)], count: usize, total: &str, min15: &str) -> String {
    script_with(&PARAS, times, count, total, "1.0", min15)
}

fn cases() -> Vec<Case> {
    let mut not_utf8 = POST.as_bytes().to_vec();
    not_utf8.splice(6..6, [0xff, 0xfe]);
    let mut bomb = String::from("title: a\nx0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..10 {
        let refs = vec![format!("*a{}", i - 1); 9].join(", ");
        bomb.push_str(&format!("x{i}: &a{i} [{refs}]\n"));
    }
    let good = [("0.00", "10.00"), ("10.00", "20.00"), ("30.00", "30.00")];
    let unmatched = good_script().replacen("Pod는 가장 작은 단위입니다.\n\n", "Service는 다른 이야기입니다.\n\n", 2);
    let unmatched = unmatched.replacen("Service는 다른 이야기입니다.", "Pod는 가장 작은 단위입니다.", 1);
    vec![
        case(
            "missing lesson folder",
            &[("course.yaml", b"id: c\ntitle: C\nlessons: [week99]\n")],
            "week99/post.md",
            "missing file",
        ),
        case("not UTF-8", &[("post.md", &not_utf8)], "post.md:2:", "not UTF-8"),
        post_case(
            "missing front matter",
            "## 1. Chapter\n\ntext\n",
            "post.md:1:",
            "missing front matter",
        ),
        post_case(
            "unclosed front matter",
            "---\ntitle: x\n\n## 1. Chapter\n",
            "post.md:1:",
            "not closed",
        ),
        post_case(
            "invalid front matter YAML",
            "---\ntitle: \"x\ndate: [\n---\nbody\n",
            "post.md:",
            "invalid YAML",
        ),
        post_case(
            "front matter of the wrong type, with line and column",
            "---\ndate: 2025-05-30\ntitle: [a, b]\n---\nbody\n",
            "post.md:3:8:",
            "wrong type",
        ),
        post_case(
            "a duplicate front matter key",
            "---\ntitle: a\ncategory: x\ntitle: b\n---\nbody\n",
            "post.md:4:1:",
            "duplicate field `title`",
        ),
        post_case(
            "front matter without a title",
            "---\ncategory: x\n---\nbody\n",
            "post.md:2:",
            "no title",
        ),
        post_case(
            "a bad date",
            "---\ntitle: a\ndate: yesterday\n---\nbody\n",
            "post.md:3:",
            "is not a date",
        ),
        post_case(
            "deeply nested flow YAML, refused before serde sees it",
            &format!("---\ntitle: a\ntags: {}\n---\nbody\n", "[".repeat(80 * 1024)),
            "post.md:3:",
            "nested more than 32 levels",
        ),
        post_case(
            "a YAML alias bomb",
            &format!("---\n{bomb}---\nbody\n"),
            "post.md:",
            "alias bomb",
        ),
        case(
            "an unknown field in lesson.yaml",
            &[("post.md", POST.as_bytes()), ("lesson.yaml", b"alias:\n  k: 1.1\n")],
            "lesson.yaml:1:",
            "unknown field `alias`",
        ),
        script_case(
            "a segment line that does not parse",
            good_script().replace(
                "[구간 2] 시작: 10.00초, 길이: 20.00초",
                "[구간 2] 시작: ten초, 길이: 20.00초",
            ),
            "[구간 2]",
            "does not parse",
        ),
        script_case(
            "overlapping segments",
            timed(
                &[("0.00", "10.00"), ("8.00", "22.00"), ("30.00", "30.00")],
                3,
                "60.0",
                "0.7",
            ),
            "[구간 2]",
            "overlaps the previous one by 2 s",
        ),
        script_case(
            "segments with a gap",
            timed(
                &[("0.00", "10.00"), ("12.50", "17.50"), ("30.00", "30.00")],
                3,
                "60.0",
                "0.7",
            ),
            "[구간 2]",
            "leaves a gap of 2.5 s",
        ),
        script_case(
            "a header count that disagrees",
            timed(&good, 4, "60.0", "0.7"),
            "",
            "says 4 segments but the script has 3",
        ),
        script_case(
            "a header total that disagrees",
            timed(&good, 3, "75.0", "0.7"),
            "",
            "says 75 s in total but the segments end at 60 s",
        ),
        script_case(
            "a header time at 1.5x that disagrees",
            timed(&good, 3, "60.0", "0.9"),
            "",
            "says 0.9 minutes at 1.5x",
        ),
        script_case(
            "a preview that matches no paragraph",
            unmatched,
            "Service는",
            "segment 3's text matches no paragraph",
        ),
    ]
}

/// Every case in the table: the load fails with an error at the place named, saying what is wrong.
#[test]
fn each_bad_input_is_named_with_its_place() {
    for c in cases() {
        let files: Vec<(&str, &[u8])> = c.files.iter().map(|(n, b)| (*n, b.as_slice())).collect();
        let dir = lesson(&files);
        let errors = errors(dir.path());
        assert!(
            errors.iter().any(|e| e.contains(&c.at) && e.contains(c.says)),
            "{}: no error at {} saying {:?}; errors: {errors:#?}",
            c.name,
            c.at,
            c.says
        );
    }
}

#[test]
fn a_good_lesson_loads() {
    let dir = lesson(&[("post.md", POST.as_bytes()), ("script.txt", good_script().as_bytes())]);
    let report = load_course(&CourseSource::Dir(dir.path().to_path_buf()));
    assert!(report.course.is_some(), "{:?}", report.diagnostics);
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
}

#[test]
fn lessons_listed_twice_or_empty() {
    let dir = lesson(&[
        ("a/post.md", POST.as_bytes()),
        ("course.yaml", b"id: c\ntitle: C\nlessons:\n  - a\n  - ./a/\n"),
    ]);
    assert_error(&errors(dir.path()), "course.yaml:5:", "lesson 'a' is listed twice");
    let dir = lesson(&[("course.yaml", b"id: c\ntitle: C\nlessons: [\"\"]\n")]);
    assert_error(&errors(dir.path()), "course.yaml:", "an empty lesson entry");
}

#[test]
fn an_optional_file_that_escapes_is_reported_not_skipped() {
    let outer = lesson(&[("meta.yaml", b"aliases: {}\n"), ("w1/post.md", POST.as_bytes())]);
    std::os::unix::fs::symlink(outer.path().join("meta.yaml"), outer.path().join("w1/lesson.yaml")).unwrap();
    std::os::unix::fs::symlink("/nonexistent", outer.path().join("w1/script.txt")).unwrap();
    let errors = errors(&outer.path().join("w1"));
    assert_error(&errors, "w1/lesson.yaml", "outside the course folder");
    assert_error(&errors, "w1/script.txt", "missing file");
}

#[test]
fn not_a_course_folder() {
    let dir = lesson(&[("notes.txt", b"hello")]);
    assert_error(
        &errors(dir.path()),
        &dir.path().display().to_string(),
        "neither course.yaml nor post.md",
    );
}

#[test]
fn mojibake_is_named_with_its_code_page_and_line() {
    let dir = lesson(&[("post.md", include_bytes!("../fixtures/seeds/mojibake-post.md"))]);
    let errors = errors(dir.path());
    assert_error(&errors, "post.md:3:", "mojibake");
    assert_error(&errors, "post.md:3:", "Windows-1254");
    assert_eq!(
        errors.len(),
        1,
        "one clear message, not a screen of garbage: {errors:?}"
    );
}

#[test]
fn lesson_yaml_naming_a_missing_slide_or_segment() {
    let meta = "aliases:\n  k: 9.9\nnarration:\n  \"1.1\": 1-2\n  \"7.7\": 3\n  \"1.2\": 4\n";
    let dir = lesson(&[
        ("post.md", POST.as_bytes()),
        ("script.txt", good_script().as_bytes()),
        ("lesson.yaml", meta.as_bytes()),
    ]);
    let errors = errors(dir.path());
    assert_error(
        &errors,
        "lesson.yaml:2:",
        "alias 'k' names slide '9.9', which does not exist",
    );
    assert_error(&errors, "lesson.yaml:5:", "names slide '7.7'");
    assert_error(
        &errors,
        "lesson.yaml:6:",
        "segment 4, but the script has segments 1 to 3",
    );
}

#[test]
fn lesson_yaml_unmapped_and_twice_mapped_segments() {
    let twice = "narration:\n  \"1.1\": 1-2\n  \"1.2\": 2-3\n";
    let dir = lesson(&[
        ("post.md", POST.as_bytes()),
        ("script.txt", good_script().as_bytes()),
        ("lesson.yaml", twice.as_bytes()),
    ]);
    assert_error(&errors(dir.path()), "lesson.yaml:3:", "segment 2 is mapped twice");
    let missing = "narration:\n  \"1.1\": 1-2\n";
    let dir = lesson(&[
        ("post.md", POST.as_bytes()),
        ("script.txt", good_script().as_bytes()),
        ("lesson.yaml", missing.as_bytes()),
    ]);
    assert_error(&errors(dir.path()), "lesson.yaml:1:", "segment(s) 3 belong to no slide");
}

#[test]
fn course_reaching_outside_through_dot_dot() {
    let outer = lesson(&[
        ("outside/post.md", POST.as_bytes()),
        ("course/course.yaml", b"id: c\ntitle: C\nlessons: [../outside]\n"),
    ]);
    assert_error(
        &errors(&outer.path().join("course")),
        "post.md",
        "leaves the course folder",
    );
}

#[test]
fn course_reaching_outside_through_a_symlink() {
    let outer = lesson(&[
        ("secret.md", POST.as_bytes()),
        ("course/course.yaml", b"id: c\ntitle: C\nlessons: [w1]\n"),
    ]);
    std::fs::create_dir_all(outer.path().join("course/w1")).unwrap();
    std::os::unix::fs::symlink(outer.path().join("secret.md"), outer.path().join("course/w1/post.md")).unwrap();
    assert_error(
        &errors(&outer.path().join("course")),
        "w1/post.md",
        "outside the course folder",
    );
}

#[test]
fn file_too_large_to_be_a_lesson() {
    let dir = lesson(&[]);
    let file = std::fs::File::create(dir.path().join("post.md")).unwrap();
    file.set_len(11 * 1024 * 1024).unwrap();
    assert_error(&errors(dir.path()), "post.md", "more than the 10 MB");
}

#[test]
fn markdown_nested_thousands_deep_is_clamped() {
    let quotes = format!("{POST}\n{} deep\n\n{}x\n", ">".repeat(5000), "- ".repeat(5000));
    let dir = lesson(&[("post.md", quotes.as_bytes())]);
    let report = load_course(&CourseSource::Dir(dir.path().to_path_buf()));
    let course = report.course.expect("deep nesting still loads");
    let warnings: Vec<String> = report.diagnostics.iter().map(|d| d.to_string()).collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("post.md:17: warning: nested more than 12 levels")),
        "{warnings:?}"
    );
    let last = course.lessons[0].slides().last().unwrap().1.clone();
    assert!(
        format!("{:?}", last.blocks).contains("deep"),
        "the deep text is still shown"
    );
}

#[test]
fn a_parser_panic_is_contained() {
    let result = k8s_course::content::post::contain_panic(|| -> u8 { panic!("pulldown-cmark fell over") });
    assert_eq!(result, Err("pulldown-cmark fell over".to_string()));
}

#[test]
fn check_prints_every_problem_and_exits_1() {
    let script = script_with(
        &PARAS,
        &[("0.00", "10.00"), ("12.00", "18.00"), ("30.00", "30.00")],
        4,
        "60.0",
        "1.0",
        "0.7",
    );
    let dir = lesson(&[("post.md", POST.as_bytes()), ("script.txt", script.as_bytes())]);
    let out = Command::new(env!("CARGO_BIN_EXE_k8s-course"))
        .args(["check", "--course"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let script_path = dir.path().join("script.txt").display().to_string();
    assert!(stderr.contains(&format!("{script_path}:")), "{stderr}");
    assert!(stderr.contains("leaves a gap of 2 s"), "{stderr}");
    assert!(stderr.contains("says 4 segments"), "{stderr}");
    assert!(stderr.contains("2 error(s)"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn check_warns_about_a_segment_aligned_only_by_position() {
    let paras = [
        "안녕하세요, Docker 강의입니다.",
        "오늘은 날씨가 정말 좋네요.",
        "Pod는 가장 작은 단위입니다.",
    ];
    let script = script_with(
        &paras,
        &[("0.00", "10.00"), ("10.00", "20.00"), ("30.00", "30.00")],
        3,
        "60.0",
        "1.0",
        "0.7",
    );
    let dir = lesson(&[("post.md", POST.as_bytes()), ("script.txt", script.as_bytes())]);
    let report = load_course(&CourseSource::Dir(dir.path().to_path_buf()));
    assert!(report.course.is_some(), "a warning does not stop the course");
    let line = script.lines().position(|l| l.starts_with("[구간 2]")).unwrap() + 1;
    let warnings: Vec<String> = report.diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains(&format!(
            "script.txt:{line}: warning: segment 2 shares no term with slide"
        )),
        "{warnings:?}"
    );
}

#[test]
fn lesson_yaml_diagrams_naming_what_does_not_exist() {
    let meta = "\
diagrams:
  - id: cluster
    slide: \"1.1\"
    tiers:
      - [plane]
      - [worker, ghost]
    groups:
      - { id: plane, label: Control Plane, kind: control-plane, components: [api, phantom] }
      - { id: worker, label: Node, kind: robot, components: [kubelet] }
    components:
      - { id: api, label: API Server }
      - { id: kubelet, label: kubelet }
    edges:
      - { from: plane, to: [worker, nowhere] }
  - id: lost
    slide: \"8.8\"
    tiers: [[x]]
    components:
      - { id: x, label: X }
";
    let dir = lesson(&[("post.md", POST.as_bytes()), ("lesson.yaml", meta.as_bytes())]);
    let errors = errors(dir.path());
    assert_error(
        &errors,
        "lesson.yaml:6:",
        "tiers name 'ghost', which is neither a group nor a component",
    );
    assert_error(
        &errors,
        "lesson.yaml:8:",
        "group 'plane' names component 'phantom', which is not defined",
    );
    assert_error(
        &errors,
        "lesson.yaml:9:",
        "kind 'robot' is not one of control-plane, node, plain",
    );
    assert_error(
        &errors,
        "lesson.yaml:14:",
        "edge to 'nowhere', which is neither a group nor a component",
    );
    assert_error(
        &errors,
        "lesson.yaml:16:",
        "diagram 'lost' names slide '8.8', which does not exist",
    );
    // `check` exits 1 and prints them.
    let out = Command::new(env!("CARGO_BIN_EXE_k8s-course"))
        .args(["check", "--course"])
        .arg(dir.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("edge to 'nowhere'"));
}
