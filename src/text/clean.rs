//! The single place untrusted text becomes safe to hold and print.
//!
//! Course files come from authors and from web exports; entities (`&#27;`) and YAML escapes (`"\e"`)
//! can decode to terminal controls. Every string the content model keeps passes through one of these
//! functions, so nothing downstream (the `show` command, error messages, the player) has to think about it.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Tab stops in code blocks. Terminals use 8, but slides are narrow and 4 keeps manifests readable.
pub const TAB_WIDTH: usize = 4;

/// More combining marks than this on one base character are dropped ("zalgo" text would otherwise
/// smear over neighbouring cells in many terminals).
const MAX_COMBINING: usize = 4;

/// Cleans prose: newlines kept, tabs become a space, controls become visible markers.
pub fn clean_text(s: &str) -> String {
    clean(s, false)
}

/// Cleans a single-line value (a title, a label): newlines become spaces as well.
pub fn clean_line(s: &str) -> String {
    clean(s, false).replace('\n', " ")
}

/// Cleans code: like [`clean_text`], but tabs are expanded to the next tab stop of their line.
pub fn clean_code(s: &str) -> String {
    clean(s, true)
}

fn clean(s: &str, expand_tabs: bool) -> String {
    // Fast path: plain printable ASCII (most of a manifest) needs no work at all.
    if s.bytes().all(|b| (0x20..0x7f).contains(&b) || b == b'\n') {
        return s.to_string();
    }
    // Korean prose: nothing to replace, drop, cap or compose means one copy and no rebuilding.
    if s.chars().all(plain) && is_nfc_quick(s.chars()) == IsNormalized::Yes {
        return s.to_string();
    }
    // Most text has no carriage return: skip two copies of it.
    let unix = if s.contains('\r') {
        s.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        s.to_string()
    };
    // Drop and mark characters before composing and capping: a dropped U+200B between two runs of
    // marks would otherwise split one run into two under the cap, and cleaning the output again
    // would join them and cap anew (text must come out of a second cleaning as it went in).
    let filtered = filter(unix);
    // Almost all text is already NFC; the quick check avoids re-composing it (a quarter of load time).
    let normalized: String = match is_nfc_quick(filtered.chars()) {
        IsNormalized::Yes => filtered,
        _ => filtered.nfc().collect(),
    };
    let mut out = String::with_capacity(normalized.len());
    let mut column = 0usize;
    let mut marks = 0usize;
    for c in normalized.chars() {
        if is_combining_mark(c) {
            marks += 1;
            if marks <= MAX_COMBINING {
                out.push(c);
            }
            continue;
        }
        marks = 0;
        match c {
            '\n' => {
                out.push('\n');
                column = 0;
                continue;
            }
            '\t' if expand_tabs => {
                let n = TAB_WIDTH - column % TAB_WIDTH;
                out.extend(std::iter::repeat_n(' ', n));
                column += n;
                continue;
            }
            '\t' => out.push(' '),
            _ => out.push(c),
        }
        column += 1;
    }
    out
}

/// A character that every cleaning keeps as it is (not a control, tab, mark or format character).
fn plain(c: char) -> bool {
    super::is_hangul_syllable(c) || (c >= ' ' && !is_combining_mark(c) && matches!(replacement(c), Replacement::Keep))
}

/// Controls become visible markers and invisible format characters go; newlines and tabs stay
/// for the caller's layout pass.
fn filter(s: String) -> String {
    let keep = |c: char| matches!(c, '\n' | '\t') || matches!(replacement(c), Replacement::Keep);
    if s.chars().all(keep) {
        return s;
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\n' | '\t') {
            out.push(c);
            continue;
        }
        match replacement(c) {
            Replacement::Keep => out.push(c),
            Replacement::Drop => {}
            Replacement::Marker(m) => out.push(m),
        }
    }
    out
}

enum Replacement {
    Keep,
    Drop,
    Marker(char),
}

fn replacement(c: char) -> Replacement {
    match c {
        // C0 controls become their Control Pictures glyph (U+2400 block): visible, one cell, inert.
        '\u{0}'..='\u{1f}' => Replacement::Marker(char::from_u32(0x2400 + c as u32).unwrap_or('�')),
        '\u{7f}' => Replacement::Marker('\u{2421}'),
        // C1 controls (U+0080..U+009F) include CSI, OSC and DCS introducers in 8-bit terminals.
        '\u{80}'..='\u{9f}' => Replacement::Marker('�'),
        // Bidi embeddings, overrides and isolates can reorder what the reader sees.
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}' => Replacement::Drop,
        // Zero-width format characters: invisible, and they break width arithmetic.
        '\u{200b}'..='\u{200d}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{ad}' => Replacement::Drop,
        _ => Replacement::Keep,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_become_visible_or_vanish() {
        let dirty = "a\u{1b}]52;c;aGk=\u{7}b\u{9b}2J\u{202e}c\u{200b}d\u{7f}";
        let clean = clean_text(dirty);
        assert_eq!(clean, "a\u{241b}]52;c;aGk=\u{2407}b�2Jcd\u{2421}");
        assert!(!clean.chars().any(|c| c.is_control()));
    }

    #[test]
    fn crlf_and_tabs() {
        assert_eq!(clean_text("a\r\nb\rc"), "a\nb\nc");
        assert_eq!(clean_code("\tx\n ab\ty"), "    x\n ab y");
        assert_eq!(clean_text("a\tb"), "a b");
        assert_eq!(clean_line("a\nb"), "a b");
    }

    #[test]
    fn hangul_is_composed_and_marks_are_capped() {
        // U+1112 U+1161 U+11AB is 한 in conjoining jamo.
        assert_eq!(clean_text("\u{1112}\u{1161}\u{11ab}"), "한");
        let zalgo = format!("e{}", "\u{301}".repeat(40));
        assert_eq!(clean_text(&zalgo).chars().count(), 1 + MAX_COMBINING);
    }

    #[test]
    fn cleaning_twice_changes_nothing() {
        // Found by the fuzzer (seed 4001, a presenter `session`): a zero-width space between two
        // runs of marks split the run under the cap, and the second cleaning capped it again.
        let acute = "\u{301}";
        let session = format!("e{}\u{200b}{}lecture", acute.repeat(2), acute.repeat(5));
        let once = clean_line(&session);
        assert_eq!(clean_line(&once), once);
        assert_eq!(once, format!("\u{e9}{}lecture", acute.repeat(MAX_COMBINING)));
        for dirty in [
            "a\u{1b}\u{301}\u{301}",
            "\t\u{301}x",
            "\u{feff}\u{301}\u{301}\u{301}\u{301}\u{301}\u{301}",
        ] {
            let once = clean_code(dirty);
            assert_eq!(clean_code(&once), once, "{dirty:?}");
        }
    }
}
