//! Other weeks of the course, with the variations real exports have: each must load, and the
//! loader must warn (with `path:line`) where something is odd.
//!
//! Fixtures live in `tests/fixtures/variants/<week>/` (one variation per lesson, so one loader
//! problem cannot hide another); `course.yaml` there lists them all. Every test copies what it
//! needs into a temporary folder, so tests can vary a file without touching the fixtures.
//! The scripts follow `course/week07-docker-kubernetes/script.txt` exactly, and their headers
//! agree with their segments (count, total, minutes and narration length).

use crate::support::copy_dir;
use std::fs;
use std::path::{Path, PathBuf};

use k8s_course::cli::Io;
use k8s_course::content::{
    AlignmentSource, Block, Course, CourseSource, Diagnostic, Inline, Lesson, LoadReport, Severity, Slide, SlideIndex,
    inline_text, load_course,
};
use tempfile::TempDir;

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/variants")
}

/// Copies lesson `name` into a fresh temporary folder (keeping the folder name, which becomes
/// the lesson id) and returns the folder and the lesson's path.
fn lesson_copy(name: &str) -> (TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join(name);
    copy_dir(&fixtures().join(name), &dir);
    (tmp, dir)
}

fn load(dir: &Path) -> LoadReport {
    load_course(&CourseSource::Dir(dir.to_path_buf()))
}

fn all(diags: &[Diagnostic]) -> String {
    diags.iter().map(|d| format!("  {d}\n")).collect::<String>()
}

/// Loads a lesson folder and insists it loaded (listing every diagnostic otherwise).
fn load_ok(dir: &Path) -> (Course, Vec<Diagnostic>) {
    let report = load(dir);
    match report.course {
        Some(course) => (course, report.diagnostics),
        None => panic!("{} did not load:\n{}", dir.display(), all(&report.diagnostics)),
    }
}

fn only_lesson(course: &Course) -> &Lesson {
    assert_eq!(course.lessons.len(), 1, "a lesson folder is a one-lesson course");
    &course.lessons[0]
}

/// 1-based number of the first line of `file` that contains `needle`.
fn line_of(file: &Path, needle: &str) -> usize {
    let text = fs::read_to_string(file).unwrap();
    text.lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} is not in {}", file.display()))
        + 1
}

/// The path as the loader shows it for a file of a lesson loaded from `dir`.
fn shown(dir: &Path, file: &str) -> String {
    dir.join(file).display().to_string()
}

/// Diagnostics about `file` (compared by its shown path).
fn about<'a>(diags: &'a [Diagnostic], path: &str) -> Vec<&'a Diagnostic> {
    diags.iter().filter(|d| d.path == path).collect()
}

/// The one warning at `path:line` whose message contains `words`; checks how it prints.
fn warning_at<'a>(diags: &'a [Diagnostic], path: &str, line: usize, words: &str) -> &'a Diagnostic {
    let found: Vec<&Diagnostic> = diags
        .iter()
        .filter(|d| d.path == path && d.line == Some(line) && d.message.contains(words))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "expected one warning containing {words:?} at {path}:{line}, diagnostics were:\n{}",
        all(diags)
    );
    let d = found[0];
    assert_eq!(d.severity, Severity::Warning, "{d}");
    let printed = d.to_string();
    assert!(
        printed.starts_with(&format!("{path}:{line}: warning: ")) && printed.contains(words),
        "a user reads {printed:?}"
    );
    d
}

fn no_errors(diags: &[Diagnostic]) {
    let errors: Vec<&Diagnostic> = diags.iter().filter(|d| d.is_error()).collect();
    assert!(errors.is_empty(), "errors:\n{}", all(diags));
}

fn slide<'a>(lesson: &'a Lesson, id: &str) -> &'a Slide {
    let index = lesson
        .resolve(id)
        .unwrap_or_else(|| panic!("no slide {id:?} in {}", lesson.id));
    lesson.slide(index).unwrap()
}

/// Every piece of text a slide shows (paragraphs, headings, lists, tables, quotes).
fn slide_texts(slide: &Slide) -> Vec<String> {
    fn walk(blocks: &[Block], out: &mut Vec<String>) {
        for block in blocks {
            match block {
                Block::Paragraph(i) | Block::Heading { text: i, .. } => out.push(inline_text(i)),
                Block::List(l) => l.items.iter().for_each(|item| walk(item, out)),
                Block::Quote(inner) => walk(inner, out),
                Block::Table(t) => t
                    .header
                    .iter()
                    .chain(t.rows.iter().flatten())
                    .for_each(|c| out.push(inline_text(c))),
                Block::Code(c) => out.push(c.text.clone()),
                Block::Diagram { text } => out.push(text.clone()),
                Block::Cover(_) | Block::Rule | Block::Figure(_) => {}
            }
        }
    }
    let mut out = vec![slide.title.clone()];
    walk(&slide.blocks, &mut out);
    out
}

fn paragraphs(slide: &Slide) -> Vec<String> {
    slide
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(i) => Some(inline_text(i)),
            _ => None,
        })
        .collect()
}

fn first_table(slide: &Slide) -> &k8s_course::content::Table {
    slide
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .unwrap_or_else(|| panic!("slide {} has no table", slide.display_title()))
}

/// Runs `k8s-course check` on `dir`: (succeeded, stdout, stderr).
fn check(dir: &Path) -> (bool, String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let ok = k8s_course::cli::check::run(
        &CourseSource::Dir(dir.to_path_buf()),
        &mut Io {
            out: &mut out,
            err: &mut err,
            stdout_is_tty: false,
        },
    )
    .unwrap();
    (ok, String::from_utf8(out).unwrap(), String::from_utf8(err).unwrap())
}

// ---------------------------------------------------------------------------------------------
// Posts
// ---------------------------------------------------------------------------------------------

/// `categories:` (a YAML list, a flow list or a space-separated string) instead of `category:`.
#[test]
fn categories_list_instead_of_category() {
    let (_tmp, dir) = lesson_copy("week01-aws-iam");
    let post = dir.join("post.md");
    let (course, diags) = load_ok(&dir);
    assert!(
        about(&diags, &shown(&dir, "post.md")).is_empty(),
        "a categories list is nothing odd:\n{}",
        all(&diags)
    );
    let lesson = only_lesson(&course);
    assert_eq!(lesson.front.categories, ["aws", "security"]);
    let cover = slide(lesson, "title")
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Cover(c) => Some(c),
            _ => None,
        })
        .expect("the title slide has a cover");
    assert_eq!(cover.categories, ["aws", "security"]);

    let original = fs::read_to_string(&post).unwrap();
    let block_list = "categories:\n  - aws\n  - security\n";
    assert!(original.contains(block_list));
    for (written, expected) in [
        ("categories: [aws, security]\n", vec!["aws", "security"]),
        ("categories: aws security\n", vec!["aws", "security"]),
        ("category: aws\n", vec!["aws"]),
    ] {
        fs::write(&post, original.replace(block_list, written)).unwrap();
        let (course, diags) = load_ok(&dir);
        assert!(diags.is_empty(), "{written:?}:\n{}", all(&diags));
        assert_eq!(
            only_lesson(&course).front.categories,
            expected,
            "front matter {written:?}"
        );
    }
}

/// `&amp;`, `&#39;`, `&quot;`, `&lt;`/`&gt;` and `&mdash;` in headings, paragraphs and tables.
#[test]
fn html_entities_in_the_body_are_decoded() {
    let (_tmp, dir) = lesson_copy("week02-vpc-network");
    let (course, diags) = load_ok(&dir);
    assert!(about(&diags, &shown(&dir, "post.md")).is_empty(), "{}", all(&diags));
    let lesson = only_lesson(&course);

    let subnets = slide(lesson, "1.1");
    assert_eq!(subnets.title, "서브넷 & 라우팅");
    assert_eq!(subnets.slug, "서브넷-라우팅");
    assert_eq!(lesson.resolve("서브넷-라우팅"), lesson.resolve("1.1"));
    assert!(
        paragraphs(subnets)
            .iter()
            .any(|p| p.contains("\"따옴표\"와 it's 같은 엔티티")),
        "{:?}",
        paragraphs(subnets)
    );

    let table = first_table(slide(lesson, "1.2"));
    assert_eq!(inline_text(&table.rows[2][2]), "허용 & 거부");

    let ports = slide(lesson, "2.1");
    assert_eq!(ports.title, "포트 범위 <1024>");
    assert_eq!(
        paragraphs(ports),
        ["1024 미만의 포트(<1024)는 잘 알려진 포트입니다 — SSH(22), HTTP(80), HTTPS(443)."]
    );

    // The cover's title comes from the front matter: see the next test.
    for (_, s) in lesson.slides().filter(|(_, s)| s.slug != "title") {
        for text in slide_texts(s) {
            for entity in ["&amp;", "&#39;", "&quot;", "&lt;", "&gt;", "&mdash;"] {
                assert!(
                    !text.contains(entity),
                    "slide {} still shows {entity}: {text:?}",
                    s.display_title()
                );
            }
        }
    }
}

/// The same export puts entities in the front matter's title and excerpt.
#[test]
fn html_entities_in_the_front_matter_are_decoded() {
    let (_tmp, dir) = lesson_copy("week02-vpc-network");
    let (course, _) = load_ok(&dir);
    let lesson = only_lesson(&course);
    let expected = "클라우드 시큐리티 과정 7기 - 2주차: VPC & 네트워크 보안";
    assert_eq!(lesson.front.title, expected);
    assert_eq!(lesson.title, expected);
    assert_eq!(course.title, expected);
    assert_eq!(slide(lesson, "title").title, expected);
    let cover = slide(lesson, "title")
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Cover(c) => Some(c),
            _ => None,
        })
        .unwrap();
    assert_eq!(cover.title, expected);
    assert_eq!(
        inline_text(&cover.excerpt),
        "VPC의 서브넷 & 라우팅, Security Group과 NACL의 차이를 정리합니다."
    );
}

/// `{% raw %}` / `{% endraw %}` around a GitHub Actions workflow (whose `${{ }}` they protect),
/// inline around a code span, and a stray `{{ page.title }}`.
#[test]
fn liquid_tags_are_removed_with_a_warning_at_their_line() {
    let (_tmp, dir) = lesson_copy("week03-github-actions");
    let post = dir.join("post.md");
    let path = shown(&dir, "post.md");
    let (course, diags) = load_ok(&dir);
    let lesson = only_lesson(&course);

    let raw_line = line_of(&post, "{% raw %}");
    let endraw_line = line_of(&post, "{% endraw %}");
    let inline_line = line_of(&post, "워크플로에서는 {% raw %}");
    let output_line = line_of(&post, "{{ page.title }}");
    assert_eq!((raw_line, endraw_line), (17, 33), "fixture layout");
    warning_at(&diags, &path, raw_line, "Liquid tag {% raw %} removed");
    warning_at(&diags, &path, endraw_line, "Liquid tag {% endraw %} removed");
    warning_at(&diags, &path, inline_line, "Liquid tag {% raw %} removed");
    warning_at(&diags, &path, inline_line, "Liquid tag {% endraw %} removed");
    warning_at(&diags, &path, output_line, "Liquid output tag");

    let workflow = slide(lesson, "1.1");
    let code = workflow.code_blocks();
    assert_eq!(code.len(), 1);
    assert_eq!(code[0].lang.as_deref(), Some("yaml"));
    assert_eq!(code[0].line, raw_line + 1, "the fence right after {{% raw %}}");
    assert!(code[0].text.starts_with("name: build\n"));
    assert!(code[0].text.contains("TOKEN: ${{ secrets.GITHUB_TOKEN }}"));
    assert!(!code[0].text.contains("{%"));

    let secrets = slide(lesson, "1.2");
    let Block::Paragraph(runs) = &secrets.blocks[0] else {
        panic!("{:?}", secrets.blocks[0]);
    };
    assert_eq!(
        inline_text(runs),
        "워크플로에서는 ${{ secrets.NAME }} 형태로 시크릿을 참조합니다."
    );
    assert!(
        runs.iter().any(|r| r.style.code && r.text == "${{ secrets.NAME }}"),
        "the code span survives: {runs:?}"
    );
    assert_eq!(
        paragraphs(secrets)[1],
        "이 글의 제목은 {{ page.title }} 입니다.",
        "output tags are shown as written"
    );
    for (_, s) in lesson.slides() {
        for text in slide_texts(s) {
            assert!(!text.contains("{%"), "{}: {text:?}", s.display_title());
        }
    }
}

/// Emoji before or after a heading's number, and on a heading with no number at all.
#[test]
fn emoji_in_headings_get_numbers_and_slugs() {
    let (_tmp, dir) = lesson_copy("week04-security-monitoring");
    let (course, diags) = load_ok(&dir);
    assert!(about(&diags, &shown(&dir, "post.md")).is_empty(), "{}", all(&diags));
    let lesson = only_lesson(&course);

    let logging = &lesson.chapters[1];
    assert_eq!(logging.number.as_deref(), Some("1"));
    assert_eq!(logging.title, "로깅과 모니터링");
    assert_eq!(logging.slug, "로깅과-모니터링");

    let trail = slide(lesson, "1.1");
    assert_eq!(trail.title, "CloudTrail");
    assert_eq!(trail.slug, "cloudtrail");
    assert_eq!(trail.display_title(), "1.1 CloudTrail");

    let guard = slide(lesson, "1.2");
    assert_eq!(guard.number.as_deref(), Some("1.2"));
    assert!(guard.title.ends_with("GuardDuty"), "{:?}", guard.title);
    assert_eq!(guard.slug, "guardduty");

    // A chapter with text right under its heading: the intro slide takes the chapter's number.
    let response = slide(lesson, "2");
    assert_eq!(response.title, "대응 자동화");
    assert_eq!(response.slug, "대응-자동화");

    // No number: the emoji stays in the title, the slug is the words.
    let checklist = slide(lesson, "체크리스트");
    assert_eq!(checklist.number, None);
    assert_eq!(checklist.title, "✅ 체크리스트");
    assert_eq!(checklist.id(), "체크리스트");

    let ids: Vec<String> = (0..lesson.slide_count()).map(|i| lesson.id_of(SlideIndex(i))).collect();
    assert_eq!(ids, ["title", "1.1", "1.2", "2", "체크리스트"]);
    for (_, s) in lesson.slides() {
        assert!(
            s.slug.chars().all(|c| c.is_alphanumeric() || c == '-') && !s.slug.is_empty(),
            "slug {:?} of {}",
            s.slug,
            s.display_title()
        );
    }
}

/// `<br>`, `<br/>`, `<br />` and `<BR>` inside table cells are line breaks.
#[test]
fn br_in_table_cells_is_a_line_break() {
    let (_tmp, dir) = lesson_copy("week05-kubernetes-rbac");
    let (course, diags) = load_ok(&dir);
    assert!(about(&diags, &shown(&dir, "post.md")).is_empty(), "{}", all(&diags));
    let lesson = only_lesson(&course);
    let table = first_table(slide(lesson, "1.1"));
    assert_eq!(table.header.len(), 3);
    assert_eq!(table.rows.len(), 4);
    let cells: Vec<String> = table.rows.iter().map(|r| inline_text(&r[2])).collect();
    assert_eq!(
        cells,
        [
            "네임스페이스 안의 권한 집합\n예: pods get, list",
            "클러스터 전체 권한\n노드, PV 등",
            "Role을 주체에 연결\nUser, Group, ServiceAccount",
            "ClusterRole을 주체에 연결\n클러스터 전체에 적용",
        ]
    );
    for row in &table.rows {
        for cell in row {
            assert!(!inline_text(cell).to_lowercase().contains("<br"), "{cell:?}");
        }
    }
    // The bold first column is untouched.
    assert!(table.rows[0][0].iter().all(|r: &Inline| r.style.bold));
}

/// A post and a script whose last line has no newline.
#[test]
fn files_without_a_trailing_newline_keep_their_last_line() {
    let (_tmp, dir) = lesson_copy("week06-container-runtime");
    let (post, script) = (dir.join("post.md"), dir.join("script.txt"));
    for file in [&post, &script] {
        // Make sure, whatever a checkout did to the fixture.
        let text = fs::read_to_string(file).unwrap();
        fs::write(file, text.trim_end()).unwrap();
    }
    let (course, diags) = load_ok(&dir);
    assert!(diags.is_empty(), "{}", all(&diags));
    let lesson = only_lesson(&course);

    let last_line = fs::read_to_string(&post).unwrap().lines().count();
    let (_, last) = lesson.slides().last().unwrap();
    assert_eq!(last.display_title(), "2 정리");
    assert_eq!(
        paragraphs(last),
        ["런타임 보안의 핵심은 이상 행위를 빠르게 탐지하는 것입니다."]
    );
    assert_eq!(*last.lines.end(), last_line);
    assert!(
        last.source
            .ends_with("런타임 보안의 핵심은 이상 행위를 빠르게 탐지하는 것입니다."),
        "{:?}",
        last.source
    );

    let script = lesson.script.as_ref().unwrap();
    assert_eq!(script.segments.len(), 3);
    let final_segment = script.segments.last().unwrap();
    assert_eq!(final_segment.preview, "감사합니다.");
    assert_eq!(final_segment.text, "감사합니다.");

    // A post that ends on a code fence's closing line.
    let text = fs::read_to_string(&post).unwrap();
    let cut = text.find("\n\n## 2. 정리").unwrap();
    fs::write(&post, &text[..cut]).unwrap();
    assert!(fs::read_to_string(&post).unwrap().ends_with("```"));
    let (course, diags) = load_ok(&dir);
    no_errors(&diags);
    let lesson = only_lesson(&course);
    let (_, last) = lesson.slides().last().unwrap();
    assert_eq!(last.display_title(), "1.2 seccomp 프로파일");
    let code = last.code_blocks();
    assert_eq!(code.len(), 1);
    assert_eq!(
        code[0].text,
        "securityContext:\n  seccompProfile:\n    type: RuntimeDefault"
    );
}

// ---------------------------------------------------------------------------------------------
// Scripts
// ---------------------------------------------------------------------------------------------

/// The narration opens with the exporter's chatter, not lecture.
#[test]
fn script_preamble_is_flagged_and_belongs_to_no_segment() {
    let (_tmp, dir) = lesson_copy("week08-serverless-security");
    let file = dir.join("script.txt");
    let path = shown(&dir, "script.txt");
    let (course, diags) = load_ok(&dir);
    let preamble = line_of(&file, "네, 원본 포스트를 바탕으로");
    assert_eq!(preamble, 11, "fixture layout: the first line after the banner");
    warning_at(
        &diags,
        &path,
        preamble,
        "2 line(s) of the narration come before segment 1 and belong to no segment",
    );
    assert_eq!(
        about(&diags, &path).len(),
        1,
        "only the preamble is odd:\n{}",
        all(&diags)
    );

    let script = only_lesson(&course).script.as_ref().unwrap();
    let first = &script.segments[0];
    assert_eq!(first.paragraph, Some(2));
    assert_eq!(
        first.text,
        "안녕하세요, 8주차 강의에 오신 것을 환영합니다. 오늘은 서버리스 보안, 특히 AWS Lambda를 안전하게 운영하는 방법을 알아보겠습니다."
    );
    for seg in &script.segments {
        assert!(!seg.text.contains("원본 포스트"), "segment {}", seg.number);
        assert!(!seg.text.contains("강의 대본"), "segment {}", seg.number);
    }
}

/// Whole lines in parentheses are directions for the speaker: flagged, never timed.
#[test]
fn stage_directions_are_flagged_and_kept_out_of_segments() {
    let (_tmp, dir) = lesson_copy("week09-waf-ddos");
    let file = dir.join("script.txt");
    let path = shown(&dir, "script.txt");
    let (course, diags) = load_ok(&dir);
    let pause = line_of(&file, "(잠시 멈춤)");
    let switch = line_of(&file, "(슬라이드 전환: 관리형 규칙 그룹)");
    for line in [pause, switch] {
        warning_at(&diags, &path, line, "stage direction");
    }
    assert_eq!(about(&diags, &path).len(), 2, "{}", all(&diags));

    let script = only_lesson(&course).script.as_ref().unwrap();
    let directions: Vec<(&str, usize)> = script
        .paragraphs
        .iter()
        .filter(|p| p.stage_direction)
        .map(|p| (p.text.as_str(), p.line))
        .collect();
    assert_eq!(
        directions,
        [("(잠시 멈춤)", pause), ("(슬라이드 전환: 관리형 규칙 그룹)", switch)]
    );
    assert_eq!(script.segments.len(), 4);
    assert_eq!(
        script.segments[0].text,
        "안녕하세요, 9주차에서는 웹 애플리케이션 방화벽, WAF와 DDoS 대응을 다룹니다."
    );
    assert!(script.segments[1].text.starts_with("AWS WAF는"));
    assert!(!script.segments[1].text.contains('\n'), "{:?}", script.segments[1].text);
    for seg in &script.segments {
        assert!(
            !seg.text.contains("잠시 멈춤") && !seg.text.contains("슬라이드 전환"),
            "segment {}: {:?}",
            seg.number,
            seg.text
        );
    }
}

/// `---` lines between (and right under) narration paragraphs are separators, not narration.
#[test]
fn rule_lines_in_the_narration_are_ignored() {
    let (_tmp, dir) = lesson_copy("week10-secrets-management");
    let file = dir.join("script.txt");
    let (course, diags) = load_ok(&dir);
    assert!(
        about(&diags, &shown(&dir, "script.txt")).is_empty(),
        "nothing odd about separators (the header's length counts them):\n{}",
        all(&diags)
    );
    let text = fs::read_to_string(&file).unwrap();
    assert_eq!(text.lines().filter(|l| *l == "---").count(), 3);

    let script = only_lesson(&course).script.as_ref().unwrap();
    assert!(script.paragraphs.iter().all(|p| p.text != "---"));
    let texts: Vec<&str> = script.segments.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "안녕하세요, 10주차에서는 시크릿 관리를 다룹니다.",
            "소스 코드에 하드코딩된 키는 저장소 기록에 영원히 남습니다. gitleaks 같은 도구로 커밋 전에 검사하는 습관을 들이세요.",
            "AWS Secrets Manager는 시크릿을 암호화해서 저장하고, 주기적인 자동 교체를 지원합니다.",
            "HashiCorp Vault는 동적 시크릿을 발급해서, 수명이 짧은 자격 증명을 쓸 수 있게 해 줍니다. 감사합니다.",
        ]
    );
}

/// A segment whose paragraph is two lines: its preview spans both (whole, or cut with `...`).
#[test]
fn segment_spanning_two_lines_joins_both() {
    let (_tmp, dir) = lesson_copy("week11-kms-encryption");
    let file = dir.join("script.txt");
    let (course, diags) = load_ok(&dir);
    assert!(diags.is_empty(), "{}", all(&diags));
    let script = only_lesson(&course).script.as_ref().unwrap();
    assert_eq!(script.segments.len(), 3);

    let [greeting, envelope, policy] = &script.segments[..] else {
        unreachable!()
    };
    let greeting_text = "안녕하세요, 11주차 강의입니다.\n오늘은 AWS KMS를 이용한 데이터 암호화를 다룹니다.";
    assert_eq!(greeting.preview, greeting_text, "a short preview, both lines");
    assert_eq!(greeting.text, greeting_text);
    assert_eq!(inline_text(&greeting.inlines), greeting_text);
    assert!(greeting.inlines.iter().any(|i| i.text.contains('\n')));

    assert!(
        envelope.preview.contains('\n') && envelope.preview.ends_with("..."),
        "a preview cut in its second line: {:?}",
        envelope.preview
    );
    assert_eq!(
        envelope.text,
        "KMS의 핵심은 봉투 암호화입니다. 데이터는 데이터 키로 암호화하고, 데이터 키는 다시 KMS 키로 암호화합니다.\n\
         이렇게 하면 큰 데이터도 빠르게 암호화하면서, 키 관리와 감사는 KMS에 맡길 수 있습니다."
    );
    assert_eq!(envelope.line, line_of(&file, "[구간 2]"), "the segment's own line");
    assert_eq!(
        policy.text,
        "키 사용 권한은 키 정책과 IAM 정책이 함께 결정합니다. 두 정책을 같이 설계하세요. 감사합니다."
    );
}

/// A post and script that match only loosely, and no lesson.yaml: aligned automatically.
#[test]
fn loosely_matching_script_is_aligned_automatically() {
    let (_tmp, dir) = lesson_copy("week12-eks-security");
    assert!(!dir.join("lesson.yaml").exists());
    let (course, diags) = load_ok(&dir);
    assert!(diags.is_empty(), "{}", all(&diags));
    let lesson = only_lesson(&course);
    let script = lesson.script.as_ref().unwrap();
    assert_eq!(lesson.alignment_source, AlignmentSource::Automatic);
    assert_eq!(lesson.alignment.len(), script.segments.len());
    assert_eq!(lesson.alignment.len(), 7);
    assert!(
        lesson.alignment.iter().all(|s| s.0 < lesson.slide_count()),
        "{:?}",
        lesson.alignment
    );
    assert!(
        lesson.alignment.windows(2).all(|w| w[0] <= w[1]),
        "slides in order: {:?}",
        lesson.alignment
    );
    assert_eq!(lesson.alignment[0], SlideIndex(0), "the greeting is on the cover");
    assert_eq!(
        lesson.alignment[6],
        SlideIndex(lesson.slide_count() - 1),
        "the thanks are on the last slide"
    );
    let covered: usize = (0..lesson.slide_count())
        .map(|i| lesson.segments_of(SlideIndex(i)).len())
        .sum();
    assert_eq!(covered, 7, "every segment is on exactly one slide");

    let (ok, out, err) = check(&dir);
    assert!(ok, "{err}");
    assert!(
        out.contains("week12-eks-security: no narration map in lesson.yaml, segments aligned automatically:"),
        "{out}"
    );
    assert_eq!(out.matches("  segment ").count(), 7, "{out}");
}

/// The segment that explains IRSA shares no exact term with the IRSA slide's title
/// (`IRSA로` there, `IRSA를` here), but it is the only slide about IRSA.
#[test]
fn loosely_matching_segment_lands_on_the_slide_it_explains() {
    let (_tmp, dir) = lesson_copy("week12-eks-security");
    let (course, _) = load_ok(&dir);
    let lesson = only_lesson(&course);
    let script = lesson.script.as_ref().unwrap();
    let irsa = script.segments.iter().position(|s| s.text.contains("IRSA")).unwrap();
    assert_eq!(
        lesson.id_of(lesson.alignment[irsa]),
        "1.2",
        "segment {} -> {}",
        irsa + 1,
        lesson.slide(lesson.alignment[irsa]).unwrap().display_title()
    );
}

// ---------------------------------------------------------------------------------------------
// All weeks together
// ---------------------------------------------------------------------------------------------

/// Every variation in one course folder: it loads, and `check` lists each oddity as
/// `path:line: warning: ...` and still says ok.
#[test]
fn all_weeks_load_as_one_course_and_check_warns_where_odd() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("variants");
    copy_dir(&fixtures(), &root);
    let report = load(&root);
    no_errors(&report.diagnostics);
    let course = report.course.expect("the course loads");
    let ids: Vec<&str> = course.lessons.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "week01-aws-iam",
            "week02-vpc-network",
            "week03-github-actions",
            "week04-security-monitoring",
            "week05-kubernetes-rbac",
            "week06-container-runtime",
            "week08-serverless-security",
            "week09-waf-ddos",
            "week10-secrets-management",
            "week11-kms-encryption",
            "week12-eks-security",
        ]
    );
    assert!(course.lessons.iter().all(|l| l.script.is_some()));

    let at = |lesson: &str, file: &str, needle: &str| {
        let path = root.join(lesson).join(file);
        format!("{}:{}: warning: ", path.display(), line_of(&path, needle))
    };
    let expected = [
        at("week03-github-actions", "post.md", "{% raw %}") + "Liquid tag {% raw %} removed",
        at("week03-github-actions", "post.md", "{% endraw %}") + "Liquid tag {% endraw %} removed",
        at("week03-github-actions", "post.md", "{{ page.title }}") + "Liquid output tag {{ ... }} shown as written",
        at("week08-serverless-security", "script.txt", "네, 원본 포스트")
            + "2 line(s) of the narration come before segment 1 and belong to no segment",
        at("week09-waf-ddos", "script.txt", "(잠시 멈춤)") + "stage direction: shown in the narration, never timed",
        at("week09-waf-ddos", "script.txt", "(슬라이드 전환") + "stage direction: shown in the narration, never timed",
    ];
    let (ok, out, err) = check(&root);
    assert!(ok, "check fails:\n{err}");
    for line in &expected {
        assert!(
            err.lines().any(|l| l == line),
            "check does not print {line:?}; it printed:\n{err}"
        );
    }
    let warnings = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .count();
    assert_eq!(err.lines().count(), warnings, "{err}");
    assert!(err.lines().all(|l| l.contains(": warning: ")), "{err}");
    assert!(out.contains(&format!("ok: 0 errors, {warnings} warning")), "{out}");
    assert!(out.contains("  lessons    11"), "{out}");
}
