//! k8s-course: a terminal course player for a Docker/Kubernetes lecture.
//!
//! Arrows point one way, with no cycle between these modules: `main` -> `cli` -> `driver` ->
//! (`ui`, `present`, `keymap`) -> `app` -> `content` -> `text`.
//! - `cli`: the command line (clap), one file per subcommand, loading what a command needs.
//! - `driver`: the loops on the real terminal (player, `present`, `notes`): they sleep until a key,
//!   a signal, the presenter's socket or something shown changes; `driver::session` saves progress.
//! - `app`: a player session's state and `App::update`; `app::registry` describes every action once
//!   (keys, help, hints, `:` commands) and `app::keymap` holds the key table. No terminal.
//! - `keymap`: the key table re-exported, and crossterm key events named in its vocabulary.
//! - `ui`: draws an `App` with ratatui. `present`: the presenter's socket, protocol and notes model.
//! - `content`: the model (Course > Lesson > Chapter > Slide > Block, Segments) and its loader.
//! - `render`: slides as styled, wrapped lines, for the player and for `show`; diagrams.
//! - `progress`, `playback`, `timer`, `theme`, `config`: learner files, narration clock, lecture
//!   timer, colours, `config.yaml`. `text`: display-cell width, wrapping, cleaning untrusted text.

pub mod app;
pub mod cli;
pub mod config;
pub mod content;
pub mod driver;
pub mod keymap;
pub mod playback;
pub mod present;
pub mod progress;
pub mod render;
pub mod text;
pub mod theme;
pub mod timer;
pub mod ui;
