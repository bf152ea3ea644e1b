//! Reading `data/gazetteer.tsv` and building the name index.

use std::collections::HashMap;

use truce_text::fold_key;

use crate::place::{Place, PlaceId, PlaceKind};
use crate::stopwords::Stoplist;
use crate::{Gazetteer, VERSION_LINE};

/// A problem in the data file, with its 1-based line number.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum GeoError {
    #[error("gazetteer line {line}: expected the version header {expected:?}, found {found:?}")]
    Version {
        line: usize,
        expected: &'static str,
        found: String,
    },
    #[error("gazetteer line {line}: expected {expected} tab-separated columns, found {found}")]
    Columns {
        line: usize,
        expected: usize,
        found: usize,
    },
    #[error("gazetteer line {line}: bad {field} {value:?}")]
    Field {
        line: usize,
        field: &'static str,
        value: String,
    },
    #[error("gazetteer line {line}: unknown kind {kind:?}")]
    Kind { line: usize, kind: String },
    #[error("gazetteer line {line}: id {id:?} is already used on line {first}")]
    DuplicateId {
        line: usize,
        id: String,
        first: usize,
    },
    #[error("gazetteer line {line}: parent {parent:?} is not defined")]
    UnknownParent { line: usize, parent: String },
    #[error("gazetteer line {line}: member {member:?} is not defined")]
    UnknownMember { line: usize, member: String },
    #[error("control table line {line}: expected place, name, actor, from, to")]
    Control { line: usize },
    #[error("gazetteer line {line}: the parent chain of {id:?} loops")]
    ParentCycle { line: usize, id: String },
}

impl GeoError {
    /// The 1-based line of the data file the error is about.
    pub fn line(&self) -> usize {
        match self {
            GeoError::Version { line, .. }
            | GeoError::Columns { line, .. }
            | GeoError::Field { line, .. }
            | GeoError::Kind { line, .. }
            | GeoError::DuplicateId { line, .. }
            | GeoError::UnknownParent { line, .. }
            | GeoError::UnknownMember { line, .. }
            | GeoError::ParentCycle { line, .. }
            | GeoError::Control { line } => *line,
        }
    }
}

const COLUMNS: usize = 11;

pub(crate) fn parse(tsv: &str) -> Result<Gazetteer, GeoError> {
    let mut lines = tsv
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')));
    match lines.next() {
        Some((_, first)) if first == VERSION_LINE => {}
        other => {
            return Err(GeoError::Version {
                line: 1,
                expected: VERSION_LINE,
                found: other.map(|(_, l)| l.to_owned()).unwrap_or_default(),
            });
        }
    }
    let mut places = Vec::new();
    // (line, parent id, member ids) per place, resolved once all ids are known
    let mut parents: Vec<(usize, String, Vec<String>)> = Vec::new();
    let mut line_of: Vec<usize> = Vec::new();
    let mut by_ext: HashMap<String, (PlaceId, usize)> = HashMap::new();
    for (line, text) in lines {
        if text.is_empty() || text.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = text.split('\t').collect();
        if cols.len() != COLUMNS {
            return Err(GeoError::Columns {
                line,
                expected: COLUMNS,
                found: cols.len(),
            });
        }
        let field = |field: &'static str, value: &str| GeoError::Field {
            line,
            field,
            value: value.to_owned(),
        };
        let [
            id,
            kind,
            name,
            country,
            parent,
            lat,
            lon,
            population,
            xref,
            members,
            names,
        ] = [
            cols[0], cols[1], cols[2], cols[3], cols[4], cols[5], cols[6], cols[7], cols[8],
            cols[9], cols[10],
        ];
        if id.is_empty() {
            return Err(field("id", id));
        }
        if name.is_empty() {
            return Err(field("name", name));
        }
        if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(field("country", country));
        }
        let kind = PlaceKind::parse(kind).ok_or_else(|| GeoError::Kind {
            line,
            kind: kind.to_owned(),
        })?;
        let lat: f64 = lat
            .parse()
            .ok()
            .filter(|v: &f64| (-90.0..=90.0).contains(v))
            .ok_or_else(|| field("lat", lat))?;
        let lon: f64 = lon
            .parse()
            .ok()
            .filter(|v: &f64| (-180.0..=180.0).contains(v))
            .ok_or_else(|| field("lon", lon))?;
        let population: u64 = population
            .parse()
            .map_err(|_| field("population", population))?;
        let pid = PlaceId(u32::try_from(places.len()).map_err(|_| field("id", id))?);
        let split = |s: &str| -> Vec<String> {
            s.split('|')
                .filter(|x| !x.is_empty())
                .map(str::to_owned)
                .collect()
        };
        let xref = split(xref);
        for ext in std::iter::once(id).chain(xref.iter().map(String::as_str)) {
            if let Some(&(_, first)) = by_ext.get(ext) {
                return Err(GeoError::DuplicateId {
                    line,
                    id: ext.to_owned(),
                    first,
                });
            }
            by_ext.insert(ext.to_owned(), (pid, line));
        }
        let mut all_names = vec![name.to_owned()];
        for n in split(names) {
            if n != name {
                all_names.push(n);
            }
        }
        parents.push((line, parent.to_owned(), split(members)));
        line_of.push(line);
        places.push(Place {
            id: id.to_owned(),
            name: name.to_owned(),
            kind,
            country: country.to_owned(),
            lat,
            lon,
            population,
            parent: None,
            names: all_names,
            xref,
            members: Vec::new(),
        });
    }
    for (i, (line, parent, members)) in parents.into_iter().enumerate() {
        for member in members {
            let (pid, _) = by_ext
                .get(&member)
                .copied()
                .ok_or(GeoError::UnknownMember { line, member })?;
            places[i].members.push(pid);
        }
        if parent.is_empty() {
            continue;
        }
        let (pid, _) = by_ext
            .get(&parent)
            .copied()
            .ok_or(GeoError::UnknownParent { line, parent })?;
        places[i].parent = Some(pid);
    }
    // every parent chain must end
    for (i, place) in places.iter().enumerate() {
        let mut at = place.parent;
        let mut steps = 0;
        while let Some(p) = at {
            steps += 1;
            if steps > places.len() {
                return Err(GeoError::ParentCycle {
                    line: line_of[i],
                    id: place.id.clone(),
                });
            }
            at = places[p.index()].parent;
        }
    }
    let by_ext = by_ext.into_iter().map(|(k, (pid, _))| (k, pid)).collect();
    let mut gaz = Gazetteer {
        places,
        by_ext,
        keys: Vec::new(),
    };
    gaz.keys = build_keys(&gaz, &Stoplist::embedded());
    Ok(gaz)
}

/// Fold every name into a key, drop stopwords and short names of minor
/// places, and sort each key's candidates best-first by default preference.
fn build_keys(gaz: &Gazetteer, stop: &Stoplist) -> Vec<(Box<str>, Box<[PlaceId]>)> {
    let mut map: HashMap<String, Vec<PlaceId>> = HashMap::new();
    for (i, place) in gaz.places.iter().enumerate() {
        let pid = PlaceId(i as u32);
        let major = is_major(place);
        for name in &place.names {
            let key = fold_key(name);
            if key.is_empty() || !stop.allows(&key, major) {
                continue;
            }
            let list = map.entry(key).or_default();
            if list.last() != Some(&pid) && !list.contains(&pid) {
                list.push(pid);
            }
        }
    }
    // Transliteration variants of Syrian names, where no source name
    // already claims the key.
    let mut extra: HashMap<String, Vec<PlaceId>> = HashMap::new();
    for (i, place) in gaz.places.iter().enumerate() {
        if place.country != "SY" {
            continue;
        }
        let pid = PlaceId(i as u32);
        let major = is_major(place);
        for name in &place.names {
            for key in crate::variants::variants(&fold_key(name)) {
                if map.contains_key(&key) || !stop.allows(&key, major) {
                    continue;
                }
                let list = extra.entry(key).or_default();
                if !list.contains(&pid) {
                    list.push(pid);
                }
            }
        }
    }
    map.extend(extra);
    let mut keys: Vec<(Box<str>, Box<[PlaceId]>)> = map
        .into_iter()
        .map(|(k, mut v)| {
            v.sort_by(|a, b| gaz.default_order(*a, *b));
            (k.into_boxed_str(), v.into_boxed_slice())
        })
        .collect();
    keys.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    keys
}

/// Countries, first-level units, and cities of 100000 or more keep names that
/// are common words or shorter than three letters.
pub(crate) fn is_major(place: &Place) -> bool {
    match place.kind {
        PlaceKind::Country | PlaceKind::Governorate => true,
        PlaceKind::City => place.population >= 100_000,
        _ => false,
    }
}
