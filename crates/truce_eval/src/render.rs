//! Print an [`Evaluation`]: a text table (field, dev, test, n) or JSON.

use crate::score::{Evaluation, Tally};
use crate::split::View;
use serde_json::{Value, json};
use std::fmt::Write as _;

/// A column: its heading and how it reads a field.
type Column = (&'static str, fn(&crate::Field) -> Tally);

fn columns(view: View) -> Vec<Column> {
    match view {
        View::Dev => vec![("dev", |f| f.dev)],
        View::Test => vec![("test", |f| f.test)],
        View::All => vec![("all", |f| f.all())],
        View::Both => vec![("dev", |f| f.dev), ("test", |f| f.test)],
    }
}

fn pct(t: Tally) -> String {
    t.rate()
        .map_or_else(|| "-".to_owned(), |r| format!("{:.1}%", r * 100.0))
}

/// The text table, speed, notes and misses.
pub fn text(e: &Evaluation, view: View) -> String {
    let mut out = String::new();
    let cols = columns(view);
    let _ = writeln!(
        out,
        "{}: {} (labelled rows: dev {}, test {})",
        e.set, e.source, e.rows_dev, e.rows_test
    );
    let _ = writeln!(out, "split: {}", e.split);
    let width = e
        .fields
        .iter()
        .map(|f| f.name.chars().count())
        .max()
        .unwrap_or(5)
        .max(5);
    let _ = write!(out, "{:<width$}", "field");
    for (name, _) in &cols {
        let _ = write!(out, "  {name:>7}");
    }
    let _ = writeln!(
        out,
        "  {}",
        if cols.len() > 1 { "n (dev/test)" } else { "n" }
    );
    for f in &e.fields {
        let _ = write!(out, "{:<width$}", f.name);
        let mut ns = Vec::new();
        for (_, get) in &cols {
            let t = get(f);
            let _ = write!(out, "  {:>7}", pct(t));
            ns.push(t.n.to_string());
        }
        let _ = writeln!(out, "  {}", ns.join("/"));
    }
    let s = &e.speed;
    let _ = writeln!(
        out,
        "speed: {} reports, {:.2} MB in {:.2} s on one core (extraction only): {:.0} reports/s, {:.2} MB/s",
        s.reports,
        s.bytes as f64 / 1e6,
        s.seconds,
        s.reports_per_s,
        s.mb_per_s
    );
    for n in &e.notes {
        let _ = writeln!(out, "note: {n}");
    }
    if !e.misses.is_empty() {
        let _ = writeln!(out, "\nworst misses ({}):", e.misses.len());
        for m in &e.misses {
            let _ = writeln!(out, "- [{} {}] {}", m.half.as_str(), m.id, m.excerpt);
            let _ = writeln!(out, "    label: {}", m.label);
            let _ = writeln!(out, "    truce: {}", m.read);
        }
    }
    out
}

fn tally_json(t: Tally) -> Value {
    json!({ "hit": t.hit, "n": t.n, "rate": t.rate() })
}

/// One JSON object; fields carry the columns of `view`.
pub fn json(e: &Evaluation, view: View) -> Value {
    let cols = columns(view);
    let fields: Vec<Value> = e
        .fields
        .iter()
        .map(|f| {
            let mut o = serde_json::Map::new();
            o.insert("field".into(), json!(f.name));
            for (name, get) in &cols {
                o.insert((*name).into(), tally_json(get(f)));
            }
            Value::Object(o)
        })
        .collect();
    json!({
        "set": e.set,
        "source": e.source,
        "split": e.split,
        "rows": { "dev": e.rows_dev, "test": e.rows_test },
        "fields": fields,
        "speed": e.speed,
        "notes": e.notes,
        "misses": e.misses,
    })
}
