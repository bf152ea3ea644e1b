//! `truce`: parse the command line, run the sub-command, map the outcome to
//! an exit status (see `truce --help`). The work is in the modules.

mod bench;
mod board;
mod cli;
mod eval;
mod jsonl;
mod lead;
mod ledger_cmd;
mod render;
mod show;
mod single;
mod source;
mod watch;

use clap::Parser;
use cli::{Cli, Command};
use std::io;
use std::process::ExitCode;

/// Some lines of a --jsonl input failed; the rest were written.
const EXIT_PARTIAL: u8 = 3;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("truce: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let stdout = io::stdout();
    let db = cli.db.as_deref();
    match cli.command {
        Command::Extract(args) => {
            if let Some(path) = &args.jsonl {
                let summary = jsonl::run(path, args.format, stdout)?;
                return Ok(if summary.failed > 0 {
                    ExitCode::from(EXIT_PARTIAL)
                } else {
                    ExitCode::SUCCESS
                });
            }
            let file = args.file.as_deref().unwrap_or("-");
            let report = single::extract(file, &args)?;
            single::write(&report, args.format, &mut stdout.lock())?;
        }
        Command::Ingest(args) => return ledger_cmd::ingest(db, &args),
        Command::Reextract(args) => return ledger_cmd::reextract(db, &args),
        Command::Board(args) => ledger_cmd::board(db, &args)?,
        Command::Status(args) => ledger_cmd::status(db, &args)?,
        Command::Timeline(args) => ledger_cmd::timeline(db, &args)?,
        Command::Expiring(args) => ledger_cmd::expiring(db, &args)?,
        Command::Violations(args) => ledger_cmd::violations(db, &args)?,
        Command::Disputes(args) => ledger_cmd::disputes(db, args.format)?,
        Command::Export(args) => ledger_cmd::export(db, &args)?,
        Command::Stats(args) => ledger_cmd::stats(db, args.format)?,
        Command::Serve(args) => ledger_cmd::serve(db, &args)?,
        Command::Watch(args) => return watch::run(db, &args),
        Command::Bench(args) => bench::run(&args, &mut stdout.lock())?,
        Command::Eval(set) => eval::run(&set, &mut stdout.lock())?,
    }
    Ok(ExitCode::SUCCESS)
}

/// `truce extract ... | head` closes the pipe early; that is not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        let kind = c
            .downcast_ref::<io::Error>()
            .map(io::Error::kind)
            .or_else(|| {
                c.downcast_ref::<serde_json::Error>()
                    .and_then(serde_json::Error::io_error_kind)
            });
        kind == Some(io::ErrorKind::BrokenPipe)
    })
}
