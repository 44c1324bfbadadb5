//! Keys as data: `(key, action, description)` rows, K9s-style defaults. Key strings are what a user
//! writes in a config file: `j`, `G`, `space`, `pgdn`, `right`, `<c-c>`.

use crate::app::Action;

/// The default bindings of slide mode.
pub const DEFAULTS: &[(&str, Action)] = &[
    ("right", Action::NextSlide),
    ("space", Action::NextSlide),
    ("pgdn", Action::NextSlide),
    ("left", Action::PrevSlide),
    ("backspace", Action::PrevSlide),
    ("pgup", Action::PrevSlide),
    ("j", Action::ScrollDown),
    ("down", Action::ScrollDown),
    ("k", Action::ScrollUp),
    ("up", Action::ScrollUp),
    ("g", Action::FirstSlide),
    ("G", Action::LastSlide),
    ("<c-c>", Action::Quit),
];

/// A key table with no key bound twice.
#[derive(Debug, Clone)]
pub struct Keymap {
    rows: Vec<(String, Action)>,
}

impl Keymap {
    /// Builds a keymap, refusing a key bound to two actions (the message names the key).
    pub fn new(rows: impl IntoIterator<Item = (String, Action)>) -> Result<Self, String> {
        let mut out: Vec<(String, Action)> = Vec::new();
        for (key, action) in rows {
            if let Some((_, existing)) = out.iter().find(|(k, _)| *k == key) {
                return Err(format!("key '{key}' is bound to both {existing:?} and {action:?}"));
            }
            out.push((key, action));
        }
        Ok(Self { rows: out })
    }

    /// The action bound to `key`, if any.
    pub fn action(&self, key: &str) -> Option<&Action> {
        self.rows.iter().find(|(k, _)| k == key).map(|(_, a)| a)
    }

    /// Every key bound to `action`, in table order (for generated help).
    pub fn keys_for(&self, action: &Action) -> Vec<&str> {
        self.rows
            .iter()
            .filter(|(_, a)| a == action)
            .map(|(k, _)| k.as_str())
            .collect()
    }
}

impl Default for Keymap {
    fn default() -> Self {
        Self {
            rows: DEFAULTS.iter().map(|(k, a)| (k.to_string(), a.clone())).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_have_no_conflicts_and_k9s_keys() {
        let map = Keymap::new(DEFAULTS.iter().map(|(k, a)| (k.to_string(), a.clone()))).expect("no conflicts");
        assert_eq!(map.action("space"), Some(&Action::NextSlide));
        assert_eq!(map.action("G"), Some(&Action::LastSlide));
        assert_eq!(map.action("x"), None);
        assert_eq!(map.keys_for(&Action::PrevSlide), ["left", "backspace", "pgup"]);
    }

    #[test]
    fn a_key_bound_twice_is_refused() {
        let err = Keymap::new([("j".to_string(), Action::ScrollDown), ("j".to_string(), Action::Quit)]).unwrap_err();
        assert_eq!(err, "key 'j' is bound to both ScrollDown and Quit");
    }
}
