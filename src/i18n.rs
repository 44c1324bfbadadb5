//! The player's own words (chrome, hints, flash messages, help) in Korean and English, in one
//! table, so a screen never mixes the two. Course text is never translated; only what the program
//! itself says. The language comes from the course's `language`, or `--lang` / `LANG` when given.

pub mod josa;

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

    /// The phrase in `lang` with each `{}` replaced by the next of `args`, in order (Korean and
    /// English put them in the same order; a phrase is written so that they can). A Korean
    /// particle after an argument is written in both forms (`{}을(를)`) and resolved here.
    pub fn fill(self, lang: Lang, args: &[&dyn std::fmt::Display]) -> String {
        let mut out = String::new();
        let mut args = args.iter();
        let mut parts = self.get(lang).split("{}").peekable();
        while let Some(part) = parts.next() {
            out.push_str(part);
            if parts.peek().is_some()
                && let Some(arg) = args.next()
            {
                out.push_str(&arg.to_string());
            }
        }
        match lang {
            Lang::Ko => josa::resolve(&out),
            Lang::En => out,
        }
    }
}

/// The table: every UI string, named for where it shows. Keep it sorted by area.
pub mod words {
    use super::Phrase;

    // --- The player's chrome: header, crumbs, flash line, panes, prompt (issue 14, i18n block) ---

    /// The header's label for the clock.
    pub const CLOCK: Phrase = Phrase::new("시각", "time");
    /// The header's row labels.
    pub const COURSE: Phrase = Phrase::new("과정:", "Course:");
    pub const LESSON: Phrase = Phrase::new("강의:", "Lesson:");
    pub const CHAPTER: Phrase = Phrase::new("장:", "Chapter:");
    pub const SLIDE_LABEL: Phrase = Phrase::new("슬라이드:", "Slide:");
    pub const LEARNER: Phrase = Phrase::new("학습자:", "Learner:");
    pub const SESSION: Phrase = Phrase::new("세션:", "Session:");
    /// `42% done` after the learner's name.
    pub const PERCENT_DONE: Phrase = Phrase::new("% 완료", "% done");
    /// The flash line while a search has hits: `/{query}: {n}` then this.
    pub const MATCHES: Phrase = Phrase::new(
        "개 일치 · n/N 다음/이전 · esc 지우기",
        " matches · n/N next/previous · esc clears",
    );
    /// The notice for a terminal below the minimum size.
    pub const TOO_SMALL_LONG: Phrase = Phrase::new("터미널이 너무 작습니다", "Terminal too small");
    pub const TOO_SMALL_SHORT: Phrase = Phrase::new("너무 작음", "Too small");
    /// `80x24, needs 40x10`: this between the sizes.
    pub const NEEDS: Phrase = Phrase::new("필요 크기", "needs");
    pub const NEED: Phrase = Phrase::new("필요", "need");
    pub const ENLARGE: Phrase = Phrase::new("창이나 글꼴 크기를 키우세요", "Enlarge the window or the font");
    /// Pane titles, as K9s names its resources.
    pub const PANE_SLIDE: Phrase = Phrase::new("슬라이드", "slide");
    pub const PANE_TOC: Phrase = Phrase::new("목차", "toc");
    pub const PANE_FILTER: Phrase = Phrase::new("필터", "filter");
    pub const PANE_BOOKMARKS: Phrase = Phrase::new("북마크", "bookmarks");
    pub const PANE_LESSONS: Phrase = Phrase::new("강의", "lessons");
    pub const PANE_NARRATION: Phrase = Phrase::new("내레이션", "narration");
    pub const PANE_DESCRIBE: Phrase = Phrase::new("정보", "describe");
    pub const PANE_SOURCE: Phrase = Phrase::new("원문", "source");
    pub const PANE_HELP: Phrase = Phrase::new("도움말", "help");
    pub const PANE_CODE: Phrase = Phrase::new("코드", "code");
    pub const PANE_PRACTICE: Phrase = Phrase::new("실습", "practice");
    pub const PANE_EXERCISE: Phrase = Phrase::new("문제", "exercise");
    pub const PANE_DIAGRAM: Phrase = Phrase::new("다이어그램", "diagram");
    /// The prompt's frame titles.
    pub const PROMPT_COMMAND: Phrase = Phrase::new(" 명령 ", " command ");
    pub const PROMPT_FILTER: Phrase = Phrase::new(" 필터 ", " filter ");
    /// A narration segment: `구간 12` / `segment 12` (`{}` is the number).
    pub const SEGMENT: Phrase = Phrase::new("구간", "segment");
    /// Where a search hit is: on the slide, or in a diagram component.
    pub const ON_SLIDE: Phrase = Phrase::new("슬라이드", "slide");
    pub const IN_DIAGRAM: Phrase = Phrase::new("다이어그램", "diagram");
    /// Table column headings.
    pub const COL_ID: Phrase = Phrase::new("번호", "ID");
    pub const COL_TITLE: Phrase = Phrase::new("제목", "TITLE");
    pub const COL_SLIDES: Phrase = Phrase::new("개수", "SLIDES");
    pub const COL_SEEN: Phrase = Phrase::new("읽음", "SEEN");
    pub const COL_NARRATION: Phrase = Phrase::new("내레이션", "NARRATION");
    pub const COL_WHERE: Phrase = Phrase::new("위치", "WHERE");
    pub const COL_TEXT: Phrase = Phrase::new("내용", "TEXT");
    pub const COL_LESSON: Phrase = Phrase::new("강의", "LESSON");
    pub const COL_DATE: Phrase = Phrase::new("날짜", "DATE");
    pub const COL_DONE: Phrase = Phrase::new("완료", "DONE");
    pub const COL_BLANK: Phrase = Phrase::new(" ", " ");
    pub const COL_NUMBER: Phrase = Phrase::new("#", "#");
    pub const COL_CODE_LANG: Phrase = Phrase::new("언어", "LANG");
    pub const COL_LINES: Phrase = Phrase::new("줄", "LINES");
    pub const COL_FIRST_LINE: Phrase = Phrase::new("첫 줄", "FIRST LINE");
    pub const COL_OPENED: Phrase = Phrase::new("최근 학습", "OPENED");
    /// The filter pane before anything is typed, and with nothing found.
    pub const FILTER_EMPTY: Phrase = Phrase::new(
        "입력하면 슬라이드와 내레이션을 검색합니다",
        "type to search slides and narration",
    );
    pub const NO_MATCH: Phrase = Phrase::new("일치하는 항목 없음", "no match");
    pub const NO_BOOKMARKS: Phrase = Phrase::new(
        "아직 북마크가 없습니다: b를 누르면 지금 슬라이드를 북마크합니다.",
        "No bookmarks yet: b bookmarks the slide you are on.",
    );
    /// The narration view without a script, or without words for this slide.
    pub const NO_SCRIPT: Phrase = Phrase::new(
        "이 강의에는 내레이션이 없습니다 (script.txt 없음).",
        "This lesson has no narration (no script.txt).",
    );
    pub const NO_NARRATION_HERE: Phrase =
        Phrase::new("이 슬라이드에는 내레이션이 없습니다.", "No narration for this slide.");
    pub const PREAMBLE: Phrase = Phrase::new("(도입부, 건너뜀) ", "(preamble, skipped) ");
    /// `describe`'s row names.
    pub const D_COMPONENT: Phrase = Phrase::new("구성요소", "Component");
    pub const D_ID: Phrase = Phrase::new("번호", "Id");
    pub const D_KIND: Phrase = Phrase::new("종류", "Kind");
    pub const D_GROUP: Phrase = Phrase::new("그룹", "Group");
    pub const D_DIAGRAM: Phrase = Phrase::new("다이어그램", "Diagram");
    pub const D_DESCRIPTION: Phrase = Phrase::new("설명", "Description");
    pub const D_NARRATION: Phrase = Phrase::new("내레이션", "Narration");
    pub const D_TITLE: Phrase = Phrase::new("제목", "Title");
    pub const D_CHAPTER: Phrase = Phrase::new("장", "Chapter");
    pub const D_SLUG: Phrase = Phrase::new("슬러그", "Slug");
    pub const D_ALIASES: Phrase = Phrase::new("별칭", "Aliases");
    pub const D_SOURCE: Phrase = Phrase::new("원문", "Source");
    pub const D_CODE: Phrase = Phrase::new("코드", "Code");
    pub const D_SEGMENTS: Phrase = Phrase::new("구간", "Segments");
    pub const D_ALSO: Phrase = Phrase::new("다른 번호", "Also");
    pub const D_SECTION: Phrase = Phrase::new("절", "Section");
    pub const D_FIELDS: Phrase = Phrase::new("필드", "Fields");
    pub const NONE: Phrase = Phrase::new("없음", "none");
    pub const NOT_MENTIONED: Phrase = Phrase::new("언급 없음", "not mentioned");
    /// `(12 lines, post.md:40)` for a code block: the word for lines.
    pub const LINES: Phrase = Phrase::new("줄", "lines");
    /// `3:20.0 at 1x, 2:13.3 at 1.5x`: the words around the times.
    pub const AT_1X: Phrase = Phrase::new("(1배속)", "at 1x");
    pub const AT_1_5X: Phrase = Phrase::new("(1.5배속)", "at 1.5x");
    /// An age under a minute (`ago`).
    pub const JUST_NOW: Phrase = Phrase::new("방금", "just now");
    /// The lecture timer in the header: `강의 12:34 / 20:00`, `휴식 4:59`.
    pub const TIMER_LECTURE: Phrase = Phrase::new("강의", "lecture");
    pub const TIMER_BREAK: Phrase = Phrase::new("휴식", "break");
    /// Help: sections that are not action groups, and rows that are not actions.
    pub const H_COMMANDS: Phrase = Phrase::new("명령", "COMMANDS");
    pub const H_PROMPT: Phrase = Phrase::new("입력줄", "PROMPT");
    pub const H_MOVE_SELECTION: Phrase = Phrase::new("선택 옮기기 (선택 중)", "move the selection (while selecting)");
    pub const H_UNBOUND: Phrase = Phrase::new("(키 없음)", "(unbound)");
    pub const H_GO_TO_ALIAS: Phrase = Phrase::new("슬라이드로 이동:", "go to a slide:");
    pub const H_PROMPT_ENTER: Phrase = Phrase::new("명령 실행 / 결과로 이동", "run the command / jump to the result");
    pub const H_PROMPT_ESC: Phrase = Phrase::new("입력줄 닫기", "close the prompt");
    pub const H_PROMPT_TAB: Phrase =
        Phrase::new("자동 완성 (다시 누르면 다음 후보)", "complete (again: next completion)");
    pub const H_PROMPT_HISTORY: Phrase = Phrase::new("기록 (:) / 결과 (/)", "history (:) / results (/)");
    pub const H_PROMPT_WORD: Phrase = Phrase::new("단어 지우기", "delete a word");

    // --- The notes window's pane title, and the narration bar as text ---

    pub const N_TITLE: Phrase = Phrase::new(" 노트", " notes");
    /// The narration bar as text: `구간 12/24  03:20 / 08:01  1.5x`, and while stopped.
    pub const BAR_PAUSED: Phrase = Phrase::new(" (일시정지)", " (paused)");

    // --- Flash messages: `{}` marks an argument, filled in order by `Phrase::fill` ---

    pub const F_THEME: Phrase = Phrase::new("테마 {}", "theme {}");
    pub const F_NO_SLIDE: Phrase = Phrase::new(
        "'{}' 슬라이드가 없습니다: :toc로 목록을 봅니다",
        "no slide '{}': :toc lists them",
    );
    pub const F_SEARCH_CLEARED: Phrase = Phrase::new("검색을 지웠습니다", "search cleared");
    pub const F_TYPE_COMMAND: Phrase = Phrase::new(
        "명령을 입력하세요: :help로 목록을 봅니다",
        "type a command: :help lists them",
    );
    pub const F_NO_ARGUMENT: Phrase = Phrase::new(":{}에는 인자가 없습니다", ":{} takes no argument");
    pub const F_NEEDS_SLIDE: Phrase = Phrase::new(
        ":{}에는 슬라이드 번호가 필요합니다 (예: :{} 2.1)",
        ":{} needs a slide id, e.g. :{} 2.1",
    );
    pub const F_NEEDS_THEME: Phrase = Phrase::new(
        ":{}에는 테마 이름이 필요합니다 (예: :{} light)",
        ":{} needs a theme name, e.g. :{} light",
    );
    pub const F_NEEDS_NAME: Phrase = Phrase::new(
        ":{}에는 이름이 필요합니다 (예: :{} kim)",
        ":{} needs a name, e.g. :{} kim",
    );
    pub const F_NEEDS_LESSON: Phrase = Phrase::new(
        ":{}에는 강의가 필요합니다 (예: :{} 2, :lessons로 목록을 봅니다)",
        ":{} needs a lesson, e.g. :{} 2 (:lessons lists them)",
    );
    pub const F_NEEDS_VALUE: Phrase = Phrase::new(":{}에는 값이 필요합니다: {}", ":{} needs a value: {}");
    pub const F_UNKNOWN_COMMAND: Phrase = Phrase::new(
        "'{}' 명령을 모릅니다: :help로 명령을, :toc로 슬라이드를 봅니다",
        "unknown command '{}': :help lists commands, :toc lists slides",
    );
    pub const F_LECTURE_ENDED: Phrase = Phrase::new(
        "강의 끝: {}를 누르면 처음부터 다시 재생합니다",
        "end of the lecture: {} plays it again from the start",
    );
    pub const F_NO_NARRATION_TO_PLAY: Phrase = Phrase::new(
        "이 강의에는 재생할 내레이션이 없습니다",
        "this lesson has no narration to play",
    );
    pub const F_NO_NARRATION_ON: Phrase = Phrase::new(
        "{}에는 내레이션이 없습니다: {}부터 재생 ({})",
        "no narration on {}: playing from {} ({})",
    );
    pub const F_PLAYING: Phrase = Phrase::new("재생 중 {} ({})", "playing {} at {}");
    pub const F_PAUSED: Phrase = Phrase::new("일시정지", "paused");
    pub const F_SPEED: Phrase = Phrase::new("속도 {}", "speed {}");
    /// `:speed` with a speed not on offer (`{}`: what was typed).
    pub const F_SPEED_REFUSED: Phrase = Phrase::new(
        "속도 {}은(는) 없습니다: 1, 1.25, 1.5, 2 중에서 고르세요",
        "speed {} is not offered: 1, 1.25, 1.5 or 2",
    );
    /// `:seg N` past the last segment (`{}`: N, then the count).
    pub const F_NO_SUCH_SEGMENT: Phrase = Phrase::new(
        "구간 {}은(는) 없습니다: 구간은 1부터 {}까지입니다",
        "there is no segment {}: segments run from 1 to {}",
    );
    /// A progress save failed (`{}`: why); the changes are kept and tried again.
    pub const F_PROGRESS_NOT_SAVED: Phrase = Phrase::new("진도를 저장하지 못했습니다: {}", "progress not saved: {}");
    /// A save worked after one that failed.
    /// `:k9s`: back in the player after k9s.
    pub const K9S_BACK: Phrase = Phrase::new("k9s에서 돌아왔습니다", "back from k9s");
    /// `:k9s` without k9s installed.
    pub const K9S_MISSING: Phrase = Phrase::new(
        "k9s가 설치되어 있지 않습니다: 이 슬라이드가 설치 방법입니다",
        "k9s is not installed: this slide shows how to get it",
    );
    /// k9s ended with an error (`{}`: its exit status).
    pub const K9S_FAILED: Phrase = Phrase::new("k9s가 오류로 끝났습니다 ({})", "k9s ended with an error ({})");
    pub const F_PROGRESS_SAVED_AGAIN: Phrase = Phrase::new("진도를 다시 저장했습니다", "progress saved again");
    /// The practice work file could not be written (`{}`: the file as shown).
    pub const F_WORK_FILE_NOT_WRITTEN: Phrase =
        Phrase::new("{}: 작업 파일을 쓸 수 없습니다", "{}: cannot write the work file");
    pub const F_NOT_SEGMENT: Phrase = Phrase::new(
        "'{}'은(는) 구간 번호가 아닙니다: :seg 12",
        "'{}' is not a segment number: :seg 12",
    );
    pub const F_SEGMENT: Phrase = Phrase::new("구간 {}", "segment {}");
    pub const F_LESSON_OF: Phrase = Phrase::new("강의 {}/{}: {}", "lesson {} of {}: {}");
    pub const F_END_OF_LESSON: Phrase = Phrase::new(
        "이 강의의 끝: {}를 한 번 더 누르면 다음 강의 {}",
        "end of this lesson: {} again opens the next, {}",
    );
    pub const F_NO_LESSON: Phrase = Phrase::new(
        "'{}' 강의가 없습니다: :lessons로 목록을 봅니다",
        "no lesson '{}': :lessons lists them",
    );
    pub const F_MATCH: Phrase = Phrase::new("일치 {}/{}", "match {}/{}");
    pub const F_MATCH_NARRATION: Phrase = Phrase::new(
        "일치 {}/{}: 내레이션 구간 {}에 있습니다 (l로 보기)",
        "match {}/{} in the narration, segment {}: l shows it",
    );
    pub const F_MATCH_DIAGRAM: Phrase = Phrase::new(
        "일치 {}/{}: 다이어그램에 있습니다 ({}로 선택 해제)",
        "match {}/{} in the diagram: {} leaves the selection",
    );
    pub const F_NO_SEARCH: Phrase = Phrase::new(
        "아직 검색하지 않았습니다: /로 슬라이드와 내레이션을 검색합니다",
        "no search yet: / filters slides and narration",
    );
    pub const F_NO_MATCH_FOR: Phrase = Phrase::new("'{}'과(와) 일치하는 항목이 없습니다", "no match for '{}'");
    pub const F_RESUMED: Phrase = Phrase::new("{}에서 이어서 봅니다 (마지막 학습: {})", "resumed at {}, last here {}");
    pub const F_BOOKMARKED: Phrase = Phrase::new(
        "{} 북마크함 (:bookmarks로 목록)",
        "bookmarked {} (:bookmarks lists them)",
    );
    pub const F_BOOKMARK_REMOVED: Phrase = Phrase::new("{} 북마크 해제", "bookmark removed from {}");
    pub const F_LEARNER_FROM_START: Phrase = Phrase::new(
        "학습자 {}: 처음부터 시작합니다",
        "learner {}: starting at the beginning",
    );
    pub const F_LEARNER: Phrase = Phrase::new("학습자 {}: {}", "learner {}: {}");
    pub const F_NO_DIAGRAM: Phrase = Phrase::new(
        "이 슬라이드에는 다이어그램이 없습니다: :arch로 아키텍처를 봅니다",
        "no diagram on this slide: :arch shows the architecture",
    );
    pub const F_DEFAULT_THEME: Phrase = Phrase::new("기본 테마를 씁니다: {}", "using the default theme: {}");
    pub const F_NOT_SAVED: Phrase = Phrase::new("진행 상황이 저장되지 않습니다: {}", "progress will not be saved: {}");

    // --- Code you can use (issue 14): `c` copies, `w` writes to the lab folder. ---
    /// `c`/`w` on a slide without code.
    pub const CODE_NONE: Phrase = Phrase::new("{slide}에는 코드 블록이 없습니다", "{slide} has no code block");
    /// `:copy N` past the last block.
    pub const CODE_NO_SUCH: Phrase = Phrase::new(
        "코드 블록 '{n}'은(는) 없습니다: 1부터 {count}까지",
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
    /// `x` in a lesson without exercises.
    pub const PRACTICE_NONE: Phrase = Phrase::new("이 레슨에는 실습이 없습니다", "this lesson has no exercises");
    /// No data directory: manifests can't be kept in the lab.
    pub const PRACTICE_NO_LAB: Phrase = Phrase::new(
        "실습 폴더가 없습니다: K8S_COURSE_DATA_DIR을 설정하세요",
        "no lab folder: set K8S_COURSE_DATA_DIR",
    );
    /// Flash after a passing check.
    pub const PRACTICE_PASSED_FLASH: Phrase =
        Phrase::new("✓ 통과! s로 모범 답안을 봅니다", "✓ passed! s shows the solution");
    /// Flash after a failing check.
    pub const PRACTICE_FAILED_FLASH: Phrase = Phrase::new(
        "✗ 아직입니다: 아래 항목을 고치세요 (h 힌트)",
        "✗ not yet: fix what is listed (h for a hint)",
    );
    /// `:answer` on a manifest exercise.
    pub const PRACTICE_ANSWER_IS_FILE: Phrase = Phrase::new(
        "이 실습은 파일로 답합니다: e로 편집하세요",
        "this exercise is answered in its file: e edits it",
    );
    /// A practice key with no exercise open.
    pub const PRACTICE_OPEN_FIRST: Phrase = Phrase::new("먼저 실습을 여세요: x", "open an exercise first: x");
    /// `h` after the last hint.
    pub const PRACTICE_NO_MORE_HINTS: Phrase = Phrase::new("힌트를 모두 보았습니다", "no more hints");
    /// `s` too early (`{n}`: failed checks still needed).
    pub const PRACTICE_SOLUTION_LATER: Phrase = Phrase::new(
        "모범 답안은 통과하거나 {n}번 더 틀린 뒤에 볼 수 있습니다",
        "the solution shows after a pass or {n} more failed checks",
    );
    /// The first `r`.
    pub const PRACTICE_RESET_ASK: Phrase = Phrase::new(
        "처음부터 다시 할까요? r을 한 번 더 누르면 작업 파일을 되돌립니다",
        "start over? press r again to replace your work file",
    );
    /// After the reset.
    pub const PRACTICE_RESET_DONE: Phrase = Phrase::new("처음 상태로 되돌렸습니다", "the exercise starts over");
    /// The editor could not be found (`{editor}`).
    pub const PRACTICE_NO_EDITOR: Phrase = Phrase::new(
        "편집기를 실행할 수 없습니다 ({editor}): $EDITOR를 설정하세요",
        "cannot run the editor ({editor}): set $EDITOR",
    );
    /// The editor exited with an error (`{status}`).
    pub const PRACTICE_EDITOR_FAILED: Phrase = Phrase::new(
        "편집기가 오류로 끝났습니다 ({status}): 파일을 다시 확인합니다",
        "the editor exited with an error ({status}): the file is checked as it is",
    );
    /// Exercise view headings.
    pub const PRACTICE_TASK: Phrase = Phrase::new("과제", "Task");
    pub const PRACTICE_FILE: Phrase = Phrase::new("작업 파일", "Work file");
    pub const PRACTICE_FINDINGS: Phrase = Phrase::new("확인 결과", "Check");
    pub const PRACTICE_HINTS: Phrase = Phrase::new("힌트", "Hints");
    pub const PRACTICE_SOLUTION: Phrase = Phrase::new("모범 답안", "Solution");
    /// Before the first check.
    pub const PRACTICE_NOT_CHECKED: Phrase = Phrase::new(
        "아직 확인 전입니다: 저장할 때마다 다시 확인합니다",
        "not checked yet: every save is checked again",
    );
    /// The keys of the exercise view, manifest kinds.
    pub const PRACTICE_KEYS_FILE: Phrase = Phrase::new(
        "e 편집  h 힌트  s 답안  r 처음부터  esc 목록",
        "e edit  h hint  s solution  r start over  esc list",
    );
    /// The keys of the exercise view, command and quiz kinds.
    pub const PRACTICE_KEYS_ANSWER: Phrase = Phrase::new(
        "enter 답 입력  h 힌트  s 답안  r 처음부터  esc 목록",
        "enter answer  h hint  s solution  r start over  esc list",
    );
    /// A passed check.
    pub const PRACTICE_ALL_GOOD: Phrase = Phrase::new("✓ 통과했습니다", "✓ passed");
    /// A quiz's narration segment (`{n}`).
    pub const PRACTICE_SEGMENT: Phrase = Phrase::new("강의 구간 {n}", "narration segment {n}");
    /// `a` before the exercise passed.
    pub const PRACTICE_APPLY_PASS_FIRST: Phrase = Phrase::new(
        "통과한 매니페스트만 클러스터에 적용합니다",
        "only a passed manifest goes to the cluster",
    );
    /// `a` on a manifest naming another namespace (`{other}`, `{ns}`).
    pub const PRACTICE_APPLY_OTHER_NS: Phrase = Phrase::new(
        "네임스페이스 {other}에는 적용하지 않습니다: {ns}만 씁니다 (metadata.namespace를 지우세요)",
        "not applied to namespace {other}: only {ns} is used (remove metadata.namespace)",
    );
    /// After the dry run (`{ns}`).
    pub const PRACTICE_APPLY_CONFIRM: Phrase = Phrase::new(
        "서버 dry-run 통과: a를 한 번 더 누르면 {ns}에 적용합니다",
        "server dry run passed: press a again to apply to {ns}",
    );
    /// After the apply (`{ns}`).
    pub const PRACTICE_APPLIED: Phrase = Phrase::new("{ns}에 적용했습니다", "applied to {ns}");
    /// kubectl failed or there is no cluster.
    pub const PRACTICE_APPLY_FAILED: Phrase = Phrase::new(
        "클러스터에 적용하지 못했습니다 (아래 참고): 나머지 실습은 그대로 됩니다",
        "not applied (see below): everything else keeps working",
    );
    /// Exercise view heading for the cluster's answer.
    pub const PRACTICE_CLUSTER: Phrase = Phrase::new("클러스터", "Cluster");
    /// The exercise view: checks run so far.
    pub const PRACTICE_TRIES: Phrase = Phrase::new("시도", "tries");
    /// The table of contents' mark on a slide with exercises.
    pub const PRACTICE_TOC: Phrase = Phrase::new("실습", "practice");
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
        assert_eq!(words::F_SPEED.fill(Lang::Ko, &[&"1.5x"]), "속도 1.5x");
        assert_eq!(
            words::F_LESSON_OF.fill(Lang::En, &[&2, &5, &"Pods"]),
            "lesson 2 of 5: Pods"
        );
    }
}
