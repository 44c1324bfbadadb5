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
