//! Settings resolved once, in `main`: the environment (read there, into an [`Env`]), the command
//! line and `config.yaml` become one [`Settings`] that every command takes. No module below `cli`
//! reads the environment, so each can be tested with the values it is given.

use std::ffi::OsString;
use std::path::PathBuf;

use crate::config::{self, Config, Paths};
use crate::content::CourseSource;
use crate::i18n::Lang;
use crate::progress::Learner;
use crate::timer::Durations;

pub use crate::config::{CONFIG_DIR_ENV, DATA_DIR_ENV};
pub use crate::present::RUNTIME_DIR_ENV;

/// The learner, when `--learner` is not given.
pub const LEARNER_ENV: &str = "K8S_COURSE_LEARNER";

/// What the process was started with, as far as this program cares: read once by `main`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Env {
    /// The config and data dirs: the overrides, else the platform's (None without a home).
    pub paths: Paths,
    /// `K8S_COURSE_RUNTIME_DIR`, else the platform's runtime dir (`$XDG_RUNTIME_DIR/k8s-course`).
    pub runtime_dir: Option<PathBuf>,
    /// `K8S_COURSE_LEARNER`, else the user's login name.
    pub learner: Option<String>,
    /// The locale's language tag (`LC_ALL`, else `LC_MESSAGES`, else `LANG`), as written.
    pub locale: Option<String>,
    /// `NO_COLOR` set and not empty (no-color.org).
    pub no_color: bool,
    /// `TERM=dumb`: a terminal that can't move the cursor.
    pub dumb_terminal: bool,
    /// The editor for practice work files: `$VISUAL`, else `$EDITOR`, split into words
    /// (`code --wait`).
    pub editor: Option<Vec<String>>,
}

/// The platform's own dirs for this program, as `main` found them (they depend on `HOME`).
#[derive(Debug, Clone, Default)]
pub struct PlatformDirs {
    pub config: Option<PathBuf>,
    pub data: Option<PathBuf>,
    pub runtime: Option<PathBuf>,
}

impl Env {
    /// The rules that turn variables into an [`Env`]; `var` looks one up (main passes
    /// `std::env::var_os`, tests a table). Empty values count as unset.
    pub fn from_vars(var: impl Fn(&str) -> Option<OsString>, dirs: PlatformDirs) -> Env {
        let set = |name: &str| var(name).filter(|v| !v.is_empty());
        let text = |name: &str| set(name).map(|v| v.to_string_lossy().into_owned());
        let dir = |name: &str| set(name).map(PathBuf::from);
        let learner = [LEARNER_ENV, "USER", "USERNAME", "LOGNAME"]
            .iter()
            .find_map(|name| text(name).filter(|s| !s.trim().is_empty()));
        Env {
            paths: Paths {
                config_dir: dir(CONFIG_DIR_ENV).or(dirs.config),
                data_dir: dir(DATA_DIR_ENV).or(dirs.data),
            },
            runtime_dir: dir(RUNTIME_DIR_ENV).or(dirs.runtime),
            learner,
            locale: ["LC_ALL", "LC_MESSAGES", "LANG"].iter().find_map(|name| text(name)),
            no_color: crate::theme::no_color_from(var("NO_COLOR").as_deref()),
            dumb_terminal: set("TERM").is_some_and(|t| t == "dumb"),
            editor: ["VISUAL", "EDITOR"].iter().find_map(|name| {
                let words: Vec<String> = text(name)?.split_whitespace().map(str::to_string).collect();
                (!words.is_empty()).then_some(words)
            }),
        }
    }
}

/// Everything a command needs to know before it loads a course: where things are, who the
/// learner is, which language and theme, and the user's `config.yaml`, validated.
#[derive(Debug, Clone)]
pub struct Settings {
    pub source: CourseSource,
    pub paths: Paths,
    pub runtime_dir: Option<PathBuf>,
    /// `--learner`, else the environment's; None when neither names one.
    pub learner: Option<String>,
    /// `--lang`, else the locale's language when the program speaks it; None: the course's.
    pub lang: Option<Lang>,
    /// `--theme`; `config.yaml`'s theme is in `config`.
    pub theme: Option<String>,
    /// `--lecture` / `--break` as written.
    pub lecture: Option<String>,
    pub break_: Option<String>,
    pub from_start: bool,
    pub no_color: bool,
    pub dumb_terminal: bool,
    /// The editor for practice work files (`$VISUAL`, else `$EDITOR`), in words.
    pub editor: Option<Vec<String>>,
    /// `config.yaml`, validated (the defaults when there is none), or why it can't be used.
    pub config: Result<Config, String>,
}

/// What the command line gave, apart from clap's types, so this module stays below `cli`.
#[derive(Debug, Clone, Default)]
pub struct Args {
    pub course: Option<PathBuf>,
    pub learner: Option<String>,
    pub lang: Option<String>,
    pub theme: Option<String>,
    pub lecture: Option<String>,
    pub break_: Option<String>,
    pub from_start: bool,
}

impl Settings {
    /// The command line over the environment, with `config.yaml` read from the config dir.
    pub fn resolve(args: Args, env: Env) -> Settings {
        let config = config::load(&env.paths);
        Settings {
            source: match args.course {
                Some(dir) => CourseSource::Dir(dir),
                None => CourseSource::BuiltIn,
            },
            runtime_dir: env.runtime_dir,
            learner: args.learner.or(env.learner),
            lang: args
                .lang
                .as_deref()
                .and_then(Lang::from_tag)
                .or_else(|| env.locale.as_deref().and_then(Lang::from_tag)),
            theme: args.theme,
            lecture: args.lecture,
            break_: args.break_,
            from_start: args.from_start,
            no_color: env.no_color,
            dumb_terminal: env.dumb_terminal,
            editor: env.editor,
            paths: env.paths,
            config,
        }
    }

    /// The learner whose progress is used (`learner` when no name was found).
    pub fn learner(&self) -> Result<Learner, String> {
        let name = self.learner.clone().filter(|s| !s.trim().is_empty());
        Learner::new(name.as_deref().unwrap_or("learner"))
    }

    /// The language the program speaks with a course written in `course_language`.
    pub fn lang_for(&self, course_language: &str) -> Lang {
        self.lang
            .or_else(|| Lang::from_tag(course_language))
            .unwrap_or_default()
    }

    /// The theme asked for: `--theme`, else `config.yaml`'s, else `default`.
    pub fn theme_name(&self, config: &Config) -> String {
        (self.theme.clone())
            .or_else(|| config.theme.clone())
            .unwrap_or_else(|| "default".into())
    }

    /// Lecture and break lengths: the command line's, else `config.yaml`'s (checked when it was
    /// read), else the defaults.
    pub fn lengths(&self, config: &Config) -> Result<Durations, String> {
        Durations::parse(
            self.lecture.as_deref().or(config.lecture.as_deref()),
            self.break_.as_deref().or(config.break_.as_deref()),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(vars: &[(&str, &str)]) -> Env {
        let vars: Vec<(String, OsString)> = vars.iter().map(|(k, v)| (k.to_string(), OsString::from(v))).collect();
        Env::from_vars(
            |name| vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()),
            PlatformDirs {
                config: Some("/home/u/.config/k8s-course".into()),
                ..PlatformDirs::default()
            },
        )
    }

    #[test]
    fn overrides_win_and_empty_values_count_as_unset() {
        let e = env(&[("K8S_COURSE_CONFIG_DIR", ""), ("USER", "kim"), ("NO_COLOR", "")]);
        assert_eq!(e.paths.config_dir, Some("/home/u/.config/k8s-course".into()));
        assert_eq!(e.learner.as_deref(), Some("kim"));
        assert!(!e.no_color);
        let e = env(&[
            ("K8S_COURSE_LEARNER", "lee"),
            ("USER", "kim"),
            ("NO_COLOR", "1"),
            ("TERM", "dumb"),
        ]);
        assert_eq!(e.learner.as_deref(), Some("lee"));
        assert!(e.no_color && e.dumb_terminal);
    }

    #[test]
    fn the_editor_is_visual_then_editor_in_words() {
        let words = |e: Env| e.editor.map(|w| w.join("|"));
        assert_eq!(words(env(&[("EDITOR", "vim")])), Some("vim".into()));
        assert_eq!(
            words(env(&[("VISUAL", "code --wait"), ("EDITOR", "vim")])),
            Some("code|--wait".into())
        );
        assert_eq!(words(env(&[("VISUAL", ""), ("EDITOR", "")])), None);
    }

    #[test]
    fn the_language_is_the_flag_then_the_locale_then_the_course() {
        let with = |lang: Option<&str>, locale: &[(&str, &str)]| {
            let args = Args {
                lang: lang.map(str::to_string),
                ..Args::default()
            };
            Settings::resolve(args, env(locale)).lang_for("ko")
        };
        assert_eq!(with(None, &[]), Lang::Ko);
        assert_eq!(with(None, &[("LANG", "en_US.UTF-8")]), Lang::En);
        assert_eq!(
            with(None, &[("LANG", "fr_FR.UTF-8")]),
            Lang::Ko,
            "unknown: the course's"
        );
        assert_eq!(
            with(None, &[("LANG", "en_US.UTF-8"), ("LC_ALL", "ko_KR.UTF-8")]),
            Lang::Ko
        );
        assert_eq!(with(Some("ko"), &[("LANG", "en_US.UTF-8")]), Lang::Ko);
    }
}
