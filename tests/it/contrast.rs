//! Video calls compress a shared screen hard: every built-in theme's text must keep a WCAG
//! contrast ratio of 4.5:1 against the background it is drawn on (3:1 for lines: borders,
//! diagram edges), and `high-contrast` 7:1 for everything. A failure lists every failing pair.

use k8s_course::theme::contrast::{Kind, Pair, Terminal, pairs};
use k8s_course::theme::{builtin_names, load};

/// The least a pair needs in `theme`.
fn needed(theme: &str, pair: &Pair) -> f64 {
    match (theme, pair.kind) {
        ("high-contrast", _) => 7.0,
        (_, Kind::Text) => 4.5,
        (_, Kind::Line) => 3.0,
    }
}

/// The terminal a theme that leaves the background unset is made for.
fn terminal(theme: &str) -> Terminal {
    if theme == "light" {
        Terminal::LIGHT
    } else {
        Terminal::DARK
    }
}

#[test]
fn every_built_in_theme_meets_its_contrast() {
    let mut failing = Vec::new();
    let mut checked = 0;
    for name in builtin_names() {
        let theme = load(name, None).expect("a built-in theme loads");
        for pair in pairs(&theme, terminal(name)) {
            checked += 1;
            let need = needed(name, &pair);
            if pair.ratio < need {
                failing.push(format!("{name}: {pair}, needs {need}:1"));
            }
        }
    }
    assert_eq!(checked, 3 * 39, "every role of every theme is measured");
    assert!(
        failing.is_empty(),
        "{} pairs fail:\n{}",
        failing.len(),
        failing.join("\n")
    );
}

#[test]
fn a_theme_with_poor_contrast_is_reported_pair_by_pair() {
    let sandbox = crate::support::Sandbox::new();
    sandbox.write_theme(
        "murky",
        "base: default\nui:\n  muted: { fg: \"#444444\" }\ncontent:\n  text: { fg: \"#333333\", bg: \"#222222\" }\n",
    );
    let theme = load("murky", Some(&sandbox.config_dir().join("themes"))).expect("loads");
    let report: Vec<String> = pairs(&theme, Terminal::DARK)
        .into_iter()
        .filter(|p| p.ratio < needed("murky", p))
        .map(|p| p.to_string())
        .collect();
    assert_eq!(
        report,
        [
            "ui.muted: #444444 on #1e1e1e is 1.71:1",
            "content.text: #333333 on #222222 is 1.26:1"
        ]
    );
}
