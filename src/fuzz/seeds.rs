//! The real material inputs start from: the built-in course (`course/`), the lessons and seeds in
//! `tests/fixtures/`, progress files the store writes, presenter lines and configs.

use std::path::{Path, PathBuf};

use super::Target;
use super::rng::Rng;
use crate::present::{Command, State};
use crate::progress::{Progress, Tracker};

/// One lesson: its folder's files (`post.md`, `script.txt`, maybe `lesson.yaml`).
#[derive(Debug, Clone)]
struct Lesson {
    files: Vec<(String, Vec<u8>)>,
}

/// Everything inputs are made from.
#[derive(Debug, Clone)]
pub struct Seeds {
    course_yaml: Vec<u8>,
    lessons: Vec<Lesson>,
    progress: Vec<Vec<u8>>,
    protocol: Vec<Vec<u8>>,
    config: Vec<Vec<u8>>,
    /// Lines of every seed of each kind, for splicing one file's text into another.
    pub(crate) lines: Lines,
}

/// Seed lines, by kind of file.
#[derive(Debug, Clone, Default)]
pub(crate) struct Lines {
    pub(crate) markdown: Vec<String>,
    pub(crate) script: Vec<String>,
    pub(crate) yaml: Vec<String>,
    pub(crate) protocol: Vec<String>,
}

impl Seeds {
    /// Reads the seeds under the repository at `root` (the folder holding `course/` and `tests/`).
    pub fn load(root: &Path) -> std::io::Result<Seeds> {
        let course_dir = root.join("course");
        let course_yaml = std::fs::read(course_dir.join("course.yaml"))?;
        let mut lessons = Vec::new();
        let builtin = course_dir.join("week07-docker-kubernetes");
        lessons.push(read_lesson(&builtin, &["post.md", "script.txt", "lesson.yaml"])?);
        let variants = root.join("tests/fixtures/variants");
        let mut dirs: Vec<PathBuf> = std::fs::read_dir(&variants)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_dir())
            .collect();
        dirs.sort();
        for dir in dirs {
            lessons.push(read_lesson(&dir, &["post.md", "script.txt"])?);
        }
        let fixture_seeds = root.join("tests/fixtures/seeds");
        for (post, script) in [
            ("mojibake-post.md", "script.seed.txt"),
            ("week7-post.as-published.md", "script.seed.txt"),
        ] {
            lessons.push(Lesson {
                files: vec![
                    ("post.md".into(), std::fs::read(fixture_seeds.join(post))?),
                    ("script.txt".into(), std::fs::read(fixture_seeds.join(script))?),
                ],
            });
        }
        let mut seeds = Seeds {
            course_yaml,
            lessons,
            progress: progress_seeds(),
            protocol: protocol_seeds(),
            config: config_seeds(),
            lines: Lines::default(),
        };
        seeds.lines = seeds.collect_lines();
        Ok(seeds)
    }

    fn collect_lines(&self) -> Lines {
        let split = |b: &[u8]| -> Vec<String> { String::from_utf8_lossy(b).lines().map(str::to_string).collect() };
        let mut lines = Lines::default();
        for lesson in &self.lessons {
            for (name, bytes) in &lesson.files {
                let into = match name.as_str() {
                    "post.md" => &mut lines.markdown,
                    "script.txt" => &mut lines.script,
                    _ => &mut lines.yaml,
                };
                into.extend(split(bytes));
            }
        }
        lines.yaml.extend(split(&self.course_yaml));
        for p in self.progress.iter().chain(&self.config) {
            lines.yaml.extend(split(p));
        }
        for p in &self.protocol {
            lines.protocol.extend(split(p));
        }
        lines
    }

    /// The unmutated files of a random seed for `target`.
    pub fn pick(&self, target: Target, rng: &mut Rng) -> Vec<(PathBuf, Vec<u8>)> {
        match target {
            Target::Lesson => {
                let i = rng.below(self.lessons.len());
                let lesson = &self.lessons[i];
                // The built-in lesson comes as a course folder (course.yaml + lesson folder); the
                // others as single-lesson folders.
                if i == 0 {
                    let mut files = vec![(PathBuf::from("course.yaml"), self.course_yaml.clone())];
                    files.extend(
                        lesson
                            .files
                            .iter()
                            .map(|(n, b)| (Path::new("week07-docker-kubernetes").join(n), b.clone())),
                    );
                    files
                } else {
                    lesson
                        .files
                        .iter()
                        .map(|(n, b)| (PathBuf::from(n), b.clone()))
                        .collect()
                }
            }
            Target::Progress => vec![(PathBuf::from("kim.yaml"), rng.pick(&self.progress).clone())],
            Target::Protocol => vec![(PathBuf::from("stream"), rng.pick(&self.protocol).clone())],
            Target::Config => vec![(PathBuf::from("config.yaml"), rng.pick(&self.config).clone())],
        }
    }
}

fn read_lesson(dir: &Path, names: &[&str]) -> std::io::Result<Lesson> {
    let mut files = Vec::new();
    for name in names {
        files.push(((*name).to_string(), std::fs::read(dir.join(name))?));
    }
    Ok(Lesson { files })
}

/// Files the store writes: empty, one lesson, several lessons with bookmarks and times.
fn progress_seeds() -> Vec<Vec<u8>> {
    let key = |lesson: &str| ("cloud-security-7".to_string(), lesson.to_string());
    let mut out = Vec::new();
    for lessons in [0usize, 1, 3] {
        let mut t = Tracker::new(Progress::default());
        for n in 0..lessons {
            let k = key(&format!("week0{n}"));
            t.opened(&k, 1_795_446_245 + n as i64);
            t.seen(&k, 1_795_446_300 + n as i64);
            for slide in ["title", "1.1", "2.2.1", "pod"] {
                t.visit(&k, slide);
                t.spent(&k, slide, 42);
            }
            t.complete(&k, "1.1");
            t.toggle_bookmark(&k, "2.2.1");
        }
        let mut progress = Progress::default();
        progress.apply(&t.take_pending());
        if let Ok(text) = super::super::progress::file::encode("kim", &progress) {
            out.push(text.into_bytes());
        }
    }
    out
}

/// What goes over the presenter socket, both ways.
fn protocol_seeds() -> Vec<Vec<u8>> {
    let state = State {
        lesson: 0,
        slide: 4,
        playing: true,
        position_ms: 300_000,
        speed: "1.5x".into(),
        session: "lecture 12:34 / 20:00".into(),
        flash: "no narration on 1.3".into(),
        flash_error: true,
        selecting: true,
    };
    let hello = crate::present::protocol::hello();
    vec![
        format!("{hello}{}", State::default().to_line()).into_bytes(),
        format!("{hello}{}", state.to_line()).into_bytes(),
        format!(
            "{hello}{}{}{}",
            Command::Next.to_line(),
            Command::Prev.to_line(),
            Command::PlayPause.to_line()
        )
        .into_bytes(),
        format!(
            "{hello}{}{}{}",
            Command::Act("half_page_down").to_line(),
            Command::Run("speed 1.5".into()).to_line(),
            Command::Find("파드 100%".into()).to_line()
        )
        .into_bytes(),
    ]
}

/// Configs as the README shows them.
fn config_seeds() -> Vec<Vec<u8>> {
    [
        "theme: light\n",
        "lecture: 50m\nbreak: 10m\n",
        "theme: high-contrast\nkeys:\n  quit: [q, <c-c>]\n  next_slide: [l, <right>, n]\n  prev_slide: h\n",
        "keys: {help: \"?\", toc: t, command: \":\"}\n",
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .collect()
}
