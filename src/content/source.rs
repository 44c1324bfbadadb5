//! Where course files come from: the built-in copy, or a folder on disk that must not reach outside
//! itself.

use std::path::{Component, Path, PathBuf};

use super::diag::Diagnostic;
use super::embedded;

/// Files larger than this are not lessons; refusing them early keeps parsing time bounded.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// The root of a course.
#[derive(Debug, Clone)]
pub enum CourseSource {
    /// The course compiled into the binary.
    BuiltIn,
    /// A course folder (with `course.yaml`) or a single lesson folder (with `post.md`).
    Dir(PathBuf),
}

/// What a source looks like once opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Layout {
    /// A `course.yaml` lists the lessons.
    Course,
    /// The folder itself is one lesson.
    SingleLesson,
}

impl CourseSource {
    /// How paths of this source are shown in messages.
    pub fn display(&self, rel: &str) -> String {
        match self {
            CourseSource::BuiltIn => format!("<built-in>/course/{rel}"),
            CourseSource::Dir(root) => {
                if rel.is_empty() {
                    root.display().to_string()
                } else {
                    root.join(rel).display().to_string()
                }
            }
        }
    }

    /// Decides whether the source is a course or a lone lesson.
    pub fn layout(&self) -> Result<Layout, Diagnostic> {
        match self {
            CourseSource::BuiltIn => Ok(Layout::Course),
            CourseSource::Dir(root) => {
                if !root.is_dir() {
                    return Err(Diagnostic::error(
                        self.display(""),
                        None,
                        "no such folder: --course must name a course folder (with course.yaml) or a lesson folder (with post.md)",
                    ));
                }
                if root.join("course.yaml").exists() {
                    Ok(Layout::Course)
                } else if root.join("post.md").exists() {
                    Ok(Layout::SingleLesson)
                } else {
                    Err(Diagnostic::error(
                        self.display(""),
                        None,
                        "neither course.yaml nor post.md found: --course must name a course folder or a lesson folder",
                    ))
                }
            }
        }
    }

    /// Whether `rel` exists (used for optional files).
    pub fn exists(&self, rel: &str) -> bool {
        match self {
            CourseSource::BuiltIn => embedded::file(rel).is_some(),
            // The entry itself, not what a symlink points at: `read` then decides whether it may be used,
            // so an optional file that escapes the folder is reported rather than silently skipped.
            CourseSource::Dir(root) => root.join(rel).symlink_metadata().is_ok(),
        }
    }

    /// Reads `rel`, refusing paths that leave the root (by `..`, an absolute path or a symlink)
    /// and files over [`MAX_FILE_BYTES`].
    pub fn read(&self, rel: &str) -> Result<Vec<u8>, Diagnostic> {
        let shown = self.display(rel);
        let err = |msg: String| Diagnostic::error(shown.clone(), None, msg);
        let escapes = Path::new(rel)
            .components()
            .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir));
        if escapes {
            return Err(err(format!(
                "the path '{rel}' leaves the course folder: use a path inside it, without '..'"
            )));
        }
        match self {
            CourseSource::BuiltIn => embedded::file(rel)
                .map(|text| text.as_bytes().to_vec())
                .ok_or_else(|| err("missing file in the built-in course".into())),
            CourseSource::Dir(root) => read_inside(root, rel).map_err(err),
        }
    }
}

fn read_inside(root: &Path, rel: &str) -> Result<Vec<u8>, String> {
    let path = root.join(rel);
    let canon_root = root
        .canonicalize()
        .map_err(|e| format!("cannot open the course folder: {e}"))?;
    let canon = match path.canonicalize() {
        Ok(p) => p,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err("missing file: create it, or fix the name that points here".into());
        }
        Err(e) => return Err(format!("cannot open: {e}")),
    };
    if !canon.starts_with(&canon_root) {
        return Err(format!(
            "this path resolves to {}, outside the course folder (a symlink?): course files must live inside it",
            canon.display()
        ));
    }
    match crate::fsio::read_regular(&canon, MAX_FILE_BYTES) {
        Ok(bytes) => Ok(bytes),
        Err(crate::fsio::ReadError::TooBig { size, .. }) => Err(format!(
            "file is {size} bytes, more than the {} MB a lesson file may have: split it or remove what does not belong",
            MAX_FILE_BYTES / 1024 / 1024
        )),
        Err(e) => Err(e.to_string()),
    }
}
