//! The score as a text summary for people, or JSON.

use super::{LedgerScore, Ratio, Verdict};
use std::fmt::Write;

fn line(name: &str, r: Ratio) -> String {
    format!(
        "  {name:<18} {:>5.1}%  ({}/{})\n",
        100.0 * r.value(),
        r.right,
        r.total
    )
}

/// A text summary: the three figures, then the misses.
pub fn text(s: &LedgerScore) -> String {
    let mut out = format!("{} ({} documents)\n", s.truth, s.documents);
    out.push_str(&line("truce recall", s.recall));
    out.push_str(&line("truce precision", s.precision));
    out.push_str(&line("status accuracy", s.status));
    for note in &s.notes {
        let _ = writeln!(out, "  note: {note}");
    }
    missed_truces(s, &mut out);
    unreal_records(s, &mut out);
    wrong_probes(s, &mut out);
    out
}

fn missed_truces(s: &LedgerScore, out: &mut String) {
    out.push_str("\ntruth truces\n");
    for t in &s.truces {
        match &t.record {
            Some(r) => {
                let _ = write!(out, "  ok    {:<28} {r}", t.truth);
                if !t.duplicates.is_empty() {
                    let _ = write!(out, "  (duplicates: {})", t.duplicates.join(", "));
                }
                out.push('\n');
            }
            None => {
                let _ = writeln!(out, "  MISS  {:<28} {}", t.truth, t.name);
                for n in &t.nearest {
                    let _ = writeln!(out, "          nearest {}: {}", n.record, n.mismatch);
                }
            }
        }
    }
}

fn unreal_records(s: &LedgerScore, out: &mut String) {
    let bad: Vec<_> = s
        .records
        .iter()
        .filter(|r| r.verdict != Verdict::Real)
        .collect();
    let _ = writeln!(out, "\nrecords not real ({})", bad.len());
    for r in bad {
        let what = match (r.verdict, &r.truth) {
            (Verdict::Duplicate, Some(t)) => format!("duplicate of {t}"),
            _ => "no truth truce".to_string(),
        };
        let _ = writeln!(
            out,
            "  {:<4} {} {} start {} [{}]: {what}",
            r.id,
            r.name,
            r.level,
            r.start.as_deref().unwrap_or("-"),
            r.areas.join(", ")
        );
    }
}

fn wrong_probes(s: &LedgerScore, out: &mut String) {
    let bad: Vec<_> = s.probes.iter().filter(|p| !p.right).collect();
    let _ = writeln!(out, "\nwrong probes ({})", bad.len());
    for p in bad {
        let level = p.level.map(|l| l.as_str()).unwrap_or("any");
        let _ = writeln!(
            out,
            "  {} at {} ({level}): expected {}, got {}  [{}]",
            p.place,
            p.at,
            p.expected.join("|"),
            p.got,
            p.listed.join("; ")
        );
    }
}

/// The whole score as JSON.
pub fn json(s: &LedgerScore) -> serde_json::Value {
    let mut v = serde_json::to_value(s).unwrap_or_default();
    if let Some(obj) = v.as_object_mut() {
        for (key, r) in [
            ("recall", s.recall),
            ("precision", s.precision),
            ("status", s.status),
        ] {
            if let Some(o) = obj.get_mut(key).and_then(|x| x.as_object_mut()) {
                o.insert("value".into(), serde_json::json!(r.value()));
            }
        }
    }
    v
}
