//! Choosing a damaged syllable's character by evidence, strongest first: the same word elsewhere
//! in the post or its script, then syllable sequences of clean course text (the corpus), then the
//! Kubernetes/Docker vocabulary. A choice is made only when one
//! candidate clearly wins; otherwise the spot is left for a person.
//!
//! Damaged syllables side by side (`작은`, `이상의`) are judged together, every combination of
//! their candidates against the same tables, since neither gives the other any context alone.

use super::decode::{Cell, is_syllable};
use super::ngrams::{MAX_N, Ngrams, Token, key, key_of_chars, token};
use super::vocab::TERMS;

/// How many times the best candidate must beat the second to be chosen on frequencies.
const RATIO: u32 = 4;
/// The most side-by-side damaged syllables judged together, and the most combinations tried.
const MAX_BLOCK: usize = 3;
const MAX_COMBINATIONS: usize = 1024;

/// What the evidence says about one damaged character.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Chosen { choice: char, evidence: String },
    Undecided { why: String },
}

/// The text being repaired: its cells and what is known or decided of each.
pub struct Context<'a> {
    pub cells: &'a [Cell],
    pub chars: &'a [Option<char>],
}

impl Context<'_> {
    fn open_syllable(&self, i: usize) -> bool {
        self.chars[i].is_none() && matches!(&self.cells[i], Cell::Damaged(c) if c.iter().any(|&c| is_syllable(c)))
    }

    fn candidates(&self, i: usize) -> &[char] {
        match &self.cells[i] {
            Cell::Damaged(c) => c,
            Cell::Known(_) => &[],
        }
    }
}

/// Judges the damaged syllable at `k` (and the damaged syllables beside it): the verdict for
/// each cell judged, or nothing yet when a later pass may know more (never on the `last` one).
pub fn judge(ctx: &Context<'_>, k: usize, local: &[&Ngrams], corpus: &Ngrams, last: bool) -> Vec<(usize, Verdict)> {
    let cands = ctx.candidates(k);
    match cands {
        [] => return vec![(k, undecided("no character fits the bytes that are left"))],
        [only] => {
            return vec![(
                k,
                Verdict::Chosen {
                    choice: *only,
                    evidence: "the only character the remaining bytes allow".into(),
                },
            )];
        }
        _ => {}
    }
    // Frequencies count the post's own clean text too: it is clean Korean of the same kind.
    let everything: Vec<&Ngrams> = local.iter().copied().chain([corpus]).collect();
    let seen = |c: char| key_of_chars(&[c]).is_some_and(|k| everything.iter().any(|t| t.get(k).is_some()));
    let block = block(ctx, k, &seen);
    let combos = combinations(ctx, &block, &seen);
    for (tables, level) in [(local, Level::Local), (&everything[..], Level::Corpus)] {
        let min_n = block.len().max(2);
        for n in (min_n..=MAX_N).rev() {
            let scored = rank(ctx, &block, &combos, n, tables);
            let (top, second) = (scored[0].0, scored.get(1).map_or(0, |s| s.0));
            if top == 0 {
                continue;
            }
            let winner = scored[0].1;
            // A word the post happens to share with its script must not overrule the corpus
            // when the corpus prefers another candidate in the same place (`생태`/`상태`): one
            // shared word is weak evidence, and the corpus level then decides or marks the spot.
            // (Only a clear corpus preference used to count: 16 wrong repairs of 2,072; now 12.)
            let contradicted = matches!(level, Level::Local) && {
                let freq = rank(ctx, &block, &combos, n, &everything);
                let of_winner = freq.iter().find(|f| f.1 == winner).map_or(0, |f| f.0);
                freq[0].1 != winner && freq[0].0 > of_winner
            };
            if !contradicted && (second == 0 || top >= RATIO * second) {
                let other: String = scored.get(1).map(|s| combos[s.1].iter().collect()).unwrap_or_default();
                let evidence = level.describe(scored[0].2.clone(), top, second, &other);
                return (block.iter().zip(&combos[winner]))
                    .map(|(&i, &choice)| {
                        (
                            i,
                            Verdict::Chosen {
                                choice,
                                evidence: evidence.clone(),
                            },
                        )
                    })
                    .collect();
            }
            break;
        }
    }
    if block.len() == 1 {
        if let Some(v) = vocabulary(ctx, k, cands) {
            return vec![(k, v)];
        }
    }
    let waiting = (k.saturating_sub(MAX_N)..(k + MAX_N).min(ctx.chars.len())).any(|i| i != k && ctx.open_syllable(i));
    if waiting && !last {
        return Vec::new();
    }
    let why = if block.len() > 1 {
        format!(
            "{} damaged syllables side by side and no evidence decides them",
            block.len()
        )
    } else {
        "no evidence decides between the candidates".to_string()
    };
    block.iter().map(|&i| (i, undecided(&why))).collect()
}

/// Each combination's count over the `n`-token windows, best first: (count, combination, best window).
fn rank(
    ctx: &Context<'_>,
    block: &[usize],
    combos: &[Vec<char>],
    n: usize,
    tables: &[&Ngrams],
) -> Vec<(u32, usize, Option<Best>)> {
    // Which windows count depends on the text around the block, not on the candidates (all
    // syllables): found once, then only the block's tokens change from one combination to the next.
    let windows = windows(ctx, block, n);
    let mut scored: Vec<(u32, usize, Option<Best>)> = (combos.iter().enumerate())
        .map(|(i, combo)| {
            let (total, best) = score(block, combo, n, &windows, tables);
            (total, i, best)
        })
        .collect();
    scored.sort_by_key(|s| std::cmp::Reverse(s.0));
    scored
}

fn undecided(why: &str) -> Verdict {
    Verdict::Undecided { why: why.to_string() }
}

/// The candidates of cell `i` worth scoring: a syllable no clean text has can be in no n-gram
/// of it either (all of them, when none is seen).
fn plausible(ctx: &Context<'_>, i: usize, seen: &dyn Fn(char) -> bool) -> Vec<char> {
    let all = ctx.candidates(i);
    let kept: Vec<char> = all.iter().copied().filter(|&c| seen(c)).collect();
    if kept.is_empty() { all.to_vec() } else { kept }
}

/// `k` and the undecided damaged syllables next to it, as many as can be judged together.
fn block(ctx: &Context<'_>, k: usize, seen: &dyn Fn(char) -> bool) -> Vec<usize> {
    let mut block = vec![k];
    let mut product = plausible(ctx, k, seen).len();
    let (mut lo, mut hi) = (k, k);
    while block.len() < MAX_BLOCK {
        let left = (lo > 0 && ctx.open_syllable(lo - 1)).then(|| lo - 1);
        let right = (hi + 1 < ctx.chars.len() && ctx.open_syllable(hi + 1)).then_some(hi + 1);
        let Some(next) = left.or(right) else { break };
        let grown = product.saturating_mul(plausible(ctx, next, seen).len());
        if grown > MAX_COMBINATIONS {
            break;
        }
        product = grown;
        if next < lo {
            lo = next;
            block.insert(0, next);
        } else {
            hi = next;
            block.push(next);
        }
    }
    block
}

/// Every combination of the block's plausible candidates, in order.
fn combinations(ctx: &Context<'_>, block: &[usize], seen: &dyn Fn(char) -> bool) -> Vec<Vec<char>> {
    let mut combos: Vec<Vec<char>> = vec![Vec::new()];
    for &i in block {
        let cands = plausible(ctx, i, seen);
        combos = combos
            .iter()
            .flat_map(|c| {
                cands.iter().map(move |&x| {
                    let mut c = c.clone();
                    c.push(x);
                    c
                })
            })
            .collect();
    }
    combos
}

/// The window that gave a combination its best count: the word, the table, the line.
#[derive(Clone)]
struct Best {
    word: String,
    source: &'static str,
    line: u32,
}

/// A window through the block: where it starts and its characters, the block's left as `\0`.
struct Window {
    start: usize,
    chars: [char; MAX_N],
}

/// The `n`-character windows covering the block whose other characters are all known and that
/// judge the block as part of its word (see [`within_word`]).
fn windows(ctx: &Context<'_>, block: &[usize], n: usize) -> Vec<Window> {
    let (b0, b1) = (block[0], block[block.len() - 1] + 1);
    let mut out = Vec::new();
    for s in b1.saturating_sub(n)..=b0 {
        if s + n > ctx.chars.len() {
            break;
        }
        let mut chars = ['\0'; MAX_N];
        let mut known = true;
        for (j, slot) in chars[..n].iter_mut().enumerate() {
            let i = s + j;
            if (b0..b1).contains(&i) {
                // Any syllable stands in for the block here: only "is a syllable" matters.
                *slot = '가';
            } else {
                match ctx.chars[i] {
                    Some(c) => *slot = c,
                    None => known = false,
                }
            }
        }
        if known && within_word(&chars[..n], s, block, ctx) {
            for slot in &mut chars[b0 - s..b1 - s] {
                *slot = '\0';
            }
            out.push(Window { start: s, chars });
        }
    }
    out
}

/// Sum of counts of `windows` with `combo` in the block, in `tables`.
fn score(block: &[usize], combo: &[char], n: usize, windows: &[Window], tables: &[&Ngrams]) -> (u32, Option<Best>) {
    let b0 = block[0];
    let mut total = 0u32;
    // The best window as (count, its characters, table, line): the word is only spelt out once.
    let mut best: Option<(u32, [char; MAX_N], usize, u32)> = None;
    for w in windows {
        let mut word = w.chars;
        for (j, &c) in combo.iter().enumerate() {
            word[b0 - w.start + j] = c;
        }
        let mut tokens = [0 as Token; MAX_N];
        for (t, &c) in tokens.iter_mut().zip(&word[..n]) {
            *t = token(c);
        }
        let Some(key) = key(&tokens[..n]) else { continue };
        for (ti, t) in tables.iter().enumerate() {
            if let Some((count, line)) = t.get(key) {
                total = total.saturating_add(count);
                if best.is_none_or(|b| count > b.0) {
                    best = Some((count, word, ti, line));
                }
            }
        }
    }
    let best = best.map(|(_, word, ti, line)| Best {
        word: word[..n].iter().collect(),
        source: tables[ti].source,
        line,
    });
    (total, best)
}

/// Whether a window (`word`, starting at `s`) judges the block as part of its own word: the
/// block with at least two syllables of its word, or a one-syllable word (`및`, the `의` of
/// `Docker의`) with what stands on both sides of it.
fn within_word(word: &[char], s: usize, block: &[usize], ctx: &Context<'_>) -> bool {
    let (b0, b1) = (block[0] - s, block[block.len() - 1] + 1 - s);
    let left = word[..b0].iter().rev().take_while(|&&c| is_syllable(c)).count();
    let right = word[b1..].iter().take_while(|&&c| is_syllable(c)).count();
    if left + block.len() + right >= 2 {
        return true;
    }
    let syllable_at = |i: Option<usize>| {
        i.and_then(|i| ctx.chars.get(i).copied().flatten())
            .is_some_and(is_syllable)
    };
    let alone = !syllable_at(block[0].checked_sub(1)) && !syllable_at(Some(block[block.len() - 1] + 1));
    // Exactly the word and its two neighbours: reaching into the next word would judge that one.
    alone && b0 == 1 && b1 + 1 == word.len()
}

#[derive(Clone, Copy)]
enum Level {
    Local,
    Corpus,
}

impl Level {
    fn describe(self, best: Option<Best>, top: u32, second: u32, other: &str) -> String {
        let Some(b) = best else {
            return format!("{top} against {second}");
        };
        let word = crate::text::clean_line(b.word.trim());
        let against = if other.is_empty() {
            String::new()
        } else {
            format!(", {second} for '{other}'")
        };
        match self {
            Level::Local => format!(
                "the same word elsewhere: '{word}' in {} (line {}), {top}x{against}",
                b.source, b.line
            ),
            Level::Corpus => format!("frequency in clean course text: '{word}' {top}x{against}"),
        }
    }
}

/// A candidate that completes a vocabulary term through `k` (every other syllable known).
fn vocabulary(ctx: &Context<'_>, k: usize, candidates: &[char]) -> Option<Verdict> {
    let mut hits: Vec<(char, &str)> = Vec::new();
    for &c in candidates {
        for term in TERMS {
            let t: Vec<char> = term.chars().collect();
            let found = (0..t.len()).any(|j| {
                let Some(start) = k.checked_sub(j) else { return false };
                start + t.len() <= ctx.chars.len()
                    && t.iter().enumerate().all(|(x, &tc)| {
                        let here = if start + x == k { Some(c) } else { ctx.chars[start + x] };
                        here == Some(tc)
                    })
            });
            if found && !hits.iter().any(|&(h, _)| h == c) {
                hits.push((c, term));
            }
        }
    }
    match hits.as_slice() {
        [(c, term)] => Some(Verdict::Chosen {
            choice: *c,
            evidence: format!("Kubernetes/Docker vocabulary: '{term}'"),
        }),
        _ => None,
    }
}
