//! Governorates: label names mapped through the gazetteer, and the Syrian
//! governorates of the places in a claim.

use truce_geo::{Gazetteer, PlaceId, PlaceKind};
use truce_model::{Claim, PlaceRef};
use truce_text::fold_key;

/// Label spellings the gazetteer does not know, mapped to a name it does.
/// (Transliterations used by the labelled sets; checked by a test.)
const LABEL_ALIASES: &[(&str, &str)] = &[
    ("hasakeh", "Al-Hasakah"),
    ("al hasakah", "Al-Hasakah"),
    ("deir ezzor", "Deir ez-Zor"),
    ("deir ez zor", "Deir ez-Zor"),
    ("ar raqqah", "Raqqa"),
    ("hamah", "Hama"),
    ("as suwayda", "As-Suwayda"),
    ("tartous", "Tartus"),
    ("lattakia", "Latakia"),
];

/// Governorate look-ups over the embedded gazetteer.
#[derive(Debug)]
pub struct Governorates {
    gaz: &'static Gazetteer,
}

impl Default for Governorates {
    fn default() -> Self {
        Self::new()
    }
}

impl Governorates {
    pub fn new() -> Self {
        Self {
            gaz: Gazetteer::embedded(),
        }
    }

    pub fn gazetteer(&self) -> &'static Gazetteer {
        self.gaz
    }

    /// The Syrian governorate a label names: "Homs Governorate", "aleppo",
    /// "deir ezzor". A governorate reading wins over a city of the same
    /// name; a city or town gives its governorate.
    pub fn of_label(&self, label: &str) -> Option<PlaceId> {
        let mut key = fold_key(label.trim());
        for suffix in [" governorate", " province"] {
            if let Some(k) = key.strip_suffix(suffix) {
                key = k.to_owned();
            }
        }
        let mut found = self.of_key(&key);
        if found.is_none()
            && let Some((_, name)) = LABEL_ALIASES.iter().find(|(k, _)| *k == key)
        {
            found = self.of_key(&fold_key(name));
        }
        found
    }

    fn of_key(&self, key: &str) -> Option<PlaceId> {
        let candidates = self.gaz.lookup(key);
        let syrian = |id: &&PlaceId| self.gaz.get(**id).country == "SY";
        candidates
            .iter()
            .filter(syrian)
            .find(|&&id| self.gaz.get(id).kind == PlaceKind::Governorate)
            .copied()
            .or_else(|| {
                candidates
                    .iter()
                    .filter(syrian)
                    .find_map(|&id| self.gaz.governorate_of(id))
            })
    }

    /// The Syrian governorate of one extracted place, from its id.
    pub fn of_place(&self, place: &PlaceRef) -> Option<PlaceId> {
        let id = self.gaz.find_id(place.id.as_deref()?)?;
        let gov = self.gaz.governorate_of(id)?;
        (self.gaz.get(gov).country == "SY").then_some(gov)
    }

    /// The Syrian governorates of a claim's places, in order, without repeats.
    pub fn of_claim(&self, claim: &Claim) -> Vec<PlaceId> {
        let mut out = Vec::new();
        for p in &claim.places {
            if let Some(g) = self.of_place(p)
                && !out.contains(&g)
            {
                out.push(g);
            }
        }
        out
    }

    /// The display name of a place.
    pub fn name(&self, id: PlaceId) -> &str {
        &self.gaz.get(id).name
    }

    /// Do an expected place name and an extracted place agree? Same folded
    /// name, or the name's gazetteer candidates include the place's id.
    pub fn same_place(&self, expected: &str, place: &PlaceRef) -> bool {
        let key = fold_key(expected);
        if fold_key(&place.name) == key {
            return true;
        }
        let Some(id) = place.id.as_deref().and_then(|i| self.gaz.find_id(i)) else {
            return false;
        };
        self.gaz.lookup(&key).contains(&id) || fold_key(&self.gaz.get(id).name) == key
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_of_the_sets_maps_to_a_governorate() {
        let g = Governorates::new();
        let gaz = g.gazetteer();
        let cases = [
            ("aleppo", "SY02"),
            ("damascus", "SY01"),
            ("idlib", "SY07"),
            ("deir ezzor", "SY09"),
            ("raqqa", "SY11"),
            ("homs", "SY04"),
            ("hasakeh", "SY08"),
            ("hama", "SY05"),
            ("daraa", "SY12"),
            ("lattakia", "SY06"),
            ("quneitra", "SY14"),
            ("tartous", "SY10"),
            ("Aleppo Governorate", "SY02"),
            ("Rif Dimashq Governorate", "SY03"),
            ("Deir ez Zor Governorate", "SY09"),
            ("Ar Raqqah Governorate", "SY11"),
            ("Hamah Governorate", "SY05"),
            ("Damascus Governorate", "SY01"),
            ("Al Hasakah Governorate", "SY08"),
            ("Latakia Governorate", "SY06"),
            ("As Suwayda Governorate", "SY13"),
            ("Tartus Governorate", "SY10"),
            ("Quneitra Governorate", "SY14"),
            ("Daraa Governorate", "SY12"),
            ("Idlib Governorate", "SY07"),
            ("Homs Governorate", "SY04"),
        ];
        for (label, pcode) in cases {
            let id = g.of_label(label).map(|id| gaz.get(id).id.clone());
            assert_eq!(id.as_deref(), Some(pcode), "{label}");
        }
        assert_eq!(g.of_label("Atlantis"), None);
    }
}
