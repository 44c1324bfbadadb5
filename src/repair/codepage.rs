//! The two Windows code pages Korean UTF-8 is most often decoded with by mistake, as tables:
//! which byte each character came from, and which bytes were lost on the way.

/// A Windows code page that turned UTF-8 bytes into Latin letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodePage {
    /// Western European; has no character for 0x81 0x8D 0x8F 0x90 0x9D.
    Windows1252,
    /// Turkish; like 1252 with six Turkish letters, and no character for 0x8E 0x9E either.
    Windows1254,
}

/// What 0x80..=0x9F decode to in Windows-1252 (`None`: no character, the byte was dropped).
const HIGH_1252: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// Windows-1254's Turkish letters and the bytes they replace Latin-1's `Ð Ý Þ ð ý þ` at.
const TURKISH: [(char, u8); 6] = [
    ('Ğ', 0xD0),
    ('İ', 0xDD),
    ('Ş', 0xDE),
    ('ğ', 0xF0),
    ('ı', 0xFD),
    ('ş', 0xFE),
];

impl CodePage {
    /// `Windows-1252` or `Windows-1254`.
    pub fn name(self) -> &'static str {
        match self {
            CodePage::Windows1252 => "Windows-1252",
            CodePage::Windows1254 => "Windows-1254",
        }
    }

    /// The byte this code page decodes to `c`; `None` when it has no byte for it.
    pub fn byte_of(self, c: char) -> Option<u8> {
        let code = u32::from(c);
        if code < 0x80 {
            return u8::try_from(code).ok();
        }
        let turkish = self == CodePage::Windows1254;
        if turkish && let Some(&(_, b)) = TURKISH.iter().find(|(t, _)| *t == c) {
            return Some(b);
        }
        if (0xA0..=0xFF).contains(&code) {
            let b = u8::try_from(code).ok()?;
            // 1254 has Turkish letters at these six bytes, so the Latin-1 letters are not there.
            return (!(turkish && TURKISH.iter().any(|&(_, t)| t == b))).then_some(b);
        }
        let i = HIGH_1252.iter().position(|&h| h == Some(c))?;
        let b = 0x80 + u8::try_from(i).ok()?;
        (!(turkish && (b == 0x8E || b == 0x9E))).then_some(b)
    }

    /// The bytes lost when UTF-8 went through this code page: those it has no character for,
    /// and 0xAD, the soft hyphen, which is invisible and so disappears on the way.
    pub fn dropped(self) -> &'static [u8] {
        match self {
            CodePage::Windows1252 => &[0x81, 0x8D, 0x8F, 0x90, 0x9D, 0xAD],
            CodePage::Windows1254 => &[0x81, 0x8D, 0x8E, 0x8F, 0x90, 0x9D, 0x9E, 0xAD],
        }
    }

    /// The code page a damaged text went through: Turkish letters say 1254; `Ž ž` or the Latin-1
    /// letters 1254 lacks say 1252; with neither, 1254 (its lost bytes include 1252's).
    pub fn guess(text: &str) -> CodePage {
        if text.chars().any(|c| TURKISH.iter().any(|&(t, _)| t == c)) {
            return CodePage::Windows1254;
        }
        if text.chars().any(|c| "ŽžÐÝÞðýþ".contains(c)) {
            return CodePage::Windows1252;
        }
        CodePage::Windows1254
    }

    /// Encodes `text` with this code page: `None` for a character it has no byte for.
    pub fn encode(self, text: &str) -> Vec<Option<u8>> {
        text.chars().map(|c| self.byte_of(c)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_of_every_defined_byte() {
        for cp in [CodePage::Windows1252, CodePage::Windows1254] {
            for b in 0x80..=0xFFu8 {
                let c = if b < 0xA0 {
                    HIGH_1252[usize::from(b - 0x80)]
                } else {
                    Some(char::from(b))
                };
                if let Some(c) = c
                    && let Some(back) = cp.byte_of(c)
                {
                    assert_eq!(back, b, "{} {c}", cp.name());
                }
            }
            assert_eq!(cp.byte_of('ğ').is_some(), cp == CodePage::Windows1254);
        }
    }
}
