//! `k8s-course info`: where the player looks for things, as `k9s info` does.

use std::path::Path;

use super::Io;
use crate::config::{CONFIG_DIR_ENV, DATA_DIR_ENV};
use crate::present::RUNTIME_DIR_ENV;
use crate::settings::Settings;
use crate::theme;
use crate::timer::format_duration;

pub fn run(settings: &Settings, io: &mut Io<'_>) -> std::io::Result<bool> {
    let paths = &settings.paths;
    let show =
        |p: Option<&Path>| p.map_or_else(|| "(none: no home directory)".to_string(), |p| p.display().to_string());
    let config_file = paths.config_file();
    let (config_state, config) = match &settings.config {
        Ok(c) if c.file.is_some() => ("in use".to_string(), Some(c)),
        Ok(c) => ("not found: defaults in use".to_string(), Some(c)),
        Err(e) => (format!("has errors: {e}"), None),
    };
    let themes_dir = paths.themes_dir();
    let theme = match config {
        Some(c) => settings.theme_name(c),
        None => settings.theme.clone().unwrap_or_else(|| "default".into()),
    };
    // What the player would refuse, `info` refuses too: a bad config (above) or a bad length.
    let lengths = config.map(|c| settings.lengths(c));
    let (lecture, break_) = match &lengths {
        Some(Ok(d)) if d.break_.is_zero() => (format_duration(d.lecture), "off".to_string()),
        Some(Ok(d)) => (format_duration(d.lecture), format_duration(d.break_)),
        Some(Err(_)) => ("(not usable, see below)".to_string(), "-".to_string()),
        None => ("(the config has errors)".to_string(), "-".to_string()),
    };
    let runtime = settings.runtime_dir.as_deref().map_or_else(
        || "(none: k8s-course-<uid> in the temp dir)".to_string(),
        |d| d.display().to_string(),
    );
    let course = match &settings.source {
        crate::content::CourseSource::Dir(dir) => dir.display().to_string(),
        crate::content::CourseSource::BuiltIn => "built-in".to_string(),
    };
    let rows = [
        ("Version", env!("CARGO_PKG_VERSION").to_string()),
        ("Course", course),
        ("Config", format!("{} ({config_state})", show(config_file.as_deref()))),
        ("Themes", show(themes_dir.as_deref())),
        (
            "Theme",
            match theme::load(&theme, themes_dir.as_deref()) {
                Ok(_) => theme,
                Err(e) => format!("{theme} (not usable, the default is used: {e})"),
            },
        ),
        ("Available", theme::names(themes_dir.as_deref()).join(", ")),
        ("Data", show(paths.data_dir.as_deref())),
        ("Runtime", runtime),
        ("Lecture", lecture),
        ("Break", break_),
        (
            "No color",
            if settings.no_color {
                "yes (NO_COLOR is set)"
            } else {
                "no"
            }
            .to_string(),
        ),
        (
            "Overrides",
            format!("{CONFIG_DIR_ENV}, {DATA_DIR_ENV}, {RUNTIME_DIR_ENV}"),
        ),
    ];
    for (name, value) in rows {
        writeln!(io.out, "{:<10} {}", format!("{name}:"), crate::text::clean_line(&value))?;
    }
    let problem = match (&settings.config, &lengths) {
        (Err(e), _) | (_, Some(Err(e))) => Some(e),
        _ => None,
    };
    if let Some(e) = problem {
        writeln!(io.err, "k8s-course: {e}")?;
    }
    Ok(problem.is_none())
}
