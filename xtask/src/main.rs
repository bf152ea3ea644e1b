//! Developer tasks for the truce workspace.
//!
//! `cargo xtask gazetteer [--shared PATH] [--out PATH]` rebuilds
//! `data/gazetteer.tsv` from the GeoNames, OCHA, OpenSyria and Natural Earth
//! files under `PATH/geo` (default `../shared` relative to the workspace
//! root), plus the hand-written `xtask/supplement.tsv`, `xtask/aliases.tsv`
//! and `xtask/iso3166.tsv`. The output is deterministic: the same inputs give
//! the same bytes.

mod gazetteer;
mod geom;
mod parser;

use std::path::PathBuf;

use anyhow::{Context, Result, bail};

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let Some(task) = args.next() else {
        bail!(
            "usage: cargo xtask gazetteer [--shared PATH] [--out PATH] | train-parser [DIR] | eval-parser [DIR]"
        );
    };
    match task.as_str() {
        "gazetteer" => {
            let root = workspace_root()?;
            let mut shared = root.join("..").join("shared");
            let mut out = root.join("data").join("gazetteer.tsv");
            while let Some(flag) = args.next() {
                let value = args
                    .next()
                    .with_context(|| format!("{flag} needs a value"))?;
                match flag.as_str() {
                    "--shared" => shared = PathBuf::from(value),
                    "--out" => out = PathBuf::from(value),
                    other => bail!("unknown option {other}"),
                }
            }
            gazetteer::run(&root, &shared, &out)
        }
        "train-parser" => {
            let root = workspace_root()?;
            let silver = args
                .next()
                .map_or(root.join("target").join("silver"), PathBuf::from);
            parser::run_train(&silver, &root.join("data").join("parser.bin"))
        }
        "eval-parser" => {
            let root = workspace_root()?;
            let silver = args
                .next()
                .map_or(root.join("target").join("silver"), PathBuf::from);
            parser::run_eval(&silver)
        }
        other => bail!("unknown task {other}; known tasks: gazetteer, train-parser, eval-parser"),
    }
}

/// The workspace root: the parent of this package's manifest directory.
fn workspace_root() -> Result<PathBuf> {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    here.parent()
        .map(PathBuf::from)
        .context("xtask has no parent directory")
}
