//! The course's diagrams laid out for the space given: snapshots at 60, 80, 120 and 200 columns
//! (and with a component selected), a walk over the drawn grid at every width from 40 to 200
//! checking the drawing is sound, and no panic or overlong line at any width from 1 to 200.
//!
//! The diagrams come from the built-in course when its `lesson.yaml` has them, else they are
//! built here the same way.

use k8s_course::content::diagram::{Arrange, Component, Diagram, Edge, Group, Item, Kind};
use k8s_course::content::{CourseSource, load_course};
use k8s_course::render::diagram::{Drawn, Placed, draw};
use k8s_course::render::{Role, Style, line_text, line_width};
use k8s_course::text::display_width;

const IDS: [&str; 3] = ["k8s-architecture", "docker-workflow", "security-stages"];

fn component(d: &mut Diagram, id: &str, label: &str, group: Option<usize>) -> usize {
    d.components.push(Component {
        id: id.into(),
        label: label.into(),
        kind: String::new(),
        description: String::new(),
        terms: Vec::new(),
        group,
    });
    d.components.len() - 1
}

fn group(d: &mut Diagram, id: &str, label: &str, kind: Kind, arrange: Arrange, comps: &[(&str, &str)]) -> Item {
    let g = d.groups.len();
    let components = comps.iter().map(|(id, l)| component(d, id, l, Some(g))).collect();
    d.groups.push(Group {
        id: id.into(),
        label: label.into(),
        kind,
        arrange,
        components,
    });
    Item::Group(g)
}

fn empty(id: &str) -> Diagram {
    Diagram {
        id: id.into(),
        title: None,
        tiers: Vec::new(),
        groups: Vec::new(),
        components: Vec::new(),
        edges: Vec::new(),
    }
}

fn edge(from: Item, to: Item, label: Option<&str>) -> Edge {
    Edge {
        from,
        to,
        label: label.map(String::from),
    }
}

/// The three diagrams as `lesson.yaml` describes them.
fn by_hand(id: &str) -> Diagram {
    let mut d = empty(id);
    match id {
        "k8s-architecture" => {
            let control = [
                ("api-server", "API Server"),
                ("etcd", "etcd"),
                ("scheduler", "Scheduler"),
                ("controller-manager", "Controller Manager"),
            ];
            let cp = group(
                &mut d,
                "control-plane",
                "Control Plane",
                Kind::ControlPlane,
                Arrange::Row,
                &control,
            );
            let nodes: Vec<Item> = (1..=3)
                .map(|n| {
                    let (k, p) = (format!("kubelet-{n}"), format!("pods-{n}"));
                    let comps = [(k.as_str(), "kubelet"), (p.as_str(), "Pods")];
                    group(
                        &mut d,
                        &format!("node-{n}"),
                        &format!("Node {n}"),
                        Kind::Node,
                        Arrange::Column,
                        &comps,
                    )
                })
                .collect();
            d.edges = nodes.iter().map(|n| edge(cp, *n, None)).collect();
            d.tiers = vec![vec![cp], nodes];
        }
        "docker-workflow" => {
            let [file, image, container, registry] = [
                ("dockerfile", "Dockerfile"),
                ("image", "Image"),
                ("container", "Container"),
                ("registry", "Registry"),
            ]
            .map(|(id, label)| Item::Component(component(&mut d, id, label, None)));
            d.edges = vec![
                edge(file, image, Some("build")),
                edge(image, container, Some("run")),
                edge(image, registry, Some("push / pull")),
            ];
            d.tiers = vec![vec![file, image, container], vec![registry]];
        }
        "security-stages" => {
            let plain = |d: &mut Diagram, id: &str, label: &str, comps: &[(&str, &str)]| {
                group(d, id, label, Kind::Plain, Arrange::Column, comps)
            };
            let build = plain(&mut d, "build", "빌드 (Build)", &[("trivy", "Trivy 이미지 스캔")]);
            let deploy_comps = [
                ("non-root", "non-root 실행"),
                ("read-only", "읽기 전용 루트 FS"),
                ("secrets", "Secret 관리"),
            ];
            let deploy = plain(&mut d, "deploy", "배포 (Deploy)", &deploy_comps);
            let runtime_comps = [
                ("falco", "Falco"),
                ("netpol", "NetworkPolicy"),
                ("pss", "Pod Security Standards"),
            ];
            let runtime = plain(&mut d, "runtime", "런타임 (Runtime)", &runtime_comps);
            d.edges = vec![edge(build, deploy, None), edge(deploy, runtime, None)];
            d.tiers = vec![vec![build, deploy, runtime]];
        }
        other => panic!("no diagram {other}"),
    }
    d
}

fn from_course(id: &str) -> Option<Diagram> {
    let course = load_course(&CourseSource::BuiltIn).course?;
    course.lessons.into_iter().flat_map(|l| l.diagrams).find(|d| d.id == id)
}

/// The diagram from the built-in course when it has it, else the one built here.
fn diagram(id: &str) -> Diagram {
    from_course(id).unwrap_or_else(|| by_hand(id))
}

fn diagrams() -> Vec<Diagram> {
    IDS.iter().map(|id| diagram(id)).collect()
}

fn text(drawn: &Drawn) -> String {
    drawn.lines.iter().map(|l| line_text(l)).collect::<Vec<_>>().join("\n")
}

fn index(d: &Diagram, id: &str) -> usize {
    d.component(id).unwrap_or_else(|| panic!("{}: no component {id}", d.id))
}

#[test]
fn the_diagrams_built_here_draw_like_the_course_ones() {
    for id in IDS {
        let Some(course) = from_course(id) else { continue };
        let hand = by_hand(id);
        for width in [40, 60, 80, 120, 200] {
            assert_eq!(
                text(&draw(&course, width, None)),
                text(&draw(&hand, width, None)),
                "{id} at {width}"
            );
        }
    }
}

#[test]
fn snapshots_at_four_widths() {
    for d in diagrams() {
        for width in [60, 80, 120, 200] {
            let drawn = draw(&d, width, None);
            insta::assert_snapshot!(format!("{}_{width}", d.id), text(&drawn));
        }
    }
}

#[test]
fn snapshots_with_a_selection() {
    for (id, selected, width) in [
        ("k8s-architecture", "etcd", 80),
        ("k8s-architecture", "kubelet-2", 120),
        ("docker-workflow", "image", 60),
        ("security-stages", "read-only", 120),
    ] {
        let d = diagram(id);
        let drawn = draw(&d, width, Some(index(&d, selected)));
        insta::assert_snapshot!(format!("{id}_{width}_selected_{selected}"), text(&drawn));
    }
}

/// The lines as a grid of cells; the right half of a wide character is `\0`.
fn grid(drawn: &Drawn) -> Vec<Vec<char>> {
    drawn
        .lines
        .iter()
        .map(|line| {
            let mut row = Vec::new();
            for c in line_text(line).chars() {
                row.push(c);
                if display_width(c.encode_utf8(&mut [0; 4])) == 2 {
                    row.push('\0');
                }
            }
            row
        })
        .collect()
}

/// The arms of a box-drawing character or arrowhead, [up, down, left, right]: 0 none, 1 light,
/// 2 heavy. An arrowhead has one arm, on the side away from where it points.
fn arms(c: char) -> Option<[u8; 4]> {
    Some(match c {
        '─' => [0, 0, 1, 1],
        '│' => [1, 1, 0, 0],
        '┌' => [0, 1, 0, 1],
        '┐' => [0, 1, 1, 0],
        '└' => [1, 0, 0, 1],
        '┘' => [1, 0, 1, 0],
        '├' => [1, 1, 0, 1],
        '┤' => [1, 1, 1, 0],
        '┬' => [0, 1, 1, 1],
        '┴' => [1, 0, 1, 1],
        '┼' => [1, 1, 1, 1],
        '━' => [0, 0, 2, 2],
        '┃' => [2, 2, 0, 0],
        '┏' => [0, 2, 0, 2],
        '┓' => [0, 2, 2, 0],
        '┗' => [2, 0, 0, 2],
        '┛' => [2, 0, 2, 0],
        '┯' => [0, 1, 2, 2],
        '┷' => [1, 0, 2, 2],
        '┝' => [2, 2, 0, 1],
        '┥' => [2, 2, 1, 0],
        '▼' => [1, 0, 0, 0],
        '▲' => [0, 1, 0, 0],
        '▶' => [0, 0, 1, 0],
        '◀' => [0, 0, 0, 1],
        _ => return None,
    })
}

/// Every arm of every box character meets an arm of the same weight in the next cell: corners
/// have their edges, junctions their lines, lines end in a junction, corner or arrowhead.
fn check_arms(grid: &[Vec<char>], what: &str) {
    let at = |x: isize, y: isize| -> char {
        if x < 0 || y < 0 {
            return ' ';
        }
        let row = grid.get(y as usize);
        row.and_then(|r| r.get(x as usize)).copied().unwrap_or(' ')
    };
    // (dx, dy, the arm pointing there, the neighbour's arm pointing back)
    let dirs = [(0, -1, 0, 1), (0, 1, 1, 0), (-1, 0, 2, 3), (1, 0, 3, 2)];
    for (y, row) in grid.iter().enumerate() {
        for (x, &c) in row.iter().enumerate() {
            let Some(mine) = arms(c) else { continue };
            for (dx, dy, arm, back) in dirs {
                if mine[arm] == 0 {
                    continue;
                }
                let next = at(x as isize + dx, y as isize + dy);
                let theirs = arms(next).map_or(0, |a| a[back]);
                assert_eq!(
                    theirs,
                    mine[arm],
                    "{what}: `{c}` at line {y} column {x} has no matching neighbour (`{next}`)\n{}",
                    render(grid)
                );
            }
        }
    }
}

fn render(grid: &[Vec<char>]) -> String {
    let lines: Vec<String> = grid
        .iter()
        .map(|r| r.iter().filter(|c| **c != '\0').collect())
        .collect();
    lines.join("\n")
}

fn cells(grid: &[Vec<char>], y: usize, x0: usize, x1: usize) -> String {
    let row = grid.get(y).map(Vec::as_slice).unwrap_or(&[]);
    (x0..x1)
        .map(|x| row.get(x).copied().unwrap_or(' '))
        .filter(|c| *c != '\0')
        .collect()
}

/// A component's box is closed and its label sits whole and centred on its middle line.
fn check_box(grid: &[Vec<char>], d: &Diagram, p: &Placed, what: &str) {
    let label = &d.components[p.component].label;
    let (x, y, w) = (p.x, p.y, p.width);
    assert_eq!(p.height, 3, "{what}: {label}");
    let top = cells(grid, y, x, x + w);
    let middle = cells(grid, y + 1, x, x + w);
    let bottom = cells(grid, y + 2, x, x + w);
    let ok_top = |s: &str| {
        let c: Vec<char> = s.chars().collect();
        c.len() == w
            && ((c[0] == '┌' && c[w - 1] == '┐' && c[1..w - 1].iter().all(|c| "─┴".contains(*c)))
                || (c[0] == '┏' && c[w - 1] == '┓' && c[1..w - 1].iter().all(|c| "━┷".contains(*c))))
    };
    let ok_bottom = |s: &str| {
        let c: Vec<char> = s.chars().collect();
        c.len() == w
            && ((c[0] == '└' && c[w - 1] == '┘' && c[1..w - 1].iter().all(|c| "─┬".contains(*c)))
                || (c[0] == '┗' && c[w - 1] == '┛' && c[1..w - 1].iter().all(|c| "━┯".contains(*c))))
    };
    assert!(ok_top(&top), "{what}: top of {label}: {top:?}\n{}", render(grid));
    assert!(
        ok_bottom(&bottom),
        "{what}: bottom of {label}: {bottom:?}\n{}",
        render(grid)
    );
    let room = w - 2 - display_width(label);
    let inner = format!("{}{label}{}", " ".repeat(room / 2), " ".repeat(room - room / 2));
    let sides = ["│├┤", "┃┝┥"];
    let first = middle.chars().next().unwrap_or(' ');
    let last = middle.chars().last().unwrap_or(' ');
    let body: String = middle
        .chars()
        .skip(1)
        .take(middle.chars().count().saturating_sub(2))
        .collect();
    assert!(
        sides.iter().any(|s| s.contains(first) && s.contains(last)) && body == inner,
        "{what}: middle of {label}: {middle:?}\n{}",
        render(grid)
    );
}

fn overlap(a: &Placed, b: &Placed) -> bool {
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

fn check(d: &Diagram, width: usize, selected: Option<usize>) {
    let what = format!("{} at {width} (selected {selected:?})", d.id);
    let drawn = draw(d, width, selected);
    let grid = grid(&drawn);
    for line in &drawn.lines {
        assert!(line_width(line) <= width, "{what}: {:?}", line_text(line));
        assert!(
            !line_text(line).ends_with('…'),
            "{what}: cut off: {:?}",
            line_text(line)
        );
    }
    check_arms(&grid, &what);
    for (i, p) in drawn.boxes.iter().enumerate() {
        check_box(&grid, d, p, &what);
        for q in &drawn.boxes[i + 1..] {
            assert!(!overlap(p, q), "{what}: {p:?} overlaps {q:?}");
        }
        assert!(p.x + p.width <= width, "{what}: {p:?}");
    }
    // Every component is drawn whole, exactly once.
    let mut shown: Vec<usize> = drawn.boxes.iter().map(|p| p.component).collect();
    shown.sort_unstable();
    assert_eq!(shown, (0..d.components.len()).collect::<Vec<_>>(), "{what}");
    let all = text(&drawn);
    for g in &d.groups {
        assert!(all.contains(&g.label), "{what}: group {:?} missing\n{all}", g.label);
    }
    // Edge labels fit from 60 columns on.
    if width >= 60 {
        for label in d.edges.iter().filter_map(|e| e.label.as_deref()) {
            assert!(all.contains(label), "{what}: edge label {label:?} missing\n{all}");
        }
    }
}

#[test]
fn every_drawing_is_sound_from_40_to_200_columns() {
    for d in diagrams() {
        for width in 40..=200 {
            check(&d, width, None);
        }
        for c in 0..d.components.len() {
            for width in [40, 60, 80, 120, 200] {
                check(&d, width, Some(c));
            }
        }
    }
}

#[test]
fn any_width_from_1_to_200_draws_without_panic_or_overlong_lines() {
    for d in diagrams() {
        let selections = std::iter::once(None).chain((0..d.components.len()).map(Some));
        for selected in selections {
            for width in 1..=200 {
                let drawn = draw(&d, width, selected);
                for line in &drawn.lines {
                    assert!(line_width(line) <= width, "{} at {width}: {:?}", d.id, line_text(line));
                }
                for p in &drawn.boxes {
                    assert!(p.x + p.width <= width, "{} at {width}: {p:?}", d.id);
                }
            }
        }
    }
    assert!(
        draw(&diagram("k8s-architecture"), 0, None)
            .lines
            .iter()
            .all(Vec::is_empty)
    );
}

#[test]
fn groups_go_side_by_side_when_wide_and_stack_when_narrow() {
    let d = diagram("k8s-architecture");
    let row_of = |drawn: &Drawn, id: &str| {
        let c = index(&d, id);
        drawn.boxes.iter().find(|p| p.component == c).map(|p| p.y)
    };
    let wide = draw(&d, 120, None);
    assert_eq!(
        row_of(&wide, "kubelet-1"),
        row_of(&wide, "kubelet-3"),
        "nodes side by side"
    );
    assert_eq!(
        row_of(&wide, "api-server"),
        row_of(&wide, "controller-manager"),
        "one row"
    );
    let narrow = draw(&d, 40, None);
    assert!(
        row_of(&narrow, "kubelet-1") < row_of(&narrow, "kubelet-2"),
        "nodes stacked"
    );
    // Stacked nodes are all still fed by the control plane (a rail down the side), even where the
    // control plane has to give up its 2 x 2 grid to make room for the rail.
    for width in [40, 50, 52] {
        let drawn = text(&draw(&d, width, None));
        assert_eq!(drawn.matches('◀').count(), 3, "\n{drawn}");
    }
}

#[test]
fn drawings_are_centred() {
    for d in diagrams() {
        for width in [60, 80, 120, 200] {
            let drawn = draw(&d, width, None);
            let g = grid(&drawn);
            let left = g.iter().filter_map(|r| r.iter().position(|c| *c != ' ')).min();
            let right = width - g.iter().map(Vec::len).max().unwrap_or(0);
            assert!(
                left.is_some_and(|left| left.abs_diff(right) <= 1),
                "{} at {width}: {left:?} columns left, {right} right\n{}",
                d.id,
                text(&drawn)
            );
        }
    }
}

fn role_of(drawn: &Drawn, needle: &str) -> Option<Style> {
    drawn
        .lines
        .iter()
        .flatten()
        .find(|s| s.text.contains(needle))
        .map(|s| s.style)
}

#[test]
fn control_plane_nodes_edges_and_the_selection_have_their_roles() {
    let d = diagram("k8s-architecture");
    let drawn = draw(&d, 120, Some(index(&d, "etcd")));
    let role = |needle: &str| role_of(&drawn, needle).map(|s| s.role);
    assert_eq!(role("Control Plane"), Some(Role::DiagramControl));
    assert_eq!(role("API Server"), Some(Role::DiagramControl));
    assert_eq!(role("Node 2"), Some(Role::DiagramNode));
    assert_eq!(role("kubelet"), Some(Role::DiagramNode));
    assert_eq!(role("▼"), Some(Role::DiagramEdge));
    let etcd = role_of(&drawn, "etcd").expect("etcd drawn");
    assert_eq!((etcd.role, etcd.bold), (Role::DiagramSelected, true));
    assert_eq!(role("┏"), Some(Role::DiagramSelected));
    let plain = draw(&diagram("security-stages"), 200, None);
    assert_eq!(role_of(&plain, "Falco").map(|s| s.role), Some(Role::Diagram));
}

#[test]
fn selection_and_kinds_stand_out_in_every_theme_and_without_colour() {
    use ratatui::style::Modifier;
    for name in k8s_course::theme::builtin_names() {
        let theme = k8s_course::theme::load(name, None).expect("built-in theme");
        let style = |t: &k8s_course::theme::Theme, role| t.content(&Style::role(role));
        assert_ne!(
            style(&theme, Role::DiagramControl).fg,
            style(&theme, Role::DiagramNode).fg,
            "{name}"
        );
        let selected = style(&theme, Role::DiagramSelected);
        assert!(
            selected.bg.is_some(),
            "{name}: the selection has a background of its own"
        );
        let mono = theme.monochrome();
        let selected = style(&mono, Role::DiagramSelected).add_modifier;
        assert!(selected.contains(Modifier::REVERSED | Modifier::BOLD), "{name}");
        assert_ne!(
            style(&mono, Role::DiagramControl),
            style(&mono, Role::DiagramNode),
            "{name}"
        );
    }
}

/// Diagrams the course doesn't have: edges going up and both ways, edges that can't be drawn,
/// rails on both sides, empty and broken parts.
fn odd_diagrams() -> Vec<Diagram> {
    let mut out = Vec::new();

    let mut d = empty("both-ways");
    let [a, b, c] = ["Alpha", "Beta", "감마 서비스"].map(|l| Item::Component(component(&mut d, l, l, None)));
    d.edges = vec![
        edge(c, a, Some("up")),
        edge(a, b, Some("there")),
        edge(b, a, Some("back")),
        edge(c, b, None),
    ];
    d.tiers = vec![vec![a, b], vec![c]];
    out.push(d);

    let mut d = empty("skips");
    let [a, b, c, e] = ["a", "b", "c", "e"].map(|l| Item::Component(component(&mut d, l, l, None)));
    d.edges = vec![
        edge(a, c, Some("over")),
        edge(a, e, Some("two tiers down")),
        edge(b, b, None),
    ];
    d.tiers = vec![
        vec![a, b, c],
        vec![],
        vec![Item::Group(7), Item::Component(99)],
        vec![e],
    ];
    out.push(d);

    let mut d = empty("rails");
    let top = Item::Component(component(&mut d, "top", "Top", None));
    let middle = [
        "첫 번째 긴 이름의 상자",
        "두 번째 긴 이름의 상자",
        "세 번째 긴 이름의 상자",
    ]
    .map(|l| Item::Component(component(&mut d, l, l, None)));
    let bottom = Item::Component(component(&mut d, "bottom", "Bottom", None));
    d.edges = vec![
        edge(top, middle[2], Some("down the right")),
        edge(middle[0], bottom, Some("down the left")),
        edge(middle[1], middle[2], None),
    ];
    d.tiers = vec![vec![top], middle.to_vec(), vec![bottom]];
    out.push(d);

    let mut d = empty("odd-groups");
    let g = group(&mut d, "g", "", Kind::Plain, Arrange::Row, &[]);
    let h = group(
        &mut d,
        "h",
        "A group label much wider than its parts",
        Kind::Node,
        Arrange::Row,
        &[("x", ""), ("y", "y")],
    );
    let lone = component(&mut d, "lone", "lone", Some(42));
    if let Item::Group(h) = h {
        d.groups[h].components.push(1000);
    }
    let inner = Item::Component(d.component("y").expect("y"));
    d.edges = vec![
        edge(g, h, None),
        edge(inner, h, None),
        edge(Item::Component(lone), inner, Some("in")),
    ];
    d.tiers = vec![vec![g, Item::Group(99)], vec![h, Item::Component(lone)]];
    out.push(d);

    out.push(empty("nothing"));
    out
}

#[test]
fn odd_diagrams_draw_soundly_or_cut_whole_lines() {
    for d in odd_diagrams() {
        for width in 1..=160 {
            for selected in [None, Some(0), Some(1)] {
                let drawn = draw(&d, width, selected);
                let what = format!("{} at {width}", d.id);
                for line in &drawn.lines {
                    assert!(line_width(line) <= width, "{what}: {:?}", line_text(line));
                }
                if drawn.lines.iter().all(|l| !line_text(l).ends_with('…')) {
                    let grid = grid(&drawn);
                    check_arms(&grid, &what);
                    for p in &drawn.boxes {
                        check_box(&grid, &d, p, &what);
                    }
                }
            }
        }
    }
}
