//! Where things live (config, themes, data) and the user's `config.yaml`: raw YAML validated into
//! a [`Config`] once, before the terminal is touched, with every error naming `file:line`.
//!
//! ```yaml
//! theme: high-contrast        # a built-in theme or one in <config dir>/themes
//! lecture: 20m                # lecture stretch before the break card, and the break
//! break: 5m                   # or off (also 0): no break card
//! keys:                       # only the actions named change; each gets exactly the keys listed
//!   next_slide: [right, space, f]
//!   quit: ["<c-c>", Q]
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::content::yaml::{YamlSource, line_of_key};
use crate::keymap::{Key, Keymap, bindable, parse_key, unknown_action};

pub const CONFIG_DIR_ENV: &str = "K8S_COURSE_CONFIG_DIR";
pub const DATA_DIR_ENV: &str = "K8S_COURSE_DATA_DIR";
pub const CONFIG_FILE: &str = "config.yaml";

/// The directories the player uses. Resolved once in `main` from the environment
/// ([`crate::settings::Env`]), so the library only ever takes explicit paths.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Paths {
    /// None when there is no home directory and no override: no config is read.
    pub config_dir: Option<PathBuf>,
    pub data_dir: Option<PathBuf>,
}

impl Paths {
    /// `config.yaml` in the config dir.
    pub fn config_file(&self) -> Option<PathBuf> {
        self.config_dir.as_ref().map(|d| d.join(CONFIG_FILE))
    }

    /// Where a user's own themes are found by name (`<config dir>/themes/NAME.yaml`).
    pub fn themes_dir(&self) -> Option<PathBuf> {
        self.config_dir.as_ref().map(|d| d.join("themes"))
    }
}

/// A key list in YAML: one key or a list of them.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum KeyList {
    One(String),
    Many(Vec<String>),
}

/// A length in YAML: `20m`, a plain number of minutes (`break: 0` is no break), or `off`/`false`
/// for the break.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RawLength {
    Text(String),
    Minutes(u64),
    Switch(bool),
}

impl RawLength {
    /// The length as `--lecture`/`--break` would write it.
    fn text(&self) -> String {
        match self {
            RawLength::Text(t) => t.clone(),
            RawLength::Minutes(n) => n.to_string(),
            RawLength::Switch(false) => "off".into(),
            RawLength::Switch(true) => "on".into(),
        }
    }
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    theme: Option<String>,
    lecture: Option<RawLength>,
    #[serde(rename = "break")]
    break_: Option<RawLength>,
    #[serde(default)]
    keys: BTreeMap<String, KeyList>,
}

/// The validated configuration.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The config file that was read, if there was one.
    pub file: Option<PathBuf>,
    pub theme: Option<String>,
    pub keymap: Keymap,
    /// Lecture and break lengths as written (`20m`), checked when the file was read.
    pub lecture: Option<String>,
    pub break_: Option<String>,
}

/// Reads `config.yaml` from `paths`; a missing file (or no config dir) gives the defaults.
pub fn load(paths: &Paths) -> Result<Config, String> {
    let Some(file) = paths.config_file() else {
        return Ok(Config::default());
    };
    let bytes = match crate::fsio::read_regular(&file, crate::content::yaml::MAX_YAML_BYTES as u64) {
        Ok(b) => b,
        Err(crate::fsio::ReadError::NotFound) => return Ok(Config::default()),
        Err(e) => return Err(format!("{}: {e}", file.display())),
    };
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        format!("{}:{line}: not UTF-8 (byte {at}): save it as UTF-8", file.display())
    })?;
    parse(&file, &text)
}

/// Parses the text of a config file (`file` is only used in messages).
pub fn parse(file: &Path, text: &str) -> Result<Config, String> {
    let path = file.display().to_string();
    let raw: RawConfig = if text.trim().is_empty() {
        RawConfig::default()
    } else {
        crate::content::yaml::parse(&YamlSource {
            path: &path,
            first_line: 1,
            text,
        })
        .map_err(|d| d.to_string())?
    };
    let at = |line: Option<usize>, msg: String| match line {
        Some(l) => format!("{path}:{l}: {msg}"),
        None => format!("{path}: {msg}"),
    };
    let mut overrides: Vec<(&str, Vec<Key>)> = Vec::new();
    for (name, keys) in &raw.keys {
        let line = line_of_key(text, 1, name);
        let Some(b) = bindable(name) else {
            return Err(at(line, unknown_action(name)));
        };
        let list = match keys {
            KeyList::One(k) => vec![k.clone()],
            KeyList::Many(ks) => ks.clone(),
        };
        let mut parsed = Vec::new();
        for k in &list {
            let key = parse_key(k).map_err(|e| at(line_of_value(text, line, k).or(line), e))?;
            parsed.push(key);
        }
        overrides.push((b.name, parsed));
    }
    let keymap = Keymap::with_overrides(overrides.iter().map(|(n, k)| (*n, k.clone()))).map_err(|e| {
        // Point at the binding that caused the clash: the later of the two actions in the file.
        let line = raw
            .keys
            .keys()
            .filter_map(|n| e.contains(&format!(" {n}")).then(|| line_of_key(text, 1, n)).flatten())
            .max();
        at(line, e)
    })?;
    // Lengths are checked here, where the line is known, so the player never starts on a bad one.
    let lecture = raw.lecture.as_ref().map(RawLength::text);
    let break_ = raw.break_.as_ref().map(RawLength::text);
    let checked = crate::timer::Durations::parse(lecture.as_deref(), break_.as_deref());
    if let Err(e) = checked {
        let key = if e.starts_with("lecture") { "lecture" } else { "break" };
        return Err(at(line_of_key(text, 1, key), e));
    }
    Ok(Config {
        file: Some(file.to_path_buf()),
        theme: raw.theme.map(|t| t.trim().to_string()),
        keymap,
        lecture,
        break_,
    })
}

/// The first line at or after `from` that holds `value` as a whole word (so `sl` is not found
/// inside `next_slide`), for a message about one key of a list.
fn line_of_value(text: &str, from: Option<usize>, value: &str) -> Option<usize> {
    let from = from.unwrap_or(1);
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    let holds = |line: &str| {
        line.match_indices(value).any(|(i, _)| {
            let before = line[..i].chars().next_back();
            let after = line[i + value.len()..].chars().next();
            !word(before) && !word(after)
        })
    };
    text.lines()
        .enumerate()
        .skip(from - 1)
        .find(|(_, l)| holds(l))
        .map(|(i, _)| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_key_is_found_as_a_word_on_its_own_line() {
        let text = "keys:\n  next_slide:\n    - s\n    - sl!\n";
        assert_eq!(line_of_value(text, Some(2), "sl!"), Some(4));
        assert_eq!(line_of_value(text, Some(2), "s"), Some(3));
        let err = parse(
            Path::new("config.yaml"),
            "keys:\n  next_slide:\n    - s\n    - bogus-key\n",
        )
        .unwrap_err();
        assert!(err.starts_with("config.yaml:4: unknown key 'bogus-key'"), "{err}");
    }
}
