//! `cargo xtask train-parser DIR` trains the tagger and parser of
//! `truce_parse` on `DIR/train.conllu` (written by `scripts/silver.py`) and
//! writes `data/parser.bin`; `cargo xtask eval-parser DIR` scores the
//! embedded weights on `DIR/test.conllu` and measures parsing speed.

use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result};
use truce_parse::{Counts, Parser, TrainOptions, evaluate, read_conllu, train};

/// Trains on `silver/train.conllu` and writes the model to `out`.
pub fn run_train(silver: &Path, out: &Path) -> Result<()> {
    let sentences = load(&silver.join("train.conllu"))?;
    eprintln!("training on {} sentences", sentences.len());
    let mut opts = TrainOptions::default();
    // TRUCE_PARSER_EPOCHS=TAGGER,PARSER overrides the epochs (for trials).
    if let Ok(v) = std::env::var("TRUCE_PARSER_EPOCHS") {
        let (t, p) = v.split_once(',').context("TRUCE_PARSER_EPOCHS=T,P")?;
        (opts.tagger_epochs, opts.parser_epochs) = (t.parse()?, p.parse()?);
    }
    let parser = train(&sentences, &opts, &mut |line| eprintln!("{line}"))?;
    let bytes = parser.to_bytes();
    std::fs::write(out, &bytes).with_context(|| format!("writing {}", out.display()))?;
    let (tagger, parse) = parser.feature_counts();
    eprintln!(
        "wrote {} ({} bytes; {tagger} tagger and {parse} parser features)",
        out.display(),
        bytes.len()
    );
    Ok(())
}

/// Scores the embedded model on `silver/test.conllu` and times it.
pub fn run_eval(silver: &Path) -> Result<()> {
    let sentences = load(&silver.join("test.conllu"))?;
    let start = Instant::now();
    let parser = Parser::embedded();
    println!("model decoded in {:.3} s", start.elapsed().as_secs_f64());
    let scores = evaluate(parser, &sentences);
    println!("{} test sentences", sentences.len());
    report("reference tokens", &scores.gold_tokens);
    report("reference tokens, no punct", &scores.gold_tokens_no_punct);
    report("own tokenizer", &scores.end_to_end);
    report("own tokenizer, no punct", &scores.end_to_end_no_punct);
    speed(
        parser,
        &sentences
            .iter()
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>(),
    );
    Ok(())
}

fn load(path: &Path) -> Result<Vec<truce_parse::Sentence>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    Ok(read_conllu(&text)?)
}

fn report(name: &str, c: &Counts) {
    println!(
        "{name:28} tokens {:6}  token match {:.4}  tag {:.4}  UAS {:.4}  LAS {:.4}",
        c.tokens,
        c.rate(c.matched),
        c.rate(c.tag),
        c.rate(c.unlabelled),
        c.rate(c.labelled)
    );
}

/// Tokenize + tag + parse every sentence, best of three rounds, one thread.
fn speed(parser: &Parser, texts: &[&str]) {
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let best = (0..3)
        .map(|_| {
            let start = Instant::now();
            let tokens: usize = texts.iter().map(|t| parser.parse(t).tokens.len()).sum();
            std::hint::black_box(tokens);
            start.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min);
    println!(
        "speed: {:.0} sentences/s, {:.2} MB/s ({} sentences, {} bytes, {:.3} s, one thread)",
        texts.len() as f64 / best,
        bytes as f64 / best / 1e6,
        texts.len(),
        bytes,
        best
    );
}
