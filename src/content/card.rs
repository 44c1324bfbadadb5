//! The HTML summary card at the top of a post, turned into data so no raw HTML reaches the screen.
//!
//! The card is a list of rows, each a label and a value:
//! `<div class="summary-row"><span class="summary-label">태그</span><span class="summary-value">...`.
//! Rows are recognised by their label (Korean or English); unknown rows are kept as `extra`.

use super::html::{Token, tokenize};
use crate::text::clean_line;

/// What the card says about the lesson.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SummaryCard {
    pub badge: Option<String>,
    pub title: Option<String>,
    pub category: Option<String>,
    pub tags: Vec<String>,
    pub highlights: Vec<String>,
    pub tools: Vec<String>,
    pub audience: Vec<String>,
    pub footer: Option<String>,
    /// Rows with labels this parser does not know: `(label, value)`.
    pub extra: Vec<(String, String)>,
}

/// True when an HTML block is a summary card.
pub fn is_card(html: &str) -> bool {
    html.contains("summary-card") || html.contains("summary-row")
}

/// A row being read: its label, its whole text, and its items (`<li>`, `.tag` spans).
#[derive(Default)]
struct Row {
    label: String,
    value: String,
    items: Vec<String>,
}

/// Parses a summary card. Returns `None` when it has no rows at all.
pub fn parse(html: &str) -> Option<SummaryCard> {
    let mut card = SummaryCard::default();
    let mut rows: Vec<Row> = Vec::new();
    // Stack of open elements' classes; what text belongs to is decided by the nearest class.
    let mut stack: Vec<(String, String)> = Vec::new();
    let mut item = String::new();
    for token in tokenize(html) {
        match token {
            Token::Open { tag, class } => {
                if has_class(&class, "summary-row") {
                    rows.push(Row::default());
                }
                if tag == "li" || has_class(&class, "tag") {
                    item.clear();
                }
                stack.push((tag, class));
            }
            Token::Close { tag } => {
                let Some(pos) = stack.iter().rposition(|(t, _)| *t == tag) else {
                    continue;
                };
                let (_, class) = &stack[pos];
                if (tag == "li" || has_class(class, "tag"))
                    && let Some(row) = rows.last_mut()
                    && !item.trim().is_empty()
                {
                    row.items.push(clean_line(item.trim()));
                }
                stack.truncate(pos);
            }
            Token::Text(text) => {
                let within = |name: &str| stack.iter().any(|(_, c)| has_class(c, name));
                if within("ai-badge") || within("summary-badge") {
                    card.badge = Some(clean_line(text.trim()));
                } else if within("summary-footer") || within("ai-summary-footer") {
                    let t = squash(&text);
                    if !t.is_empty() {
                        card.footer = Some(clean_line(&t));
                    }
                } else if let Some(row) = rows.last_mut() {
                    if within("summary-label") {
                        row.label.push_str(text.trim());
                    } else {
                        row.value.push_str(&text);
                        item.push_str(&text);
                    }
                }
            }
        }
    }
    if rows.is_empty() {
        return None;
    }
    for row in rows {
        let value = clean_line(&squash(&row.value));
        let list = if row.items.is_empty() {
            split_list(&value)
        } else {
            row.items
        };
        match row.label.as_str() {
            "제목" | "Title" | "title" => card.title = Some(value),
            "카테고리" | "Category" | "category" => card.category = Some(value),
            "태그" | "Tags" | "tags" => card.tags = list,
            "핵심 내용" | "Highlights" | "highlights" => card.highlights = list,
            "기술/도구" | "Tools" | "tools" => card.tools = list,
            "대상 독자" | "Audience" | "audience" => card.audience = list,
            _ => card.extra.push((clean_line(&row.label), value)),
        }
    }
    Some(card)
}

fn has_class(classes: &str, name: &str) -> bool {
    classes.split_whitespace().any(|c| c == name)
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn split_list(s: &str) -> Vec<String> {
    s.split(',')
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}
