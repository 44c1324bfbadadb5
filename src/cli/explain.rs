//! `k8s-course explain TYPE.field.path`: `kubectl explain`, offline.

use super::Io;

/// Prints the field's type, description and sub-fields; `Ok(false)` when there is no such field.
pub fn run(query: &str, width: Option<u16>, io: &mut Io<'_>) -> std::io::Result<bool> {
    match crate::manifest::explain(query) {
        Ok(e) => {
            io.out
                .write_all(e.render(usize::from(width.unwrap_or(80))).as_bytes())?;
            Ok(true)
        }
        Err(e) => {
            writeln!(
                io.err,
                "k8s-course explain: {}",
                crate::text::clean_line(&e.to_string())
            )?;
            Ok(false)
        }
    }
}
