//! The README's key table and command list say what the keys and commands really are.

use k8s_course::app::registry;
use k8s_course::ui::chrome::key_label;

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README.md")
}

#[test]
fn every_default_key_is_in_the_key_table() {
    let readme = readme();
    let table: String = readme
        .lines()
        .skip_while(|l| !l.starts_with("### Keys"))
        .take_while(|l| !l.starts_with("Commands:"))
        .collect::<Vec<_>>()
        .join("\n");
    for (key, action) in registry::default_keys() {
        let label = key_label(key);
        assert!(
            table.contains(&format!("`{label}`")),
            "README key table lacks `{label}` ({action})"
        );
    }
}

#[test]
fn every_command_is_in_the_readme() {
    let readme = readme();
    for (c, _) in registry::commands() {
        assert!(readme.contains(&format!("`:{}", c.name)), "README lacks :{}", c.name);
    }
}
