//! k8s-course: a terminal course player for a Docker/Kubernetes lecture.
//!
//! Arrows point one way, with no cycle between these modules: `main` -> `cli` -> `settings` -> `driver` ->
//! (`ui`, `present`, `keymap`) -> `app` -> `content` -> `text`.
//! - `settings`: the environment (read once by `main`), the command line and `config.yaml` as one
//!   `Settings`; no module below `cli` reads the environment.
//! - `cli`: the command line (clap), one file per subcommand, loading what a command needs.
//! - `driver`: the loops on the real terminal (player, `present`, `notes`), sharing one event type:
//!   they sleep until a key, a signal, the presenter's socket or something shown changes, and draw
//!   when `App::update` says so; `driver::session` saves progress.
//! - `app`: a player session's state and `App::update(Msg)`, the one place it changes (its fields
//!   are read through getters); `app::registry` describes every action once (keys, help, hints,
//!   `:` commands) and `app::keymap` holds the key table. No terminal.
//! - `keymap`: the key table re-exported, and crossterm key events named in its vocabulary.
//! - `ui`: draws an `App` with ratatui. `present`: the presenter's socket, protocol and notes model.
//! - `content`: the model (Course > Lesson > Chapter > Slide > Block, Segments) and its loader.
//! - `render`: slides as styled, wrapped lines, for the player and for `show`; diagrams.
//! - `progress`, `playback`, `timer`, `theme`, `config`: learner files, narration clock, lecture
//!   timer, colours, `config.yaml`. `text`: display-cell width, wrapping, cleaning untrusted text.
//! - `manifest`: Kubernetes manifests offline: the embedded schema, `validate`, re-indenting, `explain`.
//! - `practice`: exercises of `lesson.yaml` checked offline (manifests, commands, quizzes) and the
//!   learner's lab folder of work files.
//! - `import`: a blog post (and its script) into a lesson folder, with mojibake repaired by evidence.
//! - `lint`: what an author wants to know before publishing (`check --lint`).
//! - `fuzz`: the fuzz harness (mutated real inputs through every parser; `src/bin/fuzz.rs`).
//! - `i18n`: the program's own words in Korean and English, one table (`i18n::words`).
//! - `fsio`: reading a file from a path without blocking on a FIFO or reading a huge file whole.

pub mod app;
pub mod cli;
pub mod config;
pub mod content;
pub mod driver;
pub mod fsio;
pub mod fuzz;
pub mod i18n;
pub mod import;
pub mod keymap;
pub mod lint;
pub mod manifest;
pub mod playback;
pub mod practice;
pub mod present;
pub mod progress;
pub mod render;
pub mod repair;
pub mod settings;
pub mod text;
pub mod theme;
pub mod timer;
pub mod ui;
