//! The session timer: lecture time in the header, and after every lecture stretch (20 minutes by
//! default) a break card that counts down (5 minutes) and then hands back to the lecture.
//!
//! No wall clock: every method takes `now`, a monotonic time since an arbitrary origin (the
//! driver's `Instant::now() - start`), so tests drive it with a fake clock. The timer only says
//! which phase the session is in; the player keeps the slide, so the lecture resumes where it was.
//!
//! The phase is computed from `now` rather than stepped, so a player that ticks late (a slow frame,
//! `ctrl-z` and `fg`) still shows the right phase: lecture and break simply alternate from the
//! start of the current lecture stretch, which `dismiss` moves to `now`.

mod duration;

pub use duration::{Durations, MAX_DURATION, format_duration, parse_break, parse_duration};

use std::time::Duration;

/// Which phase the session is in at some instant, and how far along.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Lecturing, for `elapsed` since the stretch began.
    Lecture {
        /// Time since this lecture stretch began.
        elapsed: Duration,
    },
    /// The break card is up and counts down `remaining`.
    Break {
        /// Time left until the lecture resumes by itself.
        remaining: Duration,
    },
}

impl Phase {
    /// Whether this is the break (the full-screen card).
    pub fn is_break(&self) -> bool {
        matches!(self, Phase::Break { .. })
    }
}

/// Lecture and break, alternating, driven by the `now` the player passes in.
#[derive(Debug, Clone)]
pub struct SessionTimer {
    durations: Durations,
    /// When the current lecture stretch began: the session's start, or the last dismissed break,
    /// on the clock of `now` moved on by `ahead`.
    since: Duration,
    /// How far the stretch had run before this timer was made (a restarted `present` keeps its
    /// lecture clock); zero for a new session.
    ahead: Duration,
    /// Whether the last `tick` saw the break, so each change of phase is reported once.
    on_break: bool,
}

impl SessionTimer {
    /// A session whose first lecture stretch begins at `now`.
    pub fn new(durations: Durations, now: Duration) -> SessionTimer {
        Self::resumed(durations, now, Duration::ZERO)
    }

    /// A session whose current lecture stretch began `already` before `now`: where a restarted
    /// `present` picks up its lecture clock.
    pub fn resumed(durations: Durations, now: Duration, already: Duration) -> SessionTimer {
        SessionTimer {
            durations,
            since: now,
            ahead: already,
            on_break: false,
        }
    }

    /// How long ago the current lecture stretch began (what `present` saves to pick it up again).
    pub fn stretch_elapsed(&self, now: Duration) -> Duration {
        now.saturating_add(self.ahead).saturating_sub(self.since)
    }

    /// The lengths in use.
    pub fn durations(&self) -> Durations {
        self.durations
    }

    /// The phase at `now`: lecture for the lecture length, then break for the break length, then
    /// lecture again from zero, and so on.
    pub fn phase(&self, now: Duration) -> Phase {
        let lecture = self.durations.lecture.as_nanos();
        let cycle = lecture + self.durations.break_.as_nanos();
        let since = self.stretch_elapsed(now).as_nanos();
        // Zero lengths are refused by `parse_duration`, but `Durations` has public fields: a zero
        // cycle would divide by zero, so it means lecturing without breaks.
        // Without a break the lecture simply runs on, and its clock with it.
        let into = if cycle == 0 || cycle == lecture {
            since
        } else {
            since % cycle
        };
        if into < lecture || cycle == lecture {
            Phase::Lecture { elapsed: nanos(into) }
        } else {
            Phase::Break {
                remaining: nanos(cycle - into),
            }
        }
    }

    /// The break card's countdown at `now`, `None` during the lecture.
    pub fn remaining(&self, now: Duration) -> Option<Duration> {
        match self.phase(now) {
            Phase::Break { remaining } => Some(remaining),
            Phase::Lecture { .. } => None,
        }
    }

    /// The break card's countdown as shown (`4:59`), `None` during the lecture. Rounded up, as
    /// countdowns are: the card reads `5:00` for the whole first second and never `0:00`.
    pub fn countdown(&self, now: Duration) -> Option<String> {
        self.remaining(now).map(|r| {
            let secs = r.as_secs() + u64::from(r.subsec_nanos() > 0);
            format!("{}:{:02}", secs / 60, secs % 60)
        })
    }

    /// A key on the break card: ends the break at `now` and starts a new lecture stretch from
    /// zero. Returns whether there was a break to end (during the lecture it does nothing).
    pub fn dismiss(&mut self, now: Duration) -> bool {
        if !self.phase(now).is_break() {
            return false;
        }
        self.since = now.saturating_add(self.ahead);
        self.on_break = false;
        true
    }

    /// Called on every frame: returns the new phase when the session moved from lecture to break
    /// or back since the last tick, so the player can open or close the card (and, say, pause the
    /// narration) once. A break ended by `dismiss` is not reported again.
    pub fn tick(&mut self, now: Duration) -> Option<Phase> {
        let phase = self.phase(now);
        let changed = phase.is_break() != self.on_break;
        self.on_break = phase.is_break();
        changed.then_some(phase)
    }

    /// The header's text: `lecture 12:34 / 20:00` during the lecture, `break 4:59` during the break.
    pub fn header(&self, now: Duration, lang: crate::i18n::Lang) -> String {
        use crate::i18n::words;
        match self.phase(now) {
            // No break to count towards: the lecture time alone.
            Phase::Lecture { elapsed } if self.durations.no_break() => {
                format!("lecture {}", minutes_seconds(elapsed))
            }
            Phase::Lecture { elapsed } => format!(
                "{} {} / {}",
                words::TIMER_LECTURE.get(lang),
                minutes_seconds(elapsed),
                minutes_seconds(self.durations.lecture)
            ),
            Phase::Break { .. } => format!(
                "{} {}",
                words::TIMER_BREAK.get(lang),
                self.countdown(now).unwrap_or_default()
            ),
        }
    }
}

/// `12:34`: minutes (at least two digits) and seconds, rounded down as a running clock is.
fn minutes_seconds(d: Duration) -> String {
    let secs = d.as_secs();
    format!("{:02}:{:02}", secs / 60, secs % 60)
}

/// A count of nanoseconds below one cycle (at most two days) back as a `Duration`.
fn nanos(n: u128) -> Duration {
    Duration::from_nanos(u64::try_from(n).unwrap_or(u64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(m: u64, s: u64) -> Duration {
        Duration::from_secs(m * 60 + s)
    }

    #[test]
    fn lecture_and_break_alternate_from_the_start() {
        let t = SessionTimer::new(Durations::DEFAULT, at(100, 0));
        assert_eq!(t.phase(at(100, 0)), Phase::Lecture { elapsed: at(0, 0) });
        assert_eq!(t.phase(at(119, 59)), Phase::Lecture { elapsed: at(19, 59) });
        assert_eq!(t.phase(at(120, 0)), Phase::Break { remaining: at(5, 0) });
        assert_eq!(t.phase(at(124, 59)), Phase::Break { remaining: at(0, 1) });
        assert_eq!(t.phase(at(125, 0)), Phase::Lecture { elapsed: at(0, 0) });
        // A second stretch, read without any tick in between.
        assert_eq!(t.phase(at(145, 30)), Phase::Break { remaining: at(4, 30) });
        // A `now` before the start reads as the start.
        assert_eq!(t.phase(at(0, 0)), Phase::Lecture { elapsed: at(0, 0) });
    }

    #[test]
    fn the_countdown_rounds_up() {
        let t = SessionTimer::new(Durations::DEFAULT, Duration::ZERO);
        assert_eq!(t.countdown(at(19, 59)), None);
        assert_eq!(t.countdown(at(20, 0)).as_deref(), Some("5:00"));
        assert_eq!(
            t.countdown(at(20, 0) + Duration::from_millis(1)).as_deref(),
            Some("5:00")
        );
        assert_eq!(t.countdown(at(20, 1)).as_deref(), Some("4:59"));
        assert_eq!(
            t.countdown(at(24, 59) + Duration::from_millis(999)).as_deref(),
            Some("0:01")
        );
    }

    #[test]
    fn tick_reports_each_change_once() {
        let mut t = SessionTimer::new(Durations::DEFAULT, Duration::ZERO);
        assert_eq!(t.tick(at(0, 1)), None);
        assert_eq!(t.tick(at(20, 0)), Some(Phase::Break { remaining: at(5, 0) }));
        assert_eq!(t.tick(at(20, 1)), None);
        assert_eq!(t.tick(at(25, 2)), Some(Phase::Lecture { elapsed: at(0, 2) }));
        assert_eq!(t.tick(at(25, 3)), None);
    }

    #[test]
    fn dismissing_restarts_the_lecture_stretch() {
        let mut t = SessionTimer::new(Durations::DEFAULT, Duration::ZERO);
        assert!(!t.dismiss(at(10, 0)), "nothing to dismiss during the lecture");
        assert_eq!(t.tick(at(21, 0)).map(|p| p.is_break()), Some(true));
        assert!(t.dismiss(at(21, 0)));
        assert_eq!(t.tick(at(21, 0)), None, "the player closed the card itself");
        assert_eq!(t.header(at(22, 0), crate::i18n::Lang::En), "lecture 01:00 / 20:00");
        assert_eq!(t.header(at(22, 0), crate::i18n::Lang::Ko), "강의 01:00 / 20:00");
        assert!(t.phase(at(41, 0)).is_break());
    }

    #[test]
    fn a_resumed_timer_goes_on_from_where_it_was() {
        let mut t = SessionTimer::resumed(Durations::DEFAULT, at(1, 0), at(12, 34));
        assert_eq!(t.header(at(1, 0), crate::i18n::Lang::En), "lecture 12:34 / 20:00");
        assert_eq!(t.stretch_elapsed(at(2, 0)), at(13, 34));
        assert!(t.phase(at(8, 26)).is_break());
        assert!(t.dismiss(at(9, 0)));
        assert_eq!(t.stretch_elapsed(at(9, 30)), at(0, 30));
        assert_eq!(t.header(at(9, 30), crate::i18n::Lang::En), "lecture 00:30 / 20:00");
    }

    #[test]
    fn zero_lengths_do_not_divide_by_zero() {
        let zero = Durations {
            lecture: Duration::ZERO,
            break_: Duration::ZERO,
        };
        let t = SessionTimer::new(zero, Duration::ZERO);
        assert_eq!(t.phase(at(3, 0)), Phase::Lecture { elapsed: at(3, 0) });
        let no_break = Durations {
            break_: Duration::ZERO,
            ..Durations::DEFAULT
        };
        let t = SessionTimer::new(no_break, Duration::ZERO);
        assert_eq!(t.phase(at(20, 0)), Phase::Lecture { elapsed: at(20, 0) });
        assert_eq!(t.phase(at(95, 0)), Phase::Lecture { elapsed: at(95, 0) });
        assert_eq!(t.header(at(95, 0), crate::i18n::Lang::En), "lecture 95:00");
    }
}
