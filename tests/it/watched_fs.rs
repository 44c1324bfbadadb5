//! A progress store's file system for tests: the real one, counting the operations a save does
//! and, when told to, failing one of them as a full, read-only or forbidden disk would.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use k8s_course::progress::storage::{FileId, LockGuard, RealFs, Storage};

/// The real file system, watched.
#[derive(Default)]
pub struct Watched {
    /// The operation to fail (`read`, `write`, `rename`, `mkdir`) and the errno it fails with.
    fail: Mutex<Option<(&'static str, i32)>>,
    /// How many times each operation was asked for.
    counts: Mutex<BTreeMap<&'static str, usize>>,
}

impl Watched {
    /// Counting only.
    pub fn counting() -> Arc<Self> {
        Arc::default()
    }

    /// Failing `op` with `errno` until [`Watched::heal`].
    pub fn failing(op: &'static str, errno: i32) -> Arc<Self> {
        let fs = Self::default();
        *fs.fail.lock().expect("lock") = Some((op, errno));
        Arc::new(fs)
    }

    pub fn heal(&self) {
        *self.fail.lock().expect("lock") = None;
    }

    /// How many times `op` was asked for.
    pub fn count(&self, op: &str) -> usize {
        self.counts.lock().expect("lock").get(op).copied().unwrap_or(0)
    }

    fn check(&self, op: &'static str) -> io::Result<()> {
        *self.counts.lock().expect("lock").entry(op).or_default() += 1;
        match *self.fail.lock().expect("lock") {
            Some((o, errno)) if o == op => Err(io::Error::from_raw_os_error(errno)),
            _ => Ok(()),
        }
    }
}

impl Storage for Watched {
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        self.check("read")?;
        RealFs.read(path)
    }
    fn write_temp(&self, path: &Path, bytes: &[u8]) -> io::Result<PathBuf> {
        self.check("write")?;
        RealFs.write_temp(path, bytes)
    }
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.check("rename")?;
        RealFs.rename(from, to)
    }
    fn remove(&self, path: &Path) -> io::Result<()> {
        self.check("remove")?;
        RealFs.remove(path)
    }
    fn exists(&self, path: &Path) -> bool {
        RealFs.exists(path)
    }
    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        self.check("sync_dir")?;
        RealFs.sync_dir(dir)
    }
    fn create_dir_all(&self, dir: &Path) -> io::Result<()> {
        self.check("mkdir")?;
        RealFs.create_dir_all(dir)
    }
    fn lock(&self, path: &Path) -> io::Result<Box<dyn LockGuard>> {
        self.check("lock")?;
        RealFs.lock(path)
    }
    fn list(&self, dir: &Path) -> io::Result<Vec<String>> {
        self.check("list")?;
        RealFs.list(dir)
    }
    fn identity(&self, path: &Path) -> Option<FileId> {
        RealFs.identity(path)
    }
}
