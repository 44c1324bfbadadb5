//! The `:` command table (helix's typable commands are the model): name, aliases, argument and a
//! help line, from which parsing, completion and the help view are all derived.

use super::Action;
use crate::content::Lesson;

/// What a command takes after its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arg {
    None,
    SlideId,
    ThemeName,
    LearnerName,
    /// A value the action checks itself (a speed, a segment number).
    Value,
}

#[derive(Debug)]
pub struct Command {
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    pub arg: Arg,
    pub help: &'static str,
    action: fn(String) -> Action,
}

/// Every command. A slide id or alias typed as a command (`:pod`, `:2.1`) also works: it goes there.
pub const COMMANDS: &[Command] = &[
    Command {
        name: "toc",
        aliases: &["contents"],
        arg: Arg::None,
        help: "table of contents",
        action: |_| Action::Toc,
    },
    Command {
        name: "goto",
        aliases: &["go"],
        arg: Arg::SlideId,
        help: "go to a slide by id, slug or alias (:goto 2.1, :goto pod)",
        action: Action::Goto,
    },
    Command {
        name: "theme",
        aliases: &[],
        arg: Arg::ThemeName,
        help: "switch the colour theme (:theme light)",
        action: Action::SetTheme,
    },
    Command {
        name: "bookmarks",
        aliases: &["marks"],
        arg: Arg::None,
        help: "the bookmarked slides (b bookmarks this one)",
        action: |_| Action::Bookmarks,
    },
    Command {
        name: "learner",
        aliases: &[],
        arg: Arg::LearnerName,
        help: "continue as another learner, with their progress (:learner kim)",
        action: Action::SwitchLearner,
    },
    Command {
        name: "speed",
        aliases: &[],
        arg: Arg::Value,
        help: "narration speed: 1, 1.25, 1.5 or 2 (:speed 1.5)",
        action: Action::SetSpeed,
    },
    Command {
        name: "seg",
        aliases: &["segment"],
        arg: Arg::Value,
        help: "narration from segment N (:seg 12)",
        action: Action::Seek,
    },
    Command {
        name: "play",
        aliases: &[],
        arg: Arg::None,
        help: "play the narration",
        action: |_| Action::Play,
    },
    Command {
        name: "pause",
        aliases: &[],
        arg: Arg::None,
        help: "pause the narration",
        action: |_| Action::Pause,
    },
    Command {
        name: "narration",
        aliases: &["logs"],
        arg: Arg::None,
        help: "narration of this slide",
        action: |_| Action::Narration,
    },
    Command {
        name: "describe",
        aliases: &[],
        arg: Arg::None,
        help: "describe this slide",
        action: |_| Action::Describe,
    },
    Command {
        name: "source",
        aliases: &["yaml"],
        arg: Arg::None,
        help: "markdown source of this slide",
        action: |_| Action::Source,
    },
    Command {
        name: "help",
        aliases: &["h"],
        arg: Arg::None,
        help: "every key and command",
        action: |_| Action::Help,
    },
    Command {
        name: "quit",
        aliases: &["q", "q!", "exit"],
        arg: Arg::None,
        help: "quit",
        action: |_| Action::Quit,
    },
];

fn find(word: &str) -> Option<&'static Command> {
    COMMANDS.iter().find(|c| c.name == word || c.aliases.contains(&word))
}

/// Turns a typed command line into an action, or says what is wrong.
pub fn parse(line: &str, lesson: &Lesson) -> Result<Action, String> {
    let line = line.trim().trim_start_matches(':').trim();
    let (word, arg) = line.split_once(' ').map_or((line, ""), |(w, a)| (w, a.trim()));
    if word.is_empty() {
        return Err("type a command: :help lists them".into());
    }
    if let Some(cmd) = find(&word.to_lowercase()) {
        return match (cmd.arg, arg.is_empty()) {
            (Arg::None, true) => Ok((cmd.action)(String::new())),
            (Arg::None, false) => Err(format!(":{} takes no argument", cmd.name)),
            (Arg::SlideId, true) => Err(format!(":{} needs a slide id, e.g. :{} 2.1", cmd.name, cmd.name)),
            (Arg::ThemeName, true) => Err(format!(":{} needs a theme name, e.g. :{} light", cmd.name, cmd.name)),
            (Arg::LearnerName, true) => Err(format!(":{} needs a name, e.g. :{} kim", cmd.name, cmd.name)),
            (Arg::Value, true) => Err(format!(":{} needs a value: {}", cmd.name, cmd.help)),
            (_, false) => Ok((cmd.action)(arg.to_string())),
        };
    }
    if arg.is_empty() && lesson.resolve(word).is_some() {
        return Ok(Action::Goto(word.to_string()));
    }
    Err(format!(
        "unknown command '{}': :help lists commands, :toc lists slides",
        crate::text::clean_line(line)
    ))
}

/// Completions of `line`, best first, as whole prompt texts: command names and slide ids/aliases
/// for the first word, slide ids after `goto`, theme names after `theme`.
pub fn complete(line: &str, lesson: &Lesson, themes: &[String]) -> Vec<String> {
    let lower = line.to_lowercase();
    if let Some((word, partial)) = lower.split_once(' ') {
        let Some(cmd) = find(word) else { return Vec::new() };
        let pool: Vec<String> = match cmd.arg {
            Arg::None | Arg::LearnerName | Arg::Value => Vec::new(),
            Arg::SlideId => slide_words(lesson),
            Arg::ThemeName => themes.to_vec(),
        };
        let partial = partial.trim_start();
        return pool
            .into_iter()
            .filter(|w| w.to_lowercase().starts_with(partial) && w.to_lowercase() != partial)
            .map(|w| format!("{} {w}", cmd.name))
            .collect();
    }
    let mut words: Vec<String> = COMMANDS.iter().map(|c| c.name.to_string()).collect();
    words.extend(slide_words(lesson));
    let mut seen = std::collections::HashSet::new();
    words
        .into_iter()
        .filter(|w| w.to_lowercase().starts_with(&lower) && w.to_lowercase() != lower)
        .filter(|w| seen.insert(w.clone()))
        .collect()
}

/// What a learner can type to reach a slide: aliases first (they are the memorable ones), then ids.
fn slide_words(lesson: &Lesson) -> Vec<String> {
    let mut out: Vec<String> = lesson.aliases.iter().map(|(a, _)| a.clone()).collect();
    out.extend(lesson.slides().map(|(_, s)| s.id()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{CourseSource, load_course};

    fn lesson() -> Lesson {
        let course = load_course(&CourseSource::BuiltIn).course.expect("built-in course");
        course.lessons.into_iter().next().expect("a lesson")
    }

    #[test]
    fn commands_aliases_and_slide_words_parse() {
        let l = lesson();
        assert_eq!(parse("q", &l), Ok(Action::Quit));
        assert_eq!(parse(":quit", &l), Ok(Action::Quit));
        assert_eq!(parse("toc", &l), Ok(Action::Toc));
        assert_eq!(parse("goto 2.1", &l), Ok(Action::Goto("2.1".into())));
        assert_eq!(parse("pod", &l), Ok(Action::Goto("pod".into())));
        assert_eq!(parse("theme light", &l), Ok(Action::SetTheme("light".into())));
        assert_eq!(parse("goto", &l), Err(":goto needs a slide id, e.g. :goto 2.1".into()));
        assert_eq!(parse("toc now", &l), Err(":toc takes no argument".into()));
        assert_eq!(
            parse("fly", &l),
            Err("unknown command 'fly': :help lists commands, :toc lists slides".into())
        );
    }

    #[test]
    fn completion_offers_commands_ids_and_themes() {
        let l = lesson();
        let themes = vec!["default".to_string(), "light".to_string()];
        assert_eq!(complete("th", &l, &themes), ["theme"]);
        assert_eq!(complete("theme l", &l, &themes), ["theme light"]);
        assert_eq!(complete("goto de", &l, &themes), ["goto deploy"]);
        assert!(complete("p", &l, &themes).contains(&"pod".to_string()));
        assert!(complete("2.2", &l, &themes).contains(&"2.2.1".to_string()));
    }
}
