//! Synthetic ceasefire reports for benchmarks.
//!
//! [`generate`] writes deterministic, invented wire reports about Syrian
//! truces in 2016 (5 to 15 sentences each, from the templates in
//! [`templates`]); [`GeneratedReport::to_json_line`] renders one in the
//! JSON Lines format read by `truce extract --jsonl`. Report `i` of seed `s`
//! is the same whatever `n` is asked for.
//!
//! ```
//! let reports = truce_bench::generate(3, 42);
//! assert_eq!(reports.len(), 3);
//! assert_eq!(reports, truce_bench::generate(3, 42));
//! assert!(reports[0].text.matches('.').count() >= 5);
//! ```
//!
//! [`convert`] turns other JSON Lines corpora (the 2016 news aggregator
//! mirror) into the same format.

pub mod convert;
mod rng;
pub mod templates;

pub use rng::Rng;

use serde::Serialize;
use std::io::{self, Write};

/// One generated report, in the fields of the `extract --jsonl` format.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GeneratedReport {
    pub id: String,
    pub text: String,
    /// `YYYY-MM-DD`, between 2016-02-27 and 2016-09-30.
    pub published: String,
    pub outlet: String,
    pub title: String,
}

impl GeneratedReport {
    /// The report as one line of JSON (no trailing newline).
    pub fn to_json_line(&self) -> String {
        // Serialising a struct of strings cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// `n` reports from `seed`. Deterministic: the same arguments always give
/// the same reports, and report `i` does not depend on `n`.
pub fn generate(n: usize, seed: u64) -> Vec<GeneratedReport> {
    (0..n).map(|i| generate_one(seed, i)).collect()
}

/// Report number `index` of `seed`.
pub fn generate_one(seed: u64, index: usize) -> GeneratedReport {
    let mut rng = Rng::new(rng::splitmix64(seed) ^ (index as u64).wrapping_mul(0x9e37_79b9));
    let published = date_in_2016(rng.range(57, 273));
    let outlet = (*rng.pick(templates::OUTLETS)).to_owned();

    let sentences = rng.range(5, 15);
    let mut text = String::with_capacity(sentences * 120);
    let mut used = Vec::with_capacity(sentences);
    let lead = *rng.pick(templates::LEADS);
    push_sentence(&mut text, &fill(lead, &mut rng));
    let body = sentences - 1 - usize::from(sentences > 6);
    for _ in 0..body {
        // Avoid repeating a body template inside one report while we can.
        let mut i = rng.below(templates::BODY.len());
        for _ in 0..4 {
            if !used.contains(&i) {
                break;
            }
            i = rng.below(templates::BODY.len());
        }
        used.push(i);
        let sentence = fill(templates::BODY[i], &mut rng);
        // Wire copy starts a new paragraph every sentence or two.
        text.push(if rng.chance(55) { '\n' } else { ' ' });
        push_sentence(&mut text, &sentence);
    }
    if sentences > 6 {
        text.push('\n');
        let closing = *rng.pick(templates::CLOSINGS);
        push_sentence(&mut text, &fill(closing, &mut rng));
    }
    let title = title_for(lead, &text);
    GeneratedReport {
        id: format!("gen-{seed}-{index:06}"),
        text,
        published,
        outlet,
        title,
    }
}

/// Write reports as JSON Lines.
pub fn write_jsonl<W: Write>(reports: &[GeneratedReport], mut out: W) -> io::Result<()> {
    for report in reports {
        out.write_all(report.to_json_line().as_bytes())?;
        out.write_all(b"\n")?;
    }
    out.flush()
}

/// Fill every `{slot}` of a template. Unknown slots are left as written.
/// A slot ending in `2` (`{place2}`) never repeats its plain slot's value.
pub fn fill(template: &str, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    let mut picked: Vec<(&str, &str)> = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let slot = &after[..close];
        if let Some(values) = templates::slot_values(slot) {
            let base = slot.strip_suffix('2').unwrap_or(slot);
            let avoid = picked.iter().find(|(s, _)| *s == base).map(|(_, v)| *v);
            let mut value = *rng.pick(values);
            for _ in 0..8 {
                if Some(value) != avoid {
                    break;
                }
                value = *rng.pick(values);
            }
            picked.push((slot, value));
            out.push_str(value);
        } else if let Some((lo, hi)) = templates::number_range(slot) {
            out.push_str(&rng.range(lo, hi).to_string());
        } else {
            out.push_str(&rest[open..open + close + 2]);
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// Append a sentence with its first letter capitalised.
fn push_sentence(text: &mut String, sentence: &str) {
    let mut chars = sentence.chars();
    if let Some(first) = chars.next() {
        text.extend(first.to_uppercase());
        text.push_str(chars.as_str());
    }
}

/// A headline from the lead template's theme and the first place named.
fn title_for(lead: &str, text: &str) -> String {
    let theme = if lead.contains("extended") {
        "Truce extended"
    } else if lead.contains("killed") {
        "Civilians killed despite truce"
    } else if lead.contains("rejected") {
        "Rebels reject exclusion from truce"
    } else if lead.contains("collapsed") || lead.contains("resumed") {
        "Truce collapses"
    } else if lead.contains("talks") {
        "Talks to widen truce"
    } else if lead.contains("still in effect") {
        "Truce still in effect"
    } else {
        "New truce announced"
    };
    let place = templates::PLACES
        .iter()
        .chain(templates::GOVERNORATES)
        .filter_map(|p| text.find(p).map(|at| (at, *p)))
        .min();
    match place {
        Some((_, p)) => format!("{theme} in {p}"),
        None => format!("{theme} in Syria"),
    }
}

/// Day `ordinal` (1-based) of 2016 as `YYYY-MM-DD` (2016 is a leap year).
fn date_in_2016(ordinal: usize) -> String {
    const DAYS: [usize; 12] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let mut day = ordinal.clamp(1, 366);
    for (month, &len) in DAYS.iter().enumerate() {
        if day <= len {
            return format!("2016-{:02}-{day:02}", month + 1);
        }
        day -= len;
    }
    "2016-12-31".to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(date_in_2016(1), "2016-01-01");
        assert_eq!(date_in_2016(60), "2016-02-29");
        assert_eq!(date_in_2016(61), "2016-03-01");
        assert_eq!(date_in_2016(366), "2016-12-31");
    }

    #[test]
    fn fill_replaces_known_slots_only() {
        let mut rng = Rng::new(1);
        let s = fill("{n} killed in {place}; {unknown} {", &mut rng);
        assert!(!s.contains("{n}") && !s.contains("{place}"));
        assert!(s.contains("{unknown}") && s.ends_with('{'));
        for seed in 0..200 {
            let s = fill("{party}|{party2}", &mut Rng::new(seed));
            let (a, b) = s.split_once('|').expect("two parts");
            assert_ne!(a, b);
        }
    }

    #[test]
    fn every_template_slot_is_known() {
        let all = templates::LEADS
            .iter()
            .chain(templates::BODY)
            .chain(templates::CLOSINGS);
        let mut rng = Rng::new(3);
        for t in all {
            let filled = fill(t, &mut rng);
            assert!(!filled.contains('{'), "unfilled slot in {t:?}");
        }
    }

    #[test]
    fn reports_are_stable_and_sized() {
        let a = generate(50, 9);
        assert_eq!(a[..10], generate(10, 9)[..]);
        assert_ne!(a[0].text, generate(1, 10)[0].text);
        for r in &a {
            let ends = r.text.matches(['.']).count();
            assert!((5..=40).contains(&ends), "{}", r.text);
            assert!(r.published.starts_with("2016-"));
            assert!(!r.title.is_empty());
            let line = r.to_json_line();
            let back: serde_json::Value = serde_json::from_str(&line).expect("json");
            assert_eq!(back["id"], r.id.as_str());
            assert_eq!(back["text"], r.text.as_str());
        }
    }
}
