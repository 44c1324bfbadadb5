//! `k8s-course import`: a post as exported from the blog (and its script) becomes a lesson folder
//! of a course: the encoding repaired when it went through a Windows code page, the lesson
//! checked, `IMPORT.md` written beside it, and the lesson added to `course.yaml`.
//!
//! Nothing is written unless everything succeeds: the lesson is built in a hidden staging folder
//! inside the course, checked there, and renamed into place; course.yaml is replaced atomically.

mod course_file;
mod files;
mod manifests;
mod report;

use std::fs;
use std::path::{Path, PathBuf};

use crate::content::diag::Diagnostics;
use crate::content::slug::slugify;
use crate::content::{CourseSource, Diagnostic, Severity, load_course, script};
use crate::repair::{self, Repair, ngrams::Ngrams};

/// What to import, and where.
#[derive(Debug, Clone)]
pub struct Request {
    pub post: PathBuf,
    pub script: Option<PathBuf>,
    /// The course folder (created when new).
    pub into: PathBuf,
    pub name: Option<String>,
    /// Replace a lesson of the same name.
    pub force: bool,
}

/// A lesson imported: where it went and the report (also in its `IMPORT.md`).
#[derive(Debug)]
pub struct Imported {
    pub dir: PathBuf,
    pub name: String,
    pub report: String,
    pub post_repair: Option<Repair>,
}

/// Imports `req`, judging damaged text against `corpus` ([`repair::ngrams::corpus`]).
/// The error says what is wrong, naming the file; nothing has been written then.
pub fn import(req: &Request, corpus: &Ngrams) -> Result<Imported, String> {
    let post_text = files::read_text(&req.post, "the post")?;
    let script_text = match &req.script {
        Some(p) => Some(files::read_text(p, "the script")?),
        None => None,
    };
    // The script first: once clean, it is the best evidence for the post's damaged words.
    let script_repair = script_text
        .as_deref()
        .and_then(|s| repair::repair(s, &[("the post", &post_text)], corpus));
    let script_text = script_repair.as_ref().map(|r| r.text.clone()).or(script_text);
    let evidence: Vec<(&'static str, &str)> = script_text.iter().map(|s| ("the script", s.as_str())).collect();
    let post_repair = repair::repair(&post_text, &evidence, corpus);
    let post_text = post_repair.as_ref().map_or(post_text, |r| r.text.clone());
    let (post_text, rebuilt) = manifests::reindent_blocks(&post_text);
    if let (Some(text), Some(path)) = (&script_text, &req.script) {
        let mut diags = Diagnostics::default();
        if script::parse(&path.display().to_string(), text, &mut diags).is_none() {
            let why: Vec<String> = diags.items.iter().map(ToString::to_string).collect();
            return Err(format!("{}\nthe script cannot be imported", why.join("\n")));
        }
    }
    let name = lesson_name(req, &post_text)?;
    let course_path = req.into.join("course.yaml");
    let course = if course_path.exists() {
        let text = files::read_text(&course_path, "the course file")?;
        Some(course_file::parse(&course_path.display().to_string(), text)?)
    } else {
        if req.into.join("post.md").exists() {
            return Err(format!(
                "{}: this is a lesson folder, not a course folder: import into the folder that holds course.yaml",
                req.into.display()
            ));
        }
        None
    };
    let target = req.into.join(&name);
    let listed = course.as_ref().is_some_and(|c| c.lessons.iter().any(|l| l == &name));
    if (target.exists() || listed) && !req.force {
        return Err(format!(
            "{}: the lesson '{name}' exists already: pass --force to replace it, or --name to import it beside it",
            target.display()
        ));
    }
    let created_course = files::make_dir(&req.into)?;
    let staging = files::sibling(&target, "importing");
    let result = stage_and_place(
        req,
        &name,
        &staging,
        &target,
        course.as_ref(),
        (&post_text, script_text.as_deref()),
        (post_repair.as_ref(), script_repair.as_ref(), &rebuilt),
    );
    match result {
        Ok(report) => Ok(Imported {
            dir: target,
            name,
            report,
            post_repair,
        }),
        Err(e) => {
            let _ = fs::remove_dir_all(&staging);
            if created_course {
                let _ = fs::remove_dir(&req.into);
            }
            Err(e)
        }
    }
}

/// The lesson folder's name: `--name`, else a slug of the post's file name, else of its title.
fn lesson_name(req: &Request, post: &str) -> Result<String, String> {
    let name = match &req.name {
        Some(n) => n.clone(),
        None => {
            let stem = req
                .post
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let slug = slugify(&stem);
            if slug.is_empty() {
                slugify(&title_of(post).unwrap_or_default())
            } else {
                slug
            }
        }
    };
    let ok = !name.is_empty()
        && name.len() <= 120
        && !name.starts_with('.')
        && name.chars().all(|c| c.is_alphanumeric() || "-_.".contains(c));
    if !ok {
        return Err(format!(
            "'{}' cannot name a lesson folder: use letters, digits, '-', '_' or '.', not starting with '.' (--name)",
            crate::text::clean_line(&name)
        ));
    }
    Ok(name)
}

/// The post's title from its front matter, for names and a new course.
fn title_of(post: &str) -> Option<String> {
    let mut diags = Diagnostics::default();
    let p = crate::content::post::parse("post.md", post, &mut diags)?;
    Some(p.front.title)
}

/// Writes the lesson into `staging`, checks it, moves it to `target` and updates course.yaml.
fn stage_and_place(
    req: &Request,
    name: &str,
    staging: &Path,
    target: &Path,
    course: Option<&course_file::CourseFile>,
    (post, script_text): (&str, Option<&str>),
    (post_repair, script_repair, rebuilt): (Option<&Repair>, Option<&Repair>, &[manifests::Rebuilt]),
) -> Result<String, String> {
    let _ = fs::remove_dir_all(staging);
    files::make_dir(staging)?;
    files::write_new(&staging.join("post.md"), post)?;
    if let Some(s) = script_text {
        files::write_new(&staging.join("script.txt"), s)?;
    }
    let loaded = load_course(&CourseSource::Dir(staging.to_path_buf()));
    let shown = |d: &Diagnostic| {
        let mut d = d.clone();
        d.path = d
            .path
            .replace(&staging.display().to_string(), &target.display().to_string());
        d
    };
    let errors: Vec<String> = (loaded.diagnostics.iter())
        .filter(|d| d.severity == Severity::Error)
        .map(|d| shown(d).to_string())
        .collect();
    let Some(course_loaded) = loaded.course.filter(|_| errors.is_empty()) else {
        return Err(format!(
            "{}\nthe imported lesson does not pass check: nothing was written",
            errors.join("\n")
        ));
    };
    let lesson = &course_loaded.lessons[0];
    let warnings: Vec<Diagnostic> = (loaded.diagnostics.iter())
        .filter(|d| d.severity == Severity::Warning)
        .map(|d| {
            let mut d = d.clone();
            d.path = d.path.replace(&format!("{}/", staging.display()), "");
            d
        })
        .collect();
    let (post_from, script_from) = (
        req.post.display().to_string(),
        req.script.as_ref().map(|p| p.display().to_string()),
    );
    let report = report::render(&report::Facts {
        name,
        post_from: &post_from,
        script_from: script_from.as_deref(),
        post_repair,
        script_repair,
        rebuilt,
        warnings: &warnings,
        slides: lesson.slide_count(),
        segments: lesson.script.as_ref().map_or(0, |s| s.segments.len()),
    });
    files::write_new(&staging.join("IMPORT.md"), &report)?;
    let course_text = match course {
        Some(c) => course_file::with_lesson(c, name),
        None => {
            let title = lesson.title.clone();
            let id = Some(slugify(&title))
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| name.to_string());
            course_file::new_course(&id, &title, name)
        }
    };
    place(staging, target, &req.into.join("course.yaml"), &course_text)?;
    Ok(report)
}

/// Moves the staged lesson to `target` (setting aside one it replaces) and writes course.yaml;
/// on failure puts everything back as it was.
fn place(staging: &Path, target: &Path, course_path: &Path, course_text: &str) -> Result<(), String> {
    let old = files::sibling(target, "replaced");
    let had_old = target.exists();
    if had_old {
        fs::rename(target, &old).map_err(|e| format!("{}: cannot replace: {e}", target.display()))?;
    }
    let restore = |why: String| {
        if had_old {
            let _ = fs::rename(&old, target);
        }
        why
    };
    fs::rename(staging, target).map_err(|e| restore(format!("{}: cannot write: {e}", target.display())))?;
    if let Err(e) = files::replace(course_path, course_text) {
        let _ = fs::rename(target, staging);
        return Err(restore(e));
    }
    if had_old {
        let _ = fs::remove_dir_all(&old);
    }
    Ok(())
}
