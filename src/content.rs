//! The course model: Course > Lesson > Chapter > Slide > Block, plus the script's Segments.
//!
//! Plain data, no IO and no terminal code: the loader (`content::load`) builds it from files, the
//! player and the CLI only read it. Every string in it has been through `text::clean_*`.

pub mod align;
pub mod card;
pub mod diag;
pub mod diagram;
pub mod diagram_meta;
pub mod embedded;
pub mod exercise;
pub mod frontmatter;
pub mod html;
pub mod k9s;
pub mod lazy;
pub mod lesson_meta;
pub mod load;
pub mod markdown;
pub mod mojibake;
pub mod post;
pub mod script;
pub mod segment_kind;
pub mod slug;
pub mod source;
pub mod yaml;

pub use diag::{Diagnostic, Severity};
pub use load::{LoadReport, load_course, load_course_for, load_course_in_full};
pub use source::CourseSource;

use std::ops::RangeInclusive;

/// A whole course: one or more lessons in order.
#[derive(Debug, Clone)]
pub struct Course {
    pub id: String,
    pub title: String,
    pub language: String,
    pub lessons: Vec<Lesson>,
}

/// One lesson: a post turned into slides, and optionally its narration.
#[derive(Debug, Clone)]
pub struct Lesson {
    /// The lesson folder's name, e.g. `week07-docker-kubernetes`.
    pub id: String,
    pub title: String,
    /// Where the post came from, for describe and error messages (`course/week07/post.md`).
    pub post_path: String,
    pub front: frontmatter::FrontMatter,
    pub card: Option<card::SummaryCard>,
    pub chapters: Vec<Chapter>,
    pub script: Option<script::Script>,
    /// For each segment (same order as `script.segments`), the slide it belongs to.
    pub alignment: Vec<SlideIndex>,
    /// How `alignment` was obtained.
    pub alignment_source: AlignmentSource,
    /// Extra names for slides (`pod`, `arch`), from `lesson.yaml`.
    pub aliases: Vec<(String, SlideIndex)>,
    /// Diagrams from `lesson.yaml`, shown by `Block::Figure` on their slides.
    pub diagrams: Vec<diagram::Diagram>,
    /// Practice exercises from `lesson.yaml`, in file order (a slice, parsed on first use in the
    /// built-in course's player).
    pub exercises: exercise::Exercises,
}

/// Where a lesson's segment-to-slide mapping came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AlignmentSource {
    /// There is no script, so nothing to align.
    None,
    /// Written by the author in `lesson.yaml`.
    LessonFile,
    /// Chosen by `align::auto_align` from terms shared by narration and slides.
    Automatic,
}

/// A chapter: a `##` section of the post (or the title chapter holding the cover slide).
#[derive(Debug, Clone)]
pub struct Chapter {
    /// Heading number (`2`), when the heading has one.
    pub number: Option<String>,
    pub slug: String,
    pub title: String,
    pub slides: Vec<Slide>,
}

/// One screenful of content: a `###` section, a `####` with code of its own, or a chapter's intro.
#[derive(Debug, Clone)]
pub struct Slide {
    /// Heading number (`2.1`, `2.2.1` for a `####` slide), when it has one.
    pub number: Option<String>,
    pub slug: String,
    pub title: String,
    /// The `###` heading a `####` slide sits under, e.g. `2.2 주요 Kubernetes 리소스`.
    pub section: Option<String>,
    /// Other ids that lead here: an empty parent section's number and slug (`2.2`).
    pub extra_ids: Vec<String>,
    pub blocks: Vec<Block>,
    /// 1-based line range in the post.
    pub lines: RangeInclusive<usize>,
    /// The slide's markdown as written, for the source view.
    pub source: String,
}

/// Position of a slide in a lesson, counting across chapters.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SlideIndex(pub usize);

/// A piece of slide content.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Paragraph(Vec<Inline>),
    /// A heading inside a slide (a `####` without code of its own, or deeper).
    Heading {
        level: u8,
        text: Vec<Inline>,
    },
    List(List),
    Table(Table),
    Code(CodeBlock),
    /// A box drawing: shown as is, never wrapped or highlighted.
    Diagram {
        text: String,
    },
    /// A diagram from `lesson.yaml` (index into `Lesson::diagrams`), laid out for the width.
    Figure(usize),
    Quote(Vec<Block>),
    Rule,
    /// The title slide's content: front matter and summary card.
    Cover(Box<Cover>),
}

/// An ordered (`start` is `Some`) or bulleted list; each item is a list of blocks.
#[derive(Debug, Clone, PartialEq)]
pub struct List {
    pub start: Option<u64>,
    pub items: Vec<Vec<Block>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub align: Vec<Align>,
    pub header: Vec<Vec<Inline>>,
    pub rows: Vec<Vec<Vec<Inline>>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CodeBlock {
    /// The fence's language tag (`bash`, `yaml`), if any.
    pub lang: Option<String>,
    pub text: String,
    /// 1-based line of the opening fence in the post.
    pub line: usize,
}

/// A run of text with one style. `\n` inside `text` is a hard line break.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Inline {
    pub text: String,
    pub style: InlineStyle,
    /// Target of a link, when this run is link text.
    pub link: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct InlineStyle {
    pub bold: bool,
    pub italic: bool,
    pub code: bool,
    pub strike: bool,
}

/// The title slide: what the front matter and summary card say about the lesson.
#[derive(Debug, Clone, PartialEq)]
pub struct Cover {
    pub title: String,
    pub date: Option<String>,
    pub categories: Vec<String>,
    pub tags: Vec<String>,
    pub excerpt: Vec<Inline>,
    pub card: Option<card::SummaryCard>,
    pub original_url: Option<String>,
}

impl Lesson {
    /// All slides in order, with their chapter index.
    pub fn slides(&self) -> impl Iterator<Item = (usize, &Slide)> {
        self.chapters
            .iter()
            .enumerate()
            .flat_map(|(c, ch)| ch.slides.iter().map(move |s| (c, s)))
    }

    pub fn slide_count(&self) -> usize {
        self.chapters.iter().map(|c| c.slides.len()).sum()
    }

    pub fn slide(&self, index: SlideIndex) -> Option<&Slide> {
        self.slides().nth(index.0).map(|(_, s)| s)
    }

    /// Index of the first slide of chapter `chapter`.
    pub fn first_slide_of(&self, chapter: usize) -> SlideIndex {
        SlideIndex(self.chapters[..chapter].iter().map(|c| c.slides.len()).sum())
    }

    /// Resolves an id, slug, alias or chapter id to a slide (case-insensitive).
    pub fn resolve(&self, id: &str) -> Option<SlideIndex> {
        let id = id.trim().trim_start_matches(':').to_lowercase();
        let matches = |s: &str| lowercase_is(s, &id);
        if let Some(i) = self.slides().position(|(_, s)| {
            s.number.as_deref().is_some_and(matches) || matches(&s.slug) || s.extra_ids.iter().any(|e| matches(e))
        }) {
            return Some(SlideIndex(i));
        }
        if let Some((_, i)) = self.aliases.iter().find(|(a, _)| matches(a)) {
            return Some(*i);
        }
        if let Some(i) = k9s::resolve(self, &id) {
            return Some(i);
        }
        self.chapters
            .iter()
            .position(|c| c.number.as_deref().is_some_and(matches) || matches(&c.slug))
            .filter(|&c| !self.chapters[c].slides.is_empty())
            .map(|c| self.first_slide_of(c))
    }

    /// The slide `id` names; when it is gone (the content changed), the nearest surviving slide
    /// before it in order (the last whose number sorts at or before `id`), else the first slide.
    pub fn nearest(&self, id: &str) -> SlideIndex {
        if let Some(i) = self.resolve(id) {
            return i;
        }
        let key = |s: &str| -> Option<Vec<u64>> { s.split('.').map(|p| p.parse().ok()).collect() };
        let Some(wanted) = key(id) else {
            return SlideIndex(0);
        };
        self.slides()
            .enumerate()
            .filter(|(_, (_, s))| s.number.as_deref().and_then(key).is_some_and(|k| k <= wanted))
            .map(|(i, _)| SlideIndex(i))
            .last()
            .unwrap_or(SlideIndex(0))
    }

    /// The segments (indices into `script.segments`) that belong to slide `index`.
    pub fn segments_of(&self, index: SlideIndex) -> Vec<usize> {
        (self.alignment.iter().enumerate())
            .filter(|(_, s)| **s == index)
            .map(|(i, _)| i)
            .collect()
    }

    /// Narration time of slide `index`.
    pub fn narration_of(&self, index: SlideIndex) -> script::Millis {
        let Some(script) = &self.script else {
            return script::Millis(0);
        };
        let ms = self
            .segments_of(index)
            .iter()
            .map(|&i| script.segments[i].duration.0)
            .sum();
        script::Millis(ms)
    }

    /// The id a person types for slide `index`: its number, else its slug.
    pub fn id_of(&self, index: SlideIndex) -> String {
        self.slide(index).map(Slide::id).unwrap_or_default()
    }
}

impl Slide {
    /// The id a person types: its number, else its slug.
    pub fn id(&self) -> String {
        self.id_str().to_string()
    }

    /// [`Slide::id`] without a copy.
    pub fn id_str(&self) -> &str {
        self.number.as_deref().unwrap_or(&self.slug)
    }

    /// `2.1 Kubernetes 아키텍처`, or just the title when there is no number.
    pub fn display_title(&self) -> String {
        match &self.number {
            Some(n) => format!("{n} {}", self.title),
            None => self.title.clone(),
        }
    }

    /// Every code block on the slide, including those inside lists and quotes.
    pub fn code_blocks(&self) -> Vec<&CodeBlock> {
        let mut out = Vec::new();
        collect_code(&self.blocks, &mut out);
        out
    }
}

fn collect_code<'a>(blocks: &'a [Block], out: &mut Vec<&'a CodeBlock>) {
    for block in blocks {
        match block {
            Block::Code(c) => out.push(c),
            Block::List(l) => l.items.iter().for_each(|item| collect_code(item, out)),
            Block::Quote(inner) => collect_code(inner, out),
            _ => {}
        }
    }
}

impl Chapter {
    /// `2 Kubernetes 핵심 개념`, or just the title when there is no number.
    pub fn display_title(&self) -> String {
        match &self.number {
            Some(n) => format!("{n}. {}", self.title),
            None => self.title.clone(),
        }
    }
}

/// Plain text of a run of inlines.
pub fn inline_text(inlines: &[Inline]) -> String {
    inlines.iter().map(|i| i.text.as_str()).collect()
}

/// Whether `s.to_lowercase() == lower`, without lowercasing a copy of `s` (resolving a name
/// compares it with every slide's id, slug and number).
fn lowercase_is(s: &str, lower: &str) -> bool {
    if s.is_ascii() {
        // `lower` has no ASCII capital, and an ASCII `s` equals nothing else in it.
        s.eq_ignore_ascii_case(lower)
    } else if s.contains('Σ') {
        // A capital sigma lowers by its place in a word, which `char::to_lowercase` can't see.
        s.to_lowercase() == lower
    } else {
        s.chars().flat_map(char::to_lowercase).eq(lower.chars())
    }
}

#[cfg(test)]
mod tests {
    use super::lowercase_is;

    #[test]
    fn lowercase_is_what_lowercasing_a_copy_gives() {
        let names = [
            "2.2.1",
            "Pod",
            "POD",
            "pod",
            "쿠버네티스-아키텍처",
            "ΟΔΟΣ",
            "οδος",
            "οδοσ",
            "İstanbul",
            "i̇stanbul",
            "",
        ];
        for s in names {
            for lower in names.map(str::to_lowercase) {
                assert_eq!(lowercase_is(s, &lower), s.to_lowercase() == lower, "{s} / {lower}");
            }
        }
    }
}
