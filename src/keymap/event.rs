//! Terminal key events -> the app's vocabulary: a [`Key`] for the keymap, or an [`Edit`] when a
//! prompt is open.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::Edit;
use crate::keymap::Key;

/// The key as the keymap names it, or None for keys it can't name (media keys, lone modifiers).
pub fn key(event: &KeyEvent) -> Option<Key> {
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    let alt = event.modifiers.contains(KeyModifiers::ALT);
    let mut key = match event.code {
        KeyCode::Char(' ') => Key::named("space")?,
        KeyCode::Char(c) => Key::char(if ctrl { c.to_ascii_lowercase() } else { c }),
        KeyCode::F(n) => Key::function(n),
        code => Key::named(match code {
            KeyCode::Enter => "enter",
            KeyCode::Esc => "esc",
            KeyCode::Tab => "tab",
            KeyCode::BackTab => "backtab",
            KeyCode::Backspace => "backspace",
            KeyCode::Delete => "delete",
            KeyCode::Insert => "insert",
            KeyCode::Left => "left",
            KeyCode::Right => "right",
            KeyCode::Up => "up",
            KeyCode::Down => "down",
            KeyCode::Home => "home",
            KeyCode::End => "end",
            KeyCode::PageUp => "pgup",
            KeyCode::PageDown => "pgdn",
            _ => return None,
        })?,
    };
    key.ctrl = ctrl;
    key.alt = alt;
    Some(key)
}

/// The edit a key makes in an open prompt, or None when it does nothing there.
pub fn edit(event: &KeyEvent) -> Option<Edit> {
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    Some(match event.code {
        KeyCode::Char('w') if ctrl => Edit::DeleteWord,
        KeyCode::Char('a') if ctrl => Edit::Home,
        KeyCode::Char('e') if ctrl => Edit::End,
        KeyCode::Char('p') if ctrl => Edit::Up,
        KeyCode::Char('n') if ctrl => Edit::Down,
        KeyCode::Char(_) if ctrl || event.modifiers.contains(KeyModifiers::ALT) => return None,
        KeyCode::Char(c) => Edit::Insert(c),
        KeyCode::Backspace => Edit::Backspace,
        KeyCode::Delete => Edit::Delete,
        KeyCode::Left => Edit::Left,
        KeyCode::Right => Edit::Right,
        KeyCode::Home => Edit::Home,
        KeyCode::End => Edit::End,
        KeyCode::Tab => Edit::Complete,
        KeyCode::Up => Edit::Up,
        KeyCode::Down => Edit::Down,
        KeyCode::Enter => Edit::Submit,
        KeyCode::Esc => Edit::Cancel,
        _ => return None,
    })
}
