//! `k8s-course show ID`: one slide on stdout.

use super::ansi;
use super::{Io, resolve};
use crate::content::script::clock;
use crate::content::{Course, Lesson, SlideIndex};
use crate::render::blocks::{RenderOptions, inline_spans, title_lines};
use crate::render::highlight::DEFAULT_THEME;
use crate::render::raw;
use crate::render::wrap::wrap_spans;
use crate::render::{Highlighter, Line, Role, Span, Style, slide_lines};

/// Widest a slide is drawn on a terminal: long lines are hard to read.
const MAX_WIDTH: usize = 100;

/// The slide `id` names, or None after saying on stderr that there is none.
fn find<'c>(course: &'c Course, id: &str, io: &mut Io<'_>) -> std::io::Result<Option<(&'c Lesson, SlideIndex)>> {
    let found = resolve(course, id).filter(|(lesson, index)| lesson.slide(*index).is_some());
    if found.is_none() {
        writeln!(
            io.err,
            "k8s-course: no slide '{}': `k8s-course list` shows the ids (numbers like 2.1, slugs, aliases like pod)",
            crate::text::clean_line(id)
        )?;
    }
    Ok(found)
}

/// `show ID --code [N]`: the slide's code blocks (or only the Nth) raw, for a pipe or a file.
pub fn code(course: &Course, id: &str, n: Option<u16>, io: &mut Io<'_>) -> std::io::Result<bool> {
    let Some((lesson, index)) = find(course, id, io)? else {
        return Ok(false);
    };
    let Some(slide) = lesson.slide(index) else {
        return Ok(false);
    };
    let blocks = slide.code_blocks();
    let name = crate::text::clean_line(&slide.display_title());
    if blocks.is_empty() {
        writeln!(
            io.err,
            "k8s-course: slide {name} has no code block; `k8s-course show {}` shows what it has",
            crate::text::clean_line(id)
        )?;
        return Ok(false);
    }
    let chosen = match n {
        None => blocks,
        Some(n) => match blocks.get(usize::from(n) - 1) {
            Some(block) => vec![*block],
            None => {
                let count = blocks.len();
                let (what, pick) = match count {
                    1 => ("1 code block".to_string(), "use --code or --code 1".to_string()),
                    _ => (
                        format!("{count} code blocks"),
                        format!("--code takes 1 to {count}, or none for all"),
                    ),
                };
                writeln!(io.err, "k8s-course: slide {name} has {what}, not {n}: {pick}")?;
                return Ok(false);
            }
        },
    };
    io.out.write_all(raw::blocks_text(&chosen).as_bytes())?;
    Ok(true)
}

/// `show ID`: the slide drawn as in the player, with its narration.
pub fn run(
    course: &Course,
    id: &str,
    plain: bool,
    width: Option<u16>,
    no_color: bool,
    io: &mut Io<'_>,
) -> std::io::Result<bool> {
    let Some((lesson, index)) = find(course, id, io)? else {
        return Ok(false);
    };
    let Some(slide) = lesson.slide(index) else {
        return Ok(false);
    };
    // Plain when piped or asked; else the default theme's colours (emphasis only with NO_COLOR).
    let theme = (!plain && io.stdout_is_tty).then(|| {
        let t = crate::theme::default_theme();
        if no_color { t.monochrome() } else { t }
    });
    let width = match width {
        Some(w) => w as usize,
        // A terminal that reports 0 columns (a pty nobody sized) means "unknown", as when piped.
        None if io.stdout_is_tty => crossterm::terminal::size()
            .ok()
            .filter(|&(w, _)| w > 0)
            .map_or(80, |(w, _)| w as usize)
            .min(MAX_WIDTH),
        None => 80,
    };
    let highlighter = Highlighter::new();
    let opts = RenderOptions {
        width,
        highlighter: theme.as_ref().and_then(|t| t.syntax_theme()).map(|_| &highlighter),
        syntax_theme: theme.as_ref().and_then(|t| t.syntax_theme()).unwrap_or(DEFAULT_THEME),
        diagrams: &lesson.diagrams,
        focus: None,
    };
    let mut lines: Vec<Line> = title_lines(slide, width);
    lines.push(vec![Span::new("━".repeat(width.min(60)), Style::role(Role::Border))]);
    lines.extend(slide_lines(slide, &opts));
    if let Some(script) = &lesson.script {
        let segments = lesson.segments_of(index);
        if !segments.is_empty() {
            lines.push(Vec::new());
            let total = lesson.narration_of(index);
            lines.push(vec![Span::new(
                crate::text::truncate_to(&format!("── 내레이션 · {} ──", clock(total)), width),
                Style::role(Role::Heading).bold(),
            )]);
            for i in segments {
                let seg = &script.segments[i];
                let stamp = format!("[{:>2}] {:>7}  ", seg.number, clock(seg.start));
                let spans = inline_spans(&seg.inlines, Style::default());
                // A hanging indent while it leaves a useful width; below that, the timestamp on
                // a line of its own and the text at full width.
                let hanging = crate::text::display_width(&stamp);
                if width >= hanging + 24 {
                    let text = wrap_spans(&spans, width - hanging);
                    for (j, mut l) in text.into_iter().enumerate() {
                        let prefix = if j == 0 { stamp.clone() } else { " ".repeat(hanging) };
                        l.insert(0, Span::new(prefix, Style::role(Role::Muted)));
                        lines.push(l);
                    }
                } else {
                    lines.push(vec![Span::new(stamp.trim_end().to_string(), Style::role(Role::Muted))]);
                    lines.extend(wrap_spans(&spans, width));
                }
            }
        }
    }
    io.out.write_all(ansi::to_string(&lines, theme.as_ref()).as_bytes())?;
    Ok(true)
}
