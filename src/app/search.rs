//! The `/` filter: a case-insensitive search over every slide's text and narration of every
//! lesson, indexed once per lesson (when the lesson is read) so each key typed only scans strings.

use crate::content::{Course, Lesson, SlideIndex};
use crate::render::blocks::{RenderOptions, title_lines};
use crate::render::{line_text, slide_lines};

/// Lines wider than this are not wrapped for the index, so a match is never split across lines.
const INDEX_WIDTH: usize = 400;
/// A search that hits more than this stops listing; the count says so.
pub const MAX_HITS: usize = 500;

/// Where a hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Slide,
    /// Narration segment (its number, `[구간 N]`).
    Narration(usize),
    /// A component of a diagram on the slide (found by its label or description).
    Component {
        diagram: usize,
        component: usize,
    },
}

/// One matching line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub lesson: usize,
    pub slide: SlideIndex,
    pub place: Place,
    /// The matching line, trimmed.
    pub line: String,
    /// Which slide-text hit on its slide this is (0, 1, ...), to scroll to the right line.
    pub occurrence: usize,
}

/// The text of one slide, lower-cased copies alongside for matching.
#[derive(Debug)]
struct Entry {
    lesson: usize,
    slide: SlideIndex,
    place: Place,
    lines: Vec<(String, String)>,
}

/// Every searchable line of a course, lesson by lesson. A lesson is indexed at the first search
/// after it is read: the first frame doesn't need the index, and building it for the built-in
/// lesson took about a tenth of a start.
#[derive(Debug, Default)]
pub struct Index {
    /// `None`: not indexed yet (or read again since).
    lessons: Vec<Option<Vec<Entry>>>,
}

impl Index {
    /// An index of `course` with nothing indexed yet.
    pub fn new(course: &Course) -> Self {
        Self {
            lessons: course.lessons.iter().map(|_| None).collect(),
        }
    }

    /// Lesson `l` was read after the index was made: it is indexed anew at the next search.
    pub fn forget_lesson(&mut self, l: usize) {
        if self.lessons.len() <= l {
            self.lessons.resize_with(l + 1, || None);
        }
        self.lessons[l] = None;
    }

    /// Indexes every lesson of `course` not indexed yet.
    fn fill(&mut self, course: &Course) {
        self.lessons.resize_with(course.lessons.len(), || None);
        for (l, (entries, lesson)) in self.lessons.iter_mut().zip(&course.lessons).enumerate() {
            if entries.is_none() {
                *entries = Some(entries_of(l, lesson));
            }
        }
    }

    /// Every line of `course` containing `query` (case-insensitive), in course order, at most
    /// [`MAX_HITS`].
    pub fn search(&mut self, course: &Course, query: &str) -> Vec<Hit> {
        let needle = query.trim().to_lowercase();
        if needle.is_empty() {
            return Vec::new();
        }
        self.fill(course);
        let mut hits = Vec::new();
        for entry in self.lessons.iter().flatten().flatten() {
            let mut occurrence = 0;
            for (text, lower) in &entry.lines {
                if !lower.contains(&needle) {
                    continue;
                }
                hits.push(Hit {
                    lesson: entry.lesson,
                    slide: entry.slide,
                    place: entry.place,
                    line: snippet(text, &needle),
                    occurrence,
                });
                occurrence += 1;
                if hits.len() >= MAX_HITS {
                    return hits;
                }
            }
        }
        hits
    }
}

/// The searchable lines of lesson `l`.
fn entries_of(l: usize, lesson: &Lesson) -> Vec<Entry> {
    let mut entries = Vec::new();
    let pair = |s: String| {
        let lower = s.to_lowercase();
        (s, lower)
    };
    let opts = RenderOptions {
        width: INDEX_WIDTH,
        highlighter: None,
        syntax_theme: "",
        diagrams: &lesson.diagrams,
        focus: None,
    };
    for (i, (_, slide)) in lesson.slides().enumerate() {
        let mut lines: Vec<String> = title_lines(slide, INDEX_WIDTH).iter().map(|l| line_text(l)).collect();
        // Frames and table borders are drawing, not text: keep what is inside. Diagrams
        // are indexed by their components below, not by their drawing.
        let mut text_only = slide.clone();
        text_only
            .blocks
            .retain(|b| !matches!(b, crate::content::Block::Figure(_)));
        lines.extend(
            slide_lines(&text_only, &opts)
                .iter()
                .map(|l| without_drawing(&line_text(l)))
                .filter(|l| !l.is_empty()),
        );
        entries.push(Entry {
            lesson: l,
            slide: SlideIndex(i),
            place: Place::Slide,
            lines: lines.into_iter().map(pair).collect(),
        });
        // A diagram's components are found by name and by what they do; a hit selects
        // the component. Copies (three nodes' kubelets) are listed once.
        for block in &slide.blocks {
            let crate::content::Block::Figure(d) = block else {
                continue;
            };
            let Some(diagram) = lesson.diagrams.get(*d) else {
                continue;
            };
            let mut seen = std::collections::HashSet::new();
            for (c, component) in diagram.components.iter().enumerate() {
                let line = format!("{}: {}", component.label, component.description);
                if seen.insert(line.clone()) {
                    entries.push(Entry {
                        lesson: l,
                        slide: SlideIndex(i),
                        place: Place::Component {
                            diagram: *d,
                            component: c,
                        },
                        lines: vec![pair(line)],
                    });
                }
            }
        }
        let Some(script) = &lesson.script else { continue };
        for seg in lesson.segments_of(SlideIndex(i)) {
            let segment = &script.segments[seg];
            entries.push(Entry {
                lesson: l,
                slide: SlideIndex(i),
                place: Place::Narration(segment.number),
                lines: vec![pair(crate::content::inline_text(&segment.inlines))],
            });
        }
    }
    entries
}

/// A line with box-drawing characters and arrows taken out and the gaps they leave closed, so
/// `│ etcd │  │ Scheduler │` reads `etcd Scheduler`.
fn without_drawing(line: &str) -> String {
    let drawing = |c: char| ('\u{2500}'..='\u{257f}').contains(&c) || matches!(c, '▼' | '▶' | '▲' | '◀' | '↪');
    let cleaned: String = line.chars().map(|c| if drawing(c) { ' ' } else { c }).collect();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The line around the first match: a long narration paragraph starts shortly before it.
fn snippet(text: &str, needle: &str) -> String {
    let text = text.trim();
    let Some(first) = match_ranges(text, needle).into_iter().next() else {
        return text.to_string();
    };
    if first.start <= 60 {
        return text.to_string();
    }
    let start = text
        .char_indices()
        .map(|(i, _)| i)
        .take_while(|&i| i + 40 <= first.start)
        .last()
        .unwrap_or(0);
    format!("…{}", &text[start..])
}

/// Byte ranges of `needle` (already lower-case) in `text`, case-insensitively, for highlighting.
/// Compares character by character so the offsets are offsets in `text` itself.
pub fn match_ranges(text: &str, needle: &str) -> Vec<std::ops::Range<usize>> {
    let needle: Vec<char> = needle.chars().collect();
    if needle.is_empty() {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + needle.len() <= chars.len() {
        let same = needle
            .iter()
            .enumerate()
            .all(|(k, n)| chars[i + k].1.to_lowercase().eq(n.to_lowercase()));
        if same {
            let end = chars.get(i + needle.len()).map_or(text.len(), |(b, _)| *b);
            out.push(chars[i].0..end);
            i += needle.len();
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{CourseSource, load_course};

    #[test]
    fn finds_english_and_korean_in_slides_and_narration() {
        let course = load_course(&CourseSource::BuiltIn).course.expect("built-in course");
        let mut index = Index::new(&course);
        let lesson = &course.lessons[0];
        let trivy = index.search(&course, "TRIVY");
        assert!(
            trivy
                .iter()
                .any(|h| h.place == Place::Slide && lesson.id_of(h.slide) == "3.1")
        );
        assert!(trivy.iter().all(|h| h.line.to_lowercase().contains("trivy")));
        // Falco is in the security diagram on 3.1 and spoken over 3.3 and 5; the narration's
        // markdown markers are gone from the snippets.
        let falco = index.search(&course, "falco");
        let places: Vec<(String, Place)> = falco.iter().map(|h| (lesson.id_of(h.slide), h.place)).collect();
        assert_eq!(
            places,
            [
                (
                    "3.1".into(),
                    Place::Component {
                        diagram: 2,
                        component: 4
                    }
                ),
                ("3.3".into(), Place::Narration(21)),
                ("5".into(), Place::Narration(23))
            ]
        );
        assert!(falco.iter().all(|h| !h.line.contains("**")), "{falco:?}");
        let pod = index.search(&course, "컨테이너");
        assert!(pod.iter().any(|h| matches!(h.place, Place::Narration(_))));
        assert!(
            pod.iter()
                .any(|h| h.place == Place::Slide && lesson.id_of(h.slide) == "1.1")
        );
        assert!(index.search(&course, "   ").is_empty());
        assert!(index.search(&course, "zzzz-no-such-thing").is_empty());
    }

    #[test]
    fn match_ranges_are_case_insensitive_byte_ranges() {
        assert_eq!(match_ranges("Falco and falco", "falco"), [0..5, 10..15]);
        assert_eq!(match_ranges("파드를 파드", "파드"), [0..6, 10..16]);
        assert!(match_ranges("abc", "").is_empty());
    }
}
