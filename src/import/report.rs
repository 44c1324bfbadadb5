//! `IMPORT.md`: what an import did, for the author: the encoding repair spot by spot, the spots
//! left for a person, and what the lesson will show differently from the blog.

use std::fmt::Write as _;

use crate::content::Diagnostic;
use crate::repair::{Repair, SpotVerdict, UNDECIDED};

/// What goes into the report.
pub struct Facts<'a> {
    pub name: &'a str,
    pub post_from: &'a str,
    pub script_from: Option<&'a str>,
    pub post_repair: Option<&'a Repair>,
    pub script_repair: Option<&'a Repair>,
    /// Kubernetes manifests whose collapsed indentation was rebuilt.
    pub rebuilt: &'a [super::manifests::Rebuilt],
    /// Warnings `check` gives the imported lesson (paths relative to the lesson).
    pub warnings: &'a [Diagnostic],
    pub slides: usize,
    pub segments: usize,
}

/// The report as markdown.
pub fn render(f: &Facts<'_>) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Import report: {}\n", f.name);
    let _ = writeln!(out, "- post: `{}` -> `post.md`", f.post_from);
    if let Some(s) = f.script_from {
        let _ = writeln!(out, "- script: `{s}` -> `script.txt`");
    }
    let _ = writeln!(
        out,
        "- check: passes ({} slides, {} narration segments)\n",
        f.slides, f.segments
    );
    for (file, repair) in [("post.md", f.post_repair), ("script.txt", f.script_repair)] {
        match repair {
            None if file == "post.md" || f.script_from.is_some() => {
                let _ = writeln!(out, "## Encoding of {file}\n\nClean UTF-8: imported unchanged.\n");
            }
            None => {}
            Some(r) => encoding(&mut out, file, r),
        }
    }
    manifests(&mut out, f.rebuilt);
    let _ = writeln!(out, "## What the lesson shows differently from the blog\n");
    if f.warnings.is_empty() {
        let _ = writeln!(out, "Nothing: the loader reads every part of it as written.");
    }
    for w in f.warnings {
        let _ = writeln!(out, "- {w}");
    }
    out
}

fn encoding(out: &mut String, file: &str, r: &Repair) {
    let _ = writeln!(
        out,
        "## Encoding of {file}\n\nThis was UTF-8 text decoded as {} and encoded again (mojibake); the code page \
         was reversed. {} character(s) had lost bytes: {} repaired by evidence, {} left for a person \
         (marked {UNDECIDED} in the file).\n",
        r.code_page.name(),
        r.spots.len(),
        r.repaired(),
        r.undecided()
    );
    let undecided: Vec<_> = (r.spots.iter())
        .filter(|s| matches!(s.verdict, SpotVerdict::Undecided { .. }))
        .collect();
    if !undecided.is_empty() {
        let _ = writeln!(out, "### Left for a person\n");
        for s in undecided {
            if let SpotVerdict::Undecided { why } = &s.verdict {
                let cands: String = s.candidates.iter().map(|c| format!(" {c}")).collect();
                let _ = writeln!(out, "- {file}:{}:{}: {why}; candidates:{cands}", s.line, s.column);
            }
        }
        let _ = writeln!(out);
    }
    if r.repaired() > 0 {
        let _ = writeln!(out, "### Repairs\n");
        for s in &r.spots {
            if let SpotVerdict::Repaired { choice, evidence } = &s.verdict {
                let _ = writeln!(out, "- {file}:{}:{}: '{choice}' ({evidence})", s.line, s.column);
            }
        }
        let _ = writeln!(out);
    }
}

fn manifests(out: &mut String, rebuilt: &[super::manifests::Rebuilt]) {
    if rebuilt.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "## Kubernetes manifests\n\nThe blog collapsed the indentation of {} manifest(s) to one space; it was rebuilt \
         from the Kubernetes schema (as `k8s-course validate --reindent` does). Only leading spaces changed.\n",
        rebuilt.len()
    );
    for r in rebuilt {
        let _ = writeln!(out, "- post.md:{}: re-indented", r.fence_line);
        for n in &r.notes {
            let _ = writeln!(out, "  - post.md:{}: note: {}", r.fence_line + n.line, n.message);
        }
    }
    let _ = writeln!(out);
}
