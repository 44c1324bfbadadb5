//! `:` commands: parsing and completion, derived from the action registry's typable commands
//! ([`super::registry`]; helix's typable commands are the model).

use super::Action;
use super::registry::{self, Arg, Entry, Typable};
use crate::content::Lesson;
use crate::i18n::{Lang, words};

/// A slide id or alias typed as a command (`:pod`, `:2.1`) also works: it goes there.
fn find(word: &str) -> Option<(&'static Entry, &'static Typable)> {
    registry::commands()
        .into_iter()
        .find(|(e, c)| e.name == word || c.aliases.contains(&word))
}

/// Turns a typed command line into an action, or says what is wrong.
pub fn parse(line: &str, lesson: &Lesson, lang: Lang) -> Result<Action, String> {
    let line = line.trim().trim_start_matches(':').trim();
    let (word, arg) = line.split_once(' ').map_or((line, ""), |(w, a)| (w, a.trim()));
    if word.is_empty() {
        return Err(words::F_TYPE_COMMAND.get(lang).into());
    }
    if let Some((entry, cmd)) = find(&word.to_lowercase()) {
        let name = entry.name;
        return match (cmd.arg, arg.is_empty()) {
            (Arg::None, true) => Ok(entry.act()),
            (Arg::None, false) => Err(words::F_NO_ARGUMENT.fill(lang, &[&name])),
            (Arg::SlideId, true) => Err(words::F_NEEDS_SLIDE.fill(lang, &[&name, &name])),
            (Arg::ThemeName, true) => Err(words::F_NEEDS_THEME.fill(lang, &[&name, &name])),
            (Arg::LearnerName, true) => Err(words::F_NEEDS_NAME.fill(lang, &[&name, &name])),
            (Arg::LessonName, true) => Err(words::F_NEEDS_LESSON.fill(lang, &[&name, &name])),
            (Arg::Value, true) => Err(words::F_NEEDS_VALUE.fill(lang, &[&name, &cmd.help.get(lang)])),
            (_, false) => Ok((entry.action)(arg.to_string())),
        };
    }
    if arg.is_empty() && lesson.resolve(word).is_some() {
        return Ok(Action::Goto(word.to_string()));
    }
    Err(words::F_UNKNOWN_COMMAND.fill(lang, &[&crate::text::clean_line(line)]))
}

/// Completions of `line`, best first, as whole prompt texts: command names and slide ids/aliases
/// for the first word, slide ids after `goto`, theme names after `theme`, lesson folder names
/// after `lesson`.
pub fn complete(line: &str, lesson: &Lesson, themes: &[String], lessons: &[String]) -> Vec<String> {
    let lower = line.to_lowercase();
    if let Some((word, partial)) = lower.split_once(' ') {
        let Some((entry, cmd)) = find(word) else {
            return Vec::new();
        };
        let pool: Vec<String> = match cmd.arg {
            Arg::None | Arg::LearnerName | Arg::Value => Vec::new(),
            Arg::SlideId => slide_words(lesson),
            Arg::ThemeName => themes.to_vec(),
            Arg::LessonName => lessons.to_vec(),
        };
        let partial = partial.trim_start();
        let mut seen = std::collections::HashSet::new();
        return pool
            .into_iter()
            .filter(|w| w.to_lowercase().starts_with(partial) && w.to_lowercase() != partial)
            .filter(|w| seen.insert(w.clone()))
            .map(|w| format!("{} {w}", entry.name))
            .collect();
    }
    let mut words: Vec<String> = registry::commands().iter().map(|(e, _)| e.name.to_string()).collect();
    words.extend(slide_words(lesson));
    let mut seen = std::collections::HashSet::new();
    words
        .into_iter()
        .filter(|w| w.to_lowercase().starts_with(&lower) && w.to_lowercase() != lower)
        .filter(|w| seen.insert(w.clone()))
        .collect()
}

/// What a learner can type to reach a slide: aliases first (they are the memorable ones), then
/// ids, then the K9s resource names that lead somewhere in this lesson (`pods`, `deployments`).
fn slide_words(lesson: &Lesson) -> Vec<String> {
    let mut out: Vec<String> = lesson.aliases.iter().map(|(a, _)| a.clone()).collect();
    out.extend(lesson.slides().map(|(_, s)| s.id()));
    out.extend(crate::content::k9s::names_in(lesson).into_iter().map(str::to_string));
    out
}

/// What `enter` runs: a word as typed when it is a command or names a slide (`:h`, `:po`, `:3`),
/// else the completion shown after it (`:dep` runs `:deploy`, `:theme l` runs `:theme light`),
/// else the line (to say what's wrong).
pub fn accepted(line: &str, lesson: &Lesson, themes: &[String], lessons: &[String]) -> String {
    // A command's own name runs as typed, even when its argument is missing: `:lesson` then
    // explains what it needs rather than becoming `:lessons`.
    // An argument being typed takes its completion (`:theme l` runs `:theme light`).
    let word = line.trim().trim_start_matches(':').split(' ').next().unwrap_or("");
    let has_arg = line.trim().contains(' ');
    if !has_arg && (parse(line, lesson, Lang::En).is_ok() || find(&word.to_lowercase()).is_some()) {
        return line.to_string();
    }
    complete(line, lesson, themes, lessons)
        .into_iter()
        .next()
        .unwrap_or_else(|| line.to_string())
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
        assert_eq!(parse("q", &l, Lang::En), Ok(Action::Quit));
        assert_eq!(parse(":quit", &l, Lang::En), Ok(Action::Quit));
        assert_eq!(parse("toc", &l, Lang::En), Ok(Action::Toc));
        assert_eq!(parse("goto 2.1", &l, Lang::En), Ok(Action::Goto("2.1".into())));
        assert_eq!(parse("pod", &l, Lang::En), Ok(Action::Goto("pod".into())));
        assert_eq!(parse("theme light", &l, Lang::En), Ok(Action::SetTheme("light".into())));
        assert_eq!(
            parse("goto", &l, Lang::En),
            Err(":goto needs a slide id, e.g. :goto 2.1".into())
        );
        assert_eq!(parse("toc now", &l, Lang::En), Err(":toc takes no argument".into()));
        assert_eq!(
            parse("fly", &l, Lang::En),
            Err("unknown command 'fly': :help lists commands, :toc lists slides".into())
        );
    }

    #[test]
    fn completion_offers_commands_ids_and_themes() {
        let l = lesson();
        let themes = vec!["default".to_string(), "light".to_string()];
        assert_eq!(complete("th", &l, &themes, &[]), ["theme"]);
        assert_eq!(complete("theme l", &l, &themes, &[]), ["theme light"]);
        assert_eq!(
            complete("goto de", &l, &themes, &[]),
            ["goto deploy", "goto deployment", "goto deployments"]
        );
        assert!(complete("p", &l, &themes, &[]).contains(&"pod".to_string()));
        let lessons = ["week07".to_string(), "w05".to_string()];
        assert_eq!(complete("lesson w0", &l, &themes, &lessons), ["lesson w05"]);
        assert!(complete("2.2", &l, &themes, &[]).contains(&"2.2.1".to_string()));
    }
}
