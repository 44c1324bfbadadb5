//! Keys as data: the bindable actions with their names and help, and `(key, action)` rows with
//! K9s-style defaults. Key strings are what a user writes in `config.yaml`: `j`, `G`, `space`,
//! `pgdn`, `right`, `esc`, `<c-c>`. The help view and the config loader read the same tables, so
//! help can't drift from what the keys do.

mod key;
mod way_out;

pub use key::{Key, parse_key};

use crate::app::Action;
use crate::content::diagram::Dir;

/// Where a binding is listed in help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Navigate,
    Views,
    Search,
    Diagram,
    Lecture,
    General,
}

impl Group {
    pub const ALL: [Group; 6] = [
        Group::Navigate,
        Group::Views,
        Group::Search,
        Group::Diagram,
        Group::Lecture,
        Group::General,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Group::Navigate => "NAVIGATE",
            Group::Views => "VIEWS",
            Group::Search => "SEARCH",
            Group::Diagram => "DIAGRAM",
            Group::Lecture => "LECTURE",
            Group::General => "GENERAL",
        }
    }
}

/// A bindable action: its name in `config.yaml`, its help line and group.
#[derive(Debug, Clone)]
pub struct Bindable {
    pub name: &'static str,
    pub action: Action,
    pub help: &'static str,
    pub group: Group,
}

const fn b(name: &'static str, action: Action, help: &'static str, group: Group) -> Bindable {
    Bindable {
        name,
        action,
        help,
        group,
    }
}

/// Every action a key can be bound to, in help order.
pub const BINDABLE: &[Bindable] = &[
    b("next_slide", Action::NextSlide, "next slide", Group::Navigate),
    b("prev_slide", Action::PrevSlide, "previous slide", Group::Navigate),
    b("down", Action::Down, "scroll down / select next row", Group::Navigate),
    b("up", Action::Up, "scroll up / select previous row", Group::Navigate),
    b(
        "half_page_down",
        Action::HalfPageDown,
        "half a page down",
        Group::Navigate,
    ),
    b("half_page_up", Action::HalfPageUp, "half a page up", Group::Navigate),
    b("first", Action::First, "first slide / first row", Group::Navigate),
    b("last", Action::Last, "last slide / last row", Group::Navigate),
    b("enter", Action::Enter, "open the selected row", Group::Navigate),
    b("back", Action::Back, "back to where you were", Group::Navigate),
    b("toc", Action::Toc, "table of contents", Group::Views),
    b("narration", Action::Narration, "narration of this slide", Group::Views),
    b("describe", Action::Describe, "describe this slide", Group::Views),
    b("source", Action::Source, "markdown source of this slide", Group::Views),
    b("help", Action::Help, "this help", Group::Views),
    b(
        "bookmark",
        Action::ToggleBookmark,
        "bookmark this slide (again: remove)",
        Group::Views,
    ),
    b("bookmarks", Action::Bookmarks, "bookmarked slides", Group::Views),
    b(
        "filter",
        Action::FilterMode,
        "filter slides and narration",
        Group::Search,
    ),
    b("next_match", Action::NextMatch, "next match", Group::Search),
    b("prev_match", Action::PrevMatch, "previous match", Group::Search),
    b(
        "focus_next",
        Action::FocusNext,
        "select the next diagram component",
        Group::Diagram,
    ),
    b(
        "focus_prev",
        Action::FocusPrev,
        "select the previous component",
        Group::Diagram,
    ),
    b(
        "focus_left",
        Action::FocusMove(Dir::Left),
        "selection left (while selecting)",
        Group::Diagram,
    ),
    b(
        "focus_right",
        Action::FocusMove(Dir::Right),
        "selection right (while selecting)",
        Group::Diagram,
    ),
    b(
        "focus_up",
        Action::FocusMove(Dir::Up),
        "selection up (while selecting)",
        Group::Diagram,
    ),
    b(
        "focus_down",
        Action::FocusMove(Dir::Down),
        "selection down (while selecting)",
        Group::Diagram,
    ),
    b("play", Action::PlayPause, "play / pause the narration", Group::Lecture),
    b(
        "faster",
        Action::Faster,
        "narration faster (1x 1.25x 1.5x 2x)",
        Group::Lecture,
    ),
    b("slower", Action::Slower, "narration slower", Group::Lecture),
    b("command", Action::CommandMode, "command prompt", Group::General),
    b(
        "suspend",
        Action::Suspend,
        "suspend to the shell (fg resumes)",
        Group::General,
    ),
    b("quit", Action::Quit, "quit", Group::General),
];

/// The default bindings.
pub const DEFAULTS: &[(&str, &str)] = &[
    ("right", "next_slide"),
    ("space", "next_slide"),
    ("pgdn", "next_slide"),
    ("left", "prev_slide"),
    ("backspace", "prev_slide"),
    ("pgup", "prev_slide"),
    ("j", "down"),
    ("down", "down"),
    ("k", "up"),
    ("up", "up"),
    ("<c-d>", "half_page_down"),
    ("<c-u>", "half_page_up"),
    ("g", "first"),
    ("home", "first"),
    ("G", "last"),
    ("end", "last"),
    ("enter", "enter"),
    ("esc", "back"),
    ("t", "toc"),
    ("l", "narration"),
    ("d", "describe"),
    ("y", "source"),
    ("?", "help"),
    ("b", "bookmark"),
    ("B", "bookmarks"),
    ("/", "filter"),
    ("n", "next_match"),
    ("N", "prev_match"),
    ("tab", "focus_next"),
    ("backtab", "focus_prev"),
    ("left", "focus_left"),
    ("right", "focus_right"),
    ("up", "focus_up"),
    ("down", "focus_down"),
    ("p", "play"),
    ("+", "faster"),
    ("-", "slower"),
    (":", "command"),
    ("<c-z>", "suspend"),
    ("<c-c>", "quit"),
];

impl Bindable {
    /// Bindings that only apply while a diagram component is selected (they reuse the arrows).
    pub fn selecting_only(&self) -> bool {
        matches!(self.action, Action::FocusMove(_))
    }
}

/// The bindable action called `name`.
pub fn bindable(name: &str) -> Option<&'static Bindable> {
    BINDABLE.iter().find(|b| b.name == name)
}

/// A key table with no key bound twice.
#[derive(Debug, Clone)]
pub struct Keymap {
    rows: Vec<(Key, &'static Bindable)>,
}

impl Keymap {
    /// The defaults with `overrides` applied: an action named there gets exactly the keys listed
    /// (its default keys are dropped); every other action keeps its defaults. A key that ends up on
    /// two actions is refused, with a message naming both.
    pub fn with_overrides<'a>(overrides: impl IntoIterator<Item = (&'a str, Vec<Key>)>) -> Result<Self, String> {
        let overrides: Vec<(&str, Vec<Key>)> = overrides.into_iter().collect();
        let mut rows: Vec<(Key, &'static Bindable)> = Vec::new();
        for (key, name) in DEFAULTS {
            if overrides.iter().any(|(n, _)| n == name) {
                continue;
            }
            let key = parse_key(key).map_err(|e| format!("built-in key table: {e}"))?;
            rows.push((
                key,
                bindable(name).ok_or_else(|| format!("built-in key table: no action {name}"))?,
            ));
        }
        let mut map = Self { rows: Vec::new() };
        for (key, b) in rows {
            map.bind(key, b)?;
        }
        for (name, keys) in overrides {
            let b = bindable(name).ok_or_else(|| unknown_action(name))?;
            for key in keys {
                map.bind(key, b)?;
            }
        }
        way_out::check(&map)?;
        Ok(map)
    }

    fn bind(&mut self, key: Key, b: &'static Bindable) -> Result<(), String> {
        // Selection-mode keys live in their own table: the arrows move the selection there.
        let same_table = |other: &Bindable| other.selecting_only() == b.selecting_only();
        if let Some((_, existing)) = self.rows.iter().find(|(k, o)| *k == key && same_table(o)) {
            if existing.name == b.name {
                return Ok(());
            }
            return Err(format!(
                "key '{key}' is bound to both {} and {}; rebind {} too, or pick another key",
                existing.name, b.name, existing.name
            ));
        }
        self.rows.push((key, b));
        Ok(())
    }

    /// The action bound to `key`, if any, outside selection mode.
    pub fn action(&self, key: &Key) -> Option<&Action> {
        self.rows
            .iter()
            .find(|(k, b)| k == key && !b.selecting_only())
            .map(|(_, b)| &b.action)
    }

    /// The action bound to `key` while a diagram component is selected: the selection table
    /// first, then the usual one.
    pub fn selecting_action(&self, key: &Key) -> Option<&Action> {
        (self.rows.iter().find(|(k, b)| k == key && b.selecting_only()))
            .map(|(_, b)| &b.action)
            .or_else(|| self.action(key))
    }

    /// Every key bound to `action`, in table order (for generated help and hints).
    pub fn keys_for(&self, action: &Action) -> Vec<&Key> {
        self.rows
            .iter()
            .filter(|(_, b)| b.action == *action)
            .map(|(k, _)| k)
            .collect()
    }

    /// The first key for `action`, as shown in a hint (`<l>`), or None when unbound.
    pub fn hint(&self, action: &Action) -> Option<String> {
        self.keys_for(action).first().map(|k| k.to_string())
    }
}

/// The message for an action name that doesn't exist, listing the ones that do.
pub fn unknown_action(name: &str) -> String {
    let names: Vec<&str> = BINDABLE.iter().map(|b| b.name).collect();
    format!(
        "unknown action '{}'; actions are: {}",
        crate::text::clean_line(name),
        names.join(", ")
    )
}

impl Default for Keymap {
    fn default() -> Self {
        // The defaults are checked by a test; an error here is a programming error caught there.
        Self::with_overrides(std::iter::empty()).unwrap_or(Self { rows: Vec::new() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> Key {
        parse_key(s).expect("valid key")
    }

    #[test]
    fn defaults_have_no_conflicts_and_k9s_keys() {
        let map = Keymap::with_overrides(std::iter::empty()).expect("no conflicts");
        assert_eq!(map.action(&key("space")), Some(&Action::NextSlide));
        assert_eq!(map.action(&key("G")), Some(&Action::Last));
        assert_eq!(map.action(&key("<c-c>")), Some(&Action::Quit));
        assert_eq!(map.action(&key("x")), None);
        let prev: Vec<String> = map.keys_for(&Action::PrevSlide).iter().map(|k| k.to_string()).collect();
        assert_eq!(prev, ["left", "backspace", "pgup"]);
        // Every bindable action has a default key.
        for b in BINDABLE {
            assert!(!map.keys_for(&b.action).is_empty(), "{} has no key", b.name);
        }
    }

    #[test]
    fn overrides_change_only_the_actions_named() {
        let map = Keymap::with_overrides([("next_slide", vec![key("f")])]).expect("valid");
        assert_eq!(map.action(&key("f")), Some(&Action::NextSlide));
        assert_eq!(map.action(&key("space")), None);
        assert_eq!(map.action(&key("left")), Some(&Action::PrevSlide));
    }

    #[test]
    fn a_key_bound_twice_is_refused() {
        let err = Keymap::with_overrides([("quit", vec![key("j")])]).unwrap_err();
        assert_eq!(
            err,
            "key 'j' is bound to both down and quit; rebind down too, or pick another key"
        );
        let err = Keymap::with_overrides([("fly", vec![key("j")])]).unwrap_err();
        assert!(
            err.starts_with("unknown action 'fly'; actions are: next_slide, "),
            "{err}"
        );
    }
}
