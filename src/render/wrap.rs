//! Word wrapping of styled text in display cells, done here rather than by ratatui's `Paragraph`
//! because its wrapper mishandles double-width glyphs (ratatui issue 2679): a wide glyph must never
//! start in the last column. Breaks at spaces where there are spaces, between
//! characters (Hangul syllables) where a word is wider than the line; `\n` forces a break. A word may be
//! made of several styled pieces (`**컨테이너**라는`) and is never broken between them unless it
//! is wider than the line.

use unicode_width::UnicodeWidthChar;

use super::{Line, Span, Style};
use crate::text::display_width;
use crate::text::width::split_keep_spaces;

/// A word: adjacent non-space pieces, possibly of different styles.
struct Word {
    parts: Vec<(String, Style)>,
    width: usize,
}

enum Atom {
    Word(Word),
    Space(usize, Style),
    Break,
}

fn atoms(spans: &[Span]) -> Vec<Atom> {
    let mut out: Vec<Atom> = Vec::new();
    for span in spans {
        for (i, piece) in span.text.split('\n').enumerate() {
            if i > 0 {
                out.push(Atom::Break);
            }
            for run in split_keep_spaces(piece) {
                let is_space = run.starts_with(' ');
                if is_space {
                    out.push(Atom::Space(run.len(), span.style));
                } else if let Some(Atom::Word(w)) = out.last_mut() {
                    w.parts.push((run.to_string(), span.style));
                    w.width += display_width(run);
                } else {
                    out.push(Atom::Word(Word {
                        parts: vec![(run.to_string(), span.style)],
                        width: display_width(run),
                    }));
                }
            }
        }
    }
    out
}

fn push(line: &mut Line, text: &str, style: Style) {
    match line.last_mut() {
        Some(last) if last.style == style => last.text.push_str(text),
        _ => line.push(Span::new(text, style)),
    }
}

fn trim_end(mut line: Line) -> Line {
    while let Some(last) = line.last_mut() {
        let trimmed = last.text.trim_end_matches(' ').len();
        last.text.truncate(trimmed);
        if last.text.is_empty() {
            line.pop();
        } else {
            break;
        }
    }
    line
}

/// Wraps `spans` into lines of at most `width` cells (at least one line).
pub fn wrap_spans(spans: &[Span], width: usize) -> Vec<Line> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line: Line = Vec::new();
    let mut used = 0;
    for atom in atoms(spans) {
        match atom {
            Atom::Break => {
                lines.push(trim_end(std::mem::take(&mut line)));
                used = 0;
            }
            Atom::Space(n, style) => {
                if used > 0 && used + n <= width {
                    push(&mut line, &" ".repeat(n), style);
                    used += n;
                } else if used > 0 {
                    lines.push(trim_end(std::mem::take(&mut line)));
                    used = 0;
                }
            }
            Atom::Word(word) => {
                if used > 0 && used + word.width > width {
                    lines.push(trim_end(std::mem::take(&mut line)));
                    used = 0;
                }
                if word.width <= width - used {
                    word.parts.iter().for_each(|(t, s)| push(&mut line, t, *s));
                    used += word.width;
                    continue;
                }
                for (text, style) in &word.parts {
                    for c in text.chars() {
                        let cw = c.width().unwrap_or(0);
                        if used + cw > width {
                            lines.push(std::mem::take(&mut line));
                            used = 0;
                        }
                        // A glyph wider than the whole line cannot be shown: say so with `…`.
                        if cw > width {
                            push(&mut line, "…", *style);
                            used += 1;
                        } else {
                            push(&mut line, c.encode_utf8(&mut [0; 4]), *style);
                            used += cw;
                        }
                    }
                }
            }
        }
    }
    lines.push(trim_end(line));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::{Role, line_text, line_width};

    #[test]
    fn styled_words_stay_whole() {
        let spans = vec![
            Span::new("Docker는 ", Style::default()),
            Span::new("컨테이너", Style::role(Role::Text).bold()),
            Span::new("라는 환경", Style::default()),
        ];
        let lines = wrap_spans(&spans, 14);
        let texts: Vec<String> = lines.iter().map(|l| line_text(l)).collect();
        assert_eq!(texts, ["Docker는", "컨테이너라는", "환경"]);
        assert!(lines.iter().all(|l| line_width(l) <= 14));
        assert!(lines[1][0].style.bold && !lines[1][1].style.bold);
    }

    fn wrap(s: &str, width: usize) -> Vec<String> {
        wrap_spans(&[Span::new(s, Style::default())], width)
            .iter()
            .map(|l| line_text(l))
            .collect()
    }

    #[test]
    fn wraps_at_spaces_then_between_syllables() {
        assert_eq!(
            wrap("kubectl로 파드를 확인합니다", 12),
            ["kubectl로", "파드를", "확인합니다"]
        );
        assert_eq!(wrap("확인합니다", 4), ["확인", "합니", "다"]);
        assert_eq!(wrap("a\nb", 10), ["a", "b"]);
    }

    #[test]
    fn every_width_keeps_every_character_and_fits() {
        let text = "kubectl로 파드를 확인합니다 and Service를 노출합니다";
        for width in 1..=40 {
            let lines = wrap(text, width);
            for line in &lines {
                assert!(display_width(line) <= width, "width {width}: {line:?}");
            }
            let joined: String = lines.concat().chars().filter(|c| *c != ' ').collect();
            let expected: String = text.chars().filter(|c| *c != ' ').collect();
            if width >= 2 {
                assert_eq!(joined, expected, "width {width}");
            } else {
                assert_eq!(joined.chars().count(), expected.chars().count());
            }
        }
    }
}
