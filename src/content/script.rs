//! The lecture script: a header, the narration, and timed segments.
//!
//! ```text
//! 개선일: 2026-01-11 23:36:09            <- header: `key: value` lines
//! ...
//! ====...
//! 개선된 강의용 대본                        <- banner: the narration follows, one paragraph a line
//! ====...
//! [구간 1] 시작: 0.00초, 길이: 13.80초      <- segments: timing, then the first 100 chars and `...`
//! 안녕하세요, ...
//! ```
//! Each segment is joined to the full narration paragraph its preview begins.

use super::diag::{Diagnostic, Diagnostics};
use super::segment_kind::{self, SegmentKind, is_rule};
use crate::content::Inline;
use crate::content::markdown::inlines as markdown_inlines;
use crate::text::{clean_line, clean_text};

/// A time or duration in milliseconds: exact, so segment arithmetic never drifts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Hash)]
pub struct Millis(pub u64);

#[derive(Debug, Clone, PartialEq)]
pub struct Script {
    pub header: Header,
    pub paragraphs: Vec<Paragraph>,
    pub segments: Vec<Segment>,
    /// The narration as written (blank lines included, trimmed): what the header's length counts.
    pub narration_text: String,
}

/// What the header claims; checked against the segments by [`check_header`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Header {
    pub improved_at: Option<String>,
    pub source_post: Option<String>,
    pub length_chars: Option<usize>,
    pub segment_count: Option<usize>,
    pub total: Option<Millis>,
    pub minutes_1x: Option<f64>,
    pub minutes_15x: Option<f64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    pub text: String,
    /// 1-based line in the script.
    pub line: usize,
    /// A whole line in parentheses is a stage direction, not narration.
    pub stage_direction: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    pub number: usize,
    pub start: Millis,
    pub duration: Millis,
    /// The preview as the script gives it (`...` included).
    pub preview: String,
    /// The full narration this segment speaks, markdown as written (`**이미지**는 ...`).
    pub text: String,
    /// The same narration with its inline markdown applied, for display.
    pub inlines: Vec<Inline>,
    /// 1-based line of the `[구간 N]` line.
    pub line: usize,
    /// Index into `paragraphs` of the paragraph the segment begins.
    pub paragraph: Option<usize>,
    /// Speech, or a cue, pause or preamble the generator timed like speech.
    pub kind: SegmentKind,
}

impl Segment {
    /// Where the segment ends (start and duration are bounded at parse time; this never wraps).
    pub fn end(&self) -> Millis {
        Millis(self.start.0.saturating_add(self.duration.0))
    }
}

/// The longest a segment may last: one line of narration is never an hour long.
pub const MAX_SEGMENT: Millis = Millis(3_600_000);
/// The latest a segment may start: a lecture is under a day.
pub const MAX_LECTURE: Millis = Millis(86_400_000);

impl Script {
    /// Total narration time: the end of the last segment.
    pub fn total(&self) -> Millis {
        self.segments.last().map_or(Millis(0), Segment::end)
    }

    /// The narration text as the header's length counts it.
    pub fn narration_chars(&self) -> usize {
        self.narration_text.chars().count()
    }
}

/// Parses a script. Problems go to `diags`; the script is returned whenever its segments parsed.
pub fn parse(path: &str, text: &str, diags: &mut Diagnostics) -> Option<Script> {
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    let mut header = Header::default();
    while i < lines.len() && !is_banner(lines[i]) && !is_segment_line(lines[i]) {
        parse_header_line(path, i + 1, lines[i], &mut header, diags);
        i += 1;
    }
    let mut paragraphs = Vec::new();
    let mut narration_text = String::new();
    let mut segments: Vec<Segment> = Vec::new();
    while i < lines.len() {
        let line = lines[i];
        let trimmed = line.trim();
        if is_banner(line) {
            // A banner is `===`, a title line, `===`: skip all three.
            i += if lines.get(i + 2).is_some_and(|l| is_banner(l)) {
                3
            } else {
                1
            };
            continue;
        }
        if is_segment_line(trimmed) {
            match parse_segment_line(trimmed) {
                Ok((number, start, duration)) => {
                    let mut preview = Vec::new();
                    let line_no = i + 1;
                    i += 1;
                    while i < lines.len() && !lines[i].trim().is_empty() && !is_segment_line(lines[i].trim()) {
                        preview.push(lines[i].trim());
                        i += 1;
                    }
                    segments.push(Segment {
                        number,
                        start,
                        duration,
                        preview: clean_text(&preview.join("\n")),
                        text: String::new(),
                        inlines: Vec::new(),
                        line: line_no,
                        paragraph: None,
                        kind: SegmentKind::Speech,
                    });
                    continue;
                }
                Err(why) => diags.push(Diagnostic::error(path, Some(i + 1), why)),
            }
        } else if segments.is_empty() {
            // Narration: the header's length counts it as written; paragraphs are its non-empty lines.
            narration_text.push_str(line);
            narration_text.push('\n');
            if !trimmed.is_empty() && !is_rule(trimmed) {
                paragraphs.push(Paragraph {
                    text: clean_text(trimmed),
                    line: i + 1,
                    stage_direction: segment_kind::is_stage_direction(trimmed),
                });
            }
        }
        i += 1;
    }
    if segments.is_empty() {
        diags.push(Diagnostic::error(
            path,
            None,
            "the script has no segments ('[구간 N] 시작: S초, 길이: D초' lines)",
        ));
        return None;
    }
    let narration_text = clean_text(narration_text.trim());
    let mut script = Script {
        header,
        paragraphs,
        segments,
        narration_text,
    };
    join_segments(path, &mut script, diags);
    check_timing(path, &script, diags);
    check_header(path, &script, diags);
    Some(script)
}

fn is_banner(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 10 && t.chars().all(|c| c == '=')
}

fn is_segment_line(line: &str) -> bool {
    line.starts_with("[구간")
}

/// `[구간 12] 시작: 279.00초, 길이: 29.80초` -> (12, 279000 ms, 29800 ms), or what is wrong with it.
fn parse_segment_line(line: &str) -> Result<(usize, Millis, Millis), String> {
    let shown: String = crate::text::clean_line(line).chars().take(120).collect();
    let (number, start, duration) = parse_segment_fields(line).ok_or_else(|| {
        format!("segment line does not parse: expected '[구간 N] 시작: S초, 길이: D초', found '{shown}'")
    })?;
    if duration >= MAX_SEGMENT {
        return Err(format!(
            "segment {number} lasts {} s: a segment must be shorter than an hour (3600 s); fix its 길이",
            secs(duration)
        ));
    }
    if start >= MAX_LECTURE {
        return Err(format!(
            "segment {number} starts at {} s: a lecture must be shorter than a day (86400 s); fix its 시작",
            secs(start)
        ));
    }
    Ok((number, start, duration))
}

fn parse_segment_fields(line: &str) -> Option<(usize, Millis, Millis)> {
    let rest = line.strip_prefix("[구간")?.trim_start();
    let (number, rest) = rest.split_once(']')?;
    let number = number.trim().parse().ok()?;
    let start = rest.split_once("시작:")?.1;
    let (start, rest) = start.split_once('초')?;
    let duration = rest.split_once("길이:")?.1.split_once('초')?.0;
    let trailing = rest.split_once("길이:")?.1.split_once('초')?.1.trim();
    if !trailing.is_empty() {
        return None;
    }
    Some((number, parse_seconds(start.trim())?, parse_seconds(duration.trim())?))
}

/// `13.80` -> 13800 ms, exactly (no floating point).
pub fn parse_seconds(s: &str) -> Option<Millis> {
    let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
    if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let whole: u64 = whole.parse().ok()?;
    // Digits past milliseconds are dropped; a 20-digit fraction must not allocate or overflow.
    let frac_ms = frac
        .bytes()
        .chain(std::iter::repeat(b'0'))
        .take(3)
        .fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
    whole.checked_mul(1000)?.checked_add(frac_ms).map(Millis)
}

fn parse_header_line(path: &str, line_no: usize, line: &str, header: &mut Header, diags: &mut Diagnostics) {
    let line = line.trim();
    if line.is_empty() {
        return;
    }
    let Some((key, value)) = line.split_once(':') else {
        diags.push(Diagnostic::warning(
            path,
            Some(line_no),
            format!("header line is not 'key: value': '{line}'"),
        ));
        return;
    };
    let value = value.trim();
    let leading_number = |v: &str| -> Option<String> {
        let n: String = v.chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
        (!n.is_empty()).then_some(n)
    };
    let bad = |what: &str| Diagnostic::error(path, Some(line_no), format!("header {what} '{value}' is not a number"));
    match key.trim() {
        "개선일" => header.improved_at = Some(clean_line(value)),
        "원본 포스트" => header.source_post = Some(clean_line(value)),
        "개선 후 대본 길이" => match leading_number(value).and_then(|n| n.parse().ok()) {
            Some(n) => header.length_chars = Some(n),
            None => diags.push(bad("length")),
        },
        "Remotion 구간 수" | "구간 수" => match leading_number(value).and_then(|n| n.parse().ok()) {
            Some(n) => header.segment_count = Some(n),
            None => diags.push(bad("segment count")),
        },
        "예상 총 길이" => {
            let total = leading_number(value).and_then(|n| parse_seconds(&n));
            let Some(total) = total else {
                return diags.push(bad("duration"));
            };
            header.total = Some(total);
            // `(12.0분, 1.5배속 기준 8.0분)`: the first number before 분 is 1x, the last is 1.5x.
            let minutes: Vec<f64> = value
                .split('분')
                .filter_map(|part| {
                    let digits: String = part
                        .chars()
                        .rev()
                        .take_while(|c| c.is_ascii_digit() || *c == '.')
                        .collect();
                    digits.chars().rev().collect::<String>().parse().ok()
                })
                .collect();
            header.minutes_1x = minutes.first().copied();
            header.minutes_15x = minutes.get(1).copied();
        }
        other => diags.push(Diagnostic::warning(
            path,
            Some(line_no),
            format!("unknown header field '{other}' ignored"),
        )),
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How many paragraphs past the last placed one a segment's paragraph is looked for. The generator
/// puts segment N+1 on the next line; hand-written scripts skip a few. A bound keeps a script of
/// thousands of unmatched previews linear.
const LOOKAHEAD: usize = 64;

/// How many consecutive lines one segment may join (the generator joins two short ones).
const MAX_JOINED: usize = 3;

/// Whether `preview` begins the paragraphs `paras` joined by single spaces (all collapsed).
fn begins(paras: &[String], preview: &str) -> bool {
    let mut rest = preview;
    for (k, p) in paras.iter().enumerate() {
        if k > 0 {
            match rest.strip_prefix(' ') {
                Some(r) => rest = r,
                None => return rest.is_empty(),
            }
        }
        if rest.len() <= p.len() {
            return p.starts_with(rest);
        }
        match rest.strip_prefix(p.as_str()) {
            Some(r) => rest = r,
            None => return false,
        }
    }
    rest.is_empty()
}

/// Finds each segment's paragraph, gives it its full text and its kind.
fn join_segments(path: &str, script: &mut Script, diags: &mut Diagnostics) {
    let collapsed: Vec<String> = script.paragraphs.iter().map(|p| collapse(&p.text)).collect();
    let mut cursor = 0;
    let mut matched_directions = vec![false; script.paragraphs.len()];
    for seg in script.segments.iter_mut() {
        let preview = seg.preview.trim_end_matches("...").trim_end_matches('…');
        if is_rule(preview) {
            // A rule is a pause: rules are not paragraphs, so it takes its place by time alone.
            continue;
        }
        let preview = collapse(segment_kind::strip_leading_rule(preview));
        let end = (cursor + LOOKAHEAD).min(collapsed.len());
        let found = (cursor..end).find(|&j| {
            (1..=MAX_JOINED).any(|k| {
                let stop = (j + k).min(collapsed.len());
                // A speech segment never starts on a stage direction unless its preview does.
                begins(&collapsed[j..stop], &preview)
            })
        });
        match found {
            Some(j) => {
                seg.paragraph = Some(j);
                matched_directions[j] = script.paragraphs[j].stage_direction;
                cursor = j + 1;
            }
            None => diags.push(Diagnostic::error(
                path,
                Some(seg.line + 1),
                format!(
                    "segment {}'s text matches no paragraph of the narration: make it the start of one",
                    seg.number
                ),
            )),
        }
    }
    // A segment speaks from its paragraph up to the next segment's (found from the back: linear).
    let mut next_start = script.paragraphs.len();
    let mut ends = vec![next_start; script.segments.len()];
    for (i, seg) in script.segments.iter().enumerate().rev() {
        ends[i] = next_start;
        if let Some(p) = seg.paragraph {
            next_start = p;
        }
    }
    let mut leading = true;
    for (seg, to) in script.segments.iter_mut().zip(ends) {
        seg.text = match seg.paragraph {
            None => seg.preview.clone(),
            Some(from) => {
                let own = std::iter::once(script.paragraphs[from].text.as_str());
                let rest = script.paragraphs[from + 1..to.max(from + 1)]
                    .iter()
                    .filter(|p| !p.stage_direction)
                    .map(|p| p.text.as_str());
                own.chain(rest).collect::<Vec<_>>().join("\n")
            }
        };
        let shown = if seg.paragraph.is_some() {
            seg.text.as_str()
        } else {
            seg.preview.as_str()
        };
        seg.kind = segment_kind::classify(shown, leading);
        leading &= !seg.kind.is_speech();
        seg.inlines = markdown_inlines(&seg.text);
        if seg.kind == SegmentKind::Preamble {
            let line = seg.paragraph.map_or(seg.line, |p| script.paragraphs[p].line);
            diags.push(Diagnostic::warning(
                path,
                Some(line),
                format!(
                    "segment {} is a language model's preamble, not lecture content: playback skips it; \
                     delete the line and its segment to drop it",
                    seg.number
                ),
            ));
        }
    }
    if let Some(first) = script.segments.iter().find_map(|s| s.paragraph)
        && first > 0
    {
        let skipped = &script.paragraphs[..first];
        diags.push(Diagnostic::warning(
            path,
            Some(skipped[0].line),
            format!(
                "{} line(s) of the narration come before segment 1 and belong to no segment",
                skipped.len()
            ),
        ));
    }
    for (p, _) in script
        .paragraphs
        .iter()
        .zip(&matched_directions)
        .filter(|(p, timed)| p.stage_direction && !**timed)
    {
        diags.push(Diagnostic::warning(
            path,
            Some(p.line),
            "stage direction: shown in the narration, never timed",
        ));
    }
}

/// Segments must be numbered 1..N and tile the timeline from 0 without gaps or overlaps.
fn check_timing(path: &str, script: &Script, diags: &mut Diagnostics) {
    let mut expected_start = Millis(0);
    for (i, seg) in script.segments.iter().enumerate() {
        if seg.number != i + 1 {
            diags.push(Diagnostic::error(
                path,
                Some(seg.line),
                format!(
                    "segment numbered {} where {} was expected: number segments 1, 2, 3, ...",
                    seg.number,
                    i + 1
                ),
            ));
        }
        if seg.start != expected_start {
            let (what, by) = if seg.start > expected_start {
                ("leaves a gap of", seg.start.0 - expected_start.0)
            } else {
                ("overlaps the previous one by", expected_start.0 - seg.start.0)
            };
            diags.push(Diagnostic::error(
                path,
                Some(seg.line),
                format!(
                    "segment {} starts at {} s but the previous one ends at {} s: it {what} {} s",
                    seg.number,
                    secs(seg.start),
                    secs(expected_start),
                    secs(Millis(by))
                ),
            ));
        }
        expected_start = seg.end();
    }
}

/// The header's counts and durations must agree with the segments.
fn check_header(path: &str, script: &Script, diags: &mut Diagnostics) {
    let h = &script.header;
    let count = script.segments.len();
    let total = script.total();
    if let Some(n) = h.segment_count
        && n != count
    {
        diags.push(Diagnostic::error(
            path,
            None,
            format!("the header says {n} segments but the script has {count}"),
        ));
    }
    if let Some(t) = h.total
        && t.0.abs_diff(total.0) > 100
    {
        diags.push(Diagnostic::error(
            path,
            None,
            format!(
                "the header says {} s in total but the segments end at {} s",
                secs(t),
                secs(total)
            ),
        ));
    }
    let minutes = |ms: f64| (ms / 60_000.0 * 10.0).round() / 10.0;
    for (claimed, speed, label) in [(h.minutes_1x, 1.0, "1x"), (h.minutes_15x, 1.5, "1.5x")] {
        if let Some(m) = claimed
            && (m - minutes(total.0 as f64 / speed)).abs() > 0.05
        {
            diags.push(Diagnostic::error(
                path,
                None,
                format!(
                    "the header says {m} minutes at {label} but the segments last {} minutes",
                    minutes(total.0 as f64 / speed)
                ),
            ));
        }
    }
    if let Some(n) = h.length_chars
        && n != script.narration_chars()
    {
        diags.push(Diagnostic::warning(
            path,
            None,
            format!(
                "the header says the narration is {n} characters but it is {}",
                script.narration_chars()
            ),
        ));
    }
}

fn secs(m: Millis) -> String {
    let s = format!("{}.{:03}", m.0 / 1000, m.0 % 1000);
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// `12:01.8`: minutes, seconds and tenths.
pub fn clock(m: Millis) -> String {
    let tenths = m.0 / 100;
    format!("{}:{:02}.{}", tenths / 600, tenths / 10 % 60, tenths % 10)
}

/// `m` played at `speed` (1.5 plays faster, so it takes less time).
pub fn at_speed(m: Millis, speed: f64) -> Millis {
    Millis((m.0 as f64 / speed).round() as u64)
}
