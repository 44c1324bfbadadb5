//! `course.yaml` for an import: read the lessons it lists, and add one, keeping the file as the
//! author wrote it (comments, order, quoting) where it is a block list.

use serde::Deserialize;

/// What an import needs of an existing course.yaml.
#[derive(Debug)]
pub struct CourseFile {
    pub text: String,
    pub lessons: Vec<String>,
}

#[derive(Deserialize)]
struct Raw {
    #[serde(default)]
    lessons: Vec<String>,
}

/// Parses the course file's lesson list, or says where it does not parse.
pub fn parse(shown: &str, text: String) -> Result<CourseFile, String> {
    let raw: Raw = match serde_yaml::from_str(&text) {
        Ok(r) => r,
        Err(e) => {
            let at = e.location().map(|l| format!(":{}", l.line())).unwrap_or_default();
            let why = crate::text::clean_line(&e.to_string());
            return Err(format!(
                "{shown}{at}: the course file does not parse ({why}): fix it, then import again"
            ));
        }
    };
    let lessons = raw
        .lessons
        .iter()
        .map(|l| l.trim().trim_start_matches("./").trim_end_matches('/').to_string())
        .collect();
    Ok(CourseFile { text, lessons })
}

/// The course file with `name` added to its lessons (unchanged when it is listed already).
pub fn with_lesson(file: &CourseFile, name: &str) -> String {
    if file.lessons.iter().any(|l| l == name) {
        return file.text.clone();
    }
    let lines: Vec<&str> = file.text.lines().collect();
    let key = lines.iter().position(|l| l.trim_end() == "lessons:");
    if let Some(key) = key {
        // The block list: the key's following `- ` lines (and blank or comment lines among them).
        let mut last = key;
        let mut indent = "  ".to_string();
        for (i, l) in lines.iter().enumerate().skip(key + 1) {
            let t = l.trim_start();
            if t.starts_with("- ") || t == "-" {
                last = i;
                indent = l[..l.len() - t.len()].to_string();
            } else if !(t.is_empty() || t.starts_with('#')) {
                break;
            }
        }
        let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        out.insert(last + 1, format!("{indent}- {}", quote(name)));
        return out.join("\n") + "\n";
    }
    // No block list to extend (a flow list `[a, b]`, or none): the key is written anew.
    let kept: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| !l.trim_start().starts_with("lessons:"))
        .collect();
    let mut out = kept.join("\n");
    out.push_str("\nlessons:\n");
    for l in file.lessons.iter().map(String::as_str).chain([name]) {
        out.push_str(&format!("  - {}\n", quote(l)));
    }
    out
}

/// A new course file for a course whose first lesson is `name`.
pub fn new_course(id: &str, title: &str, name: &str) -> String {
    format!(
        "id: {}\ntitle: {}\nlanguage: ko\nlessons:\n  - {}\n",
        quote(id),
        quote(title),
        quote(name)
    )
}

/// A YAML double-quoted scalar: safe for any text.
fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_to_a_block_list_keeping_comments() {
        let f = parse("c", "id: c\ntitle: T\n# weeks\nlessons:\n  - week07\n# end\n".into()).unwrap();
        assert_eq!(
            with_lesson(&f, "week08"),
            "id: c\ntitle: T\n# weeks\nlessons:\n  - week07\n  - \"week08\"\n# end\n"
        );
        let flow = parse("c", "id: c\ntitle: T\nlessons: [a]\n".into()).unwrap();
        let text = with_lesson(&flow, "b");
        assert_eq!(parse("c", text).unwrap().lessons, ["a", "b"]);
    }
}
