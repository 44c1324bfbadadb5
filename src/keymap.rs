//! Keys from the terminal: the key table itself is the app's ([`crate::app::keymap`], re-exported
//! here for the config loader, the help and the loops), and [`event`] names crossterm's key events
//! in its vocabulary.

pub mod event;

pub use crate::app::keymap::*;
