//! Role names in theme files: the keys under `ui:` and `content:`, and the maps that hold them.
//! A role name is checked while serde_yaml visits it, so an unknown one is reported at its own
//! line and column with the list of valid names.

use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use super::color::Entry;
use super::{CONTENT_COUNT, CONTENT_ROLES, UiRole, content_index};
use crate::render::Role;

/// Keys under `ui:`, indexed by `UiRole as usize`.
pub(crate) const UI_KEYS: [&str; UiRole::COUNT] = [
    "background",
    "header_title",
    "header_label",
    "header_value",
    "key_hint",
    "key_hint_text",
    "border",
    "pane_title",
    "pane_title_accent",
    "crumb",
    "crumb_active",
    "flash",
    "flash_error",
    "prompt",
    "prompt_prefix",
    "suggestion",
    "selection",
    "table_header",
    "match",
    "scroll_indicator",
    "too_small",
    "muted",
];

/// Keys under `content:`, in the order of [`CONTENT_ROLES`].
pub(crate) const CONTENT_KEYS: [&str; CONTENT_COUNT] = [
    "text",
    "title",
    "heading",
    "muted",
    "accent",
    "inline_code",
    "link",
    "quote",
    "border",
    "table_header",
    "code_label",
    "code",
    "diagram",
    "tag",
    "diagram_control",
    "diagram_node",
    "diagram_edge",
    "diagram_selected",
];

/// A role type whose keys a theme file names.
pub(crate) trait RoleKey: Copy + PartialEq + 'static {
    /// The names a file may use, in index order.
    const KEYS: &'static [&'static str];
    /// The role whose name is `KEYS[i]`.
    fn from_index(i: usize) -> Option<Self>;
    /// Where the role sits in `KEYS` and in a theme's style table.
    fn index(self) -> usize;
}

impl RoleKey for UiRole {
    const KEYS: &'static [&'static str] = &UI_KEYS;
    fn from_index(i: usize) -> Option<Self> {
        UiRole::ALL.get(i).copied()
    }
    fn index(self) -> usize {
        self as usize
    }
}

impl RoleKey for Role {
    const KEYS: &'static [&'static str] = &CONTENT_KEYS;
    fn from_index(i: usize) -> Option<Self> {
        CONTENT_ROLES.get(i).copied()
    }
    fn index(self) -> usize {
        content_index(self)
    }
}

/// `role: { ... }` pairs in file order. A map rather than a struct of 22 optional fields, so the
/// role enums stay the single list of roles.
pub(crate) struct RoleMap<K>(pub Vec<(K, Entry)>);

impl<K> Default for RoleMap<K> {
    fn default() -> Self {
        RoleMap(Vec::new())
    }
}

/// A role name, checked while serde_yaml visits it so an unknown one is reported at its own line.
struct Key<K>(K);

impl<'de, K: RoleKey> Deserialize<'de> for Key<K> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor<K>(PhantomData<K>);
        impl<K: RoleKey> Visitor<'_> for KeyVisitor<K> {
            type Value = Key<K>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a role name")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<K>, E> {
                K::KEYS
                    .iter()
                    .position(|k| *k == v)
                    .and_then(K::from_index)
                    .map(Key)
                    .ok_or_else(|| E::unknown_field(v, K::KEYS))
            }
        }
        d.deserialize_str(KeyVisitor(PhantomData))
    }
}

impl<'de, K: RoleKey> Deserialize<'de> for RoleMap<K> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct MapVisitor<K>(PhantomData<K>);
        impl<'de, K: RoleKey> Visitor<'de> for MapVisitor<K> {
            type Value = RoleMap<K>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map of role: { fg, bg, bold, italic, underline, reversed, dim }")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RoleMap<K>, A::Error> {
                let mut out: Vec<(K, Entry)> = Vec::new();
                while let Some(Key(role)) = map.next_key::<Key<K>>()? {
                    let entry: Entry = map.next_value()?;
                    if out.iter().any(|(seen, _)| *seen == role) {
                        // Worded like serde_yaml's own, so `content::yaml` points at the second key.
                        let key = K::KEYS.get(role.index()).copied().unwrap_or("?");
                        return Err(de::Error::custom(format!("duplicate entry with key \"{key}\"")));
                    }
                    out.push((role, entry));
                }
                Ok(RoleMap(out))
            }
            // An empty `ui:` is null in YAML: nothing to change.
            fn visit_unit<E: de::Error>(self) -> Result<RoleMap<K>, E> {
                Ok(RoleMap(Vec::new()))
            }
        }
        d.deserialize_any(MapVisitor(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_tables_agree_with_the_enums() {
        assert_eq!(UiRole::Muted as usize + 1, UiRole::COUNT);
        for (i, role) in UiRole::ALL.iter().enumerate() {
            assert_eq!(*role as usize, i);
        }
        for (i, role) in CONTENT_ROLES.iter().enumerate() {
            assert_eq!(content_index(*role), i);
        }
        assert_eq!(UiRole::PaneTitleAccent.key(), "pane_title_accent");
    }
}
