//! One made-up report per linking, window and violation rule, built as
//! `truce_model::Report` JSON (so each rule is tested whatever the
//! extractor reads), each with a near miss.

use serde_json::{Value, json};
use truce_geo::Gazetteer;
use truce_ledger::{Ledger, Level, State, Status, parse_time};
use truce_model::Report;

const SYRIA: (&str, &str) = ("SY", "Syria");
const DAMASCUS: (&str, &str) = ("170654", "Damascus");
const ALEPPO: (&str, &str) = ("170063", "Aleppo");
const HOMS: (&str, &str) = ("169577", "Homs");
const SARAQIB: (&str, &str) = ("164816", "Saraqib");
const IDLIB: (&str, &str) = ("SY07", "Idlib");
const GENEVA: (&str, &str) = ("2660646", "Geneva");

/// A claim: `kind`, `modality`, truce name, places `(role, place)`, time
/// `(start, end, precision)`, actors `(role, id)`.
#[derive(Default)]
struct C<'a> {
    kind: &'a str,
    modality: &'a str,
    name: Option<&'a str>,
    subtype: Option<&'a str>,
    places: Vec<(&'a str, (&'a str, &'a str))>,
    time: Option<(Option<&'a str>, Option<&'a str>, &'a str)>,
    actors: Vec<(&'a str, &'a str)>,
    speaker: Option<&'a str>,
}

fn truce<'a>(kind: &'a str, places: &[(&'a str, (&'a str, &'a str))]) -> C<'a> {
    C {
        kind,
        modality: "asserted",
        name: Some("truce"),
        places: places.to_vec(),
        ..C::default()
    }
}

fn incident<'a>(subtype: &'a str, place: (&'a str, &'a str), day: &'a str) -> C<'a> {
    C {
        kind: "incident.attack",
        modality: "asserted",
        subtype: Some(subtype),
        places: vec![("location", place)],
        time: Some((Some(day), None, "day")),
        ..C::default()
    }
}

impl<'a> C<'a> {
    fn at(mut self, start: Option<&'a str>, end: Option<&'a str>, precision: &'a str) -> Self {
        self.time = Some((start, end, precision));
        self
    }
    fn modality(mut self, m: &'a str) -> Self {
        self.modality = m;
        self
    }
    fn actor(mut self, role: &'a str, id: &'a str) -> Self {
        self.actors.push((role, id));
        self
    }
    fn by(mut self, speaker: &'a str) -> Self {
        self.speaker = Some(speaker);
        self
    }
}

fn report(id: &str, published: &str, claims: Vec<C<'_>>) -> Report {
    let claims: Vec<Value> = claims
        .into_iter()
        .enumerate()
        .map(|(i, c)| {
            let mut v = json!({
                "id": format!("c{}", i + 1),
                "kind": c.kind,
                "modality": c.modality,
                "places": c.places.iter().map(|(role, (pid, name))| match pid.strip_prefix("ctl:") {
                    Some(actor) => json!({"role": role, "name": name, "kind": "area", "controlled_by": actor}),
                    None => json!({"role": role, "id": pid, "name": name}),
                }).collect::<Vec<_>>(),
                "actors": c.actors.iter().map(|(role, aid)| json!({"role": role, "id": aid, "name": aid})).collect::<Vec<_>>(),
                "attribution": {"chain": []},
                "evidence": {"start": 0, "end": 0, "text": format!("{id} {}", i + 1)}
            });
            if let Some(n) = c.name {
                v["truce"] = json!({"name": n});
            }
            if let Some(s) = c.subtype {
                v["subtype"] = json!(s);
            }
            if let Some(sp) = c.speaker {
                v["attribution"] = json!({"speaker": {"id": sp, "name": sp}, "chain": []});
            }
            if let Some((start, end, precision)) = c.time {
                let mut t = json!({"precision": precision});
                if let Some(s) = start {
                    t["start"] = json!(s);
                }
                if let Some(e) = end {
                    t["end"] = json!(e);
                }
                v["time"] = t;
            }
            v
        })
        .collect();
    serde_json::from_value(json!({
        "document": {"id": id, "published": published, "bytes": 0, "extractor": "test"},
        "claims": claims
    }))
    .expect("a valid report")
}

fn ledger(reports: Vec<Report>) -> Ledger {
    Ledger::from_reports(Gazetteer::embedded(), reports)
}

fn status(ledger: &Ledger, place: &str, at: &str) -> Status {
    let p = ledger.place(place).expect("place");
    ledger.status(p, parse_time(at).expect("time"))
}

fn states(s: &Status, level: Level) -> Vec<State> {
    s.truces
        .iter()
        .filter(|e| e.level == level)
        .map(|e| e.state)
        .collect()
}

fn nationwide(id: &str, day: &str) -> Report {
    report(
        id,
        day,
        vec![
            truce("truce.in_force", &[("scope", SYRIA)])
                .at(Some(day), None, "day")
                .by("rus_mod"),
        ],
    )
}

#[test]
fn venues_abroad_are_not_areas() {
    // "talks in Geneva on a truce in Aleppo": Geneva is where it was discussed
    let r = report(
        "venue",
        "2016-05-02",
        vec![
            truce("truce.declared", &[("scope", ALEPPO), ("scope", GENEVA)]).at(
                Some("2016-05-02"),
                None,
                "day",
            ),
            incident("shelling", HOMS, "2016-05-02"),
        ],
    );
    let l = ledger(vec![r]);
    let areas: Vec<String> = l.truces()[0]
        .areas
        .iter()
        .map(|a| a.place.name.clone())
        .collect();
    assert_eq!(areas, ["Aleppo"]);
    // near miss: a report about Switzerland keeps Geneva
    let swiss = report(
        "swiss",
        "2016-05-02",
        vec![truce("truce.declared", &[("scope", GENEVA)]).at(Some("2016-05-02"), None, "day")],
    );
    let l = ledger(vec![swiss]);
    assert_eq!(l.truces()[0].areas[0].place.name, "Geneva");
}

#[test]
fn one_nationwide_record_while_reports_keep_coming() {
    let l = ledger(vec![
        nationwide("n1", "2016-02-27"),
        nationwide("n2", "2016-03-30"),
        nationwide("n3", "2016-05-10"),
    ]);
    assert_eq!(l.truces().len(), 1, "gaps of 32 and 41 days");
    // near miss: two months without a word is another truce
    let l = ledger(vec![
        nationwide("n1", "2016-02-27"),
        nationwide("n2", "2016-05-01"),
    ]);
    assert_eq!(l.truces().len(), 2);
}

#[test]
fn local_mentions_join_the_nationwide_truce_declarations_do_not() {
    let collapsed_in_aleppo = report(
        "aleppo",
        "2016-03-10",
        vec![truce("truce.collapsed", &[("scope", ALEPPO)]).at(Some("2016-03-10"), None, "day")],
    );
    let l = ledger(vec![nationwide("n1", "2016-02-27"), collapsed_in_aleppo]);
    assert_eq!(l.truces().len(), 1);
    // the collapse bears on Aleppo only
    assert_eq!(
        states(&status(&l, "Aleppo", "2016-03-11"), Level::National),
        [State::Collapsed]
    );
    assert_eq!(
        states(&status(&l, "Homs", "2016-03-11"), Level::National),
        [State::InForce]
    );
    // near miss: a declaration in Aleppo is a local truce of its own
    let declared = report(
        "declared",
        "2016-03-10",
        vec![
            truce("truce.declared", &[("scope", ALEPPO)])
                .at(Some("2016-03-10"), None, "day")
                .actor("agent", "syr_army"),
        ],
    );
    let l = ledger(vec![nationwide("n1", "2016-02-27"), declared]);
    assert_eq!(l.truces().len(), 2);
    assert_eq!(
        states(&status(&l, "Aleppo", "2016-03-11"), Level::Local),
        [State::InForce]
    );
}

#[test]
fn a_planned_claim_elsewhere_is_a_proposed_area_of_the_same_report_truce() {
    let r = report(
        "plan",
        "2016-04-29",
        vec![
            truce("truce.declared", &[("scope", DAMASCUS)]).at(Some("2016-04-29"), None, "day"),
            truce("truce.in_force", &[("scope", ALEPPO)])
                .modality("planned")
                .at(Some("2016-04-29"), None, "day"),
        ],
    );
    let l = ledger(vec![r]);
    assert_eq!(l.truces().len(), 1);
    assert_eq!(
        states(&status(&l, "Aleppo", "2016-04-30"), Level::Local),
        [State::Proposed]
    );
    assert_eq!(
        states(&status(&l, "Damascus", "2016-04-30"), Level::Local),
        [State::InForce]
    );
}

#[test]
fn expansions_without_a_time_stay_proposed_extensions_with_one_establish() {
    let declared =
        truce("truce.declared", &[("scope", DAMASCUS)]).at(Some("2016-04-29"), None, "day");
    let to_aleppo =
        truce("truce.extended", &[("scope", ALEPPO)]).at(Some("2016-04-30"), None, "day");
    let l = ledger(vec![report("r", "2016-04-30", vec![declared, to_aleppo])]);
    assert_eq!(
        states(&status(&l, "Aleppo", "2016-05-01"), Level::Local),
        [State::Proposed],
        "'efforts to extend the truce to Aleppo' is not a truce in Aleppo"
    );
    // near miss: an extension with a new end establishes the area
    let declared =
        truce("truce.declared", &[("scope", DAMASCUS)]).at(Some("2016-04-29"), None, "day");
    let with_end = truce("truce.extended", &[("scope", ALEPPO)]).at(
        Some("2016-04-30"),
        Some("2016-05-02"),
        "day",
    );
    let l = ledger(vec![report("r", "2016-04-30", vec![declared, with_end])]);
    assert_eq!(
        states(&status(&l, "Aleppo", "2016-05-01"), Level::Local),
        [State::InForce]
    );
    assert_eq!(
        states(&status(&l, "Aleppo", "2016-05-04"), Level::Local),
        [State::Expired]
    );
}

#[test]
fn held_for_a_month_is_not_an_end_until_monday_is() {
    let held = truce("truce.in_force", &[("scope", HOMS)]).at(
        Some("2016-04-02"),
        Some("2016-05-02"),
        "day",
    );
    let l = ledger(vec![report("held", "2016-04-02", vec![held])]);
    let s = status(&l, "Homs", "2016-04-20");
    assert_eq!(states(&s, Level::Local), [State::InForce]);
    assert_eq!(s.truces[0].window.end, None);
    // near miss: an end alone bounds the window
    let until = truce("truce.in_force", &[("scope", HOMS)]).at(None, Some("2016-04-04"), "day");
    let l = ledger(vec![report("until", "2016-04-02", vec![until])]);
    assert_eq!(
        states(&status(&l, "Homs", "2016-04-20"), Level::Local),
        [State::Expired]
    );
    // a five-year window is a misread length
    let five = truce("truce.declared", &[("scope", HOMS)]).at(
        Some("2016-04-02"),
        Some("2021-04-02"),
        "day",
    );
    let l = ledger(vec![report("five", "2016-04-02", vec![five])]);
    assert_eq!(l.truces()[0].areas[0].window.end, None);
}

#[test]
fn a_collapse_dated_by_the_truce_start_counts_from_publication() {
    let declared = truce("truce.declared", &[("scope", HOMS)]).at(Some("2016-02-27"), None, "day");
    // "the Feb. 27 truce collapsed in April", published in May
    let collapsed =
        truce("truce.collapsed", &[("scope", HOMS)]).at(Some("2016-02-27"), None, "day");
    let l = ledger(vec![
        report("d", "2016-02-27", vec![declared]),
        report("k", "2016-03-20", vec![collapsed]),
    ]);
    assert_eq!(
        states(&status(&l, "Homs", "2016-03-01"), Level::Local),
        [State::InForce]
    );
    assert_eq!(
        states(&status(&l, "Homs", "2016-03-21"), Level::Local),
        [State::Collapsed]
    );
}

#[test]
fn a_declaration_after_a_corroborated_collapse_is_a_new_truce() {
    let declared = |id: &str, day: &'static str| {
        report(
            id,
            day,
            vec![
                truce("truce.declared", &[("scope", HOMS)])
                    .at(Some(day), None, "day")
                    .actor("agent", "syr_army"),
            ],
        )
    };
    let collapsed = |id: &str, day: &'static str, by: &'static str| {
        report(
            id,
            day,
            vec![
                truce("truce.collapsed", &[("scope", HOMS)])
                    .at(Some(day), None, "day")
                    .by(by),
            ],
        )
    };
    let l = ledger(vec![
        declared("d1", "2016-03-01"),
        collapsed("k1", "2016-03-03", "rebels"),
        collapsed("k2", "2016-03-04", "sohr"),
        declared("d2", "2016-03-06"),
    ]);
    assert_eq!(l.truces().len(), 2);
    // near miss: one collapse claim that another speaker contradicts
    let holds = report(
        "h",
        "2016-03-04",
        vec![
            truce("truce.in_force", &[("scope", HOMS)])
                .at(Some("2016-03-04"), None, "day")
                .by("rus_mod"),
        ],
    );
    let l = ledger(vec![
        declared("d1", "2016-03-01"),
        collapsed("k1", "2016-03-03", "rebels"),
        holds,
        declared("d2", "2016-03-06"),
    ]);
    assert_eq!(l.truces().len(), 1);
}

fn idlib_truce() -> Report {
    report(
        "idlib",
        "2016-05-01",
        vec![
            truce("truce.declared", &[("scope", IDLIB)])
                .at(Some("2016-05-01"), Some("2016-05-10"), "day")
                .actor("agent", "syr_army"),
            C {
                places: vec![
                    ("scope", IDLIB),
                    (
                        "excluded",
                        ("ctl:islamic_state", "areas controlled by Islamic State"),
                    ),
                ],
                ..truce("truce.declared", &[("scope", IDLIB)]).at(
                    Some("2016-05-01"),
                    Some("2016-05-10"),
                    "day",
                )
            },
        ],
    )
}

fn inferred(l: &Ledger) -> usize {
    l.violations(None).iter().filter(|v| !v.explicit).count()
}

#[test]
fn incidents_inside_a_local_truce_are_violations_when_plausible() {
    let strike = incident("airstrike", SARAQIB, "2016-05-03").actor("perpetrator", "syr_army");
    let l = ledger(vec![idlib_truce(), report("i", "2016-05-03", vec![strike])]);
    assert_eq!(inferred(&l), 1);
    // near misses, one rule each
    let cases: Vec<(&str, C<'_>)> = vec![
        (
            "unattributed generic attack",
            incident("attack", SARAQIB, "2016-05-03"),
        ),
        (
            "a tally over a week",
            incident("airstrike", SARAQIB, "2016-05-02").at(
                Some("2016-05-02"),
                Some("2016-05-08"),
                "week",
            ),
        ),
        (
            "after the window",
            incident("airstrike", SARAQIB, "2016-05-11"),
        ),
        (
            "before the truce",
            incident("airstrike", SARAQIB, "2016-04-28"),
        ),
        (
            "outside the area",
            incident("airstrike", HOMS, "2016-05-03"),
        ),
        (
            "against an excluded actor",
            incident("airstrike", SARAQIB, "2016-05-03").actor("target", "islamic_state"),
        ),
        (
            "negated",
            incident("airstrike", SARAQIB, "2016-05-03").modality("negated"),
        ),
    ];
    for (why, claim) in cases {
        let l = ledger(vec![idlib_truce(), report("i", "2016-05-03", vec![claim])]);
        assert_eq!(inferred(&l), 0, "{why}");
    }
}

#[test]
fn nationwide_violations_need_a_report_that_speaks_of_the_truce() {
    let shelling = || incident("shelling", HOMS, "2016-03-02").actor("perpetrator", "syr_army");
    let l = ledger(vec![
        nationwide("n1", "2016-02-27"),
        report("i", "2016-03-02", vec![shelling()]),
    ]);
    assert_eq!(inferred(&l), 0);
    let l = ledger(vec![
        nationwide("n1", "2016-02-27"),
        report(
            "i",
            "2016-03-02",
            vec![
                shelling(),
                truce("truce.in_force", &[]).at(Some("2016-03-02"), None, "day"),
            ],
        ),
    ]);
    assert_eq!(inferred(&l), 1);
}

#[test]
fn an_open_truce_nobody_speaks_of_is_not_assumed_to_hold() {
    let declared = report(
        "d",
        "2016-03-01",
        vec![truce("truce.declared", &[("scope", HOMS)]).at(Some("2016-03-01"), None, "day")],
    );
    let early = incident("shelling", HOMS, "2016-03-05").actor("perpetrator", "rebels");
    let late = incident("shelling", HOMS, "2016-04-05").actor("perpetrator", "rebels");
    let l = ledger(vec![
        declared,
        report("e", "2016-03-05", vec![early]),
        report("l", "2016-04-05", vec![late]),
    ]);
    let v = l.violations(None);
    assert_eq!(v.len(), 1, "{v:#?}");
    assert_eq!(v[0].claim.document, "e");
}

#[test]
fn bulk_and_one_by_one_agree_in_any_order() {
    let reports = vec![
        nationwide("n2", "2016-03-30"),
        idlib_truce(),
        nationwide("n1", "2016-02-27"),
        report(
            "i",
            "2016-05-03",
            vec![incident("airstrike", SARAQIB, "2016-05-03").actor("perpetrator", "syr_army")],
        ),
    ];
    let bulk = ledger(reports.clone());
    let mut single = Ledger::new(Gazetteer::embedded());
    for r in reports.iter().rev() {
        assert!(single.add(r.clone()));
    }
    assert_eq!(bulk.truces(), single.truces());
    assert_eq!(bulk.violations(None), single.violations(None));
    let mut twice = ledger(reports.clone());
    assert_eq!(twice.extend(reports), 0);
}
