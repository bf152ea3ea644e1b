//! Times in exports: one ISO 8601 form with an explicit offset
//! (`2016-05-01T20:00:00+03:00`), dates as `YYYY-MM-DD`.
//!
//! The ledger keeps wall-clock times of the reports' theatre; an export
//! gives each the offset of the zone of the country it happened in
//! (`data/theatres.tsv`: Asia/Damascus for Syria; UTC for a country the
//! table does not list).

use jiff::civil::DateTime;
use jiff::tz::TimeZone;
use truce_geo::Theatre;

/// The zone of a country (ISO2 code); UTC when unknown.
pub(crate) fn zone(country: Option<&str>) -> TimeZone {
    let name = Theatre::of_country(country.unwrap_or(truce_geo::HOME)).zone;
    TimeZone::get(&name).unwrap_or(TimeZone::UTC)
}

/// `2016-05-01T20:00:00+03:00`: the wall-clock time in `tz`, with its offset.
pub(crate) fn stamp(at: DateTime, tz: &TimeZone) -> String {
    match at.to_zoned(tz.clone()) {
        Ok(z) => z.strftime("%Y-%m-%dT%H:%M:%S%:z").to_string(),
        Err(_) => format!("{at}Z"),
    }
}

/// A publication as given, in the export form: a date stays a date
/// (`2016-05-01`); a date-time (`2016-01-11 15:34:10`, with `T`, with or
/// without an offset) gets the zone's offset (an instant with an offset is
/// shown in the zone); anything else is given back as it is.
pub(crate) fn published(given: &str, tz: &TimeZone) -> String {
    let given = given.trim();
    if given.len() == 10 {
        return given.to_string();
    }
    let text = given.replacen(' ', "T", 1);
    if let Ok(instant) = text.parse::<jiff::Timestamp>() {
        return instant
            .to_zoned(tz.clone())
            .strftime("%Y-%m-%dT%H:%M:%S%:z")
            .to_string();
    }
    match text.parse::<DateTime>() {
        Ok(at) => stamp(at, tz),
        Err(_) => given.to_string(),
    }
}

/// `2016-05-01`.
pub(crate) fn day(at: DateTime) -> String {
    at.date().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_follow_the_zone_and_its_summer_time() {
        let tz = zone(Some("SY"));
        let winter: DateTime = "2016-02-27T00:00".parse().expect("time");
        let summer: DateTime = "2016-05-01T20:00".parse().expect("time");
        assert_eq!(stamp(winter, &tz), "2016-02-27T00:00:00+02:00");
        assert_eq!(stamp(summer, &tz), "2016-05-01T20:00:00+03:00");
        assert_eq!(
            stamp(summer, &zone(Some("ZZ"))),
            "2016-05-01T20:00:00+00:00"
        );
        assert_eq!(day(summer), "2016-05-01");
        assert_eq!(published("2016-05-01", &tz), "2016-05-01");
        assert_eq!(
            published("2016-01-11 15:34:10", &tz),
            "2016-01-11T15:34:10+02:00"
        );
        assert_eq!(
            published("2016-05-01T17:00:00Z", &tz),
            "2016-05-01T20:00:00+03:00"
        );
        assert_eq!(published("yesterday", &tz), "yesterday");
    }
}
