//! Fixtures for every claim kind: short sentences of our own, in wire
//! style, that must yield the kind with its key role, and near misses that
//! must not. Then modality, casualty counts, attribution forms and excluded
//! scope. See `common/mod.rs` for the spec language.

mod common;

use common::{no, run, yes};

#[test]
fn truce_proposed() {
    const K: &str = "truce.proposed";
    run(&[
        yes(
            "Russia proposed a 72-hour truce in Aleppo on Tuesday.",
            K,
            &["agent=rus", "scope=Aleppo", "mod=asserted"],
        ),
        yes(
            "The United Nations called for a humanitarian pause in Eastern Ghouta.",
            K,
            &[
                "agent=un",
                "scope=Eastern Ghouta",
                "truce=humanitarian_pause",
            ],
        ),
        yes(
            "Turkey offered a ceasefire for Idlib province.",
            K,
            &["agent=tur", "scope=Idlib"],
        ),
        yes(
            "Staffan de Mistura suggested a local truce in Douma.",
            K,
            &["agent=staffan_de_mistura", "scope=Douma", "qual=local"],
        ),
        yes(
            "The High Negotiations Committee put forward a proposal for a nationwide ceasefire.",
            K,
            &["agent=hnc", "qual=nationwide"],
        ),
        yes(
            "Iran proposes a truce in Zabadani and Madaya.",
            K,
            &["agent=irn", "scope=Zabadani", "scope=Madaya"],
        ),
        no(
            "Russia proposed new talks on prisoner exchanges in Homs.",
            K,
            &[],
        ),
        no(
            "The proposed constitution was rejected by the opposition.",
            K,
            &[],
        ),
        // The proposal is what is rejected, not a new proposal.
        no(
            "Jaysh al-Islam rejected the proposed truce for Douma.",
            K,
            &[],
        ),
    ]);
}

#[test]
fn truce_negotiating() {
    const K: &str = "truce.negotiating";
    run(&[
        yes(
            "Russian and Turkish officials are negotiating a ceasefire in Idlib.",
            K,
            &["scope=Idlib"],
        ),
        yes(
            "Talks on a truce for Daraa resumed in Amman on Monday.",
            K,
            &["scope=Daraa", "start=2016-04-25"],
        ),
        yes(
            "Hezbollah and Jaysh al-Fatah held negotiations over a truce in Zabadani.",
            K,
            &["agent=hezbollah", "agent=jaysh_al_fatah", "scope=Zabadani"],
        ),
        yes(
            "The United States and Russia were discussing a cessation of hostilities for Aleppo.",
            K,
            &["agent=usa", "agent=rus", "scope=Aleppo"],
        ),
        yes(
            "Negotiations on a local truce in Rastan were underway, residents said.",
            K,
            &["scope=Rastan", "speaker~residents"],
        ),
        yes(
            "Ceasefire talks between the army and rebels in Wadi Barada began on Sunday.",
            K,
            &["scope=Wadi Barada"],
        ),
        no("Talks on prisoner exchanges resumed in Geneva.", K, &[]),
        no(
            "The army said it would not negotiate with the rebels in Darayya.",
            K,
            &[],
        ),
        // Failed talks are no longer under way.
        no("The truce talks collapsed in Geneva.", K, &["mod=asserted"]),
    ]);
}

#[test]
fn truce_declared() {
    const K: &str = "truce.declared";
    run(&[
        yes(
            "The Syrian army declared a 48-hour truce in Homs on Friday.",
            K,
            &["agent=syr_army", "scope=Homs"],
        ),
        yes(
            "Aid waited for the ceasefire brokered by Russia in Eastern Ghouta.",
            K,
            &["agent=rus"],
        ),
        yes(
            "Russia and Turkey brokered a ceasefire for Aleppo on Thursday.",
            K,
            &["agent=rus", "agent=tur", "scope=Aleppo"],
        ),
        yes(
            "Regime forces imposed a humanitarian pause in Eastern Ghouta.",
            K,
            &["agent=syr_army", "scope=Eastern Ghouta"],
        ),
        yes(
            "A truce was declared in Wadi Barada by the Syrian army on Tuesday.",
            K,
            &["agent=syr_army", "scope=Wadi Barada"],
        ),
        yes(
            "Government forces announced a unilateral truce in Daraa.",
            K,
            &["agent=syr_army", "scope=Daraa", "qual=unilateral"],
        ),
        yes(
            "The Russian Defence Ministry declared a regime of calm in Latakia province.",
            K,
            &["agent=rus_mod", "scope=Latakia", "truce=regime_of_calm"],
        ),
        yes(
            "Jaysh al-Islam and the Syrian army agreed a truce in Douma.",
            K,
            &["agent=jaysh_al_islam", "agent=syr_army", "scope=Douma"],
        ),
        no("The army declared Darayya a military zone.", K, &[]),
        no("The Syrian army announced the capture of Palmyra.", K, &[]),
        no(
            "The new school year began in Homs as ceasefire talks went on.",
            K,
            &[],
        ),
    ]);
}

#[test]
fn truce_accepted() {
    const K: &str = "truce.accepted";
    run(&[
        yes(
            "The Free Syrian Army accepted the ceasefire in Daraa.",
            K,
            &["agent=fsa", "scope=Daraa", "mod=asserted"],
        ),
        yes(
            "Ahrar al-Sham agreed to abide by the truce in Idlib.",
            K,
            &["agent=ahrar_al_sham", "scope=Idlib"],
        ),
        yes(
            "The High Negotiations Committee agreed to the cessation of hostilities.",
            K,
            &["agent=hnc", "truce=cessation_of_hostilities"],
        ),
        yes(
            "Jaysh al-Islam welcomed the truce in Eastern Ghouta.",
            K,
            &["agent=jaysh_al_islam", "scope=Eastern Ghouta"],
        ),
        yes(
            "The Syrian government approved the Russian proposal for a truce in Aleppo.",
            K,
            &["agent=syr_gov", "scope=Aleppo"],
        ),
        yes(
            "Faylaq al-Rahman said it was committed to the ceasefire in Jobar.",
            K,
            &["agent=faylaq_al_rahman", "scope=Jobar"],
        ),
        no(
            "The army accepted the surrender of rebels in Darayya.",
            K,
            &[],
        ),
        no("Residents welcomed the arrival of aid in Madaya.", K, &[]),
        no(
            "The Syrian government has not accepted the ceasefire in Darayya.",
            K,
            &["mod=asserted"],
        ),
    ]);
}

#[test]
fn truce_rejected() {
    const K: &str = "truce.rejected";
    run(&[
        yes(
            "Nusra Front rejected the ceasefire in Idlib.",
            K,
            &["agent=nusra_front", "scope=Idlib"],
        ),
        yes(
            "The Syrian government refused a truce in Darayya.",
            K,
            &["agent=syr_gov", "scope=Darayya"],
        ),
        yes(
            "Jaysh al-Islam turned down the proposed truce for Douma.",
            K,
            &["agent=jaysh_al_islam", "scope=Douma"],
        ),
        yes(
            "Ahrar al-Sham dismissed the ceasefire in Hama as a ploy.",
            K,
            &["agent=ahrar_al_sham", "scope=Hama"],
        ),
        yes(
            "The opposition rejects any truce that excludes Aleppo.",
            K,
            &["agent=syr_opposition", "excluded=Aleppo"],
        ),
        yes(
            "Islamic State refuses to accept the truce in Raqqa.",
            K,
            &["agent=islamic_state", "scope=Raqqa"],
        ),
        yes(
            "Jaysh al-Islam refused to extend the ceasefire in Douma.",
            K,
            &["agent=jaysh_al_islam", "scope=Douma"],
        ),
        no("The court rejected the appeal in Damascus.", K, &[]),
        no("The army refused to let aid convoys into Madaya.", K, &[]),
    ]);
}

#[test]
fn truce_extended() {
    const K: &str = "truce.extended";
    run(&[
        yes(
            "The Syrian army extended the truce in Homs for another 72 hours.",
            K,
            &["agent=syr_army", "scope=Homs", "end=2016-05-04"],
        ),
        yes(
            "Russia said the ceasefire in Eastern Ghouta had been extended until Sunday.",
            K,
            &["scope=Eastern Ghouta", "end=2016-05-08", "speaker=rus"],
        ),
        yes(
            "The regime of calm in Latakia was prolonged by 48 hours, the Russian Defence Ministry said.",
            K,
            &["scope=Latakia", "speaker=rus_mod", "end=2016-05-03"],
        ),
        yes(
            "Government forces renewed the truce in Madaya for a week.",
            K,
            &["agent=syr_army", "scope=Madaya"],
        ),
        yes(
            "The humanitarian pause in Aleppo was extended for three more days.",
            K,
            &["scope=Aleppo"],
        ),
        yes(
            "Turkey plans to extend the ceasefire in Idlib.",
            K,
            &["agent=tur", "scope=Idlib", "mod=planned"],
        ),
        no(
            "The army extended its control over the countryside of Aleppo.",
            K,
            &[],
        ),
        no("Russia extended its condolences to Damascus.", K, &[]),
        no(
            "The army did not extend the truce in Daraa.",
            K,
            &["mod=asserted"],
        ),
    ]);
}

#[test]
fn truce_expanded() {
    const K: &str = "truce.expanded";
    run(&[
        yes(
            "The Russian Defence Ministry said the truce would be expanded to include Hama province.",
            K,
            &["scope=Hama", "mod=planned", "speaker=rus_mod"],
        ),
        yes(
            "The ceasefire was expanded to Eastern Ghouta on Tuesday.",
            K,
            &["scope=Eastern Ghouta", "mod=asserted"],
        ),
        yes(
            "Moscow wants to bring Homs into the truce.",
            K,
            &["scope=Homs", "mod=planned"],
        ),
        yes(
            "The regime of calm has been widened to include Latakia province.",
            K,
            &["scope=Latakia"],
        ),
        yes(
            "Russia and the United States agreed to widen the ceasefire to cover Idlib.",
            K,
            &["scope=Idlib"],
        ),
        yes(
            "Discussions are underway to include Daraa in the cessation of hostilities.",
            K,
            &["scope=Daraa", "mod=planned"],
        ),
        no("The army expanded its offensive in Eastern Ghouta.", K, &[]),
        no(
            "The list of besieged areas was widened to include Madaya.",
            K,
            &[],
        ),
    ]);
}

#[test]
fn truce_in_force() {
    const K: &str = "truce.in_force";
    run(&[
        yes(
            "A nationwide ceasefire came into force across Syria on Thursday.",
            K,
            &["scope=Syria", "start=2016-04-28"],
        ),
        yes(
            "A ceasefire brokered by Russia took effect in Eastern Ghouta at midnight.",
            K,
            &["scope=Eastern Ghouta"],
        ),
        yes(
            "The truce in Homs largely held overnight, activists said.",
            K,
            &["scope=Homs", "speaker~activists"],
        ),
        yes(
            "The ceasefire remains in effect in Daraa province.",
            K,
            &["scope=Daraa"],
        ),
        yes(
            "The cessation of hostilities is being observed in most of Hama, the monitor said.",
            K,
            &["scope=Hama"],
        ),
        yes(
            "The Russian Defence Ministry said the truce in Aleppo was holding.",
            K,
            &["scope=Aleppo", "speaker=rus_mod"],
        ),
        yes(
            "A fragile truce has held in Eastern Ghouta since Friday.",
            K,
            &["scope=Eastern Ghouta", "qual=fragile", "start=2016-04-29"],
        ),
        yes(
            "The truce in Idlib was respected on Saturday, according to the Syrian Observatory for Human Rights.",
            K,
            &["scope=Idlib", "speaker=sohr", "start=2016-04-30"],
        ),
        no(
            "Hezbollah and Jaysh al-Fatah held negotiations over a truce in Zabadani.",
            K,
            &[],
        ),
        no(
            "Ceasefire monitors held a meeting in Geneva on Monday.",
            K,
            &[],
        ),
        no("Elections were held in Damascus on Wednesday.", K, &[]),
    ]);
}

#[test]
fn truce_violated() {
    const K: &str = "truce.violated";
    run(&[
        yes(
            "Rebels accused government forces of violating the truce in Daraa.",
            K,
            &["accused=syr_army", "accuser=rebels", "location=Daraa"],
        ),
        yes(
            "The Russian Defence Ministry said Nusra Front had breached the ceasefire in Latakia province.",
            K,
            &[
                "perpetrator=nusra_front",
                "location=Latakia",
                "speaker=rus_mod",
            ],
        ),
        yes(
            "Regime forces broke the truce in Eastern Ghouta on Monday.",
            K,
            &[
                "perpetrator=syr_army",
                "location=Eastern Ghouta",
                "start=2016-04-25",
            ],
        ),
        yes(
            "The opposition said the army violated the ceasefire by shelling Douma.",
            K,
            &["sub=shelling", "location=Douma"],
        ),
        yes(
            "Activists reported violations of the truce in Homs by pro-government militias.",
            K,
            &["perpetrator=pro_gov_militias", "location=Homs"],
        ),
        yes(
            "Hezbollah shelled Madaya in a breach of the truce, residents said.",
            K,
            &["perpetrator=hezbollah", "location=Madaya", "sub=shelling"],
        ),
        no(
            "Police said the driver violated traffic rules in Damascus.",
            K,
            &[],
        ),
        // An attack with no truce in sight is only an attack.
        no("Regime forces shelled Douma on Monday.", K, &[]),
        no(
            "Russia said the truce in Aleppo had not been violated.",
            K,
            &["mod=asserted"],
        ),
    ]);
}

#[test]
fn truce_collapsed() {
    const K: &str = "truce.collapsed";
    run(&[
        yes(
            "The truce in Aleppo collapsed on Friday after heavy fighting.",
            K,
            &["scope=Aleppo", "start=2016-04-29"],
        ),
        yes(
            "The ceasefire in Daraa has broken down, rebels said.",
            K,
            &["scope=Daraa"],
        ),
        yes(
            "The opposition said the cessation of hostilities was practically dead.",
            K,
            &["speaker=syr_opposition"],
        ),
        yes(
            "The nationwide truce fell apart after airstrikes on Idlib.",
            K,
            &["qual=nationwide"],
        ),
        yes(
            "The regime of calm in Eastern Ghouta unravelled within hours.",
            K,
            &["scope=Eastern Ghouta"],
        ),
        yes(
            "A rebel commander told AFP that the ceasefire in Idlib had collapsed.",
            K,
            &["scope=Idlib", "via=reported_by:afp"],
        ),
        yes(
            "Despite the talks, the ceasefire in Daraa collapsed.",
            K,
            &["scope=Daraa", "mod=asserted"],
        ),
        no("The truce talks collapsed in Geneva.", K, &[]),
        no(
            "The talks on a ceasefire for Homs broke down on Monday.",
            K,
            &[],
        ),
        no("A building collapsed in Aleppo after shelling.", K, &[]),
    ]);
}

#[test]
fn truce_ended() {
    const K: &str = "truce.ended";
    run(&[
        yes(
            "The 48-hour truce in Homs expired on Sunday.",
            K,
            &["scope=Homs"],
        ),
        yes(
            "The humanitarian pause in Aleppo ended at 7 p.m.",
            K,
            &["scope=Aleppo", "start=2016-05-01T19:00"],
        ),
        yes(
            "The Syrian army said the truce in Daraa was over.",
            K,
            &["scope=Daraa", "speaker=syr_army"],
        ),
        yes(
            "The truce in Madaya ran out on Wednesday.",
            K,
            &["scope=Madaya", "start=2016-04-27"],
        ),
        yes(
            "Government forces ended the ceasefire in Douma.",
            K,
            &["agent=syr_army", "scope=Douma"],
        ),
        yes(
            "The regime of calm in Latakia province lapsed at midnight.",
            K,
            &["scope=Latakia"],
        ),
        no(
            "Negotiations over a truce in Daraa ended without agreement.",
            K,
            &[],
        ),
        no("The dispute over the truce in Homs deepened.", K, &[]),
        no("The school year ended in Damascus.", K, &[]),
    ]);
}

const ATTACK: &str = "incident.attack";

#[test]
fn attack_airstrike() {
    run(&[
        yes(
            "Russian airstrikes hit Saraqeb on Tuesday, killing at least 12 civilians.",
            ATTACK,
            &[
                "sub=airstrike",
                "perpetrator=rus_gov",
                "location=Saraqeb",
                "start=2016-04-26",
            ],
        ),
        yes(
            "Warplanes struck a market in Maarat al-Numan, killing 20 people.",
            ATTACK,
            &["sub=airstrike", "location=Maarat al-Numan", "tg=market"],
        ),
        yes(
            "Syrian air force raids on Douma killed five children, the White Helmets said.",
            ATTACK,
            &[
                "sub=airstrike",
                "perpetrator=syr_air_force",
                "location=Douma",
                "speaker=white_helmets",
            ],
        ),
        yes(
            "An air strike on a hospital in Idlib wounded nine people.",
            ATTACK,
            &["sub=airstrike", "location=Idlib", "tg=hospital"],
        ),
        yes(
            "Coalition air raids near Raqqa killed more than 30 fighters.",
            ATTACK,
            &[
                "sub=airstrike",
                "perpetrator=us_coalition",
                "location=Raqqa",
            ],
        ),
        yes(
            "Syrian warplanes pounded Harasta on Thursday.",
            ATTACK,
            &["sub=airstrike", "perpetrator=syr_gov", "location=Harasta"],
        ),
        yes(
            "Jets bombed Jisr al-Shughur on Friday.",
            ATTACK,
            &["sub=airstrike", "location=Jisr al-Shughur"],
        ),
        no("Airstrikes were on the agenda of the meeting.", ATTACK, &[]),
        no("Russian jets flew over Latakia province.", ATTACK, &[]),
        no("Bakery workers went on strike in Hama.", ATTACK, &[]),
    ]);
}

#[test]
fn attack_shelling() {
    run(&[
        yes(
            "Rebel shelling of Aleppo killed three civilians.",
            ATTACK,
            &["sub=shelling", "perpetrator=rebels", "location=Aleppo"],
        ),
        yes(
            "Government artillery shelled Darayya overnight.",
            ATTACK,
            &["sub=shelling", "location=Darayya"],
        ),
        yes(
            "Mortar fire on Damascus wounded 15 people, state media said.",
            ATTACK,
            &["sub=shelling", "location=Damascus"],
        ),
        yes(
            "Nusra Front fired rockets at Latakia, killing two children.",
            ATTACK,
            &[
                "sub=shelling",
                "perpetrator=nusra_front",
                "location=Latakia",
            ],
        ),
        yes(
            "Regime forces shelled Talbiseh on Wednesday.",
            ATTACK,
            &[
                "sub=shelling",
                "perpetrator=syr_army",
                "location=Talbiseh",
                "start=2016-04-27",
            ],
        ),
        no(
            "Shelling was not reported in Homs on Friday.",
            ATTACK,
            &["mod=asserted"],
        ),
        no("Rockets and mortars were on display.", ATTACK, &[]),
    ]);
}

#[test]
fn attack_bombardment() {
    run(&[
        yes(
            "Barrel bombs dropped on Daraa killed about 40 people.",
            ATTACK,
            &["sub=bombardment", "location=Daraa"],
        ),
        yes(
            "The Assad regime kept up its bombardment of Eastern Ghouta.",
            ATTACK,
            &[
                "sub=bombardment",
                "perpetrator=syr_gov",
                "location=Eastern Ghouta",
            ],
        ),
        yes(
            "Heavy bombardment of Jisr al-Shughur killed 11 civilians, activists said.",
            ATTACK,
            &["sub=bombardment", "location=Jisr al-Shughur"],
        ),
        yes(
            "Government helicopters dropped barrel bombs on Rastan.",
            ATTACK,
            &["sub=bombardment", "location=Rastan"],
        ),
        yes(
            "The bombing of Khan Shaykhun by regime aircraft killed dozens.",
            ATTACK,
            &[
                "sub=bombardment",
                "perpetrator=syr_gov",
                "location=Khan Shaykhun",
            ],
        ),
        no(
            "The bombardment was not mentioned in the statement.",
            ATTACK,
            &[],
        ),
        // Aerial bombing is bombardment, not a bomb attack.
        no(
            "The bombing of Aleppo by regime jets continued on Monday.",
            ATTACK,
            &["sub=bombing"],
        ),
    ]);
}

#[test]
fn attack_clash() {
    run(&[
        yes(
            "Clashes between Hezbollah and rebels in Zabadani killed 7 fighters.",
            ATTACK,
            &["sub=clash", "location=Zabadani", "killed=7/fighters"],
        ),
        yes(
            "Fierce fighting erupted in Jobar on Sunday.",
            ATTACK,
            &["sub=clash", "location=Jobar"],
        ),
        yes(
            "Islamic State fighters clashed with the Syrian army near Palmyra.",
            ATTACK,
            &[
                "sub=clash",
                "party=islamic_state",
                "party=syr_army",
                "location=Palmyra",
            ],
        ),
        yes(
            "Battles between the SDF and Islamic State in Manbij left 25 fighters dead.",
            ATTACK,
            &["sub=clash", "location=Manbij", "killed=25/fighters"],
        ),
        yes(
            "Fighting between Ahrar al-Sham and Nusra Front broke out in Saraqeb.",
            ATTACK,
            &["sub=clash", "location=Saraqeb"],
        ),
        no(
            "Residents of Douma exchanged fighting words with local officials.",
            ATTACK,
            &[],
        ),
        no(
            "The minister said in Damascus that the army was fighting terrorism.",
            ATTACK,
            &[],
        ),
    ]);
}

#[test]
fn attack_massacre() {
    run(&[
        yes(
            "Pro-government militias committed a massacre in Talbiseh, the opposition said.",
            ATTACK,
            &[
                "sub=massacre",
                "perpetrator=pro_gov_militias",
                "location=Talbiseh",
            ],
        ),
        yes(
            "Activists said regime forces carried out a massacre in Douma that killed 30 civilians.",
            ATTACK,
            &[
                "sub=massacre",
                "perpetrator=syr_army",
                "location=Douma",
                "killed=30/civilians",
            ],
        ),
        yes(
            "Islamic State committed a massacre of civilians in Deir ez-Zor.",
            ATTACK,
            &["sub=massacre", "perpetrator=islamic_state", "tg=civilians"],
        ),
        yes(
            "A massacre in Houla left 108 people dead.",
            ATTACK,
            &["sub=massacre", "location=Houla", "killed=108/people"],
        ),
        yes(
            "The Syrian Network for Human Rights documented a massacre in Khan Shaykhun.",
            ATTACK,
            &["sub=massacre", "location=Khan Shaykhun", "speaker=snhr"],
        ),
        // The one who documents a massacre did not commit it.
        no(
            "The Syrian Network for Human Rights documented a massacre in Khan Shaykhun.",
            ATTACK,
            &["perpetrator=snhr"],
        ),
        no(
            "The opposition warned of a massacre if the siege went on.",
            ATTACK,
            &[],
        ),
    ]);
}

#[test]
fn attack_bombing() {
    run(&[
        yes(
            "A car bomb exploded in Homs, killing at least 8 people.",
            ATTACK,
            &["sub=bombing", "location=Homs", "killed=8/people/at_least"],
        ),
        yes(
            "A suicide bomber blew himself up in Qamishli, killing 6 people.",
            ATTACK,
            &["sub=bombing", "location=Qamishli"],
        ),
        yes(
            "Islamic State claimed a suicide bombing in Tartus that killed 40 people.",
            ATTACK,
            &["sub=bombing", "location=Tartus"],
        ),
        yes(
            "A suicide attack in Jableh killed dozens of civilians.",
            ATTACK,
            &["sub=bombing", "location=Jableh"],
        ),
        yes(
            "Twin bombings in Azaz killed 10 people on Saturday.",
            ATTACK,
            &["sub=bombing", "location=Azaz", "start=2016-04-30"],
        ),
        no(
            "The bombing of Aleppo by regime jets continued on Monday.",
            ATTACK,
            &["sub=bombing"],
        ),
        no(
            "A heart attack killed the former mayor of Hama.",
            ATTACK,
            &[],
        ),
    ]);
}

#[test]
fn statement_threat() {
    const K: &str = "statement.threat";
    run(&[
        yes(
            "Jaysh al-Islam threatened to abandon the truce in Douma.",
            K,
            &["agent=jaysh_al_islam"],
        ),
        yes(
            "The Syrian army warned that it would storm Darayya unless rebels surrendered.",
            K,
            &["agent=syr_army"],
        ),
        yes(
            "Nusra Front vowed to retaliate against the regime for the raids on Idlib.",
            K,
            &["agent=nusra_front"],
        ),
        yes(
            "Ahrar al-Sham said it reserved the right to respond to any attack.",
            K,
            &["agent=ahrar_al_sham"],
        ),
        yes(
            "Turkey threatens to launch an offensive against the YPG in Afrin.",
            K,
            &["agent=tur"],
        ),
        no("The threat of famine grew in Madaya.", K, &[]),
        no(
            "Residents of Douma said they felt threatened by the shelling.",
            K,
            &[],
        ),
    ]);
}

#[test]
fn statement_demand() {
    const K: &str = "statement.demand";
    run(&[
        yes(
            "The United Nations demanded access to Madaya.",
            K,
            &["agent=un"],
        ),
        yes(
            "The opposition called on Russia to halt the airstrikes on Aleppo.",
            K,
            &["agent=syr_opposition"],
        ),
        yes(
            "Staffan de Mistura urged all parties to respect the truce.",
            K,
            &["agent=staffan_de_mistura"],
        ),
        yes(
            "The High Negotiations Committee demanded the release of detainees.",
            K,
            &["agent=hnc"],
        ),
        yes(
            "Turkey urged Iran to rein in its militias near Aleppo.",
            K,
            &["agent=tur"],
        ),
        yes(
            "France called on the Syrian government to lift the siege of Eastern Ghouta.",
            K,
            &["agent=fra"],
        ),
        no("The demand for bread rose sharply in Aleppo.", K, &[]),
        no("Demand for fuel in Idlib has doubled.", K, &[]),
    ]);
}

#[test]
fn modality() {
    run(&[
        yes(
            "The army did not extend the truce in Daraa.",
            "truce.extended",
            &["mod=negated", "scope=Daraa"],
        ),
        yes(
            "The Syrian government has not accepted the ceasefire in Darayya.",
            "truce.accepted",
            &["mod=negated"],
        ),
        yes(
            "Rebels never accepted the truce in Rastan.",
            "truce.accepted",
            &["mod=negated"],
        ),
        yes(
            "The army failed to extend the truce in Homs.",
            "truce.extended",
            &["mod=negated", "scope=Homs"],
        ),
        yes(
            "Shelling was not reported in Homs on Friday.",
            ATTACK,
            &["mod=negated"],
        ),
        yes(
            "The truce in Idlib reportedly collapsed on Sunday.",
            "truce.collapsed",
            &["mod=hedged", "scope=Idlib"],
        ),
        yes(
            "The ceasefire in Homs apparently held overnight.",
            "truce.in_force",
            &["mod=hedged"],
        ),
        yes(
            "Regime forces allegedly shelled Douma on Monday.",
            ATTACK,
            &["mod=hedged", "perpetrator=syr_army"],
        ),
        yes(
            "Russia will propose a truce for Aleppo.",
            "truce.proposed",
            &["mod=planned", "agent=rus", "scope=Aleppo"],
        ),
        yes(
            "The army is expected to declare a truce in Douma.",
            "truce.declared",
            &["mod=planned", "scope=Douma"],
        ),
        yes(
            "Turkey plans to extend the ceasefire in Idlib.",
            "truce.extended",
            &["mod=planned"],
        ),
        yes(
            "Russia proposed a truce for Aleppo.",
            "truce.proposed",
            &["mod=asserted"],
        ),
        no(
            "The truce in Idlib reportedly collapsed on Sunday.",
            "truce.collapsed",
            &["mod=asserted"],
        ),
        no(
            "Russia will propose a truce for Aleppo.",
            "truce.proposed",
            &["mod=asserted"],
        ),
    ]);
}

#[test]
fn casualties() {
    run(&[
        yes(
            "At least 12 civilians were killed in airstrikes on Idlib.",
            ATTACK,
            &["killed=12/civilians/at_least"],
        ),
        yes(
            "Shelling on Aleppo killed five people.",
            ATTACK,
            &["killed=5/people/-"],
        ),
        yes(
            "Clashes near Palmyra left 20 fighters dead.",
            ATTACK,
            &["killed=20/fighters/-"],
        ),
        yes(
            "More than 30 people were wounded in the bombardment of Douma.",
            ATTACK,
            &["injured=30/people/more_than"],
        ),
        yes(
            "About 15 children were killed in an air raid on Saraqeb.",
            ATTACK,
            &["killed=15/children/about"],
        ),
        yes(
            "Russian airstrikes hit Saraqeb on Tuesday, killing at least 12 civilians.",
            ATTACK,
            &["killed=12/civilians/at_least"],
        ),
        yes(
            "Coalition air raids near Raqqa killed more than 30 fighters.",
            ATTACK,
            &["killed=30/fighters/more_than"],
        ),
        yes(
            "Airstrikes on Khan Shaykhun killed 40 people and wounded 100 others.",
            ATTACK,
            &["killed=40/people/-", "injured=100"],
        ),
        yes(
            "A car bomb in Homs killed at least 8 people and wounded dozens.",
            ATTACK,
            &["killed=8/people/at_least"],
        ),
        yes(
            "Nearly 50 civilians died in the shelling of Darayya.",
            ATTACK,
            &["killed=50/civilians/about"],
        ),
        yes(
            "Barrel bombs on Douma killed 1,200 people over two years.",
            ATTACK,
            &["killed=1200/people"],
        ),
        no(
            "A car bomb in Homs killed at least 8 people and wounded dozens.",
            ATTACK,
            &["injured=8"],
        ),
        no(
            "The truce in Homs has held for 12 days.",
            "*",
            &["killed=12"],
        ),
    ]);
}

#[test]
fn attribution() {
    run(&[
        yes(
            "The Free Syrian Army told Reuters that the truce in Daraa was holding.",
            "truce.in_force",
            &["speaker=fsa", "via=reported_by:reuters", "scope=Daraa"],
        ),
        yes(
            "According to the Syrian Observatory for Human Rights, airstrikes on Idlib killed 10 civilians.",
            ATTACK,
            &["speaker=sohr", "location=Idlib"],
        ),
        yes(
            "Jaysh al-Islam said in a statement that it rejected the truce in Douma.",
            "truce.rejected",
            &["speaker=jaysh_al_islam", "agent=jaysh_al_islam"],
        ),
        yes(
            "Interfax quoted a military official as saying the ceasefire in Latakia was in force.",
            "truce.in_force",
            &[
                "speaker~official",
                "via=quoted_by:interfax",
                "scope=Latakia",
            ],
        ),
        yes(
            "Interfax quoted an official in the Russian Defence Ministry as saying the truce in Latakia was being observed.",
            "truce.in_force",
            &[
                "speaker=rus_mod",
                "speaker~official",
                "via=quoted_by:interfax",
                "scope=Latakia",
            ],
        ),
        yes(
            "TASS quoted Sergei Rudskoi as saying that Nusra Front violated the truce in Aleppo.",
            "truce.violated",
            &[
                "speaker=sergei_rudskoi",
                "via=quoted_by:tass",
                "perpetrator=nusra_front",
            ],
        ),
        yes(
            "Sergei Lavrov said the truce in Aleppo was holding. He added that the ceasefire in Homs would be extended.",
            "truce.extended",
            &["speaker=sergei_lavrov", "scope=Homs"],
        ),
        yes(
            "A rebel commander told AFP that the ceasefire in Idlib had collapsed.",
            "truce.collapsed",
            &["speaker~commander", "via=reported_by:afp"],
        ),
        yes(
            "Moscow said it had declared a regime of calm in Latakia.",
            "truce.declared",
            &["speaker=rus_gov", "scope=Latakia"],
        ),
        // A capital as the one who speaks is its government, not a place.
        no(
            "Damascus said the truce in Homs had been extended.",
            "*",
            &["place=Damascus"],
        ),
        no(
            "Moscow said it had declared a regime of calm in Latakia.",
            "*",
            &["place=Moscow"],
        ),
    ]);
}

#[test]
fn excluded_scope() {
    run(&[
        yes(
            "The ceasefire covers all of Syria except areas held by Nusra Front.",
            "truce.in_force",
            &["scope=Syria", "excluded=areas controlled by Nusra Front"],
        ),
        yes(
            "Russia declared a truce in Idlib excluding areas controlled by Islamic State.",
            "truce.declared",
            &["scope=Idlib", "excluded=areas controlled by Islamic State"],
        ),
        yes(
            "The truce includes Eastern Ghouta but not Douma.",
            "truce.in_force",
            &["scope=Eastern Ghouta", "excluded=Douma"],
        ),
        yes(
            "The army declared a truce in Daraa province except the city of Daraa.",
            "truce.declared",
            &["scope=Daraa province", "excluded=the city of Daraa"],
        ),
        yes(
            "The cessation of hostilities applies to all Syrian territory apart from areas under the control of Islamic State.",
            "truce.in_force",
            &["scope=Syria", "excluded=areas controlled by Islamic State"],
        ),
        no(
            "Russia declared a truce in Idlib excluding areas controlled by Islamic State.",
            "truce.declared",
            &["scope=areas controlled by Islamic State"],
        ),
        no(
            "The truce includes Eastern Ghouta but not Douma.",
            "*",
            &["scope=Douma"],
        ),
    ]);
}

#[test]
fn time_words_that_are_not_dates() {
    run(&[
        // "march" here is a walk, not the month.
        yes(
            "Regime forces shelled Homs during a march on the city.",
            ATTACK,
            &["location=Homs", "notime"],
        ),
    ]);
}

/// A name that is both a state and a country is an actor as a subject and a
/// place after a preposition; a place after "of" is not a speaker.
#[test]
fn actors_and_places_by_use() {
    run(&[
        yes(
            "Russia proposed a 72-hour truce in Aleppo.",
            "truce.proposed",
            &["agent=rus", "scope=Aleppo"],
        ),
        no(
            "Russia proposed a 72-hour truce in Aleppo.",
            "truce.proposed",
            &["scope=Russia"],
        ),
        yes(
            "Russia and Turkey brokered a ceasefire in Syria.",
            "truce.declared",
            &["agent=rus", "agent=tur", "scope=Syria"],
        ),
        no(
            "Russia and Turkey brokered a ceasefire in Syria.",
            "truce.declared",
            &["scope=Turkey"],
        ),
        yes(
            "Residents of Douma said the truce was holding.",
            "truce.in_force",
            &["speaker~residents of Douma"],
        ),
        yes(
            "Damascus said the ceasefire in Homs had collapsed.",
            "truce.collapsed",
            &["speaker=syr_gov", "scope=Homs"],
        ),
    ]);
}

/// A claim of responsibility names the perpetrator; coordinated controllers
/// each get an excluded area.
#[test]
fn responsibility_and_controllers() {
    run(&[
        yes(
            "Islamic State claimed a suicide bombing in Tartus.",
            "incident.attack",
            &[
                "sub=bombing",
                "perpetrator=islamic_state",
                "location=Tartus",
            ],
        ),
        yes(
            "Islamic State claimed responsibility for the car bomb in Homs.",
            "incident.attack",
            &["perpetrator=islamic_state"],
        ),
        no(
            "The monitor said a car bomb hit Homs.",
            "incident.attack",
            &["perpetrator=sohr"],
        ),
        yes(
            "The truce covers all of Syria apart from areas under the control of Islamic State and Nusra Front.",
            "*",
            &[
                "excluded=areas controlled by Islamic State",
                "excluded=areas controlled by Nusra Front",
            ],
        ),
        no(
            "The truce covers all of Syria apart from areas under the control of Islamic State and Nusra Front.",
            "*",
            &["party=nusra_front"],
        ),
    ]);
}

/// A count with a subset between it and its casualty word.
#[test]
fn casualty_subsets() {
    run(&[
        yes(
            "At least 14 civilians, including five children, were killed in air strikes on Saraqeb.",
            "incident.attack",
            &["killed=14/civilians/at_least", "killed=5/children"],
        ),
        yes(
            "Twenty people, among them six women, were wounded by shelling on Douma.",
            "incident.attack",
            &["injured=20/people", "injured=6/women"],
        ),
        no(
            "Twelve schools, including two in Douma, were closed after shelling on Harasta.",
            "incident.attack",
            &["killed=12"],
        ),
    ]);
}

/// A clause that goes on without a subject shares the truce of the clause
/// before; one with a subject of its own does not.
#[test]
fn elliptical_clauses() {
    run(&[
        yes(
            "The truce was holding in Homs but was violated in Hama countryside.",
            "truce.violated",
            &["location=Hama"],
        ),
        yes(
            "The ceasefire held in Daraa but was broken near Jobar on Sunday.",
            "truce.violated",
            &["location=Jobar"],
        ),
        no(
            "The truce was holding in Homs but the talks were violated by delays.",
            "truce.violated",
            &[],
        ),
    ]);
}

/// "cannot" and "won't" negate like "not".
#[test]
fn contracted_negations() {
    run(&[
        yes(
            "The opposition said it cannot accept a truce in Aleppo.",
            "truce.accepted",
            &["mod=negated"],
        ),
        yes(
            "Jaysh al-Islam won't accept the ceasefire in Douma.",
            "truce.accepted",
            &["mod=negated"],
        ),
        no(
            "The opposition said it can accept a truce in Aleppo.",
            "truce.accepted",
            &["mod=negated"],
        ),
    ]);
}

#[test]
fn headline_incidents() {
    run(&[
        // Headline verbs.
        yes(
            "Warplanes bomb Manbij and Jarabulus.",
            ATTACK,
            &["sub=airstrike", "location=Manbij"],
        ),
        yes(
            "Regime forces shell Douma again.",
            ATTACK,
            &["sub=shelling", "location=Douma"],
        ),
        yes(
            "Islamic State executed three men in Raqqa.",
            ATTACK,
            &["sub=execution", "location=Raqqa"],
        ),
        yes(
            "Islamic State beheaded a man in Manbij.",
            ATTACK,
            &["sub=execution", "location=Manbij"],
        ),
        yes(
            "Gunmen assassinated a rebel commander in Daraa.",
            ATTACK,
            &["sub=assassination", "location=Daraa"],
        ),
        yes(
            "A landmine explosion killed two children near Palmyra.",
            ATTACK,
            &["sub=bombing", "location=Palmyra", "killed=2/children"],
        ),
        // Clashes between named parties need no place.
        yes(
            "Clashes between regime forces and rebels.",
            ATTACK,
            &["sub=clash", "party=syr_army"],
        ),
        // A generic attack between two named actors.
        yes(
            "Rebels attack regime forces.",
            ATTACK,
            &["sub=attack", "target=syr_army"],
        ),
        no("The army said it would attack.", ATTACK, &[]),
        // Victims without an attack word.
        yes(
            "Five people killed in Saraqeb.",
            ATTACK,
            &["sub=attack", "location=Saraqeb", "killed=5/people"],
        ),
        yes(
            "Human losses in Talbiseh.",
            ATTACK,
            &["sub=attack", "location=Talbiseh"],
        ),
        yes(
            "Shelling claims the lives of 4 civilians in Idlib.",
            ATTACK,
            &["sub=shelling", "location=Idlib", "killed=4/civilians"],
        ),
        yes(
            "104 persons died yesterday in Aleppo.",
            ATTACK,
            &["location=Aleppo", "killed=104/people"],
        ),
        no("Three children died of cold in Rukban camp.", ATTACK, &[]),
        no(
            "12 refugees died from illness in a camp near Idlib.",
            ATTACK,
            &[],
        ),
        // "casualties" is killed or injured: an incident, not a death count.
        yes(
            "Casualties in Hama countryside.",
            ATTACK,
            &["location=Hama"],
        ),
        no("12 casualties in Hama countryside.", ATTACK, &["killed=12"]),
        // Near misses: natural deaths, money, sanctions.
        no(
            "The former mayor died in Damascus at the age of 85.",
            ATTACK,
            &[],
        ),
        no(
            "Farmers reported heavy economic losses in Hama.",
            ATTACK,
            &[],
        ),
        no(
            "The EU adopted targeted sanctions against officials in Damascus.",
            ATTACK,
            &[],
        ),
        no("A heart attack killed a judge in Homs.", ATTACK, &[]),
    ]);
}

#[test]
fn place_spellings() {
    run(&[
        // The capital, named by its role.
        yes(
            "Mortars hit the Syrian capital on Monday.",
            ATTACK,
            &["location=Damascus"],
        ),
        // Agency spellings of governorate capitals.
        yes(
            "A US-led strike killed 18 civilians in Raqa.",
            ATTACK,
            &["location=Raqqa"],
        ),
        yes(
            "Islamic State executed 19 men in Deir Ezour.",
            ATTACK,
            &["location=Deir ez-Zor"],
        ),
        // Generated transliteration variants: article and ending.
        yes(
            "Airstrikes hit al-Salamia.",
            ATTACK,
            &["location=al-Salamia"],
        ),
        yes("Shelling on Talbisa.", ATTACK, &["location=Talbisa"]),
        // One vowel group written another way.
        yes("Warplanes bombed Menbej.", ATTACK, &["location=Manbij"]),
        yes("Warplanes bombed Edlib city.", ATTACK, &["location=Idlib"]),
        yes(
            "Clashes raged in eastern Qalamon.",
            ATTACK,
            &["location=Qalamoun"],
        ),
        yes(
            "Shelling hit al-Bokamal at dawn.",
            ATTACK,
            &["location=Albu Kamal"],
        ),
        // Monitor spellings: a hamza ending as "aa", joined articles.
        yes(
            "Rockets fell on al-Suwaidaa city.",
            ATTACK,
            &["location=As-Suwayda"],
        ),
        yes(
            "Coalition strikes hit Albukamal.",
            ATTACK,
            &["location=Albu Kamal"],
        ),
        yes(
            "Clashes continued around Baghuz.",
            ATTACK,
            &["location=Al-Baghuz Fawqani"],
        ),
        // Damascus's suburbs are its countryside governorate; its
        // outskirts (Jobar, Qaboun) lie inside the city's.
        yes(
            "Shelling hit the suburbs of Damascus.",
            ATTACK,
            &["location=Rif Dimashq"],
        ),
        no(
            "Shelling hit the outskirts of Damascus.",
            ATTACK,
            &["location=Rif Dimashq"],
        ),
        // English words never drift into names: "homes" is not Homs.
        no(
            "Shelling destroyed homes near the front.",
            ATTACK,
            &["place=Homs"],
        ),
        // Regions named by a river bank or a deal, each in one governorate.
        yes(
            "Airstrikes hit ISIS positions east of the Euphrates.",
            ATTACK,
            &["location=Euphrates east bank"],
        ),
        yes(
            "Shelling hit villages on the western bank of the Euphrates.",
            ATTACK,
            &["location=Euphrates west bank"],
        ),
        yes(
            "Warplanes struck the Putin-Erdogan area again.",
            ATTACK,
            &["location=Idlib de-escalation zone"],
        ),
        yes(
            "Clashes broke out in the Yarmouk Basin.",
            ATTACK,
            &["location=Yarmouk Basin"],
        ),
        yes(
            "Regime forces shelled the Lattakia mountains.",
            ATTACK,
            &["location=Latakia Mountains"],
        ),
        // The river alone, or the two presidents, name no region.
        no(
            "Forces crossed the Euphrates and shelled Raqqa.",
            ATTACK,
            &["place=Euphrates east bank"],
        ),
        no(
            "Shelling followed the Putin-Erdogan summit in Sochi.",
            ATTACK,
            &["place=Idlib de-escalation zone"],
        ),
    ]);
}

/// Executions and assassinations count deaths; victims' groups and
/// adjectives sit between counts and their words.
#[test]
fn killing_verbs_and_victim_groups() {
    run(&[
        yes(
            "Islamic State executed 33 people in the desert of Mayadin.",
            ATTACK,
            &["killed=33/people"],
        ),
        yes(
            "Rebels execute 2 young men in Idlib.",
            ATTACK,
            &["killed=2"],
        ),
        yes(
            "A gunman assassinated 2 members of the council in Daraa.",
            ATTACK,
            &["killed=2"],
        ),
        yes(
            "Two members of the regime forces were killed by mistake near Hama.",
            ATTACK,
            &["killed=2"],
        ),
        yes(
            "13 soldiers of the Syrian army have been killed in Latakia.",
            ATTACK,
            &["killed=13/soldiers"],
        ),
        yes(
            "One Turkish soldier killed in a car bomb attack in al-Bab.",
            ATTACK,
            &["killed=1"],
        ),
        // A casualty word before "and" belongs to the count before it.
        yes(
            "One person killed and twelve people were wounded in Afrin.",
            ATTACK,
            &["injured=12"],
        ),
        no(
            "One person killed and twelve people were wounded in Afrin.",
            ATTACK,
            &["killed=12"],
        ),
        // Near misses: a plan executed, a day after.
        no(
            "The army executed a plan to retake 3 villages near Hama.",
            ATTACK,
            &["killed=3"],
        ),
        no(
            "One day after the shelling of Homs, markets reopened.",
            ATTACK,
            &["killed=1"],
        ),
    ]);
}

/// An article before a singular victim counts one.
#[test]
fn counts_of_one() {
    run(&[
        yes(
            "A civilian was killed by shelling on Harasta.",
            "incident.attack",
            &["killed=1/civilians"],
        ),
        yes(
            "Sniper fire killed a child in Daraa.",
            "incident.attack",
            &["killed=1/children"],
        ),
        no(
            "A convoy was hit by shelling on Harasta.",
            "incident.attack",
            &["killed=1"],
        ),
        yes(
            "A faction executed a person in Daraa.",
            "incident.attack",
            &["killed=1/people"],
        ),
        yes(
            "A soldier was killed by a sniper in Daraa.",
            "incident.attack",
            &["killed=1/soldiers"],
        ),
        // A singular person who speaks or acts is no count.
        no(
            "A man said shelling hit Homs.",
            "incident.attack",
            &["killed=1"],
        ),
    ]);
}
