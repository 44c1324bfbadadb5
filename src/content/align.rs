//! Automatic alignment of narration segments to slides, for lessons without a `narration:` map.
//!
//! Each (segment, slide) pair scores the terms both mention (Docker, Pod, Trivy, ...), weighted by
//! how rare the term is among slides. A dynamic programme then picks, for every segment in order, a
//! slide at or after the previous segment's slide, maximising the total score. A small pull toward
//! the diagonal (segment k of n near slide k of m) decides between slides that tie, such as the
//! greeting and the title slide.
//!
//! Only speech is scored: a cue, a pause or a preamble says nothing about a slide, so it is placed
//! with its neighbours (the slide of the speech before it, or after it at the very start).

use crate::content::{Block, Lesson, SlideIndex, inline_text};

/// Terms the lecture and the post share (lower case). Slide titles add their own words.
const TERMS: &[&str] = &[
    "docker",
    "dockerfile",
    "이미지",
    "image",
    "컨테이너",
    "container",
    "레지스트리",
    "registry",
    "docker hub",
    "kubernetes",
    "k8s",
    "오케스트레이션",
    "아키텍처",
    "컨트롤 플레인",
    "control plane",
    "노드",
    "node",
    "etcd",
    "api server",
    "scheduler",
    "kubelet",
    "pod",
    "deployment",
    "service",
    "보안",
    "security",
    "스캔",
    "scan",
    "취약점",
    "trivy",
    "snyk",
    "cve",
    "non-root",
    "비루트",
    "읽기 전용",
    "readonly",
    "secret",
    "런타임",
    "runtime",
    "falco",
    "network policy",
    "networkpolicy",
    "네트워크",
    "pod security",
    "minikube",
    "k9s",
    "클러스터",
    "실습",
    "설치",
    "정리",
    "마무리",
    "다음 주차",
];

/// Weight of the pull toward the diagonal, relative to one shared rare term (about 1-3).
const DIAGONAL_WEIGHT: f64 = 0.8;

/// The automatic choice, and the segments it could only place by their position.
#[derive(Debug, Default)]
pub struct AutoAlignment {
    /// A slide for every segment, in order.
    pub slides: Vec<SlideIndex>,
    /// Segments (indices) that share no term with the slide they were put on.
    pub unsupported: Vec<usize>,
}

/// Chooses a slide for every segment of `lesson`'s script (empty without a script).
pub fn auto_align(lesson: &Lesson) -> AutoAlignment {
    let Some(script) = &lesson.script else {
        return AutoAlignment::default();
    };
    let slides: Vec<String> = lesson.slides().map(|(_, s)| slide_text(s)).collect();
    let titles: Vec<String> = lesson.slides().map(|(_, s)| s.title.to_lowercase()).collect();
    let speech: Vec<usize> = (0..script.segments.len())
        .filter(|&j| script.segments[j].kind.is_speech())
        .collect();
    let (n_seg, n_slide) = (speech.len(), slides.len());
    if script.segments.is_empty() || n_slide == 0 {
        return AutoAlignment::default();
    }
    if n_seg == 0 {
        return AutoAlignment {
            slides: vec![SlideIndex(0); script.segments.len()],
            unsupported: Vec::new(),
        };
    }
    let mut terms: Vec<String> = TERMS.iter().map(|t| t.to_string()).collect();
    for title in &titles {
        for word in title.split(|c: char| !c.is_alphanumeric()).flat_map(script_runs) {
            let long_enough = if word.is_ascii() {
                word.len() >= 3
            } else {
                word.chars().count() >= 2
            };
            // A Hangul word usually ends in a particle (`하드코딩의`): its stem is a term too.
            let stem = (!word.is_ascii() && word.chars().count() >= 3)
                .then(|| word.char_indices().last().map(|(i, _)| &word[..i]))
                .flatten();
            for term in std::iter::once(word).chain(stem) {
                if long_enough && !terms.iter().any(|t| t == term) {
                    terms.push(term.to_string());
                }
            }
        }
    }
    let df: Vec<usize> = terms
        .iter()
        .map(|t| slides.iter().filter(|s| s.contains(t.as_str())).count())
        .collect();
    let score = |seg: &str, i: usize| -> f64 {
        let mut total = 0.0;
        for (t, term) in terms.iter().enumerate() {
            if df[t] > 0 && seg.contains(term.as_str()) && slides[i].contains(term.as_str()) {
                let idf = (n_slide as f64 / df[t] as f64).ln() + 0.1;
                total += if titles[i].contains(term.as_str()) {
                    2.0 * idf
                } else {
                    idf
                };
            }
        }
        total
    };
    let diagonal = |j: usize, i: usize| {
        let a = if n_seg > 1 { j as f64 / (n_seg - 1) as f64 } else { 0.0 };
        let b = if n_slide > 1 {
            i as f64 / (n_slide - 1) as f64
        } else {
            0.0
        };
        -DIAGONAL_WEIGHT * (a - b).abs() * 4.0
    };
    // best[j][i]: best total for segments 0..=j with segment j on slide i; from[j][i]: argmax predecessor.
    let mut best = vec![vec![f64::NEG_INFINITY; n_slide]; n_seg];
    let mut from = vec![vec![0usize; n_slide]; n_seg];
    for (j, seg) in speech.iter().map(|&k| &script.segments[k]).enumerate() {
        let text = seg.text.to_lowercase();
        let (mut run_best, mut run_arg) = (f64::NEG_INFINITY, 0);
        for i in 0..n_slide {
            if j > 0 && best[j - 1][i] > run_best {
                (run_best, run_arg) = (best[j - 1][i], i);
            }
            let prev = if j == 0 { 0.0 } else { run_best };
            best[j][i] = prev + score(&text, i) + diagonal(j, i);
            from[j][i] = run_arg;
        }
    }
    let mut i = (0..n_slide)
        .max_by(|&a, &b| best[n_seg - 1][a].total_cmp(&best[n_seg - 1][b]))
        .unwrap_or(0);
    let mut placed = vec![SlideIndex(0); n_seg];
    let mut unsupported = Vec::new();
    for j in (0..n_seg).rev() {
        placed[j] = SlideIndex(i);
        if score(&script.segments[speech[j]].text.to_lowercase(), i) == 0.0 {
            unsupported.push(speech[j]);
        }
        i = from[j][i];
    }
    unsupported.reverse();
    AutoAlignment {
        slides: with_neighbours(script.segments.len(), &speech, &placed),
        unsupported,
    }
}

/// Slides for all `count` segments from the slides of the speech segments (`speech[j]` is on
/// `placed[j]`): the rest take the slide of the speech before them, or the first speech's slide.
fn with_neighbours(count: usize, speech: &[usize], placed: &[SlideIndex]) -> Vec<SlideIndex> {
    let mut slides = Vec::with_capacity(count);
    let mut next = 0;
    let mut current = placed.first().copied().unwrap_or(SlideIndex(0));
    for k in 0..count {
        if speech.get(next) == Some(&k) {
            current = placed[next];
            next += 1;
        }
        slides.push(current);
    }
    slides
}

/// Splits a word where Latin letters meet Hangul, so `irsa로` gives `irsa` and `로`: Korean particles
/// attach to the word before them, and the script may use another particle (`IRSA를`).
fn script_runs(word: &str) -> Vec<&str> {
    let mut runs = Vec::new();
    let mut start = 0;
    let mut prev_ascii = None;
    for (i, c) in word.char_indices() {
        let ascii = c.is_ascii();
        if prev_ascii.is_some_and(|p| p != ascii) {
            runs.push(&word[start..i]);
            start = i;
        }
        prev_ascii = Some(ascii);
    }
    runs.push(&word[start..]);
    runs
}

/// Everything a slide says, lower case, for term matching.
fn slide_text(slide: &crate::content::Slide) -> String {
    let mut text = slide.title.to_lowercase();
    for block in &slide.blocks {
        push_block_text(block, &mut text);
    }
    text.to_lowercase()
}

fn push_block_text(block: &Block, out: &mut String) {
    out.push(' ');
    match block {
        Block::Paragraph(i) | Block::Heading { text: i, .. } => out.push_str(&inline_text(i)),
        Block::List(l) => l.items.iter().flatten().for_each(|b| push_block_text(b, out)),
        Block::Quote(bs) => bs.iter().for_each(|b| push_block_text(b, out)),
        Block::Table(t) => t
            .header
            .iter()
            .chain(t.rows.iter().flatten())
            .for_each(|c| out.push_str(&inline_text(c))),
        Block::Code(c) => out.push_str(&c.text),
        Block::Diagram { text } => out.push_str(text),
        // Diagram labels come from lesson.yaml, which alignment doesn't read.
        Block::Figure(_) => {}
        Block::Cover(c) => {
            out.push_str(&c.title);
            out.push_str(&inline_text(&c.excerpt));
        }
        Block::Rule => {}
    }
}
