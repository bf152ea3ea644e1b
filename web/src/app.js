// The truce board: the place question first, then the map, the truces at the
// chosen time, the claims of one truce, the timeline and the disputes.
// Every text from the API is inserted as a text node (never as HTML), and
// every label is in words: ids stay in data attributes.
import L from "leaflet";
import { feature } from "topojson-client";

const HOUR = 3600e3;
const DAY = 24 * HOUR;
const INCIDENT_DAYS = 7;
const DISPUTE_DAYS = 30;
const PHONE = "(max-width: 700px)";
// The overview is bounded by the server (the latest of each list): the most it gives.
const OVERVIEW = "/api/overview?limit=1000";

// ------------------------------------------------------------ words

const STATE_LABEL = {
  in_force: "in force", disputed: "disputed", proposed: "proposed",
  expired: "expired", collapsed: "collapsed", ended: "ended",
};
const STATE_GLOSS = {
  in_force: "In force: reports say the truce runs here at this time, and none known by then says it broke down.",
  disputed: "Disputed: some reports say the truce holds here, others that it collapsed or was violated.",
  proposed: "Proposed: announced, planned or under discussion, but not yet in force here.",
  expired: "Expired: the end stated for the truce has passed.",
  collapsed: "Collapsed: reports say the truce broke down here.",
  ended: "Ended: reports say the truce was called off or ended here.",
  excluded: "Left out: the truce names this area as not covered (for example areas held by a group it excludes).",
  incident: "Incident: an attack, strike or clash reported in the 7 days up to the chosen time.",
};
const STATE_COLOUR = {
  in_force: "#2e8b57", disputed: "#e08a00", proposed: "#3d7edb",
  expired: "#9aa0a6", collapsed: "#c62828", ended: "#6d4c41",
};
const STATE_RANK = ["in_force", "disputed", "proposed", "collapsed", "ended", "expired"];
const MODALITY_LABEL = { asserted: "stated", negated: "denied", hedged: "uncertain", planned: "planned" };
const MODALITY_GLOSS = {
  asserted: "Stated: the source says it as a fact.",
  negated: "Denied: the source says it did not happen or is not so.",
  hedged: "Uncertain: the source says it may be so (\"reportedly\", \"appears to\").",
  planned: "Planned: the source speaks of it as intended, expected or under discussion.",
};
// What a claim says, by kind: as stated, as denied, as planned.
const KIND_WORDS = {
  "truce.proposed": ["truce proposed", "truce not proposed", "truce to be proposed"],
  "truce.negotiating": ["truce under negotiation", "no truce talks", "truce talks planned"],
  "truce.declared": ["truce declared", "truce not declared", "truce to be declared"],
  "truce.accepted": ["truce accepted", "truce not accepted", "truce to be accepted"],
  "truce.rejected": ["truce rejected", "truce not rejected", "truce to be rejected"],
  "truce.extended": ["truce extended", "truce not extended", "truce to be extended"],
  "truce.expanded": ["truce widened", "truce not widened", "truce to be widened"],
  "truce.in_force": ["truce holding", "truce not holding", "truce to take effect"],
  "truce.violated": ["truce violated", "truce not violated", "violation threatened"],
  "truce.collapsed": ["truce collapsed", "truce did not collapse", "collapse expected"],
  "truce.ended": ["truce ended", "truce not ended", "truce to end"],
  "incident.attack": ["attack", "no attack", "attack planned"],
  "statement.threat": ["threat", "threat denied", "threat"],
  "statement.demand": ["demand", "demand denied", "demand"],
};
const KIND_GLOSS = {
  "truce.proposed": "A truce is suggested by someone.",
  "truce.negotiating": "Parties are talking about a truce.",
  "truce.declared": "A truce is announced by someone with the power to do so.",
  "truce.accepted": "A party agrees to a truce.",
  "truce.rejected": "A party refuses a truce.",
  "truce.extended": "A truce is made to run longer.",
  "truce.expanded": "A truce is made to cover more places.",
  "truce.in_force": "A truce is said to be running or holding.",
  "truce.violated": "A truce is said to have been broken by an attack.",
  "truce.collapsed": "A truce is said to have broken down.",
  "truce.ended": "A truce is said to have been ended.",
  "incident.attack": "An attack, strike, shelling or clash.",
};
const ROLE_LABEL = {
  published_by: "published by", quoted_by: "quoted by", reported_by: "reported by",
  translated_by: "translated by", edited_by: "edited by", obtained_by: "obtained by", citing: "citing",
};
const PLACE_ROLE = { scope: "covers", location: "where", excluded: "leaves out", origin: "from", target: "aimed at" };
const ACTOR_ROLE = { agent: "by", party: "party", perpetrator: "carried out by", target: "aimed at", victim: "victims", mediator: "mediated by", guarantor: "guaranteed by", accuser: "accused by", accused: "accused" };
const LEVEL_LABEL = { national: "nationwide", local: "local", regional: "regional" };
const KIND_LABEL = { city: "city", town: "town", village: "village", neighbourhood: "neighbourhood", district: "district", subdistrict: "sub-district", governorate: "governorate", region: "area", country: "country" };
const RADIUS_PX = { district: 14, subdistrict: 11, region: 13, city: 10, town: 8, village: 7, neighbourhood: 6 };

const words = (s) => String(s ?? "").replaceAll("_", " ");
const roleWords = (r) => ROLE_LABEL[r] ?? words(r);
function claimWords(kind, modality) {
  const w = KIND_WORDS[kind];
  if (!w) return words(kind.replace(/^\w+\./, ""));
  if (modality === "negated") return w[1];
  if (modality === "planned") return w[2];
  if (modality === "hedged") return `${w[0]}, perhaps`;
  return w[0];
}

// ------------------------------------------------------------ helpers

/** An element with attributes; string children become text nodes. */
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (k === "class") e.className = v;
    else e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false || c === "") continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}
const svgEl = (tag, attrs) => {
  const e = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs ?? {})) e.setAttribute(k, String(v));
  return e;
};
function svgTitle(node, text) {
  const t = svgEl("title");
  t.textContent = text;
  node.append(t);
  return node;
}

async function api(path) {
  const res = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await res.json().catch(() => ({ error: `HTTP ${res.status}` }));
  if (!res.ok) throw Object.assign(new Error(body.error ?? `HTTP ${res.status}`), { body, status: res.status });
  return body;
}

/** Wall-clock ISO ("2016-05-01T20:00:00", "2016-05-01 20:00:00") to a number; read as UTC to avoid the browser's zone. */
function ms(iso) {
  if (!iso) return NaN;
  let s = String(iso).trim().replace(" ", "T");
  if (s.length === 10) s += "T00:00:00";
  s = s.replace(/([+-]\d\d:\d\d|Z)$/, "").replace(/(\.\d+)?$/, "");
  return Date.parse(`${s}Z`);
}
const iso = (t) => new Date(t).toISOString().slice(0, 16);
function human(t) {
  const d = new Date(t);
  const day = d.toLocaleDateString("en-GB", { timeZone: "UTC", weekday: "short", day: "numeric", month: "short", year: "numeric" });
  return `${day} ${d.toISOString().slice(11, 16)}`;
}
/** "3 May 2016" or "3 May 2016 14:00" (a time only when it is not midnight). */
function when(s, { weekday = false } = {}) {
  const t = ms(s);
  if (!Number.isFinite(t)) return "an unknown date";
  const d = new Date(t);
  const day = d.toLocaleDateString("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric", ...(weekday ? { weekday: "short" } : {}) });
  const hm = d.toISOString().slice(11, 16);
  return hm === "00:00" ? day : `${day} ${hm}`;
}
/** An exclusive end, always with its hour: "Tue, 3 May 2016 00:00" (the truce is over at that minute). */
function endWhen(s, { weekday = false } = {}) {
  const t = ms(s);
  if (!Number.isFinite(t)) return "an unknown date";
  const d = new Date(t);
  const day = d.toLocaleDateString("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric", ...(weekday ? { weekday: "short" } : {}) });
  return `${day} ${d.toISOString().slice(11, 16)}`;
}
const dayOf = (s) => when(String(s ?? "").slice(0, 10));
const debounce = (f, wait) => {
  let timer;
  return (...a) => { clearTimeout(timer); timer = setTimeout(() => f(...a), wait); };
};
const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
const isPhone = () => window.matchMedia(PHONE).matches;

/** A truce's name in words: the ledger's human name, or one made from its kind when it has none yet. */
function truceName(t) {
  const name = t?.name ?? "";
  if (name && !/^[a-z_]+$/.test(name)) return name;
  const kind = words(name || t?.kind || "truce");
  const first = (t?.areas ?? []).map((a) => a.place?.name ?? a.name).filter(Boolean)[0];
  const level = t?.level === "national" ? "nationwide " : "";
  return `${first && !level ? `${first} ` : ""}${level}${kind}`.replace(/^./, (c) => c.toUpperCase());
}

/** Declarers, named once each ("Kerry" goes when "John Kerry" is there). */
function declarerWords(list) {
  const names = [];
  for (const d of list ?? []) {
    const n = typeof d === "string" ? d : d.name;
    if (n && !names.some((x) => x.toLowerCase() === n.toLowerCase())) names.push(n);
  }
  const kept = names.filter((n) => !names.some((m) => m !== n && m.toLowerCase().endsWith(` ${n.toLowerCase()}`)));
  if (!kept.length) return { text: "declarer not stated", all: "" };
  const shown = kept.slice(0, 3).join(", ");
  return { text: `declared by ${shown}${kept.length > 3 ? ` and ${kept.length - 3} more` : ""}`, all: kept.join(", ") };
}

/** Until when, in words, for a state and window. */
function untilWords(state, start, end) {
  const hasEnd = Number.isFinite(ms(end));
  switch (state) {
    case "in_force":
    case "disputed":
      return hasEnd ? `until ${endWhen(end, { weekday: true })}` : "open-ended: no end stated";
    case "proposed":
      return Number.isFinite(ms(start)) ? `to start ${when(start, { weekday: true })}` : "not in force yet, no start stated";
    case "expired":
      return hasEnd ? `ran until ${endWhen(end)}` : "expired";
    case "collapsed":
      return hasEnd ? `collapsed before its end, ${when(end)}` : "collapsed; no end had been stated";
    case "ended":
      return hasEnd ? `ended ${when(end)}` : "ended; no end had been stated";
    default:
      return hasEnd ? `until ${endWhen(end)}` : "no end stated";
  }
}

function stateBadge(state) {
  return el("span", { class: `badge ${state}`, title: STATE_GLOSS[state] ?? "", "data-gloss": "state" }, STATE_LABEL[state] ?? words(state));
}
function modalityBadge(m) {
  return el("span", { class: "badge modality", title: MODALITY_GLOSS[m] ?? "", "data-gloss": "modality" }, MODALITY_LABEL[m] ?? words(m));
}
function kindBadge(kind, modality) {
  return el("span", { class: "badge kind", title: `${KIND_GLOSS[kind] ?? ""} ${MODALITY_GLOSS[modality] ?? ""}`.trim(), "data-gloss": "kind" }, claimWords(kind, modality));
}

function safeUrl(u) {
  return typeof u === "string" && /^https?:\/\/[^\s]+$/i.test(u) ? u : null;
}
function outletOf(src) {
  if (src.outlet) return src.outlet;
  const u = safeUrl(src.url);
  if (u) {
    try { return new URL(u).hostname.replace(/^www\./, ""); } catch { /* fall through */ }
  }
  return "outlet not given";
}
/** A citation: outlet, date and title, the title linked to the report when its address is known. */
function cite(src) {
  const u = safeUrl(src.url);
  const title = src.title ? src.title : null;
  return el("span", { class: "cite" },
    el("span", { class: "outlet" }, outletOf(src)), `, ${dayOf(src.published)}`,
    title ? ": " : "",
    title ? (u ? el("a", { href: u, target: "_blank", rel: "noopener noreferrer" }, `“${title}”`) : `“${title}”`)
      : u ? el("a", { href: u, target: "_blank", rel: "noopener noreferrer" }, "the report") : "");
}

// ------------------------------------------------------------ state

const S = {
  overview: null,
  board: null,
  at: NaN,
  start: NaN,
  end: NaN,
  place: null, // the place asked about
  selected: null, // {type: "truce", id} | {type: "incident", document, claim}
  shapes: { countries: new Map(), governorates: new Map() },
};

const map = L.map("map", { zoomSnap: 0.25, attributionControl: false, minZoom: 4, maxZoom: 12 });
map.setView([35, 38.5], 6);
const baseLayer = L.layerGroup().addTo(map);
const areaLayer = L.layerGroup().addTo(map);
const incidentLayer = L.layerGroup().addTo(map);
const askLayer = L.layerGroup().addTo(map);

async function loadShapes() {
  const topo = await api("/assets/map.json");
  const countries = feature(topo, topo.objects.countries);
  const govs = feature(topo, topo.objects.governorates);
  for (const f of countries.features) S.shapes.countries.set(f.id, f);
  for (const f of govs.features) S.shapes.governorates.set(f.id, f);
  L.geoJSON(countries, {
    interactive: false,
    style: (f) => ({ color: "#8a8f94", weight: 1, fillColor: f.id === "SY" ? "#fbfaf7" : "#ecebe6", fillOpacity: 1 }),
  }).addTo(baseLayer);
  L.geoJSON(govs, { interactive: false, style: { color: "#b5b9bd", weight: 0.8, fill: false } }).addTo(baseLayer);
  const labels = L.layerGroup().addTo(baseLayer);
  for (const f of govs.features) {
    const b = L.geoJSON(f).getBounds();
    const size = (b.getNorth() - b.getSouth()) * (b.getEast() - b.getWest());
    label(b.getCenter(), f.properties.name, "gov-label", size).addTo(labels);
  }
  fitSyria();
}

function fitSyria() {
  const sy = S.shapes.countries.get("SY");
  if (sy) map.fitBounds(L.geoJSON(sy).getBounds(), { padding: [6, 6] });
}

/** A permanent map label; `priority` decides which of two colliding labels stays. */
function label(latlng, text, cls, priority, direction = "center", offset = [0, 0]) {
  const t = L.tooltip({ permanent: true, direction, offset, className: `map-label ${cls}`, opacity: 1, interactive: false })
    .setLatLng(latlng).setContent(document.createTextNode(text));
  t.on("add", () => { const e = t.getElement(); if (e) e.dataset.priority = String(priority); scheduleDeclutter(); });
  return t;
}

/** Hides every label that would overlap one of higher priority (or the open legend). */
function declutter() {
  const box = document.getElementById("map").getBoundingClientRect();
  const legend = document.getElementById("legend").getBoundingClientRect();
  const items = [...document.querySelectorAll("#map .map-label")].map((e) => ({ e, r: e.getBoundingClientRect(), p: Number(e.dataset.priority ?? 0) }));
  items.sort((a, b) => b.p - a.p);
  const placed = [legend];
  const overlaps = (a, b) => a.left < b.right + 2 && b.left < a.right + 2 && a.top < b.bottom + 1 && b.top < a.bottom + 1;
  for (const { e, r } of items) {
    const inside = r.width > 0 && r.left >= box.left && r.right <= box.right && r.top >= box.top && r.bottom <= box.bottom;
    const clash = !inside || placed.some((q) => overlaps(q, r));
    e.classList.toggle("clash", clash);
    if (!clash) placed.push(r);
  }
}
const scheduleDeclutter = debounce(declutter, 30);
map.on("zoomend moveend resize viewreset", scheduleDeclutter);
// Any change of the map's size (the claims panel, a phone turned): Leaflet is told, and labels are checked again.
new ResizeObserver(() => { map.invalidateSize({ animate: false }); scheduleDeclutter(); }).observe(document.getElementById("map"));

function shapeOf(place, opts) {
  const f = place.shape === "governorate" ? S.shapes.governorates.get(place.id)
    : place.shape === "country" ? S.shapes.countries.get(place.id) : null;
  if (f) return L.geoJSON(f, { style: opts });
  return L.circleMarker([place.lat, place.lon], { ...opts, radius: RADIUS_PX[place.kind] ?? 8 });
}

// ------------------------------------------------------------ legend and glossary

const legend = document.getElementById("legend");
legend.open = !isPhone();
legend.addEventListener("toggle", scheduleDeclutter);
for (const li of legend.querySelectorAll("li[data-state]")) li.title = STATE_GLOSS[li.dataset.state] ?? "";
{
  const dl = document.getElementById("glossary-list");
  for (const [k, v] of Object.entries(STATE_GLOSS)) dl.append(el("dt", {}, k === "excluded" ? "left out" : STATE_LABEL[k] ?? k), el("dd", {}, v.replace(/^[^:]+: /, "")));
  for (const [k, v] of Object.entries(MODALITY_GLOSS)) dl.append(el("dt", {}, MODALITY_LABEL[k]), el("dd", {}, v.replace(/^[^:]+: /, "")));
  dl.append(el("dt", {}, "until"), el("dd", {}, "The truce stops at that time (the end is not included). Open-ended: no report states an end."));
  dl.append(el("dt", {}, "reports for / against"), el("dd", {}, "How many reports carry claims that the truce holds here, and how many that it collapsed, ended or was violated."));
  dl.append(el("dt", {}, "times"), el("dd", {}, "Local wall-clock times of the reports (Damascus time for Syria). A report counts from its publication: nothing published later is used."));
}

// ------------------------------------------------------------ time

const slider = document.getElementById("slider");
const whenInput = document.getElementById("when");
const whenText = document.getElementById("when-text");

function setupTime() {
  const o = S.overview;
  const times = [ms(o.first), ms(o.last)];
  for (const t of o.truces) for (const a of t.areas) times.push(ms(a.start), ms(a.end));
  const ok = times.filter(Number.isFinite);
  const lo = ok.length ? Math.min(...ok) : Date.now() - 30 * DAY;
  const hi = ok.length ? Math.max(...ok) : Date.now();
  S.start = Math.floor(lo / DAY) * DAY - 2 * DAY;
  S.end = Math.ceil(hi / DAY) * DAY + 2 * DAY;
  slider.min = "0";
  slider.max = String(Math.round((S.end - S.start) / HOUR));
  slider.step = "1";
  whenInput.min = iso(S.start);
  whenInput.max = iso(S.end);
  const q = new URLSearchParams(location.search);
  const asked = q.get("at");
  const initial = Number.isFinite(ms(asked)) ? ms(asked) : Number.isFinite(ms(o.last)) ? ms(o.last) + 20 * HOUR : S.end;
  const place = q.get("place");
  if (place) {
    document.getElementById("place").value = place;
    S.place = place;
  }
  setTime(initial, { fromSlider: false });
}

const refresh = debounce(() => { loadBoard(); if (S.place) askPlace(S.place, { focus: false }); }, 120);

function setTime(t, { fromSlider }) {
  t = Math.min(Math.max(t, S.start), S.end);
  S.at = t;
  if (!fromSlider) slider.value = String(Math.round((t - S.start) / HOUR));
  whenInput.value = iso(t);
  whenText.textContent = human(t);
  slider.setAttribute("aria-valuetext", human(t));
  const u = new URL(location.href);
  u.searchParams.set("at", iso(t));
  history.replaceState(null, "", u);
  drawCursor();
  drawDisputes();
  refresh();
}

slider.addEventListener("input", () => setTime(S.start + Number(slider.value) * HOUR, { fromSlider: true }));
whenInput.addEventListener("change", () => { if (Number.isFinite(ms(whenInput.value))) setTime(ms(whenInput.value), { fromSlider: false }); });
document.getElementById("timeform").addEventListener("submit", (e) => e.preventDefault());

// ------------------------------------------------------------ board at a time

const truceById = (id) => S.overview.truces.find((t) => t.id === id);

/** An area's name, with its kind when another area of the truce has the same name. */
function areaName(t, area) {
  if (!area) return null;
  const twin = t.areas.some((x) => x !== area && x.place.name === area.place.name);
  return twin ? `${area.place.name} (${KIND_LABEL[area.place.kind] ?? words(area.place.kind)})` : area.place.name;
}

let boardSeq = 0;
async function loadBoard() {
  const seq = ++boardSeq;
  try {
    const b = await api(`/api/board?at=${encodeURIComponent(iso(S.at))}`);
    if (seq !== boardSeq) return;
    S.board = b;
    drawAreas();
    drawExpiring();
    drawTry();
    await Promise.all([drawTruceList(seq), drawIncidents()]);
    if (seq !== boardSeq) return;
    document.body.dataset.boardAt = b.at;
  } catch (e) {
    showError(document.getElementById("truces"), e);
  }
}

function drawAreas() {
  areaLayer.clearLayers();
  const states = new Map(S.board.areas.map((a) => [`${a.truce}|${a.place}`, a]));
  const order = { country: 0, governorate: 1, point: 2 };
  const items = [];
  for (const t of S.overview.truces) {
    for (const a of t.areas) {
      const st = states.get(`${t.id}|${a.place.id}`);
      if (st) items.push({ t, a, st });
    }
  }
  // Larger areas first so smaller ones stay clickable on top.
  items.sort((x, y) => order[x.a.place.shape] - order[y.a.place.shape]);
  const labelled = new Set();
  for (const { t, a, st } of items) {
    const selected = S.selected?.type === "truce" && S.selected.id === t.id;
    const colour = STATE_COLOUR[st.state] ?? "#777";
    const layer = shapeOf(a.place, {
      color: selected ? "#000" : colour, fillColor: colour,
      fillOpacity: a.place.shape === "country" ? 0.07 : a.place.shape === "governorate" ? 0.35 : 0.6,
      weight: a.place.shape === "country" ? (selected ? 3 : 2) : selected ? 3 : 1.5,
      dashArray: st.state === "proposed" || a.place.shape === "country" ? "6 4" : null,
    });
    layer.bindTooltip(el("span", {}, `${a.place.name}: ${STATE_LABEL[st.state] ?? words(st.state)}, ${truceName(t)} (${untilWords(st.state, st.start, st.end)})`));
    layer.on("click", () => selectTruce(t.id));
    layer.addTo(areaLayer);
    if (a.place.shape === "point" && !labelled.has(a.place.id)) {
      labelled.add(a.place.id);
      const r = RADIUS_PX[a.place.kind] ?? 8;
      label([a.place.lat, a.place.lon], a.place.name, "area-label", 1000 + (a.place.kind === "city" ? 10 : 0), "right", [r, 0]).addTo(areaLayer);
    }
    // A whole country "excluded" would hide the map: listed in the panel only.
    for (const x of t.excluded.filter((e) => e.place.shape !== "country")) {
      const ex = shapeOf(x.place, { color: "#5b2a86", weight: 1.5, className: "truce-excluded", fillOpacity: 1 });
      ex.bindTooltip(el("span", {}, `${x.place.name}: left out of ${truceName(t)}${x.contested ? "; a party rejects leaving it out" : ""}`));
      ex.on("click", () => selectTruce(t.id));
      ex.addTo(areaLayer);
    }
  }
  scheduleDeclutter();
}

/** The status of a place at the board's time (one request per place and time). */
const statusCache = new Map();
function statusOf(place) {
  const key = `${place}|${iso(S.at)}`;
  if (!statusCache.has(key)) {
    statusCache.set(key, api(`/api/status?place=${encodeURIComponent(place)}&at=${encodeURIComponent(iso(S.at))}`).catch((e) => { statusCache.delete(key); throw e; }));
    if (statusCache.size > 200) statusCache.delete(statusCache.keys().next().value);
  }
  return statusCache.get(key);
}

function sourceWords(entry, where) {
  const hasDocs = Number.isFinite(entry.sources_for);
  const pro = hasDocs ? entry.sources_for : entry.claims_for_total ?? 0;
  const con = hasDocs ? entry.sources_against : entry.claims_against_total ?? 0;
  const unit = hasDocs ? ["report", "reports"] : ["claim", "claims"];
  return el("span", { class: "sources", title: `${plural(pro, ...unit)} say it holds or was agreed${where ? ` in ${where}` : " here"}; ${plural(con, ...unit)} that it collapsed, ended or was violated.` },
    el("span", { class: "for" }, `${plural(pro, ...unit)} for`), ", ", el("span", { class: "against" }, `${con} against`));
}

async function drawTruceList(seq) {
  const ul = document.getElementById("truces");
  const byTruce = new Map();
  for (const a of S.board.areas) {
    if (!byTruce.has(a.truce)) byTruce.set(a.truce, []);
    byTruce.get(a.truce).push(a);
  }
  // The sources of each truce, counted at its main area (the one with the most telling state).
  const rows = [];
  for (const [id, areas] of byTruce) {
    const t = truceById(id);
    if (!t) continue;
    areas.sort((x, y) => STATE_RANK.indexOf(x.state) - STATE_RANK.indexOf(y.state));
    const main = areas[0];
    rows.push({ id, t, areas, main, status: statusOf(main.place).catch(() => null) });
  }
  rows.sort((x, y) => STATE_RANK.indexOf(x.main.state) - STATE_RANK.indexOf(y.main.state));
  const statuses = await Promise.all(rows.map((r) => r.status));
  if (seq !== boardSeq) return;
  ul.replaceChildren();
  if (!rows.length) ul.append(el("li", { class: "empty" }, "No truce known at this time."));
  rows.forEach(({ id, t, areas, main }, i) => {
    const entry = statuses[i]?.truces?.find((e) => e.truce === id);
    const names = areas.map((a) => {
      const area = t.areas.find((x) => x.place.id === a.place);
      return `${areaName(t, area) ?? a.place}: ${STATE_LABEL[a.state] ?? words(a.state)}`;
    });
    const dec = declarerWords(entry?.declarer ?? t.declarer);
    const endOf = main.state === "in_force" || main.state === "disputed"
      ? areas.filter((a) => a.state === main.state).map((a) => a.end).reduce((m, e) => (!e || !m ? null : ms(e) > ms(m) ? e : m), main.end)
      : main.end;
    ul.append(el("li", {}, el("button", {
      type: "button", "data-truce": id, "aria-pressed": String(S.selected?.type === "truce" && S.selected.id === id),
      onclick: () => selectTruce(id),
    },
    stateBadge(main.state), " ", el("span", { class: "name" }, entry ? truceName(entry) : truceName(t)),
    el("span", { class: "meta" },
      el("span", { class: "until" }, untilWords(main.state, main.start, endOf)), " · ",
      el("span", { class: "declarer", title: dec.all }, dec.text),
      entry ? [" · ", sourceWords(entry, statuses[i]?.place?.name)] : "",
      el("span", { class: "areas" }, ` · ${names.join("; ")}`)))));
  });
}

/** Until a place is asked: a few places to try, the truce areas at this time. */
function drawTry() {
  const box = document.getElementById("try");
  if (!box) return;
  const names = [];
  const byId = new Map();
  for (const t of S.overview.truces) for (const a of t.areas) byId.set(a.place.id, a.place);
  const ranked = [...S.board.areas].sort((x, y) => STATE_RANK.indexOf(x.state) - STATE_RANK.indexOf(y.state));
  for (const a of ranked) {
    const p = byId.get(a.place);
    if (p && p.shape !== "country" && !names.includes(p.name)) names.push(p.name);
  }
  box.replaceChildren(...(names.length ? ["Try: ", ...names.slice(0, 4).map((n) => el("button", { type: "button", onclick: () => { document.getElementById("place").value = n; askPlace(n); } }, n))] : []));
}

function drawExpiring() {
  const ul = document.getElementById("expiring");
  ul.replaceChildren();
  if (!S.board.expiring.length) ul.append(el("li", { class: "empty" }, "Nothing ends in the next 24 hours."));
  for (const x of S.board.expiring) {
    const t = truceById(x.truce);
    ul.append(el("li", {}, el("button", { type: "button", onclick: () => selectTruce(x.truce) },
      el("span", { class: "badge in_force", title: STATE_GLOSS.in_force }, `until ${endWhen(x.end)}`), ` ${x.area?.name ?? ""} — ${t ? truceName(t) : x.name}`)));
  }
}

/** The incidents of the last 7 days up to the board's time (asked of the server: the overview holds only the latest). */
let incidentSeq = 0;
async function recentIncidents() {
  const seq = ++incidentSeq;
  const from = S.at - INCIDENT_DAYS * DAY;
  let list;
  try {
    list = await api(`/api/incidents?from=${encodeURIComponent(iso(from))}&to=${encodeURIComponent(iso(S.at + 60e3))}&limit=1000`);
  } catch {
    list = S.overview.incidents.filter((i) => { const t = ms(i.said); return t <= S.at && t >= from; });
  }
  return seq === incidentSeq ? list : null;
}

function incidentWords(i) {
  return words(i.subtype ?? i.kind.replace(/^\w+\./, ""));
}

async function drawIncidents() {
  if (!S.overview) return;
  const list = await recentIncidents();
  if (!list) return;
  incidentLayer.clearLayers();
  const ul = document.getElementById("incidents");
  ul.replaceChildren();
  if (!list.length) ul.append(el("li", { class: "empty" }, "No incident with a place in the last 7 days."));
  for (const i of list) {
    const text = `${incidentWords(i)} in ${i.place}, ${when(i.said)}${i.killed ? `, ${i.killed} killed` : ""}`;
    const m = L.circleMarker([i.lat, i.lon], { radius: 6, color: "#fff", weight: 1.5, fillColor: "#d81b60", fillOpacity: 0.95 });
    m.bindTooltip(el("span", {}, text));
    m.on("click", () => selectIncident(i));
    m.addTo(incidentLayer);
    ul.append(el("li", {}, el("button", { type: "button", onclick: () => selectIncident(i) },
      el("span", { class: "badge collapsed", title: STATE_GLOSS.incident }, incidentWords(i)), ` ${i.place}, ${when(i.said)}${i.killed ? `, ${i.killed} killed` : ""}`)));
  }
}

// ------------------------------------------------------------ the place question

const answer = document.getElementById("answer");

/** A short claim: what it says, who says it, the words, and the citation. */
function quote(c, heading) {
  const speaker = c.speaker ? `${c.speaker.count ? `${c.speaker.count} ` : ""}${c.speaker.name}` : null;
  const via = (c.chain ?? []).filter((l) => l.role !== "published_by").map((l) => `${roleWords(l.role)} ${l.name}`);
  return el("div", { class: "claim", "data-claim": `${c.document}/${c.claim}` },
    heading ? el("h4", {}, heading) : "",
    el("div", {}, kindBadge(c.kind, c.modality), " ", el("span", { class: "said" }, when(c.said))),
    el("div", { class: "chain" }, speaker ? ["said by ", el("strong", {}, speaker)] : "in the report itself", via.length ? `, ${via.join(", ")}` : ""),
    el("p", { class: "passage" }, el("mark", {}, c.evidence)),
    cite(c));
}

/** One line per truce: name, state, until when, declared by, sources; the quotes behind a click. */
function answerLine(e) {
  const dec = declarerWords(e.declarer);
  const pro = [...(e.claims_for ?? [])].reverse();
  const con = [...(e.claims_against ?? [])].reverse();
  const quotes = el("div", { class: "quotes" },
    el("div", { class: "cols" },
      el("div", { class: "col-for" }, el("h4", {}, "Says it holds"), pro.length ? pro.slice(0, 3).map((c) => quote(c)) : el("p", { class: "source" }, "No report.")),
      el("div", { class: "col-against" }, el("h4", {}, "Says it collapsed, ended or was violated"), con.length ? con.slice(0, 3).map((c) => quote(c)) : el("p", { class: "source" }, "No report."))),
    el("button", { type: "button", class: "more-claims", onclick: () => selectTruce(e.truce) }, "Every claim about this truce"));
  const areas = (e.areas ?? []).map((a) => a.name);
  return el("li", { class: "line", "data-line": e.truce },
    el("details", {},
      el("summary", {}, stateBadge(e.state), " ", el("span", { class: "name" }, truceName(e)),
        el("span", { class: "meta" },
          el("span", { class: "until" }, untilWords(e.state, e.window?.start, e.window?.end)), " · ",
          el("span", { class: "declarer", title: dec.all }, dec.text), " · ", sourceWords(e),
          areas.length ? el("span", { class: "areas" }, ` · as part of ${areas.join(", ")}`) : "")),
      quotes));
}

function verdict(s) {
  const states = s.truces.map((t) => t.state);
  if (states.includes("in_force")) return "under a truce";
  if (states.includes("disputed")) return "under a disputed truce";
  if (states.includes("proposed")) return "a truce is proposed, none in force";
  if (states.length) return "no truce in force";
  return "no truce known";
}

/** The place asked, ringed and named on the map when its position is known. */
async function markAsked(place, seq) {
  askLayer.clearLayers();
  let at = null;
  for (const t of S.overview.truces) for (const a of t.areas) if (a.place.id === place.id && a.place.shape === "point") at = [a.place.lat, a.place.lon];
  if (!at) {
    const i = S.overview.incidents.find((x) => x.place === place.name)
      ?? (await api(`/api/incidents?place=${encodeURIComponent(place.id)}&limit=200`).catch(() => [])).find((x) => x.place === place.name);
    if (i) at = [i.lat, i.lon];
  }
  if (!at || seq !== askSeq) return;
  L.circleMarker(at, { radius: 9, color: "#0b57d0", weight: 3, fill: false, interactive: false }).addTo(askLayer);
  label(at, place.name, "area-label asked-label", 2000, "top", [0, -8]).addTo(askLayer);
}

let askSeq = 0;
async function askPlace(name, { focus = true } = {}) {
  const seq = ++askSeq;
  S.place = name;
  const u = new URL(location.href);
  u.searchParams.set("place", name);
  history.replaceState(null, "", u);
  answer.setAttribute("aria-busy", "true");
  try {
    const s = await statusOf(name);
    if (seq !== askSeq) return;
    const counts = {};
    for (const t of s.truces) counts[t.state] = (counts[t.state] ?? 0) + 1;
    const tally = STATE_RANK.filter((k) => counts[k]).map((k) => `${counts[k]} ${STATE_LABEL[k]}`).join(", ");
    const out = [el("p", { class: "answer-head" },
      el("strong", {}, s.place.name), ` (${KIND_LABEL[s.place.kind] ?? words(s.place.kind)}), ${human(ms(s.at))}: `,
      el("span", { class: "verdict" }, verdict(s)), tally ? ` — ${tally}.` : ".")];
    const sorted = [...s.truces].sort((x, y) => STATE_RANK.indexOf(x.state) - STATE_RANK.indexOf(y.state));
    if (sorted.length) out.push(el("ul", { class: "lines" }, sorted.map(answerLine)));
    for (const x of s.excluded ?? []) {
      out.push(el("p", { class: "source" }, `Left out of ${truceName(x)}: held that day by ${words(x.held_by)}.`));
    }
    answer.replaceChildren(...out);
    answer.dataset.answered = s.place.name;
    markAsked(s.place, seq);
  } catch (err) {
    if (seq !== askSeq) return;
    const sug = err.body?.suggestions ?? [];
    answer.replaceChildren(el("p", { class: "error", role: "alert" }, err.status === 404 ? `No place called “${name}” is known.` : err.message),
      sug.length ? el("p", { class: "suggest" }, "Did you mean: ", sug.map((n) => el("button", { type: "button", onclick: () => { document.getElementById("place").value = n; askPlace(n); } }, n))) : "");
    answer.dataset.answered = "";
  } finally {
    answer.removeAttribute("aria-busy");
  }
  if (focus) document.getElementById("ask").focus({ preventScroll: true });
}

document.getElementById("placeform").addEventListener("submit", (e) => {
  e.preventDefault();
  const name = document.getElementById("place").value.trim();
  if (name) askPlace(name);
});

// ------------------------------------------------------------ claims panel

const panel = document.getElementById("panel");
const panelTitle = document.getElementById("panel-title");
const claimsBox = document.getElementById("claims");
const layout = document.querySelector(".layout");

/** Changes the layout and keeps the same part of the map in view. */
function relayout(change) {
  const seen = map.getBounds();
  change();
  setTimeout(() => { map.invalidateSize({ animate: false }); map.fitBounds(seen, { animate: false }); scheduleDeclutter(); setTimeout(declutter, 300); }, 0);
}
function openPanel() {
  if (!panel.hidden) return;
  relayout(() => { panel.hidden = false; layout.classList.add("with-panel"); });
}
document.getElementById("panel-close").addEventListener("click", () => {
  relayout(() => { panel.hidden = true; layout.classList.remove("with-panel"); });
  S.selected = null;
  markSelection();
  drawAreas();
});

function showError(box, e) {
  box.replaceChildren(el("p", { class: "error", role: "alert" }, e.message ?? String(e)));
}

function chainView(claim, source) {
  const a = claim.attribution ?? {};
  const items = [];
  if (a.speaker) {
    const sp = a.speaker;
    items.push(el("li", {}, "said by ", el("strong", {}, `${sp.count ? `${sp.count} ` : ""}${sp.name}`), sp.unnamed ? " (not named)" : ""));
  } else {
    items.push(el("li", {}, "in the report itself"));
  }
  for (const l of a.chain ?? []) {
    if (l.role === "published_by") continue;
    items.push(el("li", {}, `${roleWords(l.role)} `, el("strong", {}, l.name)));
  }
  items.push(el("li", {}, "in ", cite(source)));
  return el("div", { class: "chain" }, el("ol", { "aria-label": "Who said it, through whom" }, items));
}

function passageView(c) {
  const p = c.passage;
  if (!p) return el("p", { class: "passage" }, el("mark", {}, c.claim.evidence?.text ?? ""));
  return el("p", { class: "passage" }, p.before.length >= 240 ? "…" : "", p.before, el("mark", {}, p.evidence), p.after, p.after.length >= 240 ? "…" : "");
}

function claimCard(c) {
  const cl = c.claim;
  const places = (cl.places ?? []).map((p) => `${PLACE_ROLE[p.role] ?? words(p.role)} ${p.name}`).join("; ");
  const actors = (cl.actors ?? []).map((a) => `${ACTOR_ROLE[a.role] ?? words(a.role)} ${a.name}`).join("; ");
  const full = el("div", { class: "full" });
  return el("article", { class: "claim", "data-claim": `${c.source.id}/${cl.id}` },
    el("header", {}, kindBadge(cl.kind, cl.modality), " ", modalityBadge(cl.modality), " ", el("span", { class: "said" }, c.said ? when(c.said) : "")),
    chainView(cl, c.source),
    actors && el("div", { class: "source" }, actors),
    places && el("div", { class: "source" }, places),
    passageView(c),
    el("button", { type: "button", onclick: (e) => showFull(c, full, e.currentTarget) }, "Show the whole report"),
    full);
}

async function showFull(c, box, button) {
  try {
    const d = await api(`/api/documents/${encodeURIComponent(c.source.id)}`);
    const mine = d.claims.find((x) => x.claim.id === c.claim.id);
    const text = d.text;
    const pre = el("div", { class: "fulltext", tabindex: "0", "aria-label": `Text of ${c.source.title ?? "the report"}` });
    const span = mine?.evidence_utf16;
    if (span) pre.append(text.slice(0, span[0]), el("mark", {}, text.slice(span[0], span[1])), text.slice(span[1]));
    else pre.append(text);
    box.replaceChildren(pre);
    button.remove();
  } catch (e) {
    showError(box, e);
  }
}

function markSelection() {
  for (const b of document.querySelectorAll("[data-truce]")) {
    const on = S.selected?.type === "truce" && b.dataset.truce === S.selected.id;
    if (b.tagName === "BUTTON") b.setAttribute("aria-pressed", String(on));
    if (b.classList.contains("tl-row")) b.classList.toggle("sel", on);
  }
}

function windowWords(a) {
  if (a.proposed) return "proposed only";
  const s = Number.isFinite(ms(a.start)) ? `from ${when(a.start)}` : "start not stated";
  const e = Number.isFinite(ms(a.end)) ? `until ${endWhen(a.end)}` : "open-ended";
  return `${s}, ${e}`;
}

async function selectTruce(id) {
  S.selected = { type: "truce", id };
  const t = truceById(id);
  openPanel();
  panelTitle.textContent = t ? truceName(t) : "Truce";
  claimsBox.replaceChildren(el("p", {}, "Loading…"));
  markSelection();
  drawAreas();
  if (isPhone()) panel.scrollIntoView({ block: "start" });
  try {
    const claims = await api(`/api/truces/${encodeURIComponent(id)}/claims`);
    if (S.selected?.id !== id) return;
    const intro = [];
    if (t) {
      const dec = declarerWords(t.declarer);
      intro.push(el("p", {}, `${LEVEL_LABEL[t.level] ?? words(t.level)} truce, `, el("span", { title: dec.all }, dec.text), "."));
      intro.push(el("ul", { class: "list" }, t.areas.map((a) => el("li", {}, el("strong", {}, areaName(t, a)), `: ${windowWords(a)}`))));
      if (t.excluded.length) intro.push(el("p", {}, `Left out: ${t.excluded.map((x) => x.place.name + (x.contested ? " (a party rejects this)" : "")).join(", ")}`));
      if (t.unresolved_exclusions.length) intro.push(el("p", {}, `Also left out: ${t.unresolved_exclusions.join(", ")}`));
    }
    claimsBox.replaceChildren(...intro, el("p", { class: "source" }, `${plural(claims.length, "claim", "claims")}, oldest first`), ...claims.map(claimCard));
    panel.dataset.loaded = id;
  } catch (e) {
    showError(claimsBox, e);
  }
}

async function selectIncident(i) {
  S.selected = { type: "incident", document: i.document, claim: i.claim };
  openPanel();
  markSelection();
  panelTitle.textContent = `${incidentWords(i).replace(/^./, (c) => c.toUpperCase())} in ${i.place}`;
  claimsBox.replaceChildren(el("p", {}, "Loading…"));
  if (isPhone()) panel.scrollIntoView({ block: "start" });
  try {
    const c = await api(`/api/claims/${encodeURIComponent(i.document)}/${encodeURIComponent(i.claim)}`);
    const v = S.overview.violations.filter((x) => x.document === i.document && x.claim === i.claim);
    claimsBox.replaceChildren(
      ...v.map((x) => el("p", {}, `Counted as a violation of ${truceById(x.truce) ? truceName(truceById(x.truce)) : "a truce"}${x.accused.length ? `; accused: ${x.accused.join(", ")}` : ""}; accuser: ${x.accuser}.`)),
      claimCard(c));
    panel.dataset.loaded = `${i.document}/${i.claim}`;
  } catch (e) {
    showError(claimsBox, e);
  }
}

// ------------------------------------------------------------ timeline

let cursorLines = [];
const xOf = (t) => ((t - S.start) / (S.end - S.start)) * 1000;
const inRange = (t) => Number.isFinite(t) && t >= S.start && t <= S.end;

function track(marks) {
  const s = svgEl("svg", { viewBox: "0 0 1000 20", preserveAspectRatio: "none", role: "img" });
  for (const c of marks) s.append(c);
  const cur = svgEl("line", { class: "cursor", x1: 0, x2: 0, y1: 0, y2: 20, stroke: "#0b57d0", "stroke-width": 2, "vector-effect": "non-scaling-stroke" });
  s.append(cur);
  cursorLines.push(cur);
  return el("div", { class: "track" }, s);
}

let gradientSeq = 0;
/** A window bar; an open end fades out to the right edge. */
function bar(a, colour, label) {
  const s = ms(a.start);
  const e = ms(a.end);
  if (!Number.isFinite(s)) return null;
  const x1 = Math.max(0, xOf(s));
  const open = !Number.isFinite(e);
  const x2 = open ? 1000 : Math.min(1000, xOf(e));
  if (x2 < 0 || x1 > 1000) return null;
  const g = svgEl("g", { class: "mark bar" });
  let fill = colour;
  if (open) {
    const id = `fade${++gradientSeq}`;
    const grad = svgEl("linearGradient", { id, x1: 0, x2: 1, y1: 0, y2: 0 });
    grad.append(svgEl("stop", { offset: "0", "stop-color": colour, "stop-opacity": 0.9 }), svgEl("stop", { offset: "1", "stop-color": colour, "stop-opacity": 0.1 }));
    g.append(grad);
    fill = `url(#${id})`;
  }
  g.append(svgTitle(svgEl("rect", { x: x1, y: 6, width: Math.max(3, x2 - x1), height: 8, fill, rx: 2, "fill-opacity": 0.75 }), label));
  return g;
}

function eventMark(e) {
  const t = ms(e.said);
  if (!inRange(t)) return null;
  const k = e.kind;
  const colour = /collapsed|ended|violated|rejected/.test(k) ? "#c62828" : /declared|accepted/.test(k) ? "#2e8b57" : /extended|expanded/.test(k) ? "#0b57d0" : "#6b6f73";
  const x = xOf(t);
  return svgTitle(svgEl("rect", { class: "mark", x: x - 1.5, y: 2, width: 3, height: 16, fill: colour }), `${when(e.said)}: ${claimWords(k, e.modality)}`);
}

/** Month ticks, every `step` months; the first and each January name the year. */
function fillTicks(ticks, step) {
  const d = new Date(S.start);
  d.setUTCDate(1);
  d.setUTCHours(0, 0, 0, 0);
  const months = [];
  for (const m = new Date(d); m.getTime() <= S.end; m.setUTCMonth(m.getUTCMonth() + 1)) if (m.getTime() >= S.start) months.push(new Date(m));
  ticks.replaceChildren(...months.filter((m) => m.getUTCMonth() % step === 0).map((m, i) => {
    const name = m.toLocaleDateString("en-GB", { timeZone: "UTC", month: "short" });
    const text = i === 0 || m.getUTCMonth() === 0 ? `${name} ${m.getUTCFullYear()}` : name;
    return el("span", { class: "tick", style: `left:${(xOf(m.getTime()) / 10).toFixed(3)}%`, title: m.toLocaleDateString("en-GB", { timeZone: "UTC", month: "long", year: "numeric" }) }, text);
  }));
}

/** The densest ticks whose labels do not overlap at the timeline's width. */
function fitTicks() {
  const ticks = document.querySelector("#timeline .ticks");
  if (!ticks || !ticks.offsetWidth) return;
  for (const step of [1, 2, 3, 6, 12]) {
    fillTicks(ticks, step);
    const spans = [...ticks.children];
    const clear = spans.every((t, i) => i === 0 || spans[i - 1].offsetLeft + spans[i - 1].offsetWidth + 4 <= t.offsetLeft);
    const last = spans[spans.length - 1];
    if (last && last.offsetLeft + last.offsetWidth > ticks.offsetWidth) last.remove();
    if (clear) return;
  }
}
window.addEventListener("resize", debounce(fitTicks, 100));

function drawTimeline() {
  const box = document.getElementById("timeline");
  cursorLines = [];
  gradientSeq = 0;
  const grid = el("div", { class: "tl" });
  grid.append(el("div", { class: "tl-axis" }, el("div", { class: "label" }), el("div", { class: "ticks" })));
  const violationsBy = new Map();
  for (const v of S.overview.violations) {
    if (!violationsBy.has(v.truce)) violationsBy.set(v.truce, []);
    violationsBy.get(v.truce).push(v);
  }
  for (const t of S.overview.truces) {
    const name = truceName(t);
    const marks = [];
    const areaRows = [];
    for (const a of t.areas) {
      const where = areaName(t, a);
      const span = `${where}: ${windowWords(a)}`;
      const b = bar(a, "#2e8b57", span);
      const own = [];
      if (b) { marks.push(b); own.push(bar(a, "#2e8b57", span)); }
      else if (a.proposed) {
        const first = Math.min(...t.events.map((ev) => ms(ev.said)).filter(inRange));
        if (Number.isFinite(first)) own.push(svgTitle(svgEl("rect", { class: "mark", x: xOf(first), y: 6, width: 24, height: 8, fill: "none", stroke: "#3d7edb", "stroke-dasharray": "3 2", "vector-effect": "non-scaling-stroke" }), `${where}: proposed only`));
      }
      if (own.length) areaRows.push({ where: `${where}${a.proposed ? " (proposed only)" : ""}`, own });
    }
    for (const e of t.events) { const m = eventMark(e); if (m) marks.push(m); }
    for (const v of violationsBy.get(t.id) ?? []) {
      const x = ms(v.said);
      if (!inRange(x)) continue;
      marks.push(svgTitle(svgEl("circle", { class: "mark", cx: xOf(x), cy: 10, r: 4, fill: "#d81b60" }), `${when(v.said)}: violation${v.place ? ` in ${v.place}` : ""}`));
    }
    if (!marks.length) continue; // nothing dated in the range: no empty row
    const rowIds = areaRows.map((_, k) => `tl-${t.id}-${k}`);
    const fold = areaRows.length
      ? el("button", { type: "button", class: "fold", "aria-expanded": "false", "aria-controls": rowIds.join(" "), title: `Show its ${plural(areaRows.length, "area", "areas")}`, "aria-label": `Areas of ${name}`,
        onclick: (ev) => {
          const open = ev.currentTarget.getAttribute("aria-expanded") !== "true";
          ev.currentTarget.setAttribute("aria-expanded", String(open));
          ev.currentTarget.textContent = open ? "▾" : "▸";
          for (const r of grid.querySelectorAll(`.tl-row.area[data-parent="${CSS.escape(t.id)}"]`)) r.hidden = !open;
        } }, "▸")
      : el("span", { class: "nofold" });
    grid.append(el("div", { class: "tl-row truce", "data-truce": t.id },
      el("div", { class: "label" }, fold, el("button", { type: "button", class: "pick", "data-truce": t.id, "aria-pressed": "false", onclick: () => selectTruce(t.id), title: name }, name)),
      track(marks)));
    for (const [k, r] of areaRows.entries()) {
      grid.append(el("div", { class: "tl-row area", "data-parent": t.id, id: rowIds[k], hidden: true },
        el("div", { class: "label", title: r.where }, r.where), track(r.own)));
    }
  }
  const dots = [];
  for (const i of S.overview.incidents) {
    const t = ms(i.said);
    if (!inRange(t)) continue;
    dots.push(svgTitle(svgEl("circle", { class: "mark", cx: xOf(t), cy: 10, r: 3, fill: "#d81b60", "fill-opacity": 0.6 }), `${when(i.said)}: ${incidentWords(i)} in ${i.place}`));
  }
  const all = S.overview.counts?.incidents;
  const count = S.overview.truncated && all > S.overview.incidents.length ? `Incidents (the latest ${dots.length} of ${all})` : `Incidents (${dots.length})`;
  if (dots.length) grid.append(el("div", { class: "tl-row incidents" }, el("div", { class: "label" }, el("span", { class: "nofold" }), el("strong", {}, count)), track(dots)));
  box.replaceChildren(grid);
  fitTicks();
  drawCursor();
}

function drawCursor() {
  const x = xOf(S.at);
  for (const l of cursorLines) { l.setAttribute("x1", x); l.setAttribute("x2", x); }
}

// ------------------------------------------------------------ disputes

const DISPUTE_WORDS = {
  in_force_vs_collapsed: ["Holding or collapsed?", "Says it holds", "Says it collapsed or ended"],
  respected_vs_violated: ["Respected or violated?", "Says it is respected", "Says it was violated"],
};

function drawDisputes() {
  const box = document.getElementById("disputes");
  if (!S.overview) return;
  const since = S.at - DISPUTE_DAYS * DAY;
  const shown = [];
  for (const d of S.overview.disputes) {
    const known = (cs) => cs.filter((c) => ms(c.said) <= S.at && ms(String(c.published).slice(0, 10)) <= S.at).sort((a, b) => ms(b.said) - ms(a.said));
    const pro = known(d.claims_for);
    const con = known(d.claims_against);
    if (!pro.length || !con.length) continue;
    if (Math.max(ms(pro[0].said), ms(con[0].said)) < since) continue;
    shown.push({ d, pro, con });
  }
  if (!shown.length) {
    box.replaceChildren(el("p", { class: "source" }, "No reports contradict each other in the 30 days up to this time."));
    return;
  }
  box.replaceChildren(...shown.map(({ d, pro, con }) => {
    const [question, forWords, againstWords] = DISPUTE_WORDS[d.kind] ?? [words(d.kind), "For", "Against"];
    const names = d.truces.map((id) => (truceById(id) ? truceName(truceById(id)) : "a truce"));
    const pairs = [];
    for (let i = 0; i < Math.max(pro.length, con.length); i++) pairs.push([pro[i], con[i]]);
    const pairView = ([a, b]) => el("div", { class: "pair" },
      el("div", { class: "for" }, a ? quote(a, forWords) : el("p", { class: "source" }, "—")),
      el("div", { class: "against" }, b ? quote(b, againstWords) : el("p", { class: "source" }, "—")));
    return el("article", { class: "dispute" },
      el("h3", {}, `${question} ${names.join("; ")}`),
      pairView(pairs[0]),
      pairs.length > 1 ? el("details", {}, el("summary", {}, `${plural(pairs.length - 1, "more pair", "more pairs")} (${d.claims_for_total} claims for, ${d.claims_against_total} against in all)`), pairs.slice(1).map(pairView)) : "");
  }));
}

// ------------------------------------------------------------ start

function fillPlaces() {
  const names = new Set();
  for (const t of S.overview.truces) for (const a of t.areas) names.add(a.place.name);
  for (const i of S.overview.incidents) names.add(i.place);
  document.getElementById("places").replaceChildren(...[...names].sort().map((n) => el("option", { value: n })));
}

/** Everything again from the server (after new reports: a live update can call this). */
async function reload() {
  S.overview = await api(OVERVIEW);
  statusCache.clear();
  fillPlaces();
  drawTimeline();
  drawDisputes();
  loadBoard();
  if (S.place) askPlace(S.place, { focus: false });
}

async function start() {
  try {
    await loadShapes();
  } catch (e) {
    console.error("map outlines", e);
  }
  try {
    S.overview = await api(OVERVIEW);
  } catch (e) {
    showError(document.getElementById("truces"), e);
    return;
  }
  fillPlaces();
  setupTime();
  drawTimeline();
  document.body.dataset.ready = "1";
  follow();
}

/**
 * Live updates: the server sends a `change` event ({sequence, documents})
 * on connecting and after every change of its store; a new sequence
 * redraws the board (EventSource reconnects by itself after a drop).
 */
function follow() {
  if (!window.EventSource) return;
  let seen = null;
  const events = new EventSource("/api/events");
  events.addEventListener("change", (ev) => {
    let sequence;
    try {
      sequence = JSON.parse(ev.data).sequence;
    } catch {
      return;
    }
    if (seen !== null && sequence !== seen) reload().catch((e) => console.error("live update", e));
    seen = sequence;
  });
}
start();
// The hook for live updates (server-sent events) to redraw the board without a reload.
window.truceBoard = { reload };
