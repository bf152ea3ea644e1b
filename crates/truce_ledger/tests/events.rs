//! Incidents as events: fixtures of our own (invented reports), read by the
//! real extractor. One strike reported five times is one event; two strikes
//! in different towns the same day are two; the same town a week apart are
//! two.

mod common;

use serde_json::Value;
use truce_extract::Input;
use truce_geo::Gazetteer;
use truce_ledger::{EVENT_COLUMNS, Ledger, TRUCE_RECORD_COLUMNS, Table};

/// (text, published, outlet, url)
type Doc<'a> = (&'a str, &'a str, Option<&'a str>, Option<&'a str>);

const TRUCE: Doc = (
    "The Syrian army declared a truce in Idlib province until Friday, state media said.",
    "2016-05-01",
    Some("Levant Wire"),
    None,
);

/// Five reports of one strike on Saraqib on Wednesday 4 May 2016.
const SARAQIB: [Doc; 5] = [
    (
        "Government warplanes struck the town of Saraqib on Wednesday, killing 12 civilians, activists said.",
        "2016-05-04",
        Some("Levant Wire"),
        Some("https://levantwire.example/2016/05/04/saraqib"),
    ),
    (
        "Government air strikes killed 14 people in the town of Saraqib on Wednesday, a monitoring group said.",
        "2016-05-04",
        None,
        Some("https://www.reuters.com/article/saraqib-strike-idUS1"),
    ),
    (
        "At least 15 people were killed in government air strikes on the town of Saraqib on Wednesday, rescue workers said.",
        "2016-05-05",
        None,
        Some("https://www.aljazeera.com/news/2016/5/5/saraqib"),
    ),
    (
        "Government jets bombed the town of Saraqib in Idlib province on Wednesday, killing 12 civilians, residents said.",
        "2016-05-04",
        Some("Orontes Daily"),
        None,
    ),
    (
        "Government warplanes pounded the town of Saraqib, killing 20 people, a local official said.",
        "2016-05-04",
        Some("Cedar Post"),
        None,
    ),
];

/// The same day, another town.
const MAARAT: Doc = (
    "Government air strikes on the town of Kafranbel on Wednesday killed four civilians, activists said.",
    "2016-05-04",
    Some("Levant Wire"),
    None,
);

/// The same town, a week later.
const WEEK_LATER: Doc = (
    "Government air strikes on the town of Saraqib on Wednesday killed nine people, activists said.",
    "2016-05-11",
    Some("Levant Wire"),
    None,
);

fn ledger(docs: &[Doc]) -> Ledger {
    let mut ledger = Ledger::new(Gazetteer::embedded());
    for (text, published, outlet, url) in docs {
        let mut input = Input::new(text, published).expect("input");
        input.outlet = outlet.map(str::to_string);
        input.url = url.map(str::to_string);
        ledger.add(common::extractor().extract(&input));
    }
    ledger
}

fn all_docs() -> Vec<Doc<'static>> {
    let mut docs = vec![TRUCE];
    docs.extend(SARAQIB);
    docs.extend([MAARAT, WEEK_LATER]);
    docs
}

#[test]
fn one_strike_reported_five_times_is_one_event() {
    let l = ledger(&all_docs());
    let events = l.event_rows();
    let on = |place: &str, date: &str| {
        events
            .iter()
            .filter(|e| e.place.name == place && e.date == date)
            .collect::<Vec<_>>()
    };
    let saraqib = on("Saraqib", "2016-05-04");
    assert_eq!(saraqib.len(), 1, "{events:#?}");
    let e = saraqib[0];
    assert_eq!(e.n_sources, 5, "{e:#?}");
    assert_eq!(e.sources.len(), 5);
    assert_eq!(e.event_type, "Explosions/Remote violence");
    assert_eq!(e.sub_event_type, "airstrike");
    assert_eq!(e.geo_precision, 1);
    assert_eq!(e.admin1.as_deref(), Some("Idlib"));
    let toll = e.fatalities.expect("a toll");
    assert_eq!((toll.low, toll.best, toll.high), (12.0, 14.0, 20.0));
    // the truce in Idlib runs until Friday: the strike violates it
    assert!(e.violation);
    assert!(e.truce_id.is_some());
    // citations name outlet, date, title (when known) and URL; outlets not
    // given are left empty here (ingest fills them from the URL)
    assert!(
        e.sources.iter().any(|s| s.citation
            == "Levant Wire, 2016-05-04, https://levantwire.example/2016/05/04/saraqib"),
        "{:#?}",
        e.sources
    );
    assert_eq!(on("Kafranbel", "2016-05-04").len(), 1, "{events:#?}");
    let later = on("Saraqib", "2016-05-11");
    assert_eq!(later.len(), 1, "{events:#?}");
    assert_ne!(later[0].event_id, e.event_id);
    assert!(!later[0].violation, "the truce ended on Friday");
}

#[test]
fn event_ids_are_stable_and_independent_of_order() {
    let docs = all_docs();
    let mut reversed = docs.clone();
    reversed.reverse();
    let ids = |l: Ledger| {
        let mut ids: Vec<String> = l.event_rows().into_iter().map(|e| e.event_id).collect();
        ids.sort();
        ids
    };
    let a = ids(ledger(&docs));
    assert_eq!(a, ids(ledger(&reversed)));
    assert_eq!(a.len(), 3);
    assert!(a.iter().all(|id| id.starts_with("ev-") && id.len() == 19));
}

#[test]
fn events_csv_has_the_columns_and_one_row_per_event() {
    let l = ledger(&all_docs());
    let mut out = Vec::new();
    l.export_csv(&mut out, Table::Events, None).expect("writes");
    let mut reader = csv::Reader::from_reader(out.as_slice());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(header, EVENT_COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 3);
    let col = |name: &str| header.iter().position(|h| h == name).expect(name);
    let five = rows
        .iter()
        .find(|r| &r[col("n_sources")] == "5")
        .expect("the Saraqib event");
    assert_eq!(&five[col("date")], "2016-05-04");
    assert_eq!(&five[col("fatalities_best")], "14");
    assert_eq!(&five[col("violation")], "true");
    assert_eq!(five[col("source_urls")].split("; ").count(), 3);
    assert!(five[col("latitude")].parse::<f64>().is_ok_and(|x| x > 35.0));
}

#[test]
fn truces_csv_is_one_row_per_truce_with_offsets() {
    let l = ledger(&all_docs());
    let mut out = Vec::new();
    l.export_csv(&mut out, Table::Truces, None).expect("writes");
    let mut reader = csv::Reader::from_reader(out.as_slice());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(header, TRUCE_RECORD_COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), l.truces().len());
    let col = |name: &str| header.iter().position(|h| h == name).expect(name);
    let idlib = rows
        .iter()
        .find(|r| &r[col("scope_include")] == "Idlib")
        .expect("the Idlib truce");
    assert_eq!(&idlib[col("declarer")], "syr_army");
    assert_eq!(&idlib[col("declaration")], "unilateral");
    assert_eq!(&idlib[col("fixed_duration")], "true");
    assert_eq!(&idlib[col("ended_how")], "expired");
    assert_eq!(&idlib[col("end")], "2016-05-07T00:00:00+03:00");
    assert!(idlib[col("declared")].starts_with("2016-05-01T"));
    assert_eq!(&idlib[col("n_sources")], "1");
}

#[test]
fn every_format_honours_what() {
    let l = ledger(&all_docs());
    let json = |format, what| {
        let mut out = Vec::new();
        l.export_what(format, Some(what), &mut out, None)
            .expect("writes");
        serde_json::from_slice::<Value>(&out).expect("JSON")
    };
    let events = json(truce_ledger::ExportFormat::Json, Table::Events);
    assert_eq!(events["events"].as_array().map(Vec::len), Some(3));
    assert!(events.get("truces").is_none() && events.get("claims").is_none());
    let geo = json(truce_ledger::ExportFormat::GeoJson, Table::Events);
    let features = geo["features"].as_array().expect("features");
    assert_eq!(features.len(), 3);
    assert!(
        features
            .iter()
            .all(|f| f["properties"]["kind"] == "event" && f["geometry"]["type"] == "Point")
    );
    let areas = json(truce_ledger::ExportFormat::GeoJson, Table::Truces);
    let features = areas["features"].as_array().expect("features");
    assert!(!features.is_empty());
    assert!(
        features
            .iter()
            .all(|f| f["properties"]["kind"] == "truce_area")
    );
    // Idlib governorate has an outline on the map
    assert!(
        features
            .iter()
            .any(
                |f| f["properties"]["place_id"] == "SY07" && f["geometry"]["type"] == "Polygon"
                    || f["geometry"]["type"] == "MultiPolygon"
            ),
        "{features:#?}"
    );
}

#[test]
fn an_event_counts_against_the_most_specific_truce() {
    let nationwide: Doc = (
        "The Syrian government and rebel groups accepted a nationwide cessation of hostilities across Syria on Monday, state media said.",
        "2016-05-02",
        Some("Levant Wire"),
        None,
    );
    let strike: Doc = (
        "Government warplanes struck the town of Saraqib on Wednesday, killing 12 civilians, activists said. The nationwide cessation of hostilities in Syria has largely held since Monday, a monitor said.",
        "2016-05-04",
        Some("Orontes Daily"),
        None,
    );
    let l = ledger(&[TRUCE, nationwide, strike]);
    let events = l.event_rows();
    let e = events
        .iter()
        .find(|e| e.place.name == "Saraqib")
        .expect("the strike");
    let violated: Vec<String> = l
        .violations(None)
        .into_iter()
        .filter(|v| v.claim.evidence.contains("Saraqib"))
        .map(|v| v.truce)
        .collect();
    let local = l
        .truces()
        .into_iter()
        .find(|t| t.level == truce_ledger::Level::Local)
        .expect("the Idlib truce");
    assert!(
        violated.len() >= 2,
        "both truces: {violated:?} {:#?}",
        l.truces()
            .iter()
            .map(|t| (&t.id, t.level, &t.name, t.links.len()))
            .collect::<Vec<_>>()
    );
    assert_eq!(e.truce_id.as_deref(), Some(local.id.as_str()), "{e:#?}");
}

#[test]
fn a_violation_reported_with_its_strike_is_an_event() {
    let strike: Doc = (
        "Government warplanes struck the town of Saraqib on Wednesday, killing 12 civilians despite the truce, activists said.",
        "2016-05-04",
        Some("Orontes Daily"),
        None,
    );
    let l = ledger(&[TRUCE, SARAQIB[0], strike]);
    let events = l.event_rows();
    assert_eq!(events.len(), 1, "{events:#?}");
    assert_eq!(events[0].n_sources, 2);
    assert!(events[0].violation);
}

#[test]
fn a_story_republished_by_its_outlet_counts_once() {
    let first = SARAQIB[0];
    let update: Doc = (
        "Government warplanes struck the town of Saraqib on Wednesday, killing 12 civilians, activists said. Rescue workers searched the rubble into the night.",
        "2016-05-04",
        Some("Levant Wire"),
        Some("https://levantwire.example/2016/05/04/saraqib-update"),
    );
    let other_outlet: Doc = (
        "Government warplanes struck the town of Saraqib on Wednesday, killing 12 civilians, activists said. The town lies on the main road south.",
        "2016-05-04",
        Some("Cedar Post"),
        None,
    );
    let l = ledger(&[first, update, other_outlet]);
    let events = l.event_rows();
    assert_eq!(events.len(), 1, "{events:#?}");
    let e = &events[0];
    assert_eq!(e.sources.len(), 3);
    assert_eq!(e.n_sources, 2, "{e:#?}");
    let copy = e
        .sources
        .iter()
        .find(|s| s.source.copy_of.is_some())
        .expect("the update is a copy");
    assert_eq!(copy.source.outlet.as_deref(), Some("Levant Wire"));
    assert_eq!(
        copy.source.copy_of,
        Some(e.sources[0].source.document.clone())
    );
}
