//! The text views about the current slide: narration (K9s logs), describe, and source (K9s YAML).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

use super::{Ctx, convert, pane, slide::options};
use crate::app::{App, Drawn};
use crate::content::diagram::Diagram;
use crate::content::script::{Segment, at_speed, clock};
use crate::content::segment_kind::SegmentKind;
use crate::i18n::words;
use crate::render::blocks::{code_body, inline_spans};
use crate::render::wrap::wrap_spans;
use crate::render::{self, Role};
use crate::text::{display_width, pad_to};
use crate::theme::UiRole;

fn title<'a>(name: &'a str, app: &App) -> pane::Title<'a> {
    pane::Title {
        name,
        subject: Some(app.current_lesson().id_of(app.slide())),
        count: None,
    }
}

/// Wraps styled text to `width` and converts it, marking search matches.
fn wrapped(spans: &[render::Span], width: usize, app: &App, ctx: &Ctx<'_>) -> Vec<Line<'static>> {
    let needle = app.search().map(|s| s.query.to_lowercase()).unwrap_or_default();
    wrap_spans(spans, width)
        .iter()
        .map(|l| convert::line_with_matches(l, ctx.theme, &needle).0)
        .collect()
}

/// The narration of the slide, K9s logs-style: each segment's `[구간 N]` line and its text. The
/// marked segment (`selected`, which `enter` plays from) is highlighted, the one being spoken has
/// `▶`. `at` is (first row shown, marked segment).
pub fn narration(frame: &mut Frame<'_>, area: Rect, app: &App, at: (usize, usize), ctx: &Ctx<'_>) -> Drawn {
    let (scroll, selected) = at;
    let lesson = app.current_lesson();
    let width = pane::inner(area).width.max(1) as usize;
    let segments = lesson.segments_of(app.slide());
    let mut lines: Vec<Line<'static>> = Vec::new();
    let mut segment_rows = Vec::new();
    let muted = ctx.ui(UiRole::Muted);
    let lang = app.lang();
    match &lesson.script {
        None => lines.push(convert::plain(words::NO_SCRIPT.get(lang), muted)),
        Some(_) if segments.is_empty() => lines.push(convert::plain(words::NO_NARRATION_HERE.get(lang), muted)),
        Some(script) => {
            for (n, &i) in segments.iter().enumerate() {
                let seg = &script.segments[i];
                if n > 0 {
                    lines.push(Line::default());
                }
                // The segment the narration is on, when it is playing or paused part-way.
                let spoken = crate::ui::lecture::shows_timeline(app)
                    && app.playback().and_then(|p| p.segment_at(app.now())) == Some(i);
                let mark = if spoken { "▶ " } else { "" };
                let role = if n == selected {
                    UiRole::Selection
                } else {
                    UiRole::PaneTitleAccent
                };
                segment_rows.push(lines.len());
                lines.push(Line::from(vec![
                    Span::styled(
                        format!("{mark}[{} {}]", words::SEGMENT.get(lang), seg.number),
                        ctx.ui(role),
                    ),
                    Span::styled(
                        format!(
                            "  {} - {}  ({})",
                            clock(seg.start),
                            clock(seg.end()),
                            clock(seg.duration)
                        ),
                        muted,
                    ),
                ]));
                lines.extend(segment_body(seg, width, app, ctx));
            }
            lines.push(Line::default());
            lines.push(convert::plain(
                crate::i18n::words::ENTER_PLAYS.get(app.lang()).to_string(),
                muted,
            ));
        }
    }
    let mut t = title(words::PANE_NARRATION.get(lang), app);
    t.count = Some(format!("{}", segments.len()));
    let mut drawn = pane::text(frame, area, &t, &lines, scroll, ctx);
    drawn.segment_rows = segment_rows;
    drawn
}

/// A segment's text as the narration views show it: speech as written, the rest as
/// [`non_speech`] draws it.
pub(crate) fn segment_body(seg: &Segment, width: usize, app: &App, ctx: &Ctx<'_>) -> Vec<Line<'static>> {
    match non_speech(seg, width, ctx.ui(UiRole::Muted), app.lang()) {
        Some(lines) => lines,
        None => wrapped(&inline_spans(&seg.inlines, render::Style::default()), width, app, ctx),
    }
}

/// A segment that is not speech, as every narration view (`l`, the notes window) shows it: a cue
/// dimmed after `♪`, a pause as a thin rule, a preamble dimmed and struck through. None for speech.
pub(crate) fn non_speech(
    seg: &Segment,
    width: usize,
    muted: ratatui::style::Style,
    lang: crate::i18n::Lang,
) -> Option<Vec<Line<'static>>> {
    match seg.kind {
        SegmentKind::Speech => None,
        SegmentKind::Pause => Some(vec![convert::plain("┄".repeat(width.min(12)), muted)]),
        SegmentKind::Cue | SegmentKind::Preamble => {
            let (lead, modifier) = if seg.kind == SegmentKind::Cue {
                ("♪ ", Modifier::empty())
            } else {
                (words::PREAMBLE.get(lang), Modifier::CROSSED_OUT)
            };
            let text = format!("{lead}{}", crate::content::inline_text(&seg.inlines));
            Some(
                wrap_spans(&[render::Span::new(text, render::Style::default())], width)
                    .iter()
                    .map(|l| convert::plain(render::line_text(l), muted.add_modifier(modifier)))
                    .collect(),
            )
        }
    }
}

/// Describe the selected diagram component: what it is, where it sits, where it is narrated.
fn component_rows(app: &App, diagram: &Diagram, c: usize) -> Vec<(&'static str, Vec<String>)> {
    let component = &diagram.components[c];
    let group = component.group.map(|g| diagram.groups[g].label.clone());
    let narrated: Vec<String> = match &app.current_lesson().script {
        Some(script) => (diagram.mentions(c, script).iter())
            .map(|&i| {
                format!(
                    "[{} {}] {}",
                    words::SEGMENT.get(app.lang()),
                    script.segments[i].number,
                    clock(script.segments[i].start)
                )
            })
            .collect(),
        None => Vec::new(),
    };
    vec![
        (words::D_COMPONENT.get(app.lang()), vec![component.label.clone()]),
        (words::D_ID.get(app.lang()), vec![component.id.clone()]),
        (words::D_KIND.get(app.lang()), vec![component.kind.clone()]),
        (
            words::D_GROUP.get(app.lang()),
            vec![group.unwrap_or_else(|| words::NONE.get(app.lang()).into())],
        ),
        (
            words::D_DIAGRAM.get(app.lang()),
            vec![diagram.title.clone().unwrap_or_else(|| diagram.id.clone())],
        ),
        (
            words::D_DESCRIPTION.get(app.lang()),
            vec![component.description.clone()],
        ),
        (
            words::D_NARRATION.get(app.lang()),
            if narrated.is_empty() {
                vec![words::NOT_MENTIONED.get(app.lang()).into()]
            } else {
                narrated
            },
        ),
    ]
}

pub fn describe(frame: &mut Frame<'_>, area: Rect, app: &App, scroll: usize, ctx: &Ctx<'_>) -> Drawn {
    let lesson = app.current_lesson();
    let width = pane::inner(area).width.max(1) as usize;
    if let Some((diagram, c)) = app.focused() {
        let lines = key_values(component_rows(app, diagram, c), width, ctx);
        let mut t = title(words::PANE_DESCRIBE.get(app.lang()), app);
        t.subject = Some(diagram.components[c].id.clone());
        return pane::text(frame, area, &t, &lines, scroll, ctx);
    }
    let Some((chapter, slide)) = lesson.slides().nth(app.slide().0) else {
        return pane::text(
            frame,
            area,
            &title(words::PANE_DESCRIBE.get(app.lang()), app),
            &[],
            scroll,
            ctx,
        );
    };
    let aliases: Vec<&str> = (lesson.aliases.iter())
        .filter(|(_, i)| *i == app.slide())
        .map(|(a, _)| a.as_str())
        .collect();
    let codes = slide.code_blocks();
    let mut code_lines: Vec<String> = codes
        .iter()
        .map(|c| {
            let n = c.text.lines().count();
            format!(
                "{} ({n} {}, {}:{})",
                c.lang.as_deref().unwrap_or("text"),
                words::LINES.get(app.lang()),
                lesson.post_path,
                c.line
            )
        })
        .collect();
    if code_lines.is_empty() {
        code_lines.push(words::NONE.get(app.lang()).into());
    }
    let segments = lesson.segments_of(app.slide());
    let numbers: Vec<String> = match &lesson.script {
        Some(s) => segments.iter().map(|&i| s.segments[i].number.to_string()).collect(),
        None => Vec::new(),
    };
    let total = lesson.narration_of(app.slide());
    let mut rows: Vec<(&str, Vec<String>)> = vec![
        (words::D_ID.get(app.lang()), vec![slide.id()]),
        (words::D_TITLE.get(app.lang()), vec![slide.title.clone()]),
        (
            words::D_CHAPTER.get(app.lang()),
            vec![lesson.chapters[chapter].display_title()],
        ),
        (words::D_SLUG.get(app.lang()), vec![slide.slug.clone()]),
        (
            words::D_ALIASES.get(app.lang()),
            vec![if aliases.is_empty() {
                words::NONE.get(app.lang()).into()
            } else {
                aliases.join(", ")
            }],
        ),
        (
            words::D_SOURCE.get(app.lang()),
            vec![format!(
                "{}:{}-{}",
                lesson.post_path,
                slide.lines.start(),
                slide.lines.end()
            )],
        ),
        (words::D_CODE.get(app.lang()), code_lines),
        (
            words::D_SEGMENTS.get(app.lang()),
            vec![if numbers.is_empty() {
                words::NONE.get(app.lang()).into()
            } else {
                numbers.join(", ")
            }],
        ),
        (
            words::D_NARRATION.get(app.lang()),
            vec![format!(
                "{} {}, {} {}",
                clock(total),
                words::AT_1X.get(app.lang()),
                clock(at_speed(total, 1.5)),
                words::AT_1_5X.get(app.lang())
            )],
        ),
    ];
    if !slide.extra_ids.is_empty() {
        rows.insert(4, (words::D_ALSO.get(app.lang()), vec![slide.extra_ids.join(", ")]));
    }
    if let Some(section) = &slide.section {
        rows.insert(3, (words::D_SECTION.get(app.lang()), vec![section.clone()]));
    }
    // The fields of the slide's Kubernetes manifests, with what the schema says of each.
    let fields: Vec<String> = (codes.iter())
        .filter(|c| matches!(c.lang.as_deref(), Some("yaml" | "yml")))
        .flat_map(|c| crate::manifest::explain::fields_of(&c.text))
        .map(|f| format!("{} <{}> {}", f.path, f.ty, f.description))
        .collect();
    if !fields.is_empty() {
        rows.push((words::D_FIELDS.get(app.lang()), fields));
    }
    let lines = key_values(rows, width, ctx);
    pane::text(
        frame,
        area,
        &title(words::PANE_DESCRIBE.get(app.lang()), app),
        &lines,
        scroll,
        ctx,
    )
}

pub fn source(frame: &mut Frame<'_>, area: Rect, app: &App, scroll: usize, ctx: &Ctx<'_>) -> Drawn {
    let lesson = app.current_lesson();
    let width = pane::inner(area).width.max(1) as usize;
    let Some(slide) = lesson.slide(app.slide()) else {
        return pane::text(
            frame,
            area,
            &title(words::PANE_SOURCE.get(app.lang()), app),
            &[],
            scroll,
            ctx,
        );
    };
    let first = *slide.lines.start();
    let number_width = (slide.lines.end().to_string().len()).max(3);
    let gutter = number_width + 2;
    let text = slide.source.trim_end_matches('\n');
    // Highlighted as a whole, so fenced code keeps its context; a wrapped line's continuation starts
    // with the `↪` span and gets no number.
    let body = code_body(
        Some("markdown"),
        text,
        &options(ctx, width, app),
        width.saturating_sub(gutter).max(1),
    );
    let mut number = first;
    let mut lines = Vec::new();
    for l in &body {
        let continued = l.first().is_some_and(|s| s.style.role == Role::Muted && s.text == "↪");
        let label = if continued {
            String::new()
        } else {
            number += 1;
            format!("{:>number_width$}", number - 1)
        };
        let mut line = convert::line(l, ctx.theme);
        line.spans
            .insert(0, Span::styled(pad_to(&label, gutter), ctx.ui(UiRole::Muted)));
        lines.push(line);
    }
    let mut t = title(words::PANE_SOURCE.get(app.lang()), app);
    t.count = Some(format!(
        "{}:{}-{}",
        short_path(&lesson.post_path),
        first,
        slide.lines.end()
    ));
    pane::text(frame, area, &t, &lines, scroll, ctx)
}

/// `post.md` rather than the whole path, for a title.
fn short_path(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// `Key:  value` rows, values wrapped under themselves (kubectl describe's layout).
fn key_values(rows: Vec<(&str, Vec<String>)>, width: usize, ctx: &Ctx<'_>) -> Vec<Line<'static>> {
    let key_width = rows.iter().map(|(k, _)| display_width(k)).max().unwrap_or(0) + 2;
    let mut lines = Vec::new();
    for (key, values) in rows {
        for (i, value) in values.iter().enumerate() {
            let label = if i == 0 { format!("{key}:") } else { String::new() };
            let spans = [render::Span::new(value.clone(), render::Style::default())];
            for (j, l) in wrap_spans(&spans, width.saturating_sub(key_width).max(1))
                .iter()
                .enumerate()
            {
                let mut line = convert::line(l, ctx.theme);
                let head = if i == 0 && j == 0 { label.clone() } else { String::new() };
                line.spans
                    .insert(0, Span::styled(pad_to(&head, key_width), ctx.ui(UiRole::HeaderLabel)));
                lines.push(line);
            }
        }
    }
    lines
}
