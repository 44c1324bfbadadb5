//! The time of day for the header, in the local time zone (as `progress` prints it).

use std::cell::RefCell;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::progress::time::local;

thread_local! {
    /// The last minute asked for and its text: the loop asks on every wake, and the C library's
    /// local time looks at the zone each time.
    static LAST: RefCell<Option<(u64, String)>> = const { RefCell::new(None) };
}

/// `HH:MM` local time (UTC when the zone can't be read).
pub fn now_hhmm() -> String {
    let secs = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    LAST.with_borrow_mut(|last| match last {
        Some((minute, text)) if *minute == secs / 60 => text.clone(),
        _ => {
            let text = match local(i64::try_from(secs).unwrap_or(0)) {
                Some(l) => format!("{:02}:{:02}", l.hour, l.minute),
                None => format!("{:02}:{:02}", secs / 3600 % 24, secs / 60 % 60),
            };
            *last = Some((secs / 60, text.clone()));
            text
        }
    })
}

/// How long until the minute shown by [`now_hhmm`] changes.
pub fn to_next_minute() -> std::time::Duration {
    let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
    // A millisecond late, so the minute has changed when the loop looks.
    std::time::Duration::from_millis(60_001)
        .saturating_sub(std::time::Duration::from_millis((now.as_millis() % 60_000) as u64))
}
