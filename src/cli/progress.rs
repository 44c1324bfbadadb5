//! `k8s-course progress`: each learner's place and progress per lesson; `--reset` clears one.

use std::io::BufRead;

use super::Io;
use crate::content::{Course, SlideIndex};
use crate::progress::time::{ago, duration, format_local, now};
use crate::progress::{ExerciseState, Learner, Mode, Store};
use crate::settings::Settings;
use crate::text::{pad_to, truncate_to};

/// The progress store and the learner the command is for, or None after saying why not.
pub(super) fn store_and_learner(settings: &Settings, io: &mut Io<'_>) -> std::io::Result<Option<(Store, Learner)>> {
    let store = Store::new(settings.paths.data_dir.clone());
    match settings.learner() {
        Ok(l) => Ok(Some((store, l))),
        Err(e) => {
            writeln!(io.err, "k8s-course: {e}")?;
            Ok(None)
        }
    }
}

pub fn run(
    settings: &Settings,
    course: &Course,
    all: bool,
    reset: bool,
    yes: bool,
    io: &mut Io<'_>,
) -> std::io::Result<bool> {
    let Some((store, me)) = store_and_learner(settings, io)? else {
        return Ok(false);
    };
    if reset {
        return reset_one(&store, &me, yes, io);
    }
    let learners = if all { store.learners() } else { vec![me] };
    if learners.is_empty() {
        writeln!(io.out, "No progress saved yet.")?;
        return Ok(true);
    }
    writeln!(
        io.out,
        "{}  {}  {}  {:>4}  {:>7}  {:>8}  LAST OPENED",
        pad_to("LEARNER", 12),
        pad_to("LESSON", 26),
        pad_to("LAST SLIDE", 24),
        "DONE",
        "TIME",
        "PRACTICE"
    )?;
    let t = now();
    for learner in learners {
        let opened = store.open(&learner, t);
        for n in &opened.notices {
            writeln!(io.err, "warning: {n}")?;
        }
        if let Mode::ReadOnly(why) = &opened.mode {
            writeln!(io.err, "warning: {why}")?;
        }
        if opened.progress.lessons.is_empty() {
            writeln!(
                io.out,
                "{}  (nothing yet)",
                pad_to(&truncate_to(learner.as_str(), 12), 12)
            )?;
        }
        for ((course_id, lesson_id), record) in &opened.progress.lessons {
            let lesson = course
                .lessons
                .iter()
                .find(|l| course.id == *course_id && l.id == *lesson_id);
            let last = match (lesson, &record.last_slide) {
                (Some(l), Some(id)) => l.slide(l.nearest(id)).map(|s| s.display_title()).unwrap_or_default(),
                (None, Some(id)) => id.clone(),
                _ => "-".into(),
            };
            let done = lesson.map_or("-".to_string(), |l| {
                let total = l.slide_count();
                let completed = (0..total)
                    .filter(|&i| record.completed.contains(&l.id_of(SlideIndex(i))))
                    .count();
                format!("{}%", (completed * 100).checked_div(total).unwrap_or(0))
            });
            let opened_at = record.last_opened.map_or("-".to_string(), |o| {
                format!("{} ({})", format_local(o), ago(o, t, crate::i18n::Lang::En))
            });
            // Exercises passed out of those the lesson has (of those recorded, for a lesson not loaded).
            let passed = |id: &str| record.exercise_state(id) == ExerciseState::Passed;
            let practice = match lesson {
                Some(l) if !l.exercises.is_empty() => format!(
                    "{}/{}",
                    l.exercises.iter().filter(|e| passed(&e.id)).count(),
                    l.exercises.len()
                ),
                Some(_) => "-".to_string(),
                None => format!("{} done", record.exercises.keys().filter(|id| passed(id)).count()),
            };
            writeln!(
                io.out,
                "{}  {}  {}  {done:>4}  {:>7}  {practice:>8}  {opened_at}",
                pad_to(&truncate_to(learner.as_str(), 12), 12),
                pad_to(&truncate_to(lesson_id, 26), 26),
                pad_to(&truncate_to(&last, 24), 24),
                duration(record.total_seconds()),
            )?;
        }
    }
    Ok(true)
}

/// Clears `learner`'s progress once they confirm (or `--yes` says so).
fn reset_one(store: &Store, learner: &Learner, yes: bool, io: &mut Io<'_>) -> std::io::Result<bool> {
    if !yes {
        write!(
            io.err,
            "Reset all progress of learner '{learner}'? This cannot be undone. [y/N] "
        )?;
        io.err.flush()?;
        let mut answer = String::new();
        std::io::stdin().lock().read_line(&mut answer)?;
        if !matches!(answer.trim().to_lowercase().as_str(), "y" | "yes") {
            writeln!(io.err, "Not reset.")?;
            return Ok(false);
        }
    }
    match store.reset(learner) {
        Ok(true) => writeln!(io.out, "Progress of '{learner}' reset.")?,
        Ok(false) => writeln!(io.out, "'{learner}' had no progress saved.")?,
        Err(e) => {
            writeln!(io.err, "k8s-course: {e}")?;
            return Ok(false);
        }
    }
    Ok(true)
}
