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

    // --- Practice (issue 15): `k8s-course practice` and the player's practice view. ---
    /// `practice check`: the exercise passed.
    pub const PRACTICE_PASSED: Phrase = Phrase::new("통과", "passed");
    /// `practice check`: after the number of findings left.
    pub const PRACTICE_TO_FIX: Phrase = Phrase::new("개 남았습니다", " to fix");
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
