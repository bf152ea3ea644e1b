//! The actor hierarchy (`regime forces` → Syrian government), read from the
//! repository's `data/actors.tsv` (columns `id kind country parent ...`).

use std::collections::HashMap;
use std::sync::OnceLock;

const ACTORS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/actors.tsv"
));

fn parents() -> &'static HashMap<String, String> {
    static MAP: OnceLock<HashMap<String, String>> = OnceLock::new();
    MAP.get_or_init(|| {
        ACTORS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with("id\t"))
            .filter_map(|l| {
                let mut cols = l.split('\t');
                let id = cols.next()?;
                let parent = cols.nth(2)?;
                (!parent.is_empty()).then(|| (id.to_string(), parent.to_string()))
            })
            .collect()
    })
}

/// The English name of a lexicon actor (`islamic_state` → "Islamic State").
pub fn actor_name(id: &str) -> Option<&'static str> {
    static MAP: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        ACTORS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with("id\t"))
            .filter_map(|l| {
                let cols: Vec<&str> = l.split('\t').collect();
                Some((*cols.first()?, *cols.get(4)?))
            })
            .collect()
    })
    .get(id)
    .copied()
}

/// The actor and its ancestors, nearest first.
pub fn lineage(id: &str) -> Vec<String> {
    let mut out = vec![id.to_string()];
    while let Some(p) = out.last().and_then(|last| parents().get(last)) {
        if out.contains(p) || out.len() > 8 {
            break;
        }
        out.push(p.clone());
    }
    out
}

/// Same actor, or one is an ancestor of the other (`syr_army` and `syr_gov`).
pub fn related(a: &str, b: &str) -> bool {
    lineage(a).iter().any(|x| x == b) || lineage(b).iter().any(|x| x == a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actors_have_names() {
        assert_eq!(actor_name("syr_gov"), Some("Syrian government"));
        assert_eq!(actor_name("no_such_actor"), None);
    }

    #[test]
    fn army_belongs_to_government() {
        assert!(lineage("syr_army").contains(&"syr_gov".to_string()));
        assert!(related("syr_gov", "syr_army"));
        assert!(!related("syr_army", "syr_opposition"));
    }
}
