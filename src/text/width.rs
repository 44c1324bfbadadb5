//! Display-cell arithmetic: width, padding, truncation, and splitting text into space runs for the
//! wrapper in `render::wrap`.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Width of `s` in terminal cells.
pub fn display_width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// A precomposed Hangul syllable (`가`..`힣`): two cells wide in every terminal, and a grapheme
/// cluster of its own unless a jamo follows it.
pub fn is_hangul_syllable(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
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
}
