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

    // --- A course of many lessons: lessons read in the background, search across them (issue 10).
    /// The filter's count while lessons are still being read (`{n}`: how many are left).
    pub const SEARCH_READING: Phrase = Phrase::new("레슨 {n}개 읽는 중", "reading {n} more lessons");
    /// The filter with no match yet while lessons are still being read.
    pub const SEARCH_NO_MATCH_YET: Phrase = Phrase::new(
        "아직 일치 없음: 레슨 {n}개를 더 읽는 중",
        "no match yet: reading {n} more lessons",
    );
    /// The flash after `enter` on a hit in another lesson (`{lesson}`: its folder name).
    pub const SEARCH_IN_LESSON: Phrase = Phrase::new("레슨 {lesson}", "lesson {lesson}");

    // --- Presenting: the notes window as a full remote (issue 14, presenting part) ---
    /// Notes window hint: next slide.
    pub const NOTES_HINT_NEXT: Phrase = Phrase::new("다음", "next");
    /// Notes window hint: previous slide.
    pub const NOTES_HINT_PREV: Phrase = Phrase::new("이전", "previous");
    /// Notes window hint: the keys that scroll the shared slide.
    pub const NOTES_SCROLL_SLIDE: Phrase = Phrase::new("스크롤", "scroll");
    /// Notes window hint: play or pause the narration.
    pub const NOTES_HINT_PLAY: Phrase = Phrase::new("재생/정지", "play/pause");
    /// Notes window hint: the table of contents, to pick a slide.
    pub const NOTES_HINT_TOC: Phrase = Phrase::new("목차", "contents");
    /// Notes window hint: the `:` prompt.
    pub const NOTES_HINT_COMMAND: Phrase = Phrase::new("명령", "command");
    /// Notes window hint: `[` `]` scroll the notes themselves.
    pub const NOTES_SCROLL_NOTES: Phrase = Phrase::new("노트", "notes");
    /// Notes window hint: quit the notes window (the presentation goes on).
    pub const NOTES_QUIT: Phrase = Phrase::new("종료", "quit");
    /// Notes window: a `:` line or filter too long to send.
    pub const NOTES_TOO_LONG: Phrase = Phrase::new(
        "보내지 못함: 512바이트보다 긴 줄입니다",
        "not sent: the line is longer than 512 bytes",
    );
    /// Notes window: the label of the next slide's preview.
    pub const NOTES_NEXT: Phrase = Phrase::new("다음", "next");
    /// Notes window: the label of the presenter's last message.
    pub const NOTES_PRESENTER_SAYS: Phrase = Phrase::new("발표 화면", "presenter");
    /// Notes window status: no presenter yet.
    pub const NOTES_WAITING: Phrase = Phrase::new("발표 화면을 기다리는 중…", "waiting for the presenter…");
    /// Notes window status: attached.
    pub const NOTES_FOLLOWING: Phrase = Phrase::new("발표 화면을 따라가는 중", "following the presenter");
    /// Notes window status: the presenter went away.
    pub const NOTES_GONE: Phrase = Phrase::new(
        "발표 화면이 종료됨 — 다시 시작되기를 기다리는 중",
        "the presenter quit — waiting for it to come back",
    );
    /// Notes window clock row: the lesson has no narration.
    pub const NOTES_NO_NARRATION: Phrase = Phrase::new("내레이션 없음", "no narration");
    /// Notes window: after the last slide of the last lesson.
    pub const NOTES_END: Phrase = Phrase::new("강의의 끝", "the end of the course");
    /// Notes window: the presenter shows a slide this course lacks; `{slide}` and `{lesson}`.
    pub const NOTES_NOT_IN_COURSE: Phrase = Phrase::new(
        "발표 화면이 레슨 {lesson}의 슬라이드 {slide}에 있는데, 이 강의에는 없습니다: 두 창을 같은 --course로 시작하세요.",
        "The presenter is on slide {slide} of lesson {lesson}, which this course does not have: start both with \
         the same --course.",
    );
    /// Notes window, before any presenter: how to start one; `{socket}`.
    pub const NOTES_START: Phrase = Phrase::new(
        "이 컴퓨터의 다른 터미널에서 같은 --course로 `k8s-course present`를 시작하세요: 이 노트가 거기에 \
         붙습니다. (소켓 {socket})",
        "Start `k8s-course present` in another terminal on this machine, with the same --course: these notes \
         attach to it. (socket {socket})",
    );
    /// Notes window: the lesson has no script.
    pub const NOTES_LESSON_NO_NARRATION: Phrase =
        Phrase::new("이 레슨에는 내레이션이 없습니다.", "This lesson has no narration.");
    /// Notes window: no segment is placed on this slide.
    pub const NOTES_SLIDE_NO_NARRATION: Phrase =
        Phrase::new("이 슬라이드에는 내레이션이 없습니다.", "No narration for this slide.");
    /// Notes window: a command could not be sent; `{why}`.
    pub const NOTES_NOT_SENT: Phrase = Phrase::new("보내지 못함: {why}", "not sent: {why}");
    /// `present`: the lecture clock could not be saved for a restart; `{why}`.
    pub const PRESENT_CLOCK_UNSAVED: Phrase = Phrase::new(
        "강의 시간을 저장하지 못해 다시 시작하면 0부터 셉니다: {why}",
        "the lecture clock is not saved, a restart counts from zero: {why}",
    );
    /// `present`: what a quit or suspend sent from the notes window does.
    pub const PRESENT_REMOTE_QUIT: Phrase = Phrase::new(
        "발표는 자기 터미널에서 종료하세요 (노트 창은 q)",
        "quit the presentation in its own terminal (q quits the notes window)",
    );

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
