//! Clock times: "1:00 a.m.", "6 p.m.", "18:00 GMT", "2200 GMT", "midnight
//! Damascus time (2200 GMT)", "noon".

use super::Parser;
use crate::expr::{Clock, Zone};

impl Parser<'_> {
    /// A clock time with an optional zone and an optional parenthesised
    /// conversion after it, which is consumed and ignored.
    pub(crate) fn clock(&self, i: usize) -> Option<(Clock, usize)> {
        let (clock, j) = self.clock_core(i)?;
        let (zone, k) = self.zone(j).unwrap_or((Zone::Local, j));
        Some((with_zone(clock, zone), self.skip_conversion(k)))
    }

    fn clock_core(&self, i: usize) -> Option<(Clock, usize)> {
        let local = Zone::Local;
        match self.word(i) {
            "midnight" => return Some((Clock::Midnight { zone: local }, i + 1)),
            "noon" | "midday" => return Some((at(12, 0, true), i + 1)),
            _ => {}
        }
        let h = self.num(i)?;
        self.colon_time(i, h)
            .or_else(|| self.hour_ampm(i, h))
            .or_else(|| self.military(i))
    }

    /// "18:00", "1:00 a.m.", "6.30 p.m." (a dot needs a.m./p.m.).
    fn colon_time(&self, i: usize, h: u32) -> Option<(Clock, usize)> {
        let sep = self.word(i + 1);
        if !(sep == ":" || sep == ".") || !self.touching(i + 1) || !self.touching(i + 2) {
            return None;
        }
        let mt = self.tok(i + 2)?;
        let m = mt.number().filter(|m| mt.raw.len() == 2 && *m < 60)?;
        match self.ampm(i + 3) {
            Some((pm, k)) => Some((at(twelve_hour(h, pm)?, m, true), k)),
            None if sep == ":" && h == 24 && m == 0 => {
                Some((Clock::Midnight { zone: Zone::Local }, i + 3))
            }
            None if sep == ":" && h < 24 => Some((at(h, m, true), i + 3)),
            None => None,
        }
    }

    /// "6 p.m.", "1am".
    fn hour_ampm(&self, i: usize, h: u32) -> Option<(Clock, usize)> {
        let (pm, k) = self.ampm(i + 1)?;
        Some((at(twelve_hour(h, pm)?, 0, false), k))
    }

    /// "2200 GMT": four digits are a time only when a zone follows.
    fn military(&self, i: usize) -> Option<(Clock, usize)> {
        let t = self.tok(i)?;
        let v = t.number().filter(|_| t.raw.len() == 4)?;
        let (h, m) = (v / 100, v % 100);
        if h > 23 || m > 59 || self.zone(i + 1).is_none() {
            return None;
        }
        Some((at(h, m, true), i + 1))
    }

    /// "am", "pm", "a.m.", "p.m" → (is_pm, next index).
    fn ampm(&self, i: usize) -> Option<(bool, usize)> {
        match self.word(i) {
            "am" => return Some((false, i + 1)),
            "pm" => return Some((true, i + 1)),
            "a" | "p" => {}
            _ => return None,
        }
        let pm = self.is(i, "p");
        let dotted = self.is(i + 1, ".") && self.touching(i + 1);
        if !dotted || !self.is(i + 2, "m") || !self.touching(i + 2) {
            return None;
        }
        let end = if self.is(i + 3, ".") && self.touching(i + 3) {
            i + 4
        } else {
            i + 3
        };
        Some((pm, end))
    }

    /// "GMT", "UTC", "(GMT)", "Damascus time", "local time".
    pub(crate) fn zone(&self, i: usize) -> Option<(Zone, usize)> {
        match self.word(i) {
            "gmt" | "utc" => Some((Zone::Utc, i + 1)),
            "(" if self.is_any(i + 1, &["gmt", "utc"]) && self.is(i + 2, ")") => {
                Some((Zone::Utc, i + 3))
            }
            "damascus" | "syria" | "syrian" | "local" if self.is(i + 1, "time") => {
                Some((Zone::Local, i + 2))
            }
            _ => None,
        }
    }

    /// Skips "(2200 GMT)" after a clock time.
    pub(crate) fn skip_conversion(&self, k: usize) -> usize {
        if !self.is(k, "(") {
            return k;
        }
        let Some((_, j)) = self.clock_core(k + 1) else {
            return k;
        };
        let j = self.zone(j).map_or(j, |(_, z)| z);
        if self.is(j, ")") { j + 1 } else { k }
    }
}

fn at(hour: u32, minute: u32, minutes_written: bool) -> Clock {
    Clock::At {
        hour: i8::try_from(hour).unwrap_or(0),
        minute: i8::try_from(minute).unwrap_or(0),
        minutes_written,
        zone: Zone::Local,
    }
}

fn twelve_hour(h: u32, pm: bool) -> Option<u32> {
    match (h, pm) {
        (1..=11, false) => Some(h),
        (12, false) => Some(0),
        (1..=11, true) => Some(h + 12),
        (12, true) => Some(12),
        _ => None,
    }
}

fn with_zone(clock: Clock, zone: Zone) -> Clock {
    match clock {
        Clock::At {
            hour,
            minute,
            minutes_written,
            ..
        } => Clock::At {
            hour,
            minute,
            minutes_written,
            zone,
        },
        Clock::Midnight { .. } => Clock::Midnight { zone },
        Clock::Part(p) => Clock::Part(p),
    }
}
