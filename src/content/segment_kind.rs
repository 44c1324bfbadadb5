//! What a timed segment of the script is: speech, or one of the non-speech lines the script
//! generator times like speech (a `---` rule, a stage direction, a language model's preamble).
//!
//! The generator makes one segment from every non-empty line of the body, so these lines get a
//! place on the timeline; the player shows them for what they are and never mistakes them for
//! narration (alignment ignores them, playback starts after a preamble).

/// The kind of a segment, decided from its text alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SegmentKind {
    /// Narration the lecturer speaks.
    #[default]
    Speech,
    /// A stage direction or music cue in parentheses: `(강의 시작)`, also after a rule: `--- (강의 시작)`.
    Cue,
    /// A `---` rule line: a short silence.
    Pause,
    /// A language model's answer left in the body (`네, 알겠습니다. … 대본을 작성하겠습니다.`):
    /// not lecture content.
    Preamble,
}

impl SegmentKind {
    /// Whether the segment is narration (what alignment scores and playback starts on).
    pub fn is_speech(self) -> bool {
        self == SegmentKind::Speech
    }

    /// A lower-case name for messages: `speech`, `cue`, `pause`, `preamble`.
    pub fn name(self) -> &'static str {
        match self {
            SegmentKind::Speech => "speech",
            SegmentKind::Cue => "cue",
            SegmentKind::Pause => "pause",
            SegmentKind::Preamble => "preamble",
        }
    }
}

/// A line of dashes, stars or underscores, three or more: a markdown rule.
pub fn is_rule(line: &str) -> bool {
    let line = line.trim();
    line.len() >= 3 && line.chars().all(|c| c == '-' || c == '*' || c == '_')
}

/// A whole line in parentheses: a direction for the speaker, not something said.
pub fn is_stage_direction(line: &str) -> bool {
    let line = line.trim();
    line.starts_with('(') && line.ends_with(')')
}

/// `--- (강의 시작)` -> `(강의 시작)`: the rest of a line after leading rule tokens.
pub fn strip_leading_rule(line: &str) -> &str {
    let mut rest = line.trim_start();
    while let Some((first, after)) = rest.split_once(char::is_whitespace) {
        if !is_rule(first) {
            break;
        }
        rest = after.trim_start();
    }
    rest
}

/// Openings of a model's reply to its prompt; a preamble also talks about the script (`대본`).
const PREAMBLE_OPENINGS: &[&str] = &[
    "네,",
    "네.",
    "알겠습니다",
    "물론",
    "좋습니다",
    "sure",
    "okay",
    "here is",
    "here's",
];

/// Decides the kind of a segment whose text (its line or lines, as written) is `text`;
/// `leading` says whether only non-speech segments come before it (a preamble comes first).
pub fn classify(text: &str, leading: bool) -> SegmentKind {
    let text = text.trim();
    if is_rule(text) {
        return SegmentKind::Pause;
    }
    if is_stage_direction(strip_leading_rule(text)) {
        return SegmentKind::Cue;
    }
    let lower = text.to_lowercase();
    let opens = PREAMBLE_OPENINGS.iter().any(|o| lower.starts_with(o));
    let about_script = ["대본", "script", "스크립트"].iter().any(|w| lower.contains(w));
    if leading && opens && about_script {
        return SegmentKind::Preamble;
    }
    SegmentKind::Speech
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_of_the_generator_lines() {
        assert_eq!(classify("---", true), SegmentKind::Pause);
        assert_eq!(classify("--- (강의 시작)", false), SegmentKind::Cue);
        assert_eq!(
            classify("(차분하면서도 긴장감 있는 배경 음악으로 시작)", true),
            SegmentKind::Cue
        );
        assert_eq!(
            classify("네, 알겠습니다. 강의 대본을 작성하겠습니다.", true),
            SegmentKind::Preamble
        );
        assert_eq!(
            classify("네, 알겠습니다. 강의 대본을 작성하겠습니다.", false),
            SegmentKind::Speech
        );
        assert_eq!(classify("안녕하세요, 여러분.", true), SegmentKind::Speech);
        assert_eq!(classify("네, 그렇습니다. (웃음)", true), SegmentKind::Speech);
    }

    #[test]
    fn rule_prefix_is_stripped() {
        assert_eq!(strip_leading_rule("--- (강의 시작)"), "(강의 시작)");
        assert_eq!(strip_leading_rule("안녕하세요"), "안녕하세요");
    }
}
