//! Behaviour of the embedded gazetteer. Needs only `data/gazetteer.tsv` and
//! `data/place_stopwords.txt`, never the source files under `shared/`.

use std::time::Instant;

use truce_geo::{Gazetteer, GeoError, PlaceId, PlaceKind, Qualifier, ResolveHint, place_stopwords};
use truce_text::fold_key;

fn gaz() -> &'static Gazetteer {
    Gazetteer::embedded()
}

fn id(external: &str) -> PlaceId {
    gaz()
        .find_id(external)
        .unwrap_or_else(|| panic!("no place {external}"))
}

fn resolve(name: &str, hint: &ResolveHint) -> &'static str {
    let g = gaz();
    let candidates = g.lookup(&fold_key(name));
    assert!(!candidates.is_empty(), "{name} has no candidates");
    let got = g
        .resolve(candidates, hint)
        .unwrap_or_else(|| panic!("{name} did not resolve"));
    &g.get(got).id
}

fn bare(name: &str) -> &'static str {
    resolve(name, &ResolveHint::default())
}

fn qualified(name: &str, q: Qualifier) -> &'static str {
    resolve(name, &ResolveHint::qualified(q))
}

const LATAKIA_CITY: &str = "173576";
const ALEPPO_CITY: &str = "170063";
const HOMS_CITY: &str = "169577";
const DAMASCUS_CITY: &str = "170654";
const TRIPOLI_LB: &str = "266826";
const TRIPOLI_LY: &str = "2210247";

#[test]
fn latakia_spellings_reach_governorate_and_city() {
    let g = gaz();
    for name in [
        "Lattakia",
        "Latakia",
        "Al-Ladhiqiyah",
        "اللاذقية",
        "al ladhiqiyah",
        "اللاذقيّة",
    ] {
        let ids: Vec<&str> = g
            .lookup(&fold_key(name))
            .iter()
            .map(|&p| g.get(p).id.as_str())
            .collect();
        assert!(ids.contains(&"SY06"), "{name}: {ids:?}");
        assert!(ids.contains(&LATAKIA_CITY), "{name}: {ids:?}");
        assert_eq!(qualified(name, Qualifier::Province), "SY06", "{name}");
        assert_eq!(qualified(name, Qualifier::City), LATAKIA_CITY, "{name}");
        assert_eq!(bare(name), LATAKIA_CITY, "{name}");
    }
    let gov = id("SY06");
    assert_eq!(g.get(gov).kind, PlaceKind::Governorate);
    assert_eq!(g.get(gov).name, "Latakia");
    assert_eq!(
        g.find_id("173578"),
        Some(gov),
        "GeoNames id is a cross-reference"
    );
}

#[test]
fn aleppo_city_or_governorate_by_qualifier() {
    assert_eq!(bare("Aleppo"), ALEPPO_CITY);
    assert_eq!(qualified("Aleppo", Qualifier::City), ALEPPO_CITY);
    assert_eq!(qualified("Aleppo", Qualifier::Around), ALEPPO_CITY);
    assert_eq!(qualified("Aleppo", Qualifier::Province), "SY02");
    assert_eq!(qualified("Aleppo", Qualifier::Countryside), "SY02");
    assert_eq!(qualified("حلب", Qualifier::Province), "SY02");
    // a bare name repeated in a document follows the reading already found
    // for it ("Aleppo province ... Aleppo" stays on the governorate)
    let g = gaz();
    let near_gov = ResolveHint::near(vec![id("SY02")]);
    assert_eq!(resolve("Aleppo", &near_gov), "SY02");
    let near_city = ResolveHint::near(vec![id(ALEPPO_CITY)]);
    assert_eq!(resolve("Aleppo", &near_city), ALEPPO_CITY);
    // a place inside the city's governorate does not change the default
    let near_bab = ResolveHint::near(vec![id("174018")]);
    assert_eq!(resolve("Aleppo", &near_bab), ALEPPO_CITY);
    assert!(g.contains(id("SY02"), id(ALEPPO_CITY)));
}

#[test]
fn bare_big_names_are_cities() {
    assert_eq!(bare("Homs"), HOMS_CITY);
    assert_eq!(qualified("Homs", Qualifier::Province), "SY04");
    assert_eq!(bare("Damascus"), DAMASCUS_CITY);
    assert_eq!(bare("Hama"), "170017");
    assert_eq!(bare("Idlib"), "169389");
    assert_eq!(qualified("Idleb", Qualifier::Province), "SY07");
    // a small town loses to the same-named governorate
    assert_eq!(bare("Quneitra"), "SY14");
}

#[test]
fn damascus_countryside_is_rif_dimashq() {
    for name in [
        "Damascus countryside",
        "Rural Damascus",
        "Reef Damascus",
        "Rif Dimashq",
        "ريف دمشق",
        "Damascus suburbs",
    ] {
        assert_eq!(bare(name), "SY03", "{name}");
    }
    assert_eq!(qualified("Damascus", Qualifier::Countryside), "SY03");
    assert_eq!(qualified("Damascus", Qualifier::Province), "SY01");
    assert_eq!(qualified("Homs", Qualifier::Countryside), "SY04");
}

#[test]
fn tripoli_lebanon_or_libya() {
    let g = gaz();
    let lebanon = ResolveHint::near(vec![id("LB")]);
    let beirut = ResolveHint::near(vec![
        g.resolve_name("Beirut", &ResolveHint::default())
            .expect("Beirut"),
    ]);
    let libya = ResolveHint::near(vec![id("LY")]);
    assert_eq!(resolve("Tripoli", &lebanon), TRIPOLI_LB);
    assert_eq!(resolve("Tripoli", &beirut), TRIPOLI_LB);
    assert_eq!(resolve("Tripoli", &libya), TRIPOLI_LY);
    let by_country = ResolveHint {
        country: Some("LB".into()),
        ..ResolveHint::default()
    };
    assert_eq!(resolve("Tripoli", &by_country), TRIPOLI_LB);
    assert_eq!(resolve("طرابلس", &libya), TRIPOLI_LY);
    // with no context, Syria's neighbour wins over the larger Libyan city
    assert_eq!(bare("Tripoli"), TRIPOLI_LB);
}

#[test]
fn hierarchy_and_containment() {
    let g = gaz();
    let syria = id("SY");
    let rif = id("SY03");
    let douma = id("170592");
    assert_eq!(g.get(douma).kind, PlaceKind::City);
    assert!(g.contains(rif, douma));
    assert!(g.contains(syria, douma));
    assert!(!g.contains(id("SY02"), douma));
    assert_eq!(g.governorate_of(douma), Some(rif));
    assert_eq!(g.country_of(douma), Some(syria));
    assert_eq!(g.ancestors(douma).last(), Some(&syria));
    // every Syrian village lies in a governorate which contains it
    let mut villages = 0;
    for (pid, place) in g.iter() {
        if place.country == "SY" && place.kind == PlaceKind::Village {
            villages += 1;
            let gov = g
                .governorate_of(pid)
                .unwrap_or_else(|| panic!("{} has no governorate", place.id));
            assert!(g.contains(gov, pid));
            assert!(g.contains(syria, pid));
            assert!(!g.contains(pid, gov));
        }
    }
    assert!(villages > 100);
    let path = g.admin_path(id(LATAKIA_CITY));
    assert_eq!(path.first(), Some(&"Syria"));
    assert_eq!(path[1], "Latakia");
    assert_eq!(path.last(), Some(&"Latakia"));
    // a country contains places of its code even without a parent chain
    assert!(g.contains(id("LY"), id(TRIPOLI_LY)));
    assert!(!g.contains(id("LB"), id(TRIPOLI_LY)));
}

#[test]
fn every_place_reaches_its_country() {
    let g = gaz();
    for (pid, place) in g.iter() {
        let country = g
            .country_of(pid)
            .unwrap_or_else(|| panic!("{} has no country", place.id));
        if place.kind != PlaceKind::Country {
            assert_eq!(g.ancestors(pid).last(), Some(&country), "{}", place.id);
        }
    }
}

#[test]
fn world_countries_and_regions() {
    let g = gaz();
    for (name, iso) in [
        ("Russia", "RU"),
        ("Turkey", "TR"),
        ("Iran", "IR"),
        ("United States", "US"),
        ("Libya", "LY"),
        ("روسيا", "RU"),
        ("Syria", "SY"),
    ] {
        assert_eq!(bare(name), iso, "{name}");
        assert_eq!(g.get(id(iso)).kind, PlaceKind::Country);
    }
    for (name, want) in [
        ("Eastern Ghouta", "truce:eastern-ghouta"),
        ("Qalamoun", "truce:qalamoun"),
        ("Golan Heights", "truce:golan-heights"),
        ("Geneva", "2660646"),
        ("Moscow", "524901"),
        ("Astana", "1526273"),
    ] {
        assert_eq!(bare(name), want, "{name}");
    }
    assert!(g.contains(id("SY03"), id("truce:eastern-ghouta")));
    // regions cover their member units and what lies inside them
    let douma = id("170592");
    assert!(g.contains(id("truce:eastern-ghouta"), douma));
    assert!(g.contains(id("truce:ghouta"), douma));
    assert!(!g.contains(id("truce:western-ghouta"), douma));
    assert!(!g.contains(id("truce:eastern-ghouta"), id(DAMASCUS_CITY)));
    assert!(g.lookup("kurdish held areas").is_empty());
}

#[test]
fn suggest_finds_misspellings() {
    let g = gaz();
    let damascus = id(DAMASCUS_CITY);
    assert!(g.suggest("Damscus", 5).contains(&damascus));
    assert!(g.suggest("Damasucs", 5).contains(&damascus));
    assert!(g.suggest("Lattaki", 5).contains(&id(LATAKIA_CITY)));
    assert!(g.suggest("", 5).is_empty());
    assert!(g.suggest("Aleppo", 3).len() <= 3);
}

#[test]
fn stopwords_never_produce_keys() {
    let g = gaz();
    for (word, always) in place_stopwords() {
        let key = fold_key(word);
        for &pid in g.lookup(&key) {
            let p = g.get(pid);
            let major = matches!(p.kind, PlaceKind::Country | PlaceKind::Governorate)
                || (p.kind == PlaceKind::City && p.population >= 100_000);
            assert!(
                !always && major,
                "stopword {word:?} is a key of {} {}",
                p.id,
                p.name
            );
        }
    }
    for word in [
        "of", "said", "time", "most", "even", "us", "army", "monday", "van", "side",
    ] {
        assert!(g.lookup(word).is_empty(), "{word} is a key");
    }
    // short names only for major places
    for (key, ids) in g.keys() {
        if key.chars().filter(|c| c.is_alphanumeric()).count() < 3 {
            for &pid in ids {
                let p = g.get(pid);
                assert!(
                    matches!(
                        p.kind,
                        PlaceKind::Country | PlaceKind::Governorate | PlaceKind::City
                    ),
                    "{key:?} -> {}",
                    p.id
                );
            }
        }
    }
}

#[test]
fn keys_are_folded_and_sorted() {
    let g = gaz();
    let keys: Vec<&str> = g.keys().map(|(k, _)| k).collect();
    assert!(keys.windows(2).all(|w| w[0] < w[1]));
    for k in keys.iter().take(2000) {
        assert_eq!(fold_key(k), *k);
    }
}

fn header() -> String {
    format!("{}\n# comment\n", truce_geo::VERSION_LINE)
}

#[test]
fn parse_errors_name_the_line() {
    let ok_country = "SY\tcountry\tSyria\tSY\t\t35\t38\t0\t\t\tSyria";
    let check = |body: &str, line: usize, needle: &str| {
        let text = format!("{}{ok_country}\n{body}\n", header());
        let err = Gazetteer::parse(&text).expect_err(body);
        assert_eq!(err.line(), line, "{err}");
        let msg = err.to_string();
        assert!(msg.contains(&format!("line {line}")), "{msg}");
        assert!(msg.contains(needle), "{msg} lacks {needle}");
    };
    check("1\tcity\tX\tSY\tSY\t35\t38\t0\t\t", 4, "columns");
    check("1\tregion\tX\tSY\tSY\t35\t38\t0\t\tSY99\tX", 4, "member");
    check("1\tplanet\tX\tSY\tSY\t35\t38\t0\t\t\tX", 4, "kind");
    check("1\tcity\tX\tSY\tSY\tnorth\t38\t0\t\t\tX", 4, "lat");
    check("1\tcity\tX\tSY\tSY\t35\t38\tmany\t\t\tX", 4, "population");
    check("1\tcity\tX\tSY\tZZ\t35\t38\t0\t\t\tX", 4, "parent");
    check("1\tcity\tX\tSyria\tSY\t35\t38\t0\t\t\tX", 4, "country");
    check(
        "SY\tcity\tX\tSY\tSY\t35\t38\t0\t\t\tX",
        4,
        "already used on line 3",
    );
    check(
        "1\tcity\tX\tSY\t2\t35\t38\t0\t\t\tX\n2\tcity\tY\tSY\t1\t35\t38\t0\t\t\tY",
        4,
        "loops",
    );
    let err = Gazetteer::parse("id\tkind\n").expect_err("no header");
    assert!(matches!(err, GeoError::Version { line: 1, .. }), "{err}");
}

#[test]
fn parse_small_file() {
    let text = format!(
        "{}SY\tcountry\tSyria\tSY\t\t35\t38\t0\t163843\t\tSyria|سوريا\n1\tvillage\tOf\tSY\tSY\t35\t38\t10\t\t\tOf|Time|Kafr Zita\n",
        header()
    );
    let g = Gazetteer::parse(&text).expect("parses");
    assert_eq!(g.len(), 2);
    assert_eq!(g.find_id("163843"), g.find_id("SY"));
    assert!(g.lookup("of").is_empty());
    assert!(g.lookup("time").is_empty());
    assert_eq!(g.lookup("kafr zita").len(), 1);
    assert_eq!(g.lookup(&fold_key("سوريا")).len(), 1);
}

#[test]
fn embedded_file_figures() {
    let tsv = Gazetteer::embedded_tsv();
    let start = Instant::now();
    let g = Gazetteer::parse(tsv).expect("embedded file parses");
    let took = start.elapsed();
    let names: usize = g.iter().map(|(_, p)| p.names.len()).sum();
    println!(
        "gazetteer.tsv: {} bytes, {} places, {} names, {} keys, parsed in {:?}",
        tsv.len(),
        g.len(),
        names,
        g.key_count(),
        took
    );
    assert!(g.len() > 5000);
    for kind in PlaceKind::ALL {
        assert!(g.iter().any(|(_, p)| p.kind == kind), "no {kind}");
    }
}

#[test]
fn qualifier_words() {
    assert_eq!(Qualifier::from_word("Province"), Some(Qualifier::Province));
    assert_eq!(
        Qualifier::from_word("governorates"),
        Some(Qualifier::Province)
    );
    assert_eq!(Qualifier::from_word("city"), Some(Qualifier::City));
    assert_eq!(
        Qualifier::from_word("countryside"),
        Some(Qualifier::Countryside)
    );
    assert_eq!(Qualifier::from_word("outskirts"), Some(Qualifier::Around));
    assert_eq!(Qualifier::from_word("villages"), Some(Qualifier::Village));
    assert_eq!(Qualifier::from_word("truce"), None);
}

#[test]
fn default_reading_is_first_candidate() {
    let g = gaz();
    for name in [
        "Aleppo", "Homs", "Tripoli", "Daraa", "Afrin", "Madaya", "Jobar",
    ] {
        let c = g.lookup(&fold_key(name));
        assert_eq!(
            g.resolve(c, &ResolveHint::default()),
            c.first().copied(),
            "{name}"
        );
    }
    // towns lose to the same-named district, beat the same-named subdistrict
    assert_eq!(bare("Afrin"), "SY0203");
    assert_eq!(qualified("Afrin", Qualifier::Town), "174186");
    assert_eq!(bare("Darayya"), "SY0309");
    assert_eq!(bare("Jobar"), "A008");
}

/// Spellings the sources do not list are generated from the regular
/// transliteration patterns (article, feminine ending, first elements) and
/// reach the right governorate; they never take a name a source gives to
/// another place.
#[test]
fn generated_transliteration_variants() {
    let g = Gazetteer::embedded();
    let gov = |name: &str| -> Vec<String> {
        g.lookup(name)
            .iter()
            .filter_map(|&id| g.governorate_of(id))
            .map(|id| g.get(id).name.clone())
            .collect()
    };
    for (variant, governorate) in [
        ("al salamia", "Hama"),
        ("talbisa", "Homs"),
        ("deir al zor", "Deir ez-Zor"),
    ] {
        let found = gov(variant);
        assert!(
            found.iter().any(|n| n == governorate),
            "{variant}: {found:?}"
        );
    }
    // A source name keeps its own places only.
    assert!(gov("aleppo").iter().all(|n| n == "Aleppo"));
}

/// A kind qualifier narrows the kind, not the country: "Ras al-Ayn city"
/// is the Syrian place even though the sources list it as a village and a
/// same-named town lies abroad; with a country hint that country goes first.
#[test]
fn qualifier_keeps_syria_first() {
    let g = gaz();
    let city = ResolveHint::qualified(Qualifier::City);
    let found = g.resolve_name("Ras al-Ayn", &city).expect("a place");
    assert_eq!(g.get(found).country, "SY");
    let abroad = ResolveHint {
        country: Some("IL".into()),
        ..city
    };
    let found = g.resolve_name("Ras al-Ayn", &abroad).expect("a place");
    assert_eq!(g.get(found).country, "IL");
}
