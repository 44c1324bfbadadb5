//! Recognises text that was UTF-8, decoded with a Windows code page and encoded again: Korean
//! `클라우드` arrives as `í´ë¼ìš°ë“œ`. Such a file is refused with a precise message rather than
//! rendered as garbage; `k8s-course import` repairs it (see `crate::repair`).

/// What the damage looks like and where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mojibake {
    /// `Windows-1254` or `Windows-1252`.
    pub code_page: &'static str,
    pub line: usize,
    pub column: usize,
    /// A few damaged characters from the first place, for the message.
    pub sample: String,
    /// How many damaged sequences were found.
    pub count: usize,
}

/// Fewer pairs than this could be genuine Latin-1 text (`Ã©` in a French name).
const MIN_PAIRS: usize = 3;

/// Characters a UTF-8 lead byte (0xC2..0xF4) becomes in Windows-1252/1254.
fn is_lead(c: char) -> bool {
    ('\u{c2}'..='\u{f4}').contains(&c) || TURKISH_LEADS.contains(&c)
}

/// Windows-1254 puts Turkish letters where 1252 has `Ð Ý Þ ð ý þ`.
const TURKISH_LEADS: [char; 6] = ['Ğ', 'İ', 'Ş', 'ğ', 'ı', 'ş'];

/// Characters a UTF-8 continuation byte (0x80..0xBF) becomes in Windows-1252/1254.
fn is_continuation(c: char) -> bool {
    ('\u{a0}'..='\u{bf}').contains(&c)
        || "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ".contains(c)
        || ('\u{80}'..='\u{9f}').contains(&c)
}

/// Looks for mojibake in `text`; `None` when it reads as ordinary UTF-8.
pub fn detect(text: &str) -> Option<Mojibake> {
    let mut count = 0;
    let mut first: Option<(usize, usize, usize)> = None;
    let mut turkish = false;
    for (line_no, line) in text.lines().enumerate() {
        let chars: Vec<char> = line.chars().collect();
        for (i, pair) in chars.windows(2).enumerate() {
            if is_lead(pair[0]) && is_continuation(pair[1]) {
                count += 1;
                turkish |= TURKISH_LEADS.contains(&pair[0]);
                first.get_or_insert((line_no + 1, i + 1, i));
            }
        }
    }
    let (line, column, start) = first?;
    if count < MIN_PAIRS {
        return None;
    }
    let sample: String = text.lines().nth(line - 1)?.chars().skip(start).take(9).collect();
    Some(Mojibake {
        code_page: if turkish { "Windows-1254" } else { "Windows-1252" },
        line,
        column,
        sample,
        count,
    })
}

impl Mojibake {
    /// The message shown to the author.
    pub fn message(&self) -> String {
        format!(
            "this is mojibake: UTF-8 text that was decoded as {} and encoded again ({} damaged sequences, the first is '{}'); \
             some bytes may be lost: take the file again from its original UTF-8 source, or bring it in with \
             `k8s-course import`, which repairs it and reports every repair",
            self.code_page, self.count, self.sample
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn korean_through_1252() {
        let m = detect("title\n# í´ë¼ìš°ë“œ ì‹œíë¦¬í‹°\n").unwrap();
        assert_eq!((m.line, m.column, m.code_page), (2, 3, "Windows-1252"));
        assert!(m.sample.starts_with("í´ë¼"));
    }

    #[test]
    fn clean_text_passes() {
        assert!(detect("클라우드 시큐리티, café, naïve, Ã©").is_none());
    }
}
