//! `ctrl-e` (or `:header`) hides the header and gives its rows to the slide, K9s style; again
//! brings it back. The key comes from the action registry, like every other.

use crate::screen::{app, command, screen};

use k8s_course::app::Action;
use k8s_course::keymap::{Keymap, parse_key};

#[test]
fn ctrl_e_hides_the_header_and_shows_it_again() {
    let mut app = app();
    let shown = screen(&mut app, 100, 30);
    assert!(shown.contains("Course:"), "{shown}");

    let key = parse_key("<c-e>").expect("a key");
    let action = Keymap::default().action(&key).expect("ctrl-e is bound by default");
    assert_eq!(action, Action::ToggleHeader);
    app.update(action);
    let hidden = screen(&mut app, 100, 30);
    assert!(!hidden.contains("Course:"), "{hidden}");
    // The slide starts on the first row and keeps the crumbs and flash lines below it.
    let first = hidden.lines().next().unwrap_or_default();
    assert!(
        first.contains("slide("),
        "the pane's title is on the first row: {first}"
    );
    assert_eq!(hidden.lines().count(), shown.lines().count());

    command(&mut app, "header");
    let back = screen(&mut app, 100, 30);
    // As it was, but for the progress: with the header hidden the whole slide fitted, so it has
    // been read to the end.
    assert_eq!(
        back.replace("· 7% done", "· 0% done"),
        shown,
        ":header brings the header back"
    );
}

#[test]
fn help_lists_the_new_key_and_command() {
    let mut app = app();
    command(&mut app, "help");
    let help = screen(&mut app, 120, 60);
    assert!(help.contains("ctrl-e"), "{help}");
    assert!(help.contains("show / hide the header"), "{help}");
    assert!(help.contains(":header"), "{help}");
}
