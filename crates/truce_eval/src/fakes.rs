//! FA-KES: Syrian-war articles with a crowd-labelled location and event date.
//!
//! Columns used: `unit_id` (row id, split key), `article_title`,
//! `article_content`, `source`, `date` (the label: event date, M/D/YYYY) and
//! `location` (the label: a city or governorate name, mapped to a Syrian
//! governorate through the gazetteer).
//!
//! **Publication date.** The set has none in a column. It is the first full
//! date printed in the first 300 bytes of the article ("Wed 05 Apr 2017",
//! "Date of publication 12 August 2016", "29-06-2016"), else the first full
//! date anywhere in the article or its title; when the article prints no
//! date at all, 2016-01-01 stands in (counted in the notes) and the date
//! field of that row will almost always be wrong. The label date is never
//! used as the publication date.
//!
//! **Main event** (see [`main_event`]): the first `incident.attack` or
//! `truce.violated` claim with a Syrian place; else the first claim of any
//! kind with a Syrian place. Its governorate is the governorate of its
//! first Syrian place; when no claim has a Syrian place, the governorate
//! of the first Syrian place the article names. When the title names
//! Syrian places and the main event lies in none of their governorates,
//! the first claim (incidents first) in one of the title's governorates is
//! the main event instead (a title names the article's main event), else
//! the title's first Syrian place gives the governorate. Its date is the
//! claim's time start when the claim has one at day precision or finer
//! (a span of more than two days, "over the past ten days", names no
//! day); else the time start of the first incident claim that has one; else the
//! publication date.
//!
//! **Governorate.** The label set names twelve governorates and has no value
//! for Rif Dimashq: the label "damascus" stands for the Damascus area, the
//! city and its countryside (Eastern Ghouta, Douma, Qalamoun), and a main
//! event in either Damascus or Rif Dimashq governorate matches it (the
//! peer's scorer reads the label the same way). The field "governorate,
//! strict" counts a Rif Dimashq reading against a "damascus" label as wrong.
//!
//! **Printed subset.** The rows whose label date appears as a full date in
//! the article (any of the printed forms above).

use crate::csv::{Table, field};
use crate::dates::{self, days_apart, parse_label};
use crate::places::Governorates;
use crate::score::{Evaluation, Miss, Scorer};
use crate::split::half_of;
use crate::{EvalError, Options, excerpt};
use jiff::civil::Date;
use truce_extract::{Extractor, Input};
use truce_geo::PlaceId;
use truce_model::{Claim, ClaimKind, Report};

/// Publication date used when an article prints none.
pub const FALLBACK_PUBLISHED: &str = "2016-01-01";
const FALLBACK_DATE: Date = jiff::civil::date(2016, 1, 1);

/// How far into the article the publication date is looked for first.
const HEAD_BYTES: usize = 300;

/// What truce names as an article's main event.
#[derive(Clone, Debug, PartialEq)]
pub struct MainEvent {
    pub governorate: Option<PlaceId>,
    pub date: Date,
    /// Id and kind of the claim it was read from, if any.
    pub from: Option<String>,
}

fn day_time(c: &Claim) -> Option<Date> {
    crate::dates::event_day(c.time.as_ref()?)
}

fn is_incident(c: &Claim) -> bool {
    matches!(c.kind, ClaimKind::IncidentAttack | ClaimKind::TruceViolated)
}

/// The main event of a report (see the module documentation).
pub fn main_event(report: &Report, published: Date, govs: &Governorates) -> MainEvent {
    let pick = report
        .claims
        .iter()
        .filter(|c| is_incident(c))
        .find_map(|c| govs.of_claim(c).first().map(|&g| (g, c)))
        .or_else(|| {
            report
                .claims
                .iter()
                .find_map(|c| govs.of_claim(c).first().map(|&g| (g, c)))
        });
    let date = pick
        .and_then(|(_, c)| day_time(c))
        .or_else(|| {
            report
                .claims
                .iter()
                .filter(|c| is_incident(c))
                .find_map(day_time)
        })
        .unwrap_or(published);
    MainEvent {
        governorate: pick.map(|(g, _)| g),
        date,
        from: pick.map(|(_, c)| {
            let sub = c
                .subtype
                .as_deref()
                .map(|s| format!("/{s}"))
                .unwrap_or_default();
            format!("{} {}{}", c.id, c.kind, sub)
        }),
    }
}

/// The publication date printed in an article, if any.
pub fn printed_published(title: &str, content: &str) -> Option<Date> {
    let found = dates::find(content);
    found
        .iter()
        .find(|f| f.at < HEAD_BYTES)
        .or_else(|| found.first())
        .map(|f| f.date)
        .or_else(|| dates::find(title).first().map(|f| f.date))
}

/// Score FA-KES rows (`text` is the CSV file's content).
pub fn evaluate(
    text: &str,
    source: &str,
    extractor: &Extractor,
    opts: &Options,
) -> Result<Evaluation, EvalError> {
    let table = Table::parse_source(text, source)?;
    let col = |name: &str| table.require(name, source);
    let (c_id, c_title, c_content, c_source, c_date, c_loc) = (
        col("unit_id")?,
        col("article_title")?,
        col("article_content")?,
        col("source")?,
        col("date")?,
        col("location")?,
    );
    let govs = Governorates::new();
    let fallback = FALLBACK_DATE;
    let mut s = Scorer::default();
    let (mut no_published, mut unmapped, mut printed_rows) = (0, 0, 0);
    let rows = table.rows.iter().take(opts.limit.unwrap_or(usize::MAX));
    for r in rows {
        let id = field(r, c_id);
        let (title, content) = (field(r, c_title), field(r, c_content));
        let label_date = parse_label(field(r, c_date));
        let label_gov = govs.of_label(field(r, c_loc));
        if label_date.is_none() && label_gov.is_none() {
            continue;
        }
        if label_gov.is_none() {
            unmapped += 1;
        }
        let half = half_of(id);
        s.row(half);
        let published = printed_published(title, content).unwrap_or_else(|| {
            no_published += 1;
            fallback
        });
        let printed = label_date.is_some_and(|l| {
            dates::find(content)
                .iter()
                .chain(dates::find(title).iter())
                .any(|f| f.date == l)
        });
        printed_rows += usize::from(printed);
        let Ok(mut input) = Input::new(content, &published.to_string()) else {
            continue;
        };
        input.id = Some(id.to_owned());
        input.title = Some(title.to_owned());
        input.outlet = Some(field(r, c_source).to_owned());
        let report = s.extract(id, extractor, &input);

        let mut ev = main_event(&report, published, &govs);
        if ev.governorate.is_none() {
            // No claim has a Syrian place: the first Syrian place the
            // article names.
            let named = extractor.mentions(&input);
            if let Some(g) = named.places.iter().find_map(|p| govs.of_place(p)) {
                ev.governorate = Some(g);
                ev.from = Some("first Syrian place named (no claim has one)".into());
            }
        }
        // The title names the main event's place: prefer the first claim
        // (incidents first) in one of the title's governorates.
        if let Ok(t) = Input::new(title, &published.to_string()) {
            let in_title: Vec<PlaceId> = extractor
                .mentions(&t)
                .places
                .iter()
                .filter_map(|p| govs.of_place(p))
                .collect();
            if !in_title.is_empty() && !ev.governorate.is_some_and(|g| in_title.contains(&g)) {
                let pick = |inc: bool| {
                    report
                        .claims
                        .iter()
                        .filter(|c| !inc || is_incident(c))
                        .find_map(|c| {
                            let g = govs
                                .of_claim(c)
                                .into_iter()
                                .find(|g| in_title.contains(g))?;
                            Some((g, Some(c)))
                        })
                };
                let found = pick(true)
                    .or_else(|| pick(false))
                    .or(in_title.first().map(|&g| (g, None)));
                if let Some((g, claim)) = found {
                    ev.governorate = Some(g);
                    if let Some(d) = claim.and_then(day_time) {
                        ev.date = d;
                    }
                    ev.from = Some(match claim {
                        Some(c) => format!("{} {} (in the title's governorate)", c.id, c.kind),
                        None => "the title's place".into(),
                    });
                }
            }
        }
        let strict = label_gov.map(|g| ev.governorate == Some(g));
        // The label vocabulary has no value for Rif Dimashq: "damascus" is
        // the Damascus area, the city and its countryside (Eastern Ghouta,
        // Douma, Qalamoun). The peer's scorer reads it the same way.
        let gov_ok = label_gov.map(|g| {
            let damascus = |p: Option<PlaceId>| {
                p.map(|p| govs.gazetteer().get(p).id.as_str())
                    .is_some_and(|id| id == "SY01" || id == "SY03")
            };
            ev.governorate == Some(g) || (damascus(Some(g)) && damascus(ev.governorate))
        });
        let exact = label_date.map(|l| ev.date == l);
        let near = label_date.map(|l| days_apart(ev.date, l) <= 1);
        for (suffix, on) in [("", true), (" [label date printed]", printed)] {
            if !on {
                continue;
            }
            if let Some(ok) = gov_ok {
                s.check(half, &format!("governorate{suffix}"), ok);
            }
            if let Some(ok) = strict {
                s.check(
                    half,
                    &format!(
                        "governorate, strict (damascus label, Rif Dimashq read = miss){suffix}"
                    ),
                    ok,
                );
            }
            if let Some(ok) = exact {
                s.check(half, &format!("date exact{suffix}"), ok);
            }
            if let Some(ok) = near {
                s.check(half, &format!("date within 1 day{suffix}"), ok);
            }
        }
        s.check(
            half,
            "main event has a Syrian place",
            ev.governorate.is_some(),
        );
        let wrong = usize::from(gov_ok == Some(false)) + usize::from(near == Some(false));
        if wrong > 0 {
            let name = |g: Option<PlaceId>| g.map_or("none", |g| govs.name(g)).to_owned();
            s.miss(Miss {
                id: id.to_owned(),
                half,
                excerpt: excerpt(content, 160),
                label: format!(
                    "governorate={} date={}{}",
                    name(label_gov),
                    label_date.map_or("none".into(), |d| d.to_string()),
                    if printed { " (printed)" } else { "" }
                ),
                read: format!(
                    "governorate={} date={} published={} from={}",
                    name(ev.governorate),
                    ev.date,
                    published,
                    ev.from.as_deref().unwrap_or("no claim with a Syrian place"),
                ),
                wrong,
            });
        }
    }
    let notes = vec![
        "main event = first incident.attack/truce.violated claim with a Syrian place, else first claim with a Syrian place; moved to the first claim in a governorate the title names when it lies in none; governorate of its first Syrian place, else of the first Syrian place named (the label \"damascus\" stands for Damascus and Rif Dimashq: the label set has no value for Rif Dimashq); date = its time start (day precision or finer, not a span of more than two days), else the first incident's, else the publication date".into(),
        format!("publication date = first full date printed in the article; {no_published} rows print none and use {FALLBACK_PUBLISHED}"),
        format!("label date printed in the article: {printed_rows} rows"),
        format!("label location not mapped to a governorate: {unmapped} rows"),
    ];
    Ok(s.finish("fakes", source, notes, opts))
}
