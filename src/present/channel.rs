//! The local channel: a Unix socket in the runtime dir, the presenter listening and any number of
//! followers connecting. Everything here is non-blocking, because both ends run it on their UI
//! thread: reads take what is there, lines that arrive in pieces are kept until whole, and a
//! follower that does not read is never waited for (it gets the newest state when it catches up).

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, ErrorKind, Read, Write};
use std::os::fd::{AsRawFd, RawFd};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::protocol::{Command, LineReader, Message, State, VERSION, hello, parse};
use super::socket::{connect, in_context, lock, make_private, remove_stale, same_user};

/// How often a follower tries to connect while no presenter is there.
const RETRY: Duration = Duration::from_millis(150);

/// How long a follower waits before trying again a presenter that speaks another version.
const RETRY_REFUSED: Duration = Duration::from_secs(2);

/// Followers beyond this are turned away, so a runaway script can't use up the presenter's files.
const MAX_FOLLOWERS: usize = 32;

/// Connections that have said nothing understood yet, kept apart from followers so idle ones can't
/// lock followers out; beyond this the oldest is dropped.
const MAX_PENDING: usize = 32;

/// How long a new connection has to say `hello` (a real follower says it at once).
pub const HELLO_TIMEOUT: Duration = Duration::from_secs(2);

/// Bytes read from one peer per call, so a flood can't hold up a frame.
const READ_BUDGET: usize = 64 * 1024;

/// Lines a follower queues while the presenter doesn't read; beyond that `send` refuses.
const MAX_QUEUED: usize = 32;

/// What a [`Follower`] noticed since the last [`Follower::poll`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A presenter answered: what follows is its state.
    Attached,
    /// The presenter's state, sent on attaching and on every change.
    State(State),
    /// The presenter quit or vanished; the follower keeps trying to attach again.
    Detached,
    /// A presenter is there but speaks another protocol version (a different k8s-course build);
    /// the follower tries again every two seconds.
    Refused(String),
}

/// The presenter's end: listens on the socket, publishes its state, collects followers' commands.
#[derive(Debug)]
pub struct Presenter {
    path: PathBuf,
    listener: UnixListener,
    /// An exclusive lock on `<socket>.lock`, held while presenting: a second presenter sees it.
    _lock: File,
    followers: Vec<Peer>,
    /// Connections that have not said `hello` yet, and when each was accepted.
    pending: Vec<(Peer, Instant)>,
    /// Commands a connection sent right after its `hello`, read while it was taken in.
    early: Vec<Command>,
    /// The last state published, as a line: what a new follower gets first.
    last: Option<String>,
}

/// One connection and its buffers, on either side.
#[derive(Debug)]
struct Peer {
    stream: UnixStream,
    reader: LineReader,
    out: Outbox,
}

impl Presenter {
    /// Listens on `path`. A socket left behind by a presenter that crashed is removed and bound
    /// again; while a presenter is running there, this fails with "another presenter is running".
    pub fn bind(path: &Path) -> io::Result<Presenter> {
        let busy = || {
            io::Error::new(
                ErrorKind::AddrInUse,
                format!("another presenter is running (socket {})", path.display()),
            )
        };
        let lock = lock(path, busy)?;
        let listener = match UnixListener::bind(path) {
            Ok(l) => l,
            Err(e) if e.kind() == ErrorKind::AddrInUse => {
                remove_stale(path, busy)?;
                UnixListener::bind(path).map_err(|e| in_context(path, e))?
            }
            Err(e) => return Err(in_context(path, e)),
        };
        listener.set_nonblocking(true)?;
        make_private(path)?;
        Ok(Presenter {
            path: path.to_path_buf(),
            listener,
            _lock: lock,
            followers: Vec::new(),
            pending: Vec::new(),
            early: Vec::new(),
            last: None,
        })
    }

    /// The socket it listens on.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// What a loop waits on for followers: the listener (a follower connecting) and each
    /// follower's socket (a command, or a hang-up).
    pub fn wake_fds(&self) -> Vec<RawFd> {
        std::iter::once(self.listener.as_raw_fd())
            .chain(self.followers.iter().map(|p| p.stream.as_raw_fd()))
            .collect()
    }

    /// Whether some follower has not taken all that was sent to it: the loop must try again soon.
    pub fn behind(&self) -> bool {
        self.followers.iter().any(|p| p.out.queued() > 0)
    }

    /// How many followers are connected.
    pub fn followers(&self) -> usize {
        self.followers.len()
    }

    /// Sends `state` to every follower (when it differs from the last one), without waiting: a
    /// follower that is behind gets only the newest state, one that is gone is dropped. Followers
    /// that connected since the last call are taken in and get it first.
    pub fn publish(&mut self, state: &State) {
        let line = state.to_line();
        if self.last.as_ref() != Some(&line) {
            let pending = self.pending.iter_mut().map(|(peer, _)| peer);
            for peer in self.followers.iter_mut().chain(pending) {
                peer.out.replace_state(line.clone());
            }
            self.last = Some(line);
        }
        self.followers
            .retain_mut(|peer| peer.out.flush(&mut peer.stream).is_ok());
        self.accept();
        self.greet();
    }

    /// The commands followers sent since the last call, in the order read. Takes in new
    /// followers, passes on what is still to be sent, and drops followers that are gone.
    pub fn commands(&mut self) -> Vec<Command> {
        self.accept();
        self.greet();
        let mut commands = std::mem::take(&mut self.early);
        self.followers.retain_mut(|peer| {
            let mut lines = Vec::new();
            let alive = peer.out.flush(&mut peer.stream).is_ok() && peer.read(&mut lines);
            let mut compatible = true;
            for line in &lines {
                match parse(line) {
                    Some(Message::Command(c)) => commands.push(c),
                    Some(Message::Hello(v)) if v != VERSION => compatible = false,
                    _ => {}
                }
            }
            alive && compatible
        });
        commands
    }

    /// Takes every connection waiting, from this user only (`SO_PEERCRED`): each gets `hello` and
    /// the last state, and waits among the pending until it says `hello` too.
    fn accept(&mut self) {
        loop {
            let stream = match self.listener.accept() {
                Ok((stream, _)) => stream,
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                // WouldBlock: no one else waits. Anything else (out of files): try next time.
                Err(_) => return,
            };
            if !same_user(&stream) || stream.set_nonblocking(true).is_err() {
                continue;
            }
            let mut peer = Peer::new(stream);
            peer.out.push(hello());
            if let Some(last) = &self.last {
                peer.out.push(last.clone());
            }
            if peer.out.flush(&mut peer.stream).is_ok() {
                if self.pending.len() >= MAX_PENDING {
                    self.pending.remove(0);
                }
                self.pending.push((peer, Instant::now()));
            }
        }
    }

    /// Connections that said `hello` in our version, or a command, become followers (while there is
    /// room); those that speak another version, went away or said nothing understood for
    /// [`HELLO_TIMEOUT`] are dropped.
    fn greet(&mut self) {
        let now = Instant::now();
        let mut waiting = Vec::new();
        for (mut peer, since) in std::mem::take(&mut self.pending) {
            let mut lines = Vec::new();
            if !(peer.out.flush(&mut peer.stream).is_ok() && peer.read(&mut lines)) {
                continue;
            }
            // The first thing understood: `hello` (a follower) or a command (a script).
            let first = lines.iter().position(|l| parse(l).is_some());
            match first {
                Some(i) => {
                    let other_version = matches!(parse(&lines[i]), Some(Message::Hello(v)) if v != VERSION);
                    if !other_version && self.followers.len() < MAX_FOLLOWERS {
                        self.early.extend(lines[i..].iter().filter_map(|l| match parse(l) {
                            Some(Message::Command(c)) => Some(c),
                            _ => None,
                        }));
                        self.followers.push(peer);
                    }
                }
                None if now.duration_since(since) < HELLO_TIMEOUT => waiting.push((peer, since)),
                None => {}
            }
        }
        self.pending = waiting;
    }
}

impl Drop for Presenter {
    /// Removes the socket, so followers wait for the next presenter rather than a dead file. The
    /// lock file stays: removing it would let two presenters lock two different files.
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// The follower's end: attaches to a presenter whenever one is there and follows its state.
#[derive(Debug)]
pub struct Follower {
    path: PathBuf,
    conn: Option<Conn>,
    /// When to try connecting next.
    next_try: Instant,
}

#[derive(Debug)]
struct Conn {
    peer: Peer,
    /// The presenter said `hello` in our version.
    attached: bool,
}

impl Follower {
    /// A follower of the presenter at `path`; it connects on the first [`Follower::poll`].
    pub fn new(path: &Path) -> Follower {
        Follower {
            path: path.to_path_buf(),
            conn: None,
            next_try: Instant::now(),
        }
    }

    /// The socket it follows.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// What a loop waits on: the presenter's socket while connected.
    pub fn wake_fd(&self) -> Option<RawFd> {
        self.conn.as_ref().map(|c| c.peer.stream.as_raw_fd())
    }

    /// How long a loop may wait before [`Follower::poll`] has something to do without input: the
    /// next try to connect, or a command still to be sent; None while connected and idle.
    pub fn due_in(&self) -> Option<Duration> {
        match &self.conn {
            None => Some(self.next_try.saturating_duration_since(Instant::now())),
            Some(c) if c.peer.out.queued() > 0 => Some(Duration::from_millis(20)),
            Some(_) => None,
        }
    }

    /// Whether a presenter is attached.
    pub fn is_attached(&self) -> bool {
        self.conn.as_ref().is_some_and(|c| c.attached)
    }

    /// What happened since the last call, without waiting: connects when a presenter has appeared
    /// (trying every 150 ms), reads its state, notices when it is gone. Call it when
    /// [`Follower::due_in`] says, and whenever [`Follower::wake_fd`] has input.
    pub fn poll(&mut self) -> Vec<Event> {
        let mut events = Vec::new();
        let now = Instant::now();
        if self.conn.is_none() && now >= self.next_try {
            self.next_try = now + RETRY;
            if let Ok(stream) = connect(&self.path) {
                let mut peer = Peer::new(stream);
                peer.out.push(hello());
                self.conn = Some(Conn { peer, attached: false });
            }
        }
        let Some(conn) = &mut self.conn else {
            return events;
        };
        let mut lines = Vec::new();
        let mut alive = conn.peer.out.flush(&mut conn.peer.stream).is_ok() && conn.peer.read(&mut lines);
        for line in &lines {
            match parse(line) {
                Some(Message::Hello(VERSION)) if !conn.attached => {
                    conn.attached = true;
                    events.push(Event::Attached);
                }
                Some(Message::Hello(v)) if v != VERSION => {
                    events.push(Event::Refused(format!(
                        "the presenter speaks protocol {v}, this k8s-course {VERSION}: run the same version"
                    )));
                    self.next_try = now + RETRY_REFUSED;
                    alive = false;
                    break;
                }
                Some(Message::State(state)) if conn.attached => events.push(Event::State(state)),
                _ => {}
            }
        }
        if !alive {
            if conn.attached {
                events.push(Event::Detached);
            }
            self.conn = None;
        }
        events
    }

    /// Sends `cmd` to the presenter without waiting. Fails when no presenter is attached, or when
    /// it has stopped reading (the command is then dropped).
    pub fn send(&mut self, cmd: Command) -> io::Result<()> {
        let Some(conn) = self.conn.as_mut().filter(|c| c.attached) else {
            return Err(io::Error::new(ErrorKind::NotConnected, "not following a presenter"));
        };
        if conn.peer.out.queued() >= MAX_QUEUED {
            return Err(io::Error::new(ErrorKind::WouldBlock, "the presenter is not answering"));
        }
        conn.peer.out.push(cmd.to_line());
        conn.peer.out.flush(&mut conn.peer.stream)
    }
}

impl Peer {
    fn new(stream: UnixStream) -> Peer {
        Peer {
            stream,
            reader: LineReader::default(),
            out: Outbox::default(),
        }
    }

    /// Reads what has arrived into `lines`; false when the other end has gone.
    fn read(&mut self, lines: &mut Vec<String>) -> bool {
        let mut buf = [0u8; 4096];
        let mut total = 0;
        while total < READ_BUDGET {
            match self.stream.read(&mut buf) {
                Ok(0) => return false,
                Ok(n) => {
                    self.reader.feed(&buf[..n], lines);
                    total += n;
                }
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(e) if e.kind() == ErrorKind::WouldBlock => break,
                Err(_) => return false,
            }
        }
        true
    }
}

/// Lines waiting to be written to one peer. A line is written whole or not begun, so a slow
/// reader never sees half a line followed by another.
#[derive(Debug, Default)]
struct Outbox {
    /// The rest of a line partly written.
    started: Vec<u8>,
    /// Whole lines not begun.
    waiting: VecDeque<String>,
}

impl Outbox {
    fn push(&mut self, line: String) {
        self.waiting.push_back(line);
    }

    /// Queues a state line in place of any state line not yet begun: only the newest matters.
    fn replace_state(&mut self, line: String) {
        self.waiting.retain(|l| !l.starts_with("state "));
        self.waiting.push_back(line);
    }

    fn queued(&self) -> usize {
        self.waiting.len() + usize::from(!self.started.is_empty())
    }

    /// Writes as much as the socket takes now; an error means the peer is gone.
    fn flush(&mut self, stream: &mut UnixStream) -> io::Result<()> {
        loop {
            if self.started.is_empty() {
                match self.waiting.pop_front() {
                    Some(line) => self.started = line.into_bytes(),
                    None => return Ok(()),
                }
            }
            match stream.write(&self.started) {
                Ok(0) => return Err(ErrorKind::WriteZero.into()),
                Ok(n) => {
                    self.started.drain(..n);
                }
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(e) if e.kind() == ErrorKind::WouldBlock => return Ok(()),
                Err(e) => return Err(e),
            }
        }
    }
}
