//! The command line: sub-commands and their options.

use clap::{Args, Parser, Subcommand, ValueEnum};
use truce_extract::Published;

const EXIT_CODES: &str = "\
Exit status:
  0  success
  1  error: unreadable or invalid input (the message names the input), or an I/O error
  2  usage error (bad option or option value, e.g. --published)
  3  extract --jsonl ran to the end but some lines failed: each failed line has an
     error record {\"line\": N, \"id\": ..., \"error\": \"...\"} in its place on stdout";

#[derive(Debug, Parser)]
#[command(
    name = "truce",
    version,
    about = "Read news reports about ceasefires; extract attributed, time-aware claims.",
    after_help = EXIT_CODES
)]
pub struct Cli {
    /// The store: an SQLite file path, taken literally (default:
    /// ~/.local/share/truce/truce.db, or $XDG_DATA_HOME/truce/truce.db), or a URL
    /// starting with sqlite: or postgres:// (postgresql://). Not empty.
    #[arg(long, global = true, env = "TRUCE_DB", value_name = "DB")]
    pub db: Option<String>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract claims from one report, or from every line of a JSON Lines file.
    #[command(after_help = EXTRACT_HELP)]
    Extract(ExtractArgs),
    /// Store reports (files, folders, JSON Lines, - for stdin) with their claims.
    #[command(after_help = INGEST_HELP)]
    Ingest(IngestArgs),
    /// Read stored reports again with this version of the extractor (ids are kept).
    Reextract(ReextractArgs),
    /// The ceasefire board: every truce and the state of each of its areas at a time.
    Board(BoardArgs),
    /// Every truce covering a place at a time, with the claims for and against.
    Status(StatusArgs),
    /// The dated lifecycle of a truce, or of the truces covering a place.
    Timeline(TimelineArgs),
    /// Truce areas whose window ends soon.
    Expiring(ExpiringArgs),
    /// Violations: explicit violation claims, and incidents inside an active truce.
    Violations(ViolationsArgs),
    /// Contradicting claims side by side, with their sources.
    Disputes(FormatArgs),
    /// Truces, claims and incidents as JSON, CSV or GeoJSON.
    Export(ExportArgs),
    /// Counts of documents, duplicates, claims and truces.
    Stats(FormatArgs),
    /// The ceasefire board on the web: JSON API and a map and timeline page.
    #[command(after_help = SERVE_HELP)]
    Serve(ServeArgs),
    /// Ingest new reports from a folder or feed every few minutes and send alerts.
    #[command(after_help = WATCH_HELP)]
    Watch(WatchArgs),
    /// Measure extraction throughput on one core and on all cores.
    Bench(BenchArgs),
    /// Score extraction against a labelled set, on a fixed dev/test split.
    #[command(subcommand, after_help = EVAL_HELP)]
    Eval(EvalSet),
}

const INGEST_HELP: &str = "\
Inputs: plain-text files (a front-matter header may give published, outlet, title, url, language),
folders (walked in name order: .txt, .md and .text files as text, .jsonl and .ndjson as JSON Lines,
other files skipped), JSON Lines files (the extract --jsonl input format) and - for standard input
(JSON Lines if it starts with '{', else one text report).

Each batch of reports is stored in one transaction with its claims. Re-ingesting the same text is a
no-op (a duplicate); a report that nearly repeats an earlier one (the same wire story with small
edits) is stored and linked to it, and the ledger does not count it twice. A run that is killed
leaves whole batches; running it again completes it.

Exit status: 0 every input stored or already there; 1 error (the store); 2 usage error;
3 finished, but some inputs failed (each is listed with its reason).";

#[derive(Debug, Args)]
pub struct IngestArgs {
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<String>,

    /// Publication date for inputs that do not give one.
    #[arg(long, value_name = "DATE", value_parser = parse_published)]
    pub published: Option<String>,

    /// Outlet for inputs that do not name one.
    #[arg(long, value_name = "NAME")]
    pub outlet: Option<String>,

    /// Print the ceasefire board of the last day covered afterwards.
    #[arg(long)]
    pub board: bool,

    /// No progress line, even on a terminal.
    #[arg(long, short)]
    pub quiet: bool,

    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

const SERVE_HELP: &str = "\
Serves the page at / and the JSON API under /api (its OpenAPI document at /openapi.json), on
127.0.0.1:8765 unless --listen says otherwise. The only write, POST /api/reports (JSON Lines in the
extract --jsonl input format), needs `Authorization: Bearer TOKEN`: the token is the first line of
--token-file, else $TRUCE_TOKEN, at least 16 visible ASCII characters. Without a token the server
refuses to start unless --read-only (writes answer 403; the store is opened read-only). A request
may take 120 s; a body that stops arriving for 15 s gets 408; at most 64 requests run at once (503
beyond). Stop it with Ctrl-C or SIGTERM: open requests get 8 s to finish.";

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on (port 0 picks a free port).
    #[arg(long, value_name = "ADDR", default_value = truce_server::DEFAULT_LISTEN)]
    pub listen: std::net::SocketAddr,

    /// File whose first line is the bearer token for writes.
    #[arg(long, value_name = "FILE")]
    pub token_file: Option<std::path::PathBuf>,

    /// Serve without writes (POST answers 403); no token needed.
    #[arg(long)]
    pub read_only: bool,

    /// Largest request body in bytes; a larger one gets 413.
    #[arg(long, value_name = "BYTES", default_value_t = truce_server::DEFAULT_BODY_LIMIT)]
    pub body_limit: usize,

    /// An origin allowed by CORS (repeat for more); none: no CORS headers.
    #[arg(long = "cors-origin", value_name = "ORIGIN")]
    pub cors_origins: Vec<String>,

    /// Post alert events (signed JSON) to this URL after each change of the store.
    #[arg(long, value_name = "URL", requires = "secret_file")]
    pub webhook: Option<String>,

    /// File whose first line is the webhook's HMAC secret.
    #[arg(long, value_name = "FILE", requires = "webhook")]
    pub secret_file: Option<std::path::PathBuf>,

    /// How far ahead a truce's end makes an 'expiring' alert: 24h, 2d, 90m.
    #[arg(long, value_name = "DURATION", default_value = "24h", value_parser = parse_duration)]
    pub horizon: jiff::SignedDuration,

    /// The record of delivered alerts (default: beside an SQLite store, DB.alerts.jsonl).
    #[arg(long, value_name = "FILE")]
    pub alert_state: Option<std::path::PathBuf>,
}

const WATCH_HELP: &str = "\
SOURCE is a folder or file of reports (as for ingest), or an http(s) URL of a JSON Lines file (the
extract --jsonl input format) or an RSS feed (each item's title, link, description and pubDate make
a report). Every round (--every, default 5m) stores what is new (texts already stored are skipped),
then derives alert events from the ledger (declared, extended, expiring within --horizon, violated,
disputed) and sends those not yet delivered: to --webhook as signed JSON, else as JSON Lines on
stdout. Delivered event ids are recorded in --state (default: DB.alerts.jsonl beside an SQLite
store), so a watcher killed and started again sends nothing twice and loses nothing. SIGTERM or
Ctrl-C stop it between two deliveries.

Webhook requests carry X-Truce-Event, X-Truce-Event-Id, X-Truce-Timestamp and X-Truce-Signature:
sha256=HEX, the HMAC-SHA256 of TIMESTAMP.BODY under the secret (first line of --secret-file).

Exit status (--once): 0 done; 1 error; 2 usage error; 3 some inputs failed or an event could not be
delivered (it is sent next round).";

#[derive(Debug, Args)]
pub struct WatchArgs {
    /// A folder or file of reports, or an http(s) URL of a JSON Lines file or an RSS feed.
    #[arg(value_name = "SOURCE")]
    pub source: String,

    /// Time between rounds: 5m, 1h, 1d (at least 1m).
    #[arg(long, value_name = "DURATION", default_value = "5m", value_parser = parse_duration)]
    pub every: jiff::SignedDuration,

    /// One round, then exit.
    #[arg(long)]
    pub once: bool,

    /// Post each alert event (signed JSON) to this URL; without it, print them.
    #[arg(long, value_name = "URL", requires = "secret_file")]
    pub webhook: Option<String>,

    /// File whose first line is the webhook's HMAC secret.
    #[arg(long, value_name = "FILE", requires = "webhook")]
    pub secret_file: Option<std::path::PathBuf>,

    /// Seconds each webhook attempt may take (three attempts per event).
    #[arg(long, value_name = "SECS", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=600))]
    pub webhook_timeout: u64,

    /// How far ahead a truce's end makes an 'expiring' alert: 24h, 2d, 90m.
    #[arg(long, value_name = "DURATION", default_value = "24h", value_parser = parse_duration)]
    pub horizon: jiff::SignedDuration,

    /// Now, for 'expiring' (default: the clock, in the home theatre's zone).
    #[arg(long, value_name = "TIME", value_parser = parse_time)]
    pub now: Option<String>,

    /// The record of delivered events (default: beside an SQLite store, DB.alerts.jsonl).
    #[arg(long, value_name = "FILE")]
    pub state: Option<std::path::PathBuf>,

    /// Publication date for reports that do not give one.
    #[arg(long, value_name = "DATE", value_parser = parse_published)]
    pub published: Option<String>,

    /// Outlet for reports that do not name one.
    #[arg(long, value_name = "NAME")]
    pub outlet: Option<String>,
}

#[derive(Debug, Args)]
pub struct ReextractArgs {
    /// Every document, not only those read by another extractor version.
    #[arg(long)]
    pub all: bool,

    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct BoardArgs {
    /// The time (default: the end of the last day covered by the reports).
    #[arg(long, value_name = "TIME", value_parser = parse_time)]
    pub at: Option<String>,

    /// Every area's window and the disputed quotes (text; JSON always
    /// carries them).
    #[arg(long)]
    pub details: bool,

    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// A place name or gazetteer id ("Damascus", "Aleppo", "SY07").
    #[arg(value_name = "PLACE")]
    pub place: String,

    /// The time, e.g. 2016-05-01T20:00 (default: the end of the last day covered).
    #[arg(long, value_name = "TIME", value_parser = parse_time)]
    pub at: Option<String>,

    /// Every truce with its quotes for and against, extensions and
    /// disputes (text; JSON always carries them).
    #[arg(long)]
    pub details: bool,

    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct TimelineArgs {
    #[arg(
        long,
        value_name = "PLACE",
        conflicts_with = "truce",
        required_unless_present = "truce"
    )]
    pub place: Option<String>,

    #[arg(long, value_name = "ID")]
    pub truce: Option<String>,

    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct ExpiringArgs {
    /// Now (default: the end of the last day covered).
    #[arg(long, value_name = "TIME", value_parser = parse_time)]
    pub now: Option<String>,

    /// How far ahead: 24h, 2d, 90m, 1d12h.
    #[arg(long, value_name = "DURATION", default_value = "24h", value_parser = parse_duration)]
    pub within: jiff::SignedDuration,

    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct ViolationsArgs {
    #[arg(long, value_name = "ID")]
    pub truce: Option<String>,

    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct FormatArgs {
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
    pub format: ExportFormat,

    /// What the export holds: for CSV one table (default: truces); for JSON
    /// and GeoJSON that part only (default: everything; GeoJSON: truce
    /// areas and incidents).
    #[arg(long, value_enum)]
    pub what: Option<ExportWhat>,

    /// States of truces at this time (default: the latest publication time).
    #[arg(long, value_name = "TIME", value_parser = parse_time)]
    pub at: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Json,
    Csv,
    Geojson,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportWhat {
    /// One row per truce (ETH/PRIO-style fields).
    Truces,
    /// One row per truce area, with its own window and state.
    Areas,
    Claims,
    /// One row per incident claim.
    Incidents,
    /// One row per event: the reports of one incident merged.
    Events,
}

const EVAL_HELP: &str = "\
Every labelled row goes to dev or test by FNV-1a 64 of its row id (even = dev, odd = test).
Tune on dev; report test with dev beside it. Speed is extraction only, on one core.
Definitions of each field: docs/EVALUATION.md.";

#[derive(Debug, Subcommand)]
pub enum EvalSet {
    /// FA-KES CSV: the main event's governorate and date, per article.
    Fakes(EvalArgs),
    /// UCDP GED CSV: an incident with the event's governorate, date and deaths, per headline.
    Ucdp(EvalArgs),
    /// Gold JSON Lines (eval/gold/gold.jsonl): expected claims, per-kind precision and recall.
    Gold(EvalArgs),
    /// Real reports annotated claim by claim (eval/claims/*.jsonl): precision, recall and fields per claim kind.
    Claims(ClaimsArgs),
    /// Agreement of a second annotator with the first, on the documents both read.
    Agreement(AgreementArgs),
    /// The ledger of some reports against a truth timeline (eval/ledger/*.json): truce
    /// recall and precision, and `status` against probes.
    Ledger(LedgerEvalArgs),
}

#[derive(Debug, Args)]
pub struct LedgerEvalArgs {
    /// The truth timeline (eval/ledger/README.md).
    #[arg(value_name = "TRUTH")]
    pub truth: String,

    /// The reports: text files, folders, JSON Lines files (as `truce ingest` reads them).
    #[arg(value_name = "REPORTS", required = true)]
    pub reports: Vec<String>,

    /// Publication date for text reports that do not give one (e.g. the seed).
    #[arg(long, value_name = "DATE", value_parser = parse_published)]
    pub published: Option<String>,

    /// Outlet for reports that do not name one.
    #[arg(long, value_name = "NAME")]
    pub outlet: Option<String>,

    /// Output: a text summary with the misses, or one JSON object.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct ClaimsArgs {
    /// Annotation files (JSON Lines, eval/claims/GUIDELINES.md).
    #[arg(value_name = "GOLD", required = true)]
    pub files: Vec<String>,

    /// The shared corpus folder the annotations point into.
    #[arg(long, value_name = "DIR", default_value = "../shared/corpus")]
    pub corpus: String,

    /// Which half to show: dev, test, all (pooled) or both (side by side).
    #[arg(long, value_enum, default_value_t = SplitArg::Both)]
    pub split: SplitArg,

    /// Output: a text table or one JSON object.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// List N missed and unmatched claims (dev unless --split says otherwise).
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub misses: usize,

    /// Score these reports (JSON Lines, one report per document, document.id = the
    /// annotated document's id) instead of reading the documents now.
    #[arg(long, value_name = "FILE", conflicts_with = "write_input")]
    pub reports: Option<String>,

    /// Write the annotated documents as `extract --jsonl` input to FILE, and stop.
    #[arg(long, value_name = "FILE")]
    pub write_input: Option<String>,
}

#[derive(Debug, Args)]
pub struct AgreementArgs {
    /// The first annotator's files.
    #[arg(long, value_name = "FILE", required = true, num_args = 1..)]
    pub first: Vec<String>,

    /// The second annotator's files.
    #[arg(long, value_name = "FILE", required = true, num_args = 1..)]
    pub second: Vec<String>,

    /// The shared corpus folder the annotations point into.
    #[arg(long, value_name = "DIR", default_value = "../shared/corpus")]
    pub corpus: String,

    /// Output: a text table or one JSON object.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// The labelled set.
    #[arg(value_name = "FILE")]
    pub file: String,

    /// Which half to show: dev, test, all (pooled) or both (side by side).
    #[arg(long, value_enum, default_value_t = SplitArg::Both)]
    pub split: SplitArg,

    /// Output: a text table (field, dev, test, n) or one JSON object.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// List the N worst misses (text, label, what truce read); from dev unless --split says otherwise.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub misses: usize,

    /// Read only the first N rows.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SplitArg {
    Dev,
    Test,
    All,
    Both,
}

const EXTRACT_HELP: &str = "\
One report (FILE or - for stdin) is plain UTF-8 text of at most 32 MiB. It may start with a
front-matter header; options given on the command line win over it:
  ---
  published: 2016-05-01
  outlet: Example Wire
  title: Truce extended around Damascus
  ---
Byte offsets in the report count from the first byte after the header.

With --jsonl, every line is a JSON object with \"id\", \"text\" and \"published\" (and optionally
\"outlet\", \"title\", \"url\", \"language\", \"theatre\"; other fields are ignored). One compact JSON report is
written per line, in input order, with document.id = the line's id. A line that cannot be read
gets an error record {\"line\": N, \"id\": ..., \"error\": \"...\"} in its place (and a message on
stderr); blank lines are skipped. Input is streamed in batches of 1024 lines, each batch read on
every core (set RAYON_NUM_THREADS to use fewer).

Exit status: 0 success; 1 error (the message names the input); 2 usage error;
3 --jsonl finished but some lines failed.";

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// The report to read: a text file, or - for standard input.
    #[arg(
        value_name = "FILE",
        required_unless_present = "jsonl",
        conflicts_with = "jsonl"
    )]
    pub file: Option<String>,

    /// Read JSON Lines (a file, or - for standard input) and write one report per line.
    #[arg(long, value_name = "FILE")]
    pub jsonl: Option<String>,

    /// Publication date or date-time (YYYY-MM-DD, or ISO 8601); required unless the
    /// file's front matter has `published:`.
    #[arg(long, value_name = "DATE", value_parser = parse_published, conflicts_with = "jsonl")]
    pub published: Option<String>,

    /// The outlet that published the report.
    #[arg(long, value_name = "NAME", conflicts_with = "jsonl")]
    pub outlet: Option<String>,

    /// The report's title.
    #[arg(long, value_name = "T", conflicts_with = "jsonl")]
    pub title: Option<String>,

    /// Where the report was published.
    #[arg(long, value_name = "U", conflicts_with = "jsonl")]
    pub url: Option<String>,

    /// The country the report is about (ISO code: SY, YE, UA...); chosen from
    /// the places the report names when absent. With --jsonl, a line's
    /// "theatre" field.
    #[arg(long, value_name = "CODE", value_parser = parse_theatre, conflicts_with = "jsonl")]
    pub theatre: Option<String>,

    /// Output: pretty JSON (one report) or compact JSON Lines (--jsonl), or a text summary.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct BenchArgs {
    /// A JSON Lines corpus in the `extract --jsonl` format; without it, a synthetic corpus
    /// is generated.
    #[arg(long, value_name = "FILE")]
    pub jsonl: Option<String>,

    /// Threads for the parallel run (default: every core).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,

    /// Reports to generate when no --jsonl is given.
    #[arg(long, value_name = "N", default_value_t = 2000)]
    pub reports: usize,

    /// Seed of the generated corpus.
    #[arg(long, value_name = "S", default_value_t = 2016)]
    pub seed: u64,

    /// Repeat each run until it has taken at least this many seconds.
    #[arg(long, value_name = "SECS", default_value_t = 1.0)]
    pub min_time: f64,

    /// Output: a text table, or one JSON object.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Json,
    Text,
}

/// Check an --at or --now value now, so a bad one is a usage error naming the option.
fn parse_time(value: &str) -> Result<String, String> {
    check_offset(value)?;
    truce_ledger::parse_time(value)
        .map(|_| value.to_string())
        .map_err(|e| e.to_string())
}

/// A time's UTC offset, when it has one, must be a clock offset: `Z`, or
/// `+HH:MM`, `+HHMM`, `+HH` (or `-`) with hours 00-23 and minutes 00-59
/// (`+14:30` yes, `-25:00` no). Times are wall-clock times of the reports,
/// so a good offset is then dropped.
fn check_offset(value: &str) -> Result<(), String> {
    let text = value.trim().replacen(' ', "T", 1);
    let Some((_, clock)) = text.split_once('T') else {
        return Ok(());
    };
    let Some(at) = clock.find(['+', '-']) else {
        return Ok(());
    };
    let (time, offset) = clock.split_at(at);
    let offset = offset.get(1..).unwrap_or("");
    let parts = match (offset.len(), offset.get(2..3)) {
        (2, _) => Some((offset, "00")),
        (4, _) => offset.get(..2).zip(offset.get(2..)),
        (5, Some(":")) => offset.get(..2).zip(offset.get(3..)),
        _ => None,
    };
    let number = |s: &str| {
        s.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| s.parse::<u8>().ok())
            .flatten()
    };
    let Some((hours, minutes)) = parts.and_then(|(h, m)| number(h).zip(number(m))) else {
        return Err(format!(
            "cannot read the UTC offset {:?} in {value:?} (try +03:00 or Z)",
            &clock[time.len()..]
        ));
    };
    if hours > 23 || minutes > 59 {
        return Err(format!(
            "the UTC offset {:?} in {value:?} is out of range (hours 00-23, minutes 00-59)",
            &clock[time.len()..]
        ));
    }
    Ok(())
}

/// `24h`, `2d`, `90m`, `1d12h`: whole numbers with a unit (d, h, m).
pub fn parse_duration(value: &str) -> Result<jiff::SignedDuration, String> {
    let bad = || format!("cannot read the duration {value:?} (try 24h, 2d, 90m or 1d12h)");
    let mut seconds: i64 = 0;
    let mut number = String::new();
    for c in value.trim().chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let n: i64 = number.parse().map_err(|_| bad())?;
        let unit = match c {
            'd' => 86_400,
            'h' => 3_600,
            'm' => 60,
            _ => return Err(bad()),
        };
        seconds = n
            .checked_mul(unit)
            .and_then(|s| seconds.checked_add(s))
            .ok_or_else(bad)?;
        number.clear();
    }
    if !number.is_empty() || value.trim().is_empty() {
        return Err(bad());
    }
    Ok(jiff::SignedDuration::from_secs(seconds))
}

/// A theatre is a two-letter country code (ISO 3166-1 alpha-2).
fn parse_theatre(s: &str) -> Result<String, String> {
    if s.len() == 2 && s.bytes().all(|b| b.is_ascii_alphabetic()) {
        Ok(s.to_ascii_uppercase())
    } else {
        Err(format!(
            "{s:?} is not a two-letter country code (SY, YE, UA, ...)"
        ))
    }
}

fn parse_published(value: &str) -> Result<String, String> {
    Published::parse(value)
        .map(|p| p.text)
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn jsonl_excludes_single_options() {
        let parsed = Cli::try_parse_from(["truce", "extract", "--jsonl", "-", "--outlet", "x"]);
        assert!(parsed.is_err());
        let parsed =
            Cli::try_parse_from(["truce", "extract", "a.txt", "--published", "2016-05-01"])
                .expect("parses");
        let Command::Extract(args) = parsed.command else {
            panic!("not extract")
        };
        assert_eq!(args.file.as_deref(), Some("a.txt"));
        assert!(Cli::try_parse_from(["truce", "extract"]).is_err());
        assert!(Cli::try_parse_from(["truce", "extract", "a", "--published", "soon"]).is_err());
    }

    #[test]
    fn durations() {
        assert_eq!(
            parse_duration("24h"),
            Ok(jiff::SignedDuration::from_hours(24))
        );
        assert_eq!(
            parse_duration("1d12h"),
            Ok(jiff::SignedDuration::from_hours(36))
        );
        assert_eq!(
            parse_duration("90m"),
            Ok(jiff::SignedDuration::from_mins(90))
        );
        for bad in ["", "24", "h", "2w", "1.5h", "99999999999999999999d"] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn ledger_commands_and_global_db() {
        let parsed = Cli::try_parse_from([
            "truce",
            "--db",
            "x.db",
            "status",
            "Damascus",
            "--at",
            "2016-05-01T20:00",
        ])
        .expect("parses");
        assert_eq!(parsed.db.as_deref(), Some("x.db"));
        let Command::Status(args) = parsed.command else {
            panic!("not status")
        };
        assert_eq!(args.place, "Damascus");
        assert!(
            Cli::try_parse_from(["truce", "status", "Damascus", "--at", "yesterday-ish"]).is_err()
        );
        assert!(
            Cli::try_parse_from(["truce", "timeline"]).is_err(),
            "needs --place or --truce"
        );
        assert!(
            Cli::try_parse_from(["truce", "ingest"]).is_err(),
            "needs a path"
        );
        assert!(Cli::try_parse_from(["truce", "expiring", "--within", "soon"]).is_err());
    }

    #[test]
    fn eval_sub_commands() {
        let parsed = Cli::try_parse_from([
            "truce", "eval", "ucdp", "f.csv", "--split", "test", "--format", "json", "--misses",
            "5",
        ])
        .expect("parses");
        let Command::Eval(EvalSet::Ucdp(args)) = parsed.command else {
            panic!("not eval ucdp")
        };
        assert_eq!(args.split, SplitArg::Test);
        assert_eq!(args.format, Format::Json);
        assert_eq!(args.misses, 5);
        let parsed = Cli::try_parse_from(["truce", "eval", "gold", "g.jsonl"]).expect("parses");
        let Command::Eval(EvalSet::Gold(args)) = parsed.command else {
            panic!("not eval gold")
        };
        assert_eq!((args.split, args.format), (SplitArg::Both, Format::Text));
        assert!(Cli::try_parse_from(["truce", "eval", "peers", "x"]).is_err());
        let parsed = Cli::try_parse_from([
            "truce",
            "eval",
            "ledger",
            "t.json",
            "a.jsonl",
            "seed.txt",
            "--published",
            "2016-05-01",
        ])
        .expect("parses");
        let Command::Eval(EvalSet::Ledger(args)) = parsed.command else {
            panic!("not eval ledger")
        };
        assert_eq!((args.truth.as_str(), args.reports.len()), ("t.json", 2));
        assert!(Cli::try_parse_from(["truce", "eval", "ledger", "t.json"]).is_err());
        assert!(Cli::try_parse_from(["truce", "eval", "fakes", "x", "--split", "half"]).is_err());
    }
}
