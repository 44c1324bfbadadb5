//! YAML code blocks of a post: each must parse, and must not have had its indentation collapsed
//! (every line one space in, so keys that must nest sit side by side).

use crate::content::Diagnostic;

/// A fence line (```` ``` ```` or `~~~`, up to three spaces in) and its info string.
pub fn fence(line: &str) -> Option<&str> {
    let t = line.trim_start();
    if line.len() - t.len() > 3 {
        return None;
    }
    t.strip_prefix("```").or_else(|| t.strip_prefix("~~~")).map(str::trim)
}

/// The YAML blocks of `text`: (line of the opening fence, the block's lines).
pub(crate) fn blocks(text: &str) -> Vec<(usize, Vec<&str>)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, bool, Vec<&str>)> = None;
    for (i, line) in text.lines().enumerate() {
        match (&mut open, fence(line)) {
            (None, Some(info)) => {
                let lang = info.split_whitespace().next().unwrap_or("");
                open = Some((i + 1, matches!(lang, "yaml" | "yml"), Vec::new()));
            }
            (Some(_), Some(_)) => {
                if let Some((start, true, lines)) = open.take() {
                    out.push((start, lines));
                }
            }
            (Some((_, _, lines)), None) => lines.push(line),
            (None, None) => {}
        }
    }
    out
}

/// Every YAML block that does not parse, or whose indentation was collapsed.
pub fn check(path: &str, text: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (start, lines) in blocks(text) {
        if let Some(key) = collapsed(&lines) {
            // The re-indenter that `validate --reindent` and `import` use says whether it can help.
            let fix = match crate::manifest::reindent(&lines.join("\n")).outcome {
                crate::manifest::reindent::Outcome::Reindented => {
                    "`k8s-course validate --reindent` rebuilds this Kubernetes manifest from the schema"
                }
                _ => "indent it again",
            };
            out.push(
                Diagnostic::error(
                    path,
                    Some(start),
                    format!(
                        "this YAML block's indentation was collapsed: every nested line is one space in, so '{key}' no longer \
                         holds the keys under it; {fix}"
                    ),
                )
                .with_column(Some(1)),
            );
            continue;
        }
        let body = lines.join("\n");
        for doc in serde_yaml::Deserializer::from_str(&body) {
            if let Err(e) = serde_yaml::Value::deserialize(doc) {
                let (line, col) = e
                    .location()
                    .map_or((0, 1), |l| (l.line().saturating_sub(1), l.column()));
                out.push(
                    Diagnostic::error(
                        path,
                        Some(start + 1 + line),
                        format!("this YAML block (from line {start}) does not parse: {e}"),
                    )
                    .with_column(Some(col)),
                );
                break;
            }
        }
    }
    out
}

use serde::Deserialize as _;

/// The key that should hold the next line, when every indented line of the block is indented
/// by exactly one space and a one-space `key:` with no value is followed by a line at its own
/// indent that is not a list item (what a nesting key looks like once its children lost their
/// indent). Top-level keys stay at column 0 in such a block.
fn collapsed(lines: &[&str]) -> Option<String> {
    let indent = |l: &str| l.len() - l.trim_start().len();
    let body: Vec<&str> = lines.iter().copied().filter(|l| !l.trim().is_empty()).collect();
    let indented: Vec<&str> = body.iter().copied().filter(|l| indent(l) > 0).collect();
    if indented.len() < 2 || indented.iter().any(|l| indent(l) != 1) {
        return None;
    }
    body.windows(2).find_map(|w| {
        let t = w[0].trim();
        let opens = indent(w[0]) == 1 && t.ends_with(':') && !t.starts_with('#') && !t.starts_with("- ");
        let sibling = indent(w[1]) == 1 && !w[1].trim_start().starts_with('-');
        (opens && sibling).then(|| t.trim_end_matches(':').to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapsed_and_broken_blocks() {
        let text = "# t\n\n```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n name: web\n labels:\n app: web\n```\n\n```yaml\nkey: [1, 2\n```\n";
        let d = check("p.md", text);
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!((d[0].line, d[0].is_error()), (Some(3), true));
        assert!(d[0].message.contains("'labels'"), "{}", d[0].message);
        assert_eq!(d[1].line.map(|l| l >= 10), Some(true));
        let fine = "```yaml\napiVersion: v1\nmetadata:\n  name: web\n```\n";
        assert!(check("p.md", fine).is_empty());
    }
}
