//! Standard error, cleaned: every line written to it goes through [`text::clean_text`] first.
//!
//! Messages quote paths, lesson names and config values, all of which come from files; cleaning
//! at the one place they leave the program means no message path can let an escape through.
//!
//! [`text::clean_text`]: crate::text::clean_text

use std::io::{self, Write};

/// A line longer than this is cleaned and written in pieces, so one huge message can't hold
/// unbounded memory.
const MAX_PENDING: usize = 64 * 1024;

/// Buffers up to a newline, then writes the line cleaned.
pub struct CleanWriter<'a> {
    inner: &'a mut dyn Write,
    pending: Vec<u8>,
}

impl<'a> CleanWriter<'a> {
    /// Cleans what is written before passing it to `inner`.
    pub fn new(inner: &'a mut dyn Write) -> Self {
        Self {
            inner,
            pending: Vec::new(),
        }
    }

    fn emit(&mut self, upto: usize) -> io::Result<()> {
        let chunk: Vec<u8> = self.pending.drain(..upto).collect();
        let text = crate::text::clean_text(&String::from_utf8_lossy(&chunk));
        self.inner.write_all(text.as_bytes())
    }
}

impl Write for CleanWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        while let Some(nl) = self.pending.iter().position(|&b| b == b'\n') {
            self.emit(nl + 1)?;
        }
        if self.pending.len() > MAX_PENDING {
            // Cut at a character boundary so the piece decodes whole.
            let mut cut = MAX_PENDING;
            while cut > 0 && (self.pending[cut] & 0xC0) == 0x80 {
                cut -= 1;
            }
            self.emit(cut)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        let n = self.pending.len();
        self.emit(n)?;
        self.inner.flush()
    }
}

impl Drop for CleanWriter<'_> {
    fn drop(&mut self) {
        // Nothing to report to if stderr itself fails.
        let _ = self.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_become_visible_and_lines_stay() {
        let mut out = Vec::new();
        {
            let mut w = CleanWriter::new(&mut out);
            write!(w, "lesson \u{1b}]0;PWNED\u{7}\u{1b}[2J").unwrap();
            writeln!(w, " missing").unwrap();
            write!(w, "tail\u{1b}").unwrap();
        }
        let text = String::from_utf8(out).unwrap();
        assert!(!text.bytes().any(|b| b < 0x20 && b != b'\n'), "{text:?}");
        assert!(
            text.starts_with("lesson ") && text.contains(" missing\ntail"),
            "{text:?}"
        );
    }
}
