//! Issue 12, finding 5: `K8S_COURSE_RUNTIME_DIR` naming a shared directory (the override is passed
//! in, as the command line passes what it read from the environment).

use std::os::unix::fs::PermissionsExt;

use k8s_course::present::runtime_dir_in;

fn mode(path: &std::path::Path) -> u32 {
    std::fs::metadata(path).expect("exists").permissions().mode() & 0o7777
}

#[test]
fn finding_05_a_shared_runtime_dir_keeps_its_mode_and_we_use_our_own_subdirectory() {
    let root = tempfile::tempdir().expect("temp dir");
    let shared = root.path().join("shared");
    std::fs::create_dir(&shared).expect("mkdir");
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o1777)).expect("chmod 1777");
    let runtime_dir = || runtime_dir_in(Some(shared.clone()));
    let dir = runtime_dir().expect("a runtime dir");
    assert_eq!(
        mode(&shared),
        0o1777,
        "the shared directory keeps its sticky bit and mode"
    );
    assert_eq!(dir.parent(), Some(shared.as_path()), "{}", dir.display());
    assert_eq!(mode(&dir), 0o700);
    assert_eq!(runtime_dir().expect("again"), dir, "the same directory the next time");

    // Our subdirectory, loosened by someone: refused, not chmod-ed back.
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let err = runtime_dir().expect_err("an open runtime dir is refused");
    assert!(err.to_string().contains("open to other users"), "{err}");
    assert_eq!(mode(&dir), 0o755);

    // A directory that does not exist yet is created, private, and used as it is.
    let fresh = root.path().join("fresh/run");
    assert_eq!(runtime_dir_in(Some(fresh.clone())).expect("created"), fresh);
    assert_eq!(mode(&fresh), 0o700);
}
