//! Vocabulary and sentence templates for synthetic wire reports about
//! Syrian truces in 2016. Everything here is invented for benchmarks: the
//! sentences are patterns, not quotations, and unnamed or generic speakers
//! stand in for real people.
//!
//! A template is plain text with `{slot}` markers; [`slot_values`] lists
//! what each slot may be filled with.

/// Cities, towns and districts.
pub const PLACES: &[&str] = &[
    "Douma",
    "Harasta",
    "Daraya",
    "Zabadani",
    "Madaya",
    "Jobar",
    "Ain Tarma",
    "Saqba",
    "Kafr Batna",
    "Moadamiyet al-Sham",
    "Aleppo",
    "Azaz",
    "Tal Rifaat",
    "Manbij",
    "al-Bab",
    "Homs",
    "Talbiseh",
    "Rastan",
    "Hama",
    "Idlib",
    "Jisr al-Shughour",
    "Maarat al-Numan",
    "Saraqeb",
    "Khan Shaykhun",
    "Deraa",
    "Busra al-Harir",
    "Jableh",
    "Palmyra",
    "Deir al-Zor",
    "Raqqa",
    "Qamishli",
    "Salma",
];

/// Governorates ("provinces" in most wire copy).
pub const GOVERNORATES: &[&str] = &[
    "Damascus",
    "Rif Dimashq",
    "Aleppo",
    "Idlib",
    "Hama",
    "Homs",
    "Lattakia",
    "Deraa",
    "Quneitra",
    "Deir al-Zor",
    "Raqqa",
    "Hasaka",
    "Tartus",
    "Sweida",
];

/// Regions named without a single town.
pub const REGIONS: &[&str] = &[
    "Eastern Ghouta",
    "the Qalamoun mountains",
    "the northern countryside of Homs",
    "the southern countryside of Aleppo",
    "western Aleppo",
    "the Jabal al-Akrad area",
    "the Wadi Barada valley",
    "the Houla plain",
];

/// Parties to the fighting.
pub const PARTIES: &[&str] = &[
    "Syrian government forces",
    "the Syrian army",
    "regime forces",
    "pro-government militias",
    "rebel groups",
    "Jaish al-Islam",
    "Ahrar al-Sham",
    "Faylaq al-Rahman",
    "the Free Syrian Army",
    "Kurdish YPG fighters",
    "Islamic State militants",
    "the Nusra Front",
];

/// Those who sponsor or broker truces.
pub const SPONSORS: &[&str] = &[
    "Russia",
    "the United States",
    "Russia and the United States",
    "the United Nations",
    "Turkey",
    "the International Syria Support Group",
];

/// Speakers, always generic: no real person is quoted.
pub const SPEAKERS: &[&str] = &[
    "a Syrian military source",
    "a spokesman for the Russian Defence Ministry",
    "a senior opposition negotiator",
    "a rebel commander",
    "a spokesman for Jaish al-Islam",
    "the UN special envoy",
    "a US State Department spokesman",
    "an official at the Russian reconciliation centre in Hmeimim",
    "a local council member",
    "a resident reached by telephone",
    "a doctor at a field hospital",
    "a Western diplomat",
];

/// News agencies and outlets that carry statements.
pub const AGENCIES: &[&str] = &[
    "Reuters",
    "AFP",
    "the Associated Press",
    "Interfax",
    "RIA Novosti",
    "TASS",
    "the state news agency SANA",
    "Al Jazeera",
    "Al-Souria Net",
    "Enab Baladi",
    "Orient News",
    "Smart News Agency",
];

/// Outlets that publish a report (the `outlet` field).
pub const OUTLETS: &[&str] = &[
    "Reuters",
    "AFP",
    "Associated Press",
    "The Syrian Observer",
    "Enab Baladi",
    "Al-Souria Net",
    "Syria Direct",
];

/// Monitors and rescue groups that count casualties.
pub const MONITORS: &[&str] = &[
    "the Syrian Observatory for Human Rights",
    "the Local Coordination Committees",
    "the Syrian Civil Defence",
    "the Violations Documentation Center",
    "the Syrian Network for Human Rights",
];

pub const TRUCES: &[&str] = &[
    "ceasefire",
    "truce",
    "cessation of hostilities",
    "regime of calm",
    "humanitarian truce",
    "temporary truce",
    "local truce",
];

pub const ATTACKS: &[&str] = &[
    "air strikes",
    "barrel bombs",
    "shelling",
    "rocket fire",
    "artillery fire",
    "mortar shells",
    "a car bomb",
    "cluster munitions",
];

pub const VICTIMS: &[&str] = &[
    "civilians",
    "people",
    "children",
    "fighters",
    "rebels",
    "soldiers",
    "members of one family",
];

pub const TARGETS: &[&str] = &[
    "a hospital",
    "a market",
    "a school",
    "a mosque",
    "a bakery",
    "a residential building",
    "a displacement camp",
];

pub const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

pub const HOURS: &[&str] = &["24", "48", "72", "12"];

pub const SPANS: &[&str] = &[
    "three days",
    "a week",
    "two weeks",
    "72 hours",
    "48 hours",
    "the whole month",
];

pub const TIMES: &[&str] = &[
    "midnight",
    "1 a.m. local time",
    "noon",
    "6 p.m. (1500 GMT)",
    "dawn",
    "midnight Damascus time (2200 GMT)",
];

pub const SAYS: &[&str] = &["said", "told", "added", "claimed", "insisted", "warned"];

/// What a `{slot}` may be filled with; `None` for unknown slots.
pub fn slot_values(slot: &str) -> Option<&'static [&'static str]> {
    Some(match slot {
        "place" | "place2" => PLACES,
        "gov" => GOVERNORATES,
        "region" => REGIONS,
        "party" | "party2" => PARTIES,
        "sponsor" => SPONSORS,
        "speaker" => SPEAKERS,
        "agency" => AGENCIES,
        "monitor" => MONITORS,
        "truce" => TRUCES,
        "attack" => ATTACKS,
        "victims" => VICTIMS,
        "target" => TARGETS,
        "weekday" => WEEKDAYS,
        "hours" => HOURS,
        "span" => SPANS,
        "time" => TIMES,
        "said" => SAYS,
        _ => return None,
    })
}

/// Numeric slots: `{n}` small counts, `{k}` larger counts.
pub fn number_range(slot: &str) -> Option<(usize, usize)> {
    match slot {
        "n" => Some((2, 19)),
        "k" => Some((20, 140)),
        "f" => Some((10, 50)),
        _ => None,
    }
}

/// Opening sentences: the news of the day.
pub const LEADS: &[&str] = &[
    "A {truce} announced by {sponsor} came into force at {time} on {weekday} across {gov} province.",
    "{party} declared a unilateral {truce} in {place} and {region} starting at {time}, {agency} reported.",
    "The {truce} around {place} has been extended for another {hours} hours, {speaker} {said} {agency} on {weekday}.",
    "The {truce} in {gov} province is still in effect until {weekday}, {speaker} {said}.",
    "At least {n} civilians were killed in {attack} on {place} on {weekday}, {monitor} said, despite the {truce}.",
    "{party} rejected a proposal to exclude {place} from the {truce}, saying the deal must cover all of Syria.",
    "{sponsor} said on {weekday} that talks were under way to bring {place} into the {truce}.",
    "The {truce} in {region} collapsed on {weekday} after {party} launched an offensive on {place}, {monitor} said.",
    "{party} and {party2} agreed on a {truce} lasting {span} in {place} to allow aid convoys in, {agency} reported.",
    "Fighting resumed in {place} hours after a {truce} expired at {time} on {weekday}.",
];

/// Body sentences: details, reactions, incidents, attributions.
pub const BODY: &[&str] = &[
    "The {truce} will last until {weekday} and does not cover areas held by Islamic State or the Nusra Front.",
    "{speaker} {said} {agency} that the {truce} had been largely respected in {gov} province.",
    "According to {monitor}, {n} people were wounded when {attack} hit {target} in {place}.",
    "{agency} quoted {speaker} as saying that the {truce} had been violated {n} times in the past 24 hours.",
    "{monitor} said at least {k} people, among them {n} children, had been killed in {place} since the {truce} began.",
    "{speaker} told {agency} that {party} had shelled {place} overnight, killing {n} {victims}.",
    "{party} denied responsibility for the attack on {place}, calling the reports fabricated.",
    "The opposition said the {truce} was practically dead after {attack} on {target} in {place}.",
    "{party} accused {party2} of breaking the {truce} by shelling {place} and {place2}.",
    "A {truce} in {place} was extended by {hours} hours late on {weekday}, {agency} said, citing {speaker}.",
    "{sponsor} proposed expanding the {truce} to {place} and {region}, but no date was set.",
    "Negotiations on a {truce} for {place} were continuing, {speaker} said, declining to name the parties.",
    "{party} threatened to respond in the time and place of its choosing if attacks on {place} continued.",
    "{party} demanded that aid convoys be allowed into {place} before any extension of the {truce}.",
    "Residents of {place} said the night had been calm for the first time in weeks.",
    "In a joint statement signed by {f} rebel factions, of which {agency} obtained a copy, the groups rejected any regional truces.",
    "{sponsor} called on all sides to respect the {truce} and to allow humanitarian access to {place}.",
    "More than {k} people have been killed in {gov} province since the start of the year, {monitor} said.",
    "{attack} killed {n} {victims} in {place} on {weekday}, {speaker} said, adding that the toll could rise.",
    "The {truce} had been due to expire at {time} on {weekday}.",
    "Government forces retook {place} on {weekday} after days of clashes with {party}, {agency} reported.",
    "{agency} said {n} {victims} were killed and dozens injured in {attack} on {place}.",
    "A convoy of {k} trucks carrying food and medicine entered {place} under the terms of the {truce}.",
    "{speaker} said the {truce} would be extended to {gov} province from {weekday} if the current one held.",
    "The {truce} does not apply to {region}, where fighting continued, {speaker} said.",
    "{party} said it would abide by the {truce} as long as {party2} did the same.",
    "{speaker} {said} that violations by {party} threatened to wreck the {truce} in {region}.",
    "At least {n} mortar shells landed on {place} on {weekday}, {agency} reported, citing a military source.",
    "Interfax quoted an official as saying the {truce} around {place} had been extended for another {hours} hours.",
    "The statement said the {truce} covers all Syrian territory except areas controlled by Islamic State.",
    "The opposition had approved the {truce}, brokered by {sponsor}, earlier in the month, {agency} said.",
    "It was not clear whether {party} would accept the {truce}, {speaker} said.",
    "Clashes between {party} and {party2} on the outskirts of {place} killed {n} fighters, {monitor} said.",
    "The {truce} in {place} ended on {weekday} without being renewed, {speaker} said.",
];

/// Closing sentences: background and provenance.
pub const CLOSINGS: &[&str] = &[
    "More than 250,000 people have been killed in Syria's five-year war.",
    "The war has displaced more than half of Syria's pre-war population.",
    "This article was translated and edited by The Syrian Observer.",
    "Peace talks in Geneva were adjourned last month without progress.",
    "{agency} could not independently verify the reports.",
    "Reporting by the {gov} bureau; editing by the Middle East desk.",
];
