//! What a finding says, in the course's language: Korean for this course, English with `--lang en`.
//! Findings carry a `Message` (data), and the words are chosen only when it is printed.

use std::fmt;

/// The language findings are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Ko,
    En,
}

impl Lang {
    /// `ko`, `en` (and `ko-KR`, `en_US`...); anything else is not a language we write.
    pub fn parse(s: &str) -> Option<Lang> {
        let lower = s.to_ascii_lowercase();
        if lower.starts_with("ko") {
            Some(Lang::Ko)
        } else if lower.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }
}

/// How bad a finding is: errors make `validate` exit 1, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// A security finding, in the spirit of the lesson's section 3.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Security {
    Privileged,
    RunAsNonRootMissing,
    NoLimits,
    LatestTag(String),
    HostPath,
    CapabilitiesNotDropped,
}

/// What is wrong, as data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    NotYaml(String),
    NotMapping(&'static str),
    Refused(String),
    Binary,
    TooBig {
        bytes: u64,
        max: usize,
    },
    MissingHeader(&'static str),
    Empty,
    UnknownKind {
        kind: String,
        suggestion: Option<String>,
    },
    RemovedApiVersion {
        api_version: String,
        kind: String,
        release: String,
        replacement: String,
    },
    WrongApiVersion {
        api_version: String,
        kind: String,
        expected: String,
    },
    UnknownField {
        field: String,
        on: String,
        suggestion: Option<String>,
    },
    WrongType {
        expected: String,
        found: &'static str,
        hint: String,
    },
    Yaml11Bool {
        value: String,
    },
    Yaml11String {
        value: String,
    },
    BadEnum {
        value: String,
        allowed: Vec<String>,
        suggestion: Option<String>,
        hint: String,
    },
    MissingRequired {
        field: String,
        hint: String,
    },
    PortRange {
        value: String,
    },
    BadQuantity {
        value: String,
    },
    SelectorMismatch {
        key: String,
        value: String,
        labels: String,
    },
    ServiceSelectsNothing {
        selector: String,
    },
    TargetPortMismatch {
        target: String,
        ports: String,
    },
    Security(Security),
}

/// The first sentence of a schema description, for a hint after a message.
pub fn first_sentence(description: &str) -> String {
    let end = description.find(". ").map_or(description.len(), |i| i + 1);
    let s = &description[..end];
    // Descriptions are generated data, but still bound what we print.
    crate::text::truncate_to(&crate::text::clean_line(s), 160)
}

impl Message {
    /// The message in `lang`, one line (Korean particles after values resolved).
    pub fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::Ko => crate::i18n::josa::resolve(&self.written(lang)),
            Lang::En => self.written(lang),
        }
    }

    /// The message as written, Korean particles after values in both forms (`을(를)`).
    fn written(&self, lang: Lang) -> String {
        let ko = lang == Lang::Ko;
        let mean = |s: &Option<String>| match (s, ko) {
            (Some(s), true) => format!(" ('{s}'을(를) 뜻했나요?)"),
            (Some(s), false) => format!(" (did you mean '{s}'?)"),
            (None, _) => String::new(),
        };
        let hint = |h: &str| {
            if h.is_empty() {
                String::new()
            } else {
                format!(" — {h}")
            }
        };
        match self {
            Message::NotYaml(e) if ko => format!("YAML이 아닙니다: {e}"),
            Message::NotYaml(e) => format!("not YAML: {e}"),
            Message::NotMapping(found) if ko => {
                format!("Kubernetes 매니페스트는 매핑(key: value)이어야 하는데 {found}입니다")
            }
            Message::NotMapping(found) => format!("a Kubernetes manifest is a mapping (key: value), this is {found}"),
            Message::Refused(why) if ko => format!("읽지 않았습니다: {why}"),
            Message::Refused(why) => format!("refused: {why}"),
            Message::Binary if ko => "이진 데이터입니다. YAML 텍스트 파일을 주세요".into(),
            Message::Binary => "binary data, not a YAML text file".into(),
            Message::TooBig { bytes, max } if ko => {
                format!(
                    "파일이 {bytes}바이트로 한도 {}KB를 넘습니다. 매니페스트를 나누세요",
                    max / 1024
                )
            }
            Message::TooBig { bytes, max } => {
                format!(
                    "file is {bytes} bytes, more than the {} KB allowed: split the manifest",
                    max / 1024
                )
            }
            Message::Empty if ko => "매니페스트가 비어 있습니다 (주석뿐이거나 빈 파일)".into(),
            Message::Empty => "no manifest: the file is empty or only comments".into(),
            Message::MissingHeader(field) if ko => format!("'{field}' 필드가 없습니다. 모든 매니페스트에 필요합니다"),
            Message::MissingHeader(field) => format!("'{field}' is missing: every manifest needs it"),
            Message::UnknownKind { kind, suggestion } if ko => format!(
                "알 수 없는 kind '{kind}'{}: apiVersion, kind, metadata만 검사했습니다",
                mean(suggestion)
            ),
            Message::UnknownKind { kind, suggestion } => format!(
                "unknown kind '{kind}'{}: only apiVersion, kind and metadata were checked",
                mean(suggestion)
            ),
            Message::RemovedApiVersion {
                api_version,
                kind,
                release,
                replacement,
            } if ko => format!(
                "{kind}의 apiVersion '{api_version}'은(는) Kubernetes {release}에서 제거되었습니다. '{replacement}'을(를) 쓰세요"
            ),
            Message::RemovedApiVersion {
                api_version,
                kind,
                release,
                replacement,
            } => format!(
                "apiVersion '{api_version}' for {kind} was removed in Kubernetes {release}: use '{replacement}'"
            ),
            Message::WrongApiVersion {
                api_version,
                kind,
                expected,
            } if ko => {
                format!("{kind}에 알 수 없는 apiVersion '{api_version}'입니다. '{expected}'을(를) 쓰세요")
            }
            Message::WrongApiVersion {
                api_version,
                kind,
                expected,
            } => {
                format!("unknown apiVersion '{api_version}' for {kind}: use '{expected}'")
            }
            Message::UnknownField { field, on, suggestion } if ko => {
                format!("알 수 없는 필드 '{field}' ({on}에 없음){}", mean(suggestion))
            }
            Message::UnknownField { field, on, suggestion } => {
                format!("unknown field '{field}' (not in {on}){}", mean(suggestion))
            }
            Message::WrongType {
                expected,
                found,
                hint: h,
            } if ko => {
                format!("타입이 틀렸습니다: {expected}이어야 하는데 {found}입니다{}", hint(h))
            }
            Message::WrongType {
                expected,
                found,
                hint: h,
            } => {
                format!("wrong type: expected {expected}, found {found}{}", hint(h))
            }
            Message::Yaml11Bool { value } if ko => format!(
                "'{value}'은(는) YAML 1.1(kubectl)에서는 불리언, YAML 1.2에서는 문자열입니다. true 또는 false로 쓰세요"
            ),
            Message::Yaml11Bool { value } => {
                format!("'{value}' is a boolean to YAML 1.1 (kubectl) and a string to YAML 1.2: write true or false")
            }
            Message::Yaml11String { value } if ko => format!(
                "'{value}'은(는) YAML 1.1(kubectl)에서는 불리언이 되어 문자열 필드에 맞지 않습니다. \"{value}\"처럼 따옴표로 감싸세요"
            ),
            Message::Yaml11String { value } => format!(
                "'{value}' is a boolean to YAML 1.1 (kubectl), not the string this field needs: quote it (\"{value}\")"
            ),
            Message::BadEnum {
                value,
                allowed,
                suggestion,
                hint: h,
            } if ko => format!(
                "허용되지 않는 값 '{value}'{}: {} 중 하나여야 합니다{}",
                mean(suggestion),
                allowed.join(", "),
                hint(h)
            ),
            Message::BadEnum {
                value,
                allowed,
                suggestion,
                hint: h,
            } => format!(
                "invalid value '{value}'{}: must be one of {}{}",
                mean(suggestion),
                allowed.join(", "),
                hint(h)
            ),
            Message::MissingRequired { field, hint: h } if ko => {
                format!("필수 필드 '{field}'이(가) 없습니다{}", hint(h))
            }
            Message::MissingRequired { field, hint: h } => format!("required field '{field}' is missing{}", hint(h)),
            Message::PortRange { value } if ko => format!("포트 {value}은(는) 범위(1-65535)를 벗어납니다"),
            Message::PortRange { value } => format!("port {value} is out of range (1-65535)"),
            Message::BadQuantity { value } if ko => {
                format!("'{value}'은(는) 리소스 수량이 아닙니다 (예: 500m, 128Mi, 1)")
            }
            Message::BadQuantity { value } => format!("'{value}' is not a resource quantity (e.g. 500m, 128Mi, 1)"),
            Message::SelectorMismatch { key, value, labels } if ko => format!(
                "selector {key}={value}이(가) template의 labels({labels})와 맞지 않습니다. Deployment가 자기 Pod를 찾지 못합니다"
            ),
            Message::SelectorMismatch { key, value, labels } => format!(
                "selector {key}={value} does not match the template's labels ({labels}): the controller would not find its Pods"
            ),
            Message::ServiceSelectsNothing { selector } if ko => {
                format!("Service selector({selector})와 맞는 Pod template이 이 파일에 없습니다")
            }
            Message::ServiceSelectsNothing { selector } => {
                format!("the Service selector ({selector}) matches no Pod template in this file")
            }
            Message::TargetPortMismatch { target, ports } if ko => {
                format!("targetPort {target}과(와) 같은 containerPort가 선택된 Pod에 없습니다 (있는 포트: {ports})")
            }
            Message::TargetPortMismatch { target, ports } => {
                format!("targetPort {target} is not a containerPort of the selected Pods (they have: {ports})")
            }
            Message::Security(s) => s.text(ko),
        }
    }
}

impl Security {
    fn text(&self, ko: bool) -> String {
        match (self, ko) {
            (Security::Privileged, true) => "privileged 컨테이너는 노드의 모든 권한을 가집니다. 빼세요".into(),
            (Security::Privileged, false) => "privileged container: it has every power of the node; remove it".into(),
            (Security::RunAsNonRootMissing, true) => {
                "runAsNonRoot: true가 없습니다. 컨테이너가 root로 실행될 수 있습니다".into()
            }
            (Security::RunAsNonRootMissing, false) => {
                "runAsNonRoot: true is not set: the container may run as root".into()
            }
            (Security::NoLimits, true) => "resources.limits가 없습니다. CPU/메모리 한도를 정하세요".into(),
            (Security::NoLimits, false) => "no resources.limits: set CPU and memory limits".into(),
            (Security::LatestTag(image), true) => {
                format!("이미지 '{image}'가 :latest(또는 태그 없음)입니다. 버전 태그나 digest로 고정하세요")
            }
            (Security::LatestTag(image), false) => {
                format!("image '{image}' is :latest (or untagged): pin a version tag or digest")
            }
            (Security::HostPath, true) => "hostPath 볼륨은 노드의 파일시스템을 엽니다".into(),
            (Security::HostPath, false) => "hostPath volume: it opens the node's filesystem".into(),
            (Security::CapabilitiesNotDropped, true) => {
                "capabilities.drop에 ALL이 없습니다. 모두 빼고 필요한 것만 추가하세요".into()
            }
            (Security::CapabilitiesNotDropped, false) => {
                "capabilities are not dropped: drop ALL and add back only what is needed".into()
            }
        }
    }
}

/// One finding: where in the file, which field, how bad, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// 1-based line and column in the file.
    pub line: usize,
    pub col: usize,
    /// The field path (`spec.template.spec.containers[0].image`); empty for the whole document.
    pub path: String,
    pub severity: Severity,
    pub message: Message,
}

impl Finding {
    /// `FILE:LINE:COL: PATH: message`, with the severity as the message's first word.
    pub fn render(&self, file: &str, lang: Lang) -> String {
        let sev = match (self.severity, lang) {
            (Severity::Error, Lang::Ko) => "오류",
            (Severity::Warning, Lang::Ko) => "경고",
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::En) => "warning",
        };
        let path = if self.path.is_empty() {
            String::new()
        } else {
            format!(" {}:", self.path)
        };
        let line = format!(
            "{file}:{}:{}:{path} {sev}: {}",
            self.line,
            self.col,
            self.message.text(lang)
        );
        // Values and keys come from the user's file: no control character reaches the terminal.
        crate::text::clean_line(&line)
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render("-", Lang::En))
    }
}
