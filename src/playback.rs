//! Narration playback: a clock that runs through a lesson's timed segments at a chosen speed and
//! says which segment is spoken and which slide it belongs to.
//!
//! No terminal, no threads, no wall clock: every method takes `now`, a monotonic time since an
//! arbitrary origin (the driver passes `Instant::now() - start`), so tests drive it with a fake
//! clock. Two kinds of time are kept apart: script time (`Millis`, what segments are timed in) and
//! wall time (`Duration`, what `now` is). At 1.5x, 200 s of wall time play 300 s of script.
//!
//! How the player uses it: `toggle` on `p`, `faster`/`slower` on `+`/`-`, `set_speed` for
//! `:speed`, `seek_segment` for `:seg N` (showing the slide it returns), `seek_to_slide` on every
//! manual change of slide (it pauses), and `tick` on every frame: it returns the slide to show when
//! the narration moves on to another slide, and stops the clock at the end of the lecture.

mod bar;
mod speed;

pub use bar::Bar;
pub use speed::Speed;

use std::time::Duration;

use crate::content::script::Millis;
use crate::content::{Lesson, SlideIndex};

/// The narration timeline of one lesson and where playback is on it.
#[derive(Debug, Clone)]
pub struct Playback {
    /// The segments in script order; never empty.
    spans: Vec<Span>,
    /// The end of the last segment: where the lecture ends.
    total: Millis,
    /// Where the lecture proper starts: the first speech segment (a preamble, rule or cue before
    /// it is not played unless asked for with `:seg`).
    opening: Millis,
    speed: Speed,
    state: State,
    /// The slide last shown for the narration, so `tick` reports each change of slide once.
    shown: Option<SlideIndex>,
}

/// One segment on the timeline: its script time and the slide it is spoken over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Span {
    start: Millis,
    end: Millis,
    slide: SlideIndex,
}

/// Paused at a script position, or playing from one since a wall instant: the position while
/// playing is computed from `now`, so nothing drifts however often the player ticks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Paused { at: Millis },
    Playing { from: Millis, since: Duration },
}

/// What one [`Playback::tick`] tells the player.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tick {
    /// The narration moved on to a segment of another slide: show this slide.
    pub slide: Option<SlideIndex>,
    /// The lecture just reached its end and the clock stopped.
    pub ended: bool,
}

impl Playback {
    /// The timeline of `lesson`'s script, paused at the start at 1x; `None` when the lesson has no
    /// narration to play.
    pub fn new(lesson: &Lesson) -> Option<Playback> {
        let script = lesson.script.as_ref()?;
        let timing = script.segments.iter().enumerate().map(|(i, seg)| {
            // `alignment` has one slide per segment; a shorter one (no alignment) falls back to
            // the slide of the segment before, so playback never leaves the slides it knows.
            let slide = lesson.alignment.get(i).or(lesson.alignment.last()).copied();
            (seg.start, seg.duration, slide.unwrap_or(SlideIndex(0)))
        });
        let mut playback = Playback::from_timing(timing)?;
        if let Some(first) = script.segments.iter().find(|s| s.kind.is_speech()) {
            playback.opening = first.start.min(playback.total);
            playback.state = State::Paused { at: playback.opening };
        }
        Some(playback)
    }

    /// A timeline from `(start, duration, slide)` per segment, in script order; `None` when empty.
    pub fn from_timing(timing: impl IntoIterator<Item = (Millis, Millis, SlideIndex)>) -> Option<Playback> {
        let spans: Vec<Span> = timing
            .into_iter()
            .map(|(start, duration, slide)| Span {
                start,
                end: Millis(start.0.saturating_add(duration.0)),
                slide,
            })
            .collect();
        let total = spans.iter().map(|s| s.end).max()?;
        Some(Playback {
            spans,
            total,
            opening: Millis(0),
            speed: Speed::X1,
            state: State::Paused { at: Millis(0) },
            shown: None,
        })
    }

    /// How many segments the lesson has.
    pub fn count(&self) -> usize {
        self.spans.len()
    }

    /// The script time of the whole lecture (the end of the last segment).
    pub fn total(&self) -> Millis {
        self.total
    }

    /// The chosen speed.
    pub fn speed(&self) -> Speed {
        self.speed
    }

    /// Whether the clock is running. `tick` stops it at the end of the lecture.
    pub fn is_playing(&self) -> bool {
        matches!(self.state, State::Playing { .. })
    }

    /// Where the narration is, in script time, between 0 and [`Playback::total`].
    pub fn position(&self, now: Duration) -> Millis {
        match self.state {
            State::Paused { at } => at.min(self.total),
            State::Playing { from, since } => {
                let wall = u64::try_from(now.saturating_sub(since).as_millis()).unwrap_or(u64::MAX);
                Millis(
                    from.0
                        .saturating_add(self.speed.script_from_wall(wall))
                        .min(self.total.0),
                )
            }
        }
    }

    /// The index (into the script's segments) of the segment being spoken. At the very end of the
    /// lecture that is the last one, so the bar reads `24/24`. `Option` for the player's sake:
    /// a timeline always has a segment.
    pub fn segment_at(&self, now: Duration) -> Option<usize> {
        Some(self.index_at(self.position(now)))
    }

    /// The slide the segment being spoken belongs to.
    pub fn slide_at(&self, now: Duration) -> Option<SlideIndex> {
        self.segment_at(now).map(|i| self.spans[i].slide)
    }

    /// Whether the position has reached the end of the lecture.
    pub fn at_end(&self, now: Duration) -> bool {
        self.position(now) >= self.total
    }

    /// Starts the clock from where it stands; at the end of the lecture, from the start again, as
    /// a media player replays. Does nothing while playing.
    pub fn play(&mut self, now: Duration) {
        if self.is_playing() {
            return;
        }
        let at = self.position(now);
        let from = if at >= self.total { Millis(0) } else { at };
        self.state = State::Playing { from, since: now };
    }

    /// Stops the clock where it is.
    pub fn pause(&mut self, now: Duration) {
        self.state = State::Paused { at: self.position(now) };
    }

    /// `p`: plays when paused, pauses when playing; returns whether it now plays.
    pub fn toggle(&mut self, now: Duration) -> bool {
        if self.is_playing() {
            self.pause(now);
        } else {
            self.play(now);
        }
        self.is_playing()
    }

    /// Changes speed without a jump: the narration continues from the position it had at `now`.
    pub fn set_speed(&mut self, speed: Speed, now: Duration) {
        let at = self.position(now);
        self.speed = speed;
        self.move_to(at, now);
    }

    /// `+`: the next faster speed (2x stays 2x); returns the speed now in use.
    pub fn faster(&mut self, now: Duration) -> Speed {
        self.set_speed(self.speed.faster(), now);
        self.speed
    }

    /// `-`: the next slower speed (1x stays 1x); returns the speed now in use.
    pub fn slower(&mut self, now: Duration) -> Speed {
        self.set_speed(self.speed.slower(), now);
        self.speed
    }

    /// `:seg N`: moves to the start of segment `n` (1-based), playing on if it was playing, and
    /// returns the slide that segment belongs to, for the player to show.
    pub fn seek_segment(&mut self, n: usize, now: Duration) -> Result<SlideIndex, String> {
        let count = self.count();
        let Some(span) = n.checked_sub(1).and_then(|i| self.spans.get(i)).copied() else {
            return Err(format!("there is no segment {n}: segments run from 1 to {count}"));
        };
        self.move_to(span.start, now);
        self.shown = Some(span.slide);
        Ok(span.slide)
    }

    /// Puts the narration back where a learner left it: paused at `at` (the end of the lecture at
    /// most), whatever it was doing. The speed is kept.
    pub fn restore(&mut self, at: Millis, now: Duration) {
        self.pause(now);
        self.move_to(at, now);
    }

    /// Manual navigation to `slide`: pauses, so that `p` resumes from the slide the learner is on.
    ///
    /// The position moves to the start of the slide's first segment. A slide with no narration
    /// takes the first segment of the next slide that has some (the end of the lecture when none
    /// does), so `p` there narrates on from that point. When the narration is already on `slide`,
    /// the place is kept: coming back to the slide being listened to loses nothing.
    pub fn seek_to_slide(&mut self, slide: SlideIndex, now: Duration) {
        let at = self.position(now);
        self.shown = Some(slide);
        if at < self.total && self.spans[self.index_at(at)].slide == slide {
            self.state = State::Paused { at };
            return;
        }
        let target = (self.spans.iter())
            .filter(|s| s.slide >= slide && s.start >= self.opening)
            .min_by_key(|s| (s.slide, s.start))
            .map_or(self.total, |s| s.start);
        self.state = State::Paused { at: target };
    }

    /// Called on every frame: stops the clock at the end of the lecture, and returns the slide to
    /// show when the narration has moved on to another slide since the last change it reported.
    /// While paused the position cannot move by itself, so nothing is reported.
    pub fn tick(&mut self, now: Duration) -> Tick {
        if !self.is_playing() {
            return Tick::default();
        }
        let at = self.position(now);
        let ended = at >= self.total;
        if ended {
            self.state = State::Paused { at: self.total };
        }
        let slide = self.spans[self.index_at(at)].slide;
        let changed = self.shown != Some(slide);
        self.shown = Some(slide);
        Tick {
            slide: changed.then_some(slide),
            ended,
        }
    }

    /// What the timeline bar shows at `now`.
    pub fn status(&self, now: Duration) -> Bar {
        let at = self.position(now);
        Bar {
            segment: self.index_at(at) + 1,
            count: self.count(),
            elapsed: Millis(self.speed.wall_from_script(at.0)),
            total: Millis(self.speed.wall_from_script(self.total.0)),
            speed: self.speed,
            playing: self.is_playing(),
        }
    }

    /// The segment containing script position `at`: the last to start at or before it, so a
    /// boundary belongs to the segment it begins and the end of the lecture to the last segment.
    fn index_at(&self, at: Millis) -> usize {
        self.spans.partition_point(|s| s.start <= at).saturating_sub(1)
    }

    /// Puts the position at `at`, keeping the clock running or stopped as it was.
    fn move_to(&mut self, at: Millis, now: Duration) {
        let at = at.min(self.total);
        self.state = match self.state {
            State::Paused { .. } => State::Paused { at },
            State::Playing { .. } => State::Playing { from: at, since: now },
        };
    }
}

#[cfg(test)]
mod tests;
