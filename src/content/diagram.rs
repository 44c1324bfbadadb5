//! Diagrams as data (`lesson.yaml` → `diagrams:`): components in groups, laid out in tiers, with
//! edges between them. The player lays them out for the space it has and lets a learner walk
//! through the components; the model knows nothing of layout or terminals.
//!
//! ```yaml
//! diagrams:
//!   - id: k8s-architecture
//!     slide: "2.1"                 # shown there, in place of the slide's box drawing
//!     title: Kubernetes 클러스터
//!     tiers:                       # top to bottom; items in a tier side by side when they fit
//!       - [control-plane]
//!       - [node-1, node-2, node-3]
//!     groups:
//!       - { id: control-plane, label: Control Plane, kind: control-plane,
//!           components: [api-server, etcd, scheduler, controller-manager] }
//!     components:
//!       - id: etcd
//!         label: etcd
//!         kind: store
//!         description: 클러스터의 모든 상태를 저장하는 데이터베이스입니다.
//!         terms: [etcd]            # words that find it in the narration (default: its label)
//!     edges:
//!       - { from: control-plane, to: [node-1, node-2, node-3] }
//! ```

/// A group or a component, by index into the diagram's lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Item {
    Group(usize),
    Component(usize),
}

/// How a group's components sit inside it (a row falls back to a column when it doesn't fit).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Arrange {
    #[default]
    Row,
    Column,
}

/// What a box is, for its colour: the control plane and the nodes are told apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Kind {
    ControlPlane,
    Node,
    #[default]
    Plain,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub id: String,
    pub label: String,
    pub kind: Kind,
    pub arrange: Arrange,
    /// Indices into `Diagram::components`, in order.
    pub components: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Component {
    pub id: String,
    pub label: String,
    /// Free text shown in the panel (`store`, `agent`, `tool`...).
    pub kind: String,
    /// A short description in the lecture's language.
    pub description: String,
    /// Lower-case words that find this component in the narration.
    pub terms: Vec<String>,
    /// The group holding it, if any.
    pub group: Option<usize>,
}

impl Component {
    /// Its colour kind: that of its group.
    pub fn kind_in(&self, diagram: &Diagram) -> Kind {
        self.group.map_or(Kind::Plain, |g| diagram.groups[g].kind)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    pub from: Item,
    pub to: Item,
    pub label: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Diagram {
    pub id: String,
    pub title: Option<String>,
    /// Rows of items, top to bottom. Every group and every component outside a group is in
    /// exactly one tier.
    pub tiers: Vec<Vec<Item>>,
    pub groups: Vec<Group>,
    pub components: Vec<Component>,
    pub edges: Vec<Edge>,
}

impl Diagram {
    /// Components in reading order (tier by tier, group by group): the `tab` order.
    pub fn reading_order(&self) -> Vec<usize> {
        let mut out = Vec::new();
        for tier in &self.tiers {
            for item in tier {
                match item {
                    Item::Group(g) => out.extend(self.groups[*g].components.iter().copied()),
                    Item::Component(c) => out.push(*c),
                }
            }
        }
        out
    }

    pub fn component(&self, id: &str) -> Option<usize> {
        self.components.iter().position(|c| c.id == id)
    }
}

/// Where a component sits, for moving the selection with the arrow keys: tier and row within it
/// (down), and its horizontal place as a fraction of the tier's width (across).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Spot {
    x: f64,
    y: f64,
}

/// A direction to move the selection in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    Left,
    Right,
    Up,
    Down,
}

impl Diagram {
    fn spots(&self) -> Vec<(usize, Spot)> {
        let mut out = Vec::new();
        for (t, tier) in self.tiers.iter().enumerate() {
            let n = tier.len().max(1) as f64;
            for (i, item) in tier.iter().enumerate() {
                let base = i as f64;
                match item {
                    Item::Component(c) => out.push((
                        *c,
                        Spot {
                            x: (base + 0.5) / n,
                            y: t as f64 * 100.0,
                        },
                    )),
                    Item::Group(g) => {
                        let group = &self.groups[*g];
                        let k = group.components.len().max(1) as f64;
                        for (j, c) in group.components.iter().enumerate() {
                            let (x, y) = match group.arrange {
                                Arrange::Row => (base + (j as f64 + 0.5) / k, 0.0),
                                Arrange::Column => (base + 0.5, j as f64),
                            };
                            out.push((
                                *c,
                                Spot {
                                    x: x / n,
                                    y: t as f64 * 100.0 + y,
                                },
                            ));
                        }
                    }
                }
            }
        }
        out
    }

    /// The component the selection moves to from `from` in `dir`: the nearest one that way,
    /// preferring the same row (across) or the same column (up and down); None at an edge.
    pub fn step(&self, from: usize, dir: Dir) -> Option<usize> {
        let spots = self.spots();
        let here = spots.iter().find(|(c, _)| *c == from)?.1;
        spots
            .iter()
            .filter(|(c, s)| {
                *c != from
                    && match dir {
                        Dir::Left => s.x < here.x - 1e-9 && (s.y - here.y).abs() < 50.0,
                        Dir::Right => s.x > here.x + 1e-9 && (s.y - here.y).abs() < 50.0,
                        Dir::Up => s.y < here.y,
                        Dir::Down => s.y > here.y,
                    }
            })
            .min_by(|(_, a), (_, b)| {
                let score = |s: &Spot| match dir {
                    Dir::Left | Dir::Right => (s.x - here.x).abs() + (s.y - here.y).abs(),
                    Dir::Up | Dir::Down => (s.y - here.y).abs() + 100.0 * (s.x - here.x).abs(),
                };
                score(a).total_cmp(&score(b))
            })
            .map(|(c, _)| *c)
    }

    /// Segments (indices) of `script` whose text mentions component `c` by one of its terms.
    pub fn mentions(&self, c: usize, script: &super::script::Script) -> Vec<usize> {
        let terms = &self.components[c].terms;
        (script.segments.iter().enumerate())
            .filter(|(_, seg)| {
                let text = seg.text.to_lowercase();
                terms.iter().any(|t| text.contains(t.as_str()))
            })
            .map(|(i, _)| i)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{CourseSource, load_course};

    fn architecture() -> (Diagram, Option<super::super::script::Script>) {
        let course = load_course(&CourseSource::BuiltIn).course.expect("built-in course");
        let lesson = course.lessons.into_iter().next().expect("a lesson");
        let d = lesson
            .diagrams
            .into_iter()
            .find(|d| d.id == "k8s-architecture")
            .expect("the diagram");
        (d, lesson.script)
    }

    #[test]
    fn arrows_walk_the_architecture_like_the_picture() {
        let (d, _) = architecture();
        let id = |c: Option<usize>| c.map(|c| d.components[c].id.clone());
        let api = d.component("api-server").expect("api server");
        assert_eq!(id(d.step(api, Dir::Right)), Some("etcd".into()));
        assert_eq!(id(d.step(api, Dir::Left)), None);
        let etcd = d.component("etcd").expect("etcd");
        assert_eq!(id(d.step(etcd, Dir::Down)), Some("kubelet-2".into()));
        assert_eq!(id(d.step(api, Dir::Down)), Some("kubelet-1".into()));
        let cm = d.component("controller-manager").expect("cm");
        assert_eq!(id(d.step(cm, Dir::Down)), Some("kubelet-3".into()));
        let k2 = d.component("kubelet-2").expect("kubelet-2");
        assert_eq!(id(d.step(k2, Dir::Down)), Some("pods-2".into()));
        assert_eq!(id(d.step(k2, Dir::Right)), Some("kubelet-3".into()));
        assert_eq!(id(d.step(k2, Dir::Up)), Some("etcd".into()));
        assert_eq!(d.reading_order().len(), d.components.len());
    }

    #[test]
    fn the_narration_that_mentions_a_component_is_found() {
        let (d, script) = architecture();
        let script = script.expect("a script");
        let numbers = |id: &str| -> Vec<usize> {
            let c = d.component(id).expect("component");
            d.mentions(c, &script)
                .iter()
                .map(|&i| script.segments[i].number)
                .collect()
        };
        assert_eq!(numbers("etcd"), [12]);
        assert!(numbers("kubelet-1").contains(&13));
    }
}
