//! Whole-document readings, snapshotted. The reports are our own fiction in
//! the style of 2016 wire copy.

use truce_extract::{Extractor, Input};

const HOMS_REPORT: &str = "\
The Syrian army on Friday declared a 72-hour truce in the city of Homs, starting at midnight, state news agency SANA reported.
Rebel groups rejected the truce, saying it excluded the besieged district of al-Waer.
Ahrar al-Sham said in a statement that it would abide by the ceasefire only if air strikes on Idlib province stopped.
According to the Syrian Observatory for Human Rights, at least 14 civilians, including five children, were killed in Russian air strikes on the town of Maarat al-Numan on Saturday.
A senior UN official told Reuters the truce was largely holding in Homs but was reportedly violated in Hama countryside.
The opposition threatened to walk out of the Geneva talks.
";

#[test]
fn homs_report() {
    let extractor = Extractor::new().expect("extractor");
    let mut input = Input::new(HOMS_REPORT, "2016-04-09").expect("date");
    input.outlet = Some("Example Wire".into());
    input.id = Some("homs-1".into());
    let report = extractor.extract(&input);
    insta::assert_json_snapshot!(report);
}

#[test]
fn folding_keeps_offsets() {
    let text = "Al-Ládhiqiyah’s “truce” — اللاذقيّة";
    let folded = truce_text::fold(text);
    let words: Vec<(String, &str)> = folded
        .text()
        .split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((
                w.to_owned(),
                folded.to_original(start, start + w.len()).slice(text),
            ))
        })
        .collect();
    insta::assert_debug_snapshot!(words);
}
