//! The built-in course, compiled into the binary so the installed program needs no file beside it.
//!
//! The files are held as text (`include_str!`, so the compiler proves them UTF-8), and the tests
//! below prove them clean (no BOM, no carriage return, no mojibake): reading them skips the
//! decoding a file on disk needs.

/// `(path relative to the course root, contents)` for every file of `course/`.
pub static FILES: &[(&str, &str)] = &[
    ("course.yaml", include_str!("../../course/course.yaml")),
    (
        "week07-docker-kubernetes/post.md",
        include_str!("../../course/week07-docker-kubernetes/post.md"),
    ),
    (
        "week07-docker-kubernetes/script.txt",
        include_str!("../../course/week07-docker-kubernetes/script.txt"),
    ),
    (
        "week07-docker-kubernetes/lesson.yaml",
        include_str!("../../course/week07-docker-kubernetes/lesson.yaml"),
    ),
];

/// The built-in file at `rel` (relative to the course root), if there is one.
pub fn file(rel: &str) -> Option<&'static str> {
    FILES.iter().find(|(p, _)| *p == rel).map(|(_, text)| *text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::load::decode;

    /// What lets `load` take the built-in files as they are: decoding each the way a file on
    /// disk is decoded (UTF-8, BOM, mojibake, line endings) finds nothing and changes nothing.
    #[test]
    fn every_built_in_file_is_already_decoded() {
        for (rel, text) in FILES {
            let decoded = decode(rel, text.as_bytes().to_vec());
            assert_eq!(decoded.as_deref(), Ok(*text), "{rel}");
        }
    }
}
