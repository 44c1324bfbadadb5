//! A course of many lessons, read lazily for the player: `course.yaml` and the lesson the learner
//! will see first are read before the first frame; every other lesson stands as a placeholder
//! ([`placeholder`]: its folder name, no slides) until [`load_lesson_in`] reads it, in the
//! background or when the learner goes there. `check` and `list` still read everything
//! ([`super::load_course`]).

use super::diag::{Diagnostic, Diagnostics};
use super::frontmatter::FrontMatter;
use super::load::{ExerciseParse, LoadReport, assemble, lesson_id, load_lesson, outline};
use super::source::CourseSource;
use crate::content::{AlignmentSource, Lesson};

/// What [`load_course_lazily`] read, and the lessons still to read: (index, folder).
#[derive(Debug)]
pub struct LazyReport {
    pub report: LoadReport,
    pub rest: Vec<(usize, String)>,
}

/// Reads `course.yaml` and the one lesson `pick` chooses from the course id and the lessons'
/// ids (an index; out of range means the first). The course holds placeholders for the others.
pub fn load_course_lazily(source: &CourseSource, pick: impl FnOnce(&str, &[String]) -> Option<usize>) -> LazyReport {
    let mut diags = Diagnostics::default();
    let mut rest = Vec::new();
    let course = outline(source, &mut diags).and_then(|o| {
        let ids: Vec<String> = o.lessons.iter().map(|d| lesson_id(source, d)).collect();
        let first = pick(&o.id, &ids).filter(|&i| i < o.lessons.len()).unwrap_or(0);
        let loaded = load_lesson(source, &o.lessons[first], ExerciseParse::BuiltInOnFirstUse, &mut diags)?;
        let mut lessons = Vec::with_capacity(o.lessons.len());
        for (i, (dir, id)) in o.lessons.iter().zip(ids).enumerate() {
            if i != first {
                rest.push((i, dir.clone()));
            }
            lessons.push(placeholder(id));
        }
        lessons[first] = loaded;
        // A single-lesson folder is named after its lesson, which is the one read.
        assemble(o, lessons)
    });
    let course = if diags.has_errors() { None } else { course };
    LazyReport {
        report: LoadReport {
            course,
            diagnostics: diags.items,
        },
        rest,
    }
}

/// Reads lesson folder `dir` of `source`: the lesson, or the errors that keep it from showing.
pub fn load_lesson_in(source: &CourseSource, dir: &str) -> Result<Lesson, Vec<Diagnostic>> {
    let mut diags = Diagnostics::default();
    match load_lesson(source, dir, ExerciseParse::BuiltInOnFirstUse, &mut diags) {
        Some(lesson) if !diags.has_errors() => Ok(lesson),
        _ => Err(diags.items.into_iter().filter(Diagnostic::is_error).collect()),
    }
}

/// A lesson not read yet: its id (the folder name) as title, and no slides.
pub fn placeholder(id: String) -> Lesson {
    Lesson {
        title: id.clone(),
        id,
        post_path: String::new(),
        front: FrontMatter::default(),
        card: None,
        chapters: Vec::new(),
        script: None,
        alignment: Vec::new(),
        alignment_source: AlignmentSource::None,
        aliases: Vec::new(),
        diagrams: Vec::new(),
        exercises: Default::default(),
    }
}
