//! The time of day for the header, in the local time zone (as `progress` prints it).

use std::time::{SystemTime, UNIX_EPOCH};

use crate::progress::time::local;

/// The minute now, counted from the epoch: it changes when [`hhmm`] does, and costs no call to
/// the C library's local time (which looks at the zone each time).
pub fn minute() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs()) / 60
}

/// `HH:MM` local time of `minute` (UTC when the zone can't be read).
pub fn hhmm(minute: u64) -> String {
    let secs = minute.saturating_mul(60);
    match local(i64::try_from(secs).unwrap_or(0)) {
        Some(l) => format!("{:02}:{:02}", l.hour, l.minute),
        None => format!("{:02}:{:02}", secs / 3600 % 24, secs / 60 % 60),
    }
}

/// How long until the minute shown by [`hhmm`] changes.
pub fn to_next_minute() -> std::time::Duration {
    let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
    // A millisecond late, so the minute has changed when the loop looks.
    std::time::Duration::from_millis(60_001)
        .saturating_sub(std::time::Duration::from_millis((now.as_millis() % 60_000) as u64))
}
