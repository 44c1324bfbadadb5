//! The bytes of a frame: what ratatui's crossterm backend writes for the changed cells, byte for
//! byte, with the two commands nearly every cell needs written directly.
//!
//! A slide change sends a few thousand cells. crossterm writes each cell's text, and each cursor
//! move, through `core::fmt` (a formatter, an adapter and a `write!` per command); a profile of
//! slide changes put that at a tenth of the player's time. Here a cell's text is copied as it is
//! and a move is two numbers written by hand; the rarer changes of colour and attribute are
//! crossterm's commands in ratatui's order, so what a terminal sees is exactly what ratatui would
//! send (a test compares the two).

use std::io::{self, Write};

use crossterm::queue;
use crossterm::style::{
    Attribute, Color as CtColor, Colors, SetAttribute, SetBackgroundColor, SetColors, SetForegroundColor,
    SetUnderlineColor,
};
use ratatui::backend::IntoCrossterm;
use ratatui::buffer::Cell;
use ratatui::style::{Color, Modifier};

/// Writes the changes `content` as ratatui's `CrosstermBackend::draw` does.
pub(super) fn draw<'a, W, I>(w: &mut W, content: I) -> io::Result<()>
where
    W: Write,
    I: Iterator<Item = (u16, u16, &'a Cell)>,
{
    // Colours, underline colour and attributes as ratatui tracks them: each cell is compared with
    // the last one written, and only what differs is sent.
    let mut styled = Styled::default();
    let mut last: Option<(u16, u16)> = None;
    for (x, y, cell) in content {
        if !matches!(last, Some((lx, ly)) if x == lx.wrapping_add(1) && y == ly) {
            move_to(w, x, y)?;
        }
        last = Some((x, y));
        if styled.differs(cell) {
            styled.send(w, cell)?;
        }
        w.write_all(cell.symbol().as_bytes())?;
    }
    queue!(
        w,
        SetForegroundColor(CtColor::Reset),
        SetBackgroundColor(CtColor::Reset),
        SetUnderlineColor(CtColor::Reset),
        SetAttribute(Attribute::Reset),
    )
}

/// `ESC [ row ; column H`, 1-based (crossterm's `MoveTo`).
fn move_to<W: Write>(w: &mut W, x: u16, y: u16) -> io::Result<()> {
    let mut bytes = [0u8; 16];
    let mut n = 0;
    let mut put = |b: u8| {
        bytes[n] = b;
        n += 1;
    };
    put(0x1b);
    put(b'[');
    for (i, value) in [u32::from(y) + 1, u32::from(x) + 1].into_iter().enumerate() {
        if i == 1 {
            put(b';');
        }
        let mut digits = [0u8; 5];
        let mut len = 0;
        let mut v = value;
        loop {
            digits[len] = b'0' + (v % 10) as u8;
            len += 1;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        for d in digits[..len].iter().rev() {
            put(*d);
        }
    }
    put(b'H');
    w.write_all(&bytes[..n])
}

/// The style last sent, as ratatui's backend remembers it between the cells of one frame.
struct Styled {
    fg: Color,
    bg: Color,
    underline: Color,
    modifier: Modifier,
}

impl Default for Styled {
    fn default() -> Self {
        Self {
            fg: Color::Reset,
            bg: Color::Reset,
            underline: Color::Reset,
            modifier: Modifier::empty(),
        }
    }
}

impl Styled {
    fn differs(&self, cell: &Cell) -> bool {
        cell.fg != self.fg
            || cell.bg != self.bg
            || cell.underline_color != self.underline
            || cell.modifier != self.modifier
    }

    /// Sends what changed from the last cell's style to `cell`'s, in ratatui's order:
    /// attributes, then colours, then the underline colour.
    fn send<W: Write>(&mut self, w: &mut W, cell: &Cell) -> io::Result<()> {
        if cell.modifier != self.modifier {
            modifier_diff(w, self.modifier, cell.modifier)?;
            self.modifier = cell.modifier;
        }
        if cell.fg != self.fg || cell.bg != self.bg {
            queue!(
                w,
                SetColors(Colors::new(cell.fg.into_crossterm(), cell.bg.into_crossterm()))
            )?;
            self.fg = cell.fg;
            self.bg = cell.bg;
        }
        if cell.underline_color != self.underline {
            queue!(w, SetUnderlineColor(cell.underline_color.into_crossterm()))?;
            self.underline = cell.underline_color;
        }
        Ok(())
    }
}

/// The attribute commands from `from` to `to` (ratatui-crossterm's `ModifierDiff`, which is not
/// public): bold and dim share one reset, so removing either resets both and sets back the one
/// that stays.
fn modifier_diff<W: Write>(w: &mut W, from: Modifier, to: Modifier) -> io::Result<()> {
    let removed = from - to;
    let mut set = |a: Attribute| queue!(w, SetAttribute(a));
    if removed.contains(Modifier::REVERSED) {
        set(Attribute::NoReverse)?;
    }
    let reset_intensity = removed.intersects(Modifier::BOLD | Modifier::DIM);
    if reset_intensity {
        set(Attribute::NormalIntensity)?;
        if to.contains(Modifier::DIM) {
            set(Attribute::Dim)?;
        }
        if to.contains(Modifier::BOLD) {
            set(Attribute::Bold)?;
        }
    }
    for (m, a) in [
        (Modifier::ITALIC, Attribute::NoItalic),
        (Modifier::UNDERLINED, Attribute::NoUnderline),
        (Modifier::CROSSED_OUT, Attribute::NotCrossedOut),
        (Modifier::HIDDEN, Attribute::NoHidden),
    ] {
        if removed.contains(m) {
            set(a)?;
        }
    }
    if removed.intersects(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK) {
        set(Attribute::NoBlink)?;
    }
    let added = to - from;
    for (m, a, unless_reset) in [
        (Modifier::REVERSED, Attribute::Reverse, false),
        (Modifier::BOLD, Attribute::Bold, true),
        (Modifier::ITALIC, Attribute::Italic, false),
        (Modifier::UNDERLINED, Attribute::Underlined, false),
        (Modifier::DIM, Attribute::Dim, true),
        (Modifier::CROSSED_OUT, Attribute::CrossedOut, false),
        (Modifier::HIDDEN, Attribute::Hidden, false),
        (Modifier::SLOW_BLINK, Attribute::SlowBlink, false),
        (Modifier::RAPID_BLINK, Attribute::RapidBlink, false),
    ] {
        if added.contains(m) && !(unless_reset && reset_intensity) {
            set(a)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use ratatui::backend::{Backend, CrosstermBackend};
    use ratatui::style::{Color, Modifier};

    use super::*;
    use crate::fuzz::rng::Rng;

    fn cell(rng: &mut Rng) -> Cell {
        const TEXT: [&str; 6] = [" ", "a", "파", "│", "e\u{301}", "❤\u{fe0f}"];
        const COLORS: [Color; 6] = [
            Color::Reset,
            Color::Red,
            Color::Indexed(208),
            Color::Rgb(1, 200, 30),
            Color::DarkGray,
            Color::White,
        ];
        let mut c = Cell::EMPTY;
        c.set_symbol(TEXT[rng.below(TEXT.len())]);
        c.fg = COLORS[rng.below(COLORS.len())];
        c.bg = COLORS[rng.below(3)];
        c.underline_color = COLORS[rng.below(2)];
        c.modifier = Modifier::from_bits_truncate(rng.below(1 << 9) as u16);
        c
    }

    /// Every run of changes is written exactly as ratatui's crossterm backend writes it: the same
    /// moves, attributes, colours and text, byte for byte.
    #[test]
    fn writes_what_ratatuis_backend_writes() {
        let mut rng = Rng::new(0x5eed_cafe);
        for case in 0..2_000 {
            let len = rng.below(40);
            let mut changes = Vec::new();
            let (mut x, mut y) = (rng.below(5) as u16, rng.below(3) as u16);
            for _ in 0..len {
                changes.push((x, y, cell(&mut rng)));
                match rng.below(4) {
                    0 => x = x.saturating_add(1 + rng.below(30) as u16),
                    1 => (x, y) = (rng.below(199) as u16, y + 1),
                    _ => x += 1,
                }
            }
            let mut expected = Vec::new();
            CrosstermBackend::new(&mut expected)
                .draw(changes.iter().map(|(x, y, c)| (*x, *y, c)))
                .expect("writing to memory");
            let mut got = Vec::new();
            draw(&mut got, changes.iter().map(|(x, y, c)| (*x, *y, c))).expect("writing to memory");
            assert_eq!(
                String::from_utf8_lossy(&got),
                String::from_utf8_lossy(&expected),
                "case {case}: {changes:?}"
            );
        }
    }
}
