//! UCDP GED (Syria): one row per event, with the headline of its source.
//!
//! Columns used: `id` (row id), `source_headline` (the text, and the split
//! key: rows that share a headline fall in the same half),
//! `source_date` (its publication date), `adm_1` (gold governorate, e.g.
//! "Homs Governorate"; empty on some rows, which then do not count for the
//! governorate field), `date_start`/`date_end` (gold dates) and `best`
//! (gold deaths).
//!
//! HTML character references in the headline column ("&#8217;", "&amp;")
//! are decoded first: the file stores part of its headlines HTML-escaped.
//!
//! A row's source may bundle several headlines: `source_headline` and
//! `source_date` are then `;`-separated lists. When both lists have the same
//! length each headline is read with its own date; otherwise every headline
//! is read with the first date. Identical (headline, date) pairs are read
//! once (many events share a source); the speed counts each read once.
//!
//! A row is scored on the incidents of all its headlines: `incident.attack`
//! claims, and `truce.violated` claims with an attack subtype (an attack
//! reported as a violation of a truce). A field counts as matched when ANY
//! incident matches it:
//!
//! - governorate: one of the incident's places lies in the gold `adm_1`;
//! - date: the incident's time start (day precision or finer, not a span
//!   of more than two days; else the headline's date) lies within one day of `[date_start, date_end]`;
//!   "of date_start" compares with `date_start` alone (as the peer's
//!   scorer does; 6.5% of the rows span several days);
//! - deaths: the incident's death count equals `best`; the count is the
//!   LARGEST `killed` quantity of the incident (not the sum: headlines say
//!   "96 killed, including 29 soldiers"), 0 when it has none;
//! - all three: one incident matches governorate, date and deaths together.

use crate::csv::{Table, field, unescape_html};
use crate::dates::{days_apart, iso_date};
use crate::places::Governorates;
use crate::score::{Evaluation, Miss, Scorer};
use crate::split::half_of;
use crate::{EvalError, Options, excerpt};
use jiff::civil::Date;
use std::collections::HashMap;
use truce_extract::{Extractor, Input, Mentions};
use truce_geo::PlaceId;
use truce_model::{Claim, ClaimKind, Report};

/// One incident as the UCDP fields see it.
#[derive(Clone, Debug, PartialEq)]
pub struct Incident {
    pub governorates: Vec<PlaceId>,
    pub date: Date,
    pub deaths: f64,
}

/// The incidents of a report read with publication date `published`. An
/// incident whose claim has no Syrian place takes the governorates of the
/// places the headline names elsewhere (`mentions`): a headline names the
/// place once ("Clashes and shelling in X kill 4").
pub fn incidents(
    report: &Report,
    mentions: &Mentions,
    published: Date,
    govs: &Governorates,
) -> Vec<Incident> {
    let named = || mentioned_governorates(mentions, govs);
    report
        .claims
        .iter()
        .filter(|c| is_incident(c))
        .map(|c| {
            let own = govs.of_claim(c);
            Incident {
                governorates: if own.is_empty() { named() } else { own },
                date: day_start(c).unwrap_or(published),
                deaths: deaths(c),
            }
        })
        .collect()
}

/// The reading of a headline with no incident: what truce would answer for
/// "where and when" from the headline alone. Its governorates are those of
/// the places the headline names; its date the first day (or finer) the
/// headline writes, else its publication date; no deaths.
pub fn headline_reading(mentions: &Mentions, published: Date, govs: &Governorates) -> Incident {
    let date = mentions
        .times
        .iter()
        .filter(|t| matches!(t.precision.as_str(), "minute" | "hour" | "day"))
        .find_map(|t| iso_date(t.start.as_deref()?))
        .unwrap_or(published);
    Incident {
        governorates: mentioned_governorates(mentions, govs),
        date,
        deaths: 0.0,
    }
}

fn mentioned_governorates(mentions: &Mentions, govs: &Governorates) -> Vec<PlaceId> {
    let mut out = Vec::new();
    for g in mentions.places.iter().filter_map(|p| govs.of_place(p)) {
        if !out.contains(&g) {
            out.push(g);
        }
    }
    out
}

/// An attack: an `incident.attack` claim, or a `truce.violated` claim with
/// an attack subtype ("shelling violated the truce in X": the shelling is
/// the incident, read as a violation because a truce is in the sentence).
pub fn is_incident(c: &Claim) -> bool {
    c.kind == ClaimKind::IncidentAttack
        || (c.kind == ClaimKind::TruceViolated && c.subtype.is_some())
}

fn day_start(c: &Claim) -> Option<Date> {
    crate::dates::event_day(c.time.as_ref()?)
}

/// The largest `killed` quantity of a claim, 0 when it has none.
pub fn deaths(c: &Claim) -> f64 {
    c.quantities
        .iter()
        .filter(|q| q.what == "killed")
        .map(|q| q.value)
        .fold(0.0, f64::max)
}

/// The (headline, date) pairs of one row.
pub fn parts<'a>(headline: &'a str, date: &'a str) -> Vec<(&'a str, &'a str)> {
    let heads: Vec<&str> = headline.split(';').map(str::trim).collect();
    let dates: Vec<&str> = date.split(';').map(str::trim).collect();
    let parts: Vec<(&str, &str)> = if heads.len() == dates.len() {
        heads.into_iter().zip(dates).collect()
    } else {
        let first = dates.first().copied().unwrap_or("");
        heads.into_iter().map(|h| (h, first)).collect()
    };
    parts.into_iter().filter(|(h, _)| !h.is_empty()).collect()
}

struct Gold {
    gov: Option<PlaceId>,
    start: Option<Date>,
    end: Option<Date>,
    deaths: Option<f64>,
}

impl Gold {
    fn date_ok(&self, d: Date) -> Option<bool> {
        let start = self.start?;
        let end = self.end.unwrap_or(start).max(start);
        Some((start <= d && d <= end) || days_apart(d, start) <= 1 || days_apart(d, end) <= 1)
    }
    fn gov_ok(&self, i: &Incident) -> Option<bool> {
        Some(i.governorates.contains(&self.gov?))
    }
    fn deaths_ok(&self, i: &Incident) -> Option<bool> {
        Some(i.deaths == self.deaths?)
    }
}

/// Score UCDP GED rows (`text` is the CSV file's content).
pub fn evaluate(
    text: &str,
    source: &str,
    extractor: &Extractor,
    opts: &Options,
) -> Result<Evaluation, EvalError> {
    let table = Table::parse_source(text, source)?;
    let col = |name: &str| table.require(name, source);
    let (c_id, c_head, c_sdate, c_adm1, c_start, c_end, c_best) = (
        col("id")?,
        col("source_headline")?,
        col("source_date")?,
        col("adm_1")?,
        col("date_start")?,
        col("date_end")?,
        col("best")?,
    );
    let govs = Governorates::new();
    let mut s = Scorer::default();
    // (headline, date) → (its incidents, its reading when it has none)
    type Read = (Vec<Incident>, Incident);
    let mut cache: HashMap<(String, String), Read> = HashMap::new();
    let (mut unreadable, mut unmapped, mut fallback_rows) = (0, 0, 0);
    for r in table.rows.iter().take(opts.limit.unwrap_or(usize::MAX)) {
        let id = field(r, c_id);
        // Split by headline, not by row: a third of the rows share their
        // headline with other rows, which would otherwise fall on both halves.
        let half = half_of(field(r, c_head));
        let adm1 = field(r, c_adm1);
        let gold = Gold {
            gov: govs.of_label(adm1).filter(|_| !adm1.is_empty()),
            start: iso_date(field(r, c_start)),
            end: iso_date(field(r, c_end)),
            deaths: field(r, c_best).trim().parse().ok(),
        };
        if !adm1.is_empty() && gold.gov.is_none() {
            unmapped += 1;
        }
        s.row(half);
        let headline = unescape_html(field(r, c_head));
        let headline = headline.as_ref();
        let mut found: Vec<Incident> = Vec::new();
        let mut readings: Vec<Incident> = Vec::new();
        for (head, date) in parts(headline, field(r, c_sdate)) {
            let key = (head.to_owned(), date.to_owned());
            if let Some((v, h)) = cache.get(&key) {
                found.extend(v.iter().cloned());
                readings.push(h.clone());
                continue;
            }
            let (Some(published), Ok(input)) = (iso_date(date), Input::new(head, date)) else {
                unreadable += 1;
                continue;
            };
            let report = s.extract(id, extractor, &input);
            let mentions = extractor.mentions(&input);
            let v = incidents(&report, &mentions, published, &govs);
            let h = headline_reading(&mentions, published, &govs);
            found.extend(v.iter().cloned());
            readings.push(h.clone());
            cache.insert(key, (v, h));
        }
        let incident_found = !found.is_empty();
        if !incident_found && !readings.is_empty() {
            fallback_rows += 1;
            found = readings;
        }
        let any = |f: &dyn Fn(&Incident) -> Option<bool>| -> Option<bool> {
            let mut seen = None;
            for i in &found {
                match f(i) {
                    Some(true) => return Some(true),
                    Some(false) => seen = Some(false),
                    None => return None,
                }
            }
            seen.or(Some(false))
        };
        let gov = gold.gov.and_then(|_| any(&|i| gold.gov_ok(i)));
        let date = gold.start.and_then(|_| any(&|i| gold.date_ok(i.date)));
        let date_start = gold
            .start
            .and_then(|st| any(&|i| Some(days_apart(i.date, st) <= 1)));
        let dead = gold.deaths.and_then(|_| any(&|i| gold.deaths_ok(i)));
        // The trivial baseline: the source's own date for every row.
        let source_day = iso_date(field(r, c_sdate).split(';').next().unwrap_or(""));
        let baseline = gold.start.and(source_day).and_then(|d| gold.date_ok(d));
        let all = any(&|i| {
            Some(
                gold.gov_ok(i).unwrap_or(false)
                    && gold.date_ok(i.date).unwrap_or(false)
                    && gold.deaths_ok(i).unwrap_or(false),
            )
        });
        s.check(half, "incident found", incident_found);
        for (name, ok) in [
            ("governorate", gov),
            ("date within 1 day", date),
            ("  baseline: the source date", baseline),
            ("date within 1 day of date_start", date_start),
            ("deaths exact", dead),
            ("all three, one incident", all),
        ] {
            if let Some(ok) = ok {
                s.check(half, name, ok);
            }
        }
        let wrong = [gov, date, dead]
            .iter()
            .filter(|o| **o == Some(false))
            .count()
            + usize::from(!incident_found);
        if wrong > 0 {
            let read: Vec<String> = found
                .iter()
                .map(|i| {
                    let g: Vec<&str> = i.governorates.iter().map(|&g| govs.name(g)).collect();
                    format!("[{} {} deaths={}]", g.join("+"), i.date, i.deaths)
                })
                .collect();
            s.miss(Miss {
                id: id.to_owned(),
                half,
                excerpt: excerpt(headline, 200),
                label: format!(
                    "governorate={} date={}..{} deaths={} (source {})",
                    if adm1.is_empty() { "none" } else { adm1 },
                    field(r, c_start),
                    field(r, c_end),
                    field(r, c_best),
                    field(r, c_sdate),
                ),
                read: match (incident_found, read.is_empty()) {
                    (true, _) => read.join(" "),
                    (false, true) => "no incident".into(),
                    (false, false) => format!("no incident; headline {}", read.join(" ")),
                },
                wrong,
            });
        }
    }
    let notes = vec![
        "a field counts when ANY incident (incident.attack, or truce.violated with an attack subtype) of the row's headlines matches it".into(),
        "deaths = the largest `killed` quantity of the incident (0 when none); date = its time start at day precision or finer (not a span of more than two days), else the headline's date; within 1 day of [date_start, date_end]".into(),
        "an incident with no Syrian place takes the governorates of the places its headline names".into(),
        format!("rows with no incident, scored on their headlines' reading (places named; first day written, else the headline's date; deaths 0), both halves: {fallback_rows}"),
        format!("headline parts not read (bad date): {unreadable}; adm_1 names not mapped: {unmapped}"),
        format!("distinct (headline, date) pairs read: {}", cache.len()),
    ];
    Ok(s.finish("ucdp", source, notes, opts))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_parts() {
        assert_eq!(
            parts("A;B", "2016-01-01;2016-01-02"),
            [("A", "2016-01-01"), ("B", "2016-01-02")]
        );
        assert_eq!(
            parts("A;B; ", "2016-01-01"),
            [("A", "2016-01-01"), ("B", "2016-01-01")]
        );
    }

    #[test]
    fn violations_with_an_attack_are_incidents() {
        let ex = Extractor::new().expect("tables");
        let read = |text: &str| {
            let r = ex.extract(&Input::new(text, "2016-05-01").expect("date"));
            r.claims.iter().filter(|c| is_incident(c)).count()
        };
        assert_eq!(
            read("Regime shelling of Douma violated the truce on Sunday."),
            1
        );
        assert_eq!(read("Shelling hit Douma on Sunday."), 1);
        // A violation with no attack named is not an incident.
        assert_eq!(
            read("The opposition said the regime violated the truce."),
            0
        );
    }
}
