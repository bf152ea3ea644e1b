//! The parses rules rely on: the subject of the reporting verb that governs
//! a clause, on sentences written for these tests.

use truce_parse::{Dep, Parse, Parser};

/// Parses `sentence` and returns it with the index of `word`.
fn parse_at(sentence: &str, word: &str) -> (Parse, usize) {
    let parse = Parser::embedded().parse(sentence);
    let i = parse
        .find(word)
        .unwrap_or_else(|| panic!("{word} not in {sentence}"));
    (parse, i)
}

/// For the clause containing `inner`, the governing verb and its subject.
fn speaker(sentence: &str, inner: &str) -> (String, String) {
    let (parse, i) = parse_at(sentence, inner);
    let verb = parse.governing_verb(i).expect("a governing verb");
    let subject = parse.subject_of(verb).expect("a subject");
    (parse.word(verb).to_owned(), parse.word(subject).to_owned())
}

#[test]
fn subject_of_reporting_verb() {
    let cases = [
        (
            "The army said the truce would hold.",
            "truce",
            "said",
            "army",
        ),
        (
            "Rebels claimed that government forces shelled the town on Sunday.",
            "shelled",
            "claimed",
            "Rebels",
        ),
        (
            "The Syrian Observatory reported that 12 civilians were killed in Idlib.",
            "killed",
            "reported",
            "Observatory",
        ),
        (
            "A spokesman for the ministry denied that the ceasefire had collapsed.",
            "collapsed",
            "denied",
            "spokesman",
        ),
        (
            "Russia announced that a 48-hour ceasefire would begin in Aleppo.",
            "ceasefire",
            "announced",
            "Russia",
        ),
        (
            "Activists say the bombardment continued overnight.",
            "bombardment",
            "say",
            "Activists",
        ),
    ];
    for (sentence, inner, verb, subject) in cases {
        assert_eq!(
            speaker(sentence, inner),
            (verb.to_owned(), subject.to_owned()),
            "{sentence}"
        );
    }
}

#[test]
fn heads_and_labels_of_a_simple_clause() {
    let (parse, said) = parse_at("The army said the truce would hold.", "said");
    assert_eq!(parse.head_of(said), None);
    assert_eq!(parse.tokens[said].label, Dep::Root);
    let hold = parse.find("hold").expect("hold");
    assert_eq!(parse.head_of(hold), Some(said));
    assert_eq!(parse.tokens[hold].label, Dep::Ccomp);
    assert_eq!(parse.subject_of(hold).map(|s| parse.word(s)), Some("truce"));
    let children: Vec<&str> = parse.children(said).map(|c| parse.word(c)).collect();
    assert_eq!(children, ["army", "hold", "."]);
    assert_eq!(parse.governing_verb(said), None);
}

#[test]
fn conjoined_verb_inherits_subject() {
    let (parse, fled) = parse_at("The fighters withdrew and fled north.", "fled");
    assert_eq!(parse.tokens[fled].label, Dep::Conj);
    assert_eq!(
        parse.subject_of(fled).map(|s| parse.word(s)),
        Some("fighters")
    );
}

#[test]
fn every_token_gets_a_tag_and_one_root_per_sentence() {
    let parse = Parser::embedded()
        .parse("Government forces captured the village of Tal Hamid, the monitor said.");
    assert!(
        parse
            .tokens
            .iter()
            .all(|t| truce_parse::TAGS.contains(&t.tag))
    );
    assert_eq!(parse.roots().count(), 1);
    assert_eq!(parse.tokens.len(), 13);
}

#[test]
fn model_round_trips() {
    let parser = Parser::embedded();
    let again = Parser::from_bytes(&parser.to_bytes()).expect("decodes");
    let s = "Turkey and Russia brokered the deal, officials said.";
    assert_eq!(parser.parse(s), again.parse(s));
    assert!(Parser::from_bytes(b"nonsense").is_err());
    assert!(Parser::from_bytes(&parser.to_bytes()[..100]).is_err());
}
