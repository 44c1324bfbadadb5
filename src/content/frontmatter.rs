//! The post's YAML front matter, raw from serde and then validated into [`FrontMatter`].

use serde::Deserialize;

use super::diag::{Diagnostic, Diagnostics};
use super::html::decode_entities;
use super::yaml::{self, YamlSource};
use crate::text::{clean_line, clean_text};

/// A one-line front matter value: exports write entities (`VPC &amp; 네트워크`), so decode, then clean.
fn field(s: &str) -> String {
    clean_line(&decode_entities(s))
}

/// What the front matter says, cleaned and checked.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FrontMatter {
    pub title: String,
    pub date: Option<PostDate>,
    /// `category:` or `categories:`, whichever the export used.
    pub categories: Vec<String>,
    pub tags: Vec<String>,
    pub excerpt: Option<String>,
    pub original_url: Option<String>,
    pub image: Option<String>,
    pub layout: Option<String>,
}

/// A Jekyll date: `2025-05-30 00:04:58 +0900`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PostDate {
    pub year: u16,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
    /// Offset from UTC in minutes (`+0900` is 540).
    pub offset_minutes: i16,
}

#[derive(Deserialize)]
struct Raw {
    title: Option<String>,
    date: Option<serde_yaml::Value>,
    category: Option<StringOrList>,
    categories: Option<StringOrList>,
    tags: Option<StringOrList>,
    excerpt: Option<String>,
    original_url: Option<String>,
    image: Option<String>,
    layout: Option<String>,
}

/// Jekyll accepts `tags: [a, b]` and `tags: a b`.
#[derive(Deserialize)]
#[serde(untagged)]
enum StringOrList {
    List(Vec<String>),
    One(String),
}

impl StringOrList {
    fn into_vec(self, split_spaces: bool) -> Vec<String> {
        match self {
            StringOrList::List(v) => v.iter().map(|s| field(s)).collect(),
            StringOrList::One(s) if split_spaces => s.split_whitespace().map(field).collect(),
            StringOrList::One(s) => vec![field(&s)],
        }
    }
}

/// The front matter block and where the body starts.
pub struct Split<'a> {
    pub yaml: &'a str,
    /// 1-based line of the body's first line.
    pub body_line: usize,
    pub body: &'a str,
}

/// Finds the `---` ... `---` block at the top of a post.
pub fn split<'a>(path: &str, text: &'a str) -> Result<Split<'a>, Diagnostic> {
    let missing = || {
        Diagnostic::error(
            path,
            Some(1),
            "missing front matter: a post starts with a '---' line, YAML (title, date, ...), and another '---' line",
        )
    };
    let rest = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
        .ok_or_else(missing)?;
    let mut offset = 0;
    for (i, line) in rest.split_inclusive('\n').enumerate() {
        let t = line.trim_end();
        if t == "---" || t == "..." {
            return Ok(Split {
                yaml: &rest[..offset],
                body_line: i + 3,
                body: &rest[offset + line.len()..],
            });
        }
        offset += line.len();
    }
    Err(Diagnostic::error(
        path,
        Some(1),
        "front matter is not closed: add a '---' line after the YAML",
    ))
}

/// Parses and validates the front matter YAML (which starts on line 2 of the file).
pub fn parse(path: &str, yaml_text: &str, diags: &mut Diagnostics) -> Option<FrontMatter> {
    let src = YamlSource {
        path,
        first_line: 2,
        text: yaml_text,
    };
    let raw: Raw = match yaml::parse(&src) {
        Ok(r) => r,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    let line_of = |key: &str| yaml::line_of_key(yaml_text, 2, key);
    let Some(title) = raw.title.filter(|t| !t.trim().is_empty()) else {
        diags.push(Diagnostic::error(
            path,
            Some(2),
            "front matter has no title: add 'title: \"...\"'",
        ));
        return None;
    };
    let date = match raw.date {
        None => None,
        Some(v) => {
            let s = match &v {
                serde_yaml::Value::String(s) => s.clone(),
                other => serde_yaml::to_string(other).unwrap_or_default().trim().to_string(),
            };
            match parse_date(&s) {
                Some(d) => Some(d),
                None => {
                    diags.push(Diagnostic::error(
                        path,
                        line_of("date"),
                        format!("date '{s}' is not a date: write it as 2025-05-30 00:04:58 +0900"),
                    ));
                    None
                }
            }
        }
    };
    let mut categories = raw.category.map(|c| c.into_vec(false)).unwrap_or_default();
    categories.extend(raw.categories.map(|c| c.into_vec(true)).unwrap_or_default());
    Some(FrontMatter {
        title: field(&title),
        date,
        categories,
        tags: raw.tags.map(|t| t.into_vec(true)).unwrap_or_default(),
        excerpt: raw.excerpt.map(|e| clean_text(&e)),
        original_url: raw.original_url.map(|u| clean_line(&u)),
        image: raw.image.map(|u| clean_line(&u)),
        layout: raw.layout.map(|u| clean_line(&u)),
    })
}

/// Parses `YYYY-MM-DD[ HH:MM[:SS][ +HHMM]]`.
pub fn parse_date(s: &str) -> Option<PostDate> {
    let mut parts = s.split_whitespace();
    let ymd: Vec<&str> = parts.next()?.split('-').collect();
    let [y, mo, d] = ymd[..] else { return None };
    let (year, month, day) = (y.parse().ok()?, mo.parse().ok()?, d.parse().ok()?);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || y.len() != 4 {
        return None;
    }
    let mut date = PostDate {
        year,
        month,
        day,
        hour: 0,
        minute: 0,
        second: 0,
        offset_minutes: 0,
    };
    if let Some(time) = parts.next() {
        let hms: Vec<u8> = time.split(':').map(|p| p.parse().ok()).collect::<Option<_>>()?;
        match hms[..] {
            [h, m] => (date.hour, date.minute) = (h, m),
            [h, m, s] => (date.hour, date.minute, date.second) = (h, m, s),
            _ => return None,
        }
        if date.hour > 23 || date.minute > 59 || date.second > 60 {
            return None;
        }
    }
    if let Some(off) = parts.next() {
        let (sign, digits) = match off.split_at_checked(1)? {
            ("+", d) => (1, d),
            ("-", d) => (-1, d),
            _ => return None,
        };
        let digits = digits.replace(':', "");
        // ASCII digits only: slicing at byte 2 below must land on a char boundary (a U+200B here
        // once made a 4-byte string of two chars).
        if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let h: i16 = digits[..2].parse().ok()?;
        let m: i16 = digits[2..].parse().ok()?;
        date.offset_minutes = sign * (h * 60 + m);
    }
    parts.next().is_none().then_some(date)
}

impl std::fmt::Display for PostDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sign = if self.offset_minutes < 0 { '-' } else { '+' };
        let off = self.offset_minutes.unsigned_abs();
        write!(
            f,
            "{:04}-{:02}-{:02} {:02}:{:02}:{:02} {sign}{:02}{:02}",
            self.year,
            self.month,
            self.day,
            self.hour,
            self.minute,
            self.second,
            off / 60,
            off % 60
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_with_offsets() {
        let d = parse_date("2025-05-30 00:04:58 +0900").unwrap();
        assert_eq!(
            (d.year, d.month, d.day, d.second, d.offset_minutes),
            (2025, 5, 30, 58, 540)
        );
        assert_eq!(d.to_string(), "2025-05-30 00:04:58 +0900");
        assert_eq!(parse_date("2025-05-30").unwrap().hour, 0);
        assert!(parse_date("2025-13-30").is_none());
        assert!(parse_date("yesterday").is_none());
    }

    #[test]
    fn an_offset_with_non_ascii_characters_is_refused_not_a_panic() {
        // Found by the fuzzer (seed 4001): U+200B is 3 bytes, so "\u{200b}1" has 4 bytes.
        assert!(parse_date("2025-05-30 00:04:58 +\u{200b}1").is_none());
        assert!(parse_date("2025-05-30 00:04:58 +0\u{e9}1").is_none());
        assert!(parse_date("2025-05-30 00:04:58 +한1").is_none());
    }
}
