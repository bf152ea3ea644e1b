//! Resolution of [`TimeExpr`] against a [`Context`].

mod day;
mod length;
mod point;

use crate::context::{Anchor, Context, Direction};
use crate::expr::{Clock, Day, Point, TimeExpr};
use crate::value::{Precision, TimeValue};
use jiff::Zoned;
use jiff::civil::DateTime;
use jiff::tz::TimeZone;
use point::Civil;
use std::sync::OnceLock;

/// The zone resolved values are expressed in unless told otherwise.
pub const DEFAULT_ZONE: &str = "Asia/Damascus";

/// The [`DEFAULT_ZONE`], from the tz database bundled into the binary (UTC
/// if it were ever missing).
pub fn default_zone() -> TimeZone {
    static ZONE: OnceLock<TimeZone> = OnceLock::new();
    ZONE.get_or_init(|| TimeZone::get(DEFAULT_ZONE).unwrap_or(TimeZone::UTC))
        .clone()
}

/// What resolution works from: the context, its anchor and the zone.
pub(crate) struct Env<'a> {
    pub ctx: &'a Context,
    pub anchor: Anchor,
    pub tz: &'a TimeZone,
}

impl Env<'_> {
    /// The anchor as a zoned time, with minute precision when its time is
    /// known and day precision otherwise.
    pub(crate) fn anchor_zoned(&self) -> Option<(Zoned, Precision)> {
        match self.anchor.time {
            Some(t) => {
                let z = self.anchor.date.to_datetime(t).to_zoned(self.tz.clone());
                Some((z.ok()?, Precision::Minute))
            }
            None => Some((self.zoned(self.anchor.date.into())?, Precision::Day)),
        }
    }

    fn zoned(&self, dt: DateTime) -> Option<Zoned> {
        dt.to_zoned(self.tz.clone()).ok()
    }
}

/// Resolves `expr` with the direction its wording implies
/// ([`TimeExpr::default_direction`]) in the context's zone (the
/// [`DEFAULT_ZONE`] when it has none).
///
/// Unresolvable expressions (an impossible date, an empty context) give a
/// value with [`Precision::Unresolved`] and no bounds.
pub fn resolve(expr: &TimeExpr, ctx: &Context) -> TimeValue {
    resolve_with(expr, ctx, expr.default_direction())
}

/// Resolves `expr` looking for undated days in direction `dir`.
pub fn resolve_with(expr: &TimeExpr, ctx: &Context, dir: Direction) -> TimeValue {
    match &ctx.zone {
        Some(tz) => resolve_in(expr, ctx, dir, tz),
        None => resolve_in(expr, ctx, dir, &default_zone()),
    }
}

/// Resolves `expr` in direction `dir`, expressing the result in `tz`.
///
/// - A point gives start and end (equal for an instant, the first and last
///   day for a day range).
/// - "until X" gives only an end: X's end ("until Monday" → that Monday;
///   "until Friday night" → Saturday 06:00). A bare weekday after "until" is
///   strictly after the anchor.
/// - "from X" and "since X" give only a start.
/// - "between X and Y": X is resolved in `dir`, then Y forward from X's day.
/// - "for three days from X": X, then X plus the length, at X's precision.
/// - A length alone: see the `length` module (previous end, else anchor).
pub fn resolve_in(expr: &TimeExpr, ctx: &Context, dir: Direction, tz: &TimeZone) -> TimeValue {
    let env = Env {
        ctx,
        anchor: ctx.anchor(),
        tz,
    };
    resolve_expr(expr, &env, dir).unwrap_or_else(TimeValue::unresolved)
}

fn resolve_expr(expr: &TimeExpr, env: &Env<'_>, dir: Direction) -> Option<TimeValue> {
    match expr {
        TimeExpr::Point(p) => {
            let c = point::point(p, env, dir, false)?;
            value(env, Some(c.start), Some(c.end), c.precision)
        }
        TimeExpr::Until(p) => {
            let c = point::point(p, env, dir, true)?;
            value(env, None, Some(c.end), c.precision)
        }
        TimeExpr::From(p) | TimeExpr::Since(p) => {
            let c = point::point(p, env, dir, false)?;
            value(env, Some(c.start), None, c.precision)
        }
        TimeExpr::Between(a, b) => between(a, b, env, dir),
        TimeExpr::DurationFrom { length, start } => {
            let c = point::point(start, env, dir, false)?;
            let s = env.zoned(c.start)?;
            let e = length::shift(&s, c.precision, *length, 1)?;
            Some(TimeValue {
                start: Some(s),
                end: Some(e),
                precision: c.precision,
            })
        }
        TimeExpr::Duration(len) => length::duration(*len, env),
        TimeExpr::Ago(len) => length::ago(*len, env),
    }
}

fn between(a: &Point, b: &Point, env: &Env<'_>, dir: Direction) -> Option<TimeValue> {
    let ca = point::point(a, env, dir, false)?;
    let from_a = Env {
        ctx: env.ctx,
        anchor: Anchor::day(ca.start.date()),
        tz: env.tz,
    };
    let cb = point::point(b, &from_a, Direction::Future, false)?;
    let precision = ca.precision.max(cb.precision);
    value(env, Some(ca.start), Some(cb.end), precision)
}

fn value(
    env: &Env<'_>,
    start: Option<DateTime>,
    end: Option<DateTime>,
    precision: Precision,
) -> Option<TimeValue> {
    let conv = |dt: Option<DateTime>| match dt {
        Some(dt) => env.zoned(dt).map(Some),
        None => Some(None),
    };
    Some(TimeValue {
        start: conv(start)?,
        end: conv(end)?,
        precision,
    })
}

/// The day a statement was made, from a time phrase next to the verb of
/// saying ("Russia on Sunday said" → the Sunday on or before `published`).
///
/// Only points that name a single day (or a time on one) are used; the time
/// is kept when one was written. Anything else gives `None`.
pub fn statement_day(expr: &TimeExpr, published: Anchor) -> Option<Anchor> {
    let TimeExpr::Point(p) = expr else {
        return None;
    };
    let ctx = Context::new(published);
    let tz = default_zone();
    let env = Env {
        ctx: &ctx,
        anchor: published,
        tz: &tz,
    };
    // A part of day ("Sunday night said") dates the statement by its day.
    let (day_only, keep_time) = match p.time {
        Some(Clock::Part(_)) | None => (
            Point {
                day: p.day.clone(),
                time: None,
            },
            false,
        ),
        Some(_) => (p.clone(), true),
    };
    let c: Civil = point::point(&day_only, &env, Direction::Past, false)?;
    let one_day = c.precision < Precision::Day || c.start == c.end;
    if c.precision > Precision::Day || !one_day {
        return None;
    }
    Some(Anchor {
        date: c.start.date(),
        time: keep_time.then(|| c.start.time()),
    })
}

/// The year written explicitly in `expr`, if any ("May 2, 2016" → 2016),
/// so a caller walking a document can keep [`Context::year_hint`] current.
pub fn explicit_year(expr: &TimeExpr) -> Option<i16> {
    let of_point = |p: &Point| match p.day {
        Day::Date { year, .. } => year,
        _ => None,
    };
    match expr {
        TimeExpr::Point(p)
        | TimeExpr::Until(p)
        | TimeExpr::From(p)
        | TimeExpr::Since(p)
        | TimeExpr::DurationFrom { start: p, .. } => of_point(p),
        TimeExpr::Between(a, b) => of_point(b).or_else(|| of_point(a)),
        TimeExpr::Duration(_) | TimeExpr::Ago(_) => None,
    }
}

impl TimeExpr {
    /// The direction the wording implies for undated days:
    /// - "until", "from", "starting", "between", "for N days from": future;
    /// - "since": past;
    /// - a bare point ("on Sunday", "at midnight"): past, because news
    ///   reports mostly narrate what happened and "on Sunday said" is the
    ///   common case. Use [`resolve_with`] with [`Direction::Future`] for a
    ///   plan ("talks will resume on Saturday").
    /// - a point with "next"/"last" already says its direction itself.
    pub fn default_direction(&self) -> Direction {
        match self {
            TimeExpr::Until(_)
            | TimeExpr::From(_)
            | TimeExpr::Between(..)
            | TimeExpr::DurationFrom { .. } => Direction::Future,
            TimeExpr::Point(_) | TimeExpr::Since(_) | TimeExpr::Duration(_) | TimeExpr::Ago(_) => {
                Direction::Past
            }
        }
    }
}
