//! `truce extract FILE`: one report.

use crate::cli::{ExtractArgs, Format};
use crate::render;
use crate::source::{MAX_REPORT_BYTES, Source, check_text};
use anyhow::{Context, Result, anyhow};
use std::io::Write;
use truce_extract::{Extractor, Input};
use truce_ingest::frontmatter;
use truce_model::Report;

/// Read, check and extract one report.
pub fn extract(arg: &str, args: &ExtractArgs) -> Result<Report> {
    let source = Source::new(arg);
    let bytes = source.read_all(MAX_REPORT_BYTES)?;
    let text = check_text(&bytes).map_err(|problem| anyhow!("{source}: {problem}"))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (meta, body) = frontmatter::split(text).map_err(|e| anyhow!("{source}: {e}"))?;
    if body.trim().is_empty() {
        return Err(anyhow!(
            "{source}: empty input (nothing after the front matter)"
        ));
    }
    let published = args.published.clone().or(meta.published).ok_or_else(|| {
        anyhow!(
            "{source}: no publication date: give --published DATE, or a `published:` line \
             in a front-matter header"
        )
    })?;
    // A bad --published was refused by the argument parser, so a failure here
    // comes from the front matter.
    let mut input =
        Input::new(body, &published).map_err(|e| anyhow!("{source}: front matter: {e}"))?;
    input.outlet = args.outlet.clone().or(meta.outlet);
    input.title = args.title.clone().or(meta.title);
    input.url = args.url.clone().or(meta.url);
    input.language = meta.language;
    input.theatre.clone_from(&args.theatre);
    let extractor = Extractor::new().context("building the extractor")?;
    Ok(extractor.extract(&input))
}

/// Write one report: pretty JSON or the text summary.
pub fn write(report: &Report, format: Format, out: &mut impl Write) -> Result<()> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, report)?;
            out.write_all(b"\n")?;
        }
        Format::Text => out.write_all(render::text(report).as_bytes())?,
    }
    out.flush()?;
    Ok(())
}
