//! The lecture clock kept across restarts of `present`: when the current lecture stretch began,
//! in wall-clock time, saved beside the presenter's socket in the private runtime dir
//! (`<course id>.clock`, 0600). A presenter that restarts (a crash, a new terminal, a moved
//! window) reads it and the header goes on from `lecture 12:34`, not from zero.
//!
//! The file is one line, `k8s-course-lecture-clock 1 began=<unix ms>`. Reading is bounded and
//! distrustful: a file that is big, not regular, unreadable, from the future or older than
//! [`MAX_AGE`] (yesterday's lecture) is ignored and the clock starts from zero.

use std::io::{self, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A saved stretch older than this is another day's lecture: start again from zero.
pub const MAX_AGE: Duration = Duration::from_secs(6 * 60 * 60);

/// The first words of the file's line.
const MAGIC: &str = "k8s-course-lecture-clock 1";

/// The most the file may hold; the line is about 50 bytes.
const MAX_BYTES: u64 = 256;

/// Saves are skipped while the start moved less than this (the clock's own rounding).
const SLACK_MS: u64 = 1500;

/// The saved start of the lecture stretch for one course.
#[derive(Debug)]
pub struct LectureClock {
    path: PathBuf,
    /// The start last saved, in unix milliseconds.
    saved: Option<u64>,
}

impl LectureClock {
    /// The clock saved beside `socket` (`<course id>.sock` -> `<course id>.clock`).
    pub fn beside(socket: &Path) -> LectureClock {
        LectureClock {
            path: socket.with_extension("clock"),
            saved: None,
        }
    }

    /// Where it is saved.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// How long ago the saved lecture stretch began, when a recent one is saved.
    pub fn read(&self) -> Option<Duration> {
        let bytes = crate::fsio::read_regular(&self.path, MAX_BYTES).ok()?;
        let began = parse(std::str::from_utf8(&bytes).ok()?)?;
        let ago = unix_ms().checked_sub(began)?;
        let ago = Duration::from_millis(ago);
        (ago <= MAX_AGE).then_some(ago)
    }

    /// Saves that the current stretch began `elapsed` ago, when that moved since the last save
    /// (a dismissed break, a new presenter); between those, nothing is written.
    pub fn keep(&mut self, elapsed: Duration) -> io::Result<()> {
        let began = unix_ms().saturating_sub(u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX));
        if self.saved.is_some_and(|s| s.abs_diff(began) < SLACK_MS) {
            return Ok(());
        }
        write_private(&self.path, &format!("{MAGIC} began={began}\n"))?;
        self.saved = Some(began);
        Ok(())
    }
}

/// The start in a file's text; `None` for anything else.
fn parse(text: &str) -> Option<u64> {
    let rest = text
        .trim_end_matches('\n')
        .strip_prefix(MAGIC)?
        .strip_prefix(" began=")?;
    if rest.is_empty() || rest.len() > 16 || !rest.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    rest.parse().ok()
}

fn unix_ms() -> u64 {
    let since = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
    u64::try_from(since.as_millis()).unwrap_or(u64::MAX)
}

/// Writes `text` to a new 0600 file beside `path` and renames it over `path`, so a reader never
/// sees half a file and a link planted at `path` is replaced, not followed.
fn write_private(path: &Path, text: &str) -> io::Result<()> {
    let tmp = path.with_extension(format!("clock.{}.tmp", std::process::id()));
    let _ = std::fs::remove_file(&tmp);
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&tmp)?;
    let written = file
        .write_all(text.as_bytes())
        .and_then(|()| std::fs::rename(&tmp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn a_saved_stretch_is_read_back_and_bad_files_are_ignored() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let mut clock = LectureClock::beside(&dir.path().join("course.sock"));
        assert_eq!(clock.read(), None, "nothing saved yet");
        clock.keep(Duration::from_secs(754)).expect("save");
        let mode = std::fs::metadata(clock.path()).expect("saved").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        let ago = clock.read().expect("read back");
        assert!(
            ago >= Duration::from_secs(754) && ago < Duration::from_secs(760),
            "{ago:?}"
        );

        for bad in [
            "".to_string(),
            "k8s-course-lecture-clock 1 began=".to_string(),
            "k8s-course-lecture-clock 1 began=-5".to_string(),
            "k8s-course-lecture-clock 1 began=99999999999999999999999".to_string(),
            format!("k8s-course-lecture-clock 1 began={}", unix_ms() + 60_000),
            format!("k8s-course-lecture-clock 1 began={}", unix_ms() - 7 * 3600 * 1000),
            "x".repeat(10_000),
        ] {
            std::fs::write(clock.path(), &bad).expect("write");
            assert_eq!(clock.read(), None, "{bad:.60}");
        }
    }
}
