//! Markdown body -> a flat list of top-level [`Piece`]s (headings, blocks, the summary card), via
//! pulldown-cmark. Grouping pieces into chapters and slides is `post`'s job.
//!
//! Built with an explicit stack, not recursion: a post nested thousands of levels deep cannot
//! overflow it, and containers deeper than [`MAX_NESTING`] are flattened into their parent.

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

use super::diag::LineIndex;
use super::html;
use crate::content::{Align, Block, CodeBlock, Inline, InlineStyle, List, Table};
use crate::text::{clean_code, clean_text};

/// Quotes and lists nested deeper than this are shown at this depth.
pub const MAX_NESTING: usize = 12;

/// A top-level piece of the body, with its 1-based line in the file.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    Heading {
        level: u8,
        text: Vec<Inline>,
        line: usize,
    },
    Block {
        block: Block,
        line: usize,
    },
    /// An HTML block, kept raw for the card parser.
    Html {
        html: String,
        line: usize,
    },
}

/// The pieces, and `(line, message)` warnings about what was simplified.
#[derive(Debug, Default)]
pub struct Parsed {
    pub pieces: Vec<Piece>,
    pub warnings: Vec<(usize, String)>,
}

enum Frame {
    Quote(Vec<Block>),
    List {
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    Item(Vec<Block>),
    /// `implicit`: opened by loose text in a tight list item, closed by the next block.
    Para {
        inlines: Vec<Inline>,
        implicit: bool,
    },
    Heading(u8, Vec<Inline>),
    Table {
        table: Table,
        row: Vec<Vec<Inline>>,
    },
    Cell(Vec<Inline>),
    Code {
        lang: Option<String>,
        text: String,
    },
    Html(String),
    /// A container past `MAX_NESTING`, or a construct not modelled: content goes to the parent.
    Passthrough,
}

impl Frame {
    fn is_container(&self) -> bool {
        matches!(self, Frame::Quote(_) | Frame::List { .. } | Frame::Item(_))
    }
}

struct Builder {
    lines: LineIndex,
    first_line: usize,
    stack: Vec<(Frame, usize)>,
    out: Parsed,
    bold: usize,
    italic: usize,
    strike: usize,
    links: Vec<String>,
}

/// Parses a post body that starts on line `first_line` of its file.
pub fn parse(body: &str, first_line: usize) -> Parsed {
    let mut b = Builder {
        lines: LineIndex::new(body),
        first_line,
        stack: Vec::new(),
        out: Parsed::default(),
        bold: 0,
        italic: 0,
        strike: 0,
        links: Vec::new(),
    };
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        b.event(event, range.start);
    }
    while let Some((frame, line)) = b.stack.pop() {
        b.finish(frame, line);
    }
    b.out
}

impl Builder {
    fn line(&self, offset: usize) -> usize {
        self.lines.line_of(offset) + self.first_line - 1
    }

    fn depth(&self) -> usize {
        self.stack.iter().filter(|(f, _)| f.is_container()).count()
    }

    fn open(&mut self, frame: Frame, offset: usize) {
        let line = self.line(offset);
        self.stack.push((frame, line));
    }

    fn event(&mut self, event: Event<'_>, offset: usize) {
        match event {
            Event::Start(tag) => self.start(tag, offset),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => {
                if let Some((Frame::Code { text, .. } | Frame::Html(text), _)) = self.stack.last_mut() {
                    text.push_str(&t);
                } else {
                    self.push_inline(&t, false, offset);
                }
            }
            Event::Code(t) => self.push_inline(&t, true, offset),
            Event::InlineMath(t) | Event::DisplayMath(t) => self.push_inline(&t, true, offset),
            Event::Html(h) => match self.stack.last_mut() {
                Some((Frame::Html(text), _)) => text.push_str(&h),
                _ => self.inline_html(&h, offset),
            },
            Event::InlineHtml(h) => self.inline_html(&h, offset),
            Event::SoftBreak => self.push_inline(" ", false, offset),
            Event::HardBreak => self.push_inline("\n", false, offset),
            Event::Rule => self.push_block(Block::Rule, offset),
            Event::TaskListMarker(done) => self.push_inline(if done { "[x] " } else { "[ ] " }, false, offset),
            Event::FootnoteReference(name) => self.push_inline(&format!("[^{name}]"), false, offset),
        }
    }

    fn start(&mut self, tag: Tag<'_>, offset: usize) {
        let block_level = !matches!(
            tag,
            Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. } | Tag::Image { .. }
        ) && !matches!(tag, Tag::Superscript | Tag::Subscript);
        if block_level {
            self.close_implicit_para();
        }
        let deep = self.depth() >= MAX_NESTING;
        let frame = match tag {
            Tag::Paragraph => Frame::Para {
                inlines: Vec::new(),
                implicit: false,
            },
            Tag::Heading { level, .. } => Frame::Heading(level as u8, Vec::new()),
            Tag::BlockQuote(_) if !deep => Frame::Quote(Vec::new()),
            Tag::List(start) if !deep => Frame::List {
                start,
                items: Vec::new(),
            },
            Tag::Item if !deep => Frame::Item(Vec::new()),
            Tag::BlockQuote(_) | Tag::List(_) | Tag::Item => {
                let line = self.line(offset);
                if !self.out.warnings.iter().any(|(l, _)| *l == line) {
                    self.out.warnings.push((
                        line,
                        format!("nested more than {MAX_NESTING} levels deep: deeper levels are shown flattened"),
                    ));
                }
                Frame::Passthrough
            }
            Tag::CodeBlock(kind) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => info.split_whitespace().next().map(|l| clean_text(l).to_lowercase()),
                    CodeBlockKind::Indented => None,
                };
                Frame::Code {
                    lang,
                    text: String::new(),
                }
            }
            Tag::HtmlBlock => Frame::Html(String::new()),
            Tag::Table(align) => Frame::Table {
                table: Table {
                    align: align
                        .iter()
                        .map(|a| match a {
                            pulldown_cmark::Alignment::Center => Align::Center,
                            pulldown_cmark::Alignment::Right => Align::Right,
                            _ => Align::Left,
                        })
                        .collect(),
                    header: Vec::new(),
                    rows: Vec::new(),
                },
                row: Vec::new(),
            },
            Tag::TableCell => Frame::Cell(Vec::new()),
            Tag::TableHead | Tag::TableRow => return,
            Tag::Emphasis => return self.italic += 1,
            Tag::Strong => return self.bold += 1,
            Tag::Strikethrough => return self.strike += 1,
            Tag::Link { dest_url, .. } => return self.links.push(clean_text(&dest_url)),
            Tag::Image { dest_url, .. } => {
                self.links.push(clean_text(&dest_url));
                return self.push_inline("🖼 ", false, offset);
            }
            _ => Frame::Passthrough,
        };
        self.open(frame, offset);
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Emphasis => return self.italic = self.italic.saturating_sub(1),
            TagEnd::Strong => return self.bold = self.bold.saturating_sub(1),
            TagEnd::Strikethrough => return self.strike = self.strike.saturating_sub(1),
            TagEnd::Link | TagEnd::Image => {
                self.links.pop();
                return;
            }
            TagEnd::Superscript | TagEnd::Subscript => return,
            TagEnd::TableHead => {
                if let Some((Frame::Table { table, row }, _)) = self.stack.last_mut() {
                    table.header = std::mem::take(row);
                }
                return;
            }
            TagEnd::TableRow => {
                if let Some((Frame::Table { table, row }, _)) = self.stack.last_mut() {
                    table.rows.push(std::mem::take(row));
                }
                return;
            }
            _ => {}
        }
        self.close_implicit_para();
        if let Some((frame, line)) = self.stack.pop() {
            self.finish(frame, line);
        }
    }

    /// Turns a closed frame into a block (or piece) and hands it to its parent.
    fn finish(&mut self, frame: Frame, line: usize) {
        let block = match frame {
            Frame::Para { inlines, .. } if inlines.is_empty() => return,
            Frame::Para { inlines, .. } => Block::Paragraph(inlines),
            Frame::Heading(level, text) => {
                if self.stack.iter().all(|(f, _)| matches!(f, Frame::Passthrough)) {
                    self.out.pieces.push(Piece::Heading { level, text, line });
                    return;
                }
                Block::Heading { level, text }
            }
            Frame::Quote(blocks) => Block::Quote(blocks),
            Frame::List { start, items } => Block::List(List { start, items }),
            Frame::Item(blocks) => {
                if let Some((Frame::List { items, .. }, _)) = self.stack.last_mut() {
                    items.push(blocks);
                } else {
                    blocks.into_iter().for_each(|b| self.push_block_at(b, line));
                }
                return;
            }
            Frame::Table { table, .. } => Block::Table(table),
            Frame::Cell(inlines) => {
                if let Some((Frame::Table { row, .. }, _)) = self.stack.last_mut() {
                    row.push(inlines);
                }
                return;
            }
            Frame::Code { lang, text } => {
                let text = clean_code(text.strip_suffix('\n').unwrap_or(&text));
                if lang.is_none() && is_box_drawing(&text) {
                    Block::Diagram { text }
                } else {
                    Block::Code(CodeBlock { lang, text, line })
                }
            }
            Frame::Html(raw) => {
                if self.stack.is_empty() {
                    self.out.pieces.push(Piece::Html { html: raw, line });
                    return;
                }
                let text = html_to_text(&raw);
                if text.is_empty() {
                    return;
                }
                Block::Paragraph(vec![Inline {
                    text,
                    ..Inline::default()
                }])
            }
            Frame::Passthrough => return,
        };
        self.push_block_at(block, line);
    }

    fn push_block(&mut self, block: Block, offset: usize) {
        self.close_implicit_para();
        let line = self.line(offset);
        self.push_block_at(block, line);
    }

    /// Gives `block` to the nearest open container, or makes it a top-level piece.
    fn push_block_at(&mut self, block: Block, line: usize) {
        for (frame, _) in self.stack.iter_mut().rev() {
            match frame {
                Frame::Quote(blocks) | Frame::Item(blocks) => return blocks.push(block),
                Frame::List { items, .. } => {
                    match items.last_mut() {
                        Some(item) => item.push(block),
                        None => items.push(vec![block]),
                    }
                    return;
                }
                Frame::Passthrough => continue,
                _ => break,
            }
        }
        self.out.pieces.push(Piece::Block { block, line });
    }

    fn close_implicit_para(&mut self) {
        if let Some((Frame::Para { implicit: true, .. }, _)) = self.stack.last()
            && let Some((frame, line)) = self.stack.pop()
        {
            self.finish(frame, line);
        }
    }

    fn push_inline(&mut self, raw: &str, code: bool, offset: usize) {
        let inline = Inline {
            text: clean_text(raw),
            style: InlineStyle {
                bold: self.bold > 0,
                italic: self.italic > 0,
                code,
                strike: self.strike > 0,
            },
            link: self.links.last().cloned(),
        };
        let target = self
            .stack
            .iter_mut()
            .rev()
            .find(|(f, _)| !matches!(f, Frame::Passthrough));
        let inlines = match target {
            Some((Frame::Para { inlines, .. } | Frame::Heading(_, inlines) | Frame::Cell(inlines), _)) => inlines,
            _ => {
                // Loose text (a tight list item, or inside an unmodelled construct).
                self.open(
                    Frame::Para {
                        inlines: Vec::new(),
                        implicit: true,
                    },
                    offset,
                );
                let Some((Frame::Para { inlines, .. }, _)) = self.stack.last_mut() else {
                    return;
                };
                inlines
            }
        };
        match inlines.last_mut() {
            Some(last) if last.style == inline.style && last.link == inline.link => last.text.push_str(&inline.text),
            _ => inlines.push(inline),
        }
    }

    fn inline_html(&mut self, h: &str, offset: usize) {
        if html::is_line_break(h) {
            self.push_inline("\n", false, offset);
        }
        // Other inline tags are dropped; the text between them arrives as Text events.
    }
}

/// Inline markdown of a short text (an excerpt, a narration paragraph) as styled runs; lines stay
/// separate lines.
pub fn inlines(text: &str) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push(Inline {
                text: "\n".into(),
                ..Inline::default()
            });
        }
        match parse(line, 1).pieces.into_iter().next() {
            Some(Piece::Block {
                block: Block::Paragraph(runs),
                ..
            }) => out.extend(runs),
            _ => out.push(Inline {
                text: clean_text(line),
                ..Inline::default()
            }),
        }
    }
    out
}

/// The visible text of an HTML fragment, whitespace squashed.
pub fn html_to_text(raw: &str) -> String {
    let text: String = html::tokenize(raw)
        .into_iter()
        .filter_map(|t| match t {
            html::Token::Text(s) => Some(s),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(" ");
    clean_text(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// A fence with no language whose text is drawn with box characters is a diagram.
fn is_box_drawing(text: &str) -> bool {
    let boxes = text.chars().filter(|c| ('\u{2500}'..='\u{257f}').contains(c)).count();
    boxes >= 8
}
