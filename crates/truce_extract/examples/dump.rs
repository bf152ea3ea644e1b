//! Print the report of a text file as JSON: `cargo run -p truce_extract --example dump FILE DATE [OUTLET]`.
use truce_extract::{Extractor, Input};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let text = std::fs::read_to_string(&args[1])?;
    let mut input = Input::new(&text, &args[2])?;
    input.outlet = args.get(3).cloned();
    let report = Extractor::new()?.extract(&input);
    println!("{}", serde_json::to_string_pretty(&report)?);
    Ok(())
}
