//! The one door to serde_yaml: size and nesting are checked before it sees the text, and its
//! errors come back with line and column. (serde_yaml is archived; keeping its calls here lets it
//! be swapped.)

use serde::de::DeserializeOwned;

use super::diag::Diagnostic;

/// YAML in a course is small: front matter, `course.yaml`, `lesson.yaml`.
pub const MAX_YAML_BYTES: usize = 256 * 1024;
/// serde_yaml is quadratic on deeply nested flow collections (`[[[[...`); nothing real nests deeper.
pub const MAX_FLOW_DEPTH: usize = 32;
/// An alias bomb repeats anchors exponentially; real course files use none or a few.
pub const MAX_ALIASES: usize = 64;

/// Where the YAML sits, so errors can name the real file line.
pub struct YamlSource<'a> {
    pub path: &'a str,
    /// Line of the file on which `text` starts (1 for a whole file, 2 for front matter).
    pub first_line: usize,
    pub text: &'a str,
}

/// Parses `src.text` into `T`, or explains what is wrong and where.
pub fn parse<T: DeserializeOwned>(src: &YamlSource<'_>) -> Result<T, Diagnostic> {
    precheck(src)?;
    serde_yaml::from_str(src.text).map_err(|e| {
        let msg = e.to_string();
        let loc = e.location();
        let mut line = loc.as_ref().map_or(src.first_line, |l| l.line() + src.first_line - 1);
        let mut column = loc.as_ref().map(|l| l.column());
        // serde points a duplicate at the start of its mapping; point at the second key instead.
        if let Some(key) = duplicate_key(&msg)
            && let Some(second) = key_lines(src.text, &key).nth(1)
        {
            line = second + src.first_line;
            let text = src.text.lines().nth(second).unwrap_or("");
            column = Some(text.len() - text.trim_start().len() + 1);
        }
        Diagnostic::error(src.path, Some(line), describe(&msg)).with_column(column)
    })
}

/// The key named by serde's "duplicate field `k`" or serde_yaml's "duplicate entry with key \"k\"".
fn duplicate_key(msg: &str) -> Option<String> {
    let (rest, end) = msg
        .split_once("duplicate field `")
        .map(|(_, r)| (r, '`'))
        .or_else(|| msg.split_once("duplicate entry with key \"").map(|(_, r)| (r, '"')))?;
    rest.split(end).next().map(str::to_string)
}

/// 0-based indices of the lines that start key `key:` (at any indentation).
fn key_lines<'a>(text: &'a str, key: &'a str) -> impl Iterator<Item = usize> + 'a {
    text.lines().enumerate().filter_map(move |(i, l)| {
        let t = l.trim_start().trim_start_matches("- ").trim_start_matches(['"', '\'']);
        t.strip_prefix(key)
            .is_some_and(|rest| rest.trim_start_matches(['"', '\'']).trim_start().starts_with(':'))
            .then_some(i)
    })
}

fn describe(raw: &str) -> String {
    // serde_yaml appends " at line N column M"; we print the position in front instead.
    let msg = raw.split(" at line ").next().unwrap_or(raw);
    if msg.contains("duplicate") {
        format!("{msg}: each key may appear once; remove or rename the second one")
    } else if msg.contains("invalid type") || msg.contains("invalid value") {
        format!("wrong type: {msg}")
    } else if msg.contains("missing field") {
        format!("{msg}: add it")
    } else if msg.contains("unknown field") {
        format!("{msg}: remove it or fix its spelling")
    } else {
        format!("invalid YAML: {msg}")
    }
}

/// Refuses YAML too big, too deeply nested or with too many aliases, before any parser sees it.
pub fn precheck(src: &YamlSource<'_>) -> Result<(), Diagnostic> {
    let err = |line: usize, msg: String| Diagnostic::error(src.path, Some(line + src.first_line - 1), msg);
    if src.text.len() > MAX_YAML_BYTES {
        return Err(err(
            1,
            format!(
                "YAML block is {} bytes, more than the {} KB allowed",
                src.text.len(),
                MAX_YAML_BYTES / 1024
            ),
        ));
    }
    let mut aliases = 0;
    // Flow collections may span lines, so depth carries over; quotes do not.
    let mut depth = 0usize;
    for (i, line) in src.text.lines().enumerate() {
        let mut quote: Option<char> = None;
        let mut prev = ' ';
        // The last character before this one that is not a space; None at the start of the line.
        let mut last_solid: Option<char> = None;
        for c in line.chars() {
            // Outside a flow collection, `[` and `{` open one only where a value starts (`key: [`,
            // `- [`, the start of a line); inside a plain scalar (`1.[[[1`) they are text.
            let opens = depth > 0 || matches!(last_solid, None | Some(':' | '-' | '?'));
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '#') if prev == ' ' => break,
                (None, '"' | '\'') => quote = Some(c),
                (None, '[' | '{') if opens => depth += 1,
                (None, ']' | '}') => depth = depth.saturating_sub(1),
                (None, '*') if prev == ' ' || prev == '[' || prev == ',' => aliases += 1,
                _ => {}
            }
            if depth > MAX_FLOW_DEPTH {
                return Err(err(
                    i + 1,
                    format!("YAML nested more than {MAX_FLOW_DEPTH} levels deep: flatten it"),
                ));
            }
            prev = c;
            if c != ' ' {
                last_solid = Some(c);
            }
        }
        if aliases > MAX_ALIASES {
            return Err(err(
                i + 1,
                format!("more than {MAX_ALIASES} YAML aliases (*name): refused, this looks like an alias bomb"),
            ));
        }
    }
    Ok(())
}

/// 1-based line of the first line that starts key `key:` (at any indentation), for messages about a
/// value that parsed but means something wrong.
pub fn line_of_key(text: &str, first_line: usize, key: &str) -> Option<usize> {
    key_lines(text, key).next().map(|i| i + first_line)
}

/// Writes `value` as YAML (the progress files); the other half of this module's door.
pub fn to_string<T: serde::Serialize>(value: &T) -> Result<String, String> {
    serde_yaml::to_string(value).map_err(|e| e.to_string())
}
