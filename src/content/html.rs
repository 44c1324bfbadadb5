//! Just enough HTML for what posts contain: the summary card's nested divs and spans, `<br>` in
//! tables, and entities. Not a general parser: unknown markup degrades to its text.

/// One piece of an HTML fragment.
#[derive(Debug, Clone, PartialEq)]
pub enum Token {
    /// `<tag class="...">`; `tag` is lower-case.
    Open {
        tag: String,
        class: String,
    },
    Close {
        tag: String,
    },
    /// Text with entities decoded (not yet cleaned).
    Text(String),
}

/// Splits `html` into tags and text. Comments and `<!...>` are skipped.
pub fn tokenize(html: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |i| &after[i + 3..]);
            continue;
        }
        if rest.starts_with('<')
            && let Some(end) = rest.find('>')
        {
            let inner = &rest[1..end];
            rest = &rest[end + 1..];
            if let Some(name) = inner.strip_prefix('/') {
                out.push(Token::Close { tag: tag_name(name) });
            } else if !inner.starts_with('!') {
                let tag = tag_name(inner);
                out.push(Token::Open {
                    class: attr(inner, "class").unwrap_or_default(),
                    tag: tag.clone(),
                });
                if inner.ends_with('/') || is_void(&tag) {
                    out.push(Token::Close { tag });
                }
            }
            continue;
        }
        // Text runs to the next `<` after the first character (which may be a lone `<`).
        let skip = rest.chars().next().map_or(1, char::len_utf8);
        let end = rest[skip..].find('<').map_or(rest.len(), |i| i + skip);
        out.push(Token::Text(decode_entities(&rest[..end])));
        rest = &rest[end..];
    }
    out
}

fn tag_name(s: &str) -> String {
    s.trim_start()
        .split(|c: char| c.is_whitespace() || c == '/' || c == '>')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

fn is_void(tag: &str) -> bool {
    matches!(tag, "br" | "hr" | "img" | "input" | "meta" | "link" | "wbr")
}

fn attr(inner: &str, name: &str) -> Option<String> {
    let at = inner.find(&format!("{name}="))? + name.len() + 1;
    let rest = &inner[at..];
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &rest[1..];
    Some(decode_entities(&value[..value.find(quote)?]))
}

/// True for `<br>`, `<br/>` and `<br />`.
pub fn is_line_break(tag: &str) -> bool {
    let t = tag.trim().to_ascii_lowercase();
    t.starts_with("<br") && t[3..].trim_start_matches([' ', '/']).starts_with('>')
}

/// Decodes `&amp;`, `&#27;`, `&#x1b;` and the named entities exports use. Unknown ones stay as written.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let decoded = rest.find(';').filter(|&end| end <= 10).and_then(|end| {
            let name = &rest[1..end];
            let c = if let Some(num) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                u32::from_str_radix(num, 16).ok().and_then(char::from_u32)
            } else if let Some(num) = name.strip_prefix('#') {
                num.parse().ok().and_then(char::from_u32)
            } else {
                named_entity(name)
            };
            c.map(|c| (c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "middot" => '·',
        "hellip" => '…',
        "mdash" => '—',
        "ndash" => '–',
        "rarr" => '→',
        "larr" => '←',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "copy" => '©',
        "times" => '×',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities("a &amp; b &#27; &#x41; &bogus; & c"),
            "a & b \u{1b} A &bogus; & c"
        );
    }

    #[test]
    fn tags_and_classes() {
        let t = tokenize(r#"<div class="a b"><span>x &lt; y</span><br/></div>"#);
        assert_eq!(
            t[0],
            Token::Open {
                tag: "div".into(),
                class: "a b".into()
            }
        );
        assert_eq!(t[2], Token::Text("x < y".into()));
        assert!(t.contains(&Token::Close { tag: "br".into() }));
        assert!(is_line_break("<br>") && is_line_break("<BR />") && !is_line_break("<b>"));
    }
}
