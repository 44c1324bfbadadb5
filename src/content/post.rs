//! A post (front matter, summary card, markdown) -> chapters and slides.
//!
//! `##` starts a chapter, `###` a slide; a `####` becomes a slide of its own when it has code of its
//! own (so Pod, Deployment and Service are one slide each), otherwise it stays a heading inside its
//! slide. Content after a `##` and before its first `###` is the chapter's intro slide. The front
//! matter and card make the title slide.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};

use super::card::{self, SummaryCard};
use super::diag::{Diagnostic, Diagnostics};
use super::frontmatter::{self, FrontMatter};
use super::markdown::{self, Piece};
use super::slug::{slugify, split_number};
use crate::content::{Block, Chapter, Cover, Inline, Slide, inline_text};

/// What a post becomes.
#[derive(Debug)]
pub struct Post {
    pub front: FrontMatter,
    pub card: Option<SummaryCard>,
    pub chapters: Vec<Chapter>,
}

/// Parses a post whose text is valid, clean UTF-8 with LF line endings.
pub fn parse(path: &str, text: &str, diags: &mut Diagnostics) -> Option<Post> {
    let split = match frontmatter::split(path, text) {
        Ok(s) => s,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    let front = frontmatter::parse(path, split.yaml, diags)?;
    let (body, liquid) = strip_liquid(split.body, split.body_line);
    for (line, msg) in liquid {
        diags.push(Diagnostic::warning(path, Some(line), msg));
    }
    let parsed = match contain_panic(|| markdown::parse(&body, split.body_line)) {
        Ok(p) => p,
        Err(msg) => {
            diags.push(Diagnostic::error(
                path,
                None,
                format!(
                    "the markdown parser crashed on this file ({msg}): simplify the markup around unusual constructs"
                ),
            ));
            return None;
        }
    };
    for (line, msg) in parsed.warnings {
        diags.push(Diagnostic::warning(path, Some(line), msg));
    }
    let lines: Vec<&str> = text.lines().collect();
    let headings = parsed
        .pieces
        .iter()
        .filter(|p| matches!(p, Piece::Heading { .. }))
        .count();
    let mut builder = Grouper::new(&lines, headings);
    let mut card = None;
    let pieces = parsed.pieces;
    let own_code = own_code_flags(&pieces);
    // Consumed, not borrowed: each block moves into its slide instead of being copied.
    for (piece, own_code) in pieces.into_iter().zip(own_code) {
        match piece {
            Piece::Html { html, line: _ } if card.is_none() && card::is_card(&html) => card = card::parse(&html),
            Piece::Html { html, line } => {
                diags.push(Diagnostic::warning(
                    path,
                    Some(line),
                    "raw HTML block: only its text is shown",
                ));
                let text = markdown::html_to_text(&html);
                if !text.is_empty() {
                    builder.block(
                        Block::Paragraph(vec![Inline {
                            text,
                            ..Inline::default()
                        }]),
                        line,
                    );
                }
            }
            Piece::Heading { level, text, line } => builder.heading(level, &text, line, own_code),
            Piece::Block { block, line } => builder.block(block, line),
        }
    }
    let mut chapters = builder.finish();
    let cover = Cover {
        title: front.title.clone(),
        date: front.date.map(|d| d.to_string()),
        categories: front.categories.clone(),
        tags: front.tags.clone(),
        excerpt: front.excerpt.as_deref().map(markdown::inlines).unwrap_or_default(),
        card: card.clone(),
        original_url: front.original_url.clone(),
    };
    let title_slide = &mut chapters[0].slides[0];
    title_slide.title = front.title.clone();
    title_slide.blocks.insert(0, Block::Cover(Box::new(cover)));
    if chapters.len() == 1 {
        diags.push(Diagnostic::warning(
            path,
            Some(split.body_line),
            "the post has no '##' chapters: everything is on the title slide",
        ));
    }
    Some(Post { front, card, chapters })
}

/// Runs the parser so that a panic inside it becomes an error for this file, not a crash.
pub fn contain_panic<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|p| {
        p.downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".into())
    })
}

/// For each piece, whether it is a `####` heading whose section (up to the next heading of level
/// <= 4) holds a code block or diagram. One pass from the end, so many headings stay linear.
fn own_code_flags(pieces: &[Piece]) -> Vec<bool> {
    let mut flags = vec![false; pieces.len()];
    let mut code_ahead = false;
    for (i, piece) in pieces.iter().enumerate().rev() {
        match piece {
            Piece::Heading { level, .. } if *level <= 4 => {
                flags[i] = *level == 4 && code_ahead;
                code_ahead = false;
            }
            Piece::Block {
                block: Block::Code(_) | Block::Diagram { .. },
                ..
            } => code_ahead = true,
            _ => {}
        }
    }
    flags
}

/// Removes Liquid tags (`{% raw %}`) keeping every line in place; warns about them and about
/// `{{ output }}` tags, which are left as written.
fn strip_liquid(body: &str, first_line: usize) -> (String, Vec<(usize, String)>) {
    if !body.contains("{%") && !body.contains("{{") {
        return (body.to_string(), Vec::new());
    }
    let mut warnings = Vec::new();
    let mut out = String::with_capacity(body.len());
    for (i, line) in body.split_inclusive('\n').enumerate() {
        let mut line = line.to_string();
        while let Some(start) = line.find("{%") {
            let Some(len) = line[start..].find("%}") else {
                break;
            };
            let tag = line[start..start + len + 2].to_string();
            warnings.push((first_line + i, format!("Liquid tag {tag} removed")));
            line.replace_range(start..start + len + 2, "");
        }
        if line.contains("{{") && line.contains("}}") {
            warnings.push((
                first_line + i,
                "Liquid output tag {{ ... }} shown as written".to_string(),
            ));
        }
        out.push_str(&line);
    }
    (out, warnings)
}

/// Groups headings and blocks into chapters and slides.
struct Grouper<'a> {
    lines: &'a [&'a str],
    chapters: Vec<Chapter>,
    /// Line on which the slide being filled starts.
    slide_start: usize,
    /// The current `###` slide (chapter, slide), for naming `####` slides under it.
    section: Option<(usize, usize)>,
    sub_count: usize,
    /// Hashes of the slugs given out. A slug is taken only when its hash is new, so slugs stay
    /// unique (equal slugs hash alike); a collision of two different slugs only moves one on to
    /// the next suffix. Hashes instead of strings: one allocation less per slide.
    slugs: HashSet<u64, BuildHasherDefault<DefaultHasher>>,
    /// Next suffix to try for each base slug, so 20,000 identical headings don't each retry
    /// `-2`, `-3`, ... from the start.
    next_suffix: HashMap<String, usize>,
}

/// A slug's hash for [`Grouper::slugs`]: fixed keys, so ids are the same on every run.
fn slug_hash(slug: &str) -> u64 {
    BuildHasherDefault::<DefaultHasher>::default().hash_one(slug)
}

impl<'a> Grouper<'a> {
    /// A grouper for a post of `lines` with about `headings` headings (to size the slug set once).
    fn new(lines: &'a [&'a str], headings: usize) -> Self {
        let title = Slide {
            number: None,
            slug: "title".into(),
            title: String::new(),
            section: None,
            extra_ids: Vec::new(),
            blocks: Vec::new(),
            lines: 1..=1,
            source: String::new(),
        };
        let intro = Chapter {
            number: None,
            slug: "intro".into(),
            title: "소개".into(),
            slides: vec![title],
        };
        let mut slugs = HashSet::with_capacity_and_hasher(headings.saturating_add(2), BuildHasherDefault::default());
        slugs.extend(["title", "intro"].map(slug_hash));
        Self {
            lines,
            chapters: vec![intro],
            slide_start: 1,
            section: None,
            sub_count: 0,
            slugs,
            next_suffix: HashMap::new(),
        }
    }

    fn unique_slug(&mut self, title: &str, fallback: &str) -> String {
        let base = Some(slugify(title))
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| fallback.to_string());
        // A base with a counter is taken already: go straight to its next suffix.
        let n = match self.next_suffix.get_mut(&base) {
            Some(n) => n,
            None => {
                if self.slugs.insert(slug_hash(&base)) {
                    return base;
                }
                self.next_suffix.entry(base.clone()).or_insert(2)
            }
        };
        let mut slug = String::with_capacity(base.len() + 6);
        loop {
            slug.clear();
            slug.push_str(&base);
            slug.push('-');
            // Writing to a String cannot fail.
            let _ = write!(slug, "{n}");
            *n += 1;
            if self.slugs.insert(slug_hash(&slug)) {
                return slug;
            }
        }
    }

    fn heading(&mut self, level: u8, text: &[Inline], line: usize, own_code: bool) {
        let raw = inline_text(text);
        let (number, title) = split_number(&raw);
        match level {
            1 | 2 => {
                self.close_slide(line);
                let slug = self.unique_slug(&title, &format!("chapter-{}", self.chapters.len()));
                self.chapters.push(Chapter {
                    number,
                    slug,
                    title,
                    slides: Vec::new(),
                });
                self.section = None;
            }
            3 => {
                self.close_slide(line);
                let slug = self.unique_slug(&title, "slide");
                self.sub_count = 0;
                self.new_slide(number, slug, title, None, line);
                let chapter = self.chapters.len() - 1;
                self.section = Some((chapter, self.chapters[chapter].slides.len() - 1));
            }
            4 if own_code => {
                self.close_slide(line);
                self.sub_count += 1;
                let parent = self
                    .section
                    .and_then(|(c, s)| self.chapters.get(c)?.slides.get(s))
                    .map(|p| (p.number.clone(), p.title.as_str()));
                let (parent_number, parent_title) = parent.unwrap_or((None, ""));
                let number = number.or_else(|| parent_number.as_ref().map(|p| format!("{p}.{}", self.sub_count)));
                let section = Some(match &parent_number {
                    Some(n) => format!("{n} {parent_title}"),
                    None => parent_title.to_string(),
                })
                .filter(|s| !s.is_empty());
                let slug = self.unique_slug(&title, "slide");
                self.new_slide(number, slug, title, section, line);
            }
            _ => self.block(
                Block::Heading {
                    level,
                    text: text.to_vec(),
                },
                line,
            ),
        }
    }

    fn new_slide(&mut self, number: Option<String>, slug: String, title: String, section: Option<String>, line: usize) {
        if self.chapters.len() == 1 {
            // A `###` before any `##`: give it a chapter of its own so the title chapter stays the cover.
            let slug = self.unique_slug("chapter", "chapter");
            self.chapters.push(Chapter {
                number: None,
                slug,
                title: title.clone(),
                slides: Vec::new(),
            });
        }
        let slide = Slide {
            number,
            slug,
            title,
            section,
            extra_ids: Vec::new(),
            blocks: Vec::new(),
            lines: line..=line,
            source: String::new(),
        };
        self.chapters.last_mut().expect("a chapter exists").slides.push(slide);
        self.slide_start = line;
    }

    fn block(&mut self, block: Block, line: usize) {
        let chapter_index = self.chapters.len() - 1;
        if chapter_index > 0 && self.chapters[chapter_index].slides.is_empty() {
            // Content right under a `##`: the chapter's intro slide, named after the chapter.
            let ch = &self.chapters[chapter_index];
            let (number, title, heading_line) = (ch.number.clone(), ch.title.clone(), self.slide_start);
            // It shares the chapter's slug: both names lead to the same slide.
            let slug = ch.slug.clone();
            self.new_slide(number, slug, title, None, heading_line.min(line));
        }
        let slide = self.chapters[chapter_index].slides.last_mut().expect("a slide exists");
        slide.blocks.push(block);
    }

    /// Ends the current slide just before `next_line`; records its source.
    fn close_slide(&mut self, next_line: usize) {
        let lines = self.lines;
        let start = self.slide_start;
        if let Some(slide) = self.chapters.last_mut().and_then(|c| c.slides.last_mut())
            && *slide.lines.start() == start
        {
            let mut end = next_line.saturating_sub(1).max(start);
            while end > start && lines.get(end - 1).is_some_and(|l| l.trim().is_empty()) {
                end -= 1;
            }
            slide.lines = start..=end;
            slide.source = lines[start - 1..end.min(lines.len())].join("\n");
        }
        self.slide_start = next_line;
    }

    fn finish(mut self) -> Vec<Chapter> {
        let end = self.lines.len() + 1;
        self.close_slide(end);
        merge_empty_parents(&mut self.chapters);
        self.chapters.retain(|c| !c.slides.is_empty());
        self.chapters
    }
}

/// A `###` with nothing of its own, followed by `####` slides, is not shown: its number and slug
/// lead to its first `####` slide instead (`2.2` opens Pod).
fn merge_empty_parents(chapters: &mut [Chapter]) {
    for chapter in chapters.iter_mut() {
        // Rebuilt in one pass: removing from the middle of the list was quadratic.
        let mut kept: Vec<Slide> = Vec::with_capacity(chapter.slides.len());
        let mut slides = std::mem::take(&mut chapter.slides).into_iter().peekable();
        while let Some(slide) = slides.next() {
            // The child's section reads "NUMBER TITLE" of its parent (compared without building it).
            let labels_parent = |section: &str| match &slide.number {
                Some(n) => section
                    .strip_prefix(n.as_str())
                    .and_then(|rest| rest.strip_prefix(' '))
                    .is_some_and(|t| t == slide.title),
                None => section == slide.title,
            };
            let is_parent = slide.blocks.is_empty()
                && slides
                    .peek()
                    .is_some_and(|next| next.section.as_deref().is_some_and(labels_parent));
            match slides.next_if(|_| is_parent) {
                Some(mut child) => {
                    child.extra_ids.extend(slide.number);
                    child.extra_ids.push(slide.slug);
                    // The source view numbers lines from the parent's heading: its source
                    // starts there too (heading, the blank lines between, then the child's).
                    let gap = child.lines.start().saturating_sub(*slide.lines.end());
                    let mut source = slide.source;
                    source.push_str(&"\n".repeat(gap.max(1)));
                    source.push_str(&child.source);
                    child.source = source;
                    child.lines = *slide.lines.start()..=*child.lines.end();
                    kept.push(child);
                }
                None => kept.push(slide),
            }
        }
        chapter.slides = kept;
    }
}
