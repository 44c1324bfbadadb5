//! Quiz answers: a choice's number or text, or a short answer, compared after folding case,
//! spaces and punctuation so spelling variants the author accepts (`Kube API server`,
//! `kube-apiserver`) all count; a wrong answer cites the narration segment that answers it.

use super::{MAX_ANSWER_BYTES, Note};
use crate::content::exercise::Exercise;

/// Lowercase letters and digits only (Hangul kept): `API-Server ` -> `apiserver`.
pub fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The answer as choice text when it is a choice's number (`2`, `2)`, `(2)`).
fn as_choice<'e>(exercise: &'e Exercise, answer: &str) -> Result<Option<&'e str>, Note> {
    let digits = answer.trim().trim_matches(['(', ')', '.', ' ']);
    if exercise.choices.is_empty() || digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Ok(None);
    }
    let n = exercise.choices.len();
    match digits.parse::<usize>() {
        Ok(i) if (1..=n).contains(&i) => Ok(Some(exercise.choices[i - 1].as_str())),
        _ => Err(Note::new(
            None,
            "",
            format!("보기는 1부터 {n}까지입니다"),
            format!("choose a number from 1 to {n}"),
        )),
    }
}

/// Checks a quiz answer.
pub fn check(exercise: &Exercise, answer: &str) -> Vec<Note> {
    if answer.len() > MAX_ANSWER_BYTES {
        return vec![Note::new(None, "", "답이 너무 깁니다", "the answer is too long")];
    }
    if fold(answer).is_empty() {
        return vec![Note::new(None, "", "답을 입력하세요", "type an answer")];
    }
    let text = match as_choice(exercise, answer) {
        Ok(Some(choice)) => choice,
        Ok(None) => answer,
        Err(note) => return vec![note],
    };
    let given = fold(text);
    if exercise.accept.iter().any(|a| fold(a) == given) {
        return Vec::new();
    }
    let cite = |ko: &mut String, en: &mut String| {
        if let Some(n) = exercise.segment {
            ko.push_str(&format!(": 강의 구간 {n}을(를) 다시 들어 보세요"));
            en.push_str(&format!(": listen to narration segment {n} again"));
        }
    };
    let shown = crate::text::truncate_to(&crate::text::clean_line(answer.trim()), 40);
    let (mut ko, mut en) = (
        format!("'{shown}'은(는) 정답이 아닙니다"),
        format!("'{shown}' is not the answer"),
    );
    cite(&mut ko, &mut en);
    vec![Note::new(None, "", ko, en)]
}
