//! The time of day for the header, in the local time zone.

use std::time::{SystemTime, UNIX_EPOCH};

/// `HH:MM` local time (UTC when the zone can't be read).
pub fn now_hhmm() -> String {
    let secs = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (h, m) = local_hm(secs as libc::time_t).unwrap_or(((secs / 3600 % 24) as i32, (secs / 60 % 60) as i32));
    format!("{h:02}:{m:02}")
}

/// How long until the minute shown by [`now_hhmm`] changes.
pub fn to_next_minute() -> std::time::Duration {
    let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
    // A millisecond late, so the minute has changed when the loop looks.
    std::time::Duration::from_millis(60_001)
        .saturating_sub(std::time::Duration::from_millis((now.as_millis() % 60_000) as u64))
}

fn local_hm(t: libc::time_t) -> Option<(i32, i32)> {
    // SAFETY: `localtime_r` is the thread-safe variant; it writes only into `tm`, which lives on
    // this stack frame, and returns null on failure, which is checked.
    unsafe {
        let mut tm: libc::tm = std::mem::zeroed();
        if libc::localtime_r(&t, &mut tm).is_null() {
            return None;
        }
        Some((tm.tm_hour, tm.tm_min))
    }
}
