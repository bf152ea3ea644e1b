//! `--format text`: a report a person can check at a glance.

use std::fmt::Write;
use truce_model::{
    ActorRef, Attribution, Claim, Document, Excerpt, PlaceRef, Quantity, Report, TimeRef, TruceRef,
};

/// The report as text, ending with a newline.
pub fn text(report: &Report) -> String {
    let mut out = String::new();
    document(&mut out, &report.document);
    match report.claims.len() {
        0 => out.push_str("no claims\n"),
        1 => out.push_str("1 claim\n"),
        n => {
            let _ = writeln!(out, "{n} claims");
        }
    }
    for claim in &report.claims {
        out.push('\n');
        self::claim(&mut out, claim);
    }
    out
}

fn document(out: &mut String, d: &Document) {
    let mut parts = vec![
        format!("document {}", d.id),
        format!("published {}", d.published),
    ];
    if let Some(outlet) = &d.outlet {
        parts.push(outlet.clone());
    }
    if let Some(language) = &d.language {
        parts.push(format!("language {language}"));
    }
    parts.push(format!("{} bytes", d.bytes));
    parts.push(d.extractor.clone());
    let _ = writeln!(out, "{}", parts.join(" · "));
    if let Some(title) = &d.title {
        let _ = writeln!(out, "  title: {title}");
    }
    if let Some(url) = &d.url {
        let _ = writeln!(out, "  url: {url}");
    }
    match (&d.translated_by, &d.edited_by) {
        (Some(t), Some(e)) if t == e => {
            let _ = writeln!(out, "  translated and edited by {t}");
        }
        (t, e) => {
            if let Some(t) = t {
                let _ = writeln!(out, "  translated by {t}");
            }
            if let Some(e) = e {
                let _ = writeln!(out, "  edited by {e}");
            }
        }
    }
}

fn claim(out: &mut String, c: &Claim) {
    let kind = match &c.subtype {
        Some(sub) => format!("{}/{sub}", c.kind),
        None => c.kind.to_string(),
    };
    let _ = writeln!(out, "{}  {kind} ({})", c.id, c.modality);
    if let Some(t) = &c.truce {
        field(out, "truce", &truce(t));
    }
    if !c.actors.is_empty() {
        field(out, "actors", &join(c.actors.iter().map(actor)));
    }
    if !c.places.is_empty() {
        field(out, "places", &join(c.places.iter().map(place)));
    }
    if let Some(t) = &c.time {
        field(out, "time", &time(t));
    }
    if !c.quantities.is_empty() {
        field(out, "numbers", &join(c.quantities.iter().map(quantity)));
    }
    if !c.targets.is_empty() {
        field(out, "targets", &c.targets.join(", "));
    }
    field(out, "said by", &attribution(&c.attribution));
    field(out, "evidence", &excerpt(&c.evidence));
}

fn field(out: &mut String, label: &str, value: &str) {
    let _ = writeln!(out, "    {:<9} {value}", format!("{label}:"));
}

fn join(items: impl Iterator<Item = String>) -> String {
    items.collect::<Vec<_>>().join("; ")
}

fn truce(t: &TruceRef) -> String {
    let mut s = t.name.replace('_', " ");
    if !t.qualifiers.is_empty() {
        let _ = write!(s, " [{}]", t.qualifiers.join(", "));
    }
    // The mention is worth showing only when it says more than the name.
    if let Some(m) = &t.mention
        && !m.text.eq_ignore_ascii_case(&t.name.replace('_', " "))
    {
        let _ = write!(s, " {}", quoted(m));
    }
    s
}

fn actor(a: &ActorRef) -> String {
    let mut s = format!("{}: {}", a.role, a.name);
    if let Some(id) = &a.id {
        let _ = write!(s, " [{id}]");
    }
    s
}

fn place(p: &PlaceRef) -> String {
    let mut s = format!("{}: {}", p.role, p.name);
    let details: Vec<String> = [
        p.kind.clone(),
        p.qualifier.clone(),
        p.controlled_by
            .as_ref()
            .map(|a| format!("controlled by {a}")),
        (!p.admin.is_empty()).then(|| p.admin.join(" > ")),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !details.is_empty() {
        let _ = write!(s, " ({})", details.join(", "));
    }
    if let Some(id) = &p.id {
        let _ = write!(s, " [{id}]");
    }
    s
}

fn time(t: &TimeRef) -> String {
    let start = t.start.as_deref().unwrap_or("?");
    let end = t.end.as_deref().unwrap_or("?");
    let mut s = if t.start.is_some() && t.start == t.end {
        start.to_owned()
    } else {
        format!("{start} → {end}")
    };
    let _ = write!(s, " ({})", t.precision);
    if let Some(m) = &t.mention {
        let _ = write!(s, " {}", quoted(m));
    }
    s
}

fn quantity(q: &Quantity) -> String {
    let mut s = String::new();
    if let Some(approx) = &q.approx {
        let _ = write!(s, "{} ", approx.replace('_', " "));
    }
    let _ = write!(s, "{} {}", q.value, q.what);
    if let Some(of) = &q.of {
        let _ = write!(s, " ({of})");
    }
    s
}

fn attribution(a: &Attribution) -> String {
    if let (None, [only]) = (&a.speaker, a.chain.as_slice())
        && only.role == "published_by"
    {
        return format!("{}, in its own voice", only.name);
    }
    let mut s = match &a.speaker {
        None => "the outlet, in its own voice".to_owned(),
        Some(sp) => {
            let mut s = sp.name.clone();
            if let Some(n) = sp.count {
                let _ = write!(s, " ({n})");
            }
            if sp.unnamed {
                s.push_str(" (unnamed)");
            }
            if let Some(id) = &sp.id {
                let _ = write!(s, " [{id}]");
            }
            s
        }
    };
    if !a.chain.is_empty() {
        let chain: Vec<String> = a
            .chain
            .iter()
            .map(|l| format!("{} {}", l.role.replace('_', " "), l.name))
            .collect();
        let _ = write!(s, " via {}", chain.join(" → "));
    }
    s
}

fn excerpt(e: &Excerpt) -> String {
    format!("[{}..{}] {}", e.start, e.end, quoted_text(&e.text))
}

fn quoted(e: &Excerpt) -> String {
    quoted_text(&e.text)
}

/// The text in quotes, on one line.
fn quoted_text(text: &str) -> String {
    let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    format!("\"{one_line}\"")
}

#[cfg(test)]
mod tests {
    use super::*;
    use truce_model::{ClaimKind, Link, Modality, Speaker};

    fn excerpt(start: usize, text: &str) -> Excerpt {
        Excerpt {
            start,
            end: start + text.len(),
            text: text.to_owned(),
        }
    }

    #[test]
    fn renders_every_part() {
        let claim = Claim {
            id: "c1".to_owned(),
            kind: ClaimKind::TruceExtended,
            subtype: None,
            modality: Modality::Asserted,
            truce: Some(TruceRef {
                name: "ceasefire".to_owned(),
                qualifiers: vec!["temporary".to_owned()],
                mention: None,
            }),
            actors: vec![ActorRef {
                role: "agent".to_owned(),
                id: Some("syr_gov".to_owned()),
                name: "regime forces".to_owned(),
                mention: None,
            }],
            places: vec![PlaceRef {
                role: "scope".to_owned(),
                id: Some("170654".to_owned()),
                name: "Damascus".to_owned(),
                kind: Some("city".to_owned()),
                lat: None,
                lon: None,
                admin: vec!["Syria".to_owned(), "Damascus".to_owned()],
                qualifier: Some("around".to_owned()),
                controlled_by: None,
                mention: None,
            }],
            time: Some(TimeRef {
                start: Some("2016-05-01".to_owned()),
                end: Some("2016-05-02".to_owned()),
                precision: "day".to_owned(),
                mention: Some(excerpt(90, "for another 24 hours")),
            }),
            quantities: vec![Quantity {
                value: 24.0,
                approx: None,
                what: "hours".to_owned(),
                of: None,
                mention: None,
            }],
            targets: vec![],
            attribution: Attribution {
                speaker: Some(Speaker {
                    name: "an official of the Defence Ministry".to_owned(),
                    id: Some("rus_mod".to_owned()),
                    unnamed: true,
                    count: None,
                    mention: None,
                }),
                chain: vec![Link {
                    role: "quoted_by".to_owned(),
                    name: "Interfax".to_owned(),
                    id: None,
                }],
            },
            evidence: excerpt(40, "the ceasefire had been extended\naround Damascus"),
            rule: None,
            adjusted_by: Vec::new(),
        };
        let report = Report {
            document: Document {
                id: "d1".to_owned(),
                published: "2016-05-01".to_owned(),
                outlet: Some("Wire".to_owned()),
                translated_by: Some("X".to_owned()),
                edited_by: Some("X".to_owned()),
                bytes: 300,
                extractor: "truce-extract/0.1.0".to_owned(),
                ..Document::default()
            },
            claims: vec![claim],
        };
        let text = text(&report);
        for needle in [
            "document d1 · published 2016-05-01 · Wire · 300 bytes",
            "translated and edited by X",
            "1 claim\n",
            "c1  truce.extended (asserted)",
            "truce:    ceasefire [temporary]",
            "agent: regime forces [syr_gov]",
            "scope: Damascus (city, around, Syria > Damascus) [170654]",
            "2016-05-01 → 2016-05-02 (day) \"for another 24 hours\"",
            "numbers:  24 hours",
            "said by:  an official of the Defence Ministry (unnamed) [rus_mod] via quoted by Interfax",
            "evidence: [40..87] \"the ceasefire had been extended around Damascus\"",
        ] {
            assert!(text.contains(needle), "missing {needle:?} in\n{text}");
        }
        let own_voice = Attribution {
            speaker: None,
            chain: vec![Link {
                role: "published_by".to_owned(),
                name: "Wire".to_owned(),
                id: None,
            }],
        };
        assert_eq!(attribution(&own_voice), "Wire, in its own voice");
    }
}
