//! Line-level lint checks on prose: damaged text, Latin inside a Hangul word, a dangling
//! particle at the start of a narration line, and the speaking rate of a segment.

use crate::content::Diagnostic;
use crate::content::script::Segment;
use crate::repair::decode::is_syllable;

/// The speaking rate the script generator assumes: 5 characters a second (0.2 s each, spaces
/// and punctuation included), about the pace of a Korean lecturer.
pub const NORMAL_RATE: f64 = 5.0;
/// Rates outside this range (characters a second) are too fast or too slow to speak naturally.
pub const RATE_RANGE: (f64, f64) = (2.5, 9.0);

/// Particles that attach to the word before them and so can never begin a sentence. (`이`, `가`,
/// `도` and `나` are left out: they also begin sentences as words of their own.)
const PARTICLES: &[&str] = &[
    "은", "는", "을", "를", "의", "에", "와", "과", "로", "으로", "에서", "에게", "께서", "까지", "부터", "처럼",
    "보다", "이란", "란", "이며", "이나",
];

/// U+FFFD, or a run of characters that UTF-8 becomes under a Windows code page.
pub fn damaged(path: &str, line: usize, text: &str) -> Option<Diagnostic> {
    if let Some(col) = text.chars().position(|c| c == '\u{FFFD}') {
        return Some(
            Diagnostic::error(
                path,
                Some(line),
                "U+FFFD (a character lost to an encoding error) is left here: write the character it stood for",
            )
            .with_column(Some(col + 1)),
        );
    }
    let m = crate::content::mojibake::detect(&format!("{text}\n{text}\n{text}"))?;
    (m.line == 1).then(|| {
        Diagnostic::error(
            path,
            Some(line),
            format!(
                "mojibake: '{}' is UTF-8 read as {}: take the text again from its UTF-8 source, or `k8s-course import` it",
                m.sample, m.code_page
            ),
        )
        .with_column(Some(m.column))
    })
}

/// `컨테E-A-T이너`: Latin letters between two Hangul syllables of one word.
pub fn latin_in_hangul(path: &str, line: usize, text: &str) -> Option<Diagnostic> {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if is_syllable(chars[i]) && chars.get(i + 1).is_some_and(|c| c.is_ascii_alphabetic()) {
            let start = i + 1;
            let mut j = start;
            while j < chars.len() && (chars[j].is_ascii_alphanumeric() || chars[j] == '-') {
                j += 1;
            }
            if j < chars.len() && is_syllable(chars[j]) {
                let word: String = chars[i..=j].iter().collect();
                let latin: String = chars[start..j].iter().collect();
                return Some(
                    Diagnostic::warning(
                        path,
                        Some(line),
                        format!("Latin letters '{latin}' inside the Hangul word '{word}…': a typo or a glitch of the generator?"),
                    )
                    .with_column(Some(start + 1)),
                );
            }
            i = j;
        }
        i += 1;
    }
    None
}

/// `은 클러스터 …`: a narration line that begins with a particle has lost the word before it.
pub fn dangling_particle(path: &str, line: usize, text: &str) -> Option<Diagnostic> {
    let first = text.split_whitespace().next()?;
    PARTICLES.contains(&first).then(|| {
        Diagnostic::warning(
            path,
            Some(line),
            format!("the line starts with the particle '{first}': the word it belongs to is missing"),
        )
        .with_column(Some(1))
    })
}

/// A speech segment whose text is too long or too short to say in its time at a normal rate.
pub fn rate(path: &str, line: usize, seg: &Segment) -> Option<Diagnostic> {
    let chars = seg.text.chars().filter(|c| *c != '\n').count();
    let secs = seg.duration.0 as f64 / 1000.0;
    if chars == 0 || secs <= 0.0 {
        return None;
    }
    let rate = chars as f64 / secs;
    let (what, fix) = if rate > RATE_RANGE.1 {
        ("too long", "shorten the text or lengthen the segment")
    } else if rate < RATE_RANGE.0 {
        ("too short", "say more or shorten the segment")
    } else {
        return None;
    };
    Some(
        Diagnostic::warning(
            path,
            Some(line),
            format!(
                "segment {}'s narration is {what} for its {secs:.1} s: {chars} characters is {rate:.1} a second, \
                 against a normal speaking rate of {NORMAL_RATE:.0} a second ({:.1}-{:.1} accepted): {fix}",
                seg.number, RATE_RANGE.0, RATE_RANGE.1
            ),
        )
        .with_column(Some(1)),
    )
}
