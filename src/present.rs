//! Presenter mode: `k8s-course present` shows the audience view, and `k8s-course notes`, in a
//! second terminal on the same machine, follows it live and drives it.
//!
//! The two talk over a Unix socket in the runtime dir ([`runtime_dir_in`]: `K8S_COURSE_RUNTIME_DIR`,
//! else `$XDG_RUNTIME_DIR/k8s-course`, else `k8s-course-<uid>` in the temp dir; private, 0700),
//! one per course ([`socket_path`]: `<course id>.sock`). No network. The presenter listens
//! ([`Presenter`]); each notes window connects ([`Follower`]), and keeps trying every 150 ms
//! while no presenter is there, so either can start first and a presenter that restarts is
//! followed again. A presenter holds `<socket>.lock` (flock) while it runs: a second one is
//! refused, and the socket of one that crashed is removed by the next.
//!
//! # Protocol
//!
//! Text, one message per `\n`-terminated UTF-8 line of at most 4096 bytes, a word then
//! space-separated `key=value` fields. Values are percent-encoded where they hold `%`, spaces,
//! `=` or control characters (`lecture%2012:34%20/%2020:00`); other text, Hangul too, is sent as
//! it is.
//!
//! ```text
//! hello k8s-course-present 2      both sides, first: the protocol version
//! state lesson=0 slide=4 playing=1 position=300000 speed=1.5x session=lecture%2012:34%20/%2020:00
//!       flash=playing%2018/24%20at%201x error=0 selecting=0
//!                                 presenter -> follower: on connecting, then on every change
//! cmd act name=half_page_down     follower -> presenter: any action a key can be bound to, by its
//!                                 name in the action registry (others are ignored)
//! cmd run line=speed%201.5        a `:` command line, parsed by the presenter as if typed there
//! cmd find text=파드              a `/` filter
//! cmd next | cmd prev | cmd play  next slide, previous slide, play/pause (kept for scripts)
//! ```
//!
//! `lesson` and `slide` are indices (lesson in the course, slide in the lesson), `position` is
//! the narration's script time in milliseconds, `speed` and `session` are the texts the player
//! shows, `flash` the presenter's last message (for the notes window only: the audience view
//! doesn't show it), `selecting` whether a diagram component is selected (the arrows then move
//! it). A command's text is at most [`MAX_TEXT`] bytes, cleaned of control characters; `run`
//! never quits or suspends the presenter. A reader ignores unknown messages and fields, lines that are too long, not UTF-8 or
//! badly escaped, so either side can grow. A `hello` in another version ends the connection.
//! The presenter quitting, or dying, closes its connections: the follower reports it and waits for
//! the next presenter.
//!
//! Nothing here blocks: both ends run on their UI thread and poll. A follower that stops reading
//! never holds up the presenter; it is sent only the newest state once it reads again.
//!
//! - `protocol`: the lines, their encoding, and a reader that takes bytes in any pieces.
//! - `channel`: [`Presenter`] and [`Follower`], their buffers, and the non-blocking reads and writes.
//! - `socket`: the runtime dir, the socket's name, the presenter's lock, connecting without blocking.
//! - `notes`: the notes window's model and its event loop; `view` draws it.
//! - `lecture_clock`: when the lecture stretch began, saved so a restarted `present` keeps it.

mod channel;
pub mod lecture_clock;
pub mod notes;
pub(crate) mod protocol;
mod socket;
pub mod view;

pub use channel::{Event, Follower, Presenter};
pub use lecture_clock::LectureClock;
pub use protocol::{Command, MAX_LINE, MAX_TEXT, State, VERSION};
pub use socket::{RUNTIME_DIR_ENV, private_dir, runtime_dir_in, socket_path};
