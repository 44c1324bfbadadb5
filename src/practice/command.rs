//! Command answers: the typed line split into words as a shell would (quotes, `&&`, `;`), then
//! each step matched against its spec: the tool, the subcommand, the flags that matter in any
//! order and any spelling (`-f`/`--filename`, `--flag=value` or `--flag value`, `-it`), and the
//! arguments. Each mismatch is one precise note.

use super::{MAX_ANSWER_BYTES, Note};
use crate::content::exercise::{CommandSpec, FlagSpec};

/// More words than any command of the course; bounds the work on absurd input.
const MAX_WORDS: usize = 256;

/// The answer split into steps of words: quotes group, `&&`, `;` and newlines separate steps.
pub fn split(answer: &str) -> Vec<Vec<String>> {
    let mut cut = answer.len().min(MAX_ANSWER_BYTES);
    while !answer.is_char_boundary(cut) {
        cut -= 1;
    }
    let answer = &answer[..cut];
    let mut steps = vec![Vec::new()];
    let mut word = String::new();
    let mut has_word = false;
    let mut quote: Option<char> = None;
    let mut words = 0;
    let mut chars = answer.chars().peekable();
    let end_word = |word: &mut String, has: &mut bool, steps: &mut Vec<Vec<String>>| {
        if *has {
            if let Some(last) = steps.last_mut() {
                last.push(std::mem::take(word));
            }
            *has = false;
        }
    };
    while let Some(c) = chars.next() {
        if words > MAX_WORDS {
            break;
        }
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                has_word = true;
            }
            (None, '\\') => {
                if let Some(n) = chars.next().filter(|n| *n != '\n') {
                    word.push(n);
                    has_word = true;
                }
            }
            (None, '&') if chars.peek() == Some(&'&') => {
                chars.next();
                end_word(&mut word, &mut has_word, &mut steps);
                steps.push(Vec::new());
            }
            (None, ';' | '\n') => {
                end_word(&mut word, &mut has_word, &mut steps);
                steps.push(Vec::new());
            }
            (None, c) if c.is_whitespace() => {
                end_word(&mut word, &mut has_word, &mut steps);
                words += 1;
            }
            (None, c) => {
                word.push(c);
                has_word = true;
            }
        }
    }
    end_word(&mut word, &mut has_word, &mut steps);
    steps.retain(|s| !s.is_empty());
    for s in &mut steps {
        // A prompt copied with the command, and `sudo`, change nothing.
        while s.first().is_some_and(|w| w == "$" || w == "sudo") {
            s.remove(0);
        }
    }
    steps.retain(|s| !s.is_empty());
    steps
}

/// Checks a typed answer against the steps of `specs`.
pub fn check(specs: &[CommandSpec], answer: &str) -> Vec<Note> {
    if answer.len() > MAX_ANSWER_BYTES {
        return vec![Note::new(
            None,
            "",
            format!("답이 너무 깁니다 ({}바이트): 명령 한 줄을 입력하세요", answer.len()),
            format!("the answer is too long ({} bytes): type one command line", answer.len()),
        )];
    }
    let steps = split(answer);
    if steps.is_empty() {
        return vec![Note::new(None, "", "명령을 입력하세요", "type the command")];
    }
    let mut notes = Vec::new();
    for (i, spec) in specs.iter().enumerate() {
        let Some(words) = steps.get(i) else {
            let want = std::iter::once(spec.tool.as_str())
                .chain(spec.sub.iter().map(String::as_str))
                .collect::<Vec<_>>()
                .join(" ");
            notes.push(Note::new(
                None,
                "",
                format!("{}번째 명령이 없습니다: `{want}`로 이어 가세요 (&&로 연결)", i + 1),
                format!("command {} is missing: go on with `{want}` (joined with &&)", i + 1),
            ));
            continue;
        };
        notes.extend(check_step(spec, words));
    }
    if steps.len() > specs.len() {
        notes.push(Note::new(
            None,
            "",
            format!("명령이 {}개입니다: 과제에는 {}개면 됩니다", steps.len(), specs.len()),
            format!("there are {} commands: the task needs {}", steps.len(), specs.len()),
        ));
    }
    notes
}

fn matches_name(spec: &FlagSpec, name: &str) -> bool {
    spec.names.iter().any(|n| n == name)
}

/// Whether a flag spec takes a value (an expected value, `*` for any).
fn takes_value(spec: &FlagSpec) -> bool {
    spec.value.is_some()
}

fn same_value(expected: &str, found: &str) -> bool {
    if expected == "*" {
        return !found.is_empty();
    }
    if expected.contains(',') {
        let set = |s: &str| {
            let mut v: Vec<String> = s.split(',').map(|p| p.trim().to_ascii_uppercase()).collect();
            v.sort();
            v
        };
        return set(expected) == set(found);
    }
    expected == found
}

/// The spellings of a flag for messages: `-f/--filename`.
fn spellings(spec: &FlagSpec) -> String {
    spec.names.join("/")
}

fn check_step(spec: &CommandSpec, words: &[String]) -> Vec<Note> {
    let mut notes = Vec::new();
    let tool = &words[0];
    if !tool.eq_ignore_ascii_case(&spec.tool) {
        return vec![Note::new(
            None,
            tool,
            format!("명령이 `{tool}`로 시작합니다: 이 과제는 `{}`를 씁니다", spec.tool),
            format!("the command starts with `{tool}`: this task uses `{}`", spec.tool),
        )];
    }
    let known: Vec<&FlagSpec> = spec.flags.iter().chain(&spec.optional).collect();
    let find = |name: &str| known.iter().copied().find(|f| matches_name(f, name));
    // (flag spec, value given) for each flag found; positionals in order.
    let mut found: Vec<(&FlagSpec, Option<String>)> = Vec::new();
    let mut positionals: Vec<&str> = Vec::new();
    let mut unknown: Vec<String> = Vec::new();
    let mut rest = words[1..].iter();
    while let Some(w) = rest.next() {
        if w == "--" || !w.starts_with('-') || w.len() == 1 {
            positionals.push(w);
            continue;
        }
        let (name, inline) = match w.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (w.as_str(), None),
        };
        if let Some(f) = find(name) {
            let value = match (takes_value(f), inline) {
                (_, Some(v)) => Some(v),
                (true, None) => rest.next().cloned(),
                (false, None) => None,
            };
            found.push((f, value));
            continue;
        }
        // `-it`: single-letter flags run together.
        let letters: Vec<String> = name
            .strip_prefix('-')
            .filter(|s| !s.starts_with('-') && s.len() > 1)
            .map(|s| s.chars().map(|c| format!("-{c}")).collect())
            .unwrap_or_default();
        if !letters.is_empty() && letters.iter().all(|l| find(l).is_some_and(|f| !takes_value(f))) {
            for l in &letters {
                if let Some(f) = find(l) {
                    found.push((f, None));
                }
            }
            continue;
        }
        unknown.push(name.to_string());
    }
    for (i, sub) in spec.sub.iter().enumerate() {
        match positionals.get(i) {
            Some(p) if p == sub => {}
            Some(p) => notes.push(Note::new(
                None,
                sub,
                format!("하위 명령이 `{p}`입니다: 이 과제는 `{} {sub}`입니다", spec.tool),
                format!("the subcommand is `{p}`: this task is `{} {sub}`", spec.tool),
            )),
            None => notes.push(Note::new(
                None,
                sub,
                format!("하위 명령 `{sub}`가 없습니다: `{} {sub} ...`", spec.tool),
                format!("the subcommand `{sub}` is missing: `{} {sub} ...`", spec.tool),
            )),
        }
    }
    for f in &spec.flags {
        let given: Vec<&Option<String>> = found
            .iter()
            .filter(|(g, _)| std::ptr::eq(*g, f))
            .map(|(_, v)| v)
            .collect();
        let path = spellings(f);
        match (given.first(), &f.value) {
            (None, Some(v)) if v != "*" => notes.push(Note::new(
                None,
                &path,
                format!("플래그 {path} {v}이(가) 없습니다"),
                format!("the flag {path} {v} is missing"),
            )),
            (None, _) => notes.push(Note::new(
                None,
                &path,
                format!("플래그 {path}이(가) 없습니다"),
                format!("the flag {path} is missing"),
            )),
            (Some(None), Some(v)) => notes.push(Note::new(
                None,
                &path,
                format!("플래그 {path}에 값이 없습니다: {v}"),
                format!("the flag {path} has no value: {v}"),
            )),
            (Some(Some(got)), Some(v)) if !same_value(v, got) => notes.push(Note::new(
                None,
                &path,
                format!("플래그 {path}의 값이 '{got}'입니다: 과제는 '{v}'입니다"),
                format!("the flag {path} is '{got}': the task asks for '{v}'"),
            )),
            _ => {}
        }
    }
    for u in &unknown {
        notes.push(Note::new(
            None,
            u,
            format!("플래그 {u}은(는) 이 과제에 필요 없습니다"),
            format!("the flag {u} is not part of this task"),
        ));
    }
    let args: Vec<&str> = positionals.iter().skip(spec.sub.len()).copied().collect();
    for a in &spec.args {
        if !args.contains(&a.as_str()) {
            notes.push(Note::new(
                None,
                a,
                format!("인자 `{a}`가 없습니다"),
                format!("the argument `{a}` is missing"),
            ));
        }
    }
    for a in args.iter().filter(|a| !spec.args.iter().any(|s| s == *a)) {
        notes.push(Note::new(
            None,
            a,
            format!("`{a}`는 이 과제에 필요 없습니다"),
            format!("`{a}` is not part of this task"),
        ));
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_quotes_and_steps_split_like_a_shell() {
        assert_eq!(
            split("$ docker stop 'my nginx' && docker rm my-nginx;ls"),
            vec![
                vec!["docker".to_string(), "stop".into(), "my nginx".into()],
                vec!["docker".into(), "rm".into(), "my-nginx".into()],
                vec!["ls".into()],
            ]
        );
        assert!(split("   ").is_empty());
    }
}
