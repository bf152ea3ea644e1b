//! Who held a place when: the control layer (`data/control.tsv`), which
//! turns a truce's "areas held by X" into places.
//!
//! ```
//! use truce_geo::{Control, Gazetteer};
//! let gaz = Gazetteer::embedded();
//! let raqqa = gaz.find_id("172955").unwrap();
//! let day = jiff::civil::date(2016, 3, 15);
//! assert_eq!(Control::embedded().holder(gaz, raqqa, day), Some("islamic_state"));
//! ```

use crate::{Gazetteer, GeoError, PlaceId};
use jiff::civil::Date;
use std::sync::OnceLock;

/// One holding: `actor` held `place` from `from` until `to` (exclusive;
/// `None` while held).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Holding {
    pub place: String,
    pub actor: String,
    pub from: Date,
    pub to: Option<Date>,
}

/// Every holding of the table.
#[derive(Clone, Debug, Default)]
pub struct Control {
    holdings: Vec<Holding>,
}

impl Control {
    /// The table built into the binary.
    pub fn embedded() -> &'static Control {
        static TABLE: OnceLock<Control> = OnceLock::new();
        TABLE.get_or_init(|| {
            Control::parse(include_str!("../../../data/control.tsv")).unwrap_or_default()
        })
    }

    /// Reads the TSV table: place id, name, actor, from, to.
    pub fn parse(tsv: &str) -> Result<Control, GeoError> {
        let rows = tsv.lines().enumerate();
        let rows = rows.filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty());
        let holdings = rows
            .map(|(i, line)| holding(line).ok_or_else(|| bad_row(i)))
            .collect::<Result<_, _>>()?;
        Ok(Control { holdings })
    }

    /// The actor holding `place` (or a place that contains it) on `day`.
    pub fn holder(&self, gaz: &Gazetteer, place: PlaceId, day: Date) -> Option<&str> {
        let mut ids: Vec<&str> = vec![gaz.get(place).id.as_str()];
        ids.extend(
            gaz.ancestors(place)
                .into_iter()
                .map(|a| gaz.get(a).id.as_str()),
        );
        self.holdings
            .iter()
            .find(|h| {
                ids.contains(&h.place.as_str()) && h.from <= day && h.to.is_none_or(|t| day < t)
            })
            .map(|h| h.actor.as_str())
    }
}

fn holding(line: &str) -> Option<Holding> {
    let f: Vec<&str> = line.split('\t').collect();
    let date = |s: &str| s.trim().parse::<Date>().ok();
    Some(Holding {
        place: f.first()?.trim().to_owned(),
        actor: f.get(2)?.trim().to_owned(),
        from: date(f.get(3)?)?,
        to: match f.get(4).map(|s| s.trim()) {
            None | Some("") => None,
            Some(s) => Some(date(s)?),
        },
    })
}

fn bad_row(i: usize) -> GeoError {
    GeoError::Control { line: i + 1 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holdings_have_dates_and_ancestors_count() {
        let gaz = Gazetteer::embedded();
        let c = Control::embedded();
        let palmyra = gaz.find_id("163808").expect("Palmyra");
        let d = |y, m, day| jiff::civil::date(y, m, day);
        assert_eq!(
            c.holder(gaz, palmyra, d(2016, 3, 20)),
            Some("islamic_state")
        );
        // near misses: retaken on 27 March 2016, and a town never listed
        assert_eq!(c.holder(gaz, palmyra, d(2016, 4, 1)), None);
        let homs = gaz.find_id("169577").expect("Homs");
        assert_eq!(c.holder(gaz, homs, d(2016, 3, 20)), None);
    }

    #[test]
    fn bad_rows_are_refused() {
        assert!(Control::parse("1\tX\tis\tnot-a-date\t\n").is_err());
        assert!(Control::parse("1\tX\n").is_err());
        assert_eq!(
            Control::parse("# only a comment\n")
                .map(|c| c.holdings.len())
                .ok(),
            Some(0)
        );
    }
}
