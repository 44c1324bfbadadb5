//! The lab folder: each learner's work files, `<data dir>/lab/LEARNER/LESSON/ID.yaml` for
//! manifests and `ID.txt` for typed answers. Folders are 0700 and files 0600 (a learner's work is
//! theirs); a file is seeded with the exercise's starting manifest the first time it is needed,
//! and read back without trusting what is at the path (a FIFO, a directory, a huge or binary file).

use std::fs::{DirBuilder, OpenOptions};
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use super::Note;
use crate::content::exercise::Exercise;
use crate::progress::Learner;

const DIR_MODE: u32 = 0o700;
const FILE_MODE: u32 = 0o600;

/// Where one learner's work for one lesson lives.
#[derive(Debug, Clone)]
pub struct Lab {
    dir: PathBuf,
}

impl Lab {
    /// The lab of `learner` for lesson `lesson_id` under `data_dir`. Lesson ids are folder names;
    /// one that could leave the lab (`..`, a separator) is refused.
    pub fn new(data_dir: &Path, learner: &Learner, lesson_id: &str) -> Result<Self, String> {
        if lesson_id.is_empty() || lesson_id.starts_with('.') || lesson_id.contains(['/', '\\']) {
            return Err(format!("lesson id '{lesson_id}' can't name a lab folder"));
        }
        Ok(Self {
            dir: data_dir.join("lab").join(learner.as_str()).join(lesson_id),
        })
    }

    /// The work file of `exercise`.
    pub fn path(&self, exercise: &Exercise) -> PathBuf {
        let ext = if exercise.kind.is_manifest() { "yaml" } else { "txt" };
        self.dir.join(format!("{}.{ext}", exercise.id))
    }

    /// The work file, created with the starting manifest when missing; its path.
    pub fn seed(&self, exercise: &Exercise) -> std::io::Result<PathBuf> {
        let path = self.path(exercise);
        if std::fs::symlink_metadata(&path).is_err() {
            self.write(exercise, &exercise.start)?;
        }
        Ok(path)
    }

    /// Replaces the work file with the starting manifest (reset).
    pub fn reset(&self, exercise: &Exercise) -> std::io::Result<PathBuf> {
        let path = self.path(exercise);
        if path.is_dir() {
            return Err(std::io::Error::other(format!(
                "{} is a directory: remove it first",
                path.display()
            )));
        }
        let _ = std::fs::remove_file(&path);
        self.write(exercise, &exercise.start)?;
        Ok(path)
    }

    /// Writes `text` as the work file (0600, in 0700 folders).
    pub fn write(&self, exercise: &Exercise, text: &str) -> std::io::Result<()> {
        write_file(&self.path(exercise), text)
    }
}

/// Writes a work file at `path` (0600), creating its lab folders (0700).
pub fn write_file(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        DirBuilder::new().recursive(true).mode(DIR_MODE).create(dir)?;
    }
    let mut f = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(FILE_MODE)
        .open(path)?;
    f.write_all(text.as_bytes())
}

/// Reads a work file as text, or the one note that says why it can't be checked.
pub fn read(path: &Path) -> Result<String, Note> {
    let shown = path.display().to_string();
    match std::fs::symlink_metadata(path) {
        Err(_) => {
            return Err(Note::new(
                None,
                "",
                format!("{shown} 파일이 없습니다: r로 처음 상태로 되돌리거나 파일을 만드세요"),
                format!("{shown} does not exist: reset the exercise or create the file"),
            ));
        }
        Ok(m) if m.is_dir() => {
            return Err(Note::new(
                None,
                "",
                format!("{shown}은(는) 폴더입니다: 파일이어야 합니다 (폴더를 지우고 r로 되돌리세요)"),
                format!("{shown} is a directory, not a file: remove it and reset the exercise"),
            ));
        }
        Ok(_) => {}
    }
    crate::manifest::read(path).map_err(|f| match f.message {
        crate::manifest::Message::Binary => Note::new(
            Some(f.line),
            "",
            format!("UTF-8 텍스트가 아닙니다 ({}번째 줄): UTF-8로 저장하세요", f.line),
            format!("not UTF-8 text (line {}): save the file as UTF-8", f.line),
        ),
        other => Note::new(
            Some(f.line),
            "",
            other.text(crate::manifest::Lang::Ko),
            other.text(crate::manifest::Lang::En),
        ),
    })
}
