//! A learner's name, validated once: it becomes a file name, so nothing that could leave the data
//! directory or confuse a terminal gets through.

use std::fmt;

/// Longest name accepted, in characters.
const MAX_CHARS: usize = 64;
/// Longest name accepted, in bytes: the name is a file name (`.NAME.yaml.tmp-PID-N` while
/// saving), and file systems allow 255 bytes. 64 emoji are 256 bytes.
const MAX_BYTES: usize = 160;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Learner(String);

impl Learner {
    /// Checks `name`: not empty, at most 64 characters and 160 bytes, no path separators, no `..`, no leading
    /// `.`, no control, bidi or zero-width characters, and no `:`/`*`/`?` and the like that other
    /// systems refuse in file names.
    pub fn new(name: &str) -> Result<Self, String> {
        let name = name.trim();
        let shown = crate::text::clean_line(name);
        let refuse = |why: &str| {
            Err(format!(
                "learner name '{shown}' {why}: use letters, digits, '-', '_' or '.'"
            ))
        };
        if name.is_empty() {
            return Err("the learner name is empty: use letters, digits, '-', '_' or '.'".into());
        }
        if name.chars().count() > MAX_CHARS {
            return refuse(&format!("is longer than {MAX_CHARS} characters"));
        }
        if name.len() > MAX_BYTES {
            return refuse(&format!(
                "is {} bytes long, more than the {MAX_BYTES} a file name allows here \
                 (letters outside ASCII take 2-4 bytes each)",
                name.len()
            ));
        }
        if name.starts_with('.') || name.contains("..") {
            return refuse("starts with '.' or contains '..'");
        }
        let bad = |c: char| {
            c.is_control()
                || c.is_whitespace() && c != ' '
                || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|')
                || matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2069}' | '\u{feff}')
        };
        if name.chars().any(bad) {
            return refuse("contains a path separator, control or invisible character");
        }
        Ok(Self(name.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The progress file's name: `NAME.yaml`.
    pub fn file_name(&self) -> String {
        format!("{}.yaml", self.0)
    }
}

impl fmt::Display for Learner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_names_pass_hostile_ones_do_not() {
        for ok in ["alice", "김철수", "bob.smith", "team-7_a", "Anna Lee"] {
            assert_eq!(Learner::new(ok).map(|l| l.to_string()), Ok(ok.to_string()));
        }
        for bad in [
            "",
            "  ",
            "../etc",
            "a/b",
            "a\\b",
            "..",
            ".hidden",
            "x\u{1b}[2J",
            "a\u{202e}b",
            "a\tb",
            "c:",
        ] {
            assert!(Learner::new(bad).is_err(), "{bad:?} accepted");
        }
        let err = Learner::new("../../etc/passwd").unwrap_err();
        assert!(
            err.starts_with("learner name '../../etc/passwd' starts with '.'"),
            "{err}"
        );
        assert!(Learner::new(&"x".repeat(65)).is_err());
    }
}
