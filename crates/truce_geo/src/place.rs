//! Places, their ids and kinds.

/// Index of a place in its [`Gazetteer`](crate::Gazetteer). Stable for one
/// build of the data file only; persist [`Place::id`] instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PlaceId(pub u32);

impl PlaceId {
    pub(crate) fn index(self) -> usize {
        self.0 as usize
    }
}

/// What a place is. First-level admin units of every country are
/// `Governorate` (Syrian muhafazat, Iraqi and Jordanian governorates,
/// Turkish provinces, Lebanese governorates, Israeli districts).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlaceKind {
    Country,
    Governorate,
    District,
    Subdistrict,
    City,
    Town,
    Village,
    Neighbourhood,
    Region,
}

impl PlaceKind {
    pub const ALL: [PlaceKind; 9] = [
        PlaceKind::Country,
        PlaceKind::Governorate,
        PlaceKind::District,
        PlaceKind::Subdistrict,
        PlaceKind::City,
        PlaceKind::Town,
        PlaceKind::Village,
        PlaceKind::Neighbourhood,
        PlaceKind::Region,
    ];

    /// The lowercase name used in the data file and in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::Governorate => "governorate",
            PlaceKind::District => "district",
            PlaceKind::Subdistrict => "subdistrict",
            PlaceKind::City => "city",
            PlaceKind::Town => "town",
            PlaceKind::Village => "village",
            PlaceKind::Neighbourhood => "neighbourhood",
            PlaceKind::Region => "region",
        }
    }

    /// Inverse of [`as_str`](Self::as_str).
    pub fn parse(s: &str) -> Option<PlaceKind> {
        PlaceKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Country, governorate, district or subdistrict.
    pub fn is_admin(self) -> bool {
        matches!(
            self,
            PlaceKind::Country
                | PlaceKind::Governorate
                | PlaceKind::District
                | PlaceKind::Subdistrict
        )
    }

    /// City, town or village.
    pub fn is_settlement(self) -> bool {
        matches!(self, PlaceKind::City | PlaceKind::Town | PlaceKind::Village)
    }

    /// Coarseness: 0 for a country, growing towards neighbourhoods.
    pub fn rank(self) -> u8 {
        match self {
            PlaceKind::Country => 0,
            PlaceKind::Region => 1,
            PlaceKind::Governorate => 2,
            PlaceKind::District => 3,
            PlaceKind::Subdistrict => 4,
            PlaceKind::City => 5,
            PlaceKind::Town => 6,
            PlaceKind::Village => 7,
            PlaceKind::Neighbourhood => 8,
        }
    }
}

impl std::fmt::Display for PlaceKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One place of the gazetteer.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// External id: ISO2 for countries (`SY`), OCHA PCODE for Syrian admin
    /// units and neighbourhoods (`SY06`, `SY0600`, `SY060000`, `N0017`),
    /// GeoNames id for other places (`170063`), `truce:<slug>` for
    /// hand-written regions.
    pub id: String,
    /// Primary English name.
    pub name: String,
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 code of the country the place is in.
    pub country: String,
    pub lat: f64,
    pub lon: f64,
    /// 0 when unknown. Admin units of Syria: OpenSyria figures; other
    /// first-level units: the sum of their GeoNames places (a lower bound).
    pub population: u64,
    /// The smallest enclosing unit; `None` only for countries.
    pub parent: Option<PlaceId>,
    /// Every name and spelling (Latin and Arabic script), primary first.
    pub names: Vec<String>,
    /// Other ids of the same place (GeoNames, Wikidata, OpenSyria, old PCODEs).
    pub xref: Vec<String>,
    /// For regions: the units the region covers (approximately), used by
    /// [`Gazetteer::contains`](crate::Gazetteer::contains). Empty otherwise.
    pub members: Vec<PlaceId>,
}
