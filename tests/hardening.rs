//! Issue 12: one regression test per finding of the hostile-input review, named for it.
//! Each reproduces the attack as the review described it and asserts what the user sees.

use std::path::Path;
use std::process::Command;

use k8s_course::content::{CourseSource, load_course};
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_k8s-course");

/// The built-in lesson's folder, for a real script to go with a hostile `lesson.yaml`.
fn real_lesson() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("course/week07-docker-kubernetes")
}

/// A lesson folder: the real lesson's files, with `files` written over them.
fn lesson_with(files: &[(&str, &str)]) -> TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for name in ["post.md", "script.txt", "lesson.yaml"] {
        std::fs::copy(real_lesson().join(name), dir.path().join(name)).expect("copy the real lesson");
    }
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("write a lesson file");
    }
    dir
}

/// Every diagnostic of loading `dir`, as printed.
fn diagnostics(dir: &Path) -> Vec<String> {
    let report = load_course(&CourseSource::Dir(dir.to_path_buf()));
    report.diagnostics.iter().map(ToString::to_string).collect()
}

#[test]
fn finding_01_huge_segment_range_is_an_error_not_an_allocation() {
    for range in ["1-18446744073709551615", "1-4294967296", "1-200000000", "1-3000000"] {
        let dir = lesson_with(&[("lesson.yaml", &format!("narration:\n  title: {range}\n"))]);
        let diags = diagnostics(dir.path());
        let hit: Vec<_> = diags.iter().filter(|d| d.contains("narration for 'title'")).collect();
        assert_eq!(hit.len(), 1, "{range}: one error for the entry, got {diags:#?}");
        assert!(hit[0].contains("but the script has segments 1 to"), "{}", hit[0]);
        assert!(diags.len() < 20, "{range}: diagnostics are capped, got {}", diags.len());
    }
}

#[test]
fn finding_01_many_twice_mapped_segments_are_counted_not_listed() {
    // Every slide claims every segment: thousands of "mapped twice" problems.
    let report = load_course(&CourseSource::Dir(real_lesson()));
    let lesson = &report.course.expect("the real lesson loads").lessons[0];
    let count = lesson.script.as_ref().expect("a script").segments.len();
    let mut yaml = String::from("narration:\n");
    for ch in &lesson.chapters {
        for slide in &ch.slides {
            yaml.push_str(&format!(
                "  \"{}\": 1-{count}\n",
                slide.number.clone().unwrap_or(slide.slug.clone())
            ));
        }
    }
    let dir = lesson_with(&[("lesson.yaml", &yaml)]);
    let diags = diagnostics(dir.path());
    let twice = diags.iter().filter(|d| d.contains("is mapped twice")).count();
    assert_eq!(twice, 10, "{diags:#?}");
    assert!(
        diags.iter().any(|d| d.ends_with("more segments mapped twice")),
        "{diags:#?}"
    );
}

/// A `post.md` with front matter and `body`.
fn post_with(body: &str) -> String {
    format!("---\ntitle: \"부하\"\ndate: 2025-05-30 00:04:58 +0900\ncategory: test\n---\n\n{body}")
}

#[test]
fn finding_02_identical_headings_get_distinct_slugs_in_order() {
    // 20,000 identical headings took 14.8 s (each retried -2, -3, ... from the start); the speed is
    // in `cargo bench --bench pathological`, the outcome is checked here.
    let mut body = String::from("## 장\n\n### a-3\n\n앞\n\n");
    for _ in 0..20_000 {
        body.push_str("### a\n\n본문\n\n");
    }
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("post.md"), post_with(&body)).expect("write post");
    let report = load_course(&CourseSource::Dir(dir.path().to_path_buf()));
    let course = report.course.expect("loads");
    let slugs: Vec<&str> = course.lessons[0].chapters[1]
        .slides
        .iter()
        .map(|s| s.slug.as_str())
        .collect();
    assert_eq!(slugs.len(), 20_001);
    assert_eq!(&slugs[..5], ["a-3", "a", "a-2", "a-4", "a-5"]);
    let unique: std::collections::HashSet<_> = slugs.iter().collect();
    assert_eq!(unique.len(), slugs.len(), "every slug is unique");
}

#[test]
fn finding_02_line_numbers_stay_right_deep_in_a_large_file() {
    let mut body = String::from("## 장\n\n### 첫\n\n");
    for i in 0..50_000 {
        body.push_str(&format!("문단 {i}\n\n"));
    }
    body.push_str("### 끝\n\n마지막\n");
    let dir = tempfile::tempdir().expect("temp dir");
    let post = post_with(&body);
    std::fs::write(dir.path().join("post.md"), &post).expect("write post");
    let report = load_course(&CourseSource::Dir(dir.path().to_path_buf()));
    let course = report.course.expect("loads");
    let last = course.lessons[0].chapters[1].slides.last().expect("a slide");
    let expected = post.lines().position(|l| l == "### 끝").expect("heading") + 1;
    assert_eq!(*last.lines.start(), expected);
}

#[test]
fn finding_07_every_slide_renders_at_every_width_from_0_to_300() {
    use k8s_course::render::blocks::RenderOptions;
    use k8s_course::render::{Highlighter, line_width, slide_lines};
    let report = load_course(&CourseSource::BuiltIn);
    let course = report.course.expect("the built-in course loads");
    let lesson = &course.lessons[0];
    let highlighter = Highlighter::new();
    for width in 0..=300 {
        let opts = RenderOptions {
            width,
            highlighter: Some(&highlighter),
            syntax_theme: k8s_course::render::highlight::DEFAULT_THEME,
            diagrams: &lesson.diagrams,
            focus: None,
        };
        for chapter in &lesson.chapters {
            for slide in &chapter.slides {
                let lines = slide_lines(slide, &opts);
                assert!(!lines.is_empty(), "slide {} at width {width} shows nothing", slide.slug);
                if width >= 20 {
                    let widest = lines.iter().map(|l| line_width(l)).max().unwrap_or(0);
                    assert!(
                        widest <= width,
                        "slide {} at width {width}: a line of {widest}",
                        slide.slug
                    );
                }
            }
        }
    }
}

#[test]
fn finding_07_show_on_a_terminal_reporting_0x0_prints_the_slide() {
    // `script` gives `show` a pty nobody sized: 0 columns, 0 rows.
    let out = Command::new("script")
        .args(["-qec", &format!("{BIN} show pod"), "/dev/null"])
        .env("K8S_COURSE_CONFIG_DIR", tempfile::tempdir().expect("dir").path())
        .env("K8S_COURSE_DATA_DIR", tempfile::tempdir().expect("dir").path())
        .env("TERM", "xterm")
        .env_remove("CI")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("script is installed (bsdutils)");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!text.contains("panicked"), "{text}");
    assert!(text.contains("Pod"), "the slide is shown: {text}");
}

#[test]
fn finding_08_a_2000_column_table_is_cut_to_the_width() {
    let header: String = (0..2_000)
        .map(|c| format!("| 열{c}가나다라마바사 "))
        .collect::<String>()
        + "|\n";
    let rule: String = "|---".repeat(2_000) + "|\n";
    let row: String = (0..2_000)
        .map(|c| format!("| {} ", "x".repeat(c % 50 + 1)))
        .collect::<String>()
        + "|\n";
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("post.md"),
        post_with(&format!("## 장\n\n### 표\n\n{header}{rule}{row}")),
    )
    .expect("write");
    let out = Command::new(BIN)
        .args([
            "--course",
            &dir.path().display().to_string(),
            "show",
            "표",
            "--width",
            "120",
            "--plain",
        ])
        .env("K8S_COURSE_CONFIG_DIR", dir.path())
        .env("K8S_COURSE_DATA_DIR", dir.path())
        .output()
        .expect("run show");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let table: Vec<&str> = text.lines().filter(|l| l.starts_with(['┌', '│', '└'])).collect();
    assert!(
        table.first().is_some_and(|l| l.starts_with('┌')),
        "the table starts:\n{text}"
    );
    assert!(
        table.last().is_some_and(|l| l.starts_with('└')),
        "the table ends:\n{text}"
    );
    for line in &table {
        assert!(k8s_course::text::display_width(line) <= 120, "{line}");
    }
}

#[test]
fn finding_12_term_dumb_is_refused_with_exit_1() {
    let sandbox = tempfile::tempdir().expect("temp dir");
    let out = Command::new("script")
        .args(["-qec", BIN, "/dev/null"])
        .env("K8S_COURSE_CONFIG_DIR", sandbox.path().join("config"))
        .env("K8S_COURSE_DATA_DIR", sandbox.path().join("data"))
        .env("HOME", sandbox.path())
        .env("TERM", "dumb")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("script is installed (bsdutils)");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("TERM=dumb") && text.contains("can't run the player"),
        "{text}"
    );
}
