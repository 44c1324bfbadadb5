//! `k8s-course info`: where the player looks for things, as `k9s info` does.

use std::path::Path;

use super::{Cli, Io};
use crate::config::{self, CONFIG_DIR_ENV, DATA_DIR_ENV, Paths};
use crate::theme;

pub fn run(cli: &Cli, io: &mut Io<'_>) -> std::io::Result<bool> {
    let paths = Paths::from_env();
    let show =
        |p: Option<&Path>| p.map_or_else(|| "(none: no home directory)".to_string(), |p| p.display().to_string());
    let config_file = paths.config_file();
    let (config_state, config) = match config::load(&paths) {
        Ok(c) if c.file.is_some() => ("in use".to_string(), Some(c)),
        Ok(c) => ("not found: defaults in use".to_string(), Some(c)),
        Err(e) => (format!("has errors: {e}"), None),
    };
    let themes_dir = paths.themes_dir();
    let theme = (cli.theme.clone())
        .or_else(|| config.as_ref().and_then(|c| c.theme.clone()))
        .unwrap_or_else(|| "default".into());
    let course = match &cli.course {
        Some(dir) => dir.display().to_string(),
        None => "built-in".to_string(),
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
        (
            "No color",
            if theme::no_color_env() {
                "yes (NO_COLOR is set)"
            } else {
                "no"
            }
            .to_string(),
        ),
        ("Overrides", format!("{CONFIG_DIR_ENV}, {DATA_DIR_ENV}")),
    ];
    for (name, value) in rows {
        writeln!(io.out, "{:<10} {}", format!("{name}:"), crate::text::clean_line(&value))?;
    }
    Ok(config.is_some())
}
