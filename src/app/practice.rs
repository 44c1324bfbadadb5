//! Practice in the player: the exercise list (`x`), the open exercise (task, findings, hints,
//! solution), answers typed at `:answer`, and the work file's checks. The app decides; the lab
//! file IO (seed, edit, reset, watch) is asked of the driver as a [`WorkEffect`] and its outcome
//! comes back through [`App::work_changed`] and [`App::editor_done`].

use std::path::PathBuf;

use super::{App, Effect, View};
use crate::content::exercise::Exercise;
use crate::i18n::words;
use crate::practice::{Note, SOLUTION_AFTER_FAILS, Verdict, check};
use crate::progress::ExerciseState;

/// Lab file IO the driver does for the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkEffect {
    /// Create the work file with the starting manifest when it is missing, then watch it.
    Seed(PathBuf),
    /// Hand the terminal to the editor on the work file, then take it back.
    Edit(PathBuf),
    /// Replace the work file with the starting manifest.
    Reset(PathBuf),
    /// `kubectl apply --dry-run=server` of the work file into namespace `.1`.
    DryRun(PathBuf, String),
    /// `kubectl apply` of the work file into namespace `.1` (after the dry run, confirmed).
    Apply(PathBuf, String),
    /// Hand the terminal to `k9s -n NAMESPACE`, then take it back.
    K9s(String),
}

/// The exercise open in the player.
#[derive(Debug, Clone)]
pub struct Open {
    pub lesson: usize,
    /// Index into the lesson's exercises.
    pub index: usize,
    /// The work file (manifest kinds), when there is a data directory for the lab.
    pub path: Option<PathBuf>,
    /// The last check, or a note on why the file can't be checked.
    pub verdict: Option<Verdict>,
    /// The text last checked, so a save that changes nothing is not another try.
    last_text: Option<String>,
    pub hints_shown: usize,
    pub solution_shown: bool,
    /// Failed checks since the exercise was opened.
    pub fails: u32,
    /// `r` was pressed once: the next `r` resets.
    reset_armed: bool,
    /// The dry run went through: the next `a` applies.
    apply_armed: bool,
    /// What the cluster said last (dry run or apply), for the exercise view.
    pub cluster: Option<String>,
    /// Session time when time on this exercise was last counted (opening, a check, leaving).
    since: std::time::Duration,
}

/// The most one stretch on an exercise counts: a terminal left open overnight is not practice.
const MAX_STRETCH: std::time::Duration = std::time::Duration::from_secs(30 * 60);

impl App {
    /// The exercises of lesson `l` on `slide`.
    pub fn exercises_on(&self, l: usize, slide: crate::content::SlideIndex) -> usize {
        self.course.lessons[l].exercises.count_on(slide)
    }

    /// The state of exercise `ex` of lesson `l` for this learner.
    pub fn exercise_state(&self, l: usize, ex: &Exercise) -> (ExerciseState, u32) {
        self.record_of(l)
            .and_then(|r| r.exercises.get(&ex.id))
            .map_or((ExerciseState::Untried, 0), |e| (e.state, e.tries))
    }

    /// (passed, total) exercises on a slide, when it has any: the table of contents' mark.
    pub fn practice_tally(&self, l: usize, slide: crate::content::SlideIndex) -> Option<(usize, usize)> {
        let lesson = &self.course.lessons[l];
        let on: Vec<&Exercise> = lesson.exercises.iter().filter(|e| e.slide == slide).collect();
        if on.is_empty() {
            return None;
        }
        let passed = on
            .iter()
            .filter(|e| self.exercise_state(l, e).0 == ExerciseState::Passed)
            .count();
        Some((passed, on.len()))
    }

    /// The open exercise and its description.
    pub fn open_exercise(&self) -> Option<(&Open, &Exercise)> {
        let o = self.study.practice.as_ref()?;
        Some((o, self.course.lessons.get(o.lesson)?.exercises.get(o.index)?))
    }

    /// The work file the driver should watch: while an exercise with one is on screen.
    pub fn watched(&self) -> Option<&std::path::Path> {
        match self.nav.views.last() {
            Some(View::Exercise { .. }) => self.study.practice.as_ref()?.path.as_deref(),
            _ => None,
        }
    }

    fn say_word(&mut self, phrase: crate::i18n::Phrase, error: bool) {
        let text = phrase.get(self.lang()).to_string();
        self.say(text, error);
    }

    /// `x`: the list of the lesson's exercises, on the first of this slide's.
    pub(super) fn practice_list(&mut self) {
        let lesson = self.current_lesson();
        if lesson.exercises.is_empty() {
            self.say_word(words::PRACTICE_NONE, true);
            return;
        }
        let selected = lesson
            .exercises
            .iter()
            .position(|e| e.slide == self.nav.slide)
            .unwrap_or(0);
        self.nav
            .views
            .retain(|v| !matches!(v, View::Practice { .. } | View::Exercise { .. }));
        self.nav.views.push(View::Practice { selected });
    }

    /// `enter` on the list: opens exercise `index` of the current lesson.
    pub(super) fn practice_open(&mut self, index: usize) -> Effect {
        let Some(ex) = self.current_lesson().exercises.get(index) else {
            return Effect::None;
        };
        let path = match (&self.study.lab_dir, ex.kind.is_manifest()) {
            (Some(dir), true) => crate::progress::Learner::new(&self.study.learner)
                .ok()
                .and_then(|l| crate::practice::lab::Lab::new(dir, &l, &self.current_lesson().id).ok())
                .map(|lab| lab.path(ex)),
            _ => None,
        };
        let no_lab = ex.kind.is_manifest() && path.is_none();
        self.study.practice = Some(Open {
            lesson: self.nav.lesson,
            index,
            path: path.clone(),
            verdict: None,
            last_text: None,
            hints_shown: 0,
            solution_shown: false,
            fails: 0,
            reset_armed: false,
            apply_armed: false,
            cluster: None,
            since: self.lecture.now,
        });
        self.nav.views.push(View::Exercise { scroll: 0 });
        if no_lab {
            self.say_word(words::PRACTICE_NO_LAB, true);
        }
        match path {
            Some(p) => Effect::Work(WorkEffect::Seed(p)),
            None => Effect::None,
        }
    }

    /// The driver read the work file (after a save, an edit, a reset or at opening): check it
    /// when its text changed, and record the try.
    pub(super) fn work_changed(&mut self, text: Result<String, Note>) {
        let Some(open) = self.study.practice.as_mut() else {
            return;
        };
        match text {
            Err(note) => {
                open.last_text = None;
                open.verdict = Some(Verdict { notes: vec![note] });
            }
            Ok(t) => {
                if open.last_text.as_deref() == Some(t.as_str()) {
                    return;
                }
                let first = open.last_text.is_none() && open.verdict.is_none();
                open.last_text = Some(t.clone());
                if first {
                    // The seeded file as it was when opened: shown, not counted as a try.
                    if let Some((_, ex)) = self.open_exercise() {
                        let verdict = check(ex, &t);
                        if let Some(o) = self.study.practice.as_mut() {
                            o.verdict = Some(verdict);
                        }
                    }
                    return;
                }
                self.record_check(&t);
            }
        }
    }

    /// Counts the time since the open exercise was last counted (at most [`MAX_STRETCH`]) into
    /// its progress record.
    pub(super) fn practice_clock(&mut self) {
        let now = self.lecture.now;
        let Some(open) = self.study.practice.as_mut() else {
            return;
        };
        let spent = now.saturating_sub(open.since).min(MAX_STRETCH).as_secs();
        open.since = now;
        let (lesson, index) = (open.lesson, open.index);
        let Some(id) = self
            .course
            .lessons
            .get(lesson)
            .and_then(|l| l.exercises.get(index))
            .map(|e| e.id.clone())
        else {
            return;
        };
        let key = self.key_of(lesson);
        self.study.progress.exercise_time(&key, &id, spent);
    }

    /// Checks `answer` against the open exercise and records the try.
    fn record_check(&mut self, answer: &str) {
        self.practice_clock();
        let Some((open, ex)) = self.open_exercise() else { return };
        let (lesson, id) = (open.lesson, ex.id.clone());
        let verdict = check(ex, answer);
        let passed = verdict.passed();
        let now = self
            .study
            .started
            .saturating_add(i64::try_from(self.lecture.now.as_secs()).unwrap_or(i64::MAX));
        let key = self.key_of(lesson);
        self.study.progress.exercise_checked(&key, &id, passed, now);
        if let Some(o) = self.study.practice.as_mut() {
            o.verdict = Some(verdict);
            if passed {
                o.solution_shown = true;
            } else {
                o.fails = o.fails.saturating_add(1);
            }
        }
        if passed {
            self.say_word(words::PRACTICE_PASSED_FLASH, false);
        } else {
            self.say_word(words::PRACTICE_FAILED_FLASH, true);
        }
    }

    /// `:answer TEXT` on an open command or quiz exercise.
    pub(super) fn answer(&mut self, text: &str) {
        match self.open_exercise() {
            Some((_, ex)) if !ex.kind.is_manifest() => self.record_check(text),
            Some(_) => self.say_word(words::PRACTICE_ANSWER_IS_FILE, true),
            None => self.say_word(words::PRACTICE_OPEN_FIRST, true),
        }
    }

    /// `e`: the editor on the work file, or the answer prompt for command and quiz kinds.
    pub(super) fn practice_edit(&mut self) -> Effect {
        let Some((open, ex)) = self.open_exercise() else {
            self.say_word(words::PRACTICE_OPEN_FIRST, true);
            return Effect::None;
        };
        if !ex.kind.is_manifest() {
            let mut prompt = super::Prompt::new(super::PromptKind::Command);
            prompt.text = "answer ".into();
            prompt.cursor = prompt.text.chars().count();
            self.finder.prompt = Some(prompt);
            return Effect::None;
        }
        match open.path.clone() {
            Some(p) => Effect::Work(WorkEffect::Edit(p)),
            None => {
                self.say_word(words::PRACTICE_NO_LAB, true);
                Effect::None
            }
        }
    }

    /// The editor came back: `Err` says it could not run or exited with an error.
    pub(super) fn editor_done(&mut self, result: Result<(), String>) {
        if let Err(e) = result {
            self.say(e, true);
        }
    }

    /// `h`: one more hint.
    pub(super) fn practice_hint(&mut self) {
        let Some((open, ex)) = self.open_exercise() else {
            self.say_word(words::PRACTICE_OPEN_FIRST, true);
            return;
        };
        if open.hints_shown >= ex.hints.len() {
            self.say_word(words::PRACTICE_NO_MORE_HINTS, false);
            return;
        }
        if let Some(o) = self.study.practice.as_mut() {
            o.hints_shown += 1;
        }
    }

    /// `s`: the solution, once passed or after three failed checks.
    pub(super) fn practice_solution(&mut self) {
        let Some((open, ex)) = self.open_exercise() else {
            self.say_word(words::PRACTICE_OPEN_FIRST, true);
            return;
        };
        let passed = self.exercise_state(open.lesson, ex).0 == ExerciseState::Passed;
        if passed || open.fails >= SOLUTION_AFTER_FAILS {
            if let Some(o) = self.study.practice.as_mut() {
                o.solution_shown = true;
            }
        } else {
            let left = SOLUTION_AFTER_FAILS - open.fails;
            let text = words::PRACTICE_SOLUTION_LATER
                .get(self.lang())
                .replace("{n}", &left.to_string());
            self.say(text, true);
        }
    }

    /// `r`: the first press asks, the second resets.
    pub(super) fn practice_reset(&mut self, armed: bool) -> Effect {
        let Some((open, ex)) = self.open_exercise() else {
            self.say_word(words::PRACTICE_OPEN_FIRST, true);
            return Effect::None;
        };
        let (lesson, id, path) = (open.lesson, ex.id.clone(), open.path.clone());
        if !armed {
            if let Some(o) = self.study.practice.as_mut() {
                o.reset_armed = true;
            }
            self.say_word(words::PRACTICE_RESET_ASK, true);
            return Effect::None;
        }
        let key = self.key_of(lesson);
        self.study.progress.exercise_reset(&key, &id);
        if let Some(o) = self.study.practice.as_mut() {
            o.verdict = None;
            o.last_text = None;
            o.hints_shown = 0;
            o.solution_shown = false;
            o.fails = 0;
        }
        self.say_word(words::PRACTICE_RESET_DONE, false);
        match path {
            Some(p) => Effect::Work(WorkEffect::Reset(p)),
            None => Effect::None,
        }
    }

    /// `a` on a passed manifest: the dry run first, then (pressed again) the apply, always into
    /// the learner's own namespace.
    pub(super) fn practice_apply(&mut self, armed: bool) -> Effect {
        let Some((open, ex)) = self.open_exercise() else {
            self.say_word(words::PRACTICE_OPEN_FIRST, true);
            return Effect::None;
        };
        let passed = open.verdict.as_ref().is_some_and(Verdict::passed);
        let (Some(path), true, true) = (open.path.clone(), ex.kind.is_manifest(), passed) else {
            self.say_word(words::PRACTICE_APPLY_PASS_FIRST, true);
            return Effect::None;
        };
        let ns = crate::practice::cluster::namespace(&self.study.learner);
        let others = crate::practice::cluster::other_namespaces(open.last_text.as_deref().unwrap_or(""), &ns);
        if let Some(other) = others.first() {
            let text = words::PRACTICE_APPLY_OTHER_NS
                .get(self.lang())
                .replace("{other}", other)
                .replace("{ns}", &ns);
            self.say(text, true);
            return Effect::None;
        }
        if armed {
            Effect::Work(WorkEffect::Apply(path, ns))
        } else {
            Effect::Work(WorkEffect::DryRun(path, ns))
        }
    }

    /// What the cluster said: after a dry run that went through, the next `a` applies.
    pub(super) fn cluster_done(&mut self, dry_run: bool, ns: &str, result: Result<String, String>) {
        let lang = self.lang();
        let ok = result.is_ok();
        if let Some(o) = self.study.practice.as_mut() {
            o.apply_armed = dry_run && ok;
            o.cluster = Some(match &result {
                Ok(t) | Err(t) => t.clone(),
            });
        }
        let phrase = match (dry_run, ok) {
            (true, true) => words::PRACTICE_APPLY_CONFIRM,
            (false, true) => words::PRACTICE_APPLIED,
            (_, false) => words::PRACTICE_APPLY_FAILED,
        };
        self.say(phrase.get(lang).replace("{ns}", ns), !ok);
    }

    /// Takes the armed apply (any other action disarms it).
    pub(super) fn take_apply_armed(&mut self) -> bool {
        self.study
            .practice
            .as_mut()
            .is_some_and(|o| std::mem::take(&mut o.apply_armed))
    }

    /// Takes the armed reset (any other action disarms it).
    pub(super) fn take_reset_armed(&mut self) -> bool {
        self.study
            .practice
            .as_mut()
            .is_some_and(|o| std::mem::take(&mut o.reset_armed))
    }
}

impl App {
    /// `:k9s`: the lesson's slide about K9s (its `k9s` alias, when it has one), and the driver
    /// hands the terminal to `k9s` on the learner's practice namespace. Without k9s installed the
    /// slide is where the learner reads how to get it.
    pub(super) fn k9s(&mut self) -> Effect {
        if let Some(slide) = self.current_lesson().resolve("k9s") {
            self.move_to(self.nav.lesson, slide);
        }
        Effect::Work(WorkEffect::K9s(crate::practice::cluster::namespace(
            &self.study.learner,
        )))
    }

    /// The driver's answer to `:k9s`: back from k9s (Ok), or why it did not run.
    pub fn k9s_done(&mut self, result: Result<(), String>) {
        match result {
            Ok(()) => self.say(words::K9S_BACK.get(self.lang), false),
            Err(why) => self.say(why, true),
        }
    }
}
