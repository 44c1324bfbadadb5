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
    notes.wait_for(&["following the presenter", "notes(title)[1/14]"]);
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
    notes.wait_for(&["notes(3.1)[9/14]", "next  3.2 런타임 보안"]);

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
    notes.wait_for(&["[14/14]", "next  the end of the course"]);
    notes.type_line(":1.1");
    audience.wait_for(&["slide(1.1)[2/14]"]);

    // Play and speed: the operator's messages show in the notes window only.
    notes.keys(&["p"]);
    notes.wait_for(&["presenter playing"]);
    notes.keys(&["+"]);
    notes.wait_for(&["presenter speed 1.25x", "1.25x"]);
    notes.type_line(":speed 2");
    notes.wait_for(&["presenter speed 2x"]);
    notes.type_line(":fly");
    notes.wait_for(&["presenter unknown command 'fly'"]);
    let screen = audience.screen();
    for said in ["playing", "speed", "fly"] {
        assert!(!screen.contains(said), "{said:?} on the audience's screen:\n{screen}");
    }

    // Quitting the notes window (`:q` as `q`) leaves the presentation running.
    notes.type_line(":pause");
    notes.wait_for(&["‖ segment"]);
    notes.type_line(":q");
    notes.wait_for(&["EXIT=0"]);
    audience.keys(&["Right"]);
    audience.wait_for(&["slide(1.2)[3/14]"]);
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

#[test]
fn hostile_commands_on_the_socket_never_stop_the_presentation() {
    use std::io::Write;
    let sandbox = Sandbox::new();
    let audience = program(&sandbox, "audience", &["present"]);
    audience.wait_for(&["slide(title)[1/14]"]);
    let socket = sandbox.path("run").join("cloud-security-7.sock");
    let mut raw = std::os::unix::net::UnixStream::connect(&socket).expect("connect");
    let mut lines: Vec<u8> = b"hello k8s-course-present 2\n".to_vec();
    for line in [
        // Quitting and suspending are the presenter's own: refused, said to the notes window.
        "cmd run line=q",
        "cmd act name=quit",
        "cmd act name=suspend",
        // Names the registry lacks, bad escapes, control characters, absurd lengths.
        "cmd act name=../../etc/passwd",
        "cmd act name=",
        "cmd run line=%ff%fe",
        "cmd run line=%1b]52;c;aGk=%07",
        "cmd find text=%00%01%02",
        "cmd act name=theme line=x",
    ] {
        lines.extend_from_slice(line.as_bytes());
        lines.push(b'\n');
    }
    lines.extend_from_slice(format!("cmd run line={}\n", "9".repeat(100_000)).as_bytes());
    lines.extend(std::iter::repeat_n(0xffu8, 10_000));
    lines.extend_from_slice(b"\ncmd run line=2.1\n");
    raw.write_all(&lines).expect("write");
    // The presentation is still there and obeys the one good command at the end.
    let screen = audience.wait_for(&["slide(2.1)[5/14]"]);
    assert!(!screen.contains("EXIT="), "{screen}");
    audience.keys(&["Right"]);
    audience.wait_for(&["slide(2.2.1)[6/14]"]);
    audience.keys(&["C-c"]);
    audience.wait_for(&["EXIT=0"]);
}

/// The notes window drawn in-process at `w`x`h`.
fn notes_screen(notes: &k8s_course::present::notes::Notes<'_>, w: u16, h: u16) -> String {
    let mut term = crate::screen::terminal(w, h);
    term.draw(|f| k8s_course::present::view::draw(f, notes, &k8s_course::theme::default_theme()))
        .expect("draw");
    let buf = term.backend().buffer();
    assert_eq!(
        crate::screen::wide_in_last_column(buf),
        [],
        "no wide glyph in the last column"
    );
    crate::screen::text(buf)
}

#[test]
fn the_notes_window_previews_the_next_slide_and_shows_the_presenters_messages() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use k8s_course::content::{CourseSource, load_course};
    use k8s_course::present::notes::{Intent, Notes, NotesSetup};
    use k8s_course::present::{Command, Event, State};

    let course = load_course(&CourseSource::BuiltIn).course.expect("the built-in course");
    let mut notes = Notes::new(
        &course,
        std::path::Path::new("/run/k8s-course/cloud-security-7.sock"),
        NotesSetup {
            lang: Some(k8s_course::i18n::Lang::En), // as the terminal tests run it (LANG=C.UTF-8)
            ..NotesSetup::default()
        },
    );
    notes.on_event(Event::Attached);
    notes.on_event(Event::State(State {
        slide: 8,
        position_ms: 424_000,
        speed: "1x".into(),
        session: "lecture 03:10 / 20:00".into(),
        flash: "playing 18/24 at 1x".into(),
        ..State::default()
    }));
    insta::assert_snapshot!("notes_remote_100x30", notes_screen(&notes, 100, 30));
    // At 80x24 the preview has fewer lines; below 16 rows, only the next slide's title.
    insta::assert_snapshot!("notes_remote_80x24", notes_screen(&notes, 80, 24));
    let small = notes_screen(&notes, 60, 14);
    assert!(
        small.contains("next  3.2 런타임 보안") && !small.contains("apiVersion"),
        "{small}"
    );

    // `:` opens the notes window's own prompt; enter sends the line.
    let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    assert_eq!(notes.on_key(&key(':')), Intent::None);
    for c in "3.1".chars() {
        notes.on_key(&key(c));
    }
    let screen = notes_screen(&notes, 100, 30);
    assert_eq!(screen.lines().last().map(str::trim_end), Some(" :3.1"), "{screen}");
    let enter = KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE);
    assert_eq!(notes.on_key(&enter), Intent::Send(Command::Run("3.1".into())));
    // `/` filters on the shared screen the same way.
    notes.on_key(&key('/'));
    for c in "파드".chars() {
        notes.on_key(&key(c));
    }
    assert_eq!(notes.on_key(&enter), Intent::Send(Command::Find("파드".into())));
    // `:q` quits the notes window itself, as `q` does.
    for c in ":q".chars() {
        notes.on_key(&key(c));
    }
    assert_eq!(notes.on_key(&enter), Intent::Quit);
    // An error from the presenter shows as one.
    notes.on_event(Event::State(State {
        slide: 8,
        flash: "unknown command 'fly': :help lists commands, :toc lists slides".into(),
        flash_error: true,
        ..State::default()
    }));
    let screen = notes_screen(&notes, 100, 30);
    assert!(screen.contains("presenter unknown command 'fly'"), "{screen}");
}

#[test]
fn the_notes_window_uses_config_bindings_and_moves_a_diagram_selection() {
    let sandbox = Sandbox::new();
    sandbox.write_config("keys:\n  next_slide: [f, right]\n");
    let (audience, notes) = present_and_notes(&sandbox, &[]);
    // A key config.yaml binds works in the notes window as in the player; the one it replaced
    // does nothing there either.
    notes.keys(&["f"]);
    audience.wait_for(&["slide(1.1)[2/14]"]);
    notes.keys(&["Space", "f"]);
    audience.wait_for(&["slide(1.2)[3/14]"]);
    // The contents open after every earlier command was applied; closing them shows where the
    // slide is: one on, not two (space did nothing).
    notes.keys(&["t"]);
    audience.wait_until("the contents", |s| !s.contains("slide("));
    notes.keys(&["Escape"]);
    let screen = audience.wait_for(&["slide("]);
    assert!(screen.contains("slide(1.2)[3/14]"), "{screen}");
    notes.type_line(":2.1");
    audience.wait_for(&["slide(2.1)[5/14]"]);
    // `tab` selects a component of the shared diagram; the arrows then move the selection, as
    // they do on the presenter's keyboard, instead of turning the slide.
    notes.keys(&["Tab"]);
    audience.wait_for(&["API Server(관문)"]);
    notes.keys(&["Right"]);
    let screen = audience.wait_for(&["etcd(저장소)"]);
    assert!(screen.contains("slide(2.1)[5/14]"), "{screen}");
    notes.keys(&["Escape"]);
    audience.wait_until("the selection closed", |s| !s.contains("etcd(저장소)"));
    notes.keys(&["Right"]);
    audience.wait_for(&["slide(2.2.1)[6/14]"]);
    audience.keys(&["C-c"]);
    audience.wait_for(&["EXIT=0"]);
}
