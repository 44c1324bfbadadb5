//! `k8s-course check`: validate and summarise, or list every problem.

use std::io::Write;

use super::{Io, print_diagnostics};
use crate::content::script::{at_speed, clock};
use crate::content::{AlignmentSource, CourseSource, Severity, load_course_in_full};
use crate::text::pad_to;

/// `check`: validate and summarise.
pub fn run(source: &CourseSource, io: &mut Io<'_>) -> std::io::Result<bool> {
    run_with_lint(source, false, io)
}

/// `check`, and with `lint` the author's findings after the summary (`check --lint`).
pub fn run_with_lint(source: &CourseSource, lint: bool, io: &mut Io<'_>) -> std::io::Result<bool> {
    let report = load_course_in_full(source);
    print_diagnostics(&report.diagnostics, io)?;
    let errors = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = report.diagnostics.len() - errors;
    let Some(course) = report.course else {
        writeln!(
            io.err,
            "{errors} error(s), {warnings} warning(s): the course cannot be used until the errors are fixed"
        )?;
        return Ok(false);
    };
    // Exercises whose own solution fails (or whose start already passes) can't be practised.
    let practice = crate::practice::self_check(&course.lessons);
    print_diagnostics(&practice, io)?;
    if practice.iter().any(|d| d.is_error()) {
        let n = practice.iter().filter(|d| d.is_error()).count();
        writeln!(
            io.err,
            "{n} exercise(s) don't pass their own check: fix their solution or check in lesson.yaml"
        )?;
        return Ok(false);
    }
    let out = &mut io.out;
    let lessons = &course.lessons;
    let chapters: usize = lessons.iter().map(|l| l.chapters.len()).sum();
    let slides: usize = lessons.iter().map(|l| l.slide_count()).sum();
    let segments: usize = lessons
        .iter()
        .filter_map(|l| l.script.as_ref())
        .map(|s| s.segments.len())
        .sum();
    let total = crate::content::script::Millis(
        lessons
            .iter()
            .filter_map(|l| l.script.as_ref())
            .map(|s| s.total().0)
            .sum(),
    );
    let row = |label: &str, value: String| format!("  {} {value}", pad_to(label, 10));
    writeln!(out, "{} ({}, {})", course.title, course.id, course.language)?;
    writeln!(out, "{}", row("lessons", lessons.len().to_string()))?;
    writeln!(out, "{}", row("chapters", chapters.to_string()))?;
    writeln!(out, "{}", row("slides", slides.to_string()))?;
    let mut langs: std::collections::BTreeMap<String, usize> = Default::default();
    for (_, slide) in lessons.iter().flat_map(|l| l.slides()) {
        for block in slide.code_blocks() {
            *langs
                .entry(block.lang.clone().unwrap_or_else(|| "text".into()))
                .or_default() += 1;
        }
    }
    let code: usize = langs.values().sum();
    let langs: Vec<String> = langs.iter().map(|(l, n)| format!("{l} {n}")).collect();
    writeln!(out, "{}", row("code", format!("{code} blocks ({})", langs.join(", "))))?;
    writeln!(out, "{}", row("segments", segments.to_string()))?;
    writeln!(
        out,
        "{}",
        row(
            "narration",
            format!("{} at 1x, {} at 1.5x", clock(total), clock(at_speed(total, 1.5)))
        )
    )?;
    for lesson in lessons
        .iter()
        .filter(|l| l.alignment_source == AlignmentSource::Automatic)
    {
        writeln!(
            out,
            "\n{}: no narration map in lesson.yaml, segments aligned automatically:",
            lesson.id
        )?;
        let Some(script) = &lesson.script else {
            continue;
        };
        for (seg, slide) in script.segments.iter().zip(&lesson.alignment) {
            let title = lesson.slide(*slide).map(|s| s.display_title()).unwrap_or_default();
            writeln!(out, "  segment {:>2} -> {title}", seg.number)?;
        }
    }
    let plural = if warnings == 1 { "" } else { "s" };
    writeln!(out, "ok: {errors} errors, {warnings} warning{plural}")?;
    if lint {
        return lint_course(source, &course, io);
    }
    Ok(true)
}

/// `check --lint`: the author's findings after the summary; errors among them fail the check.
fn lint_course(source: &CourseSource, course: &crate::content::Course, io: &mut Io<'_>) -> std::io::Result<bool> {
    let single = matches!(source.layout(), Ok(crate::content::source::Layout::SingleLesson));
    let found = crate::lint::lint(source, &course.lessons, |l| {
        if single { String::new() } else { l.id.clone() }
    });
    print_diagnostics(&found, io)?;
    let errors = found.iter().filter(|d| d.is_error()).count();
    writeln!(io.out, "lint: {errors} errors, {} warnings", found.len() - errors)?;
    Ok(errors == 0)
}
