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

/// The slide K9s name `word` (lower case) leads to in `lesson`, if any.
pub fn resolve(lesson: &Lesson, word: &str) -> Option<SlideIndex> {
    let resource = RESOURCES.iter().find(|r| r.names.contains(&word))?;
    let taught = Taught::find(lesson);
    std::iter::once(resource.kind)
        .chain(resource.stand_ins.iter().copied())
        .find_map(|kind| taught.slide(kind))
}

/// The K9s names that lead somewhere in `lesson`, in table order (one pass over the lesson).
pub fn names_in(lesson: &Lesson) -> Vec<&'static str> {
    let taught = Taught::find(lesson);
    RESOURCES
        .iter()
        .filter(|r| {
            std::iter::once(r.kind)
                .chain(r.stand_ins.iter().copied())
                .any(|k| taught.slide(k).is_some())
        })
        .flat_map(|r| r.names.iter().copied())
        .collect()
}

/// Where each kind of the table is taught: the first slide whose YAML declares it, and the first
/// titled with its name. Found in one pass over the lesson, whatever its size.
struct Taught {
    by_code: Vec<(&'static str, SlideIndex)>,
    by_title: Vec<(&'static str, SlideIndex)>,
}

impl Taught {
    fn find(lesson: &Lesson) -> Self {
        let mut taught = Taught {
            by_code: Vec::new(),
            by_title: Vec::new(),
        };
        for (i, (_, slide)) in lesson.slides().enumerate() {
            let title = slide.title.to_lowercase();
            for r in RESOURCES {
                // `title` is lower case, and a kind is ASCII: no lower-case copy of it is needed.
                if (title.eq_ignore_ascii_case(r.kind)
                    || title.split_whitespace().any(|w| w.eq_ignore_ascii_case(r.kind)))
                    && !taught.by_title.iter().any(|(k, _)| *k == r.kind)
                {
                    taught.by_title.push((r.kind, SlideIndex(i)));
                }
            }
            let yaml = slide.code_blocks().into_iter().filter(|c| {
                (c.lang.as_deref()).is_some_and(|l| l.eq_ignore_ascii_case("yaml") || l.eq_ignore_ascii_case("yml"))
            });
            for block in yaml {
                for declared in block.text.lines().filter_map(|l| l.strip_prefix("kind:")) {
                    let declared = declared.trim().trim_matches(['"', '\'']);
                    if let Some(r) = RESOURCES.iter().find(|r| r.kind == declared)
                        && !taught.by_code.iter().any(|(k, _)| *k == r.kind)
                    {
                        taught.by_code.push((r.kind, SlideIndex(i)));
                    }
                }
            }
        }
        taught
    }

    /// The slide that teaches `kind`: by its YAML first, else by its title.
    fn slide(&self, kind: &str) -> Option<SlideIndex> {
        let find = |list: &[(&str, SlideIndex)]| list.iter().find(|(k, _)| *k == kind).map(|(_, i)| *i);
        find(&self.by_code).or_else(|| find(&self.by_title))
    }
}
