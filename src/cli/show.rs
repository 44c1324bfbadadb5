//! `k8s-course show ID`: one slide on stdout.

use super::ansi;
use super::{Io, resolve};
use crate::content::Course;
use crate::content::script::clock;
use crate::render::blocks::{RenderOptions, inline_spans, title_lines};
use crate::render::highlight::DEFAULT_THEME;
use crate::render::wrap::wrap_spans;
use crate::render::{Highlighter, Line, Role, Span, Style, slide_lines};

/// Widest a slide is drawn on a terminal: long lines are hard to read.
const MAX_WIDTH: usize = 100;

pub fn run(
    course: &Course,
    id: &str,
    plain: bool,
    width: Option<u16>,
    no_color: bool,
    io: &mut Io<'_>,
) -> std::io::Result<bool> {
    let Some((lesson, index)) = resolve(course, id) else {
        writeln!(
            io.err,
            "k8s-course: no slide '{}': `k8s-course list` shows the ids (numbers like 2.1, slugs, aliases like pod)",
            crate::text::clean_line(id)
        )?;
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
