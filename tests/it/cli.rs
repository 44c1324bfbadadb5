//! The command line as a user runs it: exit codes, stdout, stderr.

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_k8s-course"))
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn check_summarises_the_built_in_course() {
    let out = run(&["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let text = stdout(&out);
    for expected in [
        "클라우드 시큐리티 과정 7기 (cloud-security-7, ko)",
        "chapters   6",
        "slides     14",
        "code       9 blocks (bash 4, yaml 5)",
        "segments   24",
        "narration  12:01.8 at 1x, 8:01.2 at 1.5x",
        "ok: 0 errors, 0 warnings",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
}

#[test]
fn list_prints_the_table_of_contents() {
    let out = run(&["list"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    let line = |prefix: &str| {
        text.lines()
            .find(|l| l.starts_with(prefix))
            .unwrap_or_else(|| panic!("{prefix}\n{text}"))
    };
    // Chapter 2: four slides, 3:11.6 of narration; columns line up although titles are Hangul.
    let ch2 = line("2         Kubernetes 핵심 개념");
    assert!(ch2.ends_with("4     3:11.6"), "{ch2}");
    let arch = line("  2.1     Kubernetes 아키텍처");
    assert!(arch.ends_with("1:38.6"), "{arch}");
    let width = k8s_course::text::display_width;
    assert_eq!(
        width(ch2),
        width(line("3         컨테이너 보안")),
        "columns align in display cells"
    );
    assert!(
        line("  1.3     기본 Docker 명령어").ends_with('-'),
        "no narration on 1.3"
    );
}

#[test]
fn show_prints_a_slide_as_plain_text_when_piped() {
    let out = run(&["show", "pod"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(text.starts_with("2.2 주요 Kubernetes 리소스\n2.2.1 Pod\n"), "{text}");
    assert!(text.contains("│     image: nginx:1.21   │"), "{text}");
    assert!(text.contains("╭─ yaml "), "{text}");
    assert!(
        text.contains("[15]  5:39.4  가장 기본이 되는 배포 단위는 Pod입니다."),
        "narration, markdown applied:\n{text}"
    );
    assert!(!text.contains('\x1b'), "no escape codes when stdout is not a terminal");
}

#[test]
fn show_by_number_alias_and_width() {
    let a = stdout(&run(&["show", "2.1", "--width", "60"]));
    let b = stdout(&run(&["show", "arch", "--plain", "--width", "60"]));
    assert_eq!(a, b);
    for label in [
        "Control Plane",
        "API Server",
        "etcd",
        "Scheduler",
        "Controller Manager",
        "Node 3",
        "kubelet",
        "Pods",
    ] {
        assert!(a.contains(label), "{label} in\n{a}");
    }
    for line in a.lines() {
        assert!(k8s_course::text::display_width(line) <= 60, "{line:?}");
    }
}

#[test]
fn show_unknown_id_fails_with_a_hint() {
    let out = run(&["show", "nope\x1b[2J"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("no slide 'nope␛[2J'"), "{err}");
    assert!(err.contains("k8s-course list"), "{err}");
}

#[test]
fn help_and_version() {
    let help = run(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    let text = stdout(&help);
    for cmd in ["check", "list", "show", "--course"] {
        assert!(text.contains(cmd), "{text}");
    }
    let version = run(&["--version"]);
    assert_eq!(
        stdout(&version).trim(),
        format!("k8s-course {}", env!("CARGO_PKG_VERSION"))
    );
    let bad = run(&["frobnicate"]);
    assert_eq!(bad.status.code(), Some(2), "clap's usage error");
}

#[test]
fn course_dir_loads_a_course_folder_or_a_lesson_folder() {
    let course = run(&["check", "--course", "course"]);
    assert_eq!(
        course.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&course.stderr)
    );
    let lesson = run(&["list", "--course", "course/week07-docker-kubernetes"]);
    assert_eq!(lesson.status.code(), Some(0));
    assert!(stdout(&lesson).contains("week07-docker-kubernetes"));
    let missing = run(&["check", "--course", "/nonexistent/course"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("/nonexistent/course: no such folder"));
}

#[test]
fn show_fits_every_slide_in_the_narrowest_width() {
    let course = k8s_course::content::load_course(&k8s_course::content::CourseSource::BuiltIn)
        .course
        .expect("built-in course");
    let lesson = &course.lessons[0];
    for i in 0..lesson.slide_count() {
        let id = lesson.id_of(k8s_course::content::SlideIndex(i));
        let text = stdout(&run(&["show", &id, "--plain", "--width", "20"]));
        for line in text.lines() {
            assert!(k8s_course::text::display_width(line) <= 20, "{id}: {line:?}");
        }
    }
}
