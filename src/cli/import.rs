//! `k8s-course import`: bring a week's post (and script) into a course folder.

use super::Io;
use crate::import::{Request, import};
use crate::repair::ngrams;

/// Imports and prints the report; `Ok(false)` (exit 1) with the reason on stderr when it fails.
pub fn run(req: &Request, io: &mut Io<'_>) -> std::io::Result<bool> {
    match import(req, ngrams::corpus()) {
        Ok(done) => {
            write!(io.out, "{}", done.report)?;
            writeln!(
                io.out,
                "\nimported '{}' into {} (report: {})",
                done.name,
                req.into.display(),
                done.dir.join("IMPORT.md").display()
            )?;
            Ok(true)
        }
        Err(why) => {
            writeln!(io.err, "k8s-course import: {why}")?;
            Ok(false)
        }
    }
}
