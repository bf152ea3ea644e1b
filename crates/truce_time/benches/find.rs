//! `find` throughput: `cargo bench -p truce_time --bench find`.
//!
//! The prose is generated here from our own sentence templates (mostly
//! sentences with no time expression, as in real news). When the local
//! news mirror is present it is also measured, read at bench time only.

use divan::counter::BytesCount;
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

/// A small deterministic generator (xorshift64*), so runs are comparable.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        let n = u64::try_from(xs.len()).unwrap_or(1).max(1);
        let i = usize::try_from(self.next() % n).unwrap_or(0);
        xs.get(i).copied().unwrap_or("")
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

const ACTORS: &[&str] = &[
    "The Syrian government",
    "Rebel commanders",
    "The opposition High Negotiations Committee",
    "Russian officials",
    "A spokesman for the United Nations",
    "Local activists",
    "The monitoring group",
    "Government forces",
    "Kurdish fighters",
    "Aid workers",
    "The foreign ministry",
    "Witnesses",
    "Diplomats in Geneva",
    "A senior State Department official",
];

const VERBS: &[&str] = &[
    "said",
    "reported",
    "warned",
    "confirmed",
    "denied",
    "claimed",
    "announced",
    "told reporters",
    "insisted",
    "acknowledged",
];

const CLAIMS: &[&str] = &[
    "the cessation of hostilities was largely holding despite sporadic violations",
    "air strikes had hit a market in the rebel-held part of the city",
    "aid convoys were still waiting for permission to enter besieged towns",
    "both sides had agreed to respect the truce around the capital",
    "dozens of civilians were killed in shelling of residential districts",
    "the negotiations would resume once humanitarian access improved",
    "fighters loyal to the government had advanced toward the northern countryside",
    "the ceasefire did not cover areas held by Islamic State or the Nusra Front",
    "more than 400 people had been evacuated from the besieged suburbs",
    "the agreement brokered by Washington and Moscow was fragile",
    "monitors recorded 15 violations along the front line",
    "a hospital supported by Doctors Without Borders was destroyed",
    "the opposition would not attend talks while bombing continued",
    "it was too early to say whether the plan would succeed",
    "thousands of families had fled toward the Turkish border",
    "the army was preparing a new offensive against insurgent positions",
];

const PLACES: &[&str] = &[
    "Aleppo",
    "Homs",
    "Damascus",
    "Eastern Ghouta",
    "Idlib province",
    "Latakia",
    "Daraya",
    "Madaya",
    "Palmyra",
    "Deir al-Zor",
    "Hama",
    "the Kurdish-held north",
];

const TIMES: &[&str] = &[
    "on Sunday",
    "on Monday",
    "late on Tuesday",
    "until midnight on Friday",
    "for 48 hours",
    "for another 72 hours",
    "since February 27",
    "earlier this week",
    "last month",
    "on 3 May 2016",
    "at 1:00 a.m. on Saturday",
    "yesterday",
    "overnight",
    "from midnight Damascus time (2200 GMT)",
    "in March",
    "two days ago",
    "this morning",
    "between Monday and Wednesday",
];

const OPENERS: &[&str] = &[
    "In a statement,",
    "According to the observatory,",
    "Speaking in Geneva,",
    "Meanwhile,",
    "However,",
    "In Moscow,",
    "Separately,",
    "As fighting raged,",
];

fn sentence(rng: &mut Rng, out: &mut String) {
    let with_time = rng.below(100) < 22;
    match rng.below(5) {
        0 => {
            out.push_str(rng.pick(OPENERS));
            out.push(' ');
            let actor = rng.pick(ACTORS);
            out.push_str(&actor.to_lowercase());
        }
        _ => out.push_str(rng.pick(ACTORS)),
    }
    out.push(' ');
    out.push_str(rng.pick(VERBS));
    if with_time {
        out.push(' ');
        out.push_str(rng.pick(TIMES));
    }
    out.push_str(" that ");
    out.push_str(rng.pick(CLAIMS));
    if rng.below(3) == 0 {
        out.push_str(" in ");
        out.push_str(rng.pick(PLACES));
    }
    if rng.below(4) == 0 {
        out.push_str(", where at least ");
        out.push_str(&(rng.below(200) + 2).to_string());
        out.push_str(" people were reported dead");
    }
    out.push_str(". ");
    if rng.below(8) == 0 {
        out.push('\n');
    }
}

/// About 400 KB of generated news-like prose.
fn generated() -> String {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut out = String::with_capacity(420_000);
    while out.len() < 400_000 {
        sentence(&mut rng, &mut out);
    }
    out
}

/// The `text` fields of a local JSONL news mirror, if one is present.
fn real_corpus() -> Option<Vec<String>> {
    let path = "/work/shared/corpus/news2016-aggregator-mirror/syria_articles_2016H1.jsonl";
    let data = std::fs::read_to_string(path).ok()?;
    let texts: Vec<String> = data.lines().filter_map(text_field).collect();
    (!texts.is_empty()).then_some(texts)
}

/// The JSON string value of `"text"` in one line (a minimal decoder).
fn text_field(line: &str) -> Option<String> {
    let key = "\"text\": \"";
    let key_alt = "\"text\":\"";
    let start = line
        .find(key)
        .map(|p| p + key.len())
        .or_else(|| line.find(key_alt).map(|p| p + key_alt.len()))?;
    let mut out = String::new();
    let mut chars = line.get(start..)?.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(out),
            '\\' => match chars.next()? {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'r' => out.push('\r'),
                'b' | 'f' => out.push(' '),
                'u' => {
                    let hex: String = chars.by_ref().take(4).collect();
                    let mut cp = u32::from_str_radix(&hex, 16).ok()?;
                    if (0xD800..0xDC00).contains(&cp) {
                        let rest: String = chars.by_ref().take(6).collect();
                        let lo = u32::from_str_radix(rest.get(2..)?, 16).ok()?;
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo.wrapping_sub(0xDC00) & 0x3FF);
                    }
                    out.push(char::from_u32(cp).unwrap_or('\u{FFFD}'));
                }
                other => out.push(other),
            },
            _ => out.push(c),
        }
    }
    None
}

#[divan::bench(sample_count = 30)]
fn generated_prose(bencher: Bencher) {
    let text = generated();
    bencher
        .counter(BytesCount::new(text.len()))
        .bench_local(|| black_box(truce_time::find(black_box(&text))));
}

/// The same prose one sentence at a time, as the pipeline calls it.
#[divan::bench(sample_count = 30)]
fn generated_sentences(bencher: Bencher) {
    let text = generated();
    let sentences: Vec<&str> = text.split_inclusive(". ").collect();
    bencher
        .counter(BytesCount::new(text.len()))
        .bench_local(|| {
            let mut n = 0usize;
            for s in &sentences {
                n += truce_time::find(black_box(s)).len();
            }
            black_box(n)
        });
}

/// The local news mirror, for information (skipped when absent).
#[divan::bench(sample_count = 30)]
fn real_news(bencher: Bencher) {
    let texts = real_corpus().unwrap_or_default();
    let bytes: usize = texts.iter().map(String::len).sum();
    bencher.counter(BytesCount::new(bytes)).bench_local(|| {
        let mut n = 0usize;
        for t in &texts {
            n += truce_time::find(black_box(t)).len();
        }
        black_box(n)
    });
}

/// The local news mirror one sentence at a time, as the pipeline calls it
/// (split at ". " and line breaks; skipped when absent).
#[divan::bench(sample_count = 30)]
fn real_news_sentences(bencher: Bencher) {
    let texts = real_corpus().unwrap_or_default();
    let bytes: usize = texts.iter().map(String::len).sum();
    let sentences: Vec<&str> = texts
        .iter()
        .flat_map(|t| t.split_inclusive('\n'))
        .flat_map(|l| l.split_inclusive(". "))
        .collect();
    bencher.counter(BytesCount::new(bytes)).bench_local(|| {
        let mut n = 0usize;
        for s in &sentences {
            n += truce_time::find(black_box(s)).len();
        }
        black_box(n)
    });
}
