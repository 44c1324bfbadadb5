//! Styled lines -> text for stdout: plain, or in a theme's colours as ANSI SGR sequences.
//!
//! Every span's text comes from the cleaned model, so only the escape sequences written here ever
//! reach the terminal. The colours are the theme's (`themes/*.yaml`), the only place they live.

use ratatui::style::{Color, Modifier};

use crate::render::Line;
use crate::theme::Theme;

/// SGR parameters for a colour, as foreground (`base` 30) or background (`base` 40).
fn color(c: Color, base: u8) -> Option<String> {
    let named = |n: u8| Some((base + n).to_string());
    let bright = |n: u8| Some((base + 60 + n).to_string());
    match c {
        Color::Reset => None,
        Color::Black => named(0),
        Color::Red => named(1),
        Color::Green => named(2),
        Color::Yellow => named(3),
        Color::Blue => named(4),
        Color::Magenta => named(5),
        Color::Cyan => named(6),
        Color::Gray => named(7),
        Color::DarkGray => bright(0),
        Color::LightRed => bright(1),
        Color::LightGreen => bright(2),
        Color::LightYellow => bright(3),
        Color::LightBlue => bright(4),
        Color::LightMagenta => bright(5),
        Color::LightCyan => bright(6),
        Color::White => bright(7),
        Color::Indexed(n) => Some(format!("{};5;{n}", base + 8)),
        Color::Rgb(r, g, b) => Some(format!("{};2;{r};{g};{b}", base + 8)),
    }
}

/// The SGR sequence for `style`, or nothing for the terminal's default look.
fn sgr(style: ratatui::style::Style) -> String {
    let modifiers = [
        (Modifier::BOLD, "1"),
        (Modifier::DIM, "2"),
        (Modifier::ITALIC, "3"),
        (Modifier::UNDERLINED, "4"),
        (Modifier::REVERSED, "7"),
        (Modifier::CROSSED_OUT, "9"),
    ];
    let mut codes: Vec<String> = modifiers
        .iter()
        .filter(|(m, _)| style.add_modifier.contains(*m))
        .map(|(_, code)| code.to_string())
        .collect();
    codes.extend(style.fg.and_then(|c| color(c, 30)));
    codes.extend(style.bg.and_then(|c| color(c, 40)));
    if codes.is_empty() {
        String::new()
    } else {
        format!("\x1b[{}m", codes.join(";"))
    }
}

/// Writes `lines` as text, one per line, each ending in `\n`: plain without a theme, in the
/// theme's colours with one (a monochrome theme gives emphasis only).
pub fn to_string(lines: &[Line], theme: Option<&Theme>) -> String {
    let mut out = String::new();
    for line in lines {
        let mut text = String::new();
        for span in line {
            let open = theme.map(|t| sgr(t.content(&span.style))).unwrap_or_default();
            text.push_str(&open);
            text.push_str(&span.text);
            if !open.is_empty() {
                text.push_str("\x1b[0m");
            }
        }
        out.push_str(text.trim_end_matches(' '));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::{Role, Span, Style};
    use crate::theme::default_theme;

    #[test]
    fn only_our_own_sgr_sequences_are_written() {
        let hostile = crate::text::clean_text("a\u{1b}]52;c;x\u{7}b\u{9b}2J\u{202e}");
        let lines = vec![vec![Span::new(hostile, Style::role(Role::Title).bold())]];
        let out = to_string(&lines, Some(&default_theme()));
        assert_eq!(out, "\x1b[1;38;2;95;215;255ma␛]52;c;x␇b�2J\x1b[0m\n");
        let mono = to_string(&lines, Some(&default_theme().monochrome()));
        assert_eq!(mono, "\x1b[1ma␛]52;c;x␇b�2J\x1b[0m\n");
        assert_eq!(to_string(&lines, None), "a␛]52;c;x␇b�2J\n");
    }
}
