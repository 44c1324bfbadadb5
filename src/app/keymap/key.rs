//! A key as a user names it. One canonical form, so `<C-c>`, `<c-c>` and `ctrl-c` are the same key
//! and a conflict between them is found.

use std::fmt;

/// Keys with names rather than a character.
const NAMED: &[&str] = &[
    "space",
    "enter",
    "esc",
    "tab",
    "backtab",
    "backspace",
    "delete",
    "insert",
    "left",
    "right",
    "up",
    "down",
    "home",
    "end",
    "pgup",
    "pgdn",
];

/// Other spellings people write for named keys.
const SYNONYMS: &[(&str, &str)] = &[
    ("return", "enter"),
    ("escape", "esc"),
    ("pageup", "pgup"),
    ("pagedown", "pgdn"),
    ("bs", "backspace"),
    ("del", "delete"),
    ("shift-tab", "backtab"),
    ("s-tab", "backtab"),
];

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Code {
    Char(char),
    Named(&'static str),
    F(u8),
}

/// A key with its modifiers. Shift is part of the character (`G`, `?`), never a flag.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: Code,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    pub fn char(c: char) -> Self {
        Self {
            code: Code::Char(c),
            ctrl: false,
            alt: false,
        }
    }

    /// Function key `n` (`f5`).
    pub fn function(n: u8) -> Self {
        Self {
            code: Code::F(n),
            ctrl: false,
            alt: false,
        }
    }

    /// A named key (`"esc"`); None when the name isn't one.
    pub fn named(name: &str) -> Option<Self> {
        NAMED.iter().find(|n| **n == name).map(|n| Self {
            code: Code::Named(n),
            ctrl: false,
            alt: false,
        })
    }
}

/// Parses `j`, `G`, `space`, `pgdn`, `f5`, `<c-c>`, `<a-x>`, `ctrl-d`, `alt-enter`.
pub fn parse_key(text: &str) -> Result<Key, String> {
    let bad = || {
        format!(
            "unknown key '{}': write a character (j, G, ?), a name ({}, f1..f12), or <c-x> / <a-x>",
            crate::text::clean_line(text),
            NAMED.join(", ")
        )
    };
    let mut rest = text.trim();
    if rest.is_empty() {
        return Err(bad());
    }
    let (mut ctrl, mut alt) = (false, false);
    if let Some(inner) = rest.strip_prefix('<').and_then(|r| r.strip_suffix('>')) {
        rest = inner;
    }
    // Modifiers: `c-`, `ctrl-`, `a-`, `alt-`, `m-` (case-insensitive), unless the key is `-` itself.
    loop {
        let lower = rest.to_ascii_lowercase();
        let Some((prefix, _)) = lower.split_once('-') else {
            break;
        };
        if rest.len() <= prefix.len() + 1 {
            break;
        }
        match prefix {
            "c" | "ctrl" | "control" => ctrl = true,
            "a" | "alt" | "m" | "meta" => alt = true,
            _ => break,
        }
        rest = &rest[prefix.len() + 1..];
    }
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        (Some(c), None) if !c.is_control() => Code::Char(if ctrl { c.to_ascii_lowercase() } else { c }),
        _ => {
            let lower = rest.to_ascii_lowercase();
            let lower = SYNONYMS
                .iter()
                .find(|(s, _)| *s == lower)
                .map_or(lower.as_str(), |(_, n)| n);
            if let Some(n) = NAMED.iter().find(|n| **n == lower) {
                Code::Named(n)
            } else if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok())
                && (1..=24).contains(&n)
            {
                Code::F(n)
            } else {
                return Err(bad());
            }
        }
    };
    // `space` is the canonical name of ' ', so `" "` and `space` are one key.
    let code = if code == Code::Char(' ') {
        Code::Named("space")
    } else {
        code
    };
    Ok(Key { code, ctrl, alt })
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let base = match &self.code {
            Code::Char(c) => c.to_string(),
            Code::Named(n) => n.to_string(),
            Code::F(n) => format!("f{n}"),
        };
        match (self.ctrl, self.alt) {
            (false, false) => write!(f, "{base}"),
            (true, false) => write!(f, "<c-{base}>"),
            (false, true) => write!(f, "<a-{base}>"),
            (true, true) => write!(f, "<c-a-{base}>"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_key_are_equal() {
        let canon = |s: &str| parse_key(s).map(|k| k.to_string());
        assert_eq!(canon("<c-c>"), Ok("<c-c>".into()));
        assert_eq!(canon("<C-c>"), Ok("<c-c>".into()));
        assert_eq!(canon("ctrl-c"), Ok("<c-c>".into()));
        assert_eq!(canon("PageDown"), Ok("pgdn".into()));
        assert!(canon(" ").is_err() && canon("").is_err());
        assert_eq!(canon("space"), Ok("space".into()));
        assert_eq!(canon("G"), Ok("G".into()));
        assert_eq!(canon("-"), Ok("-".into()));
        assert_eq!(canon("<a-x>"), Ok("<a-x>".into()));
        assert_eq!(canon("f5"), Ok("f5".into()));
        assert_eq!(canon("shift-tab"), Ok("backtab".into()));
    }

    #[test]
    fn nonsense_is_refused_with_the_names_that_work() {
        let err = parse_key("hyper-x").unwrap_err();
        assert!(err.starts_with("unknown key 'hyper-x': write a character"), "{err}");
        assert!(parse_key("f99").is_err());
        assert!(parse_key("\u{1b}").is_err());
    }
}
