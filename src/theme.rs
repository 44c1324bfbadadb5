//! Themes: the one place colours live. A theme is a YAML file (K9s skins are the model) that colours
//! the player's chrome ([`UiRole`]) and the slide content ([`crate::render::Role`]) and names the
//! syntect theme for code. Three are built in (`themes/*.yaml`, embedded); a user's own theme in
//! the config dir is found by name and may list only what it changes. `NO_COLOR` turns any theme
//! monochrome: colours go, but selection, matches and emphasis keep their modifiers.
//!
//! - `color`: colour and style entries as a theme file writes them.
//! - `keys`: role names as theme files write them.
//! - `load`: theme files -> resolved entries, every error naming `file:line`.
//! - `contrast`: the WCAG contrast of each role against its background (the themes' test).

mod color;
pub mod contrast;
mod keys;
mod load;

use std::ffi::OsStr;
use std::path::Path;

use ratatui::style::{Color, Modifier, Style};

use crate::render::Role;

pub use load::SYNTAX_THEMES;

/// Parts of the player's chrome that a theme colours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UiRole {
    /// Base style of the whole screen (fg/bg).
    Background,
    /// Course and lesson title in the header.
    HeaderTitle,
    /// "Chapter:", "Slide:", "Learner:" labels.
    HeaderLabel,
    /// Their values.
    HeaderValue,
    /// The `<key>` part of a key hint.
    KeyHint,
    /// A key hint's description.
    KeyHintText,
    /// Pane frame.
    Border,
    /// Title on the pane frame (K9s: " slide(2.2.1) [3/14] ").
    PaneTitle,
    /// Counts and filters inside the pane title.
    PaneTitleAccent,
    /// Inactive crumb (lesson, chapter) in the bottom bar.
    Crumb,
    /// The last crumb (current slide or view).
    CrumbActive,
    /// Info message line.
    Flash,
    /// Error or warning message line.
    FlashError,
    /// The `:`/`/` prompt text the user types.
    Prompt,
    /// The ":" or "/" and the prompt frame.
    PromptPrefix,
    /// Completion ghost text after the cursor.
    Suggestion,
    /// Selected row in tables and lists.
    Selection,
    /// Column headers in the table of contents and result tables.
    TableHeader,
    /// A search match highlighted on the slide.
    Match,
    /// The "▼ 12/40" position indicator.
    ScrollIndicator,
    /// The "terminal too small" notice.
    TooSmall,
    /// Secondary text (timestamps, ids).
    Muted,
}

impl UiRole {
    /// Number of UI roles.
    pub const COUNT: usize = 22;

    /// Every UI role, in declaration order (`ALL[r as usize] == r`).
    pub const ALL: [UiRole; UiRole::COUNT] = [
        UiRole::Background,
        UiRole::HeaderTitle,
        UiRole::HeaderLabel,
        UiRole::HeaderValue,
        UiRole::KeyHint,
        UiRole::KeyHintText,
        UiRole::Border,
        UiRole::PaneTitle,
        UiRole::PaneTitleAccent,
        UiRole::Crumb,
        UiRole::CrumbActive,
        UiRole::Flash,
        UiRole::FlashError,
        UiRole::Prompt,
        UiRole::PromptPrefix,
        UiRole::Suggestion,
        UiRole::Selection,
        UiRole::TableHeader,
        UiRole::Match,
        UiRole::ScrollIndicator,
        UiRole::TooSmall,
        UiRole::Muted,
    ];

    /// The role's key under `ui:` in a theme file (`header_title`).
    pub fn key(self) -> &'static str {
        keys::UI_KEYS[self as usize]
    }
}

/// Every content role, in the order of [`crate::render::Role`]'s declaration.
pub const CONTENT_ROLES: [Role; CONTENT_COUNT] = [
    Role::Text,
    Role::Title,
    Role::Heading,
    Role::Muted,
    Role::Accent,
    Role::InlineCode,
    Role::Link,
    Role::Quote,
    Role::Border,
    Role::TableHeader,
    Role::CodeLabel,
    Role::Code,
    Role::Diagram,
    Role::Tag,
    Role::DiagramControl,
    Role::DiagramNode,
    Role::DiagramEdge,
    Role::DiagramSelected,
];

const CONTENT_COUNT: usize = 18;

/// Where a content role sits in [`CONTENT_ROLES`]; a `match` so a new `Role` fails to compile here.
fn content_index(role: Role) -> usize {
    match role {
        Role::Text => 0,
        Role::Title => 1,
        Role::Heading => 2,
        Role::Muted => 3,
        Role::Accent => 4,
        Role::InlineCode => 5,
        Role::Link => 6,
        Role::Quote => 7,
        Role::Border => 8,
        Role::TableHeader => 9,
        Role::CodeLabel => 10,
        Role::Code => 11,
        Role::Diagram => 12,
        Role::Tag => 13,
        Role::DiagramControl => 14,
        Role::DiagramNode => 15,
        Role::DiagramEdge => 16,
        Role::DiagramSelected => 17,
    }
}

/// A loaded theme: a ratatui style for every UI and content role, and the syntect theme for code.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    name: String,
    syntax: Option<String>,
    monochrome: bool,
    ui: [Style; UiRole::COUNT],
    content: [Style; CONTENT_COUNT],
}

impl Theme {
    /// The name the theme was loaded by (its file stem), as `:theme NAME` takes it.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// syntect theme name for code blocks; None = don't syntax-colour (code uses `Role::Code` colour).
    pub fn syntax_theme(&self) -> Option<&str> {
        if self.monochrome { None } else { self.syntax.as_deref() }
    }

    /// True for a theme made by [`Theme::monochrome`] (`NO_COLOR`).
    pub fn is_monochrome(&self) -> bool {
        self.monochrome
    }

    /// The style of a part of the chrome. Patch it over `ui(UiRole::Background)`.
    pub fn ui(&self, role: UiRole) -> Style {
        self.ui[role as usize]
    }

    /// A content span's style: the Role's colour from the theme, syntect `fg` when present (and not
    /// monochrome), plus bold/italic/underline/strike modifiers.
    pub fn content(&self, style: &crate::render::Style) -> Style {
        let mut out = self.content[content_index(style.role)];
        if !self.monochrome
            && let Some((r, g, b)) = style.fg
        {
            out.fg = Some(Color::Rgb(r, g, b));
        }
        let flags = [
            (style.bold, Modifier::BOLD),
            (style.italic, Modifier::ITALIC),
            (style.underline, Modifier::UNDERLINED),
            (style.strike, Modifier::CROSSED_OUT),
        ];
        let added = flags
            .iter()
            .filter(|(on, _)| *on)
            .fold(Modifier::empty(), |m, (_, f)| m | *f);
        out.add_modifier(added)
    }

    /// The same theme with all colours removed (NO_COLOR): selection, matches, emphasis keep
    /// modifiers (REVERSED, BOLD, UNDERLINED).
    pub fn monochrome(mut self) -> Theme {
        for role in UiRole::ALL {
            let style = &mut self.ui[role as usize];
            *style = strip(*style).add_modifier(mono_ui(role));
        }
        for role in CONTENT_ROLES {
            let style = &mut self.content[content_index(role)];
            *style = strip(*style).add_modifier(mono_content(role));
        }
        self.monochrome = true;
        self
    }

    fn from_resolved(name: &str, resolved: load::Resolved) -> Theme {
        Theme {
            name: name.to_string(),
            syntax: resolved.syntax,
            monochrome: false,
            ui: resolved.ui.map(color::Entry::style),
            content: resolved.content.map(color::Entry::style),
        }
    }
}

/// A style's modifiers without its colours.
fn strip(style: Style) -> Style {
    Style {
        fg: None,
        bg: None,
        underline_color: None,
        ..style
    }
}

/// What a UI role needs to stay distinct once colours are gone: selection and matches invert,
/// the current crumb stands out like a K9s crumb badge, ghost text fades.
fn mono_ui(role: UiRole) -> Modifier {
    match role {
        UiRole::Selection => Modifier::REVERSED,
        UiRole::Match => Modifier::REVERSED | Modifier::UNDERLINED,
        UiRole::CrumbActive => Modifier::REVERSED | Modifier::BOLD,
        UiRole::TableHeader => Modifier::BOLD | Modifier::UNDERLINED,
        UiRole::Suggestion => Modifier::DIM | Modifier::ITALIC,
        UiRole::Muted => Modifier::DIM,
        UiRole::HeaderTitle
        | UiRole::HeaderValue
        | UiRole::KeyHint
        | UiRole::PaneTitle
        | UiRole::PaneTitleAccent
        | UiRole::FlashError
        | UiRole::PromptPrefix
        | UiRole::TooSmall => Modifier::BOLD,
        UiRole::Background
        | UiRole::HeaderLabel
        | UiRole::KeyHintText
        | UiRole::Border
        | UiRole::Crumb
        | UiRole::Flash
        | UiRole::Prompt
        | UiRole::ScrollIndicator => Modifier::empty(),
    }
}

/// The same for content: headings bold, links underlined, quotes italic, muted text dim; in a
/// diagram the control plane bold (the nodes plain) and the selected component inverted.
fn mono_content(role: Role) -> Modifier {
    match role {
        Role::DiagramSelected => Modifier::REVERSED | Modifier::BOLD,
        Role::Title | Role::Heading | Role::Accent | Role::TableHeader | Role::CodeLabel | Role::DiagramControl => {
            Modifier::BOLD
        }
        Role::Link => Modifier::UNDERLINED,
        Role::Quote | Role::Tag => Modifier::ITALIC,
        Role::Muted => Modifier::DIM,
        Role::Text
        | Role::InlineCode
        | Role::Border
        | Role::Code
        | Role::Diagram
        | Role::DiagramNode
        | Role::DiagramEdge => Modifier::empty(),
    }
}

/// Built-in theme names, in order: ["default", "light", "high-contrast"].
pub fn builtin_names() -> &'static [&'static str] {
    &load::BUILTIN_NAMES
}

/// Every theme name a user can pick: built-ins plus `*.yaml` stems in `user_dir` (sorted,
/// deduped). For `:theme` completion.
pub fn names(user_dir: Option<&Path>) -> Vec<String> {
    let mut all: Vec<String> = builtin_names().iter().map(|n| n.to_string()).collect();
    if let Some(dir) = user_dir {
        all.extend(load::user_names(dir));
    }
    all.sort();
    all.dedup();
    all
}

/// The built-in default theme (never fails; a test checks the embedded YAML parses).
pub fn default_theme() -> Theme {
    match load::builtin("default") {
        Ok(resolved) => Theme::from_resolved("default", resolved),
        // Unreachable while the embedded file parses (tested); a theme with no colours at all
        // still shows selection and emphasis, so the player stays usable.
        Err(_) => Theme::from_resolved("default", load::Resolved::empty()).monochrome(),
    }
}

/// Loads theme `name`: `user_dir/NAME.yaml` first (a user's own theme, found by name; overrides a
/// built-in of the same name), then built-ins (embedded from `themes/`). Errors: unknown name ->
/// a message listing available names; broken file -> `path:line:col: message`.
pub fn load(name: &str, user_dir: Option<&Path>) -> Result<Theme, String> {
    load::check_name(name)?;
    if let Some(dir) = user_dir
        && let Some(resolved) = load::user(dir, name)?
    {
        return Ok(Theme::from_resolved(name, resolved));
    }
    if builtin_names().contains(&name) {
        return load::builtin(name)
            .map(|resolved| Theme::from_resolved(name, resolved))
            .map_err(|d| d.to_string());
    }
    Err(format!(
        "unknown theme `{name}`: available themes are {}",
        names(user_dir).join(", ")
    ))
}

/// `load`, but on error returns the default theme and the error message (for the flash line or
/// stderr). Applies `.monochrome()` when `no_color`.
pub fn load_or_default(name: &str, user_dir: Option<&Path>, no_color: bool) -> (Theme, Option<String>) {
    let (theme, error) = match load(name, user_dir) {
        Ok(theme) => (theme, None),
        Err(e) => (default_theme(), Some(e)),
    };
    (if no_color { theme.monochrome() } else { theme }, error)
}

/// Whether a `NO_COLOR` value asks for no colour (no-color.org): set and non-empty.
pub fn no_color_from(value: Option<&OsStr>) -> bool {
    value.is_some_and(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_means_set_and_not_empty() {
        assert!(!no_color_from(None));
        assert!(!no_color_from(Some(OsStr::new(""))));
        assert!(no_color_from(Some(OsStr::new("1"))));
        assert!(
            no_color_from(Some(OsStr::new("0"))),
            "any non-empty value counts, even 0"
        );
    }
}
