//! Problems found in course files, each pointing at `path:line`.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// One problem: where, how bad, and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file as the user would type it (`course/week07/post.md`, `<built-in>/...`).
    pub path: String,
    /// 1-based line, when the problem has one.
    pub line: Option<usize>,
    /// 1-based column, when known.
    pub column: Option<usize>,
    pub message: String,
}

impl Diagnostic {
    pub fn error(path: impl Into<String>, line: Option<usize>, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, path, line, message)
    }

    pub fn warning(path: impl Into<String>, line: Option<usize>, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, path, line, message)
    }

    fn new(severity: Severity, path: impl Into<String>, line: Option<usize>, message: impl Into<String>) -> Self {
        // Messages quote course text; keep them single-line and free of controls.
        let message = crate::text::clean_line(&message.into());
        Self {
            severity,
            // Paths come from files too (a lesson's name in course.yaml).
            path: crate::text::clean_line(&path.into()),
            line,
            column: None,
            message,
        }
    }

    pub fn with_column(mut self, column: Option<usize>) -> Self {
        self.column = column;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// `path:line:column: message`, with `warning: ` before warnings.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        let kind = if self.is_error() { "" } else { "warning: " };
        write!(f, ": {kind}{}", self.message)
    }
}

/// Problems collected while loading: errors stop the load at the end, warnings are reported.
#[derive(Debug, Default)]
pub struct Diagnostics {
    pub items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }
}

/// Where each line of a text starts, so a byte offset becomes a line number in `O(log n)`
/// (counting newlines from the start for every block made loading quadratic).
pub struct LineIndex {
    /// Byte offset of the start of each line after the first.
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes `text` in one pass over its bytes.
    pub fn new(text: &str) -> Self {
        let starts = text
            .bytes()
            .enumerate()
            .filter(|&(_, b)| b == b'\n')
            .map(|(i, _)| i + 1)
            .collect();
        Self { starts }
    }

    /// 1-based line of byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset) + 1
    }
}

#[cfg(test)]
mod tests {
    use super::LineIndex;

    #[test]
    fn line_index_counts_newlines_before_the_offset() {
        let index = LineIndex::new("ab\ncd\n\ne");
        let lines: Vec<usize> = (0..=9).map(|o| index.line_of(o)).collect();
        assert_eq!(lines, [1, 1, 1, 2, 2, 2, 3, 4, 4, 4]);
    }
}
