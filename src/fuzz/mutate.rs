//! Mutations that know what a file is: lines of markdown, script segments and YAML keys are cut,
//! repeated, swapped and spliced from other real files; numbers become absurd; escapes, wide and
//! invisible characters are dropped in; and now and then bytes are simply flipped.

use std::path::Path;

use super::rng::Rng;
use super::seeds::Seeds;

/// The kind of file, which decides the mutations that make sense.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Markdown,
    Script,
    Yaml,
    Protocol,
}

impl Kind {
    /// The kind of the file at `path`, by its name.
    pub fn of(path: &Path) -> Kind {
        match path.file_name().and_then(|n| n.to_str()) {
            Some("post.md") => Kind::Markdown,
            Some("script.txt") => Kind::Script,
            Some("stream") => Kind::Protocol,
            _ => Kind::Yaml,
        }
    }
}

/// Text that has broken parsers and terminals before.
const NASTY: &[&str] = &[
    "\u{1b}[2J",
    "\u{1b}]0;PWNED\u{7}",
    "\u{9b}31m",
    "\u{1b}P1;2q\u{1b}\\",
    "\r",
    "\0",
    "\t",
    "\u{7f}",
    "\u{202e}",
    "\u{200b}",
    "\u{feff}",
    "e\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}",
    "한글",
    "😀",
    "👩‍👩‍👧‍👦",
    "&#27;[2J",
    "&#x9b;",
    "&#0;",
    "\\e[2J",
    "%1B%5B2J",
    "\u{fffd}",
];

/// Numbers at the edges.
const NUMBERS: &[&str] = &[
    "0",
    "-1",
    "1",
    "255",
    "65536",
    "2147483648",
    "4294967296",
    "9223372036854775807",
    "18446744073709551615",
    "18446744073709551616",
    "99999999999999",
    "1e308",
    "NaN",
    "0.0000001",
    "18446744073709551.615",
    "3000000",
    "1-18446744073709551615",
    "1-4294967296",
    "5-1",
];

const MARKDOWN: &[&str] = &[
    "## ",
    "### ",
    "#### ",
    "# ",
    "```",
    "```yaml",
    "~~~",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "|",
    "> > > > > > > > > > quote",
    "- ",
    "1. ",
    "    ",
    "---",
    "<details><summary>x</summary>",
    "</details>",
    "<!-- ",
    "-->",
    "[link](http://x",
    "![img](",
    "**",
    "`",
    "```mermaid",
    "graph TD; A-->B",
    "<br>",
    "&nbsp;",
];

const SCRIPT: &[&str] = &[
    "[구간 1] 시작: 0.00초, 길이: 10.00초",
    "[구간 99999] 시작: 18446744073709551.615초, 길이: 18446744073709551.615초",
    "[구간 2] 시작: -5초, 길이: NaN초",
    "============================================================",
    "개선된 강의용 대본",
    "Remotion 동기화 구간 정보",
    "Remotion 구간 수: 4294967296개",
    "예상 총 길이: 1e308초 (99999999999999분, 1.5배속 기준 0분)",
    "개선 후 대본 길이: 18446744073709551615자",
];

const YAML: &[&str] = &[
    "a: &x [1, 2]",
    "b: *x",
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
    "{",
    "? complex",
    "- - - -",
    "key: |",
    "key: >-",
    "'",
    "\"",
    "!!binary AAAA",
    "!tag x",
    "lessons: []",
    "lessons:\n  - ../..",
    "lessons:\n  - \"\\e]0;PWNED\\a\"",
    "narration:\n  title: 1-18446744073709551615",
    "aliases:\n  pod: 9.9.9",
    "keys: {quit: [], command: [], suspend: []}",
    "theme: ../../../etc/passwd",
    "schema: 99",
    "seconds:\n        '1.1': 18446744073709551615",
    "last_opened: 99999999999999-01-01T00:00:00Z",
    "# end",
];

const PROTOCOL: &[&str] = &[
    "hello k8s-course-present 1",
    "hello k8s-course-present 2",
    "hello k8s-course-present 4294967296",
    "state lesson=18446744073709551615 slide=18446744073709551615 playing=2 position=18446744073709551615 speed=%1B%5B2J session=%9B",
    "state lesson=0 slide=0",
    "cmd next",
    "cmd play",
    "cmd",
    "cmd act name=quit",
    "cmd act name=%71uit",
    "cmd run line=%1B]52;c;aGk=%07",
    "cmd find text=%E1%84",
    "state lesson=0 slide=0 flash=%9B31m error=1 selecting=1",
];

/// Applies one random mutation to `bytes`.
pub fn mutate(bytes: &mut Vec<u8>, kind: Kind, seeds: &Seeds, rng: &mut Rng) {
    match rng.below(12) {
        0..=5 => mutate_lines(bytes, kind, seeds, rng),
        6 | 7 => replace_number(bytes, rng),
        8 => insert_at_random(bytes, rng.pick(NASTY).as_bytes(), rng),
        9 => truncate(bytes, rng),
        10 => flip_bytes(bytes, rng),
        _ => insert_at_random(bytes, rng.pick(dictionary(kind)).as_bytes(), rng),
    }
}

fn dictionary(kind: Kind) -> &'static [&'static str] {
    match kind {
        Kind::Markdown => MARKDOWN,
        Kind::Script => SCRIPT,
        Kind::Yaml => YAML,
        Kind::Protocol => PROTOCOL,
    }
}

/// Line-level edits: what an author's slip (or an attacker) does to a structured file.
fn mutate_lines(bytes: &mut Vec<u8>, kind: Kind, seeds: &Seeds, rng: &mut Rng) {
    let text = String::from_utf8_lossy(bytes).into_owned();
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let n = lines.len();
    let i = rng.below(n);
    match rng.below(8) {
        0 => {
            let len = 1 + rng.below(8);
            lines.drain(i..(i + len).min(n));
        }
        1 => {
            // Repeat a line or a few: identical headings, rows, segments.
            let times = *rng.pick(&[2usize, 3, 10, 100, 1000]);
            let line = lines[i].clone();
            lines.splice(i..i, std::iter::repeat_n(line, times));
        }
        2 => {
            let j = rng.below(n);
            lines.swap(i, j);
        }
        3 | 4 => {
            let pool = match kind {
                Kind::Markdown => &seeds.lines.markdown,
                Kind::Script => &seeds.lines.script,
                Kind::Yaml => &seeds.lines.yaml,
                Kind::Protocol => &seeds.lines.protocol,
            };
            if !pool.is_empty() {
                let line = rng.pick(pool).clone();
                lines.insert(i, line);
            }
        }
        5 => lines.insert(i, (*rng.pick(dictionary(kind))).to_string()),
        6 => {
            // Prefix a line with structure: a heading mark, a quote, an indent, a list item.
            let prefix = *rng.pick(&["#", "> ", "    ", "- ", "| ", "  ", "\t"]);
            lines[i].insert_str(0, prefix);
        }
        _ => {
            // Move a block of lines elsewhere.
            let len = (1 + rng.below(20)).min(n - i);
            let block: Vec<String> = lines.drain(i..i + len).collect();
            let at = rng.below(lines.len() + 1);
            lines.splice(at..at, block);
        }
    }
    *bytes = lines.join("\n").into_bytes();
}

/// Replaces a run of digits with an edge-case number.
fn replace_number(bytes: &mut Vec<u8>, rng: &mut Rng) {
    let starts: Vec<usize> = (0..bytes.len())
        .filter(|&i| bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_digit()))
        .collect();
    if starts.is_empty() {
        insert_at_random(bytes, rng.pick(NUMBERS).as_bytes(), rng);
        return;
    }
    let start = *rng.pick(&starts);
    let end = (start..bytes.len())
        .find(|&i| !bytes[i].is_ascii_digit())
        .unwrap_or(bytes.len());
    bytes.splice(start..end, rng.pick(NUMBERS).bytes());
}

fn insert_at_random(bytes: &mut Vec<u8>, what: &[u8], rng: &mut Rng) {
    let at = rng.below(bytes.len() + 1);
    bytes.splice(at..at, what.iter().copied());
}

fn truncate(bytes: &mut Vec<u8>, rng: &mut Rng) {
    let at = rng.below(bytes.len() + 1);
    bytes.truncate(at);
}

/// A few random bytes changed: broken UTF-8, stray controls.
fn flip_bytes(bytes: &mut [u8], rng: &mut Rng) {
    if bytes.is_empty() {
        return;
    }
    for _ in 0..1 + rng.below(4) {
        let i = rng.below(bytes.len());
        bytes[i] = rng.next_u64() as u8;
    }
}
