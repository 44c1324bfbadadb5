//! Display-cell arithmetic: width, padding, truncation and word wrapping.
//!
//! Wrapping is done here rather than by ratatui's `Paragraph` because its wrapper mishandles
//! double-width glyphs (ratatui issue 2679): a wide glyph must never start in the last column.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Width of `s` in terminal cells.
pub fn display_width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

fn char_width(c: char) -> usize {
    UnicodeWidthChar::width(c).unwrap_or(0)
}

/// `s` padded with spaces to `width` cells (unchanged when already wider).
pub fn pad_to(s: &str, width: usize) -> String {
    let w = display_width(s);
    let mut out = s.to_string();
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(w)));
    out
}

/// `s` cut to at most `width` cells, ending in `…` when something was cut.
pub fn truncate_to(s: &str, width: usize) -> String {
    if display_width(s) <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = char_width(c);
        if used + w > width - 1 {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// Wraps `s` into lines of at most `width` cells.
///
/// Breaks at spaces where there are spaces; a word wider than the line is broken between
/// characters (between Hangul syllables, which is how Korean wraps anyway). `\n` forces a break.
/// A glyph wider than the whole line (a Hangul syllable at width 1) is replaced by `…` so that
/// the caller can see something was cut. Returns at least one (possibly empty) line.
pub fn wrap(s: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for paragraph in s.split('\n') {
        wrap_paragraph(paragraph, width, &mut lines);
    }
    lines
}

fn wrap_paragraph(s: &str, width: usize, lines: &mut Vec<String>) {
    let mut line = String::new();
    let mut used = 0usize;
    for word in split_keep_spaces(s) {
        let w = display_width(word);
        if word.starts_with(' ') {
            // Spaces at a break are dropped; elsewhere they are kept as written.
            if used > 0 && used + w <= width {
                line.push_str(word);
                used += w;
            } else if used > 0 {
                lines.push(std::mem::take(&mut line).trim_end().to_string());
                used = 0;
            }
            continue;
        }
        if used + w > width && used > 0 {
            lines.push(std::mem::take(&mut line).trim_end().to_string());
            used = 0;
        }
        if w <= width {
            line.push_str(word);
            used += w;
            continue;
        }
        for c in word.chars() {
            let cw = char_width(c);
            if used + cw > width {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            if cw > width {
                line.push('…');
                used += 1;
            } else {
                line.push(c);
                used += cw;
            }
        }
    }
    lines.push(line.trim_end().to_string());
}

/// Splits into alternating runs of spaces and non-spaces, keeping both.
pub(crate) fn split_keep_spaces(s: &str) -> impl Iterator<Item = &str> {
    let mut rest = s;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let is_space = first == ' ';
        let end = rest
            .char_indices()
            .find(|&(_, c)| (c == ' ') != is_space)
            .map_or(rest.len(), |(i, _)| i);
        let (run, tail) = rest.split_at(end);
        rest = tail;
        Some(run)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hangul_counts_two_cells() {
        assert_eq!(display_width("kubectl로"), 9);
        assert_eq!(pad_to("파드", 6), "파드  ");
        assert_eq!(truncate_to("컨테이너", 5), "컨테…");
    }

    #[test]
    fn wraps_at_spaces_then_between_syllables() {
        assert_eq!(
            wrap("kubectl로 파드를 확인합니다", 12),
            ["kubectl로", "파드를", "확인합니다"]
        );
        assert_eq!(wrap("확인합니다", 4), ["확인", "합니", "다"]);
        assert_eq!(wrap("a\nb", 10), ["a", "b"]);
    }

    #[test]
    fn every_width_keeps_every_character_and_fits() {
        let text = "kubectl로 파드를 확인합니다 and Service를 노출합니다";
        for width in 1..=40 {
            let lines = wrap(text, width);
            for line in &lines {
                assert!(display_width(line) <= width, "width {width}: {line:?}");
            }
            let joined: String = lines.concat().chars().filter(|c| *c != ' ').collect();
            let expected: String = text.chars().filter(|c| *c != ' ').collect();
            if width >= 2 {
                assert_eq!(joined, expected, "width {width}");
            } else {
                assert_eq!(joined.chars().count(), expected.chars().count());
            }
        }
    }
}
