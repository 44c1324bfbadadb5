//! Control characters in course text, raw or as entities, never reach stdout raw.

use std::process::Command;

/// ESC ] 52 (clipboard), ESC [ 2 J (clear), BEL, DCS, C1 CSI, RLO, ZWSP.
const HOSTILE: [&str; 7] = [
    "\x1b]52;c;aGVsbG8=\x07",
    "\x1b[2J",
    "\x07",
    "\x1bP1$r\x1b\\",
    "\u{9b}31m",
    "\u{202e}",
    "\u{200b}",
];
const ENTITIES: [&str; 5] = ["&#27;]52;c;aGk=&#7;", "&#x1b;[2J", "&#155;31m", "&#x202E;", "&#8203;"];

fn hostile_lesson() -> tempfile::TempDir {
    let raw: String = HOSTILE.concat();
    let ent: String = ENTITIES.concat();
    let post = format!(
        "---\ntitle: \"evil{raw_yaml}\"\nexcerpt: \"x\\e[2Jy\"\n---\n\n## 1. 장{raw}\n\n### 1.1 슬라이드{raw}\n\n본문 {raw} 그리고 {ent}\n\n| a{raw} | b{ent} |\n|---|---|\n| {raw} | {ent} |\n\n```bash\necho {raw}\n```\n\n<div>{ent}</div>\n",
        raw_yaml = "\\e[2J\\x07",
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("post.md"), post).unwrap();
    dir
}

fn assert_clean(bytes: &[u8], what: &str) {
    let text = String::from_utf8_lossy(bytes);
    for (i, c) in text.char_indices() {
        let bad = (c.is_control() && c != '\n') || ('\u{202a}'..='\u{202e}').contains(&c) || c == '\u{200b}';
        assert!(!bad, "{what}: {c:?} at byte {i} in {text:?}");
    }
}

#[test]
fn show_and_list_never_print_controls() {
    let dir = hostile_lesson();
    for args in [
        vec!["show", "1.1", "--plain"],
        vec!["show", "title"],
        vec!["list"],
        vec!["check"],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_k8s-course"))
            .args(&args)
            .arg("--course")
            .arg(dir.path())
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_clean(&out.stdout, &format!("stdout of {args:?}"));
        assert_clean(&out.stderr, &format!("stderr of {args:?}"));
    }
}

#[test]
fn the_markers_are_visible() {
    let dir = hostile_lesson();
    let out = Command::new(env!("CARGO_BIN_EXE_k8s-course"))
        .args(["show", "1.1", "--course"])
        .arg(dir.path())
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("␛]52;c;aGVsbG8=␇"),
        "ESC and BEL are shown as control pictures:\n{text}"
    );
    assert!(text.contains("␛[2J"), "{text}");
}
