//! The K9s-style header: the info block (course, lesson, chapter, slide, learner, session) with the
//! key hints in columns beside it, or one line when the terminal is low.
//!
//! The info block changes with every slide; the hints beside it hardly ever. They are gathered
//! into [`Hints`] first, laid out in columns, and each column is drawn from what it holds alone, so
//! a column equal to the one the frame on screen drew there is still right: the player keeps it
//! instead of drawing it again ([`super::kept`]).

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::Ctx;
use super::cells::set_line;
use super::chrome::key_label;
use super::convert::plain;
use super::untouched::Untouched;
use crate::app::App;
use crate::app::keymap::Keymap;
use crate::i18n::{Lang, words};
use crate::text::{clean_line, display_width, pad_to, truncate_to};
use crate::theme::UiRole;

/// Rows of the full header (K9s has six too): the info block, and key hints in columns this tall.
pub const HEADER_ROWS: usize = 6;

/// Width of the info block's labels, with the space before them.
const LABEL_WIDTH: usize = 11;

/// The header as [`info`] leaves it to be drawn.
pub enum Rest {
    /// Nothing: a low terminal's one line is drawn already; what it left untouched.
    Untouched(Untouched),
    /// The block: its rows (where each goes and what it shows), and the key hints beside it.
    Block {
        rows: Vec<(Rect, Line<'static>)>,
        hints: Hints,
    },
}

/// The info block (course, lesson, chapter, slide, learner, session) for the left of `area`, and
/// the hints beside it; or, when `area` is lower than [`HEADER_ROWS`], all of it drawn on one line.
pub fn info(buf: &mut Buffer, area: Rect, app: &App, ctx: &Ctx<'_>) -> Rest {
    let lesson = app.current_lesson();
    let (chapter_index, chapter) = lesson
        .slides()
        .nth(app.slide().0)
        .map(|(c, _)| (c, &lesson.chapters[c]))
        .unwrap_or((0, &lesson.chapters[0]));
    let slide_title = lesson.slide(app.slide()).map(|s| s.display_title()).unwrap_or_default();
    let chapters = format!("{}/{}", chapter_index + 1, lesson.chapters.len());
    let slides = format!("{}/{}", app.slide().0 + 1, lesson.slide_count());
    let learner = if app.learner().is_empty() {
        "-".to_string()
    } else {
        clean_line(app.learner())
    };
    let lang = app.lang();
    let clock = format!("{} {}", words::CLOCK.get(lang), ctx.clock);
    if (area.height as usize) < HEADER_ROWS {
        let text = format!(
            " {} │ {chapters} {} │ {slides} {slide_title} │ {learner} {clock}",
            lesson.title, chapter.title
        );
        let line = plain(truncate_to(&text, area.width as usize), ctx.ui(UiRole::HeaderValue));
        let (end, _) = set_line(buf, area.x, area.y, &line, area.width);
        return Rest::Untouched(Untouched::right_of(area, end));
    }
    let session = match app.timer() {
        Some(t) => format!("{} · {clock}", t.header(app.now(), lang)),
        None => clock,
    };
    let rows = [
        (words::COURSE, app.course().title.clone(), UiRole::HeaderTitle),
        (
            words::LESSON,
            lesson_title(&app.course().title, &lesson.title),
            UiRole::HeaderTitle,
        ),
        (
            words::CHAPTER,
            format!("{chapters} {}", chapter.display_title()),
            UiRole::HeaderValue,
        ),
        (
            words::SLIDE_LABEL,
            format!("{slides} {slide_title}"),
            UiRole::HeaderValue,
        ),
        (
            words::LEARNER,
            format!(
                "{learner} · {}{}",
                app.percent_complete(),
                words::PERCENT_DONE.get(lang)
            ),
            UiRole::HeaderValue,
        ),
        (words::SESSION, session, UiRole::HeaderValue),
    ];
    let info_width = (area.width as usize / 2).clamp(34, 64).min(area.width as usize);
    let value_width = info_width.saturating_sub(LABEL_WIDTH);
    let label = ctx.ui(UiRole::HeaderLabel);
    let rows = (rows.into_iter().enumerate())
        .map(|(i, (name, value, role))| {
            let line = Line::from(vec![
                Span::styled(pad_to(&format!(" {}", name.get(lang)), LABEL_WIDTH), label),
                Span::styled(truncate_to(&value, value_width), ctx.ui(role)),
            ]);
            // At most the area's width.
            (Rect::new(area.x, area.y + i as u16, info_width as u16, 1), line)
        })
        .collect();
    // The hints start a column after the block.
    let exercises = app.exercises_on(app.lesson(), app.slide());
    let hints = Hints::gather(area, info_width + 1, app.keymap(), lang, exercises, ctx);
    Rest::Block { rows, hints }
}

/// The header's key hints: columns of [`HEADER_ROWS`], as many as fit right of the info block.
/// Each column is drawn from what it holds alone; a column equal to one on screen, in the same
/// place and colours, is kept there ([`super::kept`]). Only the `practice (N)` hint changes from
/// slide to slide (it shows on slides with exercises, N of them), and only its column is drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct Hints {
    columns: Vec<Column>,
    /// The key's, the text's, and the background under them (a theme can change any).
    styles: [Style; 3],
    area: Rect,
    /// The column after the last: the rest of each row is untouched.
    end: u16,
}

/// One column of hints: its place and its `(key, text)` rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    area: Rect,
    key_width: usize,
    rows: Vec<(String, Cow<'static, str>)>,
}

impl Hints {
    /// The hints of `keymap` in the header's `area`, from `offset` columns in.
    fn gather(area: Rect, offset: usize, keymap: &Keymap, lang: Lang, exercises: usize, ctx: &Ctx<'_>) -> Self {
        let hints: Vec<(String, Cow<'static, str>)> = (keymap.hints().iter())
            .filter(|(e, _, _)| e.name != "practice" || exercises > 0)
            .map(|(e, h, key)| {
                let text = if e.name == "practice" {
                    Cow::Owned(format!("{} ({exercises})", h.text.get(lang)))
                } else {
                    Cow::Borrowed(h.text.get(lang))
                };
                (format!("<{}>", key_label(key)), text)
            })
            .collect();
        let mut x = area.x as usize + offset;
        let right = area.x as usize + area.width as usize;
        let mut columns = Vec::new();
        let mut hints = hints.into_iter().peekable();
        while hints.peek().is_some() {
            let rows: Vec<_> = hints.by_ref().take(HEADER_ROWS).collect();
            let key_width = rows.iter().map(|(k, _)| display_width(k)).max().unwrap_or(0);
            let width = rows.iter().map(|(_, t)| display_width(t)).max().unwrap_or(0) + key_width + 3;
            if x + width > right {
                break;
            }
            columns.push(Column {
                // Inside the header, itself inside a frame whose size is a u16.
                area: Rect::new(x as u16, area.y, width as u16, area.height),
                key_width,
                rows,
            });
            x += width;
        }
        Self {
            columns,
            styles: [
                ctx.ui(UiRole::KeyHint),
                ctx.ui(UiRole::KeyHintText),
                ctx.ui(UiRole::Background),
            ],
            area,
            end: u16::try_from(x).unwrap_or(u16::MAX),
        }
    }

    /// What they leave untouched: each row right of the last column.
    pub fn untouched(&self) -> Untouched {
        Untouched::right_of(self.area, self.end)
    }

    /// How many columns fit.
    pub fn columns(&self) -> usize {
        self.columns.len()
    }

    /// Where column `i` is, if it fits.
    pub fn column_area(&self, i: usize) -> Option<Rect> {
        self.columns.get(i).map(|c| c.area)
    }

    /// Whether column `i` shows the same as column `i` of `other`, in the same place and colours.
    pub fn same_column(&self, i: usize, other: &Self) -> bool {
        self.styles == other.styles && self.columns.get(i).is_some_and(|c| other.columns.get(i) == Some(c))
    }

    /// Draws column `i`.
    pub fn draw(&self, buf: &mut Buffer, i: usize) {
        let [key_style, text_style, _] = self.styles;
        let Some(column) = self.columns.get(i) else { return };
        for (row, (key, text)) in column.rows.iter().enumerate() {
            let line = Line::from(vec![
                Span::styled(pad_to(key, column.key_width + 1), key_style),
                Span::styled(text.as_ref(), text_style),
            ]);
            set_line(buf, column.area.x, column.area.y + row as u16, &line, column.area.width);
        }
    }
}

/// The lesson's title without the course title it often repeats (`과정 7기 - 7주차: ...` under
/// `과정 7기` reads as `7주차: ...`).
fn lesson_title(course: &str, lesson: &str) -> String {
    let rest = lesson.strip_prefix(course).unwrap_or(lesson);
    let rest = rest.trim_start_matches([' ', '-', ':', '·', '|', '–', '—']);
    if rest.is_empty() {
        lesson.to_string()
    } else {
        rest.to_string()
    }
}
