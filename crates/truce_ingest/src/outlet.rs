//! The outlet of a report that names none, from its URL: the host's domain
//! through a table of known news outlets (`data/outlets.tsv`: domain →
//! name), else the host itself without `www.`.

use std::collections::HashMap;
use std::sync::LazyLock;

static OUTLETS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    include_str!("../../../data/outlets.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t'))
        .map(|(domain, name)| (domain.trim(), name.trim()))
        .collect()
});

/// The outlet a URL belongs to: the name of the longest listed domain the
/// host is or ends with (`feeds.reuters.com` → Reuters), else the host
/// without `www.` (`levantwire.example`). `None` when the URL has no host.
pub fn outlet_from_url(url: &str) -> Option<String> {
    let host = host(url)?;
    let mut domain = host.as_str();
    loop {
        if let Some(name) = OUTLETS.get(domain) {
            return Some((*name).to_string());
        }
        match domain.split_once('.') {
            Some((_, rest)) if rest.contains('.') => domain = rest,
            _ => break,
        }
    }
    Some(host.strip_prefix("www.").unwrap_or(&host).to_string())
}

/// The lowercase host of an absolute URL (`scheme://[user@]host[:port]/...`),
/// or of a bare `host/path`.
fn host(url: &str) -> Option<String> {
    let rest = url.trim();
    let rest = rest.split_once("://").map_or(rest, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next()?;
    let authority = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = authority.split(':').next()?.trim_end_matches('.');
    let valid = host.contains('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.');
    valid.then(|| host.to_ascii_lowercase())
}

/// Fills a missing outlet from the URL.
pub(crate) fn fill(outlet: &mut Option<String>, url: Option<&str>) {
    if outlet.as_deref().is_none_or(|o| o.trim().is_empty()) {
        *outlet = url.and_then(outlet_from_url);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_domains_and_their_subdomains() {
        let cases = [
            ("http://www.reuters.com/article/x", "Reuters"),
            (
                "http://feeds.reuters.com/~r/Reuters/worldNews/~3/abc",
                "Reuters",
            ),
            ("https://in.reuters.com/a", "Reuters"),
            ("https://www.bbc.co.uk/news/world", "BBC"),
            ("https://www.aljazeera.com/news", "Al Jazeera"),
            (
                "http://abcnews.go.com/International/wireStory/x",
                "ABC News",
            ),
            (
                "HTTPS://WWW.NYTIMES.COM/2016/05/04/x.html",
                "The New York Times",
            ),
        ];
        for (url, name) in cases {
            assert_eq!(outlet_from_url(url).as_deref(), Some(name), "{url}");
        }
    }

    #[test]
    fn unknown_domains_are_the_host_without_www() {
        assert_eq!(
            outlet_from_url("https://www.levantwire.example:8080/a?b#c").as_deref(),
            Some("levantwire.example")
        );
        assert_eq!(
            outlet_from_url("news.example.org/x").as_deref(),
            Some("news.example.org")
        );
        // "co.uk" alone is not an outlet
        assert_eq!(
            outlet_from_url("http://paper.co.uk/").as_deref(),
            Some("paper.co.uk")
        );
        assert_eq!(outlet_from_url("not a url"), None);
        assert_eq!(outlet_from_url(""), None);
    }

    #[test]
    fn a_given_outlet_wins() {
        let mut given = Some("Levant Wire".to_string());
        fill(&mut given, Some("https://www.reuters.com/x"));
        assert_eq!(given.as_deref(), Some("Levant Wire"));
        let mut none = None;
        fill(&mut none, Some("https://www.reuters.com/x"));
        assert_eq!(none.as_deref(), Some("Reuters"));
        let mut no_url = None;
        fill(&mut no_url, None);
        assert_eq!(no_url, None);
    }

    #[test]
    fn the_table_reads() {
        assert!(OUTLETS.len() >= 60);
        assert!(
            OUTLETS
                .keys()
                .all(|d| d.contains('.') && !d.starts_with("www."))
        );
    }
}
