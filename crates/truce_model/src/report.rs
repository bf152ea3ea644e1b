//! The report: one document and the claims read from it. This is the JSON
//! output contract of `truce extract` (schema: `schema/report.schema.json`).

use crate::{ClaimKind, Excerpt, Modality};
use serde::{Deserialize, Serialize};

/// One document and every claim read from it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub document: Document,
    pub claims: Vec<Claim>,
}

/// What we know of the document itself.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The caller's id (JSON Lines input), or `sha256:`-free content hash `fnv1a64:<hex>`.
    pub id: String,
    /// Publication date or date-time as given (ISO 8601).
    pub published: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Who translated the text, when the text says so.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translated_by: Option<String>,
    /// Who edited the text, when the text says so.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub edited_by: Option<String>,
    /// The report's theatre: the ISO code of the country it is about,
    /// given by the caller or chosen from the places it names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theatre: Option<String>,
    /// Length of the input text in bytes.
    pub bytes: usize,
    /// Version of the extractor that produced the claims.
    pub extractor: String,
}

/// One assertion made by someone, as read from one passage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Index of the claim within its report (`c1`, `c2`, ...).
    pub id: String,
    pub kind: ClaimKind,
    /// Incident subtype (airstrike, shelling, ...), only for `incident.*`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subtype: Option<String>,
    pub modality: Modality,
    /// The truce the claim speaks of, as named in the text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub truce: Option<TruceRef>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<ActorRef>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<PlaceRef>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<TimeRef>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quantities: Vec<Quantity>,
    /// Kinds of targets named without a place or actor (civilians, schools, ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<String>,
    pub attribution: Attribution,
    pub evidence: Excerpt,
    /// The rule that made the claim: its kind and the trigger words that
    /// fired (`truce.in_force:came_into_effect`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// Rules that changed the claim after it was made (`gate.purpose`
    /// turned a declaration into a proposal), in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adjusted_by: Vec<String>,
}

/// The truce a claim speaks of.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TruceRef {
    /// Normalised name: `ceasefire`, `truce`, `cessation_of_hostilities`, `regime_of_calm`, ...
    pub name: String,
    /// Qualifiers read from the text: `temporary`, `unilateral`, `nationwide`, `local`, `humanitarian`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub qualifiers: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mention: Option<Excerpt>,
}

/// An actor in a role.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ActorRef {
    /// `agent` (declares, accepts, rejects, extends, threatens, demands), `perpetrator`,
    /// `target`, `party`, `mediator`, `controller` (of an excluded area).
    pub role: String,
    /// Lexicon id (`syr_gov`, `islamic_state`, ...); absent for actors not in the lexicon.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mention: Option<Excerpt>,
}

/// A place in a role.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlaceRef {
    /// `scope`, `excluded`, `location` or `target`.
    pub role: String,
    /// Gazetteer id (GeoNames id or OCHA pcode); absent for places the gazetteer does not know.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub name: String,
    /// `country`, `governorate`, `district`, `subdistrict`, `city`, `town`, `village`,
    /// `neighbourhood`, `region`, `area` (an area defined by who controls it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    /// Admin path, country first: `["Syria", "Lattakia"]`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub admin: Vec<String>,
    /// From the text: `around`, `city`, `province`, `countryside`, `all`, `controlled_by`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<String>,
    /// For areas defined by control: the controlling actor's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub controlled_by: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mention: Option<Excerpt>,
}

/// A resolved (or unresolvable) time.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TimeRef {
    /// ISO 8601 date (`2016-05-02`) or date-time with offset.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    /// `minute`, `hour`, `day`, `month`, `year`, or `unresolved`.
    pub precision: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mention: Option<Excerpt>,
}

/// A number read from the text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    pub value: f64,
    /// `at_least`, `more_than`, `at_most`, `fewer_than`, `about`, `several`; absent when exact.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approx: Option<String>,
    /// What is counted: `killed`, `injured`, `speakers`, `hours`, ...
    pub what: String,
    /// Of whom: `civilians`, `children`, `fighters`, `people`, `factions`, ...
    #[serde(skip_serializing_if = "Option::is_none")]
    pub of: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mention: Option<Excerpt>,
}

/// Who says so, and through whom it reached us.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    /// The source of the assertion; absent when the outlet asserts it in its own voice.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<Speaker>,
    /// How the assertion travelled, nearest to the speaker first:
    /// `quoted_by`, `obtained_by`, `reported_by`, `translated_by`, `edited_by`, `published_by`.
    #[serde(default)]
    pub chain: Vec<Link>,
}

/// The one who made an assertion.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    pub name: String,
    /// Lexicon id of the speaker, or of the body an unnamed speaker belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// True for "an official", "a source", "sources close to ...".
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unnamed: bool,
    /// For collective speakers: how many ("44 military factions").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mention: Option<Excerpt>,
}

/// One step in an attribution chain.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    pub role: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}
