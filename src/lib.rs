//! k8s-course: a terminal course player for a Docker/Kubernetes lecture.
//!
//! Arrows point one way: `cli` -> `render` -> `content` -> `text`, and `keymap` -> `app` -> `content`.
//! - `app`: the state of a player session and `App::update`, the one place it changes (no terminal).
//! - `keymap`: key strings -> actions, as data.
//! - `content`: the model (Course > Lesson > Chapter > Slide > Block, Segments) and its loader.
//!   No IO beyond reading course files, no terminal code.
//! - `render`: slides as styled, wrapped lines, for the player and for `show`.
//! - `text`: display-cell width, wrapping, and the one place untrusted text is cleaned.
//! - `manifest`: Kubernetes manifests offline: the embedded schema, `validate`, re-indenting, `explain`.
//! - `import`: a blog post (and its script) into a lesson folder, with mojibake repaired by evidence.
//! - `lint`: what an author wants to know before publishing (`check --lint`).
//! - `cli`: the command-line interface (`check`, `list`, `show`, `import`, `validate`, `explain`).
//! - `fuzz`: the fuzz harness (mutated real inputs through every parser; `src/bin/fuzz.rs`).
//! - `fsio`: reading a file from a path without blocking on a FIFO or reading a huge file whole.

pub mod app;
pub mod cli;
pub mod config;
pub mod content;
pub mod driver;
pub mod fsio;
pub mod fuzz;
pub mod import;
pub mod keymap;
pub mod lint;
pub mod manifest;
pub mod playback;
pub mod present;
pub mod progress;
pub mod render;
pub mod repair;
pub mod text;
pub mod theme;
pub mod timer;
pub mod ui;
