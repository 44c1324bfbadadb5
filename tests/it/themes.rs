//! Themes: the built-ins load and are readable, a user's theme is found by name and inherits what it
//! leaves out, a broken file names its line and falls back, and NO_COLOR keeps selection visible.

use std::path::Path;

use k8s_course::render::{Role, Style as SpanStyle};
use k8s_course::theme::{CONTENT_ROLES, Theme, UiRole, builtin_names, default_theme, load, load_or_default, names};
use ratatui::style::{Color, Modifier, Style};
use tempfile::TempDir;

fn builtin(name: &str) -> Theme {
    load(name, None).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn span(role: Role) -> SpanStyle {
    SpanStyle::role(role)
}

/// A folder of user themes: `(file name, contents)`.
fn user_dir(files: &[(&str, &str)]) -> TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (file, text) in files {
        std::fs::write(dir.path().join(file), text).expect("write theme");
    }
    dir
}

fn shown(dir: &Path, file: &str) -> String {
    dir.join(file).display().to_string()
}

#[test]
fn the_three_builtins_load_by_name() {
    assert_eq!(builtin_names(), ["default", "light", "high-contrast"]);
    assert_eq!(names(None), ["default", "high-contrast", "light"]);
    let syntax = ["base16-ocean.dark", "InspiredGitHub", "base16-eighties.dark"];
    for (name, syntax) in builtin_names().iter().zip(syntax) {
        let theme = builtin(name);
        assert_eq!((theme.name(), theme.syntax_theme()), (*name, Some(syntax)));
        assert!(!theme.is_monochrome());
    }
    assert_eq!(default_theme(), builtin("default"));
    let (dark, light, hc) = (builtin("default"), builtin("light"), builtin("high-contrast"));
    // Dark text on light terminals; only the projector theme paints its own (black) background.
    assert_eq!(light.content(&span(Role::Text)).fg, Some(Color::Rgb(0x1c, 0x1c, 0x1c)));
    assert_eq!(dark.ui(UiRole::Background), Style::new());
    let white_on_black = Style::new().fg(Color::Rgb(255, 255, 255)).bg(Color::Rgb(0, 0, 0));
    assert_eq!(hc.ui(UiRole::Background), white_on_black);
    assert_eq!(dark.ui(UiRole::KeyHint).fg, Some(Color::Rgb(0x1e, 0x90, 0xff)));
    assert_eq!(dark.content(&span(Role::Title)).add_modifier, Modifier::BOLD);
}

/// WCAG relative luminance of an sRGB colour.
fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let lin = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.03928 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// A built-in's colour as RGB; `None`/`Reset` is the terminal's own (`fallback`).
fn rgb(color: Option<Color>, fallback: (u8, u8, u8)) -> (u8, u8, u8) {
    match color {
        None | Some(Color::Reset) => fallback,
        Some(Color::Rgb(r, g, b)) => (r, g, b),
        Some(other) => panic!("built-ins use #rrggbb so contrast can be checked, not {other:?}"),
    }
}

/// The contrast of `style` drawn over the theme's background on a terminal whose own colours are
/// `(term_fg, term_bg)`.
fn style_contrast(theme: &Theme, style: Style, term: ((u8, u8, u8), (u8, u8, u8))) -> f64 {
    let base = theme.ui(UiRole::Background);
    let mut fg = rgb(style.fg.or(base.fg), term.0);
    let mut bg = rgb(style.bg.or(base.bg), term.1);
    if style.add_modifier.contains(Modifier::REVERSED) {
        std::mem::swap(&mut fg, &mut bg);
    }
    contrast(fg, bg)
}

#[test]
fn every_role_is_readable_in_every_builtin() {
    // (theme, the terminal it is meant for (fg, bg), minimum contrast). Dark terminals are often
    // not black, so `default` is checked on a dark grey.
    let cases = [
        ("default", ((0xd0, 0xd0, 0xd0), (0x28, 0x2c, 0x34)), 3.0),
        ("light", ((0, 0, 0), (0xff, 0xff, 0xff)), 3.0),
        ("high-contrast", ((0xff, 0xff, 0xff), (0, 0, 0)), 7.0),
    ];
    let mut weak = Vec::new();
    for (name, term, min) in cases {
        let theme = builtin(name);
        let styles = UiRole::ALL
            .iter()
            .map(|r| (format!("ui.{}", r.key()), theme.ui(*r)))
            .chain(
                CONTENT_ROLES
                    .iter()
                    .map(|r| (format!("content.{r:?}"), theme.content(&span(*r)))),
            );
        for (what, style) in styles {
            let ratio = style_contrast(&theme, style, term);
            if ratio < min {
                weak.push(format!("{name} {what}: {ratio:.2} < {min}"));
            }
        }
    }
    assert!(weak.is_empty(), "hard to read:\n{}", weak.join("\n"));
}

#[test]
fn selection_and_matches_stand_out_in_every_builtin() {
    for name in builtin_names() {
        let theme = builtin(name);
        let normal = theme.ui(UiRole::Background);
        for role in [UiRole::Selection, UiRole::Match, UiRole::CrumbActive] {
            let style = theme.ui(role);
            assert!(
                style.bg.is_some_and(|bg| Some(bg) != normal.bg) || style.add_modifier.contains(Modifier::REVERSED),
                "{name}: {role:?} has no background of its own: {style:?}"
            );
        }
        assert_ne!(theme.ui(UiRole::Selection).bg, theme.ui(UiRole::Match).bg, "{name}");
        assert_ne!(
            theme.content(&span(Role::Title)),
            theme.content(&span(Role::Text)),
            "{name}"
        );
    }
}

#[test]
fn content_uses_the_syntect_colour_and_the_span_modifiers() {
    let theme = default_theme();
    let plain = theme.content(&span(Role::Code));
    assert_eq!(plain.fg, Some(Color::Rgb(0xd0, 0xd0, 0xd0)));
    let coloured = SpanStyle {
        role: Role::Code,
        fg: Some((0xbf, 0x61, 0x6a)),
        bold: true,
        italic: true,
        underline: true,
        strike: true,
    };
    let style = theme.content(&coloured);
    assert_eq!(style.fg, Some(Color::Rgb(0xbf, 0x61, 0x6a)));
    assert_eq!(
        style.add_modifier,
        Modifier::BOLD | Modifier::ITALIC | Modifier::UNDERLINED | Modifier::CROSSED_OUT
    );
    // A role's own emphasis stays when the span adds more.
    let link = theme.content(&span(Role::Link).bold());
    assert_eq!(link.add_modifier, Modifier::UNDERLINED | Modifier::BOLD);
    assert_eq!(link.fg, Some(Color::Rgb(0x5f, 0xaf, 0xff)));
}

fn colourless(style: Style) -> bool {
    [style.fg, style.bg, style.underline_color]
        .iter()
        .all(|c| matches!(c, None | Some(Color::Reset)))
}

#[test]
fn monochrome_has_no_colour_but_keeps_selection_and_emphasis() {
    for name in builtin_names() {
        let theme = builtin(name).monochrome();
        assert!(theme.is_monochrome());
        assert_eq!(theme.name(), *name);
        assert_eq!(theme.syntax_theme(), None, "{name}: no syntax colours without colour");
        for role in UiRole::ALL {
            assert!(colourless(theme.ui(role)), "{name}: ui {role:?} = {:?}", theme.ui(role));
        }
        for role in CONTENT_ROLES {
            let style = theme.content(&SpanStyle {
                fg: Some((1, 2, 3)),
                ..span(role)
            });
            assert!(colourless(style), "{name}: content {role:?} = {style:?}");
        }
        assert!(
            theme.ui(UiRole::Selection).add_modifier.contains(Modifier::REVERSED),
            "{name}"
        );
        let matched = theme.ui(UiRole::Match).add_modifier;
        assert!(matched.contains(Modifier::REVERSED | Modifier::UNDERLINED), "{name}");
        assert!(
            theme.ui(UiRole::CrumbActive).add_modifier.contains(Modifier::REVERSED),
            "{name}"
        );
        assert!(
            theme.content(&span(Role::Title)).add_modifier.contains(Modifier::BOLD),
            "{name}"
        );
        assert!(
            theme
                .content(&span(Role::Link))
                .add_modifier
                .contains(Modifier::UNDERLINED),
            "{name}"
        );
        assert_ne!(theme.ui(UiRole::Selection), theme.ui(UiRole::Background), "{name}");
    }
}

#[test]
fn load_or_default_applies_no_color_to_a_good_theme() {
    let (theme, error) = load_or_default("light", None, true);
    assert_eq!(error, None);
    assert_eq!(theme, builtin("light").monochrome());
    let (theme, error) = load_or_default("light", None, false);
    assert_eq!((theme, error), (builtin("light"), None));
}

#[test]
fn a_user_theme_is_found_by_name_listed_and_inherits_the_rest() {
    let dir = user_dir(&[
        ("mine.yaml", "syntax: none\nui:\n  selection: { bg: red }\n"),
        ("notes.txt", "not a theme"),
        (".hidden.yaml", "{}"),
    ]);
    assert_eq!(names(Some(dir.path())), ["default", "high-contrast", "light", "mine"]);
    let mine = load("mine", Some(dir.path())).expect("mine loads");
    let default = default_theme();
    assert_eq!(mine.name(), "mine");
    assert_eq!(mine.syntax_theme(), None);
    // The one field it names changes; the entry's other fields and every other role are default's.
    let selection = mine.ui(UiRole::Selection);
    assert_eq!(selection.bg, Some(Color::Red));
    assert_eq!(selection.fg, default.ui(UiRole::Selection).fg);
    assert!(selection.add_modifier.contains(Modifier::BOLD));
    for role in UiRole::ALL.into_iter().filter(|r| *r != UiRole::Selection) {
        assert_eq!(mine.ui(role), default.ui(role), "{role:?}");
    }
    for role in CONTENT_ROLES {
        assert_eq!(mine.content(&span(role)), default.content(&span(role)), "{role:?}");
    }
    // A missing folder just means no user themes.
    assert_eq!(names(Some(&dir.path().join("nope"))), names(None));
}

#[test]
fn a_user_theme_named_like_a_builtin_overrides_and_tweaks_it() {
    let dir = user_dir(&[("light.yaml", "content:\n  title: { fg: \"#123456\" }\n")]);
    assert_eq!(names(Some(dir.path())), ["default", "high-contrast", "light"]);
    let light = load("light", Some(dir.path())).expect("user light loads");
    assert_eq!(light.content(&span(Role::Title)).fg, Some(Color::Rgb(0x12, 0x34, 0x56)));
    // Everything else is the built-in light's, not default's.
    assert_eq!(
        light.content(&span(Role::Text)),
        builtin("light").content(&span(Role::Text))
    );
    assert_eq!(light.syntax_theme(), Some("InspiredGitHub"));
    assert_eq!(light.ui(UiRole::Selection), builtin("light").ui(UiRole::Selection));

    let dir = user_dir(&[("talk.yaml", "base: high-contrast\nui:\n  border: { fg: 208 }\n")]);
    let talk = load("talk", Some(dir.path())).expect("talk loads");
    assert_eq!(talk.ui(UiRole::Border).fg, Some(Color::Indexed(208)));
    assert_eq!(
        talk.ui(UiRole::Background),
        builtin("high-contrast").ui(UiRole::Background)
    );
}

#[test]
fn a_broken_theme_names_its_file_and_line() {
    // (file contents, line:column that must be named, words the message must contain)
    let cases: [(&str, &str, &[&str]); 11] = [
        (
            "syntax: none\nui:\n  border: {}\n  selection: { bg: \"bleu\" }\n",
            ":4:",
            &["bleu", "#rrggbb"],
        ),
        (
            "name: x\ncolours: {}\n",
            ":2:1:",
            &["unknown field `colours`", "syntax"],
        ),
        (
            "ui:\n  selecton: { bold: true }\n",
            ":2:3:",
            &["unknown field `selecton`", "selection"],
        ),
        (
            "content:\n  title: { fg: red, blod: true }\n",
            ":2:",
            &["unknown field `blod`", "bold"],
        ),
        ("ui:\n  border: { fg: red }\n   muted: {}\n", ":3:", &["invalid YAML"]),
        ("ui:\n  border:\n    fg: #ff0000\n", ":3:", &["quotes"]),
        ("ui:\n  border: { fg: 300 }\n", ":2:", &["300"]),
        (
            "content:\n  title: {}\n  code: {}\n  title: { bold: true }\n",
            ":4:",
            &["duplicate", "title"],
        ),
        // `muted` is also a ui role: the repeat inside `content:` is the one to point at.
        (
            "ui:\n  muted: {}\ncontent:\n  muted: {}\n  \"muted\" : {}\n",
            ":5:3:",
            &["duplicate", "muted"],
        ),
        (
            "\n\nsyntax: monokai\n",
            ":3:",
            &["unknown syntax theme `monokai`", "InspiredGitHub"],
        ),
        (
            "base: solarized\n",
            ":1:",
            &["unknown base `solarized`", "high-contrast"],
        ),
    ];
    for (text, at, words) in cases {
        let dir = user_dir(&[("broken.yaml", text)]);
        let err = load("broken", Some(dir.path())).expect_err("a broken theme must not load");
        let prefix = format!("{}{at}", shown(dir.path(), "broken.yaml"));
        assert!(err.starts_with(&prefix), "{text:?}: expected {prefix:?}, got {err:?}");
        for word in words {
            assert!(err.contains(word), "{text:?}: {err:?} should mention {word:?}");
        }
    }
}

#[test]
fn a_broken_theme_falls_back_to_the_default_with_the_message() {
    let dir = user_dir(&[("broken.yaml", "ui:\n  border: {}\n  key_hint: { fg: nope }\n")]);
    let (theme, error) = load_or_default("broken", Some(dir.path()), false);
    assert_eq!(theme, default_theme());
    let error = error.expect("a message for the flash line");
    assert!(
        error.starts_with(&format!("{}:3:", shown(dir.path(), "broken.yaml"))),
        "{error}"
    );

    let (theme, error) = load_or_default("broken", Some(dir.path()), true);
    assert_eq!(theme, default_theme().monochrome());
    assert!(error.is_some());
}

#[test]
fn unreadable_files_are_named() {
    let mut bytes = b"name: x\nui:\n  border: { fg: red }\n".to_vec();
    bytes.extend_from_slice(b"  muted: { fg: \"\xff\" }\n");
    let dir = user_dir(&[]);
    std::fs::write(dir.path().join("latin1.yaml"), bytes).expect("write");
    std::fs::write(dir.path().join("huge.yaml"), "# padding\n".repeat(30_000)).expect("write");
    std::fs::create_dir(dir.path().join("folder.yaml")).expect("mkdir");
    let expect = [
        ("latin1", ":4: not UTF-8"),
        ("huge", ": the theme is 300000 bytes, more than the 256 KB allowed"),
        ("folder", ": not a file"),
    ];
    for (name, rest) in expect {
        let err = load(name, Some(dir.path())).expect_err(name);
        assert_eq!(
            err.split_once(rest).map(|(path, _)| path),
            Some(shown(dir.path(), &format!("{name}.yaml")).as_str()),
            "{err}"
        );
    }
}

#[test]
fn an_unknown_name_lists_what_there_is() {
    let dir = user_dir(&[("mine.yaml", "{}\n")]);
    let err = load("solarized", Some(dir.path())).expect_err("no such theme");
    assert_eq!(
        err,
        "unknown theme `solarized`: available themes are default, high-contrast, light, mine"
    );
    let (theme, error) = load_or_default("solarized", Some(dir.path()), false);
    assert_eq!((theme, error.is_some()), (default_theme(), true));
    // A name is a file stem: it cannot climb out of the themes folder.
    std::fs::write(dir.path().join("escape.yaml"), "{}\n").expect("write");
    let inner = dir.path().join("inner");
    std::fs::create_dir(&inner).expect("mkdir");
    let err = load("../escape", Some(&inner)).expect_err("path names are refused");
    assert!(err.contains("not a theme name"), "{err}");
}
