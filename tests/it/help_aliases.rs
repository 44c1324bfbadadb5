//! K9s habits and small things: `?` help on one screen in columns, filtered as you type; K9s
//! resource names as `:` aliases; `progress --reset` for a learner nobody knows.

use crate::support::Sandbox;

/// Every file under `dir`, as paths relative to it.
fn files_under(dir: &std::path::Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("read a dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path.strip_prefix(dir).expect("under dir").display().to_string());
            }
        }
    }
    out.sort();
    out
}

#[test]
fn progress_reset_for_an_unknown_learner_leaves_no_lock_file() {
    let sandbox = Sandbox::new();
    // Someone else's progress exists, so the folder is there and a lock could be made in it.
    std::fs::write(sandbox.data_dir().join("kim.yaml"), "").expect("write kim.yaml");
    let before = files_under(&sandbox.data_dir());
    let out = sandbox.run(&["progress", "--reset", "--yes", "--learner", "nobody"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "'nobody' had no progress saved.\n"
    );
    assert_eq!(files_under(&sandbox.data_dir()), before);
    assert!(!sandbox.data_dir().join("nobody.lock").exists());
}

/// The pane title of the slide on screen: `slide(2.2.1)`.
fn slide_title(screen: &str) -> String {
    let start = screen.find("slide(").expect("a slide pane");
    let end = screen[start..].find(')').expect("closing paren") + start + 1;
    screen[start..end].to_string()
}

#[test]
fn k9s_resource_names_open_the_slide_that_teaches_the_resource() {
    use crate::screen::{app, command, screen};
    let expected = [
        ("po", "2.2.1"),
        ("pods", "2.2.1"),
        ("dp", "2.2.2"),
        ("deployments", "2.2.2"),
        ("svc", "2.2.3"),
        ("services", "2.2.3"),
        ("np", "3.3"),
        ("networkpolicy", "3.3"),
        // No slide declares a Namespace: the NetworkPolicy slide, which isolates one, stands in.
        ("ns", "3.3"),
    ];
    for (name, slide) in expected {
        let mut app = app();
        command(&mut app, name);
        let shown = screen(&mut app, 100, 30);
        assert_eq!(slide_title(&shown), format!("slide({slide})"), ":{name}\n{shown}");
        assert!(app.flash().is_none(), ":{name}: {:?}", app.flash());
    }
    // The command line knows them too.
    let out = Sandbox::new().run(&["show", "po", "--plain"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("2.2.1 Pod"));
}

#[test]
fn tab_or_enter_accepts_the_completion_shown() {
    use crate::screen::{app, screen, type_text};
    use k8s_course::app::{Action, Edit};
    // enter: `:dep` shows `deploy` after the cursor, and enter goes there.
    let mut app = app();
    app.update(Action::CommandMode);
    type_text(&mut app, "dep");
    let shown = screen(&mut app, 100, 30);
    insta::assert_snapshot!("completion_shown_100x30", shown);
    assert!(shown.contains(":deploy"), "{shown}");
    app.update(Action::Input(Edit::Submit));
    assert_eq!(slide_title(&screen(&mut app, 100, 30)), "slide(2.2.2)");

    // tab: takes it into the prompt; enter then runs it.
    let mut app = crate::screen::app();
    app.update(Action::CommandMode);
    type_text(&mut app, "networkp");
    app.update(Action::Input(Edit::Complete));
    assert_eq!(app.prompt().as_ref().map(|p| p.text.as_str()), Some("networkpolicy"));
    app.update(Action::Input(Edit::Submit));
    assert_eq!(slide_title(&screen(&mut app, 100, 30)), "slide(3.3)");

    // An argument takes its completion too: `:theme l` shows and runs `:theme light`.
    let mut app = crate::screen::app();
    app.update(Action::CommandMode);
    type_text(&mut app, "theme l");
    assert_eq!(app.suggestion().as_deref(), Some("ight"));
    assert_eq!(
        app.update(Action::Input(Edit::Submit)).effect,
        k8s_course::app::Effect::LoadTheme("light".into())
    );

    // A command typed whole runs as typed, with no completion shown over it: `:h` is help.
    let mut app = crate::screen::app();
    app.update(Action::CommandMode);
    type_text(&mut app, "h");
    assert_eq!(app.suggestion(), None);
    app.update(Action::Input(Edit::Submit));
    assert_eq!(app.view().map(|v| v.name(k8s_course::i18n::Lang::En)), Some("help"));
}

#[test]
fn help_fits_one_screen_at_100x30_in_columns() {
    use crate::screen::{app, screen};
    use k8s_course::app::Action;
    let mut app = app();
    app.update(Action::Help);
    let shown = screen(&mut app, 100, 30);
    insta::assert_snapshot!("help_100x30", shown);
    // No scroll mark: everything is on the screen.
    assert!(!shown.contains('▼'), "{shown}");
    // Sections side by side, K9s-style: NAVIGATE and another section title on the same row.
    let titles = [
        "NAVIGATE", "VIEWS", "SEARCH", "DIAGRAM", "LECTURE", "GENERAL", "COMMANDS", "PROMPT",
    ];
    for title in titles {
        assert!(shown.contains(title), "{title} missing\n{shown}");
    }
    // Side by side, K9s-style: the row where NAVIGATE starts holds all three columns.
    let first = shown.lines().find(|l| l.contains("NAVIGATE")).expect("NAVIGATE");
    let filled = first
        .trim_matches(|c| c == '│' || c == ' ')
        .split("  ")
        .filter(|piece| !piece.trim().is_empty())
        .count();
    assert!(filled >= 4, "NAVIGATE's row is not in columns:\n{shown}");
    // Every bound key is listed.
    for key in ["ctrl-d", "ctrl-e", "backtab", "ctrl-z", "ctrl-c", "← → ↑ ↓"] {
        assert!(shown.contains(key), "{key} missing\n{shown}");
    }
}

#[test]
fn help_filters_as_you_type() {
    use crate::screen::{app, screen, type_text};
    use k8s_course::app::{Action, Edit};
    let mut app = app();
    app.update(Action::Help);
    app.update(Action::FilterMode);
    type_text(&mut app, "narr");
    let shown = screen(&mut app, 100, 30);
    insta::assert_snapshot!("help_filtered_100x30", shown);
    assert!(shown.contains("help(/narr)["), "{shown}");
    // Only rows about the narration, each whole now that there is room.
    assert!(shown.contains("narration faster (1x 1.25x 1.5x 2x)"), "{shown}");
    assert!(
        !shown.contains("next slide") && !shown.contains("half a page"),
        "{shown}"
    );
    // It narrows with every key.
    type_text(&mut app, "ation f");
    let narrower = screen(&mut app, 100, 30);
    assert!(
        narrower.contains("narration faster") && !narrower.contains("narration slower"),
        "{narrower}"
    );
    // enter keeps the filter and closes the prompt; esc closes help, and it opens unfiltered.
    app.update(Action::Input(Edit::Submit));
    assert!(app.prompt().is_none());
    assert!(screen(&mut app, 100, 30).contains("help(/narration f)"));
    app.update(Action::Back);
    app.update(Action::Help);
    assert!(screen(&mut app, 100, 30).contains("─ help ─"));
    // Nothing matches: it says so.
    app.update(Action::FilterMode);
    type_text(&mut app, "zzz");
    assert!(screen(&mut app, 100, 30).contains("no key or command matches"));
}

/// The rows of the bordered box whose top border holds `title`, as text inside the borders.
fn box_rows(screen: &str, title: &str) -> usize {
    let rows: Vec<&str> = screen.lines().collect();
    let top = rows
        .iter()
        .position(|l| l.contains(title))
        .unwrap_or_else(|| panic!("no {title} in\n{screen}"));
    rows[top + 1..].iter().take_while(|l| l.starts_with('│')).count()
}

#[test]
fn at_60x20_the_diagram_panel_shows_with_the_header_and_grows_without_it() {
    use crate::screen::{app, command, screen};
    use k8s_course::app::Action;
    let mut app = app();
    command(&mut app, "arch");
    app.update(Action::FocusNext);
    let with_header = screen(&mut app, 60, 20);
    insta::assert_snapshot!("panel_60x20_header", with_header);
    assert!(with_header.contains("Course:"), "{with_header}");
    assert!(
        with_header.contains("API Server(관문)"),
        "the panel shows:\n{with_header}"
    );
    // The selected component stays in view in the slide above it.
    assert!(with_header.contains("┃     API Server     ┃"), "{with_header}");
    let fewer = box_rows(&with_header, "API Server(관문)");

    app.update(Action::ToggleHeader);
    let without = screen(&mut app, 60, 20);
    insta::assert_snapshot!("panel_60x20_no_header", without);
    assert!(!without.contains("Course:"), "{without}");
    let more = box_rows(&without, "API Server(관문)");
    assert!(
        fewer >= 2 && more > fewer,
        "panel rows: {fewer} with the header, {more} without"
    );
}

#[test]
fn help_over_the_practice_view_lists_the_practice_keys() {
    use crate::screen::{app, screen};
    use k8s_course::app::Action;
    // K9s shows the keys of the view at hand: the practice keys only over a practice view.
    let mut app = app();
    app.update(Action::Help);
    let plain = screen(&mut app, 100, 30);
    assert!(!plain.contains("PRACTICE"), "{plain}");
    app.update(Action::Back);
    app.update(Action::Practice);
    app.update(Action::Help);
    let shown = screen(&mut app, 120, 40);
    for text in ["PRACTICE", "next hint", "edit the work file"] {
        assert!(shown.contains(text), "{text} missing\n{shown}");
    }
}
