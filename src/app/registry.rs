//! Every action the learner can ask for, each described once (helix's `MappableCommand` and
//! typable commands in one table): its name in `config.yaml`, its help line and group, its default
//! keys, its header hint, and its `:` command with aliases and argument. The key table, `?` help,
//! the header hints, `:` parsing and completion, and the README's key table test all read this.
//!
//! Adding an action is one [`Entry`] here (and its case in `App::update`).

use super::Action;
use crate::content::diagram::Dir;
use crate::i18n::Phrase;

/// Where an action is listed in help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Navigate,
    Views,
    Search,
    Diagram,
    Lecture,
    General,
    /// Keys of the practice views: help lists them only when opened over one (K9s shows the keys
    /// of the view at hand), so `?` still fits one screen.
    Practice,
}

impl Group {
    pub const ALL: [Group; 7] = [
        Group::Navigate,
        Group::Views,
        Group::Search,
        Group::Diagram,
        Group::Lecture,
        Group::General,
        Group::Practice,
    ];

    /// The group's heading in help.
    pub fn title(self) -> Phrase {
        match self {
            Group::Navigate => Phrase::new("이동", "NAVIGATE"),
            Group::Views => Phrase::new("보기", "VIEWS"),
            Group::Search => Phrase::new("검색", "SEARCH"),
            Group::Diagram => Phrase::new("다이어그램", "DIAGRAM"),
            Group::Lecture => Phrase::new("강의", "LECTURE"),
            Group::General => Phrase::new("일반", "GENERAL"),
            Group::Practice => Phrase::new("실습", "PRACTICE"),
        }
    }
}

/// What a `:` command takes after its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arg {
    None,
    SlideId,
    ThemeName,
    LearnerName,
    /// A lesson of the course: its number or folder name.
    LessonName,
    /// A value the action checks itself (a speed, a segment number).
    Value,
}

/// Where an action can be bound to keys: its group in help, its help line, its default keys.
#[derive(Debug, Clone, Copy)]
pub struct Keys {
    pub group: Group,
    pub help: Phrase,
    /// Default keys, as `config.yaml` writes them.
    pub defaults: &'static [&'static str],
    /// Only while a diagram component is selected (the arrows move the selection there).
    pub selecting: bool,
}

/// An action's `:` command.
#[derive(Debug, Clone, Copy)]
pub struct Typable {
    pub aliases: &'static [&'static str],
    pub arg: Arg,
    pub help: Phrase,
    /// Place in the help's command list.
    pub order: u8,
}

/// An action's hint in the header: its place there and its short text.
#[derive(Debug, Clone, Copy)]
pub struct Hint {
    pub order: u8,
    pub text: Phrase,
}

/// One action, described once.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    /// The action's name: in `config.yaml` and as its `:` command.
    pub name: &'static str,
    /// The action, given the command's argument (empty for a key).
    pub action: fn(String) -> Action,
    pub keys: Option<Keys>,
    pub command: Option<Typable>,
    pub hint: Option<Hint>,
}

const fn keys(group: Group, help: Phrase, defaults: &'static [&'static str]) -> Option<Keys> {
    Some(Keys {
        group,
        help,
        defaults,
        selecting: false,
    })
}

const fn selecting(help: Phrase, defaults: &'static [&'static str]) -> Option<Keys> {
    Some(Keys {
        group: Group::Diagram,
        help,
        defaults,
        selecting: true,
    })
}

const fn cmd(order: u8, aliases: &'static [&'static str], arg: Arg, help: Phrase) -> Option<Typable> {
    Some(Typable {
        aliases,
        arg,
        help,
        order,
    })
}

const fn hint(order: u8, text: Phrase) -> Option<Hint> {
    Some(Hint { order, text })
}

const fn entry(name: &'static str, action: fn(String) -> Action) -> Entry {
    Entry {
        name,
        action,
        keys: None,
        command: None,
        hint: None,
    }
}

use Group::{Diagram, General, Lecture, Navigate, Practice, Search, Views};

/// Every action, bindable ones in help order (a key's several actions are told apart by order:
/// the first default wins a hint).
pub const ENTRIES: &[Entry] = &[
    Entry {
        keys: keys(
            Navigate,
            Phrase::new("다음 슬라이드", "next slide"),
            &["right", "space", "pgdn"],
        ),
        hint: hint(0, Phrase::new("다음", "next")),
        ..entry("next_slide", |_| Action::NextSlide)
    },
    Entry {
        keys: keys(
            Navigate,
            Phrase::new("이전 슬라이드", "previous slide"),
            &["left", "backspace", "pgup"],
        ),
        hint: hint(1, Phrase::new("이전", "previous")),
        ..entry("prev_slide", |_| Action::PrevSlide)
    },
    Entry {
        keys: keys(
            Navigate,
            Phrase::new("아래로 스크롤 / 다음 행 선택", "scroll down / select next row"),
            &["j", "down"],
        ),
        ..entry("down", |_| Action::Down)
    },
    Entry {
        keys: keys(
            Navigate,
            Phrase::new("위로 스크롤 / 이전 행 선택", "scroll up / select previous row"),
            &["k", "up"],
        ),
        ..entry("up", |_| Action::Up)
    },
    Entry {
        keys: keys(
            Navigate,
            Phrase::new("반 페이지 아래로", "half a page down"),
            &["<c-d>"],
        ),
        ..entry("half_page_down", |_| Action::HalfPageDown)
    },
    Entry {
        keys: keys(Navigate, Phrase::new("반 페이지 위로", "half a page up"), &["<c-u>"]),
        ..entry("half_page_up", |_| Action::HalfPageUp)
    },
    Entry {
        keys: keys(
            Navigate,
            Phrase::new("첫 슬라이드 / 첫 행", "first slide / first row"),
            &["g", "home"],
        ),
        ..entry("first", |_| Action::First)
    },
    Entry {
        keys: keys(
            Navigate,
            Phrase::new("마지막 슬라이드 / 마지막 행", "last slide / last row"),
            &["G", "end"],
        ),
        ..entry("last", |_| Action::Last)
    },
    Entry {
        keys: keys(
            Navigate,
            Phrase::new(
                "선택한 행 열기; l에서는 그 구간부터 재생",
                "open the selected row; in l, play from it",
            ),
            &["enter"],
        ),
        ..entry("enter", |_| Action::Enter)
    },
    Entry {
        keys: keys(
            Navigate,
            Phrase::new("이전 위치로 돌아가기", "back to where you were"),
            &["esc"],
        ),
        ..entry("back", |_| Action::Back)
    },
    Entry {
        command: cmd(
            1,
            &["go"],
            Arg::SlideId,
            Phrase::new(
                "번호, 슬러그, 별칭으로 슬라이드 이동 (:goto 2.1, :goto pod)",
                "go to a slide by id, slug or alias (:goto 2.1, :goto pod)",
            ),
        ),
        ..entry("goto", Action::Goto)
    },
    Entry {
        keys: keys(Views, Phrase::new("목차", "table of contents"), &["t"]),
        command: cmd(0, &["contents"], Arg::None, Phrase::new("목차", "table of contents")),
        hint: hint(2, Phrase::new("목차", "contents")),
        ..entry("toc", |_| Action::Toc)
    },
    Entry {
        keys: keys(
            Views,
            Phrase::new("이 슬라이드의 내레이션", "narration of this slide"),
            &["l"],
        ),
        command: cmd(
            9,
            &["logs"],
            Arg::None,
            Phrase::new("이 슬라이드의 내레이션", "narration of this slide"),
        ),
        hint: hint(5, Phrase::new("내레이션", "narration")),
        ..entry("narration", |_| Action::Narration)
    },
    Entry {
        keys: keys(Views, Phrase::new("이 슬라이드 정보", "describe this slide"), &["d"]),
        command: cmd(
            10,
            &[],
            Arg::None,
            Phrase::new("이 슬라이드 정보", "describe this slide"),
        ),
        hint: hint(6, Phrase::new("정보", "describe")),
        ..entry("describe", |_| Action::Describe)
    },
    Entry {
        keys: keys(
            Views,
            Phrase::new("이 슬라이드의 마크다운 원문", "markdown source of this slide"),
            &["y"],
        ),
        command: cmd(
            11,
            &["yaml"],
            Arg::None,
            Phrase::new("이 슬라이드의 마크다운 원문", "markdown source of this slide"),
        ),
        hint: hint(7, Phrase::new("원문", "source")),
        ..entry("source", |_| Action::Source)
    },
    Entry {
        keys: keys(Views, Phrase::new("이 도움말", "this help"), &["?"]),
        command: cmd(
            12,
            &["h"],
            Arg::None,
            Phrase::new("모든 키와 명령", "every key and command"),
        ),
        hint: hint(8, Phrase::new("도움말", "help")),
        ..entry("help", |_| Action::Help)
    },
    Entry {
        keys: keys(
            Views,
            Phrase::new(
                "슬라이드의 코드 복사 (OSC 52, 여러 개면 고르기)",
                "copy the slide's code (OSC 52; a picker for several)",
            ),
            &["c"],
        ),
        command: cmd(
            17,
            &[],
            Arg::Value,
            Phrase::new(
                "슬라이드의 N번 코드 블록 복사 (:copy 2)",
                "copy code block N of the slide (:copy 2)",
            ),
        ),
        ..entry("copy", Action::CopyCode)
    },
    Entry {
        keys: keys(
            Views,
            Phrase::new(
                "슬라이드의 코드를 실습 폴더에 저장",
                "write the slide's code to your lab folder",
            ),
            &["w"],
        ),
        command: cmd(
            18,
            &["w"],
            Arg::Value,
            Phrase::new(
                "N번 코드 블록을 실습 폴더에 저장 (:write 2)",
                "write code block N to your lab folder (:write 2)",
            ),
        ),
        ..entry("write", Action::WriteCode)
    },
    Entry {
        keys: keys(
            Views,
            Phrase::new("헤더 보이기 / 숨기기", "show / hide the header"),
            &["<c-e>"],
        ),
        command: cmd(
            14,
            &[],
            Arg::None,
            Phrase::new("헤더 보이기 / 숨기기 (ctrl-e)", "show or hide the header (ctrl-e)"),
        ),
        ..entry("header", |_| Action::ToggleHeader)
    },
    Entry {
        keys: keys(
            Views,
            Phrase::new(
                "이 슬라이드 북마크 (다시 누르면 해제)",
                "bookmark this slide (again: remove)",
            ),
            &["b"],
        ),
        ..entry("bookmark", |_| Action::ToggleBookmark)
    },
    Entry {
        keys: keys(Views, Phrase::new("북마크한 슬라이드", "bookmarked slides"), &["B"]),
        command: cmd(
            3,
            &["marks"],
            Arg::None,
            Phrase::new(
                "북마크한 슬라이드 (b로 이 슬라이드 북마크)",
                "the bookmarked slides (b bookmarks this one)",
            ),
        ),
        ..entry("bookmarks", |_| Action::Bookmarks)
    },
    Entry {
        keys: keys(
            Views,
            Phrase::new("실습: 이 강의의 연습 문제", "practice: this lesson's exercises"),
            &["x"],
        ),
        command: cmd(
            20,
            &["exercises"],
            Arg::None,
            Phrase::new(
                "실습: 이 강의의 연습 문제 (enter로 열기)",
                "practice: this lesson's exercises (enter opens one)",
            ),
        ),
        hint: hint(13, Phrase::new("실습", "practice")),
        ..entry("practice", |_| Action::Practice)
    },
    Entry {
        keys: keys(
            Practice,
            Phrase::new("작업 파일을 $EDITOR로 편집", "edit the work file in $EDITOR"),
            &["e"],
        ),
        ..entry("practice_edit", |_| Action::PracticeEdit)
    },
    Entry {
        keys: keys(Practice, Phrase::new("다음 힌트", "next hint"), &["h"]),
        ..entry("practice_hint", |_| Action::PracticeHint)
    },
    Entry {
        keys: keys(
            Practice,
            Phrase::new(
                "정답 (통과 후 또는 검사 3번 실패 후)",
                "solution (after a pass or 3 failed checks)",
            ),
            &["s"],
        ),
        ..entry("practice_solution", |_| Action::PracticeSolution)
    },
    Entry {
        keys: keys(
            Practice,
            Phrase::new(
                "문제를 처음부터 (먼저 묻습니다)",
                "start the exercise over (asks first)",
            ),
            &["r"],
        ),
        ..entry("practice_reset", |_| Action::PracticeReset)
    },
    Entry {
        keys: keys(
            Practice,
            Phrase::new(
                "통과한 매니페스트를 클러스터의 내 네임스페이스에 적용 (먼저 묻습니다)",
                "apply a passed manifest to your cluster namespace (asks first)",
            ),
            &["a"],
        ),
        ..entry("practice_apply", |_| Action::PracticeApply)
    },
    Entry {
        command: cmd(
            21,
            &[],
            Arg::Value,
            Phrase::new(
                "실습: 열린 명령/퀴즈 문제에 답하기 (:answer docker ps)",
                "practice: answer the open command or quiz exercise (:answer docker ps)",
            ),
        ),
        ..entry("answer", Action::Answer)
    },
    Entry {
        command: cmd(
            22,
            &[],
            Arg::None,
            Phrase::new(
                "K9s 슬라이드로 가서, k9s가 있으면 내 실습 네임스페이스로 실행",
                "the K9s slide, and k9s itself on your practice namespace when installed",
            ),
        ),
        ..entry("k9s", |_| Action::K9s)
    },
    Entry {
        command: cmd(
            15,
            &["ls"],
            Arg::None,
            Phrase::new(
                "과정의 강의 목록 (enter로 열기)",
                "the lessons of the course (enter opens one)",
            ),
        ),
        ..entry("lessons", |_| Action::Lessons)
    },
    Entry {
        command: cmd(
            16,
            &[],
            Arg::LessonName,
            Phrase::new(
                "번호나 이름으로 강의 열기 (:lesson 2, :lesson week07)",
                "open a lesson by id or number (:lesson 2, :lesson week07)",
            ),
        ),
        ..entry("lesson", Action::OpenLesson)
    },
    Entry {
        command: cmd(
            2,
            &[],
            Arg::ThemeName,
            Phrase::new(
                "색상 테마 바꾸기 (:theme light)",
                "switch the colour theme (:theme light)",
            ),
        ),
        ..entry("theme", Action::SetTheme)
    },
    Entry {
        command: cmd(
            4,
            &[],
            Arg::LearnerName,
            Phrase::new(
                "다른 학습자로 이어서 학습 (:learner kim)",
                "continue as another learner, with their progress (:learner kim)",
            ),
        ),
        ..entry("learner", Action::SwitchLearner)
    },
    Entry {
        keys: keys(
            Search,
            Phrase::new("슬라이드와 내레이션 필터", "filter slides and narration"),
            &["/"],
        ),
        hint: hint(3, Phrase::new("필터", "filter")),
        ..entry("filter", |_| Action::FilterMode)
    },
    Entry {
        keys: keys(Search, Phrase::new("다음 일치", "next match"), &["n"]),
        ..entry("next_match", |_| Action::NextMatch)
    },
    Entry {
        keys: keys(Search, Phrase::new("이전 일치", "previous match"), &["N"]),
        ..entry("prev_match", |_| Action::PrevMatch)
    },
    Entry {
        keys: keys(
            Diagram,
            Phrase::new("다음 다이어그램 구성요소 선택", "select the next diagram component"),
            &["tab"],
        ),
        hint: hint(10, Phrase::new("선택", "select")),
        ..entry("focus_next", |_| Action::FocusNext)
    },
    Entry {
        keys: keys(
            Diagram,
            Phrase::new("이전 구성요소 선택", "select the previous component"),
            &["backtab"],
        ),
        ..entry("focus_prev", |_| Action::FocusPrev)
    },
    Entry {
        keys: selecting(
            Phrase::new("선택을 왼쪽으로 (선택 중)", "selection left (while selecting)"),
            &["left"],
        ),
        ..entry("focus_left", |_| Action::FocusMove(Dir::Left))
    },
    Entry {
        keys: selecting(
            Phrase::new("선택을 오른쪽으로 (선택 중)", "selection right (while selecting)"),
            &["right"],
        ),
        ..entry("focus_right", |_| Action::FocusMove(Dir::Right))
    },
    Entry {
        keys: selecting(
            Phrase::new("선택을 위로 (선택 중)", "selection up (while selecting)"),
            &["up"],
        ),
        ..entry("focus_up", |_| Action::FocusMove(Dir::Up))
    },
    Entry {
        keys: selecting(
            Phrase::new("선택을 아래로 (선택 중)", "selection down (while selecting)"),
            &["down"],
        ),
        ..entry("focus_down", |_| Action::FocusMove(Dir::Down))
    },
    Entry {
        keys: keys(
            Lecture,
            Phrase::new("내레이션 재생 / 일시정지", "play / pause the narration"),
            &["p"],
        ),
        hint: hint(9, Phrase::new("재생", "play")),
        ..entry("play", |_| Action::PlayPause)
    },
    Entry {
        command: cmd(7, &[], Arg::None, Phrase::new("내레이션 재생", "play the narration")),
        ..entry("play", |_| Action::Play)
    },
    Entry {
        command: cmd(
            8,
            &[],
            Arg::None,
            Phrase::new("내레이션 일시정지", "pause the narration"),
        ),
        ..entry("pause", |_| Action::Pause)
    },
    Entry {
        keys: keys(
            Lecture,
            Phrase::new(
                "내레이션 빠르게 (1x 1.25x 1.5x 2x)",
                "narration faster (1x 1.25x 1.5x 2x)",
            ),
            &["+"],
        ),
        ..entry("faster", |_| Action::Faster)
    },
    Entry {
        keys: keys(Lecture, Phrase::new("내레이션 느리게", "narration slower"), &["-"]),
        ..entry("slower", |_| Action::Slower)
    },
    Entry {
        command: cmd(
            5,
            &[],
            Arg::Value,
            Phrase::new(
                "내레이션 속도: 1, 1.25, 1.5, 2 (:speed 1.5)",
                "narration speed: 1, 1.25, 1.5 or 2 (:speed 1.5)",
            ),
        ),
        ..entry("speed", Action::SetSpeed)
    },
    Entry {
        command: cmd(
            6,
            &["segment"],
            Arg::Value,
            Phrase::new("N번 구간부터 내레이션 (:seg 12)", "narration from segment N (:seg 12)"),
        ),
        ..entry("seg", Action::Seek)
    },
    Entry {
        keys: keys(Lecture, Phrase::new("자막 켜기 / 끄기", "subtitles on / off"), &["v"]),
        command: cmd(
            19,
            &["subs"],
            Arg::None,
            Phrase::new("자막 보이기 / 숨기기 (v)", "show or hide the subtitles (v)"),
        ),
        hint: hint(12, Phrase::new("자막", "subtitles")),
        ..entry("subtitles", |_| Action::ToggleSubtitles)
    },
    Entry {
        keys: keys(General, Phrase::new("명령 입력", "command prompt"), &[":"]),
        hint: hint(4, Phrase::new("명령", "command")),
        ..entry("command", |_| Action::CommandMode)
    },
    Entry {
        keys: keys(
            General,
            Phrase::new("셸로 잠시 나가기 (fg로 복귀)", "suspend to the shell (fg resumes)"),
            &["<c-z>"],
        ),
        ..entry("suspend", |_| Action::Suspend)
    },
    Entry {
        keys: keys(General, Phrase::new("종료", "quit"), &["<c-c>"]),
        command: cmd(13, &["q", "q!", "exit"], Arg::None, Phrase::new("종료", "quit")),
        hint: hint(11, Phrase::new("종료", "quit")),
        ..entry("quit", |_| Action::Quit)
    },
];

impl Entry {
    /// The action a key asks for (no argument).
    pub fn act(&self) -> Action {
        (self.action)(String::new())
    }
}

/// The actions keys can be bound to, in help order.
pub fn bindable() -> impl Iterator<Item = (&'static Entry, &'static Keys)> {
    ENTRIES.iter().filter_map(|e| Some((e, e.keys.as_ref()?)))
}

/// The `:` commands, in help order.
pub fn commands() -> Vec<(&'static Entry, &'static Typable)> {
    let mut out: Vec<_> = ENTRIES.iter().filter_map(|e| Some((e, e.command.as_ref()?))).collect();
    out.sort_by_key(|(_, c)| c.order);
    out
}

/// The header's hints, in order.
pub fn hints() -> &'static [(&'static Entry, &'static Hint)] {
    // Sorted once: the header lists them on every frame.
    static SORTED: std::sync::OnceLock<Vec<(&'static Entry, &'static Hint)>> = std::sync::OnceLock::new();
    SORTED.get_or_init(|| {
        let mut out: Vec<_> = ENTRIES.iter().filter_map(|e| Some((e, e.hint.as_ref()?))).collect();
        out.sort_by_key(|(_, h)| h.order);
        out
    })
}

/// The default key table, `(key, action name)`, in help order.
pub fn default_keys() -> impl Iterator<Item = (&'static str, &'static str)> {
    bindable().flat_map(|(e, k)| k.defaults.iter().map(move |key| (*key, e.name)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_orders_and_aliases_are_unique() {
        let mut names: Vec<&str> = bindable().map(|(e, _)| e.name).collect();
        let n = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), n, "a bindable name twice");
        let mut words: Vec<&str> = commands()
            .iter()
            .flat_map(|(e, c)| std::iter::once(e.name).chain(c.aliases.iter().copied()))
            .collect();
        let n = words.len();
        words.sort_unstable();
        words.dedup();
        assert_eq!(words.len(), n, "a command word twice");
        let orders: Vec<u8> = commands().iter().map(|(_, c)| c.order).collect();
        assert_eq!(orders, (0..orders.len() as u8).collect::<Vec<_>>());
        let orders: Vec<u8> = hints().iter().map(|(_, h)| h.order).collect();
        assert_eq!(orders, (0..orders.len() as u8).collect::<Vec<_>>());
    }
}
