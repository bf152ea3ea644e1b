//! Exports and counts: JSON parses back, every CSV row has the header's
//! columns, GeoJSON is a FeatureCollection of Points.

mod common;

use serde_json::Value;
use truce_ledger::{ExportFormat, Ledger, Table, parse_time};

const DECLARED: &str =
    "The Syrian army declared a truce in Idlib province until Friday, state media said.";
const EXCLUDING: &str =
    "The Syrian army declared a ceasefire across Syria, excluding Idlib province.";
const BOMBED: &str = "Government warplanes bombed the town of Saraqeb on Wednesday, killing five civilians, activists said.";
const ACCUSED: &str = "Rebels accused government forces of violating the truce in Idlib with shelling on Saturday, saying \"the truce, is over\".";

fn ledger() -> Ledger {
    common::ledger(&[
        (DECLARED, "2016-05-01"),
        (EXCLUDING, "2016-05-01"),
        (BOMBED, "2016-05-05"),
        (ACCUSED, "2016-05-08"),
    ])
}

/// A small RFC 4180 reader: rows of cells.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        match (quoted, ch) {
            (true, '"') if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    assert!(!quoted, "unterminated quote");
    rows
}

#[test]
fn counts_add_up() {
    let l = ledger();
    let c = l.counts();
    assert_eq!(c.documents, 4);
    assert_eq!(c.truces, l.truces().len());
    assert!(c.claims >= 4);
    assert!(c.incidents >= 1);
    assert_eq!(c.violations, l.violations(None).len());
    assert_eq!(c.disputes, l.disputes().len());
}

#[test]
fn json_round_trips() {
    let l = ledger();
    let mut out = Vec::new();
    l.export_json(&mut out, None).expect("writes");
    let v: Value = serde_json::from_slice(&out).expect("valid JSON");
    assert_eq!(v["at"], "2016-05-08T00:00:00+03:00");
    assert_eq!(v["counts"]["documents"], 4);
    let truces = v["truces"].as_array().expect("truces");
    assert_eq!(truces.len(), l.truces().len());
    let idlib = truces
        .iter()
        .find(|t| t["level"] == "local")
        .expect("the Idlib truce");
    assert_eq!(idlib["declarers"][0], "syr_army");
    let area = &idlib["areas"][0];
    assert_eq!(area["place"]["id"], "SY07");
    assert!(area["place"]["lat"].as_f64().is_some_and(|x| x > 35.0));
    assert_eq!(area["state"], "expired");
    assert!(!idlib["claims"].as_array().expect("claims").is_empty());
    let national = truces
        .iter()
        .find(|t| t["level"] == "national")
        .expect("the nationwide truce");
    assert!(
        national["areas"]
            .as_array()
            .expect("areas")
            .iter()
            .any(|a| a["excluded"] == true && a["place"]["id"] == "SY07")
    );
    let claims = v["claims"].as_array().expect("claims");
    assert_eq!(claims.len(), l.counts().claims);
    assert!(
        claims
            .iter()
            .all(|c| c["evidence"].is_string() && c["published"].is_string())
    );
    assert!(claims.iter().any(|c| {
        c["attribution"]
            .as_str()
            .is_some_and(|a| a.contains("activists"))
    }));
    let incidents = v["incidents"].as_array().expect("incidents");
    let strike = incidents
        .iter()
        .find(|i| i["evidence"] == BOMBED)
        .expect("the strike");
    assert_eq!(strike["killed"], 5.0);
    assert!(strike["places"][0]["lat"].is_number());
    assert_eq!(strike["violates"][0], idlib["id"]);
    // at an earlier time the same truce is in force
    let mut out = Vec::new();
    l.export(ExportFormat::Json, &mut out, parse_time("2016-05-03").ok())
        .expect("writes");
    let v: Value = serde_json::from_slice(&out).expect("valid JSON");
    let idlib = v["truces"]
        .as_array()
        .and_then(|t| t.iter().find(|t| t["level"] == "local").cloned())
        .expect("idlib");
    assert_eq!(idlib["areas"][0]["state"], "in_force");
}

#[test]
fn csv_rows_have_the_header_columns() {
    let l = ledger();
    for (table, min_rows) in [
        (Table::Truces, 2),
        (Table::Claims, 4),
        (Table::Incidents, 1),
    ] {
        let mut out = Vec::new();
        l.export_csv(&mut out, table, None).expect("writes");
        let text = String::from_utf8(out).expect("utf-8");
        let rows = parse_csv(&text);
        let header = &rows[0];
        assert!(rows.len() > min_rows, "{table:?}: {}", rows.len());
        for row in &rows {
            assert_eq!(row.len(), header.len(), "{table:?}: {row:?}");
        }
        if table == Table::Claims {
            assert_eq!(rows.len(), l.counts().claims + 1);
            // quotes and commas in evidence survive
            let evidence = header.iter().position(|h| h == "evidence").expect("column");
            assert!(rows.iter().any(|r| r[evidence] == ACCUSED), "{rows:?}");
        }
    }
}

#[test]
fn geojson_has_areas_and_incident_points() {
    let l = ledger();
    let mut out = Vec::new();
    l.export_geojson(&mut out, None).expect("writes");
    let v: Value = serde_json::from_slice(&out).expect("valid JSON");
    assert_eq!(v["type"], "FeatureCollection");
    let features = v["features"].as_array().expect("features");
    for f in features {
        assert_eq!(f["type"], "Feature");
        if f["geometry"]["type"] != "Point" {
            // areas with an outline on the map (countries, governorates)
            assert_eq!(f["properties"]["kind"], "truce_area");
            assert!(f["geometry"]["coordinates"].is_array());
            continue;
        }
        let xy = f["geometry"]["coordinates"]
            .as_array()
            .expect("coordinates");
        assert_eq!(xy.len(), 2);
        let (lon, lat) = (xy[0].as_f64().expect("lon"), xy[1].as_f64().expect("lat"));
        assert!((-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat));
    }
    let kind = |k: &str| {
        features
            .iter()
            .filter(|f| f["properties"]["kind"] == k)
            .count()
    };
    assert!(kind("truce_area") >= 2);
    assert!(kind("incident") >= 1);
    assert!(features.iter().any(|f| f["properties"]["excluded"] == true));
    assert!(
        features.iter().all(
            |f| f["properties"]["kind"] != "truce_area" || f["properties"]["truce"].is_string()
        )
    );
}
