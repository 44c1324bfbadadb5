//! Every user intent, whatever produced it (a key, a `:` command, a search result).

/// One thing the learner asked for. The doc line doubles as help text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Next slide
    NextSlide,
    /// Previous slide
    PrevSlide,
    /// First slide
    FirstSlide,
    /// Last slide
    LastSlide,
    /// Scroll the slide down a line
    ScrollDown,
    /// Scroll the slide up a line
    ScrollUp,
    /// Go to a slide by id, slug or alias
    Goto(String),
    /// Quit the player
    Quit,
}

/// What the driver must do after an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    None,
    Quit,
}
