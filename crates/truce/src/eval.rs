//! `truce eval`: score extraction against a labelled set (the work is in
//! `truce_eval`; this reads the file, picks the set and prints).

use crate::cli::{EvalArgs, EvalSet, Format, SplitArg};
use anyhow::{Context, Result};
use std::io::Write;
use truce_eval::{EvalError, Evaluation, Options, View, fakes, gold, render, ucdp};
use truce_extract::Extractor;

/// One set's evaluator: (file text, file name, extractor, options).
type Evaluate = fn(&str, &str, &Extractor, &Options) -> Result<Evaluation, EvalError>;

pub fn run(set: &EvalSet, out: &mut impl Write) -> Result<()> {
    let (args, evaluate): (&EvalArgs, Evaluate) = match set {
        EvalSet::Fakes(a) => (a, fakes::evaluate),
        EvalSet::Ucdp(a) => (a, ucdp::evaluate),
        EvalSet::Gold(a) => (a, gold::evaluate),
    };
    let view = match args.split {
        SplitArg::Dev => View::Dev,
        SplitArg::Test => View::Test,
        SplitArg::All => View::All,
        SplitArg::Both => View::Both,
    };
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
    let evaluation = evaluation?;
    match args.format {
        Format::Text => out.write_all(render::text(&evaluation, view).as_bytes())?,
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &render::json(&evaluation, view))?;
            writeln!(out)?;
        }
    }
    Ok(())
}
