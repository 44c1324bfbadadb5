//! Bytes with holes -> characters: UTF-8 decoding that, where a sequence is short of bytes,
//! lists every character the lost bytes could have made instead of giving up with U+FFFD.

use super::codepage::CodePage;

/// One character of the repaired text: known, or damaged with what it could have been.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Known(char),
    /// Bytes were lost: every character they could have made (empty: none is possible).
    Damaged(Vec<char>),
}

/// A Hangul syllable (가..힣): what Korean prose is made of.
pub fn is_syllable(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// Decodes `text`, which went through `cp`, back to characters. Characters the code page has
/// no byte for (text that was never damaged) pass through unchanged.
pub fn decode(text: &str, cp: CodePage) -> Vec<Cell> {
    let mut bytes: Vec<u8> = Vec::with_capacity(text.len());
    for c in text.chars() {
        match cp.byte_of(c) {
            Some(b) => bytes.push(b),
            None => bytes.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
        }
    }
    let mut cells = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let len = match b {
            0x00..=0x7F => 1,
            0xC2..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF4 => 4,
            // A continuation byte on its own: its lead was never lost, so this is not our damage.
            _ => {
                cells.push(Cell::Damaged(Vec::new()));
                i += 1;
                continue;
            }
        };
        let cont = bytes[i + 1..]
            .iter()
            .take(len - 1)
            .take_while(|&&c| (0x80..=0xBF).contains(&c))
            .count();
        let seq = &bytes[i..i + 1 + cont];
        i += 1 + cont;
        if cont == len - 1 {
            match std::str::from_utf8(seq).ok().and_then(|s| s.chars().next()) {
                Some(c) => cells.push(Cell::Known(c)),
                None => cells.push(Cell::Damaged(Vec::new())),
            }
        } else {
            cells.push(Cell::Damaged(candidates(seq, len, cp.dropped())));
        }
    }
    cells
}

/// Every character a sequence `seq` (lead byte and the continuation bytes that survived) of
/// `len` bytes could have been, with the missing bytes taken from `dropped` in any position.
fn candidates(seq: &[u8], len: usize, dropped: &[u8]) -> Vec<char> {
    let missing = len - seq.len();
    let slots = len - 1;
    let mut out = Vec::new();
    // Which continuation slots were lost: a bit mask with `missing` bits of `slots`.
    for mask in 0u32..(1 << slots) {
        if mask.count_ones() as usize != missing {
            continue;
        }
        // Every choice of lost bytes: `missing` digits in base `dropped.len()`.
        let choices = dropped.len().pow(missing as u32);
        for mut pick in 0..choices {
            let mut bytes = [0u8; 4];
            bytes[0] = seq[0];
            let mut kept = seq[1..].iter();
            for (slot, byte) in bytes[1..len].iter_mut().enumerate() {
                if mask & (1 << slot) != 0 {
                    *byte = dropped[pick % dropped.len()];
                    pick /= dropped.len();
                } else {
                    *byte = kept.next().copied().unwrap_or(0);
                }
            }
            if let Some(c) = std::str::from_utf8(&bytes[..len]).ok().and_then(|s| s.chars().next())
                && !c.is_control()
                && !out.contains(&c)
            {
                out.push(c);
            }
        }
    }
    // In Korean text a lost byte of a syllable's sequence made a syllable.
    if out.iter().any(|&c| is_syllable(c)) {
        out.retain(|&c| is_syllable(c));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// UTF-8 through `cp`, dropping what it cannot decode, as the damaged files were made.
    fn damage(s: &str, cp: CodePage) -> String {
        let table: Vec<Option<char>> = (0u8..=255)
            .map(|b| {
                (0..0x2200u32)
                    .filter_map(char::from_u32)
                    .find(|&c| cp.byte_of(c) == Some(b))
            })
            .collect();
        s.bytes()
            .filter_map(|b| table[usize::from(b)])
            .filter(|&c| c != '\u{AD}')
            .collect()
    }

    #[test]
    fn undamaged_text_decodes_exactly() {
        let cells = decode(&damage("클라우드 시큐", CodePage::Windows1252), CodePage::Windows1252);
        let text: String = cells
            .iter()
            .map(|c| match c {
                Cell::Known(c) => *c,
                Cell::Damaged(_) => '?',
            })
            .collect();
        // 클 is ED 81 B4 and 라 EB 9D BC: one byte each is lost; 큐 (ED 81 90) loses both.
        assert_eq!(text, "??우드 시?");
        let Cell::Damaged(first) = &cells[0] else { panic!() };
        assert!(first.contains(&'클'), "{first:?}");
        let Cell::Damaged(cands) = &cells[6] else { panic!() };
        assert!(cands.contains(&'큐'), "{cands:?}");
        assert!(cands.iter().all(|&c| is_syllable(c)));
    }
}
