//! The scorers, checked on hand-made reports, and the committed gold sample
//! run through the extractor. Nothing here reads /work/shared.

use truce_eval::fakes::main_event;
use truce_eval::gold::{self, GoldReport};
use truce_eval::places::Governorates;
use truce_eval::score::Scorer;
use truce_eval::{Half, Options, View, fakes, ucdp};
use truce_extract::Extractor;
use truce_model::{
    Attribution, Claim, ClaimKind, Document, Excerpt, Modality, PlaceRef, Quantity, Report, Span,
    TimeRef,
};

const SAMPLE: &str = include_str!("../../../eval/gold/sample.jsonl");
const GOLD: &str = include_str!("../../../eval/gold/gold.jsonl");

fn claim(kind: ClaimKind) -> Claim {
    Claim {
        id: "c1".into(),
        kind,
        subtype: None,
        modality: Modality::Asserted,
        truce: None,
        actors: Vec::new(),
        places: Vec::new(),
        time: None,
        quantities: Vec::new(),
        targets: Vec::new(),
        attribution: Attribution::default(),
        evidence: Excerpt::new(Span::new(0, 1), "x"),
        rule: None,
        adjusted_by: Vec::new(),
    }
}

fn place(name: &str, id: &str) -> PlaceRef {
    PlaceRef {
        role: "location".into(),
        id: Some(id.into()),
        name: name.into(),
        kind: None,
        lat: None,
        lon: None,
        admin: Vec::new(),
        qualifier: None,
        controlled_by: None,
        mention: None,
    }
}

fn day(start: &str) -> TimeRef {
    TimeRef {
        start: Some(start.into()),
        end: None,
        precision: "day".into(),
        mention: None,
    }
}

fn report(claims: Vec<Claim>) -> Report {
    Report {
        document: Document::default(),
        claims,
    }
}

fn killed(v: f64) -> Quantity {
    Quantity {
        value: v,
        approx: None,
        what: "killed".into(),
        of: None,
        mention: None,
    }
}

#[test]
fn gold_matching_on_hand_made_reports() {
    let govs = Governorates::new();
    let g: GoldReport = serde_json::from_str(
        r#"{"id":"t1","text":"x","published":"2016-05-01",
            "expect":[{"kind":"incident.attack","subtype":"airstrike","places":["Lattakia"],
                       "time":{"start":"2016-04-30"},"quantities":[{"value":9,"what":"killed"}]},
                      {"kind":"truce.in_force","places":["Aleppo"]}],
            "reject":["truce.collapsed"]}"#,
    )
    .expect("gold line");
    // right kind, alternative spelling of the place (same gazetteer id), right day and count
    let mut hit = claim(ClaimKind::IncidentAttack);
    hit.subtype = Some("airstrike".into());
    hit.places = vec![place("Latakia", "SY06")];
    hit.time = Some(day("2016-04-30"));
    hit.quantities = vec![killed(9.0)];
    // a second attack with the wrong count, listed first: the better one must win
    let mut worse = hit.clone();
    worse.quantities = vec![killed(8.0)];
    let collapsed = claim(ClaimKind::TruceCollapsed);
    let r = report(vec![worse, hit, collapsed]);
    let out = gold::match_report(&g, &r, &govs);
    assert!(out[0].found(), "{:?}", out[0]);
    assert_eq!(out[0].claim, Some(1));
    assert!(!out[1].found());
    assert_eq!(out[1].claim, None);

    let mut s = Scorer::default();
    gold::score_report(&mut s, Half::Dev, &g, &r, &govs);
    let e = s.finish("gold", "hand", Vec::new(), &Options::default());
    let t = |name: &str| e.tally(name, View::Dev).expect(name);
    assert_eq!((t("all kinds recall").hit, t("all kinds recall").n), (1, 2));
    // three extracted claims, one found
    assert_eq!(
        (t("all kinds precision").hit, t("all kinds precision").n),
        (1, 3)
    );
    assert_eq!(
        (
            t("incident.attack precision").hit,
            t("incident.attack precision").n
        ),
        (1, 2)
    );
    assert_eq!(
        (t("near misses rejected").hit, t("near misses rejected").n),
        (0, 1)
    );
    assert_eq!(
        (t("field: quantities").hit, t("field: quantities").n),
        (1, 1)
    );

    // a wrong day and a wrong place each break the match
    let mut wrong = claim(ClaimKind::IncidentAttack);
    wrong.subtype = Some("airstrike".into());
    wrong.places = vec![place("Homs", "SY04")];
    wrong.time = Some(day("2016-04-29"));
    wrong.quantities = vec![killed(9.0)];
    let out = gold::match_report(&g, &report(vec![wrong]), &govs);
    assert!(!out[0].found());
    assert_eq!(out[0].checks[2], Some(false), "places");
    assert_eq!(out[0].checks[4], Some(false), "time");
    assert_eq!(out[0].checks[5], Some(true), "quantities");
}

#[test]
fn an_end_date_matches_the_following_midnight() {
    let govs = Governorates::new();
    let g: GoldReport = serde_json::from_str(
        r#"{"id":"t2","text":"x","published":"2016-10-20",
            "expect":[{"kind":"truce.extended","time":{"end":"2016-10-22"}}]}"#,
    )
    .expect("gold line");
    let mut c = claim(ClaimKind::TruceExtended);
    c.time = Some(TimeRef {
        start: None,
        end: Some("2016-10-23T00:00:00+03:00".into()),
        precision: "hour".into(),
        mention: None,
    });
    assert!(gold::match_report(&g, &report(vec![c.clone()]), &govs)[0].found());
    c.time = Some(TimeRef {
        end: Some("2016-10-23T06:00:00+03:00".into()),
        ..c.time.clone().expect("time")
    });
    assert!(!gold::match_report(&g, &report(vec![c]), &govs)[0].found());
}

#[test]
fn main_event_prefers_the_first_incident_with_a_syrian_place() {
    let govs = Governorates::new();
    let published = "2016-05-02".parse().expect("date");
    let mut truce = claim(ClaimKind::TruceInForce);
    truce.places = vec![place("Latakia", "SY06")];
    let mut abroad = claim(ClaimKind::IncidentAttack);
    abroad.places = vec![place("Tripoli", "266826")];
    let mut attack = claim(ClaimKind::IncidentAttack);
    attack.places = vec![place("Aleppo", "170063")];
    attack.time = Some(day("2016-05-01"));
    let ev = main_event(
        &report(vec![truce.clone(), abroad, attack]),
        published,
        &govs,
    );
    let gaz = govs.gazetteer();
    assert_eq!(ev.governorate.map(|g| gaz.get(g).id.as_str()), Some("SY02"));
    assert_eq!(ev.date.to_string(), "2016-05-01");
    // no incident with a Syrian place: the first Syrian place of any claim, publication date
    let ev = main_event(&report(vec![truce]), published, &govs);
    assert_eq!(ev.governorate.map(|g| gaz.get(g).id.as_str()), Some("SY06"));
    assert_eq!(ev.date.to_string(), "2016-05-02");
    // nothing at all
    let ev = main_event(&report(Vec::new()), published, &govs);
    assert_eq!(ev.governorate, None);
}

#[test]
fn ucdp_counts_deaths_as_the_largest_killed_quantity() {
    let mut c = claim(ClaimKind::IncidentAttack);
    c.quantities = vec![killed(96.0), killed(29.0)];
    assert_eq!(ucdp::deaths(&c), 96.0);
    assert_eq!(ucdp::deaths(&claim(ClaimKind::IncidentAttack)), 0.0);
}

#[test]
fn csv_sets_run_end_to_end_on_tiny_inputs() {
    let extractor = Extractor::new().expect("extractor");
    let fakes_csv = "unit_id,article_title,article_content,source,date,location,labels\n\
        1,t,\"Mon 02 May 2016 Government warplanes struck Saraqeb in Idlib province on Sunday killing 9 people.\",x,5/1/2016,idlib,1\n\
        2,t,\"No date here. Shelling hit Homs.\",x,5/3/2016,homs,0\n";
    let e = fakes::evaluate(fakes_csv, "tiny", &extractor, &Options::default()).expect("fakes");
    assert_eq!(e.rows_dev + e.rows_test, 2);
    let g = e.tally("governorate", View::All).expect("field");
    assert_eq!(g.n, 2);
    let printed = e
        .tally("date exact [label date printed]", View::All)
        .map_or(0, |t| t.n);
    assert_eq!(printed, 0, "label 2016-05-01 is not printed in either row");
    assert!(e.notes.iter().any(|n| n.contains("1 rows print none")));

    let ucdp_csv = "id,source_headline,source_date,adm_1,date_start,date_end,best\n\
        7,\"Air strikes on Saraqeb kill 9 civilians;More shelling\",2016-06-11;2016-06-11,Idlib Governorate,2016-06-11,2016-06-11,9\n\
        8,Nothing happened,2016-06-12,,2016-06-12,2016-06-12,0\n";
    let e = ucdp::evaluate(ucdp_csv, "tiny", &extractor, &Options::default()).expect("ucdp");
    assert_eq!(e.rows_dev + e.rows_test, 2);
    // the row without adm_1 does not count for the governorate field
    assert_eq!(e.tally("governorate", View::All).expect("field").n, 1);
    assert_eq!(e.tally("incident found", View::All).expect("field").n, 2);
    assert!(fakes::evaluate("a,b\n1,2\n", "bad", &extractor, &Options::default()).is_err());
}

#[test]
fn the_gold_set_covers_every_kind_with_near_misses() {
    let reports = gold::parse(GOLD, "gold.jsonl").expect("gold set parses");
    assert!(reports.len() >= 60, "{}", reports.len());
    for k in ClaimKind::ALL {
        assert!(
            reports
                .iter()
                .any(|r| r.expect.iter().any(|e| e.kind == *k)),
            "no expected {k}"
        );
    }
    let rejects = reports.iter().filter(|r| !r.reject.is_empty()).count();
    assert!(rejects >= 8, "{rejects}");
    let mut ids: Vec<&str> = reports.iter().map(|r| r.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), reports.len(), "ids are unique");
}

/// Measured when the sample was committed: recall 13/15 (86.7%), precision
/// 13/16, near misses 2/2. The thresholds leave room for rule changes; a
/// drop below them is a regression to look at.
#[test]
fn gold_sample_recall_stays_above_its_floor() {
    let extractor = Extractor::new().expect("extractor");
    let e = gold::evaluate(SAMPLE, "sample.jsonl", &extractor, &Options::default())
        .expect("sample parses");
    assert!(e.rows_dev + e.rows_test >= 15);
    let recall = e.tally("all kinds recall", View::All).expect("recall");
    let precision = e
        .tally("all kinds precision", View::All)
        .expect("precision");
    let kind = e
        .tally("kind found (fields aside)", View::All)
        .expect("kind");
    let rejected = e.tally("near misses rejected", View::All).expect("rejects");
    assert!(recall.rate().unwrap_or(0.0) >= 0.65, "recall {recall:?}");
    assert!(
        precision.rate().unwrap_or(0.0) >= 0.6,
        "precision {precision:?}"
    );
    assert!(kind.rate().unwrap_or(0.0) >= 0.8, "kind found {kind:?}");
    assert!(rejected.hit >= 1, "near misses {rejected:?}");
}
