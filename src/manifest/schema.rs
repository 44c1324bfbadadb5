//! The offline schema of Kubernetes objects: generated from the published JSON schemas of one
//! release by `tools/gen_schema.py`, embedded in the binary and parsed once, on first use.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use serde::Deserialize;

/// The generated data file; `tools/gen_schema.py` says how to make one for a newer release.
const SCHEMA_FILE: &str = include_str!("../../data/k8s-schema-1.37.json");

/// The type of a field's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ty {
    Str,
    Int,
    Num,
    Bool,
    /// A port or percentage: a number or a name.
    IntOrStr,
    /// A resource amount: `500m`, `128Mi`, or a plain number.
    Quantity,
    /// Free-form (annotations of CRDs, raw extensions): anything goes.
    Any,
    /// An object described by the named definition.
    Obj(String),
    Arr(Box<Ty>),
    /// A map from free keys to values of this type (labels, data, limits).
    Map(Box<Ty>),
}

impl Ty {
    fn parse(s: &str) -> Ty {
        if let Some(rest) = s.strip_prefix("[]") {
            return Ty::Arr(Box::new(Ty::parse(rest)));
        }
        if let Some(rest) = s.strip_prefix("{}") {
            return Ty::Map(Box::new(Ty::parse(rest)));
        }
        if let Some(rest) = s.strip_prefix('@') {
            return Ty::Obj(rest.to_string());
        }
        match s {
            "string" => Ty::Str,
            "integer" => Ty::Int,
            "number" => Ty::Num,
            "boolean" => Ty::Bool,
            "int-or-string" => Ty::IntOrStr,
            "quantity" => Ty::Quantity,
            _ => Ty::Any,
        }
    }

    /// The name `explain` and messages use: `string`, `[]Container`, `map[string]string`.
    pub fn name(&self) -> String {
        match self {
            Ty::Str => "string".into(),
            Ty::Int => "integer".into(),
            Ty::Num => "number".into(),
            Ty::Bool => "boolean".into(),
            Ty::IntOrStr => "IntOrString".into(),
            Ty::Quantity => "Quantity".into(),
            Ty::Any => "Object".into(),
            Ty::Obj(def) => def.rsplit('.').next().unwrap_or(def).to_string(),
            Ty::Arr(item) => format!("[]{}", item.name()),
            Ty::Map(value) => format!("map[string]{}", value.name()),
        }
    }

    /// Whether values of this type are written on the key's line (`key: value`).
    pub fn is_scalar(&self) -> bool {
        !matches!(self, Ty::Obj(_) | Ty::Arr(_) | Ty::Map(_) | Ty::Any)
    }
}

/// One field of an object.
#[derive(Debug, Clone)]
pub struct Field {
    pub ty: Ty,
    pub description: String,
    /// Allowed values of a string (or of each string of a list); empty when any string goes.
    pub allowed: Vec<String>,
}

/// One object definition (`core.v1.Container`).
#[derive(Debug, Clone)]
pub struct Def {
    pub description: String,
    pub fields: BTreeMap<String, Field>,
    pub required: Vec<String>,
}

/// A kind the schema knows, and its current apiVersion.
#[derive(Debug, Clone)]
pub struct Kind {
    pub api_version: String,
    pub def: String,
}

/// An apiVersion that Kubernetes removed for a kind.
#[derive(Debug, Clone)]
pub struct Removed {
    pub release: String,
    pub replacement: String,
}

/// The whole schema.
#[derive(Debug)]
pub struct Schema {
    /// The Kubernetes release it describes (`1.37`).
    pub release: String,
    pub source: String,
    pub kinds: BTreeMap<String, Kind>,
    /// Keyed by `apiVersion/Kind` (`apps/v1beta1/Deployment`).
    pub removed: HashMap<String, Removed>,
    pub defs: HashMap<String, Def>,
}

#[derive(Deserialize)]
struct RawSchema {
    release: String,
    source: String,
    kinds: BTreeMap<String, RawKind>,
    removed: HashMap<String, (String, String)>,
    defs: HashMap<String, RawDef>,
}

#[derive(Deserialize)]
struct RawKind {
    #[serde(rename = "apiVersion")]
    api_version: String,
    def: String,
}

#[derive(Deserialize)]
struct RawDef {
    #[serde(default)]
    d: String,
    #[serde(default)]
    f: BTreeMap<String, RawField>,
    #[serde(default)]
    r: Vec<String>,
}

#[derive(Deserialize)]
struct RawField {
    t: String,
    #[serde(default)]
    d: String,
    #[serde(default)]
    e: Vec<String>,
}

impl Schema {
    /// The embedded schema, parsed on first use.
    pub fn get() -> &'static Schema {
        static SCHEMA: OnceLock<Schema> = OnceLock::new();
        SCHEMA.get_or_init(Schema::parse_embedded)
    }

    /// Parses the embedded data file (what the first [`Schema::get`] costs; benchmarked).
    pub fn parse_embedded() -> Schema {
        // The file is generated and tested (`tests/explain.rs` reads every kind from it), so a parse
        // failure is a build mistake; an empty schema then beats a crashed session.
        let raw: RawSchema = serde_json::from_str(SCHEMA_FILE).unwrap_or_else(|_| RawSchema {
            release: "?".into(),
            source: "unreadable schema data".into(),
            kinds: BTreeMap::new(),
            removed: HashMap::new(),
            defs: HashMap::new(),
        });
        Schema::from_raw(raw)
    }

    fn from_raw(raw: RawSchema) -> Schema {
        let defs = raw
            .defs
            .into_iter()
            .map(|(name, d)| {
                let fields =
                    d.f.into_iter()
                        .map(|(k, f)| {
                            let field = Field {
                                ty: Ty::parse(&f.t),
                                description: f.d,
                                allowed: f.e,
                            };
                            (k, field)
                        })
                        .collect();
                let def = Def {
                    description: d.d,
                    fields,
                    required: d.r,
                };
                (name, def)
            })
            .collect();
        Schema {
            release: raw.release,
            source: raw.source,
            kinds: raw
                .kinds
                .into_iter()
                .map(|(k, v)| {
                    let kind = Kind {
                        api_version: v.api_version,
                        def: v.def,
                    };
                    (k, kind)
                })
                .collect(),
            removed: raw
                .removed
                .into_iter()
                .map(|(k, (release, replacement))| (k, Removed { release, replacement }))
                .collect(),
            defs,
        }
    }

    /// The definition named `name`, if the schema has it.
    pub fn def(&self, name: &str) -> Option<&Def> {
        self.defs.get(name)
    }

    /// The kind named `name`, ignoring case (`deployment`, `Deployment`), or by its plural or
    /// kubectl short name (`deploy`, `svc`, `pods`).
    pub fn kind_by_name(&self, name: &str) -> Option<(&str, &Kind)> {
        let lower = name.to_ascii_lowercase();
        let alias = match lower.as_str() {
            "po" => "pod",
            "deploy" => "deployment",
            "rs" => "replicaset",
            "sts" => "statefulset",
            "ds" => "daemonset",
            "cj" => "cronjob",
            "svc" => "service",
            "ing" => "ingress",
            "netpol" => "networkpolicy",
            "cm" => "configmap",
            "ns" => "namespace",
            "sa" => "serviceaccount",
            "pvc" => "persistentvolumeclaim",
            "hpa" => "horizontalpodautoscaler",
            other => other,
        };
        self.kinds.iter().find_map(|(k, v)| {
            let kl = k.to_ascii_lowercase();
            let ies = kl.strip_suffix('y').map(|s| format!("{s}ies"));
            let plural = alias == format!("{kl}s") || alias == format!("{kl}es") || ies.as_deref() == Some(alias);
            (kl == alias || plural).then_some((k.as_str(), v))
        })
    }
}

/// The closest of `candidates` to `word` when it is a near miss (a typo), for "did you mean".
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word_lower = word.to_ascii_lowercase();
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        let c_lower = c.to_ascii_lowercase();
        // A held-down key (`metafffdata`) counts as one slip: compare with repeats squeezed too.
        let d = edit_distance(&word_lower, &c_lower).min(edit_distance(&squeeze(&word_lower), &squeeze(&c_lower)));
        // One edit per four letters, at least one: `metafffdata` -> `metadata`, not `name` -> `image`.
        let limit = (c.chars().count() / 4).max(1);
        if d <= limit && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

/// `metafffdata` -> `metafdata`: runs of one letter become one.
fn squeeze(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Edit distance counting a swap of two neighbours as one edit (`nmae` -> `name`); words here are
/// field names, cut to 64 characters, so this stays small.
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().take(64).collect(), b.chars().take(64).collect());
    let width = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * width];
    for (j, cell) in d.iter_mut().enumerate().take(width) {
        *cell = j;
    }
    for i in 1..=a.len() {
        d[i * width] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * width + j] + 1)
                .min(d[i * width + j - 1] + 1)
                .min(d[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = v;
        }
    }
    d[a.len() * width + b.len()]
}
