//! Theme files -> resolved entries. A file is parsed through `content::yaml` (size and nesting
//! guarded, errors with line and column), unknown keys and role names are refused, and what the
//! file leaves out comes from its base: the built-in it names with `base: NAME`, else the built-in of
//! the same name (a user's `light.yaml` tweaks `light`), else `default`.

use std::path::Path;

use serde::Deserialize;

use super::color::{Entry, NOT_A_COLOUR};
use super::keys::{RoleKey, RoleMap};
use super::{CONTENT_COUNT, UiRole};
use crate::content::Diagnostic;
use crate::content::yaml::{self, MAX_YAML_BYTES, YamlSource};
use crate::render::Role;
use crate::render::highlight::DEFAULT_THEME;
use crate::text::clean_line;

/// Built-in themes, in the order they are offered.
pub(crate) const BUILTIN_NAMES: [&str; 3] = ["default", "light", "high-contrast"];

/// The themes syntect ships (`ThemeSet::load_defaults`), so `syntax:` is checked without loading them.
pub const SYNTAX_THEMES: [&str; 7] = [
    "base16-ocean.dark",
    "base16-eighties.dark",
    "base16-mocha.dark",
    "base16-ocean.light",
    "InspiredGitHub",
    "Solarized (dark)",
    "Solarized (light)",
];

fn builtin_text(name: &str) -> Option<&'static str> {
    match name {
        "default" => Some(include_str!("../../themes/default.yaml")),
        "light" => Some(include_str!("../../themes/light.yaml")),
        "high-contrast" => Some(include_str!("../../themes/high-contrast.yaml")),
        _ => None,
    }
}

/// A theme with every role's entry filled in as far as its files go.
#[derive(Debug, Clone)]
pub(crate) struct Resolved {
    /// The syntect theme, `None` for `syntax: none`.
    pub syntax: Option<String>,
    /// Indexed by `UiRole as usize`.
    pub ui: [Entry; UiRole::COUNT],
    /// Indexed by `content_index(role)`.
    pub content: [Entry; CONTENT_COUNT],
}

impl Resolved {
    /// No colours, the default syntect theme: what the built-in `default` is laid over.
    pub fn empty() -> Resolved {
        Resolved {
            syntax: Some(DEFAULT_THEME.to_string()),
            ui: [Entry::default(); UiRole::COUNT],
            content: [Entry::default(); CONTENT_COUNT],
        }
    }
}

/// A theme file as written. `name` is for people reading the file; a theme is known by its file name.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTheme {
    // Accepted so a file can say what it is; only the built-in tests read it.
    #[allow(dead_code)]
    name: Option<String>,
    base: Option<String>,
    syntax: Option<String>,
    #[serde(default)]
    ui: RoleMap<UiRole>,
    #[serde(default)]
    content: RoleMap<Role>,
}

/// Loads built-in theme `name`; the others are laid over `default`, `default` over nothing.
pub(crate) fn builtin(name: &str) -> Result<Resolved, Diagnostic> {
    let path = format!("<built-in>/themes/{name}.yaml");
    let Some(text) = builtin_text(name) else {
        return Err(Diagnostic::error(path, None, "no such built-in theme"));
    };
    let raw = parse_raw(&path, text)?;
    let base = if name == "default" {
        Resolved::empty()
    } else {
        builtin("default")?
    };
    resolve(&path, text, raw, base)
}

/// `dir/NAME.yaml` resolved, `None` when there is no such file; errors name the file.
pub(crate) fn user(dir: &Path, name: &str) -> Result<Option<Resolved>, String> {
    let file = dir.join(format!("{name}.yaml"));
    let shown = clean_line(&file.display().to_string());
    // A theme that is a link out of the themes folder is not read: its text would be quoted in
    // errors (`themes/x.yaml -> /etc/shadow`).
    if let (Ok(canon), Ok(canon_dir)) = (file.canonicalize(), dir.canonicalize())
        && !canon.starts_with(&canon_dir)
    {
        return Err(format!(
            "{shown}: links to a file outside the themes folder, which is not read: copy the theme into {}",
            clean_line(&dir.display().to_string())
        ));
    }
    let bytes = match crate::fsio::read_regular(&file, MAX_YAML_BYTES as u64) {
        Ok(bytes) => bytes,
        Err(crate::fsio::ReadError::NotFound) => return Ok(None),
        Err(crate::fsio::ReadError::NotRegular(kind)) => {
            return Err(format!("{shown}: not a file (a {kind}): a theme is a YAML file"));
        }
        Err(e) => return Err(format!("{shown}: the theme {e}")),
    };
    let text = String::from_utf8(bytes).map_err(|e| {
        let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
        format!("{shown}:{line}: not UTF-8 text: save the theme as UTF-8")
    })?;
    let raw = parse_raw(&shown, &text).map_err(|d| d.to_string())?;
    // A user theme named like a built-in is a tweak of that built-in.
    let implied = if BUILTIN_NAMES.contains(&name) { name } else { "default" };
    let base_name = raw.base.clone().unwrap_or_else(|| implied.to_string());
    if !BUILTIN_NAMES.contains(&base_name.as_str()) {
        let line = yaml::line_of_key(&text, 1, "base");
        let message = format!("unknown base `{base_name}`: one of {}", BUILTIN_NAMES.join(", "));
        return Err(Diagnostic::error(&shown, line, message).to_string());
    }
    let base = builtin(&base_name).map_err(|d| d.to_string())?;
    resolve(&shown, &text, raw, base).map(Some).map_err(|d| d.to_string())
}

fn parse_raw(path: &str, text: &str) -> Result<RawTheme, Diagnostic> {
    let src = YamlSource {
        path,
        first_line: 1,
        text,
    };
    yaml::parse(&src).map_err(|mut d| {
        // `content::yaml` files serde's custom errors under "invalid YAML"; a bad colour is not that.
        if d.message.contains(NOT_A_COLOUR) {
            d.message = d.message.trim_start_matches("invalid YAML: ").to_string();
        }
        if let Some(line) = duplicate_line(text, &d.message) {
            let indent = text.lines().nth(line - 1).map_or(0, |l| l.len() - l.trim_start().len());
            d.line = Some(line);
            d.column = Some(indent + 1);
        }
        d
    })
}

/// The line of a repeated role. `content::yaml` points at the second line with that key anywhere in
/// the file, but `ui:` and `content:` share role names (`border`, `muted`, `table_header`), so look
/// only inside the section the message names (`content: duplicate entry with key "muted"...`).
fn duplicate_line(text: &str, message: &str) -> Option<usize> {
    let (section, rest) = message.split_once(": duplicate entry with key \"")?;
    let key = rest.split('"').next()?;
    let lines: Vec<&str> = text.lines().collect();
    let start = lines.iter().position(|l| l.starts_with(&format!("{section}:")))? + 1;
    // The section ends at the next line that starts in column 1 (another top-level key).
    let end = lines[start..]
        .iter()
        .position(|l| l.starts_with(|c: char| !c.is_whitespace() && c != '#'))
        .map_or(lines.len(), |n| start + n);
    let starts_key = |l: &str| {
        let t = l.trim_start().trim_start_matches(['"', '\'']);
        t.strip_prefix(key)
            .is_some_and(|r| r.trim_start_matches(['"', '\'']).trim_start().starts_with(':'))
    };
    (start..end).filter(|&i| starts_key(lines[i])).nth(1).map(|i| i + 1)
}

/// `raw` laid over `base`, field by field; checks the syntect theme name.
fn resolve(path: &str, text: &str, raw: RawTheme, mut base: Resolved) -> Result<Resolved, Diagnostic> {
    if let Some(syntax) = raw.syntax {
        base.syntax = syntax_theme(&syntax)
            .map_err(|message| Diagnostic::error(path, yaml::line_of_key(text, 1, "syntax"), message))?;
    }
    for (role, entry) in raw.ui.0 {
        base.ui[role.index()] = entry.over(base.ui[role.index()]);
    }
    for (role, entry) in raw.content.0 {
        base.content[role.index()] = entry.over(base.content[role.index()]);
    }
    Ok(base)
}

/// `none` (no syntax colours) or a syntect theme, matched without regard to case.
fn syntax_theme(name: &str) -> Result<Option<String>, String> {
    if name.trim().eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    SYNTAX_THEMES
        .iter()
        .find(|t| t.eq_ignore_ascii_case(name.trim()))
        .map(|t| Some(t.to_string()))
        .ok_or_else(|| {
            format!(
                "unknown syntax theme `{name}`: use none or one of {}",
                SYNTAX_THEMES.join(", ")
            )
        })
}

/// A theme name is a file stem: no path separators, no leading dot, so `NAME.yaml` stays in the
/// user's theme folder.
pub(crate) fn is_valid_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// The error for a name that cannot be a theme file.
pub(crate) fn check_name(name: &str) -> Result<(), String> {
    if is_valid_name(name) {
        Ok(())
    } else {
        Err(format!(
            "`{}` is not a theme name: use letters, digits, -, _ and . (the file is NAME.yaml)",
            clean_line(name)
        ))
    }
}

/// Stems of the `*.yaml` files in `dir` that are valid theme names; none when it can't be read.
pub(crate) fn user_names(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|entry| {
            let path = entry.path();
            if path.extension()? != "yaml" {
                return None;
            }
            let stem = path.file_stem()?.to_str()?;
            is_valid_name(stem).then(|| stem.to_string())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::keys::CONTENT_KEYS;
    use super::super::{CONTENT_ROLES, content_index};
    use super::*;

    /// Keys present in a file's `ui:` and `content:` maps.
    fn listed(raw: &RawTheme) -> (Vec<UiRole>, Vec<Role>) {
        (
            raw.ui.0.iter().map(|(r, _)| *r).collect(),
            raw.content.0.iter().map(|(r, _)| *r).collect(),
        )
    }

    #[test]
    fn every_builtin_lists_every_role_and_a_syntax_theme() {
        for name in BUILTIN_NAMES {
            let text = builtin_text(name).expect("embedded");
            let raw = parse_raw(name, text).unwrap_or_else(|d| panic!("{d}"));
            assert_eq!(raw.name.as_deref(), Some(name));
            assert!(raw.syntax.is_some(), "{name}: no syntax");
            let (ui, content) = listed(&raw);
            for role in UiRole::ALL {
                assert!(ui.contains(&role), "{name}: ui.{} missing", role.key());
            }
            for role in CONTENT_ROLES {
                assert!(
                    content.contains(&role),
                    "{name}: content.{} missing",
                    CONTENT_KEYS[content_index(role)]
                );
            }
            // "Complete" also means every entry says something.
            for (role, entry) in raw.ui.0.iter().filter(|(r, _)| *r != UiRole::Background) {
                assert_ne!(*entry, Entry::default(), "{name}: ui.{} is empty", role.key());
            }
        }
    }

    #[test]
    fn syntax_theme_names_are_the_ones_syntect_ships() {
        let set = syntect::highlighting::ThemeSet::load_defaults();
        let mut shipped: Vec<&str> = set.themes.keys().map(String::as_str).collect();
        let mut ours = SYNTAX_THEMES.to_vec();
        shipped.sort_unstable();
        ours.sort_unstable();
        assert_eq!(ours, shipped);
        assert_eq!(syntax_theme("inspiredgithub"), Ok(Some("InspiredGitHub".to_string())));
        assert_eq!(syntax_theme("None"), Ok(None));
        assert!(syntax_theme("monokai").is_err_and(|e| e.contains("base16-ocean.dark")));
    }

    #[test]
    fn names_that_would_leave_the_folder_are_refused() {
        for bad in ["", "../x", "a/b", ".hidden", "a\\b", "x\u{1b}[2J"] {
            assert!(check_name(bad).is_err(), "{bad:?}");
        }
        assert!(check_name("solarized-2.v3_x").is_ok());
        assert!(check_name("x\u{1b}[2J").is_err_and(|e| !e.contains('\u{1b}')));
    }
}
