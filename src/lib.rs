//! k8s-course: a terminal course player for a Docker/Kubernetes lecture.
//!
//! Arrows point one way: `cli` -> `render` -> `content` -> `text`.
//! - `content`: the model (Course > Lesson > Chapter > Slide > Block, Segments) and its loader.
//!   No IO beyond reading course files, no terminal code.
//! - `render`: slides as styled, wrapped lines; plain text or ANSI for the `show` command.
//! - `text`: display-cell width, wrapping, and the one place untrusted text is cleaned.
//! - `cli`: the command-line interface (`check`, `list`, `show`).

pub mod cli;
pub mod content;
pub mod render;
pub mod text;
