//! `k8s-course validate FILE... [-]` and `validate --reindent FILE`: the manifest checks of
//! `crate::manifest` on files or stdin, findings as `FILE:LINE:COL: PATH: message`.

use std::path::Path;

use super::Io;
use crate::manifest::reindent::Outcome;
use crate::manifest::{self, Finding, Lang, Options, Severity};

/// What `validate` was asked to do.
pub struct Request<'a> {
    pub files: &'a [String],
    pub reindent: bool,
    pub lang: Lang,
    pub options: Options,
}

fn read(file: &str) -> Result<String, Box<Finding>> {
    if file == "-" {
        manifest::read_from(std::io::stdin().lock())
    } else {
        manifest::read(Path::new(file))
    }
}

/// Runs `validate`; `Ok(true)` when no file has an error.
pub fn run(req: &Request<'_>, io: &mut Io<'_>) -> std::io::Result<bool> {
    if req.reindent {
        return reindent(req, io);
    }
    let (mut errors, mut warnings) = (0, 0);
    for file in req.files {
        let name = if file == "-" { "<stdin>" } else { file.as_str() };
        let findings = match read(file) {
            Ok(text) => manifest::validate_text(&text, req.options),
            Err(f) => vec![*f],
        };
        for f in &findings {
            match f.severity {
                Severity::Error => errors += 1,
                Severity::Warning => warnings += 1,
            }
            writeln!(io.out, "{}", f.render(name, req.lang))?;
        }
    }
    let files = req.files.len();
    let summary = match req.lang {
        Lang::Ko => format!("파일 {files}개: 오류 {errors}개, 경고 {warnings}개"),
        Lang::En => format!("{files} file(s): {errors} error(s), {warnings} warning(s)"),
    };
    writeln!(io.err, "k8s-course validate: {summary}")?;
    Ok(errors == 0)
}

/// Prints each file re-indented (or unchanged, with the reason on stderr).
fn reindent(req: &Request<'_>, io: &mut Io<'_>) -> std::io::Result<bool> {
    let mut ok = true;
    for file in req.files {
        let name = if file == "-" { "<stdin>" } else { file.as_str() };
        let text = match read(file) {
            Ok(text) => text,
            Err(f) => {
                writeln!(io.err, "{}", f.render(name, req.lang))?;
                ok = false;
                continue;
            }
        };
        let result = manifest::reindent(&text);
        // The manifest itself is the user's text; only the repaired layout is ours.
        io.out.write_all(crate::text::clean_text(&result.text).as_bytes())?;
        for note in &result.notes {
            writeln!(
                io.err,
                "{}",
                crate::text::clean_line(&format!("{name}:{}: note: {}", note.line, note.message))
            )?;
        }
        let ko = req.lang == Lang::Ko;
        let said = match (result.outcome, ko) {
            (Outcome::Reindented, true) => "들여쓰기를 복원했습니다".to_string(),
            (Outcome::Reindented, false) => "re-indented".to_string(),
            (Outcome::NotCollapsed, true) => "들여쓰기가 이미 온전합니다. 바꾸지 않았습니다".to_string(),
            (Outcome::NotCollapsed, false) => "indentation is intact: left unchanged".to_string(),
            (Outcome::NotKubernetes { collapsed }, true) => format!(
                "Kubernetes 매니페스트가 아닙니다{}. 바꾸지 않았습니다",
                if collapsed {
                    " (들여쓰기가 무너져 있음)"
                } else {
                    ""
                }
            ),
            (Outcome::NotKubernetes { collapsed }, false) => format!(
                "not a Kubernetes manifest{}: left unchanged",
                if collapsed {
                    " (its indentation is collapsed)"
                } else {
                    ""
                }
            ),
        };
        writeln!(io.err, "{name}: {said}")?;
        if result.outcome == (Outcome::NotKubernetes { collapsed: true }) {
            ok = false;
        }
    }
    Ok(ok)
}
