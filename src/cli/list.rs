//! `k8s-course list`: the table of contents.

use std::io::Write;

use super::Io;
use crate::content::script::{Millis, clock};
use crate::content::{Course, SlideIndex};
use crate::text::{pad_to, truncate_to};

const TITLE_WIDTH: usize = 44;

pub fn run(course: &Course, io: &mut Io<'_>) -> std::io::Result<bool> {
    let out = &mut io.out;
    writeln!(out, "{}", course.title)?;
    for lesson in &course.lessons {
        writeln!(out, "\n{}  {}", lesson.id, lesson.title)?;
        writeln!(
            out,
            "{}  {}  {:>6}  {:>9}",
            pad_to("ID", 8),
            pad_to("TITLE", TITLE_WIDTH),
            "SLIDES",
            "NARRATION"
        )?;
        let time = |m: Millis| if m.0 == 0 { "-".to_string() } else { clock(m) };
        for (c, chapter) in lesson.chapters.iter().enumerate() {
            let first = lesson.first_slide_of(c).0;
            let indices = (first..first + chapter.slides.len()).map(SlideIndex);
            let narration = Millis(indices.clone().map(|i| lesson.narration_of(i).0).sum());
            let id = chapter.number.clone().unwrap_or_else(|| chapter.slug.clone());
            writeln!(
                out,
                "{}  {}  {:>6}  {:>9}",
                pad_to(&id, 8),
                pad_to(&truncate_to(&chapter.title, TITLE_WIDTH), TITLE_WIDTH),
                chapter.slides.len(),
                time(narration)
            )?;
            for (index, slide) in indices.zip(&chapter.slides) {
                writeln!(
                    out,
                    "  {}  {}  {:>6}  {:>9}",
                    pad_to(&slide.id(), 6),
                    pad_to(&truncate_to(&slide.title, TITLE_WIDTH), TITLE_WIDTH),
                    "",
                    time(lesson.narration_of(index))
                )?;
            }
        }
    }
    Ok(true)
}
