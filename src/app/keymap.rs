//! Keys as data: `(key, action)` rows, the defaults from the action registry
//! ([`crate::app::registry`]) with `config.yaml`'s rebindings on top. Key strings are what a user
//! writes there: `j`, `G`, `space`, `pgdn`, `right`, `esc`, `<c-c>`. The help view and the config
//! loader read the same tables, so help can't drift from what the keys do.

mod key;
mod way_out;

pub use key::{Key, parse_key};

use crate::app::Action;

pub use crate::app::registry::Group;
use crate::app::registry::{self, Entry};

/// The bindable action called `name`.
pub fn bindable(name: &str) -> Option<&'static Entry> {
    registry::bindable().find(|(e, _)| e.name == name).map(|(e, _)| e)
}

fn selecting_only(e: &Entry) -> bool {
    e.keys.is_some_and(|k| k.selecting)
}

/// A key table with no key bound twice.
#[derive(Debug, Clone)]
pub struct Keymap {
    rows: Vec<(Key, &'static Entry)>,
    /// The header's hints ([`registry::hints`], in order) that have a key, with the first key:
    /// the header lists them on every frame. Made once the rows are final (they never change).
    hints: Vec<(&'static Entry, &'static registry::Hint, String)>,
}

impl Keymap {
    /// The defaults with `overrides` applied: an action named there gets exactly the keys listed
    /// (its default keys are dropped); every other action keeps its defaults. A key that ends up on
    /// two actions is refused, with a message naming both.
    pub fn with_overrides<'a>(overrides: impl IntoIterator<Item = (&'a str, Vec<Key>)>) -> Result<Self, String> {
        let overrides: Vec<(&str, Vec<Key>)> = overrides.into_iter().collect();
        let mut rows: Vec<(Key, &'static Entry)> = Vec::new();
        for (key, name) in registry::default_keys() {
            if overrides.iter().any(|(n, _)| *n == name) {
                continue;
            }
            let key = parse_key(key).map_err(|e| format!("built-in key table: {e}"))?;
            rows.push((
                key,
                bindable(name).ok_or_else(|| format!("built-in key table: no action {name}"))?,
            ));
        }
        let mut map = Self {
            rows: Vec::new(),
            hints: Vec::new(),
        };
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
        map.hints = (registry::hints().iter())
            .filter_map(|(e, h)| Some((*e, *h, map.entry_hint(e)?)))
            .collect();
        Ok(map)
    }

    fn bind(&mut self, key: Key, b: &'static Entry) -> Result<(), String> {
        // Selection-mode keys live in their own table: the arrows move the selection there.
        let same_table = |other: &Entry| selecting_only(other) == selecting_only(b);
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
    pub fn action(&self, key: &Key) -> Option<Action> {
        self.rows
            .iter()
            .find(|(k, b)| k == key && !selecting_only(b))
            .map(|(_, b)| b.act())
    }

    /// The action bound to `key` while a diagram component is selected: the selection table
    /// first, then the usual one.
    pub fn selecting_action(&self, key: &Key) -> Option<Action> {
        (self.rows.iter().find(|(k, b)| k == key && selecting_only(b)))
            .map(|(_, b)| b.act())
            .or_else(|| self.action(key))
    }

    /// Every key bound to `action`, in table order (for generated help and hints).
    pub fn keys_for(&self, action: &Action) -> Vec<&Key> {
        self.rows
            .iter()
            .filter(|(_, b)| b.act() == *action)
            .map(|(k, _)| k)
            .collect()
    }

    /// The first key for `action`, as shown in a hint (`<l>`), or None when unbound.
    pub fn hint(&self, action: &Action) -> Option<String> {
        self.keys_for(action).first().map(|k| k.to_string())
    }

    /// The header's hints that have a key, in order, each with its first key.
    pub fn hints(&self) -> &[(&'static Entry, &'static registry::Hint, String)] {
        &self.hints
    }

    /// [`Keymap::hint`] for a registry entry, found by its name.
    fn entry_hint(&self, entry: &Entry) -> Option<String> {
        self.rows
            .iter()
            .find(|(_, b)| b.name == entry.name)
            .map(|(k, _)| k.to_string())
    }
}

/// The message for an action name that doesn't exist, listing the ones that do.
pub fn unknown_action(name: &str) -> String {
    let names: Vec<&str> = registry::bindable().map(|(e, _)| e.name).collect();
    format!(
        "unknown action '{}'; actions are: {}",
        crate::text::clean_line(name),
        names.join(", ")
    )
}

impl Default for Keymap {
    fn default() -> Self {
        // The defaults are checked by a test; an error here is a programming error caught there.
        Self::with_overrides(std::iter::empty()).unwrap_or(Self {
            rows: Vec::new(),
            hints: Vec::new(),
        })
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
        assert_eq!(map.action(&key("space")), Some(Action::NextSlide));
        assert_eq!(map.action(&key("G")), Some(Action::Last));
        assert_eq!(map.action(&key("<c-c>")), Some(Action::Quit));
        assert_eq!(map.action(&key("z")), None);
        assert_eq!(map.action(&key("x")), Some(Action::Practice));
        let prev: Vec<String> = map.keys_for(&Action::PrevSlide).iter().map(|k| k.to_string()).collect();
        assert_eq!(prev, ["left", "backspace", "pgup"]);
        // Every bindable action has a default key.
        for (b, _) in registry::bindable() {
            assert!(!map.keys_for(&b.act()).is_empty(), "{} has no key", b.name);
        }
    }

    #[test]
    fn overrides_change_only_the_actions_named() {
        let map = Keymap::with_overrides([("next_slide", vec![key("f")])]).expect("valid");
        assert_eq!(map.action(&key("f")), Some(Action::NextSlide));
        assert_eq!(map.action(&key("space")), None);
        assert_eq!(map.action(&key("left")), Some(Action::PrevSlide));
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
