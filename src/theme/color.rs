//! Colours and style entries as a theme file writes them: `{ fg, bg, bold, italic, underline,
//! reversed, dim }`, every field optional so a file lists only what it changes.
//!
//! Colours are parsed inside a serde visitor, not after deserializing a string: serde_yaml attaches
//! the scalar's line and column only to errors raised while it is visiting that scalar.

use std::fmt;

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

/// What a colour may be, for error messages; `themes/default.yaml` lists every name.
const EXPECTED: &str = "a colour: a name such as red, lightcyan or default, \"#rrggbb\" or 0-255";

/// Words every colour error carries, so the loader can tell them from YAML errors.
pub(crate) const NOT_A_COLOUR: &str = "is not a colour";

/// A colour name, `#rrggbb`, or an xterm palette index `0`-`255`; `default` is the terminal's own.
pub(crate) fn parse_color(text: &str) -> Option<Color> {
    let lower = text.trim().to_ascii_lowercase();
    let named = match lower.as_str() {
        "default" | "reset" => Color::Reset,
        "black" => Color::Black,
        "red" => Color::Red,
        "green" => Color::Green,
        "yellow" => Color::Yellow,
        "blue" => Color::Blue,
        "magenta" => Color::Magenta,
        "cyan" => Color::Cyan,
        "gray" | "grey" => Color::Gray,
        "darkgray" | "darkgrey" => Color::DarkGray,
        "lightred" => Color::LightRed,
        "lightgreen" => Color::LightGreen,
        "lightyellow" => Color::LightYellow,
        "lightblue" => Color::LightBlue,
        "lightmagenta" => Color::LightMagenta,
        "lightcyan" => Color::LightCyan,
        "white" => Color::White,
        _ => return hex(&lower).or_else(|| index(&lower)),
    };
    Some(named)
}

fn hex(text: &str) -> Option<Color> {
    let digits = text.strip_prefix('#')?;
    // `from_str_radix` would also take a sign; only six hex digits are a colour.
    if digits.len() != 6 || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let channel = |i: usize| u8::from_str_radix(digits.get(i..i + 2)?, 16).ok();
    Some(Color::Rgb(channel(0)?, channel(2)?, channel(4)?))
}

/// A palette index written as a quoted string (`"208"`); unquoted numbers arrive as integers.
fn index(text: &str) -> Option<Color> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse::<u8>().ok().map(Color::Indexed)
}

struct ColorVisitor;

impl Visitor<'_> for ColorVisitor {
    type Value = Color;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(EXPECTED)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Color, E> {
        parse_color(v).ok_or_else(|| not_a_colour(&format!("`{v}`")))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Color, E> {
        u8::try_from(v)
            .map(Color::Indexed)
            .map_err(|_| not_a_colour(&v.to_string()))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Color, E> {
        u8::try_from(v)
            .map(Color::Indexed)
            .map_err(|_| not_a_colour(&v.to_string()))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Color, E> {
        // The usual cause: `fg: #ff8700` unquoted, where YAML reads `#...` as a comment.
        Err(E::custom(format!(
            "an empty value {NOT_A_COLOUR}: write hex colours in quotes (\"#rrggbb\"), YAML reads an unquoted # as a comment"
        )))
    }
}

fn not_a_colour<E: de::Error>(value: &str) -> E {
    E::custom(format!(
        "{value} {NOT_A_COLOUR}: use {}",
        EXPECTED.trim_start_matches("a colour: ")
    ))
}

/// `deserialize_with` for an optional colour field: present means a valid colour (null is an
/// error, see [`ColorVisitor::visit_unit`]), absent is handled by `#[serde(default)]`.
fn some_color<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Color>, D::Error> {
    d.deserialize_any(ColorVisitor).map(Some)
}

/// One role's style as written in a theme file; `None` fields are inherited.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Entry {
    /// Text colour.
    #[serde(default, deserialize_with = "some_color")]
    pub fg: Option<Color>,
    /// Background colour.
    #[serde(default, deserialize_with = "some_color")]
    pub bg: Option<Color>,
    /// Modifiers: `Some(true)` adds one.
    pub bold: Option<bool>,
    pub italic: Option<bool>,
    pub underline: Option<bool>,
    pub reversed: Option<bool>,
    pub dim: Option<bool>,
}

impl Entry {
    /// This entry with every field it leaves out taken from `base`.
    pub fn over(self, base: Entry) -> Entry {
        Entry {
            fg: self.fg.or(base.fg),
            bg: self.bg.or(base.bg),
            bold: self.bold.or(base.bold),
            italic: self.italic.or(base.italic),
            underline: self.underline.or(base.underline),
            reversed: self.reversed.or(base.reversed),
            dim: self.dim.or(base.dim),
        }
    }

    /// The ratatui style. `false` only means "not added": styles are patched over the background,
    /// and removing a modifier there would surprise more than it helps.
    pub fn style(self) -> Style {
        let flags = [
            (self.bold, Modifier::BOLD),
            (self.italic, Modifier::ITALIC),
            (self.underline, Modifier::UNDERLINED),
            (self.reversed, Modifier::REVERSED),
            (self.dim, Modifier::DIM),
        ];
        let modifiers = flags
            .iter()
            .filter(|(on, _)| *on == Some(true))
            .fold(Modifier::empty(), |m, (_, f)| m | *f);
        let mut style = Style::default().add_modifier(modifiers);
        style.fg = self.fg;
        style.bg = self.bg;
        style
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_names_hex_and_indexes() {
        assert_eq!(parse_color("dodgerblue"), None);
        assert_eq!(parse_color("LightCyan"), Some(Color::LightCyan));
        assert_eq!(parse_color("grey"), Some(Color::Gray));
        assert_eq!(parse_color("default"), Some(Color::Reset));
        assert_eq!(parse_color("#1E90ff"), Some(Color::Rgb(0x1e, 0x90, 0xff)));
        assert_eq!(parse_color("208"), Some(Color::Indexed(208)));
        for bad in ["#12345", "#1234567", "#+1+2+3", "#gggggg", "256", "-1", "+7", ""] {
            assert_eq!(parse_color(bad), None, "{bad:?} is not a colour");
        }
    }

    #[test]
    fn entry_inherits_what_it_leaves_out() {
        let base = Entry {
            fg: Some(Color::Red),
            bold: Some(true),
            ..Entry::default()
        };
        let user = Entry {
            fg: Some(Color::Blue),
            bold: Some(false),
            underline: Some(true),
            ..Entry::default()
        };
        let merged = user.over(base);
        assert_eq!(merged.fg, Some(Color::Blue));
        assert_eq!(merged.bold, Some(false));
        let style = merged.style();
        assert_eq!(style.fg, Some(Color::Blue));
        assert_eq!(style.add_modifier, Modifier::UNDERLINED);
        assert_eq!(Entry { fg: None, ..user }.over(base).style().fg, Some(Color::Red));
    }
}
