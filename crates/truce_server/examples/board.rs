//! Serves the board over a store filled from JSON Lines files, for the
//! end-to-end test and load measurements (until `truce ingest` / `truce
//! serve` are used instead).
//!
//!     cargo run -p truce_server --example board -- \
//!         [--db LOCATION] [--listen ADDR] [--token-file FILE | --read-only] FILE.jsonl...
//!
//! Without `--db`, the store is a SQLite database in memory.

use std::path::PathBuf;
use truce_server::{AppState, ServerConfig, read_token};
use truce_store::SqlStore;

#[tokio::main]
async fn main() {
    if let Err(e) = run().await {
        eprintln!("board: {e}");
        std::process::exit(1);
    }
}

async fn run() -> Result<(), Box<dyn std::error::Error>> {
    let mut config = ServerConfig::new("sqlite::memory:");
    let mut token_file: Option<PathBuf> = None;
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--db" => config.db = args.next().ok_or("--db needs a value")?,
            "--listen" => config.listen = args.next().ok_or("--listen needs a value")?.parse()?,
            "--token-file" => {
                token_file = Some(args.next().ok_or("--token-file needs a value")?.into())
            }
            "--read-only" => config.read_only = true,
            _ => files.push(PathBuf::from(a)),
        }
    }
    config.token = read_token(token_file.as_deref())?;
    truce_server::check_token(&config)?;
    let store = SqlStore::open(&config.db).await?;
    if !files.is_empty() {
        let ex = truce_extract::Extractor::new()?;
        for f in &files {
            let bytes = std::fs::read(f)?;
            let prepared = truce_ingest::prepare_jsonl(
                &ex,
                &f.display().to_string(),
                &bytes,
                &truce_ingest::Defaults::default(),
            );
            let outcome = truce_ingest::store_prepared(&store, prepared).await?;
            eprintln!(
                "board: {}: {} read, {} new, {} duplicates, {} failed",
                f.display(),
                outcome.summary.read,
                outcome.summary.new,
                outcome.summary.duplicates,
                outcome.summary.failed.len()
            );
        }
    }
    let state = AppState::load(store, &config).await?;
    let app = truce_server::router_with_cors(state, &config.cors_origins)?;
    let listener = tokio::net::TcpListener::bind(config.listen).await?;
    eprintln!("truce: serving http://{}/", listener.local_addr()?);
    axum::serve(listener, app)
        .with_graceful_shutdown(truce_server::shutdown_signal())
        .await?;
    Ok(())
}
