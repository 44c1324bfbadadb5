//! Reading what is imported (bounded, regular files, text) and writing the lesson (0600 files,
//! 0700 folders, a staging folder renamed into place, a temp file renamed over course.yaml).

use std::fs::{self, DirBuilder, OpenOptions};
use std::io::{Read, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use crate::content::source::MAX_FILE_BYTES;

/// Reads `path` as text for `what` (`the post`, `the script`), or says what is wrong with it.
pub fn read_text(path: &Path, what: &str) -> Result<String, String> {
    let shown = path.display();
    let meta = fs::metadata(path).map_err(|e| format!("{shown}: cannot read {what}: {e}"))?;
    if !meta.is_file() {
        return Err(format!("{shown}: {what} is not a regular file: give the exported file"));
    }
    let mut bytes = Vec::new();
    let file = fs::File::open(path).map_err(|e| format!("{shown}: cannot read {what}: {e}"))?;
    // The size may change between the check and the read: read at most one byte past the limit.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{shown}: cannot read {what}: {e}"))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!(
            "{shown}: {what} is larger than {} MB: this is not a lesson file",
            MAX_FILE_BYTES / 1024 / 1024
        ));
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(format!(
            "{shown}: {what} is binary data (a NUL byte at offset {at}), not text: give the post as exported, in UTF-8"
        ));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "{shown}: {what} is not UTF-8 text (byte 0x{:02x} at offset {}): save it as UTF-8 and import again",
            e.as_bytes()[e.utf8_error().valid_up_to()],
            e.utf8_error().valid_up_to()
        )
    })?;
    let text = text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text);
    if text.trim().is_empty() {
        return Err(format!("{shown}: {what} is empty: export it again"));
    }
    Ok(text)
}

/// Creates a folder readable by its owner only; `Ok(false)` when it was already there.
pub fn make_dir(path: &Path) -> Result<bool, String> {
    match DirBuilder::new().mode(0o700).create(path) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && path.is_dir() => Ok(false),
        Err(e) => Err(format!("{}: cannot create the folder: {e}", path.display())),
    }
}

/// Writes a new file readable by its owner only, flushed to disk.
pub fn write_new(path: &Path, text: &str) -> Result<(), String> {
    let mut f = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
    f.write_all(text.as_bytes())
        .and_then(|()| f.sync_all())
        .map_err(|e| format!("{}: cannot write: {e}", path.display()))
}

/// Replaces `path` with `text` atomically: a temp file beside it, then a rename.
pub fn replace(path: &Path, text: &str) -> Result<(), String> {
    let temp = sibling(path, "tmp");
    let _ = fs::remove_file(&temp);
    write_new(&temp, text)?;
    fs::rename(&temp, path).map_err(|e| {
        let _ = fs::remove_file(&temp);
        format!("{}: cannot write: {e}", path.display())
    })
}

/// `dir/.name.<tag>-<pid>`: a hidden name beside `path` no other import uses at the same time.
pub fn sibling(path: &Path, tag: &str) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.{tag}-{}", std::process::id()))
}
