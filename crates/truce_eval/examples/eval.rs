//! Run one evaluation without the `truce` binary (for tuning while the
//! command line is being rebuilt):
//!
//!     cargo run --release -p truce_eval --example eval -- ucdp FILE [dev|test|both|all] [MISSES] [text|json]

use truce_eval::{Options, View, fakes, gold, render, ucdp};
use truce_extract::Extractor;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (set, file) = match (args.first(), args.get(1)) {
        (Some(s), Some(f)) => (s.as_str(), f.as_str()),
        _ => {
            eprintln!("usage: eval fakes|ucdp|gold FILE [dev|test|both|all] [MISSES] [text|json]");
            std::process::exit(2);
        }
    };
    let view = match args.get(2).map(String::as_str) {
        Some("dev") => View::Dev,
        Some("test") => View::Test,
        Some("all") => View::All,
        _ => View::Both,
    };
    let misses = args.get(3).and_then(|m| m.parse().ok()).unwrap_or(0);
    let json = args.get(4).is_some_and(|f| f == "json");
    let text = std::fs::read_to_string(file).expect("reading the file");
    let extractor = Extractor::new().expect("tables");
    if set == "lines" {
        // Each line read as a report of 2017-05-01: its claims in short.
        for line in text.lines() {
            let r =
                extractor.extract(&truce_extract::Input::new(line, "2017-05-01").expect("date"));
            let claims: Vec<String> = r
                .claims
                .iter()
                .map(|c| {
                    let places: Vec<&str> = c.places.iter().map(|p| p.name.as_str()).collect();
                    let qs: Vec<String> = c
                        .quantities
                        .iter()
                        .map(|q| format!("{}={}", q.what, q.value))
                        .collect();
                    format!("{} {:?} {:?} {:?}", c.kind, c.subtype, places, qs)
                })
                .collect();
            println!("{line:60.60} | {}", claims.join(" ; "));
        }
        return;
    }
    let opts = Options {
        misses,
        view,
        limit: None,
    };
    std::panic::set_hook(Box::new(|_| {}));
    let evaluation = match set {
        "fakes" => fakes::evaluate(&text, file, &extractor, &opts),
        "ucdp" => ucdp::evaluate(&text, file, &extractor, &opts),
        _ => gold::evaluate(&text, file, &extractor, &opts),
    }
    .expect("evaluation");
    if json {
        println!("{}", render::json(&evaluation, view));
    } else {
        print!("{}", render::text(&evaluation, view));
    }
}
