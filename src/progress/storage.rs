//! The file-system operations the progress store needs, behind a trait so tests can make any of
//! them fail (ENOSPC, EROFS, EACCES): tests run as root, where `chmod` doesn't make a write fail.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// An exclusive lock, released when dropped.
pub trait LockGuard: Send {}

/// Which file a path names and how it was last changed, from `lstat`: two equal identities are
/// the same inode, untouched in between (a writer that renames a new file in gives a new inode;
/// one that rewrites in place moves mtime and ctime).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileId {
    dev: u64,
    ino: u64,
    size: u64,
    /// Seconds and nanoseconds.
    mtime: (i64, i64),
    ctime: (i64, i64),
}

impl FileId {
    /// Whether `self` and `other` are one inode with the same contents as far as `stat` tells
    /// (ctime aside: a rename moves it and nothing else).
    pub fn same_contents(&self, other: &FileId) -> bool {
        (self.dev, self.ino, self.size, self.mtime) == (other.dev, other.ino, other.size, other.mtime)
    }
}

/// What the store does to files.
pub trait Storage: Send + Sync {
    fn read(&self, path: &Path) -> io::Result<Vec<u8>>;
    /// Writes `bytes` to a new temporary file next to `path` and syncs it; returns its path.
    fn write_temp(&self, path: &Path, bytes: &[u8]) -> io::Result<PathBuf>;
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()>;
    fn remove(&self, path: &Path) -> io::Result<()>;
    fn exists(&self, path: &Path) -> bool;
    /// Makes sure renames in `dir` survive a crash.
    fn sync_dir(&self, dir: &Path) -> io::Result<()>;
    fn create_dir_all(&self, dir: &Path) -> io::Result<()>;
    /// Takes an exclusive advisory lock on `path` (created if missing), waiting for it.
    fn lock(&self, path: &Path) -> io::Result<Box<dyn LockGuard>>;
    /// File names in `dir`.
    fn list(&self, dir: &Path) -> io::Result<Vec<String>>;
    /// The identity of the regular file at `path`; None when there is none or it can't be told,
    /// and then the store reads the file again on every save.
    fn identity(&self, _path: &Path) -> Option<FileId> {
        None
    }
}

/// The real file system.
#[derive(Debug, Default, Clone, Copy)]
pub struct RealFs;

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// A progress file is a few KB; anything much bigger was not written by us and is not read whole.
pub const MAX_PROGRESS_BYTES: u64 = 4 * 1024 * 1024;

/// Progress says what a person studied and when: readable by them alone.
const FILE_MODE: u32 = 0o600;
const DIR_MODE: u32 = 0o700;

struct FileLock(File);

impl LockGuard for FileLock {}

impl Drop for FileLock {
    fn drop(&mut self) {
        use std::os::fd::AsRawFd;
        // SAFETY: the descriptor is owned by `self.0` and still open.
        unsafe {
            libc::flock(self.0.as_raw_fd(), libc::LOCK_UN);
        }
    }
}

impl Storage for RealFs {
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        // Not `fs::read`: a FIFO named like a progress file would block forever.
        crate::fsio::read_regular(path, MAX_PROGRESS_BYTES).map_err(|e| match e {
            crate::fsio::ReadError::NotFound => io::ErrorKind::NotFound.into(),
            crate::fsio::ReadError::Io(e) => e,
            other => io::Error::new(io::ErrorKind::InvalidData, other.to_string()),
        })
    }

    fn write_temp(&self, path: &Path, bytes: &[u8]) -> io::Result<PathBuf> {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("progress");
        let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
        let temp = path.with_file_name(format!(".{name}.tmp-{}-{n}", std::process::id()));
        let result = (|| {
            let mut f = OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(FILE_MODE)
                .open(&temp)?;
            f.write_all(bytes)?;
            // tempfile's `persist` doesn't sync; a rename of unsynced data can leave an empty file.
            f.sync_all()
        })();
        match result {
            Ok(()) => Ok(temp),
            Err(e) => {
                let _ = fs::remove_file(&temp);
                Err(e)
            }
        }
    }

    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        fs::rename(from, to)
    }

    fn remove(&self, path: &Path) -> io::Result<()> {
        fs::remove_file(path)
    }

    fn exists(&self, path: &Path) -> bool {
        path.exists()
    }

    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        File::open(dir)?.sync_all()
    }

    fn create_dir_all(&self, dir: &Path) -> io::Result<()> {
        // Only the directories created here get 0700; an existing one is left as its owner set it.
        fs::DirBuilder::new().recursive(true).mode(DIR_MODE).create(dir)
    }

    fn lock(&self, path: &Path) -> io::Result<Box<dyn LockGuard>> {
        use std::os::fd::AsRawFd;
        // O_NOFOLLOW: a lock file that is a symlink must not create or touch a file elsewhere.
        // O_NONBLOCK: a FIFO in its place must not block the open (flock still waits, as meant).
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .mode(FILE_MODE)
            .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC)
            .open(path);
        let not_regular = || {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("{} is not a regular file: remove it", path.display()),
            )
        };
        let file = match file {
            // ENXIO: a FIFO no one reads, opened for writing without blocking.
            Err(e) if e.raw_os_error() == Some(libc::ENXIO) => return Err(not_regular()),
            other => other?,
        };
        if !file.metadata()?.is_file() {
            return Err(not_regular());
        }
        loop {
            // SAFETY: flock on a descriptor we own; it only changes the lock state.
            let rc = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX) };
            if rc == 0 {
                return Ok(Box::new(FileLock(file)));
            }
            let err = io::Error::last_os_error();
            if err.kind() != io::ErrorKind::Interrupted {
                return Err(err);
            }
        }
    }

    fn list(&self, dir: &Path) -> io::Result<Vec<String>> {
        let mut out = Vec::new();
        for entry in fs::read_dir(dir)? {
            if let Some(name) = entry?.file_name().to_str() {
                out.push(name.to_string());
            }
        }
        out.sort();
        Ok(out)
    }

    fn identity(&self, path: &Path) -> Option<FileId> {
        use std::os::unix::fs::MetadataExt;
        // lstat: a symlink put in the file's place is never taken for the file written.
        let m = fs::symlink_metadata(path).ok().filter(|m| m.is_file())?;
        Some(FileId {
            dev: m.dev(),
            ino: m.ino(),
            size: m.size(),
            mtime: (m.mtime(), m.mtime_nsec()),
            ctime: (m.ctime(), m.ctime_nsec()),
        })
    }
}
