//! The notes window reads keys through the player's key table, so `config.yaml` rebinds both.

use std::path::Path;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use k8s_course::content::{CourseSource, load_course};
use k8s_course::keymap::{Keymap, parse_key};
use k8s_course::present::Command;
use k8s_course::present::notes::{Intent, Notes, NotesSetup};

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

#[test]
fn a_rebound_key_drives_the_notes_window_too() {
    let course = load_course(&CourseSource::BuiltIn).course.expect("built-in course");
    let keymap = Keymap::with_overrides([
        ("next_slide", vec![parse_key("f").expect("key")]),
        ("down", vec![parse_key("J").expect("key")]),
        ("first", vec![parse_key("[").expect("key")]),
    ])
    .expect("a valid keymap");
    let mut notes = Notes::new(
        &course,
        Path::new("/tmp/x.sock"),
        NotesSetup {
            keymap,
            lang: Some(k8s_course::i18n::Lang::En), // as the terminal tests run it (LANG=C.UTF-8)
            ..NotesSetup::default()
        },
    );
    let act = |name| Intent::Send(Command::Act(name));
    assert_eq!(notes.on_key(&key(KeyCode::Char('f'))), act("next_slide"));
    // The old key for it does nothing now, in the notes window as in the player.
    assert_eq!(notes.on_key(&key(KeyCode::Char(' '))), Intent::None);
    assert_eq!(notes.on_key(&key(KeyCode::Left)), act("prev_slide"));
    assert_eq!(notes.on_key(&key(KeyCode::Char('J'))), act("down"));
    assert_eq!(
        notes.on_key(&key(KeyCode::Char('j'))),
        Intent::None,
        "j is not bound to down any more"
    );
    // A key the player binds is the player's: `[` no longer scrolls the notes.
    assert_eq!(notes.on_key(&key(KeyCode::Char('['))), act("first"));
    assert_eq!(notes.scroll, 0);
}
