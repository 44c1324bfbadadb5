//! Korean particles after words the program only knows at run time (`'80'을`, `Pod를`,
//! `kubectl로`). A Korean phrase is written with both forms, `을(를)`, and [`resolve`] keeps the
//! one the word before it takes: `을` after a final consonant (batchim), `를` after a vowel.
//!
//! Hangul syllables carry their final consonant in their code point. Digits and Latin letters
//! are read aloud: digits as Sino-Korean numbers (8 팔, 2 이), letters by a rule of thumb that
//! holds for the words of this course (`l` ㄹ, `m`/`n`/`ng` a final consonant, other endings a
//! vowel: 파드, 서비스, 디플로이먼트). Anything else keeps the dual form, which is still correct
//! Korean.

/// The dual forms: (as written, after a final consonant, after a vowel).
const PAIRS: [(&str, &str, &str); 5] = [
    ("을(를)", "을", "를"),
    ("은(는)", "은", "는"),
    ("이(가)", "이", "가"),
    ("과(와)", "과", "와"),
    ("으로(로)", "으로", "로"),
];

/// How a word ends, as far as its particle is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ending {
    Vowel,
    Consonant,
    /// ㄹ: a final consonant, except that `으로` becomes `로` after it.
    Rieul,
}

/// `text` with each dual-form particle resolved by the word before it.
pub fn resolve(text: &str) -> String {
    if !text.contains('(') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    'scan: while !rest.is_empty() {
        for (dual, after_consonant, after_vowel) in PAIRS {
            if let Some(tail) = rest.strip_prefix(dual) {
                match ending(&out) {
                    Some(Ending::Vowel) => out.push_str(after_vowel),
                    Some(Ending::Rieul) if dual == "으로(로)" => out.push_str(after_vowel),
                    Some(Ending::Consonant | Ending::Rieul) => out.push_str(after_consonant),
                    None => out.push_str(dual),
                }
                rest = tail;
                continue 'scan;
            }
        }
        let c = rest.chars().next().unwrap_or_default();
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// How the word at the end of `text` ends, looking through closing quotes and brackets; None
/// when it can't be told.
fn ending(text: &str) -> Option<Ending> {
    // A quoted word is read without its quotes; after a bracket the word is not known.
    let word = text.trim_end_matches(['\'', '"', '`', '’', '」']);
    let last = word.chars().next_back()?;
    match last {
        '가'..='힣' => {
            let final_consonant = (u32::from(last) - 0xAC00) % 28;
            Some(match final_consonant {
                0 => Ending::Vowel,
                8 => Ending::Rieul,
                _ => Ending::Consonant,
            })
        }
        // 영 일 이 삼 사 오 육 칠 팔 구
        '0' | '3' | '6' => Some(Ending::Consonant),
        '1' | '7' | '8' => Some(Ending::Rieul),
        '2' | '4' | '5' | '9' => Some(Ending::Vowel),
        c if c.is_ascii_alphabetic() => {
            let lower = word.to_ascii_lowercase();
            Some(if lower.ends_with('l') {
                Ending::Rieul
            } else if lower.ends_with('m') || lower.ends_with('n') || lower.ends_with("ng") {
                Ending::Consonant
            } else {
                Ending::Vowel
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::resolve;

    #[test]
    fn the_word_before_picks_the_particle() {
        assert_eq!(resolve("'80'을(를) 쓰세요"), "'80'을 쓰세요");
        assert_eq!(resolve("'2'을(를) 쓰세요"), "'2'를 쓰세요");
        assert_eq!(resolve("Pod을(를) 찾지 못합니다"), "Pod를 찾지 못합니다");
        assert_eq!(resolve("kubectl으로(로) 적용"), "kubectl로 적용");
        assert_eq!(resolve("'containerPort'이(가) 없습니다"), "'containerPort'가 없습니다");
        assert_eq!(resolve("필드 '이름'은(는) 필수"), "필드 '이름'은 필수");
        assert_eq!(resolve("서비스과(와) 파드"), "서비스와 파드");
        assert_eq!(resolve("서울으로(로)"), "서울로");
        assert_eq!(resolve("부산으로(로)"), "부산으로");
    }

    #[test]
    fn what_cant_be_told_keeps_both_forms() {
        assert_eq!(resolve("'-'을(를) 쓰세요"), "'-'을(를) 쓰세요");
        assert_eq!(resolve("을(를)"), "을(를)");
        assert_eq!(resolve("레이블(app=web)과(와) 맞지"), "레이블(app=web)과(와) 맞지");
        // Text without a dual form is left as it is, brackets and all.
        assert_eq!(resolve("포트(80) 열기"), "포트(80) 열기");
    }
}
