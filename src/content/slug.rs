//! Ids people type: heading numbers (`2.1`) and slugs (`kubernetes-아키텍처`).

/// Splits a leading heading number from a title: `1.1 Docker란?` -> (`1.1`, `Docker란?`),
/// `2. Kubernetes 핵심 개념` -> (`2`, ...). Emoji or symbols before the number are skipped.
pub fn split_number(heading: &str) -> (Option<String>, String) {
    let trimmed = heading.trim();
    let start = trimmed.find(|c: char| c.is_alphanumeric()).unwrap_or(0);
    let rest = &trimmed[start..];
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(rest.len());
    let number = rest[..end].trim_end_matches('.');
    let valid = !number.is_empty()
        && number.split('.').all(|p| !p.is_empty() && p.len() <= 3)
        && rest[end..].starts_with(char::is_whitespace);
    if valid {
        (Some(number.to_string()), rest[end..].trim().to_string())
    } else {
        (None, trimmed.to_string())
    }
}

/// Lower-case letters and digits (Hangul included) joined by `-`; everything else is a separator.
pub fn slugify(title: &str) -> String {
    let mut slug = String::with_capacity(title.len());
    for c in title.chars().flat_map(char::to_lowercase) {
        // Hangul syllables are letters: skip the general Unicode lookup for the course's language.
        if ('\u{AC00}'..='\u{D7A3}').contains(&c) || c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    // Trimmed in place: a post of 40,000 headings makes 40,000 slugs.
    let end = slug.trim_end_matches('-').len();
    slug.truncate(end);
    slug
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_slugs() {
        assert_eq!(split_number("1.1 Docker란?"), (Some("1.1".into()), "Docker란?".into()));
        assert_eq!(
            split_number("2. Kubernetes 핵심 개념"),
            (Some("2".into()), "Kubernetes 핵심 개념".into())
        );
        assert_eq!(split_number("🚀 3. 보안"), (Some("3".into()), "보안".into()));
        assert_eq!(split_number("Pod"), (None, "Pod".into()));
        assert_eq!(split_number("2025년 계획"), (None, "2025년 계획".into()));
        assert_eq!(slugify("Docker란?"), "docker란");
        assert_eq!(slugify("🚀 Kubernetes 아키텍처!"), "kubernetes-아키텍처");
    }
}
