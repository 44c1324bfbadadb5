//! A learner's record of one practice exercise (state, tries, time) and the change a session
//! makes to it. Tries and time add up across sessions; a pass stays a pass until a reset, so two
//! players saving in any order agree.

use super::time::Unix;

/// Where the learner is with an exercise.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum ExerciseState {
    /// Never checked.
    #[default]
    Untried,
    /// Checked, and the last check failed.
    Failed,
    /// Passed (kept until the exercise is reset).
    Passed,
}

impl ExerciseState {
    /// The word in the progress file and in `k8s-course practice`.
    pub fn name(self) -> &'static str {
        match self {
            ExerciseState::Untried => "untried",
            ExerciseState::Failed => "failed",
            ExerciseState::Passed => "passed",
        }
    }

    /// The mark in the player's lists: ✓ passed, ✗ failed, · untried.
    pub fn mark(self) -> &'static str {
        match self {
            ExerciseState::Untried => "·",
            ExerciseState::Failed => "✗",
            ExerciseState::Passed => "✓",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Untried, Self::Failed, Self::Passed]
            .into_iter()
            .find(|k| k.name() == s)
    }
}

/// One exercise's record.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExerciseProgress {
    pub state: ExerciseState,
    /// Checks run (each save of the work file, each answer typed).
    pub tries: u32,
    /// Seconds spent with the exercise open.
    pub seconds: u64,
    pub last_try: Option<Unix>,
    /// When it first passed.
    pub passed_at: Option<Unix>,
}

/// A session's change to one exercise.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExerciseDelta {
    /// Start over first (the learner reset the exercise).
    pub reset: bool,
    pub tries: u32,
    pub passed: bool,
    pub failed: bool,
    pub seconds: u64,
    pub last_try: Option<Unix>,
}

impl ExerciseDelta {
    pub fn checked(passed: bool, now: Unix) -> Self {
        Self {
            tries: 1,
            passed,
            failed: !passed,
            last_try: Some(now),
            ..Self::default()
        }
    }

    pub fn time(secs: u64) -> Self {
        Self {
            seconds: secs,
            ..Self::default()
        }
    }

    pub fn reset() -> Self {
        Self {
            reset: true,
            ..Self::default()
        }
    }

    /// Folds a later change into this one; a later reset drops what came before it.
    pub fn absorb(&mut self, later: ExerciseDelta) {
        if later.reset {
            *self = later;
            return;
        }
        self.tries = self.tries.saturating_add(later.tries);
        self.seconds = self.seconds.saturating_add(later.seconds);
        if later.passed {
            self.passed = true;
        }
        if later.failed && !self.passed {
            self.failed = true;
        }
        self.last_try = self.last_try.max(later.last_try);
    }
}

impl ExerciseProgress {
    /// Applies a session's change.
    pub fn apply(&mut self, d: &ExerciseDelta) {
        if d.reset {
            *self = Self::default();
        }
        self.tries = self.tries.saturating_add(d.tries);
        self.seconds = self.seconds.saturating_add(d.seconds);
        if d.passed {
            self.state = ExerciseState::Passed;
            self.passed_at = self.passed_at.or(d.last_try);
        } else if d.failed && self.state != ExerciseState::Passed {
            self.state = ExerciseState::Failed;
        }
        self.last_try = self.last_try.max(d.last_try);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tries_add_up_a_pass_stays_and_a_reset_starts_over() {
        let mut p = ExerciseProgress::default();
        p.apply(&ExerciseDelta::checked(false, 10));
        p.apply(&ExerciseDelta::checked(true, 20));
        p.apply(&ExerciseDelta::checked(false, 30));
        assert_eq!(
            (p.state, p.tries, p.passed_at, p.last_try),
            (ExerciseState::Passed, 3, Some(20), Some(30))
        );
        let mut d = ExerciseDelta::checked(true, 40);
        d.absorb(ExerciseDelta::reset());
        d.absorb(ExerciseDelta::checked(false, 50));
        p.apply(&d);
        assert_eq!((p.state, p.tries, p.passed_at), (ExerciseState::Failed, 1, None));
    }
}
