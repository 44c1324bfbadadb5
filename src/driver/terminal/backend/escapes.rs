//! The bytes of a frame: what ratatui's crossterm backend writes for the changed cells, with the
//! two commands nearly every cell needs written directly, and no cursor move after a Korean
//! syllable to the cell where the terminal's cursor already is.
//!
//! A slide change sends a few thousand cells. crossterm writes each cell's text, and each cursor
//! move, through `core::fmt` (a formatter, an adapter and a `write!` per command); a profile of
//! slide changes put that at a tenth of the player's time. Here a cell's text is copied as it is
//! and a move is two numbers written by hand; the rarer changes of colour and attribute are
//! crossterm's commands in ratatui's order.
//!
//! ratatui moves the cursor before every cell but the one right after the last: after a wide
//! glyph, the next cell always gets a move, though the terminal has put the cursor there already.
//! In Korean text that is a move (8 bytes or so) per syllable, most of a slide change's bytes.
//! Every terminal draws a Hangul syllable two cells wide, so after one the move to two cells on is
//! left out; after any other wide glyph (an emoji, whose width terminals disagree on) the move is
//! sent as ratatui sends it. A test plays both byte streams on a model terminal: the same screen.

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
    // Where the cursor is after the last cell written, when that is certain.
    let mut cursor: Option<(u16, u16)> = None;
    for (x, y, cell) in content {
        if cursor != Some((x, y)) {
            move_to(w, x, y)?;
        }
        let symbol = cell.symbol();
        cursor = Some((x.wrapping_add(advance(symbol)), y));
        if styled.differs(cell) {
            styled.send(w, cell)?;
        }
        w.write_all(symbol.as_bytes())?;
    }
    queue!(
        w,
        SetForegroundColor(CtColor::Reset),
        SetBackgroundColor(CtColor::Reset),
        SetUnderlineColor(CtColor::Reset),
        SetAttribute(Attribute::Reset),
    )
}

/// How far the terminal moves its cursor for `symbol`, as far as the next cell's move can be left
/// out: two for a Hangul syllable, else one (ratatui's rule for every cell).
fn advance(symbol: &str) -> u16 {
    let mut chars = symbol.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if crate::text::is_hangul_syllable(c) => 2,
        _ => 1,
    }
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

    /// A terminal enough for these frames: where each cell's text went and the colour and
    /// attribute commands in force when it was written. It moves on `ESC [ r ; c H`, keeps `m`
    /// commands, and advances by each character's width (a zero-width one joins the cell before).
    fn play(bytes: &[u8]) -> std::collections::BTreeMap<(u16, u16), (String, String)> {
        use unicode_width::UnicodeWidthChar;
        let text = String::from_utf8(bytes.to_vec()).expect("UTF-8");
        let mut screen = std::collections::BTreeMap::new();
        let (mut x, mut y, mut pen, mut last) = (0u16, 0u16, String::new(), None);
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\x1b' {
                assert_eq!(chars.next(), Some('['));
                let mut params = String::new();
                let end = loop {
                    let c = chars.next().expect("a whole command");
                    if c.is_ascii_alphabetic() {
                        break c;
                    }
                    params.push(c);
                };
                match end {
                    'H' => {
                        let (row, col) = params.split_once(';').expect("row;column");
                        (y, x) = (row.parse::<u16>().unwrap() - 1, col.parse::<u16>().unwrap() - 1);
                        last = None;
                    }
                    'm' => pen.push_str(&format!("[{params}m")),
                    other => panic!("unexpected command {other}"),
                }
                continue;
            }
            match (c.width().unwrap_or(0), last) {
                (0, Some(at)) => {
                    let cell: &mut (String, String) = screen.get_mut(&at).expect("written");
                    cell.0.push(c);
                }
                (width, _) => {
                    screen.insert((x, y), (c.to_string(), pen.clone()));
                    last = Some((x, y));
                    x += width.max(1) as u16;
                }
            }
        }
        screen
    }

    /// Every run of changes leaves on the screen what ratatui's crossterm backend leaves: the same
    /// text in the same cells with the same attribute and colour commands in force; without the
    /// moves after Korean syllables it is shorter.
    #[test]
    fn shows_what_ratatuis_backend_shows() {
        let mut rng = Rng::new(0x5eed_cafe);
        let (mut ours, mut theirs) = (0, 0);
        for case in 0..2_000 {
            let len = rng.below(40);
            let mut changes = Vec::new();
            let (mut x, mut y) = (rng.below(5) as u16, rng.below(3) as u16);
            for _ in 0..len {
                let cell = cell(&mut rng);
                // A frame's wide glyph is followed by a cell two on, as the diff sends them.
                let width = ratatui::buffer::CellWidth::cell_width(cell.symbol());
                changes.push((x, y, cell));
                match rng.below(4) {
                    0 => x = x.saturating_add(width + rng.below(30) as u16),
                    1 => (x, y) = (rng.below(199) as u16, y + 1),
                    _ => x += width,
                }
            }
            let mut expected = Vec::new();
            CrosstermBackend::new(&mut expected)
                .draw(changes.iter().map(|(x, y, c)| (*x, *y, c)))
                .expect("writing to memory");
            let mut got = Vec::new();
            draw(&mut got, changes.iter().map(|(x, y, c)| (*x, *y, c))).expect("writing to memory");
            assert_eq!(play(&got), play(&expected), "case {case}: {changes:?}");
            (ours, theirs) = (ours + got.len(), theirs + expected.len());
        }
        assert!(ours < theirs, "{ours} bytes against ratatui's {theirs}");
    }

    /// A Korean word is sent as one move and its text, not a move per syllable.
    #[test]
    fn a_korean_word_takes_one_move() {
        let cells: Vec<(u16, u16, Cell)> = (["쿠", "버", "네", "티", "스", "a"].iter().enumerate())
            .map(|(i, s)| (3 + 2 * i.min(5) as u16, 1, Cell::new(s)))
            .collect();
        let mut got = Vec::new();
        draw(&mut got, cells.iter().map(|(x, y, c)| (*x, *y, c))).expect("writing to memory");
        let text = String::from_utf8(got).expect("UTF-8");
        assert!(text.starts_with("\x1b[2;4H쿠버네티스a\x1b["), "{text:?}");
    }
}
