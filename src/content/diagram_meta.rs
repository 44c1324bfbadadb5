//! `diagrams:` in `lesson.yaml` -> [`Diagram`]s, every name checked: a tier, group or edge that
//! names something that doesn't exist is an error with its file and line.

use std::collections::HashSet;

use serde::Deserialize;
use serde_yaml::Value;

use super::diag::{Diagnostic, Diagnostics};
use super::diagram::{Arrange, Component, Diagram, Edge, Group, Item, Kind};
use super::{Block, Lesson, SlideIndex};
use crate::text::clean_line;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDiagram {
    id: String,
    slide: Value,
    #[serde(default)]
    title: Option<String>,
    tiers: Vec<Vec<String>>,
    #[serde(default)]
    groups: Vec<RawGroup>,
    components: Vec<RawComponent>,
    #[serde(default)]
    edges: Vec<RawEdge>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGroup {
    id: String,
    label: String,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    arrange: Option<String>,
    components: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawComponent {
    id: String,
    label: String,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    description: String,
    #[serde(default)]
    terms: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEdge {
    from: String,
    to: OneOrMany,
    #[serde(default)]
    label: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

/// Where in the file: the first line at or after the diagram's `id:` that mentions `name`.
struct Finder<'a> {
    text: &'a str,
    from: usize,
}

impl Finder<'_> {
    fn line(&self, name: &str) -> Option<usize> {
        self.text
            .lines()
            .enumerate()
            .skip(self.from.saturating_sub(1))
            .find(|(_, l)| l.contains(name))
            .map(|(i, _)| i + 1)
    }
}

/// Checks and converts the raw diagrams; a diagram with errors is left out (and `check` fails).
pub fn diagrams(
    path: &str,
    text: &str,
    raws: Vec<RawDiagram>,
    lesson: &Lesson,
    diags: &mut Diagnostics,
) -> Vec<(Diagram, SlideIndex)> {
    let mut out: Vec<(Diagram, SlideIndex)> = Vec::new();
    for raw in raws {
        let start = text
            .lines()
            .position(|l| l.contains("id:") && l.contains(raw.id.as_str()))
            .map_or(1, |i| i + 1);
        let at = Finder { text, from: start };
        let before = diags.items.len();
        let mut err = |name: &str, msg: String| diags.push(Diagnostic::error(path, at.line(name), msg));
        if out.iter().any(|(d, _)| d.id == raw.id) {
            err(&raw.id, format!("diagram '{}' is defined twice", raw.id));
        }
        let slide_id = match &raw.slide {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            _ => String::new(),
        };
        let slide = lesson.resolve(&slide_id);
        if slide.is_none() {
            err(
                "slide:",
                format!(
                    "diagram '{}' names slide '{}', which does not exist: `k8s-course list` shows the slide ids",
                    raw.id,
                    clean_line(&slide_id)
                ),
            );
        }
        let mut components: Vec<Component> = Vec::new();
        for c in &raw.components {
            if components.iter().any(|o| o.id == c.id) {
                err(&c.id, format!("component '{}' is defined twice", c.id));
            }
            let terms = if c.terms.is_empty() {
                vec![c.label.to_lowercase()]
            } else {
                c.terms.iter().map(|t| t.to_lowercase()).collect()
            };
            components.push(Component {
                id: c.id.clone(),
                label: clean_line(&c.label),
                kind: clean_line(c.kind.as_deref().unwrap_or("component")),
                description: clean_line(&c.description),
                terms,
                group: None,
            });
        }
        let mut groups: Vec<Group> = Vec::new();
        for (g, raw_group) in raw.groups.iter().enumerate() {
            if groups.iter().any(|o| o.id == raw_group.id) || components.iter().any(|c| c.id == raw_group.id) {
                err(
                    &raw_group.id,
                    format!("'{}' names two things: ids must be unique in a diagram", raw_group.id),
                );
            }
            let kind = match raw_group.kind.as_deref().unwrap_or("plain") {
                "control-plane" => Kind::ControlPlane,
                "node" => Kind::Node,
                "plain" => Kind::Plain,
                other => {
                    err(
                        other,
                        format!(
                            "group '{}': kind '{other}' is not one of control-plane, node, plain",
                            raw_group.id
                        ),
                    );
                    Kind::Plain
                }
            };
            let arrange = match raw_group.arrange.as_deref().unwrap_or("row") {
                "row" => Arrange::Row,
                "column" => Arrange::Column,
                other => {
                    err(
                        other,
                        format!("group '{}': arrange '{other}' is not row or column", raw_group.id),
                    );
                    Arrange::Row
                }
            };
            let mut members = Vec::new();
            for name in &raw_group.components {
                match components.iter().position(|c| c.id == *name) {
                    Some(c) if components[c].group.is_some() => {
                        err(name, format!("component '{name}' is in two groups"));
                    }
                    Some(c) => {
                        components[c].group = Some(g);
                        members.push(c);
                    }
                    None => err(
                        name,
                        format!(
                            "group '{}' names component '{name}', which is not defined under components:",
                            raw_group.id
                        ),
                    ),
                }
            }
            groups.push(Group {
                id: raw_group.id.clone(),
                label: clean_line(&raw_group.label),
                kind,
                arrange,
                components: members,
            });
        }
        let item = |name: &str| -> Option<Item> {
            groups
                .iter()
                .position(|g| g.id == name)
                .map(Item::Group)
                .or_else(|| components.iter().position(|c| c.id == name).map(Item::Component))
        };
        let mut tiers = Vec::new();
        let mut placed: HashSet<Item> = HashSet::new();
        for tier in &raw.tiers {
            let mut row = Vec::new();
            for name in tier {
                match item(name) {
                    Some(Item::Component(c)) if components[c].group.is_some() => {
                        err(
                            name,
                            format!("tiers: '{name}' is inside a group; put the group in the tier"),
                        );
                    }
                    Some(i) if !placed.insert(i) => err(name, format!("tiers: '{name}' is placed twice")),
                    Some(i) => row.push(i),
                    None => err(
                        name,
                        format!("tiers name '{name}', which is neither a group nor a component"),
                    ),
                }
            }
            tiers.push(row);
        }
        for (g, group) in groups.iter().enumerate() {
            if !placed.contains(&Item::Group(g)) {
                err(
                    &group.id,
                    format!("group '{}' is in no tier: add it under tiers:", group.id),
                );
            }
        }
        for (c, component) in components.iter().enumerate() {
            if component.group.is_none() && !placed.contains(&Item::Component(c)) {
                err(
                    &component.id,
                    format!("component '{}' is in no group and no tier", component.id),
                );
            }
        }
        let mut edges = Vec::new();
        for e in &raw.edges {
            let targets = match &e.to {
                OneOrMany::One(t) => vec![t.clone()],
                OneOrMany::Many(ts) => ts.clone(),
            };
            let Some(from) = item(&e.from) else {
                err(
                    &e.from,
                    format!("edge from '{}', which is neither a group nor a component", e.from),
                );
                continue;
            };
            for t in targets {
                match item(&t) {
                    Some(to) => edges.push(Edge {
                        from,
                        to,
                        label: e.label.as_deref().map(clean_line),
                    }),
                    None => err(&t, format!("edge to '{t}', which is neither a group nor a component")),
                }
            }
        }
        if diags.items.len() > before {
            continue;
        }
        if let Some(slide) = slide {
            let diagram = Diagram {
                id: raw.id.clone(),
                title: raw.title.as_deref().map(clean_line),
                tiers,
                groups,
                components,
                edges,
            };
            out.push((diagram, slide));
        }
    }
    out
}

/// Puts each diagram on its slide: in place of the slide's first box drawing, else at its end.
pub fn place(lesson: &mut Lesson, placed: Vec<(Diagram, SlideIndex)>) {
    for (diagram, slide) in placed {
        let index = lesson.diagrams.len();
        lesson.diagrams.push(diagram);
        let Some(target) = lesson
            .chapters
            .iter_mut()
            .flat_map(|c| c.slides.iter_mut())
            .nth(slide.0)
        else {
            continue;
        };
        match target.blocks.iter().position(|b| matches!(b, Block::Diagram { .. })) {
            Some(at) => target.blocks[at] = Block::Figure(index),
            None => target.blocks.push(Block::Figure(index)),
        }
    }
}
