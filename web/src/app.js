// The truce board: map, time slider, truces, claim panel, timeline, disputes.
// Every text from the API is inserted as a text node (never as HTML).
import L from "leaflet";
import { feature } from "topojson-client";

const HOUR = 3600e3;
const INCIDENT_DAYS = 7;
const DISPUTE_DAYS = 3;
const STATE_LABEL = {
  in_force: "in force", disputed: "disputed", proposed: "proposed",
  expired: "expired", collapsed: "collapsed", ended: "ended",
};
const STATE_COLOUR = {
  in_force: "#2e8b57", disputed: "#e08a00", proposed: "#3d7edb",
  expired: "#9aa0a6", collapsed: "#c62828", ended: "#6d4c41",
};
const RADIUS_PX = { district: 14, subdistrict: 11, region: 13, city: 10, town: 8, village: 7, neighbourhood: 6 };

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
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}
const svgEl = (tag, attrs) => {
  const e = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs ?? {})) e.setAttribute(k, String(v));
  return e;
};

async function api(path) {
  const res = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await res.json().catch(() => ({ error: `HTTP ${res.status}` }));
  if (!res.ok) throw Object.assign(new Error(body.error ?? `HTTP ${res.status}`), { body });
  return body;
}

/** Wall-clock ISO ("2016-05-01T20:00:00") to a number; times are read as UTC to avoid the browser's zone. */
function ms(iso) {
  if (!iso) return NaN;
  const s = iso.length === 10 ? `${iso}T00:00:00` : iso;
  return Date.parse(s.replace(/(\.\d+)?$/, "") + "Z");
}
function iso(t) {
  return new Date(t).toISOString().slice(0, 16);
}
function human(t) {
  const d = new Date(t);
  const day = d.toLocaleDateString("en-GB", { timeZone: "UTC", weekday: "short", day: "numeric", month: "short", year: "numeric" });
  return `${day} ${d.toISOString().slice(11, 16)}`;
}
const shortIso = (s) => (s ? s.replace("T", " ").slice(0, 16) : "?");
const debounce = (f, wait) => {
  let timer;
  return (...a) => { clearTimeout(timer); timer = setTimeout(() => f(...a), wait); };
};

// ------------------------------------------------------------ state

const S = {
  overview: null,
  board: null,
  at: NaN,
  start: NaN,
  end: NaN,
  selected: null, // {type: "truce", id} | {type: "incident", document, claim}
  shapes: { countries: new Map(), governorates: new Map() },
};

const map = L.map("map", { zoomSnap: 0.25, attributionControl: false, preferCanvas: false, minZoom: 4, maxZoom: 12 });
map.setView([35, 38.5], 6);
const baseLayer = L.layerGroup().addTo(map);
const areaLayer = L.layerGroup().addTo(map);
const incidentLayer = L.layerGroup().addTo(map);

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
    const c = L.geoJSON(f).getBounds().getCenter();
    L.tooltip({ permanent: true, direction: "center", className: "gov-label", opacity: 0.55, interactive: false })
      .setLatLng(c).setContent(document.createTextNode(f.properties.name)).addTo(labels);
  }
  const sy = S.shapes.countries.get("SY");
  if (sy) map.fitBounds(L.geoJSON(sy).getBounds(), { padding: [10, 10] });
}

function shapeOf(place, opts) {
  const f = place.shape === "governorate" ? S.shapes.governorates.get(place.id)
    : place.shape === "country" ? S.shapes.countries.get(place.id) : null;
  if (f) return L.geoJSON(f, { style: opts });
  return L.circleMarker([place.lat, place.lon], { ...opts, radius: RADIUS_PX[place.kind] ?? 8 });
}

// ------------------------------------------------------------ time

const slider = document.getElementById("slider");
const when = document.getElementById("when");
const whenText = document.getElementById("when-text");

function setupTime() {
  const o = S.overview;
  const times = [ms(o.first), ms(o.last)];
  for (const t of o.truces) for (const a of t.areas) times.push(ms(a.start), ms(a.end));
  const ok = times.filter(Number.isFinite);
  const lo = ok.length ? Math.min(...ok) : Date.now() - 30 * 24 * HOUR;
  const hi = ok.length ? Math.max(...ok) : Date.now();
  S.start = Math.floor(lo / (24 * HOUR)) * 24 * HOUR - 2 * 24 * HOUR;
  S.end = Math.ceil(hi / (24 * HOUR)) * 24 * HOUR + 2 * 24 * HOUR;
  slider.min = "0";
  slider.max = String(Math.round((S.end - S.start) / HOUR));
  slider.step = "1";
  when.min = iso(S.start);
  when.max = iso(S.end);
  const asked = new URLSearchParams(location.search).get("at");
  const initial = Number.isFinite(ms(asked)) ? ms(asked) : Number.isFinite(ms(o.last)) ? ms(o.last) + 20 * HOUR : S.end;
  setTime(initial, { fromSlider: false });
}

const refresh = debounce(() => loadBoard(), 120);

function setTime(t, { fromSlider }) {
  t = Math.min(Math.max(t, S.start), S.end);
  S.at = t;
  if (!fromSlider) slider.value = String(Math.round((t - S.start) / HOUR));
  when.value = iso(t);
  whenText.textContent = human(t);
  slider.setAttribute("aria-valuetext", human(t));
  const u = new URL(location.href);
  u.searchParams.set("at", iso(t));
  history.replaceState(null, "", u);
  drawCursor();
  drawIncidents();
  drawDisputes();
  refresh();
}

slider.addEventListener("input", () => setTime(S.start + Number(slider.value) * HOUR, { fromSlider: true }));
when.addEventListener("change", () => { if (Number.isFinite(ms(when.value))) setTime(ms(when.value), { fromSlider: false }); });
document.getElementById("timeform").addEventListener("submit", (e) => e.preventDefault());

// ------------------------------------------------------------ board at a time

let boardSeq = 0;
async function loadBoard() {
  const seq = ++boardSeq;
  try {
    const b = await api(`/api/board?at=${encodeURIComponent(iso(S.at))}`);
    if (seq !== boardSeq) return;
    S.board = b;
    document.body.dataset.boardAt = b.at;
    drawAreas();
    drawTruceList();
    drawExpiring();
  } catch (e) {
    showError(document.getElementById("truces"), e);
  }
}

/** An area's name, with its kind when another area of the truce has the same name. */
function areaName(t, area) {
  if (!area) return null;
  const twin = t.areas.some((x) => x !== area && x.place.name === area.place.name);
  return twin ? `${area.place.name} (${area.place.kind})` : area.place.name;
}

function truceById(id) {
  return S.overview.truces.find((t) => t.id === id);
}

function drawAreas() {
  areaLayer.clearLayers();
  const states = new Map(S.board.areas.map((a) => [`${a.truce}|${a.place}`, a]));
  // Larger areas first so smaller ones stay clickable on top.
  const order = { country: 0, governorate: 1, point: 2 };
  const items = [];
  for (const t of S.overview.truces) {
    for (const a of t.areas) {
      const st = states.get(`${t.id}|${a.place.id}`);
      if (st) items.push({ t, a, st });
    }
  }
  items.sort((x, y) => order[x.a.place.shape] - order[y.a.place.shape]);
  for (const { t, a, st } of items) {
    const selected = S.selected?.type === "truce" && S.selected.id === t.id;
    const colour = STATE_COLOUR[st.state] ?? "#777";
    const layer = shapeOf(a.place, {
      color: selected ? "#000" : colour, fillColor: colour,
      fillOpacity: a.place.shape === "country" ? 0.07 : a.place.shape === "governorate" ? 0.35 : 0.6,
      weight: a.place.shape === "country" ? (selected ? 3 : 2) : selected ? 3 : 1.5,
      dashArray: st.state === "proposed" || a.place.shape === "country" ? "6 4" : null,
    });
    layer.bindTooltip(el("span", {}, `${t.name} (${t.id}) — ${a.place.name}: ${STATE_LABEL[st.state] ?? st.state}`));
    layer.on("click", () => selectTruce(t.id));
    layer.addTo(areaLayer);
    // Exclusions are drawn with the truce that makes them, while it is known.
    // A whole country "excluded" (a misreading, or "all but ...") would hide the map: listed in the panel only.
    for (const x of t.excluded.filter((e) => e.place.shape !== "country")) {
      const ex = shapeOf(x.place, { color: "#5b2a86", weight: 1.5, className: "truce-excluded", fillOpacity: 1 });
      ex.bindTooltip(el("span", {}, `${x.place.name}: excluded from ${t.name} (${t.id})${x.contested ? ", exclusion rejected by a party" : ""}`));
      ex.on("click", () => selectTruce(t.id));
      ex.addTo(areaLayer);
    }
  }
}

function stateBadge(state) {
  return el("span", { class: `badge ${state}` }, STATE_LABEL[state] ?? state);
}

function drawTruceList() {
  const ul = document.getElementById("truces");
  ul.replaceChildren();
  const byTruce = new Map();
  for (const a of S.board.areas) {
    if (!byTruce.has(a.truce)) byTruce.set(a.truce, []);
    byTruce.get(a.truce).push(a);
  }
  if (!byTruce.size) ul.append(el("li", { class: "empty" }, "No truce known at this time."));
  for (const [id, areas] of byTruce) {
    const t = truceById(id);
    if (!t) continue;
    const names = areas.map((a) => {
      const area = t.areas.find((x) => x.place.id === a.place);
      return `${areaName(t, area) ?? a.place}: ${STATE_LABEL[a.state] ?? a.state}`;
    });
    const best = ["in_force", "disputed", "proposed", "collapsed", "ended", "expired"].find((s) => areas.some((a) => a.state === s));
    ul.append(el("li", {}, el("button", {
      type: "button", "data-truce": id, "aria-pressed": String(S.selected?.type === "truce" && S.selected.id === id),
      onclick: () => selectTruce(id),
    }, stateBadge(best), el("span", {}, `${t.name} `, el("small", {}, `(${id}) ${names.join("; ")}`)))));
  }
}

function drawExpiring() {
  const ul = document.getElementById("expiring");
  ul.replaceChildren();
  if (!S.board.expiring.length) ul.append(el("li", { class: "empty" }, "Nothing ends in the next 24 hours."));
  for (const x of S.board.expiring) {
    ul.append(el("li", {}, el("button", { type: "button", onclick: () => selectTruce(x.truce) },
      el("span", { class: "badge in_force" }, shortIso(x.end)), `${x.area.name} — ${x.name} (${x.truce})`)));
  }
}

function recentIncidents() {
  const from = S.at - INCIDENT_DAYS * 24 * HOUR;
  return S.overview.incidents.filter((i) => { const t = ms(i.said); return t <= S.at && t >= from; });
}

function drawIncidents() {
  incidentLayer.clearLayers();
  const ul = document.getElementById("incidents");
  ul.replaceChildren();
  const list = recentIncidents();
  if (!list.length) ul.append(el("li", { class: "empty" }, "No incident with a place in the last 7 days."));
  for (const i of list) {
    const label = `${i.subtype ?? i.kind} — ${i.place}, ${shortIso(i.said)}${i.killed ? `, ${i.killed} killed` : ""}`;
    const m = L.circleMarker([i.lat, i.lon], { radius: 6, color: "#fff", weight: 1.5, fillColor: "#d81b60", fillOpacity: 0.95 });
    m.bindTooltip(el("span", {}, label));
    m.on("click", () => selectIncident(i));
    m.addTo(incidentLayer);
    ul.append(el("li", {}, el("button", { type: "button", onclick: () => selectIncident(i) },
      el("span", { class: "badge collapsed" }, i.subtype ?? "incident"), `${i.place}, ${shortIso(i.said)}`)));
  }
}

// ------------------------------------------------------------ claim panel

const panel = document.getElementById("panel");
const panelTitle = document.getElementById("panel-title");
const claimsBox = document.getElementById("claims");

function showError(box, e) {
  box.replaceChildren(el("p", { class: "error", role: "alert" }, e.message ?? String(e)));
}

function chainView(claim, source) {
  const a = claim.attribution ?? {};
  const items = [];
  if (a.speaker) {
    const sp = a.speaker;
    items.push(el("li", {}, el("strong", {}, "said by "), sp.count ? `${sp.count} × ` : "", sp.name, sp.unnamed ? " (unnamed)" : ""));
  } else {
    items.push(el("li", {}, el("strong", {}, "said by "), "the report itself"));
  }
  for (const l of a.chain ?? []) items.push(el("li", {}, el("strong", {}, `${l.role.replaceAll("_", " ")} `), l.name));
  const pub = [source.outlet ?? "unknown outlet", `published ${source.published}`];
  if (source.translated_by) pub.push(`translated by ${source.translated_by}`);
  if (source.edited_by) pub.push(`edited by ${source.edited_by}`);
  const named = (a.chain ?? []).some((l) => l.role === "published_by" && l.name === source.outlet);
  if (named) pub.shift();
  items.push(el("li", {}, el("strong", {}, named ? "" : "in "), pub.join(", ")));
  return el("div", { class: "chain" }, el("ol", { "aria-label": "Attribution chain" }, items));
}

function passageView(c) {
  const p = c.passage;
  if (!p) return el("p", { class: "passage" }, el("mark", {}, c.claim.evidence?.text ?? ""));
  return el("p", { class: "passage" }, p.before.length >= 240 ? "…" : "", p.before, el("mark", {}, p.evidence), p.after, p.after.length >= 240 ? "…" : "");
}

function claimCard(c) {
  const cl = c.claim;
  const places = (cl.places ?? []).map((p) => `${p.role}: ${p.name}`).join("; ");
  const actors = (cl.actors ?? []).map((a) => `${a.role}: ${a.name}`).join("; ");
  const full = el("div", { class: "full" });
  return el("article", { class: "claim", "data-claim": `${c.source.id}/${cl.id}` },
    el("header", {}, el("span", { class: "badge kind" }, cl.kind + (cl.subtype ? ` (${cl.subtype})` : "")),
      el("span", { class: "badge modality" }, cl.modality), el("span", { class: "said" }, c.said ? shortIso(c.said) : "")),
    chainView(cl, c.source),
    actors && el("div", { class: "source" }, actors),
    places && el("div", { class: "source" }, places),
    passageView(c),
    el("div", { class: "source" }, `${c.source.title ?? c.source.id}`, c.rule ? ` · linked by rule: ${c.rule}` : ""),
    el("button", { type: "button", onclick: (e) => showFull(c, full, e.currentTarget) }, "Show the whole report"),
    full);
}

async function showFull(c, box, button) {
  try {
    const d = await api(`/api/documents/${encodeURIComponent(c.source.id)}`);
    const mine = d.claims.find((x) => x.claim.id === c.claim.id);
    const text = d.text;
    const pre = el("div", { class: "fulltext", tabindex: "0", "aria-label": `Text of ${c.source.id}` });
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
    b.closest(".row")?.classList.toggle("sel", on);
  }
}

function hideHint() {
  document.querySelector("#panel .hint")?.remove();
}

async function selectTruce(id) {
  hideHint();
  S.selected = { type: "truce", id };
  const t = truceById(id);
  panelTitle.textContent = t ? `Claims of ${t.name} (${id})` : `Claims of ${id}`;
  claimsBox.replaceChildren(el("p", {}, "Loading…"));
  markSelection();
  drawAreas();
  try {
    const claims = await api(`/api/truces/${encodeURIComponent(id)}/claims`);
    if (S.selected?.id !== id) return;
    const intro = [];
    if (t) {
      intro.push(el("p", {}, `Declared by: ${t.declarer.join(", ") || "not stated"}. Level: ${t.level}.`));
      intro.push(el("ul", { class: "list" }, t.areas.map((a) => el("li", {}, `${areaName(t, a)}: ${a.proposed ? "proposed only" : `${shortIso(a.start)} → ${shortIso(a.end)}`}`))));
      if (t.excluded.length) intro.push(el("p", {}, `Excluded: ${t.excluded.map((x) => x.place.name + (x.contested ? " (exclusion rejected)" : "")).join(", ")}`));
      if (t.unresolved_exclusions.length) intro.push(el("p", {}, `Also excluded: ${t.unresolved_exclusions.join(", ")}`));
    }
    claimsBox.replaceChildren(...intro, el("p", { class: "source" }, `${claims.length} claims`), ...claims.map(claimCard));
    panel.dataset.loaded = id;
  } catch (e) {
    showError(claimsBox, e);
  }
}

async function selectIncident(i) {
  hideHint();
  S.selected = { type: "incident", document: i.document, claim: i.claim };
  markSelection();
  panelTitle.textContent = `Incident: ${i.subtype ?? i.kind} in ${i.place}`;
  claimsBox.replaceChildren(el("p", {}, "Loading…"));
  try {
    const c = await api(`/api/claims/${encodeURIComponent(i.document)}/${encodeURIComponent(i.claim)}`);
    const v = S.overview.violations.filter((x) => x.document === i.document && x.claim === i.claim);
    claimsBox.replaceChildren(
      ...v.map((x) => el("p", {}, `Counted as a violation of ${truceById(x.truce)?.name ?? x.truce} (${x.truce})${x.accused.length ? `; accused: ${x.accused.join(", ")}` : ""}; accuser: ${x.accuser}.`)),
      claimCard(c));
    panel.dataset.loaded = `${i.document}/${i.claim}`;
  } catch (e) {
    showError(claimsBox, e);
  }
}

// ------------------------------------------------------------ timeline

let cursorLines = [];
function xOf(t) {
  return ((t - S.start) / (S.end - S.start)) * 1000;
}

function track(children, attrs = {}) {
  const s = svgEl("svg", { viewBox: "0 0 1000 18", preserveAspectRatio: "none", ...attrs });
  for (const c of children) s.append(c);
  const cur = svgEl("line", { x1: 0, x2: 0, y1: 0, y2: 18, stroke: "#0b57d0", "stroke-width": 2, "vector-effect": "non-scaling-stroke" });
  s.append(cur);
  cursorLines.push(cur);
  return s;
}

function drawTimeline() {
  const box = document.getElementById("timeline");
  cursorLines = [];
  const grid = el("div", { class: "tl" });
  // Axis: months.
  const ticks = [];
  const d = new Date(S.start);
  d.setUTCDate(1);
  d.setUTCHours(0, 0, 0, 0);
  for (let m = new Date(d); m.getTime() <= S.end; m.setUTCMonth(m.getUTCMonth() + 1)) {
    const x = xOf(m.getTime());
    if (x < 0) continue;
    ticks.push(svgEl("line", { x1: x, x2: x, y1: 0, y2: 18, stroke: "#ccc", "vector-effect": "non-scaling-stroke" }));
  }
  grid.append(el("div", { class: "label" }, ""), el("div", { class: "axis" }, track(ticks)));
  const days = (S.end - S.start) / (24 * HOUR);
  grid.append(el("div", { class: "label source" }, `${shortIso(iso(S.start)).slice(0, 10)} → ${shortIso(iso(S.end)).slice(0, 10)} (${Math.round(days)} days)`), el("div"));
  const violationsBy = new Map();
  for (const v of S.overview.violations) {
    if (!violationsBy.has(v.truce)) violationsBy.set(v.truce, []);
    violationsBy.get(v.truce).push(v);
  }
  for (const t of S.overview.truces) {
    const marks = [];
    for (const e of t.events) {
      const x = xOf(ms(e.said));
      if (!Number.isFinite(x)) continue;
      const colour = e.kind.endsWith("collapsed") || e.kind.endsWith("ended") || e.kind.endsWith("violated") ? "#c62828"
        : e.kind.endsWith("declared") || e.kind.endsWith("accepted") ? "#2e8b57"
        : e.kind.endsWith("extended") || e.kind.endsWith("expanded") ? "#0b57d0" : "#555";
      const m = svgEl("rect", { x: x - 2, y: 2, width: 4, height: 14, fill: colour });
      const title = svgEl("title");
      title.textContent = `${shortIso(e.said)} ${e.kind} (${e.modality})`;
      m.append(title);
      marks.push(m);
    }
    for (const v of violationsBy.get(t.id) ?? []) {
      const x = xOf(ms(v.said));
      if (!Number.isFinite(x)) continue;
      const c = svgEl("circle", { cx: x, cy: 9, r: 4, fill: "#d81b60" });
      const title = svgEl("title");
      title.textContent = `${shortIso(v.said)} violation${v.place ? ` in ${v.place}` : ""}`;
      c.append(title);
      marks.push(c);
    }
    const row = el("div", { class: "label row", "data-truce": t.id },
      el("button", { type: "button", "data-truce": t.id, "aria-pressed": "false", onclick: () => selectTruce(t.id), title: `${t.name} (${t.id})` }, `${t.name} (${t.id})`));
    grid.append(row, el("div", { class: "row", "data-truce": t.id }, track(marks)));
    for (const a of t.areas) {
      const s = ms(a.start);
      const e = ms(a.end);
      const bars = [];
      if (Number.isFinite(s)) {
        const x1 = xOf(s);
        const x2 = Number.isFinite(e) ? xOf(e) : xOf(S.end);
        bars.push(svgEl("rect", { x: x1, y: 5, width: Math.max(2, x2 - x1), height: 8, fill: Number.isFinite(e) ? "#2e8b57" : "#8bc3a3", rx: 2 }));
      } else if (a.proposed) {
        const first = Math.min(...t.events.map((ev) => ms(ev.said)).filter(Number.isFinite));
        if (Number.isFinite(first)) bars.push(svgEl("rect", { x: xOf(first), y: 6, width: 24, height: 6, fill: "none", stroke: "#3d7edb", "stroke-dasharray": "3 2", "vector-effect": "non-scaling-stroke" }));
      }
      grid.append(el("div", { class: "label area" }, `${areaName(t, a)}${a.proposed ? " (proposed)" : ""}`), el("div", {}, track(bars)));
    }
  }
  const dots = [];
  for (const i of S.overview.incidents) {
    const x = xOf(ms(i.said));
    if (!Number.isFinite(x)) continue;
    const c = svgEl("circle", { cx: x, cy: 9, r: 3, fill: "#d81b60", "fill-opacity": 0.7 });
    const title = svgEl("title");
    title.textContent = `${shortIso(i.said)} ${i.subtype ?? i.kind} in ${i.place}`;
    c.append(title);
    dots.push(c);
  }
  grid.append(el("div", { class: "label" }, el("strong", {}, `Incidents (${S.overview.incidents.length})`)), el("div", {}, track(dots)));
  box.replaceChildren(grid);
  drawCursor();
}

function drawCursor() {
  const x = xOf(S.at);
  for (const l of cursorLines) { l.setAttribute("x1", x); l.setAttribute("x2", x); }
}

// ------------------------------------------------------------ disputes

function miniClaim(c) {
  const speaker = c.speaker ? c.speaker.name : c.outlet ?? "the report";
  const via = (c.chain ?? []).map((l) => `${l.role.replaceAll("_", " ")} ${l.name}`).join(", ");
  return el("div", { class: "claim" },
    el("div", {}, el("span", { class: "badge kind" }, c.kind), " ", el("span", { class: "said" }, shortIso(c.said))),
    el("div", { class: "chain" }, el("strong", {}, speaker), via ? ` — ${via}` : "", ` — ${c.outlet ?? "?"}, ${c.published}`),
    el("p", { class: "passage" }, el("mark", {}, c.evidence)));
}

function drawDisputes() {
  const box = document.getElementById("disputes");
  if (!S.overview) return;
  const list = S.overview.disputes.filter((d) => {
    const times = [...d.claims_for, ...d.claims_against].map((c) => ms(c.said));
    return times.every((t) => !(t > S.at)) && times.some((t) => t >= S.at - 30 * 24 * HOUR);
  });
  if (!list.length) {
    box.replaceChildren(el("p", { class: "hint" }, `No contradicting claims in the 30 days up to this time.`));
    return;
  }
  box.replaceChildren(...list.map((d) => el("div", { class: "dispute" },
    el("h3", {}, `${d.kind.replaceAll("_", " ")} — ${d.truces.map((t) => `${truceById(t)?.name ?? t} (${t})`).join(", ")}`),
    el("div", { class: "side-for" }, el("h4", {}, "Says it holds"), d.claims_for.map(miniClaim)),
    el("div", { class: "side-against" }, el("h4", {}, d.kind === "respected_vs_violated" ? "Says it was violated" : "Says it collapsed or ended"), d.claims_against.map(miniClaim)))));
}

// ------------------------------------------------------------ place status

document.getElementById("placeform").addEventListener("submit", async (e) => {
  e.preventDefault();
  const name = document.getElementById("place").value.trim();
  if (!name) return;
  S.selected = null;
  markSelection();
  panelTitle.textContent = `Status of ${name}`;
  try {
    const s = await api(`/api/status?place=${encodeURIComponent(name)}&at=${encodeURIComponent(iso(S.at))}`);
    const out = [el("p", {}, `${s.place.name} (${s.place.kind}) at ${shortIso(s.at)}: ${s.truces.length ? "" : "no truce known."}`)];
    for (const t of s.truces) {
      out.push(el("div", { class: "statusbox" }, stateBadge(t.state), ` ${t.name} (${t.truce}) `,
        el("div", { class: "source" }, `window ${shortIso(t.window.start)} → ${shortIso(t.window.end)}; areas: ${t.areas.map((a) => a.name).join(", ")}`),
        el("button", { type: "button", onclick: () => selectTruce(t.truce) }, "Claims")));
    }
    claimsBox.replaceChildren(...out);
  } catch (err) {
    const sug = err.body?.suggestions ?? [];
    claimsBox.replaceChildren(el("p", { class: "error", role: "alert" }, err.message),
      ...sug.map((n) => el("button", { type: "button", onclick: () => { document.getElementById("place").value = n; document.getElementById("placeform").requestSubmit(); } }, n)));
  }
  panel.focus();
});

// ------------------------------------------------------------ start

async function start() {
  try {
    await loadShapes();
  } catch (e) {
    console.error("map outlines", e);
  }
  try {
    S.overview = await api("/api/overview");
  } catch (e) {
    showError(document.getElementById("truces"), e);
    return;
  }
  setupTime();
  drawTimeline();
  document.body.dataset.ready = "1";
}
start();
