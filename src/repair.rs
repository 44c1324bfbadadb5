//! Repairs Korean text that was UTF-8, decoded with a Windows code page and encoded again, with
//! the bytes the code page had no character for lost on the way (the week-7 post went through
//! Windows-1254). The code page is reversed; each character that lost bytes gets the candidate
//! the evidence chooses, and a character the evidence cannot decide is marked U+FFFD and listed
//! for a person. Nothing is guessed silently: every repair is reported with its line, column and
//! evidence.

mod choose;
pub mod codepage;
pub mod decode;
pub mod ngrams;
mod vocab;

use choose::{Context, Verdict, judge};
use codepage::CodePage;
use decode::{Cell, decode, is_syllable};
use ngrams::Ngrams;

/// What is put where the evidence could not decide: the replacement character, for a person.
pub const UNDECIDED: char = '\u{FFFD}';

/// How many passes are made over the damaged characters: a decision can give its neighbour the
/// context it lacked, and four passes settle every chain the corpus shows.
const PASSES: usize = 4;

/// A repaired text and what was done to it.
#[derive(Debug, Clone)]
pub struct Repair {
    pub code_page: CodePage,
    /// The text with the code page reversed and every damaged character chosen or marked.
    pub text: String,
    /// Every damaged character, in text order.
    pub spots: Vec<Spot>,
}

/// One character that lost bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spot {
    /// 1-based line and column (in characters) in the repaired text.
    pub line: usize,
    pub column: usize,
    /// Every character the remaining bytes allow.
    pub candidates: Vec<char>,
    /// The choice and its evidence, or why there is none (the text has U+FFFD there).
    pub verdict: SpotVerdict,
}

/// What was decided for a [`Spot`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpotVerdict {
    Repaired { choice: char, evidence: String },
    Undecided { why: String },
}

impl Repair {
    /// How many damaged characters were repaired.
    pub fn repaired(&self) -> usize {
        (self.spots.iter())
            .filter(|s| matches!(s.verdict, SpotVerdict::Repaired { .. }))
            .count()
    }

    /// How many were left for a person.
    pub fn undecided(&self) -> usize {
        self.spots.len() - self.repaired()
    }
}

/// Repairs `text` when it is mojibake (see [`crate::content::mojibake::detect`]); `None` when
/// it reads as ordinary UTF-8. `evidence` are clean texts that came with it (the script), by
/// name; `corpus` is the table of clean course text ([`ngrams::corpus`]).
pub fn repair(text: &str, evidence: &[(&'static str, &str)], corpus: &Ngrams) -> Option<Repair> {
    crate::content::mojibake::detect(text)?;
    let code_page = CodePage::guess(text);
    let cells = decode(text, code_page);
    let mut chars: Vec<Option<char>> = cells
        .iter()
        .map(|c| match c {
            Cell::Known(c) => Some(*c),
            Cell::Damaged(_) => None,
        })
        .collect();
    let syllabic: Vec<bool> = cells
        .iter()
        .map(|c| match c {
            Cell::Known(c) => is_syllable(*c),
            Cell::Damaged(cands) => cands.iter().any(|&c| is_syllable(c)),
        })
        .collect();
    let mut post = Ngrams::new("the post");
    post.add(chars.iter().copied(), 1);
    let mut tables = vec![post];
    for (name, t) in evidence {
        let mut table = Ngrams::new(name);
        table.add_text(t);
        tables.push(table);
    }
    let local: Vec<&Ngrams> = tables.iter().collect();
    let mut verdicts: Vec<Option<Verdict>> = vec![None; cells.len()];
    let damaged: Vec<usize> = (0..cells.len()).filter(|&i| chars[i].is_none()).collect();
    // A spot is judged again only when a decision nearby may have given it the context it lacked.
    let mut dirty = vec![true; cells.len()];
    for pass in 0..PASSES {
        let last = pass + 1 == PASSES;
        for &k in &damaged {
            if verdicts[k].is_some() || !(dirty[k] || last) {
                continue;
            }
            dirty[k] = false;
            let Cell::Damaged(cands) = &cells[k] else { continue };
            let judged = if syllabic[k] {
                let ctx = Context {
                    cells: &cells,
                    chars: &chars,
                };
                judge(&ctx, k, &local, corpus, last)
            } else {
                vec![(k, symbol(k, cands, &chars, &local, corpus))]
            };
            for (i, verdict) in judged {
                if let Verdict::Chosen { choice, .. } = &verdict {
                    chars[i] = Some(*choice);
                    let near = i.saturating_sub(ngrams::MAX_N)..(i + ngrams::MAX_N + 1).min(cells.len());
                    dirty[near].iter_mut().for_each(|d| *d = true);
                }
                verdicts[i] = Some(verdict);
            }
        }
    }
    Some(assemble(code_page, &cells, &chars, verdicts))
}

/// A damaged character that is not a syllable (punctuation, box drawing, an emoji): chosen by
/// how often each candidate stands next to its neighbours in the post, its evidence and the corpus.
fn symbol(k: usize, cands: &[char], chars: &[Option<char>], local: &[&Ngrams], corpus: &Ngrams) -> Verdict {
    match cands {
        [] => {
            return Verdict::Undecided {
                why: "no character fits the bytes that are left".into(),
            };
        }
        [only] => {
            return Verdict::Chosen {
                choice: *only,
                evidence: "the only character the remaining bytes allow".into(),
            };
        }
        _ => {}
    }
    let prev = k.checked_sub(1).and_then(|i| chars[i]);
    let next = chars.get(k + 1).copied().flatten();
    let mut scored: Vec<(u32, char)> = cands
        .iter()
        .map(|&c| {
            let n: u32 = (local.iter().copied().chain([corpus]))
                .map(|t| prev.map_or(0, |p| t.pair(p, c)) + next.map_or(0, |n| t.pair(c, n)))
                .sum();
            (n, c)
        })
        .collect();
    scored.sort_by_key(|&(n, _)| std::cmp::Reverse(n));
    let ((top, c), (second, other)) = (scored[0], scored[1]);
    if top > 0 && (second == 0 || top >= 4 * second) {
        return Verdict::Chosen {
            choice: c,
            evidence: format!(
                "'{c}' (U+{:04X}) stands beside these neighbours {top} times elsewhere, '{other}' {second}",
                u32::from(c)
            ),
        };
    }
    Verdict::Undecided {
        why: format!("{} possible characters and nothing decides between them", cands.len()),
    }
}

fn assemble(code_page: CodePage, cells: &[Cell], chars: &[Option<char>], verdicts: Vec<Option<Verdict>>) -> Repair {
    let mut text = String::with_capacity(cells.len() * 3);
    let mut spots = Vec::new();
    let (mut line, mut column) = (1, 1);
    for ((cell, c), verdict) in cells.iter().zip(chars).zip(verdicts) {
        let shown = c.unwrap_or(UNDECIDED);
        if let Cell::Damaged(cands) = cell {
            let verdict = match verdict {
                Some(Verdict::Chosen { choice, evidence }) => SpotVerdict::Repaired { choice, evidence },
                Some(Verdict::Undecided { why }) => SpotVerdict::Undecided { why },
                None => SpotVerdict::Undecided {
                    why: "nothing decides it".into(),
                },
            };
            spots.push(Spot {
                line,
                column,
                candidates: cands.clone(),
                verdict,
            });
        }
        text.push(shown);
        if shown == '\n' {
            (line, column) = (line + 1, 1);
        } else {
            column += 1;
        }
    }
    Repair { code_page, text, spots }
}
