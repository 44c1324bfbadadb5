//! k8s-course: a terminal course player for a Docker/Kubernetes lecture.
//!
//! Arrows point one way: `cli` -> `render` -> `content` -> `text`, and `keymap` -> `app` -> `content`.
//! - `app`: the state of a player session and `App::update`, the one place it changes (no terminal).
//! - `keymap`: key strings -> actions, as data.
//! - `content`: the model (Course > Lesson > Chapter > Slide > Block, Segments) and its loader.
//!   No IO beyond reading course files, no terminal code.
//! - `render`: slides as styled, wrapped lines, for the player and for `show`.
//! - `text`: display-cell width, wrapping, and the one place untrusted text is cleaned.
//! - `cli`: the command-line interface (`check`, `list`, `show`).

pub mod app;
pub mod cli;
pub mod config;
pub mod content;
pub mod driver;
pub mod import;
pub mod keymap;
pub mod lint;
pub mod playback;
pub mod present;
pub mod progress;
pub mod render;
pub mod repair;
pub mod text;
pub mod theme;
pub mod timer;
pub mod ui;
