//! The player's own words (chrome, hints, flash messages, help) in Korean and English, in one
//! table, so a screen never mixes the two. Course text is never translated; only what the program
//! itself says. The language comes from the course's `language`, or `--lang` / `LANG` when given.

/// A language the program speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    /// Korean, the course's own language.
    #[default]
    Ko,
    En,
}

impl Lang {
    /// A language tag as in `course.yaml`'s `language`, `--lang` or `LANG` (`ko`, `ko_KR.UTF-8`,
    /// `en-US`); None for a language the program doesn't speak.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "ko" | "kor" => Some(Lang::Ko),
            "en" | "eng" | "c" | "posix" => Some(Lang::En),
            _ => None,
        }
    }
}

/// One thing the program says, in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Phrase {
    pub ko: &'static str,
    pub en: &'static str,
}

impl Phrase {
    /// Both forms of a phrase; the table below is made of these.
    pub const fn new(ko: &'static str, en: &'static str) -> Self {
        Self { ko, en }
    }

    /// The phrase in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Ko => self.ko,
            Lang::En => self.en,
        }
    }
}

/// The table: every UI string, named for where it shows. Keep it sorted by area.
pub mod words {
    use super::Phrase;

    /// The header's label for the clock.
    pub const CLOCK: Phrase = Phrase::new("시각", "time");

    // --- Code you can use (issue 14): `c` copies, `w` writes to the lab folder. ---
    /// `c`/`w` on a slide without code.
    pub const CODE_NONE: Phrase = Phrase::new("{slide}에는 코드 블록이 없습니다", "{slide} has no code block");
    /// `:copy N` past the last block.
    pub const CODE_NO_SUCH: Phrase = Phrase::new(
        "코드 블록 '{n}'은 없습니다: 1부터 {count}까지",
        "no code block '{n}': 1 to {count}",
    );
    /// The picker opened.
    pub const CODE_PICK: Phrase = Phrase::new(
        "코드 블록 {count}개: 고르고 enter (c 복사, w 파일로)",
        "{count} code blocks: pick one, enter (c copies, w writes a file)",
    );
    /// The block went to the terminal's clipboard.
    pub const CODE_COPIED: Phrase = Phrase::new(
        "{what} 코드 {lines}줄을 클립보드에 복사했습니다 (OSC 52) · 붙여넣기가 안 되면 {key}: 파일로",
        "copied {what} ({lines} lines) to the clipboard with OSC 52 · nothing to paste? {key} writes a file",
    );
    /// Too big for OSC 52.
    pub const CODE_TOO_BIG: Phrase = Phrase::new(
        "클립보드에 넣기에 너무 큰 코드입니다: {key}로 파일에 쓰세요",
        "too big for the clipboard: {key} writes it to a file",
    );
    /// `w` wrote a new file.
    pub const CODE_WROTE: Phrase = Phrase::new("저장했습니다: {path}", "wrote {path}");
    /// `w` found the same file there.
    pub const CODE_ALREADY: Phrase = Phrase::new("이미 있습니다: {path}", "already there: {path}");
    /// `w` found a different file there and kept it.
    pub const CODE_KEPT: Phrase = Phrase::new(
        "다른 내용의 파일이 있어 그대로 두었습니다 (고친 파일? 지우거나 이름을 바꾸면 다시 씁니다): {path}",
        "kept the different file there (your edits? remove or rename it to write again): {path}",
    );
    /// `w` could not write.
    pub const CODE_WRITE_FAILED: Phrase =
        Phrase::new("파일을 쓸 수 없습니다: {error}", "cannot write the file: {error}");
    // --- end of code you can use ---
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_name_the_language() {
        assert_eq!(Lang::from_tag("ko"), Some(Lang::Ko));
        assert_eq!(Lang::from_tag("ko_KR.UTF-8"), Some(Lang::Ko));
        assert_eq!(Lang::from_tag("en-US"), Some(Lang::En));
        assert_eq!(Lang::from_tag("C.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr_FR"), None);
        assert_eq!(words::CLOCK.get(Lang::En), "time");
    }
}
