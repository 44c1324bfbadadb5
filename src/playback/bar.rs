//! What the timeline bar shows: the segment counter and the elapsed and total time, both in the
//! wall time it takes to play them at the chosen speed, in one format (`03:20 / 08:01` at 1.5x).
//!
//! The bar is plain data with its text pre-formatted here, so the UI only lays it out.

use std::fmt;

use super::Speed;
use crate::content::script::Millis;
use crate::i18n::{Lang, words};

/// A snapshot of the timeline for the bar, from [`super::Playback::status`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bar {
    /// The current segment, 1-based (`12` of `12/24`).
    pub segment: usize,
    /// How many segments the lesson has.
    pub count: usize,
    /// Wall time it takes to play from the start to here at `speed`.
    pub elapsed: Millis,
    /// Wall time it takes to play the whole lesson at `speed`.
    pub total: Millis,
    /// The speed the times are adjusted to.
    pub speed: Speed,
    /// Whether the clock is running.
    pub playing: bool,
}

impl Bar {
    /// `12/24`.
    pub fn counter(&self) -> String {
        format!("{}/{}", self.segment, self.count)
    }

    /// `03:12 / 12:01`: elapsed and total in one format, minutes and seconds, rounded down as a
    /// clock ticks (so the elapsed time never shows past the total).
    pub fn times(&self) -> String {
        format!("{} / {}", elapsed(self.elapsed), elapsed(self.total))
    }

    /// `segment 12/24  03:20 / 08:01  1.5x`, with `(paused)` while the clock is stopped, in `lang`.
    pub fn label(&self, lang: Lang) -> String {
        let mut out = format!(
            "{}  {}  {}",
            words::F_SEGMENT.fill(lang, &[&self.counter()]),
            self.times(),
            self.speed
        );
        if !self.playing {
            out.push_str(words::BAR_PAUSED.get(lang));
        }
        out
    }

    /// How far through the lesson, from 0.0 to 1.0, for a gauge.
    pub fn fraction(&self) -> f64 {
        if self.total.0 == 0 {
            return 1.0;
        }
        (self.elapsed.0 as f64 / self.total.0 as f64).clamp(0.0, 1.0)
    }
}

impl fmt::Display for Bar {
    /// The bar's [`Bar::label`] in English (logs, messages without a learner's language).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label(Lang::En))
    }
}

/// `03:12`: whole minutes (at least two digits) and seconds, rounded down so it never runs ahead.
fn elapsed(m: Millis) -> String {
    let seconds = m.0 / 1000;
    format!("{:02}:{:02}", seconds / 60, seconds % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(elapsed: u64, total: u64, playing: bool) -> Bar {
        Bar {
            segment: 12,
            count: 24,
            elapsed: Millis(elapsed),
            total: Millis(total),
            speed: Speed::X1_5,
            playing,
        }
    }

    #[test]
    fn formats_like_the_issue() {
        let b = Bar {
            speed: Speed::X1,
            ..bar(192_000, 721_800, true)
        };
        assert_eq!(b.counter(), "12/24");
        assert_eq!(b.times(), "03:12 / 12:01");
        assert_eq!(b.to_string(), "segment 12/24  03:12 / 12:01  1x");
        assert_eq!(b.label(Lang::Ko), "구간 12/24  03:12 / 12:01  1x");
    }

    #[test]
    fn elapsed_rounds_down_and_grows_past_an_hour() {
        assert_eq!(bar(199_999, 481_200, false).times(), "03:19 / 08:01");
        assert_eq!(bar(0, 0, false).times(), "00:00 / 00:00");
        assert_eq!(bar(6_001_000, 7_200_000, false).times(), "100:01 / 120:00");
    }

    #[test]
    fn says_when_paused() {
        assert_eq!(
            bar(200_000, 481_200, false).to_string(),
            "segment 12/24  03:20 / 08:01  1.5x (paused)"
        );
    }

    #[test]
    fn fraction_runs_from_zero_to_one() {
        assert_eq!(bar(0, 481_200, true).fraction(), 0.0);
        assert_eq!(bar(240_600, 481_200, true).fraction(), 0.5);
        assert_eq!(bar(481_200, 481_200, true).fraction(), 1.0);
        assert_eq!(bar(0, 0, true).fraction(), 1.0);
    }
}
