//! The place-name stoplist, `data/place_stopwords.txt`.

use std::collections::HashSet;

use truce_text::fold_key;

const STOPWORDS: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/place_stopwords.txt"
));

/// Folded words that must not become place keys.
pub(crate) struct Stoplist {
    /// Dropped unless the place is major.
    common: HashSet<String>,
    /// Dropped even for major places (`!word` in the file).
    always: HashSet<String>,
}

impl Stoplist {
    pub(crate) fn parse(text: &str) -> Stoplist {
        let mut common = HashSet::new();
        let mut always = HashSet::new();
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            match line.strip_prefix('!') {
                Some(w) => always.insert(fold_key(w)),
                None => common.insert(fold_key(line)),
            };
        }
        Stoplist { common, always }
    }

    pub(crate) fn embedded() -> Stoplist {
        Stoplist::parse(STOPWORDS)
    }

    /// May `key` (already folded) be a lookup key of a place?
    pub(crate) fn allows(&self, key: &str, major: bool) -> bool {
        if self.always.contains(key) {
            return false;
        }
        if major {
            return true;
        }
        let letters = key.chars().filter(|c| c.is_alphanumeric()).count();
        letters >= 3 && !self.common.contains(key)
    }
}

/// Is `word` on the place stoplist (either tier)? `word` is folded first.
pub fn is_place_stopword(word: &str) -> bool {
    let key = fold_key(word);
    static LIST: std::sync::OnceLock<Stoplist> = std::sync::OnceLock::new();
    let list = LIST.get_or_init(Stoplist::embedded);
    list.common.contains(&key) || list.always.contains(&key)
}

/// Every word of the stoplist as written in the file (without `!`), for tests
/// and tools.
pub fn place_stopwords() -> impl Iterator<Item = (&'static str, bool)> {
    STOPWORDS.lines().filter_map(|line| {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            return None;
        }
        Some(match line.strip_prefix('!') {
            Some(w) => (w, true),
            None => (line, false),
        })
    })
}
