//! The actor table (`data/actors.tsv`) and demonyms (`data/demonyms.tsv`).

use crate::LexiconError;

/// Index of an actor in [`Actors`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ActorId(pub u32);

/// What kind of actor (the second column of `actors.tsv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ActorKind {
    State,
    Government,
    Forces,
    Ministry,
    ArmedGroup,
    Coalition,
    Io,
    Ngo,
    Monitor,
    Outlet,
    Agency,
    Person,
    Generic,
}

impl ActorKind {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "state" => Self::State,
            "government" => Self::Government,
            "forces" => Self::Forces,
            "ministry" => Self::Ministry,
            "armed_group" => Self::ArmedGroup,
            "coalition" => Self::Coalition,
            "io" => Self::Io,
            "ngo" => Self::Ngo,
            "monitor" => Self::Monitor,
            "outlet" => Self::Outlet,
            "agency" => Self::Agency,
            "person" => Self::Person,
            "generic" => Self::Generic,
            _ => return None,
        })
    }

    /// News outlets and agencies: they carry speech rather than make it.
    pub fn is_media(self) -> bool {
        matches!(self, Self::Outlet | Self::Agency)
    }
}

/// One actor.
#[derive(Clone, Debug, PartialEq)]
pub struct Actor {
    pub id: String,
    pub kind: ActorKind,
    /// ISO 3166 alpha-2, empty for international actors.
    pub country: String,
    pub parent: Option<ActorId>,
    pub name: String,
    /// Surface forms; a leading `=` means "match this case exactly".
    pub aliases: Vec<String>,
}

/// The actor table with its demonyms.
#[derive(Clone, Debug, Default)]
pub struct Actors {
    list: Vec<Actor>,
    /// (adjective, actor) pairs: "Russian" → Russian government.
    pub(crate) demonyms: Vec<(String, ActorId)>,
}

impl Actors {
    /// Parse the actor and demonym tables.
    pub fn parse(actors_tsv: &str, demonyms_tsv: &str) -> Result<Self, LexiconError> {
        let table = rows(actors_tsv, "actors.tsv", 6)?;
        let index: std::collections::HashMap<&str, u32> = table
            .iter()
            .enumerate()
            .map(|(i, (_, c))| (c[0], i as u32))
            .collect();
        let mut list = Vec::with_capacity(table.len());
        for (line, c) in &table {
            let err = |p: String| LexiconError::Table {
                table: "actors.tsv",
                line: *line,
                problem: p,
            };
            let kind =
                ActorKind::parse(c[1]).ok_or_else(|| err(format!("unknown kind {:?}", c[1])))?;
            let parent = match c[3] {
                "" => None,
                p => Some(ActorId(
                    *index
                        .get(p)
                        .ok_or_else(|| err(format!("unknown parent {p:?}")))?,
                )),
            };
            let aliases = c[5]
                .split('|')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(String::from);
            let mut aliases: Vec<String> = aliases.collect();
            if !aliases.iter().any(|a| a.trim_start_matches('=') == c[4]) {
                aliases.push(c[4].to_owned());
            }
            list.push(Actor {
                id: c[0].to_owned(),
                kind,
                country: c[2].to_owned(),
                parent,
                name: c[4].to_owned(),
                aliases,
            });
        }
        let mut demonyms = Vec::new();
        for (line, c) in rows(demonyms_tsv, "demonyms.tsv", 2)? {
            let id = index.get(c[1]).ok_or_else(|| LexiconError::Table {
                table: "demonyms.tsv",
                line,
                problem: format!("unknown actor {:?}", c[1]),
            })?;
            demonyms.push((c[0].to_owned(), ActorId(*id)));
        }
        Ok(Self { list, demonyms })
    }

    pub fn get(&self, id: ActorId) -> &Actor {
        &self.list[id.0 as usize]
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Look an actor up by its stable id (`syr_gov`).
    pub fn find(&self, id: &str) -> Option<ActorId> {
        self.list
            .iter()
            .position(|a| a.id == id)
            .map(|i| ActorId(i as u32))
    }

    /// The actor and its parents, nearest first.
    pub fn lineage(&self, id: ActorId) -> Vec<ActorId> {
        let mut out = vec![id];
        while let Some(p) = self.get(*out.last().unwrap_or(&id)).parent {
            if out.contains(&p) || out.len() > 8 {
                break;
            }
            out.push(p);
        }
        out
    }

    /// The state-level actor (kind state or government) of a country.
    pub fn state_of(&self, country: &str) -> Option<ActorId> {
        let state = self
            .list
            .iter()
            .position(|a| a.country == country && a.kind == ActorKind::State)
            .map(|i| ActorId(i as u32));
        let government = self.list.iter().position(|a| {
            a.kind == ActorKind::Government && a.country == country && a.parent == state
        });
        government.map(|i| ActorId(i as u32)).or(state)
    }

    pub fn iter(&self) -> impl Iterator<Item = (ActorId, &Actor)> {
        self.list
            .iter()
            .enumerate()
            .map(|(i, a)| (ActorId(i as u32), a))
    }
}

type Row<'a> = (usize, Vec<&'a str>);

fn rows<'a>(
    tsv: &'a str,
    table: &'static str,
    min_cols: usize,
) -> Result<Vec<Row<'a>>, LexiconError> {
    let mut out = Vec::new();
    let mut header_seen = false;
    for (i, line) in tsv.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if !header_seen {
            header_seen = true;
            continue;
        }
        let mut cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        if cols.len() < min_cols {
            if cols.len() + 1 == min_cols {
                cols.push("");
            } else {
                let problem = format!(
                    "expected {min_cols} tab-separated columns, found {}",
                    cols.len()
                );
                return Err(LexiconError::Table {
                    table,
                    line: i + 1,
                    problem,
                });
            }
        }
        out.push((i + 1, cols));
    }
    Ok(out)
}
