//! Every action the learner can ask for, each described once (helix's `MappableCommand` and
//! typable commands in one table): its name in `config.yaml`, its help line and group, its default
//! keys, its header hint, and its `:` command with aliases and argument. The key table, `?` help,
//! the header hints, `:` parsing and completion, and the README's key table test all read this.
//!
//! Adding an action is one [`Entry`] here (and its case in `App::update`).

use super::Action;
use crate::content::diagram::Dir;

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

    pub fn title(self) -> &'static str {
        match self {
            Group::Navigate => "NAVIGATE",
            Group::Views => "VIEWS",
            Group::Search => "SEARCH",
            Group::Diagram => "DIAGRAM",
            Group::Lecture => "LECTURE",
            Group::General => "GENERAL",
            Group::Practice => "PRACTICE",
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
    pub help: &'static str,
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
    pub help: &'static str,
    /// Place in the help's command list.
    pub order: u8,
}

/// An action's hint in the header: its place there and its short text.
#[derive(Debug, Clone, Copy)]
pub struct Hint {
    pub order: u8,
    pub text: &'static str,
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

const fn keys(group: Group, help: &'static str, defaults: &'static [&'static str]) -> Option<Keys> {
    Some(Keys {
        group,
        help,
        defaults,
        selecting: false,
    })
}

const fn selecting(help: &'static str, defaults: &'static [&'static str]) -> Option<Keys> {
    Some(Keys {
        group: Group::Diagram,
        help,
        defaults,
        selecting: true,
    })
}

const fn cmd(order: u8, aliases: &'static [&'static str], arg: Arg, help: &'static str) -> Option<Typable> {
    Some(Typable {
        aliases,
        arg,
        help,
        order,
    })
}

const fn hint(order: u8, text: &'static str) -> Option<Hint> {
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
        keys: keys(Navigate, "next slide", &["right", "space", "pgdn"]),
        hint: hint(0, "next"),
        ..entry("next_slide", |_| Action::NextSlide)
    },
    Entry {
        keys: keys(Navigate, "previous slide", &["left", "backspace", "pgup"]),
        hint: hint(1, "previous"),
        ..entry("prev_slide", |_| Action::PrevSlide)
    },
    Entry {
        keys: keys(Navigate, "scroll down / select next row", &["j", "down"]),
        ..entry("down", |_| Action::Down)
    },
    Entry {
        keys: keys(Navigate, "scroll up / select previous row", &["k", "up"]),
        ..entry("up", |_| Action::Up)
    },
    Entry {
        keys: keys(Navigate, "half a page down", &["<c-d>"]),
        ..entry("half_page_down", |_| Action::HalfPageDown)
    },
    Entry {
        keys: keys(Navigate, "half a page up", &["<c-u>"]),
        ..entry("half_page_up", |_| Action::HalfPageUp)
    },
    Entry {
        keys: keys(Navigate, "first slide / first row", &["g", "home"]),
        ..entry("first", |_| Action::First)
    },
    Entry {
        keys: keys(Navigate, "last slide / last row", &["G", "end"]),
        ..entry("last", |_| Action::Last)
    },
    Entry {
        keys: keys(Navigate, "open the selected row; in l, play from it", &["enter"]),
        ..entry("enter", |_| Action::Enter)
    },
    Entry {
        keys: keys(Navigate, "back to where you were", &["esc"]),
        ..entry("back", |_| Action::Back)
    },
    Entry {
        command: cmd(
            1,
            &["go"],
            Arg::SlideId,
            "go to a slide by id, slug or alias (:goto 2.1, :goto pod)",
        ),
        ..entry("goto", Action::Goto)
    },
    Entry {
        keys: keys(Views, "table of contents", &["t"]),
        command: cmd(0, &["contents"], Arg::None, "table of contents"),
        hint: hint(2, "contents"),
        ..entry("toc", |_| Action::Toc)
    },
    Entry {
        keys: keys(Views, "narration of this slide", &["l"]),
        command: cmd(9, &["logs"], Arg::None, "narration of this slide"),
        hint: hint(5, "narration"),
        ..entry("narration", |_| Action::Narration)
    },
    Entry {
        keys: keys(Views, "describe this slide", &["d"]),
        command: cmd(10, &[], Arg::None, "describe this slide"),
        hint: hint(6, "describe"),
        ..entry("describe", |_| Action::Describe)
    },
    Entry {
        keys: keys(Views, "markdown source of this slide", &["y"]),
        command: cmd(11, &["yaml"], Arg::None, "markdown source of this slide"),
        hint: hint(7, "source"),
        ..entry("source", |_| Action::Source)
    },
    Entry {
        keys: keys(Views, "this help", &["?"]),
        command: cmd(12, &["h"], Arg::None, "every key and command"),
        hint: hint(8, "help"),
        ..entry("help", |_| Action::Help)
    },
    Entry {
        keys: keys(Views, "copy the slide's code (OSC 52; a picker for several)", &["c"]),
        command: cmd(17, &[], Arg::Value, "copy code block N of the slide (:copy 2)"),
        ..entry("copy", Action::CopyCode)
    },
    Entry {
        keys: keys(Views, "write the slide's code to your lab folder", &["w"]),
        command: cmd(
            18,
            &["w"],
            Arg::Value,
            "write code block N to your lab folder (:write 2)",
        ),
        ..entry("write", Action::WriteCode)
    },
    Entry {
        keys: keys(Views, "show / hide the header", &["<c-e>"]),
        command: cmd(14, &[], Arg::None, "show or hide the header (ctrl-e)"),
        ..entry("header", |_| Action::ToggleHeader)
    },
    Entry {
        keys: keys(Views, "bookmark this slide (again: remove)", &["b"]),
        ..entry("bookmark", |_| Action::ToggleBookmark)
    },
    Entry {
        keys: keys(Views, "bookmarked slides", &["B"]),
        command: cmd(3, &["marks"], Arg::None, "the bookmarked slides (b bookmarks this one)"),
        ..entry("bookmarks", |_| Action::Bookmarks)
    },
    Entry {
        keys: keys(Views, "practice: this lesson's exercises", &["x"]),
        command: cmd(
            20,
            &["exercises"],
            Arg::None,
            "practice: this lesson's exercises (enter opens one)",
        ),
        hint: hint(13, "practice"),
        ..entry("practice", |_| Action::Practice)
    },
    Entry {
        keys: keys(Practice, "edit the work file in $EDITOR", &["e"]),
        ..entry("practice_edit", |_| Action::PracticeEdit)
    },
    Entry {
        keys: keys(Practice, "next hint", &["h"]),
        ..entry("practice_hint", |_| Action::PracticeHint)
    },
    Entry {
        keys: keys(Practice, "solution (after a pass or 3 failed checks)", &["s"]),
        ..entry("practice_solution", |_| Action::PracticeSolution)
    },
    Entry {
        keys: keys(Practice, "start the exercise over (asks first)", &["r"]),
        ..entry("practice_reset", |_| Action::PracticeReset)
    },
    Entry {
        keys: keys(
            Practice,
            "apply a passed manifest to your cluster namespace (asks first)",
            &["a"],
        ),
        ..entry("practice_apply", |_| Action::PracticeApply)
    },
    Entry {
        command: cmd(
            21,
            &[],
            Arg::Value,
            "practice: answer the open command or quiz exercise (:answer docker ps)",
        ),
        ..entry("answer", Action::Answer)
    },
    Entry {
        command: cmd(15, &["ls"], Arg::None, "the lessons of the course (enter opens one)"),
        ..entry("lessons", |_| Action::Lessons)
    },
    Entry {
        command: cmd(
            16,
            &[],
            Arg::LessonName,
            "open a lesson by id or number (:lesson 2, :lesson week07)",
        ),
        ..entry("lesson", Action::OpenLesson)
    },
    Entry {
        command: cmd(2, &[], Arg::ThemeName, "switch the colour theme (:theme light)"),
        ..entry("theme", Action::SetTheme)
    },
    Entry {
        command: cmd(
            4,
            &[],
            Arg::LearnerName,
            "continue as another learner, with their progress (:learner kim)",
        ),
        ..entry("learner", Action::SwitchLearner)
    },
    Entry {
        keys: keys(Search, "filter slides and narration", &["/"]),
        hint: hint(3, "filter"),
        ..entry("filter", |_| Action::FilterMode)
    },
    Entry {
        keys: keys(Search, "next match", &["n"]),
        ..entry("next_match", |_| Action::NextMatch)
    },
    Entry {
        keys: keys(Search, "previous match", &["N"]),
        ..entry("prev_match", |_| Action::PrevMatch)
    },
    Entry {
        keys: keys(Diagram, "select the next diagram component", &["tab"]),
        hint: hint(10, "select"),
        ..entry("focus_next", |_| Action::FocusNext)
    },
    Entry {
        keys: keys(Diagram, "select the previous component", &["backtab"]),
        ..entry("focus_prev", |_| Action::FocusPrev)
    },
    Entry {
        keys: selecting("selection left (while selecting)", &["left"]),
        ..entry("focus_left", |_| Action::FocusMove(Dir::Left))
    },
    Entry {
        keys: selecting("selection right (while selecting)", &["right"]),
        ..entry("focus_right", |_| Action::FocusMove(Dir::Right))
    },
    Entry {
        keys: selecting("selection up (while selecting)", &["up"]),
        ..entry("focus_up", |_| Action::FocusMove(Dir::Up))
    },
    Entry {
        keys: selecting("selection down (while selecting)", &["down"]),
        ..entry("focus_down", |_| Action::FocusMove(Dir::Down))
    },
    Entry {
        keys: keys(Lecture, "play / pause the narration", &["p"]),
        hint: hint(9, "play"),
        ..entry("play", |_| Action::PlayPause)
    },
    Entry {
        command: cmd(7, &[], Arg::None, "play the narration"),
        ..entry("play", |_| Action::Play)
    },
    Entry {
        command: cmd(8, &[], Arg::None, "pause the narration"),
        ..entry("pause", |_| Action::Pause)
    },
    Entry {
        keys: keys(Lecture, "narration faster (1x 1.25x 1.5x 2x)", &["+"]),
        ..entry("faster", |_| Action::Faster)
    },
    Entry {
        keys: keys(Lecture, "narration slower", &["-"]),
        ..entry("slower", |_| Action::Slower)
    },
    Entry {
        command: cmd(5, &[], Arg::Value, "narration speed: 1, 1.25, 1.5 or 2 (:speed 1.5)"),
        ..entry("speed", Action::SetSpeed)
    },
    Entry {
        command: cmd(6, &["segment"], Arg::Value, "narration from segment N (:seg 12)"),
        ..entry("seg", Action::Seek)
    },
    Entry {
        keys: keys(Lecture, "subtitles on / off", &["v"]),
        command: cmd(19, &["subs"], Arg::None, "show or hide the subtitles (v)"),
        hint: hint(12, "subtitles"),
        ..entry("subtitles", |_| Action::ToggleSubtitles)
    },
    Entry {
        keys: keys(General, "command prompt", &[":"]),
        hint: hint(4, "command"),
        ..entry("command", |_| Action::CommandMode)
    },
    Entry {
        keys: keys(General, "suspend to the shell (fg resumes)", &["<c-z>"]),
        ..entry("suspend", |_| Action::Suspend)
    },
    Entry {
        keys: keys(General, "quit", &["<c-c>"]),
        command: cmd(13, &["q", "q!", "exit"], Arg::None, "quit"),
        hint: hint(11, "quit"),
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
pub fn hints() -> Vec<(&'static Entry, &'static Hint)> {
    let mut out: Vec<_> = ENTRIES.iter().filter_map(|e| Some((e, e.hint.as_ref()?))).collect();
    out.sort_by_key(|(_, h)| h.order);
    out
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
