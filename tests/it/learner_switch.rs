//! `:learner NAME` in a running player: this learner's place is saved, the next learner's
//! progress is read (off the key path, on the saving thread) and the player goes on where they
//! were; each learner's file keeps their own place.

use std::os::unix::fs::PermissionsExt;

use crate::support::{Sandbox, program, shows_player};

/// The slide a learner's file says to resume at (`last_slide:` of the built-in lesson).
fn last_slide(sandbox: &Sandbox, learner: &str) -> String {
    let path = sandbox.data_dir().join(format!("{learner}.yaml"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let line = text.lines().find(|l| l.trim_start().starts_with("last_slide:"));
    let line = line.unwrap_or_else(|| panic!("no last_slide in {text}"));
    line.split_once(':')
        .map(|(_, v)| v.trim().trim_matches('\'').to_string())
        .unwrap_or_default()
}

#[test]
fn switching_learner_saves_this_one_and_resumes_the_next_where_they_were() {
    let sandbox = Sandbox::new();
    // kim reads up to slide 2.1 and quits.
    let kim = program(&sandbox, "switch-kim", &["--learner", "kim"]);
    kim.wait_until("the player", shows_player);
    kim.type_text(":");
    kim.type_line("2.1");
    kim.wait_for(&["2.1"]);
    kim.keys(&["C-c"]);
    kim.wait_for(&["EXIT=0"]);
    assert_eq!(last_slide(&sandbox, "kim"), "2.1");

    // lee opens on the title, goes to 3.1, and hands over to kim: kim's place comes back.
    let t = program(&sandbox, "switch-lee", &["--learner", "lee"]);
    t.wait_until("the player", shows_player);
    t.type_text(":");
    t.type_line("3.1");
    t.wait_for(&["3.1"]);
    t.type_text(":");
    t.type_line("learner kim");
    let shown = t.wait_for(&["learner kim: resumed at 2.1"]);
    assert!(shown.contains("kim"), "the header names kim: {shown}");
    // A learner with no file starts at the beginning.
    t.type_text(":");
    t.type_line("learner park");
    t.wait_for(&["learner park: starting at the beginning"]);
    t.keys(&["C-c"]);
    t.wait_for(&["EXIT=0"]);

    // Each file kept its own learner's place, readable by its owner only.
    assert_eq!(
        last_slide(&sandbox, "lee"),
        "3.1",
        "lee's place was saved before the switch"
    );
    assert_eq!(last_slide(&sandbox, "kim"), "2.1");
    for learner in ["kim", "lee", "park"] {
        let path = sandbox.data_dir().join(format!("{learner}.yaml"));
        let mode = std::fs::metadata(&path).map(|m| m.permissions().mode() & 0o777);
        assert_eq!(mode.ok(), Some(0o600), "{}", path.display());
    }
}
