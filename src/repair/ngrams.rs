//! Syllable n-gram counts (one to four Hangul syllables): the evidence a damaged syllable is
//! judged by. One table per text the post brings along, and one built from clean Korean text
//! of this course (the corpus lessons), embedded in the binary.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use super::decode::is_syllable;

/// The longest n-gram counted.
pub const MAX_N: usize = 4;

/// An n-gram of tokens packed into a u64, 16 bits a token.
pub type Key = u64;

/// A Hangul syllable (its index + 1), or the class of any other character: what a word's
/// neighbourhood looks like (`및` stands between spaces, `의` follows Latin in `Docker의`).
pub type Token = u16;

/// Whitespace, ASCII letters and digits, anything else.
const SPACE: Token = 11_173;
const LATIN: Token = 11_174;
const OTHER: Token = 11_175;

/// The token of a character.
pub fn token(c: char) -> Token {
    if is_syllable(c) {
        u16::try_from(u32::from(c) - 0xAC00 + 1).unwrap_or(OTHER)
    } else if c.is_whitespace() {
        SPACE
    } else if c.is_ascii_alphanumeric() {
        LATIN
    } else {
        OTHER
    }
}

/// Whether a token is a syllable.
pub fn is_syllable_token(t: Token) -> bool {
    t < SPACE
}

/// The key of 1..=4 tokens.
pub fn key(tokens: &[Token]) -> Option<Key> {
    if tokens.is_empty() || tokens.len() > MAX_N {
        return None;
    }
    Some(tokens.iter().fold(0u64, |k, &t| (k << 16) | u64::from(t)))
}

/// The key of syllables written as characters (for the report and single-syllable counts).
pub fn key_of_chars(chars: &[char]) -> Option<Key> {
    let tokens: Vec<Token> = chars.iter().map(|&c| token(c)).collect();
    key(&tokens)
}

/// Keys are already well mixed; one multiply spreads them over the table.
#[derive(Default)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// How often each n-gram occurs, and the line where it first does.
#[derive(Default)]
pub struct Ngrams {
    /// What the table was built from, for the report (`the script`, `the post`, `the corpus`).
    pub source: &'static str,
    counts: HashMap<Key, (u32, u32), BuildHasherDefault<KeyHasher>>,
    /// Adjacent pairs with a symbol (not ASCII, not a syllable) in them: `─┐`, `┐\n`.
    pairs: HashMap<Key, u32, BuildHasherDefault<KeyHasher>>,
}

/// Whether `c` is judged by its neighbours as a symbol: neither ASCII nor a syllable.
pub fn is_symbol(c: char) -> bool {
    !c.is_ascii() && !is_syllable(c)
}

fn pair_key(a: char, b: char) -> Key {
    (u64::from(u32::from(a)) << 32) | u64::from(u32::from(b))
}

impl Ngrams {
    /// An empty table named `source`.
    pub fn new(source: &'static str) -> Ngrams {
        Ngrams {
            source,
            counts: HashMap::default(),
            pairs: HashMap::default(),
        }
    }

    /// Counts the n-grams (with at least one syllable) of `chars` (`None`: a character that is
    /// not known, which no n-gram may span); `line` is the line `chars` starts on.
    pub fn add(&mut self, chars: impl IntoIterator<Item = Option<char>>, mut line: u32) {
        let mut window: Vec<Token> = Vec::with_capacity(MAX_N);
        let mut prev: Option<char> = None;
        for c in chars {
            let Some(c) = c else {
                window.clear();
                prev = None;
                continue;
            };
            if let Some(p) = prev
                && (is_symbol(p) || is_symbol(c))
            {
                let e = self.pairs.entry(pair_key(p, c)).or_insert(0);
                *e = e.saturating_add(1);
            }
            prev = Some(c);
            if window.len() == MAX_N {
                window.remove(0);
            }
            window.push(token(c));
            for n in 1..=window.len() {
                let gram = &window[window.len() - n..];
                if gram.iter().any(|&t| is_syllable_token(t))
                    && let Some(k) = key(gram)
                {
                    let e = self.counts.entry(k).or_insert((0, line));
                    e.0 = e.0.saturating_add(1);
                }
            }
            if c == '\n' {
                line = line.saturating_add(1);
            }
        }
    }

    /// Counts the n-grams of clean text.
    pub fn add_text(&mut self, text: &str) {
        self.add(text.chars().map(Some), 1);
    }

    /// How often `a` is followed by `b` (counted where either is a symbol).
    pub fn pair(&self, a: char, b: char) -> u32 {
        self.pairs.get(&pair_key(a, b)).copied().unwrap_or(0)
    }

    /// How often `k` occurs, and the line of its first occurrence.
    pub fn get(&self, k: Key) -> Option<(u32, u32)> {
        self.counts.get(&k).copied()
    }
}

/// Clean Korean text of this course, by lesson: the corpus lessons, post and script.
pub const CORPUS: [(&str, &str); 10] = [
    (
        "c8-w06 post",
        include_str!("../../tests/fixtures/corpus/c8-w06-waf-cloudfront-github-devsecops/post.md"),
    ),
    (
        "c8-w06 script",
        include_str!("../../tests/fixtures/corpus/c8-w06-waf-cloudfront-github-devsecops/script.txt"),
    ),
    (
        "w05 post",
        include_str!("../../tests/fixtures/corpus/w05-aws-control-tower-ztna/post.md"),
    ),
    (
        "w05 script",
        include_str!("../../tests/fixtures/corpus/w05-aws-control-tower-ztna/script.txt"),
    ),
    (
        "w06 post",
        include_str!("../../tests/fixtures/corpus/w06-cloudflare-github-security/post.md"),
    ),
    (
        "w06 script",
        include_str!("../../tests/fixtures/corpus/w06-cloudflare-github-security/script.txt"),
    ),
    (
        "amazon-q post",
        include_str!("../../tests/fixtures/corpus/x-amazon-q-ghas-code-security/post.md"),
    ),
    (
        "amazon-q script",
        include_str!("../../tests/fixtures/corpus/x-amazon-q-ghas-code-security/script.txt"),
    ),
    (
        "npm post",
        include_str!("../../tests/fixtures/corpus/x-npm-supply-chain-incident/post.md"),
    ),
    (
        "npm script",
        include_str!("../../tests/fixtures/corpus/x-npm-supply-chain-incident/script.txt"),
    ),
];

/// The corpus table, without the lessons whose name starts with `exclude` (so a corpus post can
/// be damaged and repaired without the table having seen its answer).
pub fn corpus_without(exclude: Option<&str>) -> Ngrams {
    let mut table = Ngrams::new("the corpus");
    for (name, text) in CORPUS {
        if exclude.is_some_and(|e| name.starts_with(e)) {
            continue;
        }
        table.add_text(text);
    }
    table
}

/// The whole corpus table, built once.
pub fn corpus() -> &'static Ngrams {
    static TABLE: OnceLock<Ngrams> = OnceLock::new();
    TABLE.get_or_init(|| corpus_without(None))
}
