//! `present` and `notes` on a course of many weeks (issue 10, part 4): `:lesson` typed in the
//! notes window opens another week on the shared screen and the notes follow it; `→` on a lesson's
//! last slide says the next lesson follows (in the notes window, not to the audience) and a second
//! `→` opens it; the notes show cue, pause and preamble segments as `l` does.

use crate::lessons::course;
use crate::support::{Sandbox, Tmux, program};

/// `present` and `notes` on the four-week course (week07, w05, w06, c8w06), the notes attached.
fn both(sandbox: &Sandbox) -> (Tmux, Tmux) {
    let dir = course(sandbox.root()).display().to_string();
    let audience = program(sandbox, "audience", &["--course", &dir, "present"]);
    audience.wait_for(&["slide(title)[1/14]", "title · 1/14"]);
    let notes = program(sandbox, "notes", &["--course", &dir, "notes"]);
    notes.wait_for(&["following the presenter", "notes(title)[1/14]"]);
    (audience, notes)
}

/// Types a `:` line in the notes window, waiting for it to show before `enter`.
fn command(notes: &Tmux, line: &str) {
    notes.type_text(&format!(":{line}"));
    notes.wait_for(&[&format!(" :{line}")]);
    notes.keys(&["Enter"]);
}

#[test]
fn notes_follow_present_across_lessons() {
    let sandbox = Sandbox::new();
    let (audience, notes) = both(&sandbox);

    // `:lesson w06` from the notes window: the audience opens week 6 on its title, the notes too,
    // with the script's preamble struck and its stage direction as a cue.
    command(&notes, "lesson w06");
    audience.wait_for(&["slide(title)[1/28]", "6주차 Cloudflare 및 GitHub 보안"]);
    let screen = notes.wait_for(&[
        "notes(title)[1/28]",
        "(preamble, skipped) 네, 알겠습니다.",
        "♪ (강의 시작)",
        "segment 3/25",
        "next  서론",
    ]);
    assert!(screen.contains("presenter lesson 3 of 4"), "{screen}");
    assert!(!audience.screen().contains("lesson 3 of 4"), "the audience is not told");

    // The last slide of week 6, then `→`: the notes window says the next lesson follows and
    // previews its title; a second `→` opens it for everyone.
    notes.keys(&["G"]);
    audience.wait_for(&["[28/28]"]);
    notes.wait_for(&["[28/28]", "next  클라우드 보안 과정 8기 6주차"]);
    notes.keys(&["Right"]);
    notes.wait_for(&["presenter end of this lesson: right again opens the next"]);
    let screen = audience.screen();
    assert!(
        screen.contains("[28/28]") && !screen.contains("end of this lesson"),
        "{screen}"
    );
    notes.keys(&["Right"]);
    audience.wait_for(&["slide(title)[1/33]"]);
    notes.wait_for(&["notes(title)[1/33]"]);

    // Week 5: a `---` rule is a pause, drawn as a thin marker.
    command(&notes, "lesson w05");
    audience.wait_for(&["slide(title)[1/10]"]);
    notes.wait_for(&["notes(title)[1/10]", "(preamble, skipped)", "┄┄┄┄┄┄┄┄┄┄┄┄"]);

    // Back in week 7 with `:lesson 1`; the presentation goes on after the notes window quits.
    command(&notes, "lesson 1");
    audience.wait_for(&["slide(title)[1/14]", "7주차: Docker 및 Kubernetes"]);
    notes.keys(&["q"]);
    notes.wait_for(&["EXIT=0"]);
    audience.keys(&["Right"]);
    audience.wait_for(&["slide(1.1)[2/14]"]);
    audience.keys(&["C-c"]);
    audience.wait_for(&["EXIT=0"]);
}
