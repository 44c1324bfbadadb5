//! The operating-system side of the channel: where the socket lives (a private runtime dir), its
//! file name, the presenter's lock, clearing a socket a crashed presenter left, and connecting
//! without blocking.

use std::fs::{DirBuilder, File, OpenOptions};
use std::io::{self, ErrorKind};
use std::os::fd::{AsRawFd, FromRawFd};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{DirBuilderExt, FileTypeExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};

/// Overrides where the socket lives (tests, or two separate presentations on one machine).
pub const RUNTIME_DIR_ENV: &str = "K8S_COURSE_RUNTIME_DIR";

/// The directory for the socket: the one chosen (`K8S_COURSE_RUNTIME_DIR`, else
/// `$XDG_RUNTIME_DIR/k8s-course`, as `main` resolved it), else `k8s-course-<uid>` in the temp dir.
///
/// A directory that does not exist is created private (0700). One that exists is used when it is
/// the user's and private; otherwise (a shared `1777` directory, say) the socket goes in our own
/// `k8s-course-<uid>` inside it. A directory we did not create is never chmod-ed: whoever can
/// write where the socket lives could pose as the presenter, so a non-private one is refused.
pub fn runtime_dir_in(chosen: Option<PathBuf>) -> io::Result<PathBuf> {
    let dir = chosen.unwrap_or_else(|| std::env::temp_dir().join(format!("k8s-course-{}", uid())));
    if std::fs::symlink_metadata(&dir).is_ok() && check_private(&dir).is_err() {
        let own = dir.join(format!("k8s-course-{}", uid()));
        private_dir(&own)?;
        return Ok(own);
    }
    private_dir(&dir)?;
    Ok(dir)
}

/// Creates `dir` (and its missing parents) readable by the user only, or checks that an existing
/// one is a directory (not a link) of the user's that no one else can enter. Existing
/// directories are only checked, never changed.
pub fn private_dir(dir: &Path) -> io::Result<()> {
    DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(|e| denied(dir, format!("cannot create the runtime dir: {e}")))?;
    check_private(dir)
}

fn check_private(dir: &Path) -> io::Result<()> {
    let meta = std::fs::symlink_metadata(dir).map_err(|e| denied(dir, e.to_string()))?;
    if !meta.is_dir() {
        return Err(denied(dir, "not a directory".into()));
    }
    if meta.uid() != uid() {
        return Err(denied(dir, "the runtime dir belongs to another user".into()));
    }
    if meta.mode() & 0o077 != 0 {
        return Err(denied(
            dir,
            format!(
                "the runtime dir is open to other users (mode {:o}): make it private with chmod 700, or remove it",
                meta.mode() & 0o7777
            ),
        ));
    }
    Ok(())
}

fn denied(dir: &Path, what: String) -> io::Error {
    io::Error::new(ErrorKind::PermissionDenied, format!("{}: {what}", dir.display()))
}

/// `<dir>/<course id>.sock`, the id reduced to letters, digits, `-`, `_` and `.`; an id that
/// needed changing gets a hash of the original, so two ids never share a socket.
pub fn socket_path(dir: &Path, course_id: &str) -> PathBuf {
    let kept: String = course_id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-_.".contains(c) {
                c
            } else {
                '_'
            }
        })
        .take(64)
        .collect();
    let kept = kept.trim_start_matches('.');
    let name = if kept.is_empty() { "course" } else { kept };
    if name == course_id {
        dir.join(format!("{name}.sock"))
    } else {
        // FNV-1a: stable across builds, unlike std's hasher.
        let hash = course_id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
        });
        dir.join(format!("{name}-{:08x}.sock", hash as u32))
    }
}

/// Takes the presenter's lock for `socket`, or fails with `busy()` while another presenter holds it.
pub(crate) fn lock(socket: &Path, busy: impl Fn() -> io::Error) -> io::Result<File> {
    let mut name = socket.as_os_str().to_os_string();
    name.push(".lock");
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .open(&name)
        .map_err(|e| in_context(Path::new(&name), e))?;
    // SAFETY: flock(2) on a descriptor `file` owns and keeps open for the call; no memory is passed.
    if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } != 0 {
        let e = io::Error::last_os_error();
        return Err(if e.kind() == ErrorKind::WouldBlock { busy() } else { e });
    }
    Ok(file)
}

/// Removes the socket file at `path` if no one listens on it (connecting is refused). One someone
/// listens on fails with `busy()`; a file that is not a socket is left alone, with an error.
pub(crate) fn remove_stale(path: &Path, busy: impl Fn() -> io::Error) -> io::Result<()> {
    let meta = std::fs::symlink_metadata(path).map_err(|e| in_context(path, e))?;
    if !meta.file_type().is_socket() {
        return Err(io::Error::new(
            ErrorKind::AlreadyExists,
            format!("{} is in the way and is not a socket: remove it", path.display()),
        ));
    }
    match connect(path) {
        Ok(_) => Err(busy()),
        Err(e) if e.kind() == ErrorKind::WouldBlock => Err(busy()),
        Err(e) if e.kind() == ErrorKind::ConnectionRefused => {
            std::fs::remove_file(path).map_err(|e| in_context(path, e))
        }
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(()),
        Err(e) => Err(in_context(path, e)),
    }
}

/// Connects to the socket at `path` without blocking: a presenter whose queue of connections is
/// full (stopped with ctrl-z, say) gives `WouldBlock` at once instead of holding up a frame, as
/// std's `UnixStream::connect` would.
pub(crate) fn connect(path: &Path) -> io::Result<UnixStream> {
    let bytes = path.as_os_str().as_bytes();
    // SAFETY: `sockaddr_un` is plain data, for which all zeroes is a valid value.
    let mut addr: libc::sockaddr_un = unsafe { std::mem::zeroed() };
    if bytes.len() >= addr.sun_path.len() || bytes.contains(&0) {
        return Err(io::Error::new(
            ErrorKind::InvalidInput,
            format!("socket path too long for the system: {}", path.display()),
        ));
    }
    addr.sun_family = libc::AF_UNIX as libc::sa_family_t;
    for (dst, &src) in addr.sun_path.iter_mut().zip(bytes) {
        *dst = src as libc::c_char;
    }
    // SAFETY: socket(2) takes no pointers; the result is checked before use.
    let fd = unsafe { libc::socket(libc::AF_UNIX, libc::SOCK_STREAM, 0) };
    if fd < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: `fd` was just returned by socket(2) and nothing else owns it; the stream closes it.
    let stream = unsafe { UnixStream::from_raw_fd(fd) };
    stream.set_nonblocking(true)?;
    // SAFETY: fcntl(2) on the descriptor the stream owns; no memory is passed.
    unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) };
    let len = std::mem::offset_of!(libc::sockaddr_un, sun_path) + bytes.len() + 1;
    // SAFETY: `addr` is a valid `sockaddr_un` that outlives the call, and `len` is within its size.
    let rc = unsafe { libc::connect(fd, (&raw const addr).cast::<libc::sockaddr>(), len as libc::socklen_t) };
    if rc != 0 {
        let e = io::Error::last_os_error();
        // Another system may start the connection and finish it later: treat it as busy.
        return Err(if e.raw_os_error() == Some(libc::EINPROGRESS) {
            ErrorKind::WouldBlock.into()
        } else {
            e
        });
    }
    Ok(stream)
}

/// Makes the socket file at `path` readable and writable by the user only (it was just created
/// by `bind`, so this changes nothing of anyone else's).
pub(crate) fn make_private(path: &Path) -> io::Result<()> {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).map_err(|e| in_context(path, e))
}

/// Whether the process at the other end of `stream` runs as this user (`SO_PEERCRED`). The
/// directory is private already; this holds even if someone loosens it.
pub(crate) fn same_user(stream: &UnixStream) -> bool {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: `ucred` is plain data, for which all zeroes is a valid value.
        let mut cred: libc::ucred = unsafe { std::mem::zeroed() };
        let mut len = std::mem::size_of::<libc::ucred>() as libc::socklen_t;
        // SAFETY: getsockopt(2) writes at most `len` bytes into `cred`, which outlives the call.
        let rc = unsafe {
            libc::getsockopt(
                stream.as_raw_fd(),
                libc::SOL_SOCKET,
                libc::SO_PEERCRED,
                (&raw mut cred).cast::<libc::c_void>(),
                &raw mut len,
            )
        };
        rc == 0 && cred.uid == uid()
    }
    #[cfg(not(target_os = "linux"))]
    {
        let (mut euid, mut egid) = (0, 0);
        // SAFETY: getpeereid(3) writes the two ids, which outlive the call.
        let rc = unsafe { libc::getpeereid(stream.as_raw_fd(), &raw mut euid, &raw mut egid) };
        rc == 0 && euid == uid()
    }
}

pub(crate) fn in_context(path: &Path, e: io::Error) -> io::Error {
    io::Error::new(e.kind(), format!("{}: {e}", path.display()))
}

fn uid() -> u32 {
    // SAFETY: getuid(2) cannot fail and touches no memory.
    unsafe { libc::getuid() }
}
