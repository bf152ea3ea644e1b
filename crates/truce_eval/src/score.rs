//! Tallies per field and half, speed, misses: the result of one evaluation.

use crate::split::{Half, View};
use serde::Serialize;
use std::time::Duration;

/// Hits out of a number of cases.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub hit: usize,
    pub n: usize,
}

impl Tally {
    pub fn add(&mut self, hit: usize, n: usize) {
        self.hit += hit;
        self.n += n;
    }

    /// hit / n, or `None` when there are no cases.
    pub fn rate(self) -> Option<f64> {
        (self.n > 0).then(|| self.hit as f64 / self.n as f64)
    }

    pub fn merged(self, other: Tally) -> Tally {
        Tally {
            hit: self.hit + other.hit,
            n: self.n + other.n,
        }
    }
}

/// One measured field on both halves.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Field {
    pub name: String,
    pub dev: Tally,
    pub test: Tally,
}

impl Field {
    pub fn half(&self, half: Half) -> Tally {
        match half {
            Half::Dev => self.dev,
            Half::Test => self.test,
        }
    }

    pub fn all(&self) -> Tally {
        self.dev.merged(self.test)
    }
}

/// Extraction speed: only `Extractor::extract` calls are timed, on one thread.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Speed {
    pub reports: usize,
    pub bytes: usize,
    pub seconds: f64,
    pub reports_per_s: f64,
    pub mb_per_s: f64,
}

impl Speed {
    pub fn add(&mut self, bytes: usize, took: Duration) {
        self.reports += 1;
        self.bytes += bytes;
        self.seconds += took.as_secs_f64();
    }

    fn finish(&mut self) {
        if self.seconds > 0.0 {
            self.reports_per_s = self.reports as f64 / self.seconds;
            self.mb_per_s = self.bytes as f64 / 1e6 / self.seconds;
        }
    }
}

/// A row truce got (partly) wrong.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Miss {
    pub id: String,
    pub half: Half,
    /// The start of the text, on one line.
    pub excerpt: String,
    /// The label, as "field=value" pairs.
    pub label: String,
    /// What truce read, in the same terms.
    pub read: String,
    /// How many fields are wrong: the worst misses have the most.
    pub wrong: usize,
}

/// The result of one evaluation.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Evaluation {
    /// `fakes`, `ucdp` or `gold`.
    pub set: String,
    /// Where the rows came from.
    pub source: String,
    pub split: &'static str,
    /// Labelled rows in each half.
    pub rows_dev: usize,
    pub rows_test: usize,
    pub fields: Vec<Field>,
    pub speed: Speed,
    /// Definitions and caveats, printed under the table.
    pub notes: Vec<String>,
    pub misses: Vec<Miss>,
}

/// Collects tallies in first-seen field order, and misses.
#[derive(Debug, Default)]
pub struct Scorer {
    fields: Vec<Field>,
    rows: [usize; 2],
    misses: Vec<Miss>,
    pub speed: Speed,
    /// Rows whose extraction panicked: (row id, first line of the message).
    pub panics: Vec<(String, String)>,
}

impl Scorer {
    /// Count one labelled row.
    pub fn row(&mut self, half: Half) {
        self.rows[half as usize] += 1;
    }

    /// Add `hit` of `n` cases to field `name`.
    pub fn add(&mut self, half: Half, name: &str, hit: usize, n: usize) {
        let i = match self.fields.iter().position(|f| f.name == name) {
            Some(i) => i,
            None => {
                self.fields.push(Field {
                    name: name.to_owned(),
                    dev: Tally::default(),
                    test: Tally::default(),
                });
                self.fields.len() - 1
            }
        };
        let f = &mut self.fields[i];
        match half {
            Half::Dev => f.dev.add(hit, n),
            Half::Test => f.test.add(hit, n),
        }
    }

    /// One case of field `name`.
    pub fn check(&mut self, half: Half, name: &str, hit: bool) {
        self.add(half, name, usize::from(hit), 1);
    }

    /// Extract one input, timing it; a panic is recorded against `id` and
    /// read as an empty report.
    pub fn extract(
        &mut self,
        id: &str,
        extractor: &truce_extract::Extractor,
        input: &truce_extract::Input<'_>,
    ) -> truce_model::Report {
        match crate::extract_timed(extractor, input, &mut self.speed) {
            Ok(r) => r,
            Err(msg) => {
                let first = msg.lines().next().unwrap_or("").chars().take(160).collect();
                self.panics.push((id.to_owned(), first));
                crate::empty_report()
            }
        }
    }

    /// The tally of field `name` in `half` so far (empty when unknown).
    pub fn tally(&self, half: Half, name: &str) -> Tally {
        (self.fields.iter().find(|f| f.name == name)).map_or(Tally::default(), |f| f.half(half))
    }

    pub fn miss(&mut self, miss: Miss) {
        self.misses.push(miss);
    }

    /// The evaluation, with the `opts.misses` worst misses of the halves
    /// `opts.view` lists (most wrong fields first, then in input order).
    pub fn finish(
        mut self,
        set: &str,
        source: &str,
        mut notes: Vec<String>,
        opts: &crate::Options,
    ) -> Evaluation {
        self.speed.finish();
        if !self.panics.is_empty() {
            notes.push(format!(
                "the extractor PANICKED on {} rows (scored as reading nothing)",
                self.panics.len()
            ));
            for (id, msg) in self.panics.iter().take(5) {
                notes.push(format!("  panic on row {id}: {msg}"));
            }
        }
        let mut misses: Vec<Miss> = self
            .misses
            .into_iter()
            .filter(|m| opts.view.lists(m.half))
            .collect();
        misses.sort_by_key(|m| std::cmp::Reverse(m.wrong));
        misses.truncate(opts.misses);
        Evaluation {
            set: set.to_owned(),
            source: source.to_owned(),
            split: crate::split::RULE,
            rows_dev: self.rows[0],
            rows_test: self.rows[1],
            fields: self.fields,
            speed: self.speed,
            notes,
            misses,
        }
    }
}

impl Evaluation {
    /// The field named `name`.
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// The tally of field `name` in `view` (`Both` pools the halves, like `All`).
    pub fn tally(&self, name: &str, view: View) -> Option<Tally> {
        let f = self.field(name)?;
        Some(match view {
            View::Dev => f.dev,
            View::Test => f.test,
            View::All | View::Both => f.all(),
        })
    }
}
