//! Reading a file the user's environment points at (config, themes, progress, course files)
//! without trusting what is at that path: a FIFO or a device would block `open()` or never end,
//! and a huge file would be read whole before its size was refused.
//!
//! The file is opened with `O_NONBLOCK` (so a FIFO with no writer can't block the open), checked
//! with `fstat` on the open descriptor (so it can't be swapped after the check), and read through
//! a limit.

use std::fmt;
use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::Path;

/// Why a file could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// Nothing at that path.
    NotFound,
    /// A FIFO, socket, device or directory.
    NotRegular(&'static str),
    /// Bigger than the limit, in bytes.
    TooBig { size: u64, limit: u64 },
    /// Any other error from the system.
    Io(io::Error),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::NotFound => write!(f, "no such file"),
            ReadError::NotRegular(kind) => {
                write!(
                    f,
                    "is a {kind}, not a regular file: replace it with a file, or remove it"
                )
            }
            ReadError::TooBig { size, limit } => write!(
                f,
                "is {size} bytes, more than the {} allowed: this is not a file k8s-course wrote or expects",
                human(*limit)
            ),
            ReadError::Io(e) => write!(f, "cannot read: {e}"),
        }
    }
}

fn human(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{} MB", bytes / 1024 / 1024)
    } else {
        format!("{} KB", bytes / 1024)
    }
}

/// Opens `path` for reading without blocking, and refuses anything but a regular file.
pub fn open_regular(path: &Path) -> Result<File, ReadError> {
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_CLOEXEC)
        .open(path)
        .map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => ReadError::NotFound,
            _ => ReadError::Io(e),
        })?;
    let kind = file.metadata().map_err(ReadError::Io)?.file_type();
    if kind.is_file() {
        return Ok(file);
    }
    let name = if kind.is_dir() {
        "directory"
    } else if kind.is_fifo() {
        "FIFO (named pipe)"
    } else if kind.is_socket() {
        "socket"
    } else if kind.is_char_device() || kind.is_block_device() {
        "device"
    } else {
        "special file"
    };
    Err(ReadError::NotRegular(name))
}

/// Reads the regular file at `path`, refusing it when it is over `limit` bytes (checked before
/// reading, and again while reading in case it grows).
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let file = open_regular(path)?;
    let size = file.metadata().map_err(ReadError::Io)?.len();
    if size > limit {
        return Err(ReadError::TooBig { size, limit });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooBig {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fifo_is_refused_without_blocking_and_a_big_file_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("config.yaml");
        let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        assert!(matches!(read_regular(&fifo, 10), Err(ReadError::NotRegular(k)) if k.contains("FIFO")));
        let big = dir.path().join("big");
        std::fs::write(&big, vec![b'a'; 11]).unwrap();
        assert!(matches!(
            read_regular(&big, 10),
            Err(ReadError::TooBig { size: 11, limit: 10 })
        ));
        assert_eq!(read_regular(&big, 11).unwrap().len(), 11);
        assert!(matches!(
            read_regular(&dir.path().join("none"), 10),
            Err(ReadError::NotFound)
        ));
        assert!(matches!(
            read_regular(dir.path(), 10),
            Err(ReadError::NotRegular("directory"))
        ));
    }
}
