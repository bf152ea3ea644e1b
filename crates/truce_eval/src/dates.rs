//! Full dates printed in a text ("Wed 05 Apr 2017", "April 6 2017",
//! "Apr 152017", "29-06-2016", "02.10.2017", "2016-06-29"), with their byte
//! offsets. Used to find an article's publication date and to tell whether
//! a label date is printed in the article. Numeric dates are read day
//! first (the convention of the outlets in FA-KES) unless the second number
//! cannot be a month.

use jiff::civil::Date;

/// A date found in the text and the byte offset where it starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found {
    pub date: Date,
    pub at: usize,
}

const MONTHS: [(&str, i8); 23] = [
    ("jan", 1),
    ("january", 1),
    ("feb", 2),
    ("february", 2),
    ("mar", 3),
    ("march", 3),
    ("apr", 4),
    ("april", 4),
    ("may", 5),
    ("jun", 6),
    ("june", 6),
    ("jul", 7),
    ("july", 7),
    ("aug", 8),
    ("august", 8),
    ("sep", 9),
    ("sept", 9),
    ("september", 9),
    ("oct", 10),
    ("october", 10),
    ("nov", 11),
    ("november", 11),
    ("dec", 12),
];

fn month(word: &str) -> Option<i8> {
    let w = word.to_ascii_lowercase();
    if w == "december" {
        return Some(12);
    }
    MONTHS.iter().find(|(n, _)| *n == w).map(|&(_, m)| m)
}

/// A day number, with an optional ordinal suffix ("6", "06", "6th").
fn day(word: &str) -> Option<i8> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    if !(suffix.is_empty() || ["st", "nd", "rd", "th"].contains(&suffix)) {
        return None;
    }
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// A plausible year at the start of `word` ("2017", "2017Syria").
fn year(word: &str) -> Option<i16> {
    let b = word.as_bytes();
    if b.len() < 4 || !b[..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    if b.get(4).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    word[..4].parse().ok().filter(|y| (1990..=2035).contains(y))
}

fn date(y: i16, m: i8, d: i8) -> Option<Date> {
    Date::new(y, m, d).ok()
}

/// Alphanumeric runs and their offsets.
fn words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_ascii_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

/// Every full date in `text`, in text order.
pub fn find(text: &str) -> Vec<Found> {
    let mut out = Vec::new();
    let w = words(text);
    let mut i = 0;
    while i < w.len() {
        let at = w[i].0;
        let get = |k: usize| w.get(i + k).map_or("", |x| x.1);
        // skip "of" in "6th of June"
        let of = usize::from(get(1).eq_ignore_ascii_case("of"));
        if let (Some(d), Some(m)) = (day(get(0)), month(get(1 + of)))
            && let Some(dt) = year(get(2 + of)).and_then(|y| date(y, m, d))
        {
            out.push(Found { date: dt, at });
            i += 3 + of;
            continue;
        }
        if let Some(m) = month(get(0)) {
            if let Some(dt) = day(get(1))
                .zip(year(get(2)))
                .and_then(|(d, y)| date(y, m, d))
            {
                out.push(Found { date: dt, at });
                i += 3;
                continue;
            }
            // "Apr 152017": day and year glued together
            let g = get(1);
            if (5..=6).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit()) {
                let (d, y) = g.split_at(g.len() - 4);
                if let Some(dt) = day(d).zip(year(y)).and_then(|(d, y)| date(y, m, d)) {
                    out.push(Found { date: dt, at });
                    i += 2;
                    continue;
                }
            }
        }
        i += 1;
    }
    out.extend(numeric(text));
    out.sort_by_key(|f| f.at);
    out
}

/// "29-06-2016", "02.10.2017", "6/2/2016" (day first) and "2016-06-29".
fn numeric(text: &str) -> Vec<Found> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let digits_at = |i: usize| b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && b[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let n1 = digits_at(i);
        let sep = b.get(i + n1).copied();
        if !matches!(sep, Some(b'-' | b'.' | b'/')) {
            i += n1;
            continue;
        }
        let j = i + n1 + 1;
        let n2 = if j < b.len() { digits_at(j) } else { 0 };
        let k = j + n2 + 1;
        if n2 == 0 || b.get(j + n2).copied() != sep || k >= b.len() {
            i += n1;
            continue;
        }
        let n3 = digits_at(k);
        let num = |s: usize, n: usize| text[s..s + n].parse::<i16>().ok();
        let (a, m, c) = (num(i, n1), num(j, n2), num(k, n3));
        let found = match (n1, n2, n3, a, m, c) {
            (4, 1..=2, 1..=2, Some(y), Some(m), Some(d)) => ymd(y, m, d),
            (1..=2, 1..=2, 4, Some(d), Some(m), Some(y)) if m > 12 => ymd(y, d, m),
            (1..=2, 1..=2, 4, Some(d), Some(m), Some(y)) => ymd(y, m, d),
            _ => None,
        };
        if let Some(date) = found.filter(|d| (1990..=2035).contains(&d.year())) {
            out.push(Found { date, at: i });
            i = k + n3;
        } else {
            i += n1;
        }
    }
    out
}

fn ymd(y: i16, m: i16, d: i16) -> Option<Date> {
    date(y, i8::try_from(m).ok()?, i8::try_from(d).ok()?)
}

/// A `M/D/YYYY` label date (FA-KES) or an ISO `YYYY-MM-DD` date.
pub fn parse_label(s: &str) -> Option<Date> {
    let s = s.trim();
    if let Ok(d) = s.parse::<Date>() {
        return Some(d);
    }
    let mut it = s.split('/').map(|p| p.trim().parse::<i16>().ok());
    let (m, d, y) = (it.next()??, it.next()??, it.next()??);
    if it.next().is_some() {
        return None;
    }
    ymd(y, m, d)
}

/// The date part of an ISO 8601 date or date-time.
pub fn iso_date(s: &str) -> Option<Date> {
    s.get(..10)?.parse().ok()
}

/// The day a claim's time names: its start, when the time is at day
/// precision or finer and is not a span of more than two days ("over the
/// past ten days" names no day of the event).
pub fn event_day(t: &truce_model::TimeRef) -> Option<Date> {
    if !matches!(t.precision.as_str(), "minute" | "hour" | "day") {
        return None;
    }
    let start = iso_date(t.start.as_deref()?)?;
    if let Some(end) = t.end.as_deref().and_then(iso_date)
        && days_apart(start, end) > 2
    {
        return None;
    }
    Some(start)
}

/// |a - b| in days.
pub fn days_apart(a: Date, b: Date) -> i64 {
    (a.to_jiff_epoch_days() - b.to_jiff_epoch_days()).abs()
}

trait EpochDays {
    fn to_jiff_epoch_days(self) -> i64;
}

impl EpochDays for Date {
    fn to_jiff_epoch_days(self) -> i64 {
        // days since 0000-03-01, by the usual civil-from-days inverse
        let (y, m, d) = (
            i64::from(self.year()),
            i64::from(self.month()),
            i64::from(self.day()),
        );
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().expect("date")
    }

    #[test]
    fn event_days_are_points_not_spans() {
        let t = |start: &str, end: Option<&str>, precision: &str| truce_model::TimeRef {
            start: Some(start.into()),
            end: end.map(Into::into),
            precision: precision.into(),
            mention: None,
        };
        assert_eq!(
            event_day(&t("2016-05-01", None, "day")),
            Some(d("2016-05-01"))
        );
        // "in the past 24 hours", "overnight": still a day.
        assert_eq!(
            event_day(&t("2016-04-30", Some("2016-05-01"), "day")),
            Some(d("2016-04-30"))
        );
        assert_eq!(
            event_day(&t(
                "2016-04-30T18:00:00+03:00",
                Some("2016-05-01T06:00:00+03:00"),
                "hour"
            )),
            Some(d("2016-04-30"))
        );
        // "over the past ten days", "last week", "in April": no day.
        assert_eq!(event_day(&t("2016-04-21", Some("2016-05-01"), "day")), None);
        assert_eq!(
            event_day(&t("2016-04-18", Some("2016-04-24"), "week")),
            None
        );
        assert_eq!(event_day(&t("2016-04-01", None, "month")), None);
    }

    fn dates(text: &str) -> Vec<Date> {
        find(text).into_iter().map(|f| f.date).collect()
    }

    #[test]
    fn printed_forms() {
        assert_eq!(dates("Wed 05 Apr 2017 Syria"), [d("2017-04-05")]);
        assert_eq!(dates("Last updated at Apr 152017 A"), [d("2017-04-15")]);
        assert_eq!(dates("Published April 8 2017 An"), [d("2017-04-08")]);
        assert_eq!(dates("29-06-2016 7 killed"), [d("2016-06-29")]);
        assert_eq!(dates("02.10.2017Get short URL"), [d("2017-10-02")]);
        assert_eq!(dates("on the 6th of June 2016."), [d("2016-06-06")]);
        assert_eq!(dates("x 2016-06-29 y 5 May"), [d("2016-06-29")]);
        assert_eq!(dates("12/25/2016"), [d("2016-12-25")]);
        assert!(dates("killed 29 people in 2016").is_empty());
        assert!(dates("31 Feb 2016").is_empty());
    }

    #[test]
    fn labels_and_day_distance() {
        assert_eq!(parse_label("4/5/2017"), Some(d("2017-04-05")));
        assert_eq!(parse_label("2016-01-01"), Some(d("2016-01-01")));
        assert_eq!(parse_label("4/5"), None);
        assert_eq!(days_apart(d("2016-02-28"), d("2016-03-01")), 2);
        assert_eq!(days_apart(d("2016-12-31"), d("2017-01-01")), 1);
        assert_eq!(iso_date("2016-05-02T10:00:00+03:00"), Some(d("2016-05-02")));
    }
}
