//! Rendering benchmarks: `cargo bench --bench render`.
//!
//! One frame of the player on the built-in course: `Terminal::draw` on ratatui's `TestBackend` with
//! `ui::draw`, the default theme and one shared `Highlighter`.
//!
//! - `render_200x60/ID`: every slide at 200x60 (the budget: under 1 ms median once warm).
//! - `render_80x24/ID`: every slide at 80x24, for reference.
//! - `render_views_200x60/VIEW`: the views over the first slide (toc, narration, describe, source,
//!   help) at 200x60.
//! - `render_200x60_switch`: each frame shows the next slide (all of them in turn), so every frame
//!   differs from the last and the diff ratatui sends to the backend covers the whole pane.
//!
//! Before timing, every code block is highlighted once (as the player does in the background after
//! its first frame), so code is drawn in colour from the cache. Every screen is drawn once and
//! checked to show its slide or view, so a broken screen fails the run instead of being timed.
//! Budgets and results: BENCHMARKS.md.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use k8s_course::app::{Action, App, Setup};
use k8s_course::content::{CourseSource, SlideIndex, load_course};
use k8s_course::render::Highlighter;
use k8s_course::theme::{Theme, default_theme};
use k8s_course::ui::{self, Ctx};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The built-in course in a fresh session, with the theme and a highlighter that has already
/// highlighted every code block of the course.
struct Fixture {
    app: App,
    theme: Theme,
    highlighter: Highlighter,
}

impl Fixture {
    fn new() -> Self {
        let report = load_course(&CourseSource::BuiltIn);
        let course = report.course.expect("the built-in course loads");
        let setup = Setup {
            learner: "learner".into(),
            // The screens as BENCHMARKS.md records them (and the checks below read them): in English.
            lang: Some(k8s_course::i18n::Lang::En),
            themes: k8s_course::theme::names(None),
            ..Setup::default()
        };
        let app = App::new(setup, course, Default::default());
        let theme = default_theme();
        let highlighter = Highlighter::new();
        let syntax = theme
            .syntax_theme()
            .expect("the default theme colours code")
            .to_string();
        let mut blocks = 0;
        for lesson in &app.course().lessons {
            for (_, slide) in lesson.slides() {
                for code in slide.code_blocks() {
                    highlighter.highlight(code.lang.as_deref(), &code.text, &syntax);
                    blocks += 1;
                }
            }
        }
        assert!(blocks > 0, "the built-in course has code blocks to highlight");
        // Until syntect is loaded the player draws code plain; the benchmark times coloured code.
        assert!(highlighter.is_ready(), "syntect is loaded");
        Self {
            app,
            theme,
            highlighter,
        }
    }

    fn ctx(&self) -> Ctx<'_> {
        Ctx {
            theme: &self.theme,
            highlighter: &self.highlighter,
            clock: "12:00",
        }
    }

    /// Ids of the first lesson's slides, in order.
    fn slide_ids(&self) -> Vec<String> {
        let lesson = self.app.current_lesson();
        (0..lesson.slide_count()).map(|i| lesson.id_of(SlideIndex(i))).collect()
    }

    /// Opens slide `id` with no view over it.
    fn goto(&mut self, id: &str) {
        // `:ID` closes every view over the slide.
        self.app.update(Action::Goto(id.to_string()));
        assert_eq!(self.app.current_lesson().id_of(self.app.slide()), id, "goto {id}");
        assert!(self.app.flash().is_none(), "goto {id}: {:?}", self.app.flash());
    }
}

/// The screen as text, row by row (a wide glyph's hidden second cell included as it is stored).
fn screen(term: &Terminal<TestBackend>) -> String {
    let buf = term.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// Draws one frame and returns the screen, so a check can look at it.
fn draw_once(term: &mut Terminal<TestBackend>, fx: &Fixture) -> String {
    let ctx = fx.ctx();
    term.draw(|f| {
        ui::draw(f, &fx.app, &ctx);
    })
    .expect("drawing into a test backend");
    screen(term)
}

/// Times `Terminal::draw` of the current screen of `fx`.
fn bench_frame(b: &mut criterion::Bencher<'_>, term: &mut Terminal<TestBackend>, fx: &Fixture) {
    let ctx = fx.ctx();
    b.iter(|| {
        term.draw(|f| {
            black_box(ui::draw(f, black_box(&fx.app), &ctx));
        })
        .expect("drawing into a test backend");
    });
}

fn slides_at(c: &mut Criterion, group_name: &str, width: u16, height: u16) {
    let mut fx = Fixture::new();
    let ids = fx.slide_ids();
    let total = ids.len();
    let mut group = c.benchmark_group(group_name);
    for (i, id) in ids.iter().enumerate() {
        fx.goto(id);
        let mut term = Terminal::new(TestBackend::new(width, height)).expect("a test terminal");
        let shown = draw_once(&mut term, &fx);
        let title = format!("slide({id})[{}/{total}]", i + 1);
        assert!(
            shown.contains(&title),
            "{width}x{height} slide {id}: no `{title}` in\n{shown}"
        );
        group.bench_function(BenchmarkId::from_parameter(id), |b| bench_frame(b, &mut term, &fx));
    }
    group.finish();
}

fn render_200x60(c: &mut Criterion) {
    slides_at(c, "render_200x60", 200, 60);
}

fn render_80x24(c: &mut Criterion) {
    slides_at(c, "render_80x24", 80, 24);
}

fn render_views(c: &mut Criterion) {
    let mut fx = Fixture::new();
    let mut group = c.benchmark_group("render_views_200x60");
    let lesson = fx.app.current_lesson().id.clone();
    let slides = fx.app.current_lesson().slide_count();
    let first = fx.app.current_lesson().id_of(SlideIndex(0));
    // Each view with the pane title it must show.
    let views = [
        ("toc", Action::Toc, format!(" toc({lesson})[{slides}] ")),
        ("narration", Action::Narration, format!(" narration({first})")),
        ("describe", Action::Describe, format!(" describe({first})")),
        ("source", Action::Source, format!(" source({first})")),
        ("help", Action::Help, " help ".to_string()),
    ];
    for (name, action, title) in views {
        while fx.app.view().is_some() {
            fx.app.update(Action::Back);
        }
        fx.app.update(action);
        let open = fx.app.view().map(|v| v.name(k8s_course::i18n::Lang::En).to_string());
        assert_eq!(open.as_deref(), Some(name), "the {name} view opens");
        let mut term = Terminal::new(TestBackend::new(200, 60)).expect("a test terminal");
        let shown = draw_once(&mut term, &fx);
        assert!(shown.contains(&title), "view {name}: no `{title}` in\n{shown}");
        group.bench_function(BenchmarkId::from_parameter(name), |b| bench_frame(b, &mut term, &fx));
    }
    group.finish();
}

fn render_switch(c: &mut Criterion) {
    let mut fx = Fixture::new();
    let ids = fx.slide_ids();
    let mut term = Terminal::new(TestBackend::new(200, 60)).expect("a test terminal");
    for id in &ids {
        fx.goto(id);
        draw_once(&mut term, &fx);
    }
    let total = ids.len();
    let mut next = 0;
    c.bench_function("render_200x60_switch", |b| {
        b.iter(|| {
            // A slide change as the learner makes one (`:ID`), then its frame.
            fx.app.update(Action::Goto(ids[next].clone()));
            next = (next + 1) % total;
            let ctx = fx.ctx();
            term.draw(|f| {
                black_box(ui::draw(f, black_box(&fx.app), &ctx));
            })
            .expect("drawing into a test backend");
        })
    });
    // The player's own way: frames sent through `draw_diffed`, which finds the changed cells in
    // one pass and keeps the shown frame itself. First checked to send what ratatui's way sends:
    // two terminals shown the same frames hold the same cells.
    let mut shown = ui::surface::Shown::default();
    let mut diffed = Terminal::new(TestBackend::new(200, 60)).expect("a test terminal");
    let mut reference = Terminal::new(TestBackend::new(200, 60)).expect("a test terminal");
    for id in ids.iter().chain(ids.iter().rev()) {
        fx.goto(id);
        let ctx = fx.ctx();
        ui::surface::draw_diffed(&mut diffed, &mut shown, |f, m| ui::paint(f, &fx.app, &ctx, m))
            .expect("drawing into a test backend");
        assert_eq!(
            screen(&diffed),
            draw_once(&mut reference, &fx),
            "slide {id} drawn both ways"
        );
    }
    c.bench_function("render_200x60_switch_diffed", |b| {
        b.iter(|| {
            fx.app.update(Action::Goto(ids[next].clone()));
            next = (next + 1) % total;
            let ctx = fx.ctx();
            ui::surface::draw_diffed(&mut diffed, &mut shown, |f, m| {
                black_box(ui::paint(f, black_box(&fx.app), &ctx, m))
            })
            .expect("drawing into a test backend");
        })
    });
    // The same, with the theme changing every frame (default, light), so the slide pane never
    // finds its lines remembered: every frame renders, wraps and colours its slide again.
    let themes = [
        default_theme(),
        k8s_course::theme::load("light", None).expect("the light theme"),
    ];
    let mut turn = 0;
    c.bench_function("render_200x60_switch_diffed_unremembered", |b| {
        b.iter(|| {
            fx.app.update(Action::Goto(ids[next].clone()));
            next = (next + 1) % total;
            turn = 1 - turn;
            let ctx = Ctx {
                theme: &themes[turn],
                ..fx.ctx()
            };
            ui::surface::draw_diffed(&mut diffed, &mut shown, |f, m| {
                black_box(ui::paint(f, black_box(&fx.app), &ctx, m))
            })
            .expect("drawing into a test backend");
        })
    });
}

criterion_group! {
    name = render;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = render_200x60, render_80x24, render_views, render_switch
}
criterion_main!(render);
