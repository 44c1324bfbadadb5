//! Styled lines -> text for stdout: plain, or with ANSI colours for a terminal.
//!
//! Every span's text comes from the cleaned model, so only the escape sequences written here ever
//! reach the terminal.

use super::{Line, Role, Style};

/// How `show` writes: plain text, ANSI with colours, or ANSI emphasis only (`NO_COLOR`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    Plain,
    Color,
    Monochrome,
}

fn role_color(role: Role) -> Option<(u8, u8, u8)> {
    // The default (dark) theme's palette, K9s-like: cyan titles, orange accents, grey muted text.
    Some(match role {
        Role::Title => (0x5f, 0xd7, 0xff),
        Role::Heading => (0x87, 0xaf, 0xff),
        Role::Muted | Role::Border => (0x80, 0x80, 0x80),
        Role::Accent | Role::CodeLabel => (0xff, 0xaf, 0x00),
        Role::InlineCode => (0xaf, 0xd7, 0x87),
        Role::Link => (0x5f, 0xaf, 0xff),
        Role::Quote => (0xaf, 0xaf, 0xd7),
        Role::TableHeader => (0xff, 0xd7, 0x5f),
        Role::Diagram => (0x87, 0xd7, 0xd7),
        Role::Tag => (0xd7, 0x87, 0xff),
        Role::DiagramControl => (0xff, 0xaf, 0x5f),
        Role::DiagramNode => (0x87, 0xd7, 0x87),
        Role::DiagramEdge => (0xbc, 0xbc, 0xbc),
        Role::DiagramSelected => (0xff, 0x5f, 0xd7),
        Role::Text | Role::Code => return None,
    })
}

fn sgr(style: &Style, color: bool) -> String {
    let mut codes: Vec<String> = Vec::new();
    if style.bold {
        codes.push("1".into());
    }
    if style.italic {
        codes.push("3".into());
    }
    if style.underline {
        codes.push("4".into());
    }
    if style.strike {
        codes.push("9".into());
    }
    if color && let Some((r, g, b)) = style.fg.or_else(|| role_color(style.role)) {
        codes.push(format!("38;2;{r};{g};{b}"));
    }
    if codes.is_empty() {
        String::new()
    } else {
        format!("\x1b[{}m", codes.join(";"))
    }
}

/// Writes `lines` as text, one per line, each ending in `\n`.
pub fn to_string(lines: &[Line], output: Output) -> String {
    let mut out = String::new();
    for line in lines {
        let mut text = String::new();
        for span in line {
            let open = match output {
                Output::Plain => String::new(),
                Output::Color => sgr(&span.style, true),
                Output::Monochrome => sgr(&span.style, false),
            };
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
    use crate::render::Span;

    #[test]
    fn only_our_own_sgr_sequences_are_written() {
        let hostile = crate::text::clean_text("a\u{1b}]52;c;x\u{7}b\u{9b}2J\u{202e}");
        let lines = vec![vec![Span::new(hostile, Style::role(Role::Title).bold())]];
        let out = to_string(&lines, Output::Color);
        assert_eq!(out, "\x1b[1;38;2;95;215;255ma␛]52;c;x␇b�2J\x1b[0m\n");
        let mono = to_string(&lines, Output::Monochrome);
        assert_eq!(mono, "\x1b[1ma␛]52;c;x␇b�2J\x1b[0m\n");
        assert_eq!(to_string(&lines, Output::Plain), "a␛]52;c;x␇b�2J\n");
    }
}
