//! Kubernetes manifests whose indentation the blog collapsed to one space, rebuilt from the schema
//! by the same re-indenter as `validate --reindent`, so the lesson shows (and a learner copies) the
//! manifest as it was written. Only the leading spaces of a block's lines change: every line keeps
//! its number, so the repair report's `line:column` positions stay true.

use crate::lint::yaml_blocks;
use crate::manifest::reindent::{self, Note, Outcome};

/// One block that was re-indented: the line of its opening fence, and the choices noted on it.
pub struct Rebuilt {
    pub fence_line: usize,
    pub notes: Vec<Note>,
}

/// `post` with each collapsed Kubernetes manifest re-indented, and what was done.
pub fn reindent_blocks(post: &str) -> (String, Vec<Rebuilt>) {
    let mut lines: Vec<String> = post.split('\n').map(str::to_string).collect();
    let mut rebuilt = Vec::new();
    for (fence_line, block) in yaml_blocks::blocks(post) {
        // A block with carriage returns is left as it is: replacing its lines would drop them.
        if block.iter().any(|l| l.contains('\r')) {
            continue;
        }
        let result = reindent::reindent(&block.join("\n"));
        if result.outcome != Outcome::Reindented {
            continue;
        }
        let new: Vec<&str> = result.text.lines().collect();
        let same_text = |a: &str, b: &str| a.trim_start() == b.trim_start();
        // Only the indentation may change; anything else means the two don't line up: keep the block.
        if new.len() != block.len() || !new.iter().zip(&block).all(|(a, b)| same_text(a, b)) {
            continue;
        }
        for (i, line) in new.iter().enumerate() {
            if let Some(slot) = lines.get_mut(fence_line + i) {
                *slot = (*line).to_string();
            }
        }
        rebuilt.push(Rebuilt {
            fence_line,
            notes: result.notes,
        });
    }
    (lines.join("\n"), rebuilt)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_collapsed_manifest_is_reindented_and_other_blocks_are_kept() {
        let post = "# t\n\n```yaml\napiVersion: v1\nkind: Pod\nmetadata:\n name: web\n labels:\n app: web\nspec:\n containers:\n - name: web\n image: nginx:1.25\n```\n\n```yaml\non: push\njobs:\n build:\n runs-on: ubuntu-latest\n```\n";
        let (text, rebuilt) = reindent_blocks(post);
        assert_eq!(rebuilt.len(), 1);
        assert_eq!(rebuilt[0].fence_line, 3);
        assert!(
            text.contains("metadata:\n  name: web\n  labels:\n    app: web\n"),
            "{text}"
        );
        assert!(
            text.contains("  containers:\n  - name: web\n    image: nginx:1.25\n"),
            "{text}"
        );
        assert!(
            text.contains("on: push\njobs:\n build:\n runs-on: ubuntu-latest\n"),
            "{text}"
        );
        assert_eq!(text.lines().count(), post.lines().count());
        let (again, none) = reindent_blocks(&text);
        assert_eq!((again, none.len()), (text.clone(), 0));
    }
}
