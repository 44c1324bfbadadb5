//! The built-in week-7 course, as a learner gets it.

use k8s_course::content::{Block, Course, CourseSource, Lesson, SlideIndex, inline_text, load_course};

fn course() -> Course {
    let report = load_course(&CourseSource::BuiltIn);
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
    report.course.expect("the built-in course loads")
}

fn lesson() -> Lesson {
    course().lessons.remove(0)
}

fn slide<'a>(lesson: &'a Lesson, id: &str) -> &'a k8s_course::content::Slide {
    lesson
        .slide(lesson.resolve(id).unwrap_or_else(|| panic!("no slide {id}")))
        .unwrap()
}

#[test]
fn chapters_and_slides() {
    let course = course();
    assert_eq!(course.id, "cloud-security-7");
    assert_eq!(course.lessons.len(), 1);
    let lesson = &course.lessons[0];
    let chapters: Vec<String> = lesson.chapters.iter().map(|c| c.display_title()).collect();
    assert_eq!(
        chapters,
        [
            "소개",
            "1. Docker 기초 이해",
            "2. Kubernetes 핵심 개념",
            "3. 컨테이너 보안 Best Practices",
            "4. 실습 환경 구성",
            "5. 마무리"
        ]
    );
    let ids: Vec<String> = lesson.slides().map(|(_, s)| s.id()).collect();
    assert_eq!(
        ids,
        [
            "title", "1.1", "1.2", "1.3", "2.1", "2.2.1", "2.2.2", "2.2.3", "3.1", "3.2", "3.3", "4.1", "4.2", "5"
        ]
    );
    assert_eq!(lesson.slide_count(), 14);
}

#[test]
fn pod_deployment_service_are_one_slide_each() {
    let lesson = lesson();
    for (id, title) in [("2.2.1", "Pod"), ("2.2.2", "Deployment"), ("2.2.3", "Service")] {
        let s = slide(&lesson, id);
        assert_eq!(s.title, title);
        assert_eq!(s.section.as_deref(), Some("2.2 주요 Kubernetes 리소스"));
        assert_eq!(s.code_blocks().len(), 1);
    }
    // The empty 2.2 section leads to its first resource; aliases and slugs work too.
    assert_eq!(lesson.id_of(lesson.resolve("2.2").unwrap()), "2.2.1");
    for (name, id) in [
        ("pod", "2.2.1"),
        ("deploy", "2.2.2"),
        ("svc", "2.2.3"),
        ("netpol", "3.3"),
        ("arch", "2.1"),
    ] {
        assert_eq!(lesson.id_of(lesson.resolve(name).unwrap()), id, "alias {name}");
    }
    assert_eq!(lesson.id_of(lesson.resolve("deployment").unwrap()), "2.2.2");
    assert_eq!(
        lesson.id_of(lesson.resolve("3").unwrap()),
        "3.1",
        "a chapter number opens its first slide"
    );
}

#[test]
fn code_blocks_and_languages() {
    let lesson = lesson();
    let blocks: Vec<(String, String)> = lesson
        .slides()
        .flat_map(|(_, s)| {
            s.code_blocks()
                .into_iter()
                .map(move |c| (s.id(), c.lang.clone().unwrap_or_default()))
        })
        .collect();
    let expected = [
        ("1.3", "bash"),
        ("2.2.1", "yaml"),
        ("2.2.2", "yaml"),
        ("2.2.3", "yaml"),
        ("3.1", "bash"),
        ("3.2", "yaml"),
        ("3.3", "yaml"),
        ("4.1", "bash"),
        ("4.2", "bash"),
    ];
    let expected: Vec<(String, String)> = expected.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
    assert_eq!(blocks, expected);
    // 3.1's trivy block sits inside the ordered list, indented as the list item requires.
    let trivy = slide(&lesson, "3.1").code_blocks()[0].text.clone();
    assert_eq!(trivy, "# Trivy를 사용한 이미지 스캔\ntrivy image nginx:latest");
}

#[test]
fn the_diagram_is_a_diagram_with_closed_boxes() {
    let lesson = lesson();
    let s = slide(&lesson, "2.1");
    // The player draws the diagram from lesson.yaml in place of the drawing...
    assert!(
        s.blocks.iter().any(|b| matches!(b, Block::Figure(_))),
        "2.1 shows the diagram"
    );
    // ...and the post's own drawing, repaired, stays in the source.
    let text = s
        .source
        .split("```")
        .nth(1)
        .map(|t| t.trim_start_matches('\n').to_string())
        .expect("2.1's source holds the drawing");
    for label in [
        "Control Plane",
        "API Server",
        "etcd",
        "Scheduler",
        "Controller Manager",
        "Node 3",
        "kubelet",
        "Pods",
    ] {
        assert!(text.contains(label), "{label}");
    }
    let grid: Vec<Vec<char>> = text.lines().map(|l| l.chars().collect()).collect();
    let at = |r: usize, c: usize| grid.get(r).and_then(|l| l.get(c)).copied().unwrap_or(' ');
    let mut boxes = 0;
    for (r, row) in grid.iter().enumerate() {
        for (c, &ch) in row.iter().enumerate() {
            if ch != '┌' || at(r + 1, c) != '│' {
                continue; // a connector's corner, not a box
            }
            boxes += 1;
            let right = (c + 1..row.len()).find(|&x| row[x] == '┐').expect("top edge closes");
            assert!((c + 1..right).all(|x| row[x] == '─'), "top edge of box at {r}:{c}");
            let bottom = (r + 1..grid.len())
                .find(|&y| at(y, c) == '└')
                .expect("left edge closes");
            assert_eq!(at(bottom, right), '┘', "box at {r}:{c}");
            assert!(
                (r + 1..bottom).all(|y| at(y, c) == '│' && at(y, right) == '│'),
                "sides of box at {r}:{c}"
            );
            assert!(
                (c + 1..right).all(|x| at(bottom, x) == '─'),
                "bottom edge of box at {r}:{c}"
            );
        }
    }
    assert_eq!(boxes, 14, "control plane, 4 components, 3 nodes with 2 boxes each");
}

#[test]
fn concept_table_has_four_rows() {
    let lesson = lesson();
    let table = slide(&lesson, "1.2")
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Table(t) => Some(t.clone()),
            _ => None,
        })
        .expect("1.2 holds the concept table");
    let header: Vec<String> = table.header.iter().map(|c| inline_text(c)).collect();
    assert_eq!(header, ["개념", "설명"]);
    let rows: Vec<(String, String)> = table
        .rows
        .iter()
        .map(|r| (inline_text(&r[0]), inline_text(&r[1])))
        .collect();
    assert_eq!(rows.len(), 4);
    assert_eq!(
        rows[0],
        (
            "Image".into(),
            "컨테이너 실행에 필요한 파일과 설정을 포함한 템플릿".into()
        )
    );
    assert_eq!(rows[3].0, "Registry");
    assert!(table.rows[0][0][0].style.bold, "the concept names are bold");
}

#[test]
fn k9s_shortcut_list() {
    let lesson = lesson();
    let s = slide(&lesson, "k9s");
    let list = s
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::List(l) => Some(l.clone()),
            _ => None,
        })
        .expect("4.2 holds the shortcut list");
    let items: Vec<String> = list
        .items
        .iter()
        .map(|item| match &item[0] {
            Block::Paragraph(i) => inline_text(i),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        items,
        [
            ":pod - Pod 목록 보기",
            ":deploy - Deployment 목록 보기",
            ":svc - Service 목록 보기",
            "l - 로그 보기",
            "s - Shell 접속",
            "d - Describe 보기"
        ]
    );
}

#[test]
fn title_slide_from_front_matter_and_card() {
    let lesson = lesson();
    assert_eq!(
        lesson.title,
        "클라우드 시큐리티 과정 7기 - 7주차: Docker 및 Kubernetes 이해"
    );
    let date = lesson.front.date.unwrap();
    assert_eq!(
        (date.year, date.month, date.day, date.offset_minutes),
        (2025, 5, 30, 540)
    );
    assert_eq!(lesson.front.categories, ["kubernetes"]);
    assert_eq!(
        lesson.front.tags,
        [
            "Docker",
            "Kubernetes",
            "Container",
            "K8s",
            "Cloud-Security",
            "DevSecOps"
        ]
    );
    assert_eq!(
        lesson.front.original_url.as_deref(),
        Some("https://twodragon.tistory.com/686")
    );
    let card = lesson.card.as_ref().unwrap();
    assert_eq!(card.category.as_deref(), Some("Kubernetes"));
    assert_eq!(card.tags.len(), 6);
    assert_eq!(card.highlights.len(), 3);
    assert_eq!(card.tools, ["Docker", "Kubernetes", "Minikube", "K9s", "Trivy"]);
    assert_eq!(
        card.audience,
        ["클라우드 보안 전문가", "DevOps 엔지니어", "보안 담당자"]
    );
    let title = slide(&lesson, "title");
    assert!(matches!(title.blocks[0], Block::Cover(_)));
}

#[test]
fn segments_are_contiguous_and_all_mapped() {
    let lesson = lesson();
    let script = lesson.script.as_ref().unwrap();
    assert_eq!(script.segments.len(), 24);
    assert_eq!(script.header.segment_count, Some(24));
    assert_eq!(script.segments[0].start.0, 0);
    for pair in script.segments.windows(2) {
        assert_eq!(
            pair[0].end(),
            pair[1].start,
            "segment {} ends where {} starts",
            pair[0].number,
            pair[1].number
        );
    }
    assert_eq!(script.total().0, 721_800);
    assert_eq!(lesson.alignment.len(), 24);
    assert!(
        lesson.alignment.windows(2).all(|w| w[0] <= w[1]),
        "narration moves forward"
    );
    // Each segment holds its whole paragraph; the preview is its first 100 characters.
    for seg in &script.segments {
        let preview = seg.preview.trim_end_matches("...");
        assert!(seg.text.starts_with(preview), "segment {}", seg.number);
        if seg.text.chars().count() > 100 {
            assert_eq!(preview.chars().count(), 100, "segment {}", seg.number);
        }
    }
    let s12 = &script.segments[11];
    assert!(s12.text.starts_with("**컨트롤 플레인**은 클러스터 전체를"));
    assert!(script.segments[20].text.contains("컨테이너의 실행 자체를"));
    let on = |id: &str| {
        lesson
            .segments_of(lesson.resolve(id).unwrap())
            .iter()
            .map(|i| i + 1)
            .collect::<Vec<_>>()
    };
    assert_eq!(on("title"), [1, 2, 3]);
    assert_eq!(on("arch"), [10, 11, 12, 13]);
    assert_eq!(on("pod"), [14, 15]);
    assert_eq!(on("5"), [23, 24]);
    assert_eq!(lesson.narration_of(SlideIndex(0)).0, 108_600);
}

#[test]
fn yaml_blocks_are_the_intended_manifests() {
    use serde_yaml::Value;
    let lesson = lesson();
    let manifest = |id: &str| -> Value {
        serde_yaml::from_str(&slide(&lesson, id).code_blocks()[0].text).unwrap_or_else(|e| panic!("{id}: {e}"))
    };
    let get = |v: &Value, path: &str| -> Value {
        path.split('.').fold(v.clone(), |v, k| match k.parse::<usize>() {
            Ok(i) => v[i].clone(),
            Err(_) => v[k].clone(),
        })
    };
    let s = |x: &str| Value::String(x.into());
    let pod = manifest("pod");
    assert_eq!(get(&pod, "kind"), s("Pod"));
    assert_eq!(get(&pod, "spec.containers.0.image"), s("nginx:1.21"));
    assert_eq!(get(&pod, "spec.containers.0.ports.0.containerPort"), Value::from(80));
    let deploy = manifest("deploy");
    assert_eq!(get(&deploy, "spec.replicas"), Value::from(3));
    assert_eq!(get(&deploy, "spec.selector.matchLabels.app"), s("nginx"));
    assert_eq!(get(&deploy, "spec.template.metadata.labels.app"), s("nginx"));
    assert_eq!(get(&deploy, "spec.template.spec.containers.0.image"), s("nginx:1.21"));
    let svc = manifest("svc");
    assert_eq!(get(&svc, "spec.type"), s("LoadBalancer"));
    assert_eq!(get(&svc, "spec.selector.app"), s("nginx"));
    assert_eq!(get(&svc, "spec.ports.0.targetPort"), Value::from(80));
    let secure = manifest("3.2");
    assert_eq!(get(&secure, "spec.securityContext.runAsNonRoot"), Value::Bool(true));
    assert_eq!(
        get(&secure, "spec.containers.0.securityContext.capabilities.drop"),
        Value::Sequence(vec![s("ALL")])
    );
    assert_eq!(
        get(&secure, "spec.containers.0.securityContext.readOnlyRootFilesystem"),
        Value::Bool(true)
    );
    let netpol = manifest("netpol");
    assert_eq!(get(&netpol, "kind"), s("NetworkPolicy"));
    assert_eq!(get(&netpol, "spec.podSelector"), Value::Mapping(Default::default()));
    assert_eq!(get(&netpol, "spec.policyTypes"), Value::Sequence(vec![s("Ingress")]));
}

/// The repaired post's prose is the published post's, line for line; only code indentation differs.
#[test]
fn prose_matches_the_published_post() {
    let published = include_str!("../fixtures/seeds/week7-post.as-published.md");
    let repaired = include_str!("../../course/week07-docker-kubernetes/post.md");
    let prose = |text: &str| -> Vec<String> {
        let mut in_code = false;
        let mut out = Vec::new();
        for line in text.lines() {
            if line.trim_start().starts_with("```") {
                in_code = !in_code;
                continue;
            }
            if !in_code {
                out.push(line.trim_start().to_string());
            }
        }
        out
    };
    assert_eq!(prose(repaired), prose(published));
    assert_eq!(repaired.lines().count(), published.lines().count());
}

#[test]
fn without_lesson_yaml_the_alignment_is_automatic() {
    let dir = tempfile::tempdir().unwrap();
    for f in ["post.md", "script.txt"] {
        std::fs::copy(format!("course/week07-docker-kubernetes/{f}"), dir.path().join(f)).unwrap();
    }
    let report = load_course(&CourseSource::Dir(dir.path().to_path_buf()));
    let course = report.course.unwrap_or_else(|| panic!("{:?}", report.diagnostics));
    let auto = &course.lessons[0];
    assert_eq!(auto.alignment_source, k8s_course::content::AlignmentSource::Automatic);
    assert_eq!(auto.alignment.len(), 24);
    assert!(auto.alignment.windows(2).all(|w| w[0] <= w[1]));
    let hand = lesson();
    let agree = hand
        .alignment
        .iter()
        .zip(&auto.alignment)
        .filter(|(a, b)| a == b)
        .count();
    assert!(
        agree >= 16,
        "automatic alignment agrees with the author's on {agree} of 24 segments"
    );
    assert_eq!(
        auto.id_of(auto.alignment[0]),
        "title",
        "the greeting goes with the title slide"
    );
    assert_eq!(auto.id_of(auto.alignment[23]), "5", "the thanks go with the last slide");
}
