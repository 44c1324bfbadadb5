//! Lecture and break lengths as a person writes them (`20m`, `90s`, `1h30m`, or `25` minutes),
//! from `--lecture 20m --break 5m` or the config file, checked once before the player starts.

use std::time::Duration;

/// The longest length accepted: a day. Anything longer is a typo (`200h`), not a lecture.
pub const MAX_DURATION: Duration = Duration::from_secs(24 * 60 * 60);

/// The forms `parse_duration` accepts, for its error messages.
const FORMS: &str = "use 20m, 90s, 1h30m or a plain number of minutes";

/// How long a lecture stretch runs before a break, and how long the break lasts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Durations {
    /// Lecture time before the break card comes up.
    pub lecture: Duration,
    /// How long the break card counts down.
    pub break_: Duration,
}

impl Durations {
    /// The defaults: 20 minutes of lecture, 5 of break.
    pub const DEFAULT: Durations = Durations {
        lecture: Duration::from_secs(20 * 60),
        break_: Duration::from_secs(5 * 60),
    };

    /// The lengths given as text (`--lecture`, `--break` or the config file's values); a length
    /// not given keeps its default. The error says which length is wrong and why.
    pub fn parse(lecture: Option<&str>, break_: Option<&str>) -> Result<Durations, String> {
        let pick = |text: Option<&str>, default: Duration, what: &str| match text {
            Some(text) => parse_duration(text).map_err(|e| format!("{what}: {e}")),
            None => Ok(default),
        };
        Ok(Durations {
            lecture: pick(lecture, Durations::DEFAULT.lecture, "lecture length")?,
            break_: match break_ {
                Some(text) => parse_break(text).map_err(|e| format!("break length: {e}"))?,
                None => Durations::DEFAULT.break_,
            },
        })
    }

    /// Whether the break card is switched off (`--break 0`, `break: off`).
    pub fn no_break(&self) -> bool {
        self.break_.is_zero()
    }
}

/// A break length: as [`parse_duration`], or `0` (any zero length), `off`, `no` or `none` for no
/// break card at all, for a learner alone who needs none.
pub fn parse_break(text: &str) -> Result<Duration, String> {
    let lower = text.trim().to_ascii_lowercase();
    let zero = lower.contains('0') && lower.chars().all(|c| c == '0' || "hms".contains(c));
    if zero || ["off", "no", "none", "false"].contains(&lower.as_str()) {
        return Ok(Duration::ZERO);
    }
    parse_duration(text).map_err(|e| format!("{e}, or off for no break"))
}

impl Default for Durations {
    fn default() -> Self {
        Durations::DEFAULT
    }
}

/// Parses a length: hours, minutes and seconds in that order, each at most once (`1h30m`, `90s`,
/// `1h5s`), or a plain number, read as minutes because lectures and breaks are spoken of in
/// minutes (`25` is 25 minutes). Zero and lengths over [`MAX_DURATION`] are refused, and every
/// refusal names the text and the accepted forms.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let trimmed = text.trim();
    // The text may come from config.yaml: shown cleaned, as every message from a file is.
    let shown = crate::text::clean_line(trimmed);
    let invalid = |why: &str| format!("invalid duration '{shown}': {why}");
    let lower = trimmed.to_ascii_lowercase();
    let seconds = if !lower.is_empty() && lower.bytes().all(|b| b.is_ascii_digit()) {
        number(&lower).and_then(|n| n.checked_mul(60))
    } else {
        units(&lower).ok_or_else(|| invalid(FORMS))?
    };
    match seconds {
        Some(0) => Err(invalid("it must be longer than zero")),
        Some(s) if s <= MAX_DURATION.as_secs() => Ok(Duration::from_secs(s)),
        // Too big to count (`99999999999999999999m`) is refused as too long too.
        _ => Err(invalid("at most 24h")),
    }
}

/// `1h30m` as a number of seconds: `None` when it is not of that form, `Some(None)` when the
/// number overflows.
fn units(text: &str) -> Option<Option<u64>> {
    const UNITS: [(char, u64); 3] = [('h', 3600), ('m', 60), ('s', 1)];
    let mut rest = text;
    let mut next_unit = 0;
    let mut total = Some(0u64);
    while !rest.is_empty() {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let unit = rest[digits..].chars().next()?;
        // Units must come in order and once each, so `30m1h` and `5m5m` are refused, not added.
        let offset = UNITS[next_unit..].iter().position(|(u, _)| *u == unit)?;
        if digits == 0 {
            return None;
        }
        let (_, scale) = UNITS[next_unit + offset];
        let part = number(&rest[..digits]).and_then(|n| n.checked_mul(scale));
        total = total.zip(part).and_then(|(t, p)| t.checked_add(p));
        next_unit += offset + 1;
        rest = &rest[digits + unit.len_utf8()..];
    }
    (next_unit > 0).then_some(total)
}

/// A run of ASCII digits; `None` when it overflows.
fn number(digits: &str) -> Option<u64> {
    digits.parse().ok()
}

/// A length as `parse_duration` reads it back: `20m`, `1h30m`, `90s` shows as `1m30s`.
pub fn format_duration(d: Duration) -> String {
    let secs = d.as_secs();
    let parts = [(secs / 3600, 'h'), (secs / 60 % 60, 'm'), (secs % 60, 's')];
    let shown: String = parts
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, u)| format!("{n}{u}"))
        .collect();
    if shown.is_empty() { "0s".to_string() } else { shown }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn min(m: u64) -> Duration {
        Duration::from_secs(m * 60)
    }

    #[test]
    fn parses_units_and_plain_minutes() {
        assert_eq!(parse_duration("20m"), Ok(min(20)));
        assert_eq!(parse_duration("5m"), Ok(min(5)));
        assert_eq!(parse_duration("90s"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_duration("1h"), Ok(min(60)));
        assert_eq!(parse_duration("1h30m"), Ok(min(90)));
        assert_eq!(parse_duration("1h0m5s"), Ok(Duration::from_secs(3605)));
        assert_eq!(parse_duration("1h5s"), Ok(Duration::from_secs(3605)));
        assert_eq!(parse_duration(" 25 "), Ok(min(25)));
        assert_eq!(parse_duration("20M"), Ok(min(20)));
        assert_eq!(parse_duration("24h"), Ok(MAX_DURATION));
    }

    #[test]
    fn refuses_what_is_not_a_length() {
        for text in [
            "abc", "", " ", "m", "20x", "1.5h", "-5m", "30m1h", "5m5m", "20 m", "1h 30m", "5분",
        ] {
            let expected = format!("invalid duration '{}': {FORMS}", text.trim());
            assert_eq!(parse_duration(text), Err(expected), "{text:?}");
        }
        assert_eq!(
            parse_duration("abc"),
            Err("invalid duration 'abc': use 20m, 90s, 1h30m or a plain number of minutes".to_string())
        );
    }

    #[test]
    fn refuses_zero_and_absurd_lengths() {
        assert_eq!(
            parse_duration("0m"),
            Err("invalid duration '0m': it must be longer than zero".to_string())
        );
        assert!(
            !parse_duration("50\tm").unwrap_err().contains('\t'),
            "a control character from a file is never shown raw"
        );
        assert_eq!(
            parse_duration("0"),
            Err("invalid duration '0': it must be longer than zero".to_string())
        );
        assert_eq!(
            parse_duration("24h1s"),
            Err("invalid duration '24h1s': at most 24h".to_string())
        );
        assert_eq!(
            parse_duration("99999999999999999999m"),
            Err("invalid duration '99999999999999999999m': at most 24h".to_string())
        );
        assert_eq!(
            parse_duration("9999999999999999999h"),
            Err("invalid duration '9999999999999999999h': at most 24h".to_string())
        );
    }

    #[test]
    fn durations_default_and_name_the_wrong_one() {
        assert_eq!(Durations::parse(None, None), Ok(Durations::DEFAULT));
        assert_eq!(Durations::default().lecture, min(20));
        assert_eq!(
            Durations::parse(Some("45m"), Some("10")),
            Ok(Durations {
                lecture: min(45),
                break_: min(10)
            })
        );
        assert_eq!(
            Durations::parse(None, Some("soon")),
            Err(format!(
                "break length: invalid duration 'soon': {FORMS}, or off for no break"
            ))
        );
        for off in ["0", "0m", "off", "OFF", "none", "no"] {
            let d = Durations::parse(None, Some(off)).expect("a break switched off");
            assert!(d.no_break(), "{off}");
        }
        assert_eq!(
            Durations::parse(Some("0s"), None),
            Err("lecture length: invalid duration '0s': it must be longer than zero".to_string())
        );
    }

    #[test]
    fn formats_lengths_back_in_the_same_forms() {
        for (d, text) in [(min(20), "20m"), (min(90), "1h30m"), (Duration::from_secs(90), "1m30s")] {
            assert_eq!(format_duration(d), text);
            assert_eq!(parse_duration(text), Ok(d));
        }
        assert_eq!(format_duration(Duration::ZERO), "0s");
        assert_eq!(format_duration(Duration::from_secs(3605)), "1h5s");
    }
}
