//! The integration tests, one binary (it links once): each module was a test file of its own.
//! Modules are loaded by `#[path]` so that their own `mod support;` / `mod screen;` find the
//! shared helpers next to them.

#[path = "bad_input.rs"]
mod bad_input;
#[path = "cli.rs"]
mod cli;
#[path = "config.rs"]
mod config;
#[path = "course.rs"]
mod course;
#[path = "diagram_layout.rs"]
mod diagram_layout;
#[path = "e2e.rs"]
mod e2e;
#[path = "hostile_text.rs"]
mod hostile_text;
#[path = "playback.rs"]
mod playback;
#[path = "player.rs"]
mod player;
#[path = "present.rs"]
mod present;
#[path = "progress.rs"]
mod progress;
#[path = "readme.rs"]
mod readme;
#[path = "signals.rs"]
mod signals;
#[path = "terminal_safety.rs"]
mod terminal_safety;
#[path = "themes.rs"]
mod themes;
#[path = "timer.rs"]
mod timer;
#[path = "variants.rs"]
mod variants;
