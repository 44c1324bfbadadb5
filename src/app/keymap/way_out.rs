//! A key table must leave a way out of the player: a config that unbinds quit, the command
//! prompt (`:q`) and suspend would trap the learner in a raw-mode terminal.

use super::Keymap;
use crate::app::Action;

/// The actions that get the learner out (or back to their shell).
const WAYS_OUT: [(&str, Action); 3] = [
    ("quit", Action::Quit),
    ("command", Action::CommandMode),
    ("suspend", Action::Suspend),
];

/// Refuses a key table in which none of the ways out has a key.
pub(super) fn check(map: &Keymap) -> Result<(), String> {
    if WAYS_OUT.iter().any(|(_, action)| !map.keys_for(action).is_empty()) {
        return Ok(());
    }
    let names: Vec<&str> = WAYS_OUT.iter().map(|(name, _)| *name).collect();
    Err(format!(
        "no key is left to leave the player: keep a key on at least one of {} (the defaults are q, : and <c-z>)",
        names.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::super::Keymap;

    #[test]
    fn unbinding_every_way_out_is_refused_and_one_is_enough() {
        let none = [("quit", vec![]), ("command", vec![]), ("suspend", vec![])];
        let err = Keymap::with_overrides(none).unwrap_err();
        assert!(err.contains("no key is left to leave the player"), "{err}");
        assert!(Keymap::with_overrides([("quit", vec![]), ("command", vec![])]).is_ok());
    }
}
