//! The integration tests, one binary (it links once on 2 cores): a module per area. `support`
//! runs the built binary in sandboxes and tmux; `screen` draws the player into a `TestBackend`.

mod screen;
mod support;

mod bad_input;
mod cli;
mod code_copy;
mod completions;
mod config;
mod contrast;
mod corpus;
mod course;
mod diagram_layout;
mod e2e;
mod explain;
mod fuzz;
mod hardening;
mod hardening_runtime;
mod header_toggle;
mod help_aliases;
mod hostile_text;
mod import;
mod lazy_lessons;
mod lessons;
mod lint;
mod many_lessons;
mod notes_keys;
mod playback;
mod player;
mod practice;
mod present;
mod present_lessons;
mod progress;
mod readme;
mod reindent;
mod remote;
mod script_limits;
mod search_lessons;
mod settings;
mod signals;
mod terminal_safety;
mod themes;
mod timer;
mod times;
mod validate;
mod variants;
