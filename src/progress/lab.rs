//! The learner's lab folder, `<data dir>/lab/LEARNER/LESSON/`: files a learner works on (a slide's
//! code written by `w`, practice exercises). Private like progress: dirs 0700, files 0600. A file
//! already there is never overwritten: it may hold the learner's edits.

use std::fs::{DirBuilder, OpenOptions};
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use super::Learner;

/// Dirs of the lab: the learner's alone.
const DIR_MODE: u32 = 0o700;
/// Files of the lab: the learner's alone.
const FILE_MODE: u32 = 0o600;
/// Longest file or folder name made from course text (most file systems take 255 bytes).
const MAX_NAME_BYTES: usize = 120;

/// `<data dir>/lab/LEARNER/LESSON`: where `learner`'s files for lesson `lesson_id` go.
pub fn dir(data_dir: &Path, learner: &Learner, lesson_id: &str) -> PathBuf {
    data_dir.join("lab").join(learner.as_str()).join(safe_name(lesson_id))
}

/// A name from course text that is one safe path component: no `/`, no leading `.`, no control
/// characters, not empty, at most [`MAX_NAME_BYTES`].
pub fn safe_name(raw: &str) -> String {
    let mut out = String::new();
    for c in raw.chars() {
        let c = if c == '/' || c == '\\' || c.is_control() || c.is_whitespace() {
            '_'
        } else {
            c
        };
        if out.len() + c.len_utf8() > MAX_NAME_BYTES {
            break;
        }
        out.push(c);
    }
    let trimmed = out.trim_start_matches('.');
    if trimmed.is_empty() {
        "_".to_string()
    } else {
        trimmed.to_string()
    }
}

/// What writing a lab file did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    /// The file is new.
    Created(PathBuf),
    /// The file was there with exactly this text already.
    Unchanged(PathBuf),
    /// A different file is there (perhaps the learner's edits): left alone.
    Kept(PathBuf),
}

/// Writes `text` to `dir/name` (dirs made 0700, the file 0600), never replacing a file that is
/// there. Symlinks in place of the file are not followed.
pub fn write_new(dir: &Path, name: &str, text: &str) -> std::io::Result<Written> {
    DirBuilder::new().recursive(true).mode(DIR_MODE).create(dir)?;
    let path = dir.join(safe_name(name));
    let opened = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(FILE_MODE)
        .custom_flags(libc::O_NOFOLLOW)
        .open(&path);
    match opened {
        Ok(mut file) => {
            file.write_all(text.as_bytes())?;
            file.sync_all()?;
            Ok(Written::Created(path))
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            // Read at most a little more than the text: a huge file or a FIFO there is "different".
            let same = crate::fsio::read_regular(&path, text.len() as u64).is_ok_and(|bytes| bytes == text.as_bytes());
            Ok(if same {
                Written::Unchanged(path)
            } else {
                Written::Kept(path)
            })
        }
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn names_from_course_text_stay_one_component() {
        assert_eq!(safe_name("2.2.1"), "2.2.1");
        assert_eq!(safe_name("../../etc/passwd"), "_.._etc_passwd");
        assert_eq!(safe_name("..."), "_");
        assert_eq!(safe_name("a\u{1b}b c"), "a_b_c");
        assert!(safe_name(&"가".repeat(200)).len() <= MAX_NAME_BYTES);
    }

    #[test]
    fn writes_private_files_once_and_keeps_what_is_there() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let dir = tmp.path().join("lab/kim/week07");
        let first = write_new(&dir, "2.2.1.yaml", "kind: Pod\n").expect("written");
        let path = dir.join("2.2.1.yaml");
        assert_eq!(first, Written::Created(path.clone()));
        let mode = |p: &Path| std::fs::metadata(p).expect("stat").permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&dir), 0o700);
        assert_eq!(mode(&tmp.path().join("lab")), 0o700);
        assert_eq!(
            write_new(&dir, "2.2.1.yaml", "kind: Pod\n").expect("ok"),
            Written::Unchanged(path.clone())
        );
        std::fs::write(&path, "kind: Pod # mine\n").expect("edit");
        assert_eq!(
            write_new(&dir, "2.2.1.yaml", "kind: Pod\n").expect("ok"),
            Written::Kept(path.clone())
        );
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "kind: Pod # mine\n");
    }
}
