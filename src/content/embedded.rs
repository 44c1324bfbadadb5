//! The built-in course, compiled into the binary so the installed program needs no file beside it.

/// `(path relative to the course root, contents)` for every file of `course/`.
pub static FILES: &[(&str, &[u8])] = &[
    ("course.yaml", include_bytes!("../../course/course.yaml")),
    (
        "week07-docker-kubernetes/post.md",
        include_bytes!("../../course/week07-docker-kubernetes/post.md"),
    ),
    (
        "week07-docker-kubernetes/script.txt",
        include_bytes!("../../course/week07-docker-kubernetes/script.txt"),
    ),
    (
        "week07-docker-kubernetes/lesson.yaml",
        include_bytes!("../../course/week07-docker-kubernetes/lesson.yaml"),
    ),
];
