//! The lecture as it runs: narration playback (`p`, `+`/`-`, `:speed`, `:seg`), the slide turning
//! by itself with the narration, and the lecture/break timer with its break card.

use std::time::Duration;

use super::{Action, App};
use crate::content::SlideIndex;
use crate::i18n::words;
use crate::playback::{Playback, Speed};
use crate::timer::{Phase, SessionTimer};

/// The lecture on the session clock: the narration's timeline and the lecture/break timer.
#[derive(Debug)]
pub(super) struct Lecture {
    /// Time since the session started, as of the last tick.
    pub(super) now: Duration,
    /// The narration timeline of the current lesson (None without a script).
    pub(super) playback: Option<Playback>,
    /// The lecture/break timer, when the session has one.
    pub(super) timer: Option<SessionTimer>,
    /// Whether the narration has been played this session (the timeline bar shows from then on).
    pub(super) played: bool,
    /// Subtitles (the spoken segment over the timeline bar) are shown; on by default.
    pub(super) subtitles: bool,
    /// The narration was playing when the break card came up: it plays on after the break.
    pub(super) resume_after_break: bool,
}

/// What the lecture did on its own as the clock moved on.
#[derive(Debug, Default)]
struct Moved {
    /// The narration reached another slide.
    slide: Option<SlideIndex>,
    /// The narration reached its end.
    ended: bool,
    /// The timer went into a break, or out of one.
    phase: Option<Phase>,
}

impl Lecture {
    pub(super) fn new(now: Duration, playback: Option<Playback>, timer: Option<SessionTimer>) -> Self {
        Lecture {
            now,
            playback,
            timer,
            played: false,
            subtitles: true,
            resume_after_break: false,
        }
    }

    /// Moves the clock to `now`: the narration plays on, the timer counts.
    fn tick(&mut self, now: Duration) -> Moved {
        self.now = now;
        let (slide, ended) = match &mut self.playback {
            Some(p) => {
                let t = p.tick(now);
                (t.slide, t.ended)
            }
            None => (None, false),
        };
        let phase = self.timer.as_mut().and_then(|t| t.tick(now));
        Moved { slide, ended, phase }
    }

    /// A break began: the narration pauses, and will play on after it if it was playing.
    fn pause_for_break(&mut self) {
        let now = self.now;
        self.resume_after_break = false;
        if let Some(p) = &mut self.playback
            && p.is_playing()
        {
            p.pause(now);
            self.resume_after_break = true;
        }
    }
}

impl App {
    /// Moves the session clock (the driver calls this before each update and on every tick) and
    /// lets the narration and the timer act, and an info message expire. Returns whether anything
    /// visible changed.
    pub(super) fn tick(&mut self, now: Duration) -> bool {
        let moved = self.lecture.tick(now);
        let mut changed = self.expire_flash();
        if let Some(slide) = moved.slide {
            self.move_to(self.nav.lesson, slide);
            self.note_narration();
            changed = true;
        }
        if moved.ended {
            let key = self.key_name(&Action::PlayPause, ":play");
            self.say(words::F_LECTURE_ENDED.fill(self.lang, &[&key]), false);
            self.note_narration();
            changed = true;
        }
        if let Some(phase) = moved.phase {
            changed = true;
            if phase.is_break() {
                self.break_began();
            } else {
                self.break_ended(false);
            }
        }
        changed
    }

    /// When the flash line's info message goes (one timed wake-up for the driver), `None` when
    /// nothing on it expires: no message, or an error, which stays until the next key.
    pub fn flash_expires_in(&self) -> Option<Duration> {
        let f = self.flash.as_ref().filter(|f| !f.error)?;
        Some((f.said_at + super::FLASH_FOR).saturating_sub(self.lecture.now))
    }

    /// Clears an info message that has been up for [`super::FLASH_FOR`]; returns whether it did.
    fn expire_flash(&mut self) -> bool {
        if self.flash_expires_in() == Some(Duration::ZERO) {
            self.flash = None;
            return true;
        }
        false
    }

    /// The break card covers the screen: the narration waits for the lecture, and a message about
    /// playing would now be wrong, so it goes.
    fn break_began(&mut self) {
        self.lecture.pause_for_break();
        self.flash = None;
        self.note_narration();
    }

    /// The lecture is back (the countdown ran out, or a key ended the break): the narration plays
    /// on if it was playing when the break began, and the flash line says what is true now.
    fn break_ended(&mut self, early: bool) {
        let back = crate::i18n::words::BACK_TO_LECTURE.get(self.lang());
        let resume = std::mem::take(&mut self.lecture.resume_after_break);
        let now = self.lecture.now;
        match &mut self.lecture.playback {
            Some(p) if resume => {
                p.play(now);
                let (bar, speed) = (p.status(now), p.speed());
                let playing = crate::i18n::words::NOW_PLAYING.get(self.lang());
                self.say(format!("{back}: {playing} {} · {speed}", bar.counter()), false);
            }
            _ if early => self.say(back, false),
            _ => {}
        }
    }

    /// The break countdown (`4:59`) while the break card is up.
    pub fn on_break(&self) -> Option<String> {
        let timer = self.lecture.timer.as_ref()?;
        matches!(timer.phase(self.lecture.now), Phase::Break { .. })
            .then(|| timer.countdown(self.lecture.now))
            .flatten()
    }

    /// Ends the break early (any key on the break card).
    pub(super) fn dismiss_break(&mut self) {
        if let Some(t) = &mut self.lecture.timer
            && t.dismiss(self.lecture.now)
        {
            self.break_ended(true);
        }
    }

    pub(super) fn toggle_play(&mut self) {
        let now = self.lecture.now;
        let Some(p) = &mut self.lecture.playback else {
            return self.say(words::F_NO_NARRATION_TO_PLAY.get(self.lang), true);
        };
        self.lecture.played = true;
        if p.toggle(now) {
            let (bar, speed, slide) = (p.status(now), p.speed(), p.slide_at(now));
            let here = self.nav.slide;
            match slide.filter(|s| *s != here) {
                // A slide without narration: say where the narration goes on, then go there.
                Some(next) => {
                    let lesson = self.current_lesson();
                    let (from, to) = (lesson.id_of(here), lesson.id_of(next));
                    let said = words::F_NO_NARRATION_ON.fill(self.lang, &[&from, &to, &bar.counter()]);
                    self.say(said, false);
                    self.move_to(self.nav.lesson, next);
                }
                None => self.say(words::F_PLAYING.fill(self.lang, &[&bar.counter(), &speed]), false),
            }
        } else {
            self.say(words::F_PAUSED.get(self.lang), false);
        }
        self.note_narration();
    }

    /// `:play` and `:pause`: the state asked for, whatever it was.
    pub(super) fn set_playing(&mut self, play: bool) {
        let playing = self.lecture.playback.as_ref().is_some_and(|p| p.is_playing());
        if playing != play {
            self.toggle_play();
        }
    }

    pub(super) fn change_speed(&mut self, faster: bool) {
        let now = self.lecture.now;
        if let Some(p) = &mut self.lecture.playback {
            let speed = if faster { p.faster(now) } else { p.slower(now) };
            self.say(words::F_SPEED.fill(self.lang, &[&speed]), false);
            self.note_narration();
        }
    }

    pub(super) fn set_speed(&mut self, text: &str) {
        let now = self.lecture.now;
        match (Speed::parse(text), &mut self.lecture.playback) {
            (Ok(speed), Some(p)) => {
                p.set_speed(speed, now);
                self.say(words::F_SPEED.fill(self.lang, &[&speed]), false);
                self.note_narration();
            }
            (Err(_), _) => {
                let typed = crate::text::clean_line(text.trim());
                self.say(words::F_SPEED_REFUSED.fill(self.lang, &[&typed]), true)
            }
            (Ok(_), None) => self.say(words::F_NO_NARRATION_TO_PLAY.get(self.lang), true),
        }
    }

    pub(super) fn seek(&mut self, text: &str) {
        let now = self.lecture.now;
        let Some(p) = &mut self.lecture.playback else {
            return self.say(words::F_NO_NARRATION_TO_PLAY.get(self.lang), true);
        };
        let result = match text.trim().parse::<usize>() {
            Ok(n) => p
                .seek_segment(n, now)
                .map_err(|_| words::F_NO_SUCH_SEGMENT.fill(self.lang, &[&n, &p.count()])),
            Err(_) => Err(words::F_NOT_SEGMENT.fill(self.lang, &[&crate::text::clean_line(text)])),
        };
        match result {
            Ok(slide) => {
                let bar = p.status(now);
                self.say(words::F_SEGMENT.fill(self.lang, &[&bar.counter()]), false);
                self.move_to(self.nav.lesson, slide);
                self.note_narration();
            }
            Err(e) => self.say(e, true),
        }
    }
}
