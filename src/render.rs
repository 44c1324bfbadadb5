//! Slides as styled lines, wrapped to a width in display cells. Used by `show` (printed as plain
//! text or ANSI in a theme's colours) and by the player (turned into ratatui lines). No terminal IO here.

pub mod blocks;
pub mod diagram;
pub mod highlight;
pub mod raw;
pub mod wrap;

pub use blocks::slide_lines;
pub use highlight::Highlighter;

/// What a span is, so a theme can colour it. Syntax colours come separately, as `fg`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Role {
    #[default]
    Text,
    Title,
    Heading,
    Muted,
    Accent,
    InlineCode,
    Link,
    Quote,
    Border,
    TableHeader,
    CodeLabel,
    Code,
    Diagram,
    Tag,
    /// The control plane's group and components in a diagram.
    DiagramControl,
    /// A node's group and components in a diagram.
    DiagramNode,
    /// Connectors, arrowheads and edge labels in a diagram.
    DiagramEdge,
    /// The diagram component a learner has selected.
    DiagramSelected,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Style {
    pub role: Role,
    /// Exact colour from syntax highlighting.
    pub fg: Option<(u8, u8, u8)>,
    pub bold: bool,
    pub italic: bool,
    pub underline: bool,
    pub strike: bool,
}

impl Style {
    pub fn role(role: Role) -> Self {
        Self {
            role,
            ..Self::default()
        }
    }

    pub fn bold(mut self) -> Self {
        self.bold = true;
        self
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub style: Style,
}

impl Span {
    pub fn new(text: impl Into<String>, style: Style) -> Self {
        Self {
            text: text.into(),
            style,
        }
    }
}

/// One screen line.
pub type Line = Vec<Span>;

/// Width of a line in cells.
pub fn line_width(line: &[Span]) -> usize {
    line.iter().map(|s| crate::text::display_width(&s.text)).sum()
}

/// Plain text of a line.
pub fn line_text(line: &[Span]) -> String {
    line.iter().map(|s| s.text.as_str()).collect()
}
