//! The narration as a learner handles it beyond play and pause: `enter` on a segment plays from
//! there (in `l`, or on a `[구간 N]` the diagram panel lists), subtitles on and off, and the speed
//! and position remembered per learner and lesson, like the slide.

use super::{App, Drawn, View};
use crate::content::script::Millis;
use crate::i18n::words;
use crate::playback::Speed;

impl App {
    /// The segment being spoken, as an index into the current slide's segments, when the
    /// narration is on this slide.
    pub fn spoken_here(&self) -> Option<usize> {
        let i = self.lecture.playback.as_ref()?.segment_at(self.lecture.now)?;
        self.current_lesson()
            .segments_of(self.nav.slide)
            .iter()
            .position(|&s| s == i)
    }

    /// `enter` in the narration view: plays from the marked segment.
    pub(super) fn play_marked(&mut self, selected: usize) {
        match self.current_lesson().segments_of(self.nav.slide).get(selected).copied() {
            Some(i) => self.play_from(i),
            None => self.say(words::NO_SEGMENT_HERE.get(self.lang()), true),
        }
    }

    /// `enter` while a diagram component is selected: plays from a segment that mentions it, the
    /// first at or after the one being spoken (the next one when it is already playing one), so
    /// pressing `enter` again walks through where the lecturer talks about it.
    pub(super) fn play_mention(&mut self) {
        let mentions = match (self.focused(), &self.current_lesson().script) {
            (Some((diagram, c)), Some(script)) => diagram.mentions(c, script),
            _ => Vec::new(),
        };
        let Some(&first) = mentions.first() else {
            return self.say(words::NO_SEGMENT_HERE.get(self.lang()), true);
        };
        let (now, playing) = match &self.lecture.playback {
            Some(p) => (p.segment_at(self.lecture.now), p.is_playing()),
            None => (None, false),
        };
        let target = match now {
            Some(at) if playing && mentions.contains(&at) => mentions.iter().find(|&&m| m > at),
            Some(at) => mentions.iter().find(|&&m| m >= at),
            None => None,
        };
        self.play_from(target.copied().unwrap_or(first));
    }

    /// Plays the narration from segment `i` of the script (an index), showing its slide.
    pub(super) fn play_from(&mut self, i: usize) {
        let now = self.lecture.now;
        let Some(p) = &mut self.lecture.playback else {
            return self.say(crate::i18n::words::F_NO_NARRATION_TO_PLAY.get(self.lang), true);
        };
        let Ok(slide) = p.seek_segment(i + 1, now) else {
            return self.say(words::NO_SEGMENT_HERE.get(self.lang()), true);
        };
        p.play(now);
        self.lecture.played = true;
        let number = (self.current_lesson().script.as_ref())
            .and_then(|s| s.segments.get(i))
            .map_or(i + 1, |s| s.number);
        let from = words::PLAYING_FROM.get(self.lang());
        let segment = crate::i18n::words::SEGMENT.get(self.lang);
        self.say(format!("{from} [{segment} {number}]"), false);
        self.move_to(self.nav.lesson, slide);
        // The narration view stays open on the new slide, marking the segment now spoken.
        let marked = self.spoken_here().unwrap_or(0);
        if let Some(View::Narration { selected, .. }) = self.nav.views.last_mut() {
            *selected = marked;
        }
        self.note_narration();
    }

    /// After a frame of the narration view: while the narration plays here the mark follows the
    /// spoken segment, whose `[구간 N]` line goes to the top when part of it is hidden; otherwise
    /// a marked segment wholly out of view is scrolled to. Returns whether anything moved.
    pub(super) fn keep_marked_in_view(&mut self, drawn: &Drawn) -> bool {
        let playing = self.lecture.playback.as_ref().is_some_and(|p| p.is_playing());
        let spoken = self.spoken_here().filter(|_| playing);
        let Some(View::Narration { scroll, selected }) = self.nav.views.last_mut() else {
            return false;
        };
        let followed = spoken.is_some_and(|i| i != *selected);
        if let Some(i) = spoken {
            *selected = i;
        }
        let rows = &drawn.segment_rows;
        *selected = (*selected).min(rows.len().saturating_sub(1));
        let (page, max) = (drawn.page, drawn.max_scroll);
        let Some(&top) = rows.get(*selected) else {
            return followed;
        };
        let end = segment_end(rows, *selected, max + page);
        let hidden = top < *scroll || end > *scroll + page;
        let gone = end <= *scroll || top >= *scroll + page;
        let target = if (spoken.is_some() && hidden) || gone {
            top.min(max)
        } else {
            *scroll
        };
        let moved = target != *scroll;
        *scroll = target;
        followed || moved
    }

    /// `j`/`k` in the narration view: scrolls a line while the marked segment goes on past the
    /// pane's edge, and otherwise marks the next (previous) segment.
    pub(super) fn narration_step(&mut self, down: bool) {
        let (rows, page, max) = (
            self.nav.drawn.segment_rows.clone(),
            self.nav.drawn.page,
            self.nav.drawn.max_scroll,
        );
        let Some(View::Narration { scroll, selected }) = self.nav.views.last_mut() else {
            return;
        };
        let Some(&top) = rows.get(*selected) else {
            return;
        };
        let end = segment_end(&rows, *selected, max + page);
        if down {
            if end > *scroll + page || *selected + 1 >= rows.len() {
                *scroll = (*scroll + 1).min(max);
            } else {
                *selected += 1;
            }
        } else if *scroll > top {
            *scroll -= 1;
        } else if *selected > 0 {
            *selected -= 1;
        } else {
            *scroll = 0;
        }
    }

    /// The subtitles key: shows or hides the spoken segment over the timeline bar.
    pub(super) fn toggle_subtitles(&mut self) {
        self.lecture.subtitles = !self.lecture.subtitles;
        let word = if self.lecture.subtitles {
            words::SUBTITLES_ON
        } else {
            words::SUBTITLES_OFF
        };
        self.say(word.get(self.lang()), false);
    }

    /// The session ends: records where the narration is now (it may have played on since the
    /// last record), paused there, as the next session will open it.
    pub(super) fn remember_narration(&mut self) {
        self.note_narration();
    }

    /// Records where the narration is and its speed for this learner and lesson, once the
    /// learner has played it or chosen a speed (a lesson only browsed records nothing).
    pub(super) fn note_narration(&mut self) {
        let Some(p) = &self.lecture.playback else { return };
        if !self.lecture.played && p.speed() == Speed::X1 {
            return;
        }
        let (ms, speed) = (p.position(self.lecture.now).0, p.speed().to_string());
        let key = self.lesson_key();
        self.study.progress.narration(&key, ms, &speed);
    }

    /// The narration as the learner left this lesson: the same speed, and the same place
    /// (paused) when it is on the slide the player opens on. A record this program cannot read
    /// (a hand-edited speed) is ignored.
    pub(super) fn restore_narration(&mut self) {
        let Some(record) = self.record_of(self.nav.lesson) else {
            return;
        };
        let speed = record.speed.as_deref().and_then(|s| Speed::parse(s).ok());
        let at = record.narration_ms.map(Millis);
        let (now, slide) = (self.lecture.now, self.nav.slide);
        let Some(p) = &mut self.lecture.playback else { return };
        if let Some(speed) = speed {
            p.set_speed(speed, now);
        }
        if let Some(at) = at {
            let mut there = p.clone();
            there.restore(at, now);
            if there.slide_at(now) == Some(slide) {
                *p = there;
                self.lecture.played = true;
            }
        }
    }
}

/// Where segment `i` of the narration view ends: the blank line before the next segment's
/// `[구간 N]` line, or `last` (the text's end) for the last segment.
fn segment_end(rows: &[usize], i: usize, last: usize) -> usize {
    rows.get(i + 1).map_or(last, |&next| next.saturating_sub(1))
}
