//! The notes window as a full remote (issue 14, presenting): `k8s-course present` and
//! `k8s-course notes` in two real terminals (tmux). Every key the player binds, typed in the
//! notes window, acts on the shared slide, and the audience pane shows it; `:` lines are typed in
//! the notes window; the presenter's messages show there and never on the audience's screen.
//! Also: `present` opens on the title unless `--resume`, and a restart keeps the lecture clock.

use std::os::unix::fs::PermissionsExt;

use crate::support::{Sandbox, Tmux, program};

/// The audience view and the notes window side by side, the notes attached.
fn present_and_notes(sandbox: &Sandbox, present_args: &[&str]) -> (Tmux, Tmux) {
    let mut args = vec!["present"];
    args.extend_from_slice(present_args);
    let audience = program(sandbox, "audience", &args);
    audience.wait_for(&["slide(title)[1/14]"]);
    let notes = program(sandbox, "remote", &["notes"]);
    notes.wait_for(&["발표 화면을 따라가는 중", "notes(title)[1/14]"]);
    (audience, notes)
}

/// Whether the audience's screen shows a prompt line being typed (`:3.1` at the top).
fn shows_prompt(screen: &str) -> bool {
    screen.lines().any(|l| l.trim_start().starts_with(':'))
}

#[test]
fn the_notes_window_scrolls_the_shared_slide_and_jumps_with_a_command() {
    let sandbox = Sandbox::new();
    let (audience, notes) = present_and_notes(&sandbox, &[]);

    // `:3.1` typed in the notes window: the prompt is the notes window's, the jump everyone's.
    notes.type_text(":3.1");
    notes.wait_for(&[" :3.1"]);
    let screen = audience.screen();
    assert!(!shows_prompt(&screen), "the audience sees no prompt:\n{screen}");
    notes.keys(&["Enter"]);
    let screen = audience.wait_for(&["slide(3.1)[9/14]", "3.1 이미지 보안", "▼ 1-27/28"]);
    assert!(!shows_prompt(&screen), "{screen}");
    notes.wait_for(&["notes(3.1)[9/14]", "다음  3.2 런타임 보안"]);

    // j / k / ctrl-d scroll the slide on the shared screen.
    notes.keys(&["j"]);
    audience.wait_for(&["slide(3.1)[9/14]", "▲ 2-28/28"]);
    notes.keys(&["k"]);
    audience.wait_for(&["▼ 1-27/28"]);
    notes.keys(&["C-d"]);
    audience.wait_for(&["▲ 2-28/28"]);

    // `t` picks a slide: the contents open on the shared screen, j j enter opens 3.3.
    notes.keys(&["t"]);
    audience.wait_for(&["3.3"]);
    notes.keys(&["j", "j", "Enter"]);
    audience.wait_for(&["slide(3.3)[11/14]"]);
    notes.wait_for(&["notes(3.3)[11/14]"]);

    // g and G: first and last slide.
    notes.keys(&["g"]);
    audience.wait_for(&["slide(title)[1/14]"]);
    notes.keys(&["G"]);
    audience.wait_for(&["[14/14]"]);
    notes.wait_for(&["[14/14]", "다음  강의의 끝"]);
    notes.type_line(":1.1");
    audience.wait_for(&["slide(1.1)[2/14]"]);

    // Play and speed: the operator's messages show in the notes window only.
    notes.keys(&["p"]);
    notes.wait_for(&["발표 화면 playing"]);
    notes.keys(&["+"]);
    notes.wait_for(&["발표 화면 speed 1.25x", "1.25x"]);
    notes.type_line(":speed 2");
    notes.wait_for(&["발표 화면 speed 2x"]);
    notes.type_line(":fly");
    notes.wait_for(&["발표 화면 unknown command 'fly'"]);
    let screen = audience.screen();
    for said in ["playing", "speed", "fly"] {
        assert!(!screen.contains(said), "{said:?} on the audience's screen:\n{screen}");
    }

    // Quitting the notes window leaves the presentation running.
    notes.keys(&["q"]);
    notes.wait_for(&["EXIT=0"]);
    notes.keys(&["q"]);
    audience.keys(&["C-c"]);
    audience.wait_for(&["EXIT=0"]);
}

#[test]
fn a_key_in_the_notes_window_ends_the_break() {
    let sandbox = Sandbox::new();
    let (audience, notes) = present_and_notes(&sandbox, &["--lecture", "2s", "--break", "5m"]);
    // The break card replaces the slide on the shared screen.
    audience.wait_until("the break card", |s| !s.contains("slide("));
    notes.wait_for(&["break "]);
    notes.keys(&["Space"]);
    // The break ends and nothing else happens: the slide is still the title.
    audience.wait_for(&["slide(title)[1/14]", "lecture 00:0"]);
    audience.keys(&["C-c"]);
    audience.wait_for(&["EXIT=0"]);
}

/// The seconds of the lecture clock in the audience's status line (`lecture 00:07 / 20:00`).
fn lecture_seconds(screen: &str) -> Option<u64> {
    let at = screen.find("lecture ")? + "lecture ".len();
    let clock = screen.get(at..at + 5)?;
    let (m, s) = clock.split_once(':')?;
    Some(m.parse::<u64>().ok()? * 60 + s.parse::<u64>().ok()?)
}

#[test]
fn present_opens_on_the_title_unless_resumed_and_keeps_the_lecture_clock() {
    let sandbox = Sandbox::new();
    let audience = program(&sandbox, "first", &["present"]);
    audience.wait_for(&["slide(title)[1/14]"]);
    audience.type_text(":2.2.1");
    audience.keys(&["Enter"]);
    audience.wait_for(&["slide(2.2.1)[6/14]"]);
    let before = audience.wait_until("the lecture clock at 3 s", |s| {
        lecture_seconds(s).is_some_and(|n| n >= 3)
    });
    let before = lecture_seconds(&before).expect("a clock");
    audience.keys(&["C-c"]);
    audience.wait_for(&["EXIT=0"]);
    let clock = sandbox.path("run").join("cloud-security-7.clock");
    let mode = std::fs::metadata(&clock)
        .expect("the clock is saved")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);

    // `--resume` opens where the last presentation was, and the clock goes on from the last one.
    let resumed = program(&sandbox, "resumed", &["present", "--resume"]);
    let screen = resumed.wait_for(&["slide(2.2.1)[6/14]", "lecture "]);
    let after = lecture_seconds(&screen).expect("a clock");
    assert!(
        after >= before,
        "the lecture clock went back from {before}s to {after}s"
    );
    resumed.keys(&["C-c"]);
    resumed.wait_for(&["EXIT=0"]);

    // Without it, a new presenter starts on the title.
    let again = program(&sandbox, "again", &["present"]);
    again.wait_for(&["slide(title)[1/14]"]);
    again.keys(&["C-c"]);
    again.wait_for(&["EXIT=0"]);

    // A clock saved five minutes ago is gone on from; one that is garbage, huge or absurd is
    // ignored and the clock starts from zero.
    let now_ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("after 1970")
        .as_millis();
    std::fs::write(
        &clock,
        format!("k8s-course-lecture-clock 1 began={}\n", now_ms - 300_000),
    )
    .expect("write");
    let later = program(&sandbox, "later", &["present"]);
    later.wait_for(&["slide(title)[1/14]", "lecture 05:0"]);
    later.keys(&["C-c"]);
    later.wait_for(&["EXIT=0"]);
    for bad in [
        format!("k8s-course-lecture-clock 1 began={}", now_ms - 300_000 + 3_600_000),
        "k8s-course-lecture-clock 1 began=99999999999999999999".to_string(),
        "x".repeat(1 << 20),
    ] {
        std::fs::write(&clock, bad).expect("write");
        let fresh = program(&sandbox, "fresh", &["present"]);
        fresh.wait_for(&["slide(title)[1/14]", "lecture 00:0"]);
        fresh.keys(&["C-c"]);
        fresh.wait_for(&["EXIT=0"]);
    }
}
