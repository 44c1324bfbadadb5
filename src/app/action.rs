//! Every user intent, whatever produced it (a key, a `:` command, a search result).

/// One thing the learner asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Next slide
    NextSlide,
    /// Previous slide
    PrevSlide,
    /// First slide, or the first row of a list
    First,
    /// Last slide, or the last row of a list
    Last,
    /// Scroll down a line, or move the selection down
    Down,
    /// Scroll up a line, or move the selection up
    Up,
    /// Scroll down half a page
    HalfPageDown,
    /// Scroll up half a page
    HalfPageUp,
    /// Open the selected row
    Enter,
    /// Leave the current view or prompt
    Back,
    /// Table of contents
    Toc,
    /// The lecturer's narration for this slide
    Narration,
    /// Describe this slide: id, aliases, source, code, segments
    Describe,
    /// The slide's markdown as written
    Source,
    /// Every key and command
    Help,
    /// Show or hide the header (K9s's ctrl-e)
    ToggleHeader,
    /// Open the command prompt
    CommandMode,
    /// Filter slides and narration
    FilterMode,
    /// Next search match
    NextMatch,
    /// Previous search match
    PrevMatch,
    /// Bookmark this slide, or remove its bookmark
    ToggleBookmark,
    /// The bookmarked slides
    Bookmarks,
    /// The lessons of the course (`:lessons`)
    Lessons,
    /// Open a lesson by id, number or title words (`:lesson week07`)
    OpenLesson(String),
    /// Select the next component of the slide's diagram (enters selection mode)
    FocusNext,
    /// Select the previous component of the slide's diagram
    FocusPrev,
    /// Move the diagram selection left, right, up or down
    FocusMove(crate::content::diagram::Dir),
    /// Play or pause the narration
    PlayPause,
    /// Play the narration (`:play`)
    Play,
    /// Pause the narration (`:pause`)
    Pause,
    /// Narration faster
    Faster,
    /// Narration slower
    Slower,
    /// Narration at this speed (`:speed 1.5`)
    SetSpeed(String),
    /// Narration from segment N (`:seg 12`)
    Seek(String),
    /// Show or hide the subtitles (the spoken segment over the timeline bar)
    ToggleSubtitles,
    /// Suspend to the shell (`fg` resumes)
    Suspend,
    /// Quit the player
    Quit,
    /// Go to a slide by id, slug or alias
    Goto(String),
    /// Switch the colour theme
    SetTheme(String),
    /// Continue as another learner, with their progress
    SwitchLearner(String),
    /// Copy the slide's code block N (empty: the only one, or pick) to the clipboard
    CopyCode(String),
    /// Write the slide's code block N (empty: the only one, or pick) to the lab folder
    WriteCode(String),
    /// An edit to the open prompt (typing in `:` or `/` mode)
    Input(super::Edit),
    /// Practice: the exercises of this lesson, this slide's first
    Practice,
    /// Practice: edit the open exercise's work file in $VISUAL / $EDITOR
    PracticeEdit,
    /// Practice: the next hint of the open exercise
    PracticeHint,
    /// Practice: the solution (after a pass, or after three failed checks)
    PracticeSolution,
    /// Practice: start the open exercise over (press twice: it asks first)
    PracticeReset,
    /// Practice: a passed manifest into your namespace of a real cluster (dry run first; again: apply)
    PracticeApply,
    /// Practice: go to the lesson's k9s slide and hand the terminal to `k9s -n k8s-course-LEARNER`
    K9s,
    /// Practice: answer the open command or quiz exercise (`:answer docker ps`)
    Answer(String),
}

/// What the driver must do after an update: the things `App` cannot do itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    None,
    Quit,
    Suspend,
    /// Load theme `name` and tell the app how it went.
    LoadTheme(String),
    /// Save this learner's progress, load `name`'s and hand it to the app.
    SwitchLearner(String),
    /// Put this text on the terminal's clipboard (OSC 52).
    CopyCode(String),
    /// Write `text` as `name` in the learner's lab folder and tell the app (`App::code_written`).
    WriteCode {
        name: String,
        text: String,
    },
    /// Practice: the lab file IO the app can't do itself.
    Work(super::practice::WorkEffect),
    /// Save these changes of the learner's progress (after [`super::Msg::TakePending`]).
    Save(crate::progress::Delta),
}
