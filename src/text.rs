//! Text as a terminal shows it: cleaning untrusted strings once, and measuring them in display cells (Hangul is two cells wide), never in bytes or chars.

pub mod clean;
pub mod width;

pub use clean::{clean_code, clean_line, clean_text};
pub use width::{display_width, is_hangul_syllable, pad_to, truncate_to};
