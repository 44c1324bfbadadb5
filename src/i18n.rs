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

    // --- Watching (issue 14): subtitles, the break card, playing from a segment. ---
    /// Flash after the break, when the lecture is back.
    pub const BACK_TO_LECTURE: Phrase = Phrase::new("강의로 돌아왔습니다", "back to the lecture");
    /// Flash: the narration plays (followed by `12/24 · 1x`).
    pub const NOW_PLAYING: Phrase = Phrase::new("재생", "playing");
    /// Flash: the narration plays from a chosen segment (followed by `[구간 12]`).
    pub const PLAYING_FROM: Phrase = Phrase::new("여기서부터 재생:", "playing from");
    /// Flash: subtitles switched on or off.
    pub const SUBTITLES_ON: Phrase = Phrase::new("자막 켜짐", "subtitles on");
    pub const SUBTITLES_OFF: Phrase = Phrase::new("자막 꺼짐", "subtitles off");
    /// Flash: `enter` where there is no segment to play.
    pub const NO_SEGMENT_HERE: Phrase =
        Phrase::new("여기에는 재생할 구간이 없습니다", "no narration segment here to play");
    /// The narration view's bottom line: what `enter` does there.
    pub const ENTER_PLAYS: Phrase = Phrase::new("enter: 선택한 구간부터 재생", "enter: play from the marked segment");
    /// The diagram panel's note under the segments that mention a component.
    pub const ENTER_PLAYS_MENTION: Phrase = Phrase::new("enter: 이 구간부터 재생", "enter: play from this segment");
    /// The break card's title.
    pub const BREAK_TITLE: Phrase = Phrase::new("휴식 시간", "Break");
    /// The break card: where the lecture goes on (followed by the slide's title).
    pub const BREAK_RESUMES_AT: Phrase = Phrase::new("이어서 볼 슬라이드:", "The lecture resumes at");
    /// The break card's last line.
    pub const BREAK_ANY_KEY: Phrase = Phrase::new("아무 키나 누르면 바로 돌아갑니다", "Press any key to go back now");
    // --- end of Watching ---
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
