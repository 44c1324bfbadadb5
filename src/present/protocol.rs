//! The wire format between a presenter and its followers: one message per `\n`-terminated UTF-8
//! line, a word saying what it is, then `key=value` fields with their values percent-encoded.
//! See the module doc of [`crate::present`] for the messages.
//!
//! Reading is forgiving so that either side can be extended: unknown messages and unknown fields
//! are ignored, and so is a line that is not UTF-8, has a bad escape or is longer than
//! [`MAX_LINE`] bytes (the reader skips it whole, up to its newline).

use std::fmt::Write as _;

/// The protocol version in the `hello` line. Raised for changes an older peer would misread or
/// silently drop: 2 added `cmd act`, `cmd run` and `cmd find` (an older presenter would ignore
/// every key but three), and the state's `flash`, `error` and `selecting`.
pub const VERSION: u32 = 2;

/// The longest line either side accepts, newline excluded. A state line is about 150 bytes.
pub const MAX_LINE: usize = 4096;

/// The first words of the `hello` line each side sends first: `hello k8s-course-present 2`.
const HELLO: &str = "hello k8s-course-present";

/// What the presenter shows, published to every follower whenever it changes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct State {
    /// Index of the lesson in the course.
    pub lesson: usize,
    /// Index of the slide in the lesson (`SlideIndex.0`).
    pub slide: usize,
    /// Whether the narration is playing.
    pub playing: bool,
    /// Where the narration is, in script time (what segments are timed in), milliseconds.
    pub position_ms: u64,
    /// The narration speed as the player shows it (`1.5x`).
    pub speed: String,
    /// The session timer as the header shows it (`lecture 12:34 / 20:00`, `break 4:59`).
    pub session: String,
    /// The presenter's last message (`playing 4/24 at 1x`, `no narration on 1.3`): shown in the
    /// notes window only, never on the audience's screen. Empty when there is none.
    pub flash: String,
    /// Whether that message reports a problem.
    pub flash_error: bool,
    /// Whether a diagram component is selected: the arrows then move the selection, in the notes
    /// window as on the presenter's keyboard.
    pub selecting: bool,
}

/// The longest `:` command line or filter text a follower may send, in bytes: far more than a
/// slide id, a speed or a search, far less than a line.
pub const MAX_TEXT: usize = 512;

/// What a follower asks the presenter to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Next slide.
    Next,
    /// Previous slide.
    Prev,
    /// Play or pause the narration.
    PlayPause,
    /// Any action a key can be bound to, by its name in the action registry (`half_page_down`):
    /// only names the registry has are read, so the presenter can act on it without checking.
    Act(&'static str),
    /// A `:` command line as typed (`3.1`, `speed 1.5`): the presenter parses it like its own.
    Run(String),
    /// Filter text for `/`: the presenter filters as if it were typed there.
    Find(String),
}

/// One line, understood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Message {
    Hello(u32),
    State(State),
    Command(Command),
}

impl Command {
    /// `cmd next\n`, `cmd act name=half_page_down\n`, `cmd run line=speed%201.5\n`.
    pub fn to_line(&self) -> String {
        match self {
            Command::Next => "cmd next\n".into(),
            Command::Prev => "cmd prev\n".into(),
            Command::PlayPause => "cmd play\n".into(),
            Command::Act(name) => format!("cmd act name={name}\n"),
            Command::Run(line) => format!("cmd run line={}\n", escape(line)),
            Command::Find(text) => format!("cmd find text={}\n", escape(text)),
        }
    }

    /// The words after `cmd`; `None` for an unknown command, an action the registry doesn't
    /// have, or text that is badly escaped or longer than [`MAX_TEXT`].
    fn from_words(rest: &str) -> Option<Command> {
        let (word, fields) = rest.trim().split_once(' ').unwrap_or((rest.trim(), ""));
        // The one field each command takes: `key=value`, escaped.
        let field = |key: &str| {
            let value = fields.split(' ').find_map(|f| f.strip_prefix(key)?.strip_prefix('='))?;
            let text = crate::text::clean_line(&unescape(value)?);
            (text.len() <= MAX_TEXT).then_some(text)
        };
        match word {
            "next" => Some(Command::Next),
            "prev" => Some(Command::Prev),
            "play" => Some(Command::PlayPause),
            "act" => Some(Command::Act(crate::keymap::bindable(&field("name")?)?.name)),
            "run" => Some(Command::Run(field("line")?)),
            "find" => Some(Command::Find(field("text")?)),
            _ => None,
        }
    }
}

impl State {
    /// `state lesson=0 slide=4 playing=1 position=300000 speed=1.5x session=lecture%2012:34...
    /// flash=playing%204/24 error=0 selecting=0\n`.
    pub fn to_line(&self) -> String {
        format!(
            "state lesson={} slide={} playing={} position={} speed={} session={} flash={} error={} selecting={}\n",
            self.lesson,
            self.slide,
            u8::from(self.playing),
            self.position_ms,
            escape(&self.speed),
            escape(&self.session),
            escape(&self.flash),
            u8::from(self.flash_error),
            u8::from(self.selecting),
        )
    }

    /// The fields after `state`; `None` without a valid `lesson` and `slide`. Other fields default
    /// when missing or unreadable; unknown ones are ignored.
    fn from_fields(fields: &str) -> Option<State> {
        let (mut lesson, mut slide) = (None, None);
        let mut state = State::default();
        for field in fields.split(' ') {
            let Some((key, value)) = field.split_once('=') else {
                continue;
            };
            match key {
                "lesson" => lesson = Some(value.parse().ok()?),
                "slide" => slide = Some(value.parse().ok()?),
                "playing" => state.playing = value == "1",
                "position" => state.position_ms = value.parse().unwrap_or(0),
                // Shown in the notes window: what a peer sends is cleaned like any file's text.
                "speed" => state.speed = unescape(value).map(|s| crate::text::clean_line(&s)).unwrap_or_default(),
                "session" => state.session = unescape(value).map(|s| crate::text::clean_line(&s)).unwrap_or_default(),
                "flash" => state.flash = unescape(value).map(|s| crate::text::clean_line(&s)).unwrap_or_default(),
                "error" => state.flash_error = value == "1",
                "selecting" => state.selecting = value == "1",
                _ => {}
            }
        }
        state.lesson = lesson?;
        state.slide = slide?;
        Some(state)
    }
}

/// The `hello` line, sent first by both sides.
pub(crate) fn hello() -> String {
    format!("{HELLO} {VERSION}\n")
}

/// Reads one line (without its newline); `None` for anything not understood.
pub(crate) fn parse(line: &str) -> Option<Message> {
    let (word, rest) = line.split_once(' ').unwrap_or((line, ""));
    match word {
        "hello" => {
            let version = line.strip_prefix(HELLO)?.strip_prefix(' ')?;
            Some(Message::Hello(version.trim().parse().ok()?))
        }
        "state" => State::from_fields(rest).map(Message::State),
        "cmd" => Command::from_words(rest).map(Message::Command),
        _ => None,
    }
}

/// Percent-encodes what would break a line apart: `%`, spaces, `=` and control characters. Other
/// text, Hangul included, goes as it is, so a line stays readable.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c == '%' || c == ' ' || c == '=' || c.is_control() {
            let mut buf = [0; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                let _ = write!(out, "%{b:02X}");
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Undoes [`escape`]; `None` for a `%` not followed by two hex digits, or bytes that are not UTF-8.
pub(crate) fn unescape(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Splits a byte stream into lines, whatever pieces it arrives in. A line longer than
/// [`MAX_LINE`] is dropped whole, and so is one that is not UTF-8; memory stays bounded.
#[derive(Debug, Default)]
pub(crate) struct LineReader {
    /// The start of a line whose newline has not come yet.
    partial: Vec<u8>,
    /// Inside an over-long line: drop everything up to the next newline.
    skipping: bool,
}

impl LineReader {
    /// Takes bytes just read and appends the complete lines among them to `lines`.
    pub(crate) fn feed(&mut self, mut bytes: &[u8], lines: &mut Vec<String>) {
        while let Some(end) = bytes.iter().position(|&b| b == b'\n') {
            let (line, rest) = (&bytes[..end], &bytes[end + 1..]);
            bytes = rest;
            if std::mem::take(&mut self.skipping) {
                self.partial.clear();
                continue;
            }
            self.partial.extend_from_slice(line);
            let whole = std::mem::take(&mut self.partial);
            if whole.len() <= MAX_LINE
                && let Ok(mut text) = String::from_utf8(whole)
            {
                if text.ends_with('\r') {
                    text.pop();
                }
                lines.push(text);
            }
        }
        if self.skipping {
            return;
        }
        self.partial.extend_from_slice(bytes);
        if self.partial.len() > MAX_LINE {
            self.partial = Vec::new();
            self.skipping = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> State {
        State {
            lesson: 0,
            slide: 4,
            playing: true,
            position_ms: 300_000,
            speed: "1.5x".into(),
            session: "lecture 12:34 / 20:00".into(),
            flash: "playing 4/24 at 1x".into(),
            flash_error: false,
            selecting: false,
        }
    }

    #[test]
    fn a_state_goes_and_comes_back() {
        let line = state().to_line();
        assert_eq!(
            line,
            "state lesson=0 slide=4 playing=1 position=300000 speed=1.5x session=lecture%2012:34%20/%2020:00 \
             flash=playing%204/24%20at%201x error=0 selecting=0\n"
        );
        assert_eq!(parse(line.trim_end()), Some(Message::State(state())));
    }

    #[test]
    fn free_text_survives_escaping() {
        for text in ["쉬는 시간 4:59", "100% a=b", "line\nbreak\ttab", "", "%zz"] {
            assert_eq!(unescape(&escape(text)).as_deref(), Some(text));
            assert!(!escape(text).contains([' ', '\n', '=']), "{text:?}");
        }
        assert_eq!(unescape("%E1%84"), None, "not UTF-8");
        assert_eq!(unescape("50%"), None, "a bare %");
        assert_eq!(unescape("%G0"), None);
    }

    #[test]
    fn unknown_fields_are_ignored_and_required_ones_checked() {
        let Some(Message::State(s)) = parse("state slide=2 lesson=1 colour=red playing=0") else {
            panic!("not read");
        };
        assert_eq!((s.lesson, s.slide, s.playing, s.position_ms), (1, 2, false, 0));
        assert_eq!(parse("state lesson=1"), None, "no slide");
        assert_eq!(parse("state lesson=x slide=1"), None);
        let Some(Message::State(s)) = parse("state lesson=0 slide=1 flag session=%zz") else {
            panic!("a field without a value, or with a bad escape, spoils only itself");
        };
        assert_eq!((s.slide, s.session.as_str()), (1, ""));
        assert_eq!(parse("status lesson=0 slide=1"), None);
    }

    #[test]
    fn commands_and_hello() {
        assert_eq!(parse("cmd next"), Some(Message::Command(Command::Next)));
        assert_eq!(
            parse(Command::Prev.to_line().trim_end()),
            Some(Message::Command(Command::Prev))
        );
        assert_eq!(parse("cmd play"), Some(Message::Command(Command::PlayPause)));
        assert_eq!(parse("cmd jump"), None);
        assert_eq!(parse(hello().trim_end()), Some(Message::Hello(VERSION)));
        assert_eq!(parse("hello k8s-course-present 7"), Some(Message::Hello(7)));
        assert_eq!(parse("hello someone-else 2"), None);
    }

    #[test]
    fn any_registry_action_and_command_lines_go_over() {
        for cmd in [
            Command::Act("half_page_down"),
            Command::Act("first"),
            Command::Run("3.1".into()),
            Command::Run("speed 1.5".into()),
            Command::Find("파드 = pod 100%".into()),
        ] {
            assert_eq!(
                parse(cmd.to_line().trim_end()),
                Some(Message::Command(cmd.clone())),
                "{cmd:?}"
            );
        }
        assert_eq!(parse("cmd act name=down"), Some(Message::Command(Command::Act("down"))));
        // Only what the registry has, and text within bounds, is read.
        assert_eq!(parse("cmd act name=format_disk"), None);
        assert_eq!(parse("cmd act"), None);
        assert_eq!(parse("cmd run"), None);
        assert_eq!(parse("cmd run line=%zz"), None);
        assert_eq!(parse(&format!("cmd run line={}", "x".repeat(MAX_TEXT + 1))), None);
        let Some(Message::Command(Command::Run(line))) = parse("cmd run line=%1B[2Jgoto%203.1") else {
            panic!("a line with a control character is read, cleaned");
        };
        assert!(!line.contains('\u{1b}'), "{line:?}");
    }

    #[test]
    fn lines_come_whole_whatever_the_pieces() {
        let mut reader = LineReader::default();
        let mut lines = Vec::new();
        let text = "cmd next\r\ncmd prev\n상태\n";
        for b in text.as_bytes() {
            reader.feed(std::slice::from_ref(b), &mut lines);
        }
        assert_eq!(lines, ["cmd next", "cmd prev", "상태"]);
    }

    #[test]
    fn long_and_broken_lines_are_dropped_whole() {
        let mut reader = LineReader::default();
        let mut lines = Vec::new();
        let long = "x".repeat(MAX_LINE + 10);
        reader.feed(long.as_bytes(), &mut lines);
        reader.feed(b"still the long line\ncmd next\n", &mut lines);
        reader.feed(b"\xff\xfe\ncmd prev\n", &mut lines);
        let fits = "y".repeat(MAX_LINE);
        reader.feed(format!("{fits}\n").as_bytes(), &mut lines);
        assert_eq!(lines, ["cmd next".to_string(), "cmd prev".to_string(), fits]);
    }
}
