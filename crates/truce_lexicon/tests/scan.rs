//! Matching behaviour on small inline tables.

use truce_lexicon::{CueClass, Entry, Lexicon};

const ACTORS: &str = "# test actors\nid\tkind\tcountry\tparent\tname\taliases\n\
syr_gov\tgovernment\tSY\t\tSyrian government\tSyrian government|the regime|Assad regime\n\
syr_army\tforces\tSY\tsyr_gov\tSyrian army\tSyrian army|regime forces\n\
islamic_state\tarmed_group\t\t\tIslamic State\tIslamic State|=IS|Daesh|داعش\n\
rus_gov\tgovernment\tRU\t\tRussian government\tRussia\n";
const DEMONYMS: &str = "# d\nadjective\tactor\nRussian\trus_gov\n";
const TRIGGERS: &str = "# t\nceasefire\ttruce\tceasefire\ncessation of hostilities\ttruce\tcessation_of_hostilities\n\
held\tkind\ttruce.in_force\nsaid\treport\tsay\nannounced\tkind\ttruce.declared\nannounced\treport\tsay\n";

fn lexicon() -> Lexicon {
    Lexicon::builder()
        .tables(ACTORS, DEMONYMS, TRIGGERS)
        .expect("tables")
        .place("Hama", 1)
        .place("Aleppo", 2)
        .place("Aleppo", 3)
        .place("Deir ez-Zor", 4)
        .build()
        .expect("build")
}

fn scan(text: &str) -> Vec<(String, Vec<Entry>)> {
    let lex = lexicon();
    lex.scan(&truce_text::fold(text), text)
        .into_iter()
        .map(|m| (m.span.slice(text).to_owned(), m.entries.to_vec()))
        .collect()
}

#[test]
fn longest_match_wins_and_ambiguity_is_kept() {
    let found = scan("The Assad regime shelled Aleppo.");
    assert_eq!(found[0].0, "Assad regime");
    assert_eq!(found[1].0, "Aleppo");
    assert_eq!(found[1].1, vec![Entry::Place(2), Entry::Place(3)]);
}

#[test]
fn word_boundaries_are_respected() {
    assert!(scan("Hamas said nothing").iter().all(|(t, _)| t != "Hama"));
    assert!(scan("unheld promises").is_empty());
    assert_eq!(scan("in Deir ez Zor.")[0].0, "Deir ez Zor");
    assert_eq!(scan("in Deir-ez-Zor.")[0].0, "Deir-ez-Zor");
}

#[test]
fn possessives_attach_to_names_only() {
    let found = scan("Syria map: Aleppo’s east and Aleppos west; the ceasefires");
    assert_eq!(found[0].0, "Aleppo’s");
    assert_eq!(found[1].0, "Aleppos");
    assert!(
        found.iter().all(|(t, _)| t != "ceasefires"),
        "cues take no possessive: {found:?}"
    );
}

#[test]
fn exact_case_aliases() {
    let found = scan("IS fighters attacked; it is said Daesh left");
    let actors: Vec<&str> = found
        .iter()
        .filter(|(_, e)| matches!(e[0], Entry::Actor(_)))
        .map(|(t, _)| t.as_str())
        .collect();
    assert_eq!(actors, ["IS", "Daesh"]);
}

#[test]
fn arabic_and_accents_fold() {
    assert_eq!(scan("قصف داعش")[0].0, "داعش");
    assert_eq!(scan("a CÉASEFIRE")[0].0, "CÉASEFIRE");
}

#[test]
fn one_key_many_cues() {
    let found = scan("Russia announced a ceasefire.");
    let announced = &found[1].1;
    assert!(
        announced
            .iter()
            .any(|e| matches!(e, Entry::Cue(c) if c.class == CueClass::Kind))
    );
    assert!(
        announced
            .iter()
            .any(|e| matches!(e, Entry::Cue(c) if c.class == CueClass::Report))
    );
    assert!(matches!(scan("Russian jets")[0].1[0], Entry::Demonym(_)));
}

#[test]
fn bad_tables_name_the_line() {
    let err = Lexicon::builder()
        .tables(ACTORS, DEMONYMS, "x\ttruce\n")
        .err()
        .expect("error");
    assert!(err.to_string().contains("triggers.tsv line 1"), "{err}");
    let bad = "# h\nid\tkind\tcountry\tparent\tname\taliases\nx\talien\t\t\tX\tX\n";
    let err = Lexicon::builder()
        .tables(bad, DEMONYMS, TRIGGERS)
        .err()
        .expect("error");
    assert!(err.to_string().contains("actors.tsv line 3"), "{err}");
}

/// A longer key that runs into the next word ("could be" in "could
/// begin") gives way to the longest shorter key at the same place that
/// ends a word ("could"), instead of losing the place.
#[test]
fn a_shorter_key_stands_when_the_longest_breaks_a_word() {
    let triggers =
        "# t\ncould\thedge\tcould\ncould be\tplanned\tplan\nbegin\tkind\ttruce.in_force\n";
    let lex = Lexicon::builder()
        .tables(ACTORS, DEMONYMS, triggers)
        .expect("tables")
        .build()
        .expect("build");
    let text = "it could begin soon; it could be soon; it couldbe";
    let found: Vec<&str> = (lex.scan(&truce_text::fold(text), text).iter())
        .map(|m| m.span.slice(text))
        .collect();
    assert_eq!(found, ["could", "begin", "could be"]);
}
