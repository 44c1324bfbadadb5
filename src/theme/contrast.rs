//! How readable a theme is: the WCAG 2 contrast ratio of each role's text colour against the
//! background it is drawn on. A shared screen in a video call is compressed hard, so what is
//! merely legible in a terminal blurs away on the other end: `high-contrast` is held to 7:1 (WCAG
//! AAA), every theme to 4.5:1 for text (AA) and 3:1 for lines (borders, diagram edges).
//!
//! A role without its own background is drawn on the theme's `background`; a theme that leaves
//! colours to the terminal (`default`, `light`) is measured on the terminal it is made for (see
//! [`Terminal`]). Palette colours and colour names are taken as xterm draws them.

use ratatui::style::{Color, Style};

use super::{CONTENT_ROLES, Theme, UiRole};
use crate::render::Role;

/// An sRGB colour.
pub type Rgb = [u8; 3];

/// The terminal's own colours, for a theme that leaves them unset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Terminal {
    pub fg: Rgb,
    pub bg: Rgb,
}

impl Terminal {
    /// A usual dark terminal (VS Code's and many others' `#1e1e1e`, light grey text).
    pub const DARK: Terminal = Terminal {
        fg: [0xd4, 0xd4, 0xd4],
        bg: [0x1e, 0x1e, 0x1e],
    };
    /// A usual light terminal (white, near-black text).
    pub const LIGHT: Terminal = Terminal {
        fg: [0x1c, 0x1c, 0x1c],
        bg: [0xff, 0xff, 0xff],
    };
}

/// What a role draws: text, or lines (borders, diagram edges), which WCAG holds to less.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Line,
}

/// One role's colours as drawn, and their contrast.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    /// `ui.muted`, `content.inline_code`: the role as a theme file names it.
    pub role: String,
    pub kind: Kind,
    pub fg: Rgb,
    pub bg: Rgb,
    /// WCAG contrast ratio, 1 to 21.
    pub ratio: f64,
}

impl std::fmt::Display for Pair {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let hex = |c: Rgb| format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2]);
        write!(
            f,
            "{}: {} on {} is {:.2}:1",
            self.role,
            hex(self.fg),
            hex(self.bg),
            self.ratio
        )
    }
}

/// Every role of `theme` with the colours it is drawn in, on `terminal` where the theme leaves
/// them unset. Roles that draw nothing of their own (the background itself) are left out.
pub fn pairs(theme: &Theme, terminal: Terminal) -> Vec<Pair> {
    let base = theme.ui(UiRole::Background);
    let screen = Terminal {
        fg: base.fg.and_then(rgb).unwrap_or(terminal.fg),
        bg: base.bg.and_then(rgb).unwrap_or(terminal.bg),
    };
    let ui = UiRole::ALL.iter().filter(|r| **r != UiRole::Background).map(|&r| {
        let kind = if r == UiRole::Border { Kind::Line } else { Kind::Text };
        (format!("ui.{}", r.key()), kind, theme.ui(r))
    });
    let content = CONTENT_ROLES.iter().map(|&r| {
        let kind = if matches!(r, Role::Border | Role::DiagramEdge) {
            Kind::Line
        } else {
            Kind::Text
        };
        let style = theme.content(&crate::render::Style::role(r));
        (
            format!("content.{}", super::keys::CONTENT_KEYS[super::content_index(r)]),
            kind,
            style,
        )
    });
    ui.chain(content)
        .map(|(role, kind, style)| pair(role, kind, style, screen))
        .collect()
}

fn pair(role: String, kind: Kind, style: Style, screen: Terminal) -> Pair {
    let fg = style.fg.and_then(rgb).unwrap_or(screen.fg);
    let bg = style.bg.and_then(rgb).unwrap_or(screen.bg);
    let (fg, bg) = if style.add_modifier.contains(ratatui::style::Modifier::REVERSED) {
        (bg, fg)
    } else {
        (fg, bg)
    };
    Pair {
        role,
        kind,
        fg,
        bg,
        ratio: ratio(fg, bg),
    }
}

/// The WCAG 2 contrast ratio of two colours: (lighter + 0.05) / (darker + 0.05).
pub fn ratio(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// WCAG relative luminance of an sRGB colour.
pub fn luminance(c: Rgb) -> f64 {
    let channel = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.04045 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(c[0]) + 0.7152 * channel(c[1]) + 0.0722 * channel(c[2])
}

/// A colour as xterm draws it; `None` for the terminal's own (`Reset`).
pub fn rgb(color: Color) -> Option<Rgb> {
    let indexed = match color {
        Color::Reset => return None,
        Color::Rgb(r, g, b) => return Some([r, g, b]),
        Color::Indexed(i) => i,
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
    };
    Some(xterm(indexed))
}

/// xterm's 256-colour palette: 16 system colours, a 6x6x6 cube, 24 greys.
fn xterm(i: u8) -> Rgb {
    const SYSTEM: [Rgb; 16] = [
        [0x00, 0x00, 0x00],
        [0xcd, 0x00, 0x00],
        [0x00, 0xcd, 0x00],
        [0xcd, 0xcd, 0x00],
        [0x00, 0x00, 0xee],
        [0xcd, 0x00, 0xcd],
        [0x00, 0xcd, 0xcd],
        [0xe5, 0xe5, 0xe5],
        [0x7f, 0x7f, 0x7f],
        [0xff, 0x00, 0x00],
        [0x00, 0xff, 0x00],
        [0xff, 0xff, 0x00],
        [0x5c, 0x5c, 0xff],
        [0xff, 0x00, 0xff],
        [0x00, 0xff, 0xff],
        [0xff, 0xff, 0xff],
    ];
    match i {
        0..16 => SYSTEM[usize::from(i)],
        16..232 => {
            let level = |n: u8| if n == 0 { 0 } else { 55 + 40 * n };
            let n = i - 16;
            [level(n / 36), level(n / 6 % 6), level(n % 6)]
        }
        _ => {
            let v = 8 + 10 * (i - 232);
            [v, v, v]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios_match_the_wcag_examples() {
        assert!((ratio([0, 0, 0], [255, 255, 255]) - 21.0).abs() < 1e-9);
        assert!((ratio([0x77, 0x77, 0x77], [255, 255, 255]) - 4.48).abs() < 0.01);
        assert_eq!(ratio([9, 9, 9], [9, 9, 9]), 1.0);
        assert_eq!(xterm(208), [0xff, 0x87, 0x00]);
        assert_eq!(xterm(244), [0x80, 0x80, 0x80]);
        assert_eq!(rgb(Color::Reset), None);
    }
}
