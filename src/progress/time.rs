//! Timestamps as people read them (`2026-11-22T15:04:05Z`) and ages (`3 days ago`), without a
//! date crate: the civil-from-days conversion is a few lines of integer arithmetic.

use crate::i18n::{Lang, words};

/// Seconds since the Unix epoch, UTC.
pub type Unix = i64;

/// `2026-11-22T15:04:05Z`.
pub fn format_utc(t: Unix) -> String {
    let days = t.div_euclid(86_400);
    let secs = t.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

/// `2026-11-23 00:04 KST`: `t` in the local time zone (`TZ`, else /etc/localtime, as the C
/// library reads them), to the minute, with the zone's abbreviation; UTC when the zone can't be
/// read. Progress files keep UTC; this is for people.
pub fn format_local(t: Unix) -> String {
    match local(t) {
        Some(l) => format!(
            "{:04}-{:02}-{:02} {:02}:{:02} {}",
            l.year, l.month, l.day, l.hour, l.minute, l.zone
        ),
        None => {
            let utc = format_utc(t);
            format!("{} {} UTC", &utc[..10], &utc[11..16])
        }
    }
}

/// A moment as the local clock and calendar show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Local {
    pub year: i64,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
    /// `KST`, `UTC`, `+09` (as the zone database names it).
    pub zone: String,
}

/// `t` in the local time zone, or None when the C library can't convert it.
pub fn local(t: Unix) -> Option<Local> {
    let t = libc::time_t::try_from(t).ok()?;
    // SAFETY: `localtime_r` is the thread-safe variant; it writes only into `tm`, which lives on
    // this stack frame, and returns null on failure, which is checked. `tm_zone` points at a
    // static string owned by the C library (or is null), read at once and copied.
    unsafe {
        let mut tm: libc::tm = std::mem::zeroed();
        if libc::localtime_r(&t, &mut tm).is_null() {
            return None;
        }
        let zone = if tm.tm_zone.is_null() {
            String::new()
        } else {
            let raw = std::ffi::CStr::from_ptr(tm.tm_zone).to_string_lossy();
            // A zone abbreviation is a few letters or digits; anything else is not shown raw.
            raw.chars()
                .filter(|c| c.is_ascii_alphanumeric() || "+-".contains(*c))
                .take(8)
                .collect()
        };
        Some(Local {
            year: i64::from(tm.tm_year) + 1900,
            month: u32::try_from(tm.tm_mon + 1).ok()?,
            day: u32::try_from(tm.tm_mday).ok()?,
            hour: u32::try_from(tm.tm_hour).ok()?,
            minute: u32::try_from(tm.tm_min).ok()?,
            zone,
        })
    }
}

/// Parses what [`format_utc`] writes; None for anything else.
pub fn parse_utc(s: &str) -> Option<Unix> {
    let s = s.trim().strip_suffix('Z')?;
    let (date, time) = s.split_once('T')?;
    let mut d = date.split('-').map(|p| p.parse::<i64>().ok());
    let (y, m, day) = (d.next()??, d.next()??, d.next()??);
    let mut t = time.split(':').map(|p| p.parse::<i64>().ok());
    let (hh, mm, ss) = (t.next()??, t.next()??, t.next()??);
    // Years outside 1970-9999 are not times this program wrote; bounding them also keeps the
    // arithmetic below far from overflow.
    if !(1970..=9999).contains(&y) || !(1..=12).contains(&m) || !(1..=31).contains(&day) {
        return None;
    }
    if !(0..=23).contains(&hh) || !(0..=59).contains(&mm) || !(0..=60).contains(&ss) {
        return None;
    }
    Some(days_from_civil(y, m, day) * 86_400 + hh * 3600 + mm * 60 + ss)
}

/// `just now`, `5 minutes ago`, `3 days ago` (`방금`, `5분 전`, `3일 전`).
pub fn ago(then: Unix, now: Unix, lang: Lang) -> String {
    let s = now.saturating_sub(then).max(0);
    let (n, unit, ko) = match s {
        0..60 => return words::JUST_NOW.get(lang).into(),
        60..3600 => (s / 60, "minute", "분"),
        3600..86_400 => (s / 3600, "hour", "시간"),
        86_400..2_592_000 => (s / 86_400, "day", "일"),
        2_592_000..31_536_000 => (s / 2_592_000, "month", "개월"),
        _ => (s / 31_536_000, "year", "년"),
    };
    match lang {
        Lang::Ko => format!("{n}{ko} 전"),
        Lang::En => format!("{n} {unit}{} ago", if n == 1 { "" } else { "s" }),
    }
}

/// `1:02:03` or `12:03` for a duration in seconds.
pub fn duration(secs: u64) -> String {
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

// Howard Hinnant's algorithms (public domain), proleptic Gregorian calendar.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Now, in Unix seconds.
pub fn now() -> Unix {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_and_parses_back() {
        assert_eq!(format_utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(format_utc(1_795_446_245), "2026-11-23T15:04:05Z");
        for t in [0, 951_782_400, 1_795_446_245, 4_102_444_800] {
            assert_eq!(parse_utc(&format_utc(t)), Some(t));
        }
        assert_eq!(parse_utc("yesterday"), None);
        assert_eq!(parse_utc("2026-13-01T00:00:00Z"), None);
    }

    #[test]
    fn ages_read_naturally() {
        assert_eq!(ago(100, 110, Lang::En), "just now");
        assert_eq!(ago(0, 60, Lang::En), "1 minute ago");
        assert_eq!(ago(0, 3 * 86_400 + 5, Lang::En), "3 days ago");
        assert_eq!(ago(0, 3 * 86_400 + 5, Lang::Ko), "3일 전");
        assert_eq!(duration(3725), "1:02:05");
        assert_eq!(duration(65), "1:05");
    }
}
