//! `cargo xtask gazetteer`: build `data/gazetteer.tsv`.
//!
//! Identifier policy (documented in the file header and in `truce_geo`):
//! - countries: ISO 3166-1 alpha-2 (`SY`, `RU`), GeoNames id as a cross-reference;
//! - Syrian governorates, districts, subdistricts: OCHA PCODE (`SY06`,
//!   `SY0600`, `SY060000`), with GeoNames, Wikidata and OpenSyria ids as
//!   cross-references;
//! - Syrian city neighbourhoods: OCHA neighbourhood PCODE (`N0017`);
//! - populated places and non-Syrian first-level admin units: GeoNames id;
//! - hand-written regions without a GeoNames id: `truce:<slug>`.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use anyhow::{Context, Result, bail};
use serde_json::Value;
use truce_text::fold_key;

use crate::geom::{Shape, Topology, mean};

pub const VERSION_LINE: &str = "#truce-gazetteer\tv1";

/// An OCHA neighbourhood group: English name, Arabic name, OCHA city code,
/// member points.
type Area = (String, String, String, Vec<(f64, f64)>);

/// One output row.
#[derive(Clone, Debug)]
struct Rec {
    id: String,
    kind: &'static str,
    name: String,
    country: String,
    parent: String,
    lat: f64,
    lon: f64,
    population: u64,
    xref: Vec<String>,
    /// Ids a region covers (regions only).
    members: Vec<String>,
    names: Vec<String>,
}

impl Rec {
    fn new(id: &str, kind: &'static str, name: &str, country: &str) -> Rec {
        Rec {
            id: id.to_owned(),
            kind,
            name: name.to_owned(),
            country: country.to_owned(),
            parent: String::new(),
            lat: 0.0,
            lon: 0.0,
            population: 0,
            xref: Vec::new(),
            members: Vec::new(),
            names: vec![name.to_owned()],
        }
    }
}

fn kind_rank(kind: &str) -> u8 {
    match kind {
        "country" => 0,
        "region" => 1,
        "governorate" => 2,
        "district" => 3,
        "subdistrict" => 4,
        "city" => 5,
        "town" => 6,
        "village" => 7,
        "neighbourhood" => 8,
        _ => 9,
    }
}

fn parse_kind(s: &str) -> Result<&'static str> {
    Ok(match s {
        "country" => "country",
        "region" => "region",
        "governorate" => "governorate",
        "district" => "district",
        "subdistrict" => "subdistrict",
        "city" => "city",
        "town" => "town",
        "village" => "village",
        "neighbourhood" => "neighbourhood",
        other => bail!("unknown kind {other}"),
    })
}

fn settlement_kind(population: u64) -> &'static str {
    if population >= 100_000 {
        "city"
    } else if population >= 10_000 {
        "town"
    } else {
        "village"
    }
}

fn read_json(path: &Path) -> Result<Value> {
    let text = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))
}

fn s(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}

pub fn run(root: &Path, shared: &Path, out: &Path) -> Result<()> {
    let geo = shared.join("geo");
    if !geo.is_dir() {
        bail!(
            "{} not found; pass --shared PATH (the folder holding geo/)",
            geo.display()
        );
    }
    let mut b = Builder::default();
    b.countries(root, &geo)?;
    b.syria_admin(&geo)?;
    b.geonames(&geo)?;
    b.neighbourhoods(&geo)?;
    b.supplement(&root.join("xtask").join("supplement.tsv"))?;
    b.aliases(&root.join("xtask").join("aliases.tsv"))?;
    let text = b.finish()?;
    fs::write(out, &text).with_context(|| format!("writing {}", out.display()))?;
    eprintln!(
        "wrote {} ({} places, {} bytes); {} Syrian places placed by point-in-polygon, {} outside every polygon (nearest subdistrict, else admin1 code)",
        out.display(),
        b.recs.len(),
        text.len(),
        b.pip_hits,
        b.pip_misses
    );
    for w in &b.warnings {
        eprintln!("warning: {w}");
    }
    Ok(())
}

#[derive(Default)]
struct Builder {
    recs: Vec<Rec>,
    index: HashMap<String, usize>,
    /// OCHA subdistrict (admin3) polygons with their PCODEs.
    admin3: Vec<(String, Shape)>,
    admin2: Vec<(String, Shape)>,
    /// GeoNames admin1 code (e.g. "SY.02") -> output id.
    admin1: HashMap<String, String>,
    pip_hits: usize,
    pip_misses: usize,
    warnings: Vec<String>,
}

impl Builder {
    fn add(&mut self, rec: Rec) -> Result<()> {
        if self.index.contains_key(&rec.id) {
            bail!("duplicate id {}", rec.id);
        }
        self.index.insert(rec.id.clone(), self.recs.len());
        self.recs.push(rec);
        Ok(())
    }

    fn get_mut(&mut self, id: &str) -> Option<&mut Rec> {
        self.index.get(id).copied().map(|i| &mut self.recs[i])
    }

    /// Natural Earth countries, named from the ISO table and GeoNames.
    fn countries(&mut self, root: &Path, geo: &Path) -> Result<()> {
        let iso_text = fs::read_to_string(root.join("xtask").join("iso3166.tsv"))?;
        let mut iso: HashMap<String, (String, Vec<String>)> = HashMap::new();
        for line in iso_text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() != 3 {
                bail!("iso3166.tsv: bad line {line:?}");
            }
            let names = cols[2]
                .split('|')
                .filter(|n| !n.is_empty())
                .map(str::to_owned)
                .collect();
            iso.insert(cols[0].to_owned(), (cols[1].to_owned(), names));
        }
        let gn = read_json(&geo.join("geonames").join("countries_SY_neighbours.json"))?;
        let topo = read_json(&geo.join("natural-earth").join("countries-50m.json"))?;
        let topology = Topology::from_json(&topo)?;
        let geoms = topo["objects"]["countries"]["geometries"]
            .as_array()
            .context("no countries in Natural Earth file")?;
        for g in geoms {
            let ne_name = s(&g["properties"]["name"]);
            let numeric = match g["id"].as_str() {
                Some(n) => n.to_owned(),
                None if ne_name == "Kosovo" => "XKX".to_owned(),
                None => {
                    self.warnings.push(format!(
                        "Natural Earth {ne_name:?} has no ISO code; skipped"
                    ));
                    continue;
                }
            };
            let Some((alpha2, iso_names)) = iso.get(&numeric) else {
                self.warnings.push(format!(
                    "Natural Earth {ne_name:?} ({numeric}) not in ISO table"
                ));
                continue;
            };
            if self.index.contains_key(alpha2) {
                continue;
            }
            let primary = iso_names
                .first()
                .cloned()
                .unwrap_or_else(|| ne_name.to_owned());
            let mut rec = Rec::new(alpha2, "country", &primary, alpha2);
            rec.names.extend(iso_names.iter().cloned());
            if !ne_name.contains('.') {
                rec.names.push(ne_name.to_owned());
            }
            let (lon, lat) = topology.shape(g)?.main_bbox_centre();
            rec.lat = lat;
            rec.lon = lon;
            if let Some(c) = gn.get(alpha2) {
                rec.population = c["population"].as_u64().unwrap_or(0);
                if let Some(id) = c["geonameid"].as_u64() {
                    rec.xref.push(id.to_string());
                }
                rec.names.push(s(&c["name"]).to_owned());
            }
            self.add(rec)?;
        }
        let admin0 = read_json(&geo.join("ocha_syr_admin0.geojson"))?;
        for f in admin0["features"].as_array().context("admin0 features")? {
            let p = &f["properties"];
            if let Some(sy) = self.get_mut("SY") {
                sy.names.push(s(&p["NAME_EN"]).to_owned());
                sy.names.push(s(&p["NAME_AR"]).to_owned());
            }
        }
        Ok(())
    }

    /// OCHA admin 1-3 joined with OpenSyria by PCODE.
    fn syria_admin(&mut self, geo: &Path) -> Result<()> {
        let levels = [
            (
                "ocha_syr_admin1.geojson",
                "governorates.json",
                "governorate",
                "ADM0_PCODE",
            ),
            (
                "ocha_syr_admin2.geojson",
                "districts.json",
                "district",
                "ADM1_PCODE",
            ),
            (
                "ocha_syr_admin3.geojson",
                "subdistricts.json",
                "subdistrict",
                "ADM2_PCODE",
            ),
        ];
        let mut os_geonames_to_pcode: HashMap<String, String> = HashMap::new();
        for (ocha_file, os_file, kind, parent_key) in levels {
            let os = read_json(&geo.join("opensyria").join(os_file))?;
            let mut by_pcode: HashMap<String, &Value> = HashMap::new();
            for e in os.as_array().context("OpenSyria file is not a list")? {
                let pcode = s(&e["externalIds"]["ochaPcode"]);
                if !pcode.is_empty() {
                    by_pcode.insert(pcode.to_owned(), e);
                }
            }
            let ocha = read_json(&geo.join(ocha_file))?;
            for f in ocha["features"].as_array().context("OCHA features")? {
                let p = &f["properties"];
                let pcode = s(&p["PCODE"]);
                let shape = Shape::from_geojson(&f["geometry"])?;
                let os_entry = by_pcode.get(pcode).copied();
                let primary = os_entry
                    .map(|e| s(&e["name"]["en"]))
                    .filter(|n| !n.is_empty())
                    .unwrap_or_else(|| s(&p["NAME_EN"]));
                let mut rec = Rec::new(pcode, kind, primary, "SY");
                rec.parent = s(&p[parent_key]).to_owned();
                for key in ["NAME_EN", "NAM_EN_REF", "NAME_AR", "NAM_AR_REF"] {
                    rec.names.push(s(&p[key]).to_owned());
                }
                let (lon, lat) = shape.vertex_centroid();
                rec.lat = lat;
                rec.lon = lon;
                if let Some(e) = os_entry {
                    rec.names.push(s(&e["name"]["ar"]).to_owned());
                    for a in e["aliases"].as_array().into_iter().flatten() {
                        rec.names.push(s(&a["value"]).to_owned());
                    }
                    if let (Some(la), Some(lo)) = (
                        e["centroid"]["latitude"].as_f64(),
                        e["centroid"]["longitude"].as_f64(),
                    ) {
                        rec.lat = la;
                        rec.lon = lo;
                    }
                    rec.population = e["population"]["value"].as_u64().unwrap_or(0);
                    for key in ["geonames", "wikidata"] {
                        let x = s(&e["externalIds"][key]);
                        if !x.is_empty() {
                            rec.xref.push(x.to_owned());
                        }
                    }
                    let gid = s(&e["externalIds"]["geonames"]);
                    if !gid.is_empty() {
                        os_geonames_to_pcode.insert(gid.to_owned(), pcode.to_owned());
                    }
                    rec.xref.push(s(&e["id"]).to_owned());
                }
                match kind {
                    "subdistrict" => self.admin3.push((pcode.to_owned(), shape)),
                    "district" => self.admin2.push((pcode.to_owned(), shape)),
                    _ => {}
                }
                self.add(rec)?;
            }
        }
        // GeoNames admin1 codes: Syrian ones map to OCHA governorates through
        // OpenSyria's GeoNames ids; neighbours' become governorate records.
        let text = fs::read_to_string(
            geo.join("geonames")
                .join("admin1CodesASCII_SY_neighbours.txt"),
        )?;
        for line in text.lines() {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 4 {
                continue;
            }
            let (code, name, ascii, gid) = (cols[0], cols[1], cols[2], cols[3]);
            let country = code.split('.').next().unwrap_or("");
            if country == "SY" {
                let Some(pcode) = os_geonames_to_pcode.get(gid).cloned() else {
                    self.warnings
                        .push(format!("GeoNames admin1 {code} ({gid}) has no OCHA match"));
                    continue;
                };
                if let Some(rec) = self.get_mut(&pcode) {
                    rec.names.push(name.to_owned());
                    rec.names.push(ascii.to_owned());
                }
                self.admin1.insert(code.to_owned(), pcode);
            } else {
                let mut rec = Rec::new(gid, "governorate", name, country);
                rec.names.push(ascii.to_owned());
                rec.parent = country.to_owned();
                self.admin1.insert(code.to_owned(), gid.to_owned());
                self.add(rec)?;
            }
        }
        Ok(())
    }

    /// The OCHA subdistrict containing a point, else the district.
    fn locate(&self, pt: (f64, f64)) -> Option<String> {
        self.admin3
            .iter()
            .chain(self.admin2.iter())
            .find(|(_, shape)| shape.contains(pt))
            .map(|(pcode, _)| pcode.clone())
    }

    fn nearest_admin3(&self, pt: (f64, f64), within: f64) -> Option<String> {
        self.admin3
            .iter()
            .map(|(pcode, shape)| (shape.vertex_distance2(pt), pcode))
            .filter(|(d, _)| *d <= within * within)
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, pcode)| pcode.clone())
    }

    fn geonames(&mut self, geo: &Path) -> Result<()> {
        let path = geo
            .join("geonames")
            .join("cities500_SY_LB_JO_IQ_TR_IL_PS.jsonl");
        let text =
            fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
        // population sums and member points of neighbours' admin1 units
        let mut members: BTreeMap<String, (u64, Vec<(f64, f64)>)> = BTreeMap::new();
        for (n, line) in text.lines().enumerate() {
            let r: Value = serde_json::from_str(line)
                .with_context(|| format!("{}:{}", path.display(), n + 1))?;
            let id = r["geonameid"].as_u64().context("geonameid")?.to_string();
            let cc = s(&r["countrycode"]);
            let population = r["population"].as_u64().unwrap_or(0);
            let mut rec = Rec::new(&id, settlement_kind(population), s(&r["name"]), cc);
            rec.lat = r["latitude"].as_f64().context("latitude")?;
            rec.lon = r["longitude"].as_f64().context("longitude")?;
            rec.population = population;
            for a in r["alternatenames"].as_array().into_iter().flatten() {
                let a = s(a);
                if keep_alternate(a) {
                    rec.names.push(a.to_owned());
                }
            }
            let admin1_key = format!("{cc}.{}", s(&r["admin1code"]));
            let admin1 = self.admin1.get(&admin1_key).cloned();
            if cc == "SY" {
                match self.locate((rec.lon, rec.lat)) {
                    Some(pcode) => {
                        self.pip_hits += 1;
                        rec.parent = pcode;
                    }
                    None => {
                        // just off the coast or a border: the nearest
                        // subdistrict within 0.05 degrees, else the admin1 code
                        self.pip_misses += 1;
                        rec.parent = self
                            .nearest_admin3((rec.lon, rec.lat), 0.05)
                            .or(admin1)
                            .unwrap_or_else(|| "SY".to_owned());
                    }
                }
            } else {
                match admin1 {
                    Some(a) => {
                        let m = members.entry(a.clone()).or_default();
                        m.0 += population;
                        m.1.push((rec.lon, rec.lat));
                        rec.parent = a;
                    }
                    None => rec.parent = cc.to_owned(),
                }
            }
            self.add(rec)?;
        }
        for (id, (pop, pts)) in members {
            if let Some(rec) = self.get_mut(&id) {
                let (lon, lat) = mean(&pts);
                rec.population = pop;
                rec.lat = lat;
                rec.lon = lon;
            }
        }
        // admin1 units with no member city: use the country's point
        let centres: HashMap<String, (f64, f64)> = self
            .recs
            .iter()
            .filter(|r| r.kind == "country")
            .map(|r| (r.id.clone(), (r.lat, r.lon)))
            .collect();
        for rec in &mut self.recs {
            let unplaced = rec.kind == "governorate" && rec.lat == 0.0 && rec.lon == 0.0;
            if let Some(&(lat, lon)) = centres.get(&rec.country).filter(|_| unplaced) {
                rec.lat = lat;
                rec.lon = lon;
            }
        }
        Ok(())
    }

    /// OCHA city neighbourhoods, parented to the GeoNames city they are in.
    fn neighbourhoods(&mut self, geo: &Path) -> Result<()> {
        let d = read_json(&geo.join("ocha_city_neighbourhoods.geojson"))?;
        let features = d["features"].as_array().context("neighbourhood features")?;
        // group by OCHA city (ADM4) to find the GeoNames city once per group
        let mut groups: BTreeMap<String, (String, Vec<(f64, f64)>)> = BTreeMap::new();
        for f in features {
            let p = &f["properties"];
            let pt = (
                p["LONGITUDE"].as_f64().unwrap_or(0.0),
                p["LATITUDE"].as_f64().unwrap_or(0.0),
            );
            let g = groups
                .entry(s(&p["ADM4_PCODE"]).to_owned())
                .or_insert_with(|| (s(&p["ADM4_EN"]).to_owned(), Vec::new()));
            g.1.push(pt);
        }
        let mut city_of: HashMap<String, String> = HashMap::new();
        for (adm4, (name, pts)) in &groups {
            let key = fold_key(name);
            let (lon, lat) = mean(pts);
            let near = |r: &Rec| (r.lat - lat).powi(2) + (r.lon - lon).powi(2);
            let settlements = self
                .recs
                .iter()
                .filter(|r| r.country == "SY" && matches!(r.kind, "city" | "town" | "village"));
            let by_name = settlements
                .clone()
                .filter(|r| r.names.iter().any(|n| fold_key(n) == key) && near(r) < 0.04)
                .max_by_key(|r| r.population);
            let by_distance = settlements
                .filter(|r| r.population >= 10_000)
                .min_by(|a, b| near(a).total_cmp(&near(b)));
            match by_name.or(by_distance) {
                Some(r) => {
                    city_of.insert(adm4.clone(), r.id.clone());
                }
                None => self
                    .warnings
                    .push(format!("no city found for neighbourhoods of {name}")),
            }
        }
        // OCHA "areas" group Damascus neighbourhoods (Jowbar, Qaboun, Mazzeh)
        let mut areas: BTreeMap<String, Area> = BTreeMap::new();
        for f in features {
            let p = &f["properties"];
            let code = s(&p["AREA_PCODE"]);
            if code.is_empty() || code.starts_with('<') {
                continue;
            }
            let pt = (
                p["LONGITUDE"].as_f64().unwrap_or(0.0),
                p["LATITUDE"].as_f64().unwrap_or(0.0),
            );
            areas
                .entry(code.to_owned())
                .or_insert_with(|| {
                    (
                        s(&p["AREA_EN"]).to_owned(),
                        s(&p["AREA_AR"]).to_owned(),
                        s(&p["ADM4_PCODE"]).to_owned(),
                        Vec::new(),
                    )
                })
                .3
                .push(pt);
        }
        for (code, (en, ar, adm4, pts)) in &areas {
            let mut rec = Rec::new(code, "neighbourhood", en, "SY");
            rec.names.push(ar.clone());
            let (lon, lat) = mean(pts);
            rec.lat = lat;
            rec.lon = lon;
            rec.parent = city_of
                .get(adm4)
                .cloned()
                .context("area outside a known city")?;
            self.add(rec)?;
        }
        for f in features {
            let p = &f["properties"];
            let mut rec = Rec::new(s(&p["PCODE"]), "neighbourhood", s(&p["NAME_EN"]), "SY");
            for key in ["NAM_EN_REF", "NAME_AR", "NAM_AR_REF"] {
                rec.names.push(s(&p[key]).to_owned());
            }
            rec.lat = p["LATITUDE"].as_f64().unwrap_or(0.0);
            rec.lon = p["LONGITUDE"].as_f64().unwrap_or(0.0);
            let area = s(&p["AREA_PCODE"]);
            rec.parent = areas
                .contains_key(area)
                .then(|| area.to_owned())
                .or_else(|| city_of.get(s(&p["ADM4_PCODE"])).cloned())
                .unwrap_or_else(|| s(&p["ADM3_PCODE"]).to_owned());
            let prev = s(&p["PREV_PCODE"]);
            if !prev.is_empty() {
                rec.xref.push(prev.to_owned());
            }
            self.add(rec)?;
        }
        Ok(())
    }

    fn supplement(&mut self, path: &Path) -> Result<()> {
        let text =
            fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let at = || format!("{}:{}", path.display(), n + 1);
            let c: Vec<&str> = line.split('\t').collect();
            if c.len() != 10 {
                bail!("{}: expected 10 columns, found {}", at(), c.len());
            }
            let mut rec = Rec::new(c[0], parse_kind(c[1]).with_context(at)?, c[2], c[3]);
            rec.parent = c[4].to_owned();
            rec.lat = c[5].parse().with_context(at)?;
            rec.lon = c[6].parse().with_context(at)?;
            rec.population = c[7].parse().with_context(at)?;
            rec.members = c[8]
                .split('|')
                .filter(|m| !m.is_empty())
                .map(str::to_owned)
                .collect();
            rec.names.extend(c[9].split('|').map(str::to_owned));
            if rec.parent.is_empty() {
                rec.parent = if rec.country == "SY" {
                    let pt = (rec.lon, rec.lat);
                    self.locate(pt)
                        .or_else(|| self.nearest_admin3(pt, 0.05))
                        .unwrap_or_else(|| "SY".to_owned())
                } else {
                    rec.country.clone()
                };
            }
            if let Some(old) = self.get_mut(&rec.id) {
                old.names.extend(rec.names);
            } else {
                self.add(rec).with_context(at)?;
            }
        }
        Ok(())
    }

    fn aliases(&mut self, path: &Path) -> Result<()> {
        let text =
            fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let c: Vec<&str> = line.split('\t').collect();
            if c.len() != 3 {
                bail!("{}:{}: expected 3 columns", path.display(), n + 1);
            }
            let Some(rec) = self.get_mut(c[0]) else {
                bail!("{}:{}: unknown id {}", path.display(), n + 1, c[0]);
            };
            if !c[1].is_empty() {
                rec.name = c[1].to_owned();
            }
            rec.names.extend(c[2].split('|').map(str::to_owned));
        }
        Ok(())
    }

    /// Clean names and cross-references, sort, and render the file.
    fn finish(&mut self) -> Result<String> {
        let primary: HashSet<String> = self.recs.iter().map(|r| r.id.clone()).collect();
        let mut xref_count: HashMap<String, usize> = HashMap::new();
        for r in &self.recs {
            for x in &r.xref {
                *xref_count.entry(x.clone()).or_default() += 1;
            }
        }
        let mut dropped = BTreeSet::new();
        for r in &mut self.recs {
            r.xref.retain(|x| {
                let ok = !x.is_empty() && !primary.contains(x) && xref_count.get(x) == Some(&1);
                if !ok && !x.is_empty() {
                    dropped.insert(x.clone());
                }
                ok
            });
            r.xref.sort();
            r.xref.dedup();
            r.names = clean_names(&r.name, &r.names);
            match r.names.first() {
                Some(first) => r.name = first.clone(),
                None => bail!("{}: no usable name (had {:?})", r.id, r.name),
            }
        }
        if !dropped.is_empty() {
            self.warnings
                .push(format!("dropped ambiguous cross-references: {dropped:?}"));
        }
        for r in &self.recs {
            if !r.parent.is_empty() && !primary.contains(&r.parent) {
                bail!("{}: parent {} does not exist", r.id, r.parent);
            }
            if let Some(m) = r.members.iter().find(|m| !primary.contains(*m)) {
                bail!("{}: member {m} does not exist", r.id);
            }
        }
        self.recs.sort_by(|a, b| {
            (kind_rank(a.kind), &a.country)
                .cmp(&(kind_rank(b.kind), &b.country))
                .then_with(|| id_order(&a.id, &b.id))
        });
        let mut out = String::new();
        out.push_str(VERSION_LINE);
        out.push('\n');
        out.push_str(HEADER);
        for r in &self.recs {
            let _ = writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                r.id,
                r.kind,
                r.name,
                r.country,
                r.parent,
                coord(r.lat),
                coord(r.lon),
                r.population,
                r.xref.join("|"),
                r.members.join("|"),
                r.names.join("|")
            );
        }
        Ok(out)
    }
}

const HEADER: &str = "\
# Generated by `cargo xtask gazetteer` from GeoNames (CC BY 4.0), OCHA Syria COD-AB
# (CC BY 3.0 IGO), OpenSyria (CC BY 4.0) and Natural Earth (public domain), plus
# xtask/supplement.tsv and xtask/aliases.tsv. Do not edit by hand; see data/LICENSES.
# ids: ISO2 for countries; OCHA PCODE for Syrian governorates/districts/subdistricts
# and neighbourhoods; GeoNames id for other places; truce:<slug> for hand-made regions.
# parent: id of the smallest enclosing unit. xref: other ids (GeoNames, Wikidata,
# OpenSyria). members: units a region covers (approximate). names: Latin- and
# Arabic-script names, primary first. Lists are '|' separated.
# id\tkind\tname\tcountry\tparent\tlat\tlon\tpopulation\txref\tmembers\tnames
";

fn id_order(a: &str, b: &str) -> std::cmp::Ordering {
    match (a.parse::<u64>(), b.parse::<u64>()) {
        (Ok(x), Ok(y)) => x.cmp(&y),
        (Ok(_), Err(_)) => std::cmp::Ordering::Greater,
        (Err(_), Ok(_)) => std::cmp::Ordering::Less,
        (Err(_), Err(_)) => a.cmp(b),
    }
}

fn coord(x: f64) -> String {
    let t = format!("{x:.5}");
    let t = t.trim_end_matches('0').trim_end_matches('.');
    if t == "-0" {
        "0".to_owned()
    } else {
        t.to_owned()
    }
}

/// Latin (with extensions and modifier letters) or Arabic script.
fn allowed_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c,
            '\u{00C0}'..='\u{024F}'
            | '\u{02B0}'..='\u{02FF}'
            | '\u{1E00}'..='\u{1EFF}'
            | '\u{0600}'..='\u{06FF}'
            | '\u{0750}'..='\u{077F}'
            | '\u{08A0}'..='\u{08FF}'
            | '\u{FB50}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFF}')
        || c == '\u{00AA}'
        || c == '\u{00BA}'
}

fn is_arabic(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// Filters for GeoNames alternate names beyond the script rule: no
/// all-lowercase Latin names (machine transliterations such as "hlb"), no
/// short all-capital codes (IATA "ALP", "DAM").
fn keep_alternate(name: &str) -> bool {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.is_empty() || letters.iter().any(|&c| is_arabic(c)) {
        return true;
    }
    if !letters.iter().any(|c| c.is_uppercase()) {
        return false;
    }
    let all_caps = letters.iter().all(|c| c.is_uppercase());
    !(all_caps && letters.len() <= 4)
}

/// Admin-level words that make a name a qualified form; the extractor parses
/// qualifiers, so the gazetteer keeps bare names only.
const QUALIFIED: &[&str] = &[
    "governorate",
    "district",
    "subdistrict",
    "sub district",
    "province",
    "nahiyat",
    "nahiya",
    "nahiyah",
    "mohafazat",
    "muhafazat",
    "محافظه",
    "منطقه",
    "ناحيه",
];

fn clean_names(primary: &str, names: &[String]) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    let mut rest: Vec<(String, String)> = Vec::new();
    for (i, raw) in std::iter::once(primary)
        .chain(names.iter().map(String::as_str))
        .enumerate()
    {
        let n: String = raw
            .chars()
            .map(|c| if c.is_control() || c == '|' { ' ' } else { c })
            .collect();
        // "Falkland Islands (Malvinas)" -> "Falkland Islands"
        let n = n.split('(').next().unwrap_or("").trim().to_owned();
        let key = fold_key(&n);
        if key.is_empty() || (i > 0 && !good_alternate(&n, &key)) {
            continue;
        }
        if i == 0 {
            seen.insert(key);
            out.push(n);
        } else if seen.insert(key.clone()) {
            rest.push((key, n));
        }
    }
    rest.sort();
    out.extend(rest.into_iter().map(|(_, n)| n));
    out
}

/// Script and shape rules for names other than the primary one.
fn good_alternate(n: &str, key: &str) -> bool {
    if n.chars()
        .any(|c| c.is_ascii_digit() || matches!(c, ',' | '\u{060C}' | ')'))
    {
        return false;
    }
    let letters: Vec<char> = n.chars().filter(|c| c.is_alphabetic()).collect();
    if !letters.iter().all(|&c| allowed_letter(c)) {
        return false;
    }
    // one script per name: no Latin-Arabic mixtures
    if letters.iter().any(|&c| is_arabic(c)) && letters.iter().any(|&c| !is_arabic(c)) {
        return false;
    }
    let padded = format!(" {key} ");
    !QUALIFIED.iter().any(|q| padded.contains(&format!(" {q} ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_filtered_and_deduplicated() {
        let names: Vec<String> = [
            "Ḩalab",
            "Halab",
            "حلب",
            "Алеппо",
            "ALP",
            "hlb",
            "Aleppo Governorate",
            "阿勒颇",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        let kept: Vec<String> = names
            .iter()
            .filter(|n| keep_alternate(n))
            .cloned()
            .collect();
        assert_eq!(clean_names("Aleppo", &kept), vec!["Aleppo", "Ḩalab", "حلب"]);
    }

    #[test]
    fn coords_are_compact() {
        assert_eq!(coord(36.2), "36.2");
        assert_eq!(coord(-0.000001), "0");
        assert_eq!(coord(35.123456), "35.12346");
    }
}
