//! Code blocks as plain text to run or save: `show ID --code`, the player's `c` (copy) and `w`
//! (write). No borders, wrap marks or line numbers: what the post's fence holds, ending in a newline.

use crate::content::CodeBlock;

/// One block's text, ending in exactly one newline (shells and `kubectl apply -f -` want it).
pub fn block_text(block: &CodeBlock) -> String {
    let mut text = block.text.trim_end_matches('\n').to_string();
    text.push('\n');
    text
}

/// Several blocks as one text: YAML documents after each other are joined by `---` so the whole is
/// one valid multi-document manifest; anything else is separated by a blank line.
pub fn blocks_text(blocks: &[&CodeBlock]) -> String {
    let mut out = String::new();
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 {
            let both_yaml = is_yaml(blocks[i - 1]) && is_yaml(block);
            out.push_str(if both_yaml { "---\n" } else { "\n" });
        }
        out.push_str(&block_text(block));
    }
    out
}

/// Whether a block is YAML by its fence tag.
pub fn is_yaml(block: &CodeBlock) -> bool {
    matches!(
        block.lang.as_deref().map(str::to_ascii_lowercase).as_deref(),
        Some("yaml" | "yml")
    )
}

/// The file extension for a block saved to disk: from its fence tag, `txt` when it has none.
pub fn extension(block: &CodeBlock) -> &'static str {
    match block.lang.as_deref().map(str::to_ascii_lowercase).as_deref() {
        Some("yaml" | "yml") => "yaml",
        Some("bash" | "sh" | "shell" | "console" | "zsh") => "sh",
        Some("json") => "json",
        Some("dockerfile" | "docker") => "dockerfile",
        Some("python" | "py") => "py",
        Some("go") => "go",
        Some("rust" | "rs") => "rs",
        Some("javascript" | "js") => "js",
        Some("toml") => "toml",
        Some("ini") => "ini",
        _ => "txt",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(lang: Option<&str>, text: &str) -> CodeBlock {
        CodeBlock {
            lang: lang.map(str::to_string),
            text: text.to_string(),
            line: 1,
        }
    }

    #[test]
    fn yaml_blocks_join_as_documents_others_with_a_blank_line() {
        let (a, b, c) = (
            block(Some("yaml"), "a: 1"),
            block(Some("yml"), "b: 2\n"),
            block(Some("bash"), "ls"),
        );
        assert_eq!(blocks_text(&[&a, &b, &c]), "a: 1\n---\nb: 2\n\nls\n");
        assert_eq!(extension(&a), "yaml");
        assert_eq!(extension(&c), "sh");
        assert_eq!(extension(&block(None, "x")), "txt");
    }
}
