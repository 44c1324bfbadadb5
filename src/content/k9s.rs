//! K9s resource names as slide names: `:po`, `:pods`, `:dp`, `:deployments`, `:svc`, `:services`,
//! `:np`, `:networkpolicy`, `:ns`. Each names a Kubernetes kind; it leads to the slide that teaches
//! that kind: the first whose YAML declares `kind: KIND`, else the first titled with the kind's
//! name. A kind no slide teaches leads to the slide of a kind that stands in for it (Namespace:
//! the NetworkPolicy slide, which isolates a namespace), else nowhere. The lesson's own aliases
//! (`lesson.yaml`) come first: an author can send any of these names elsewhere.

use super::{Lesson, SlideIndex};

/// A kind, its K9s names (short name, singular, plural) and the kinds that stand in for it.
struct Resource {
    kind: &'static str,
    names: &'static [&'static str],
    stand_ins: &'static [&'static str],
}

const fn resource(kind: &'static str, names: &'static [&'static str]) -> Resource {
    Resource {
        kind,
        names,
        stand_ins: &[],
    }
}

/// The resources K9s users type most, with K9s's short names (`kubectl api-resources`).
const RESOURCES: &[Resource] = &[
    resource("Pod", &["po", "pod", "pods"]),
    resource("Deployment", &["dp", "deploy", "deployment", "deployments"]),
    resource("Service", &["svc", "service", "services"]),
    resource("NetworkPolicy", &["np", "netpol", "networkpolicy", "networkpolicies"]),
    Resource {
        kind: "Namespace",
        names: &["ns", "namespace", "namespaces"],
        stand_ins: &["NetworkPolicy"],
    },
    resource("ReplicaSet", &["rs", "replicaset", "replicasets"]),
    resource("DaemonSet", &["ds", "daemonset", "daemonsets"]),
    resource("StatefulSet", &["sts", "statefulset", "statefulsets"]),
    resource("ConfigMap", &["cm", "configmap", "configmaps"]),
    resource("Secret", &["sec", "secret", "secrets"]),
    resource("Ingress", &["ing", "ingress", "ingresses"]),
    resource("Job", &["job", "jobs"]),
    resource("CronJob", &["cj", "cronjob", "cronjobs"]),
    resource("ServiceAccount", &["sa", "serviceaccount", "serviceaccounts"]),
    resource(
        "PersistentVolumeClaim",
        &["pvc", "persistentvolumeclaim", "persistentvolumeclaims"],
    ),
    resource("Node", &["no", "node", "nodes"]),
];

/// Every K9s name this table knows, in table order.
pub fn names() -> impl Iterator<Item = &'static str> {
    RESOURCES.iter().flat_map(|r| r.names.iter().copied())
}

/// The slide K9s name `word` (lower case) leads to in `lesson`, if any.
pub fn resolve(lesson: &Lesson, word: &str) -> Option<SlideIndex> {
    let resource = RESOURCES.iter().find(|r| r.names.contains(&word))?;
    std::iter::once(resource.kind)
        .chain(resource.stand_ins.iter().copied())
        .find_map(|kind| teaching(lesson, kind))
}

/// The first slide whose YAML declares `kind: KIND`, else the first titled with the kind's name.
fn teaching(lesson: &Lesson, kind: &str) -> Option<SlideIndex> {
    let declares = |text: &str| {
        text.lines()
            .filter_map(|l| l.strip_prefix("kind:"))
            .any(|k| k.trim().trim_matches(['"', '\'']) == kind)
    };
    let by_code = lesson.slides().position(|(_, s)| {
        s.code_blocks().iter().any(|c| {
            c.lang
                .as_deref()
                .is_some_and(|l| l.eq_ignore_ascii_case("yaml") || l.eq_ignore_ascii_case("yml"))
                && declares(&c.text)
        })
    });
    by_code
        .or_else(|| {
            let name = kind.to_lowercase();
            lesson.slides().position(|(_, s)| {
                let title = s.title.to_lowercase();
                title == name || title.split_whitespace().any(|w| w == name)
            })
        })
        .map(SlideIndex)
}
