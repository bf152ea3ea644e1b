//! `truce eval`: score extraction against a labelled set (the work is in
//! `truce_eval`; this reads the file, picks the set and prints).

use crate::cli::{AgreementArgs, ClaimsArgs, EvalArgs, EvalSet, Format, LedgerEvalArgs, SplitArg};
use anyhow::{Context, Result};
use std::io::Write;
use truce_eval::{EvalError, Evaluation, Options, View, claims, fakes, gold, render, ucdp};
use truce_extract::Extractor;

/// One set's evaluator: (file text, file name, extractor, options).
type Evaluate = fn(&str, &str, &Extractor, &Options) -> Result<Evaluation, EvalError>;

fn view(split: SplitArg) -> View {
    match split {
        SplitArg::Dev => View::Dev,
        SplitArg::Test => View::Test,
        SplitArg::All => View::All,
        SplitArg::Both => View::Both,
    }
}

fn print(evaluation: &Evaluation, view: View, format: Format, out: &mut impl Write) -> Result<()> {
    match format {
        Format::Text => out.write_all(render::text(evaluation, view).as_bytes())?,
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &render::json(evaluation, view))?;
            writeln!(out)?;
        }
    }
    Ok(())
}

/// `truce eval claims`: the extractor against analysts' annotations of real reports.
fn run_claims(args: &ClaimsArgs, out: &mut impl Write) -> Result<()> {
    let gold = claims::read_gold(&args.files)?;
    let extractor = Extractor::new().context("building the extractor")?;
    let view = view(args.split);
    let opts = Options {
        misses: args.misses,
        view,
        limit: None,
    };
    let root = std::path::Path::new(&args.corpus);
    if !root.is_dir() {
        anyhow::bail!(
            "{}: the shared corpus folder is not there (--corpus DIR)",
            args.corpus
        );
    }
    if let Some(path) = &args.write_input {
        return write_input(&gold, root, path);
    }
    let reports = match &args.reports {
        Some(path) => Some(read_reports(path)?),
        None => None,
    };
    let reader = match &reports {
        Some(r) => claims::Reader::Reports(r),
        None => claims::Reader::Extractor(&extractor),
    };
    let evaluation = claims::evaluate(&gold, root, &reader, &opts)?;
    print(&evaluation, view, args.format, out)
}

/// The annotated documents as JSON Lines input for any extractor.
fn write_input(gold: &claims::GoldSet, root: &std::path::Path, path: &str) -> Result<()> {
    let file = std::fs::File::create(path).with_context(|| format!("creating {path}"))?;
    let mut out = std::io::BufWriter::new(file);
    for (doc, _) in claims::annotated(gold, root)? {
        let line = serde_json::json!({
            "id": doc.id, "text": doc.text, "published": doc.published,
            "title": doc.title, "url": doc.url,
        });
        serde_json::to_writer(&mut out, &line)?;
        writeln!(out)?;
    }
    out.flush()?;
    Ok(())
}

/// Reports written by `truce extract --jsonl`, by document id.
fn read_reports(path: &str) -> Result<std::collections::BTreeMap<String, truce_model::Report>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {path}"))?;
    let mut out = std::collections::BTreeMap::new();
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let report: truce_model::Report = serde_json::from_str(line)
            .with_context(|| format!("{path}: line {}: not a report", n + 1))?;
        out.insert(report.document.id.clone(), report);
    }
    Ok(out)
}

/// `truce eval agreement`: a second annotator against the first.
fn run_agreement(args: &AgreementArgs, out: &mut impl Write) -> Result<()> {
    let first = claims::read_gold(&args.first)?;
    let second = claims::read_gold(&args.second)?;
    let texts = claims::texts(&second, std::path::Path::new(&args.corpus))?;
    let opts = Options::default();
    let evaluation = claims::agreement(&first, &second, &texts, &opts);
    print(&evaluation, View::Both, args.format, out)
}

/// `truce eval ledger`: the ledger of some reports against a truth timeline.
fn run_ledger(args: &LedgerEvalArgs, out: &mut impl Write) -> Result<()> {
    use truce_eval::ledger;
    let text =
        std::fs::read_to_string(&args.truth).with_context(|| format!("reading {}", args.truth))?;
    let truth = ledger::truth::read(&text, &args.truth, truce_geo::Gazetteer::embedded())?;
    let extractor = Extractor::new().context("building the extractor")?;
    let defaults = truce_ingest::Defaults {
        published: args.published.clone(),
        outlet: args.outlet.clone(),
    };
    let built = ledger::input::build(&args.reports, &defaults, &extractor)?;
    let mut score = ledger::evaluate(&truth, &built.ledger);
    score.notes = ledger::input::notes(&built.summary);
    match args.format {
        Format::Text => out.write_all(ledger::render::text(&score).as_bytes())?,
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &ledger::render::json(&score))?;
            writeln!(out)?;
        }
    }
    Ok(())
}

pub fn run(set: &EvalSet, out: &mut impl Write) -> Result<()> {
    let (args, evaluate): (&EvalArgs, Evaluate) = match set {
        EvalSet::Fakes(a) => (a, fakes::evaluate),
        EvalSet::Ucdp(a) => (a, ucdp::evaluate),
        EvalSet::Gold(a) => (a, gold::evaluate),
        EvalSet::Claims(a) => return run_claims(a, out),
        EvalSet::Agreement(a) => return run_agreement(a, out),
        EvalSet::Ledger(a) => return run_ledger(a, out),
    };
    let view = view(args.split);
    let text =
        std::fs::read_to_string(&args.file).with_context(|| format!("reading {}", args.file))?;
    let extractor = Extractor::new().context("building the extractor")?;
    let opts = Options {
        misses: args.misses,
        view,
        limit: args.limit,
    };
    // panics inside the extractor are caught and counted per row; keep
    // their default report (a backtrace each) off the terminal
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let evaluation = evaluate(&text, &args.file, &extractor, &opts);
    std::panic::set_hook(hook);
    print(&evaluation?, view, args.format, out)
}
