// The board in a real browser (Debian's Chromium driven by playwright-core).
//
// First the ten-second test (issue 12), at 1280×800 and at 390×844: a place
// asked in the first panel is answered there, one line per truce (name,
// state, until when, declared by, reports for and against) with the quotes
// behind a click; the truce list gives ends and sources; the timeline has
// month ticks and one row per truce with its areas folded and no empty row;
// the legend folds (folded on a phone); map labels do not overlap;
// disputes are pairs of claims side by side; every label is in words with
// a glossary on hover; citations name outlet, date and title and link to
// the report. Screenshots of each size go to SHOTS.
//
// Then the rest: the time slider, the truces at 2016-05-01 evening, a
// truce's claims with sources and evidence, a report full of markup shown
// as text, the keyboard, no script error and no request off the server.
//
//   BASE=http://127.0.0.1:PORT SHOTS=DIR DATA=corpus|examples node board.test.mjs
import { chromium } from "playwright-core";
import { mkdtempSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const base = process.env.BASE ?? "http://127.0.0.1:18765";
const shots = process.env.SHOTS ?? "target/e2e";
const data = process.env.DATA ?? "examples";
const PLACE = process.env.PLACE ?? "Douma";
const AT = "2016-05-01T20:00";
mkdirSync(shots, { recursive: true });

let passed = 0;
let failed = 0;
async function check(name, f) {
  try {
    await f();
    passed++;
    console.log(`ok - ${name}`);
  } catch (e) {
    failed++;
    console.log(`not ok - ${name}\n  ${String(e?.stack ?? e).split("\n").slice(0, 4).join("\n  ")}`);
  }
}
function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

const STATE = /\b(in force|disputed|proposed|expired|collapsed|ended)\b/;
const UNTIL = /\b(until \w{3}, \d{1,2} \w{3} \d{4}|open-ended: no end stated|to start|not in force yet|ran until|expired|collapsed before its end|collapsed; no end had been stated|ended)\b/;
const DECLARED = /\b(declared by \S|declarer not stated)/;
const SOURCES = /\b\d+ (reports?|claims?) for, \d+ against\b/;
// Ids and jargon that must not stand where words should.
const JARGON = [
  [/\bt\d+\b/, "a truce id"],
  [/\b(truce|incident|statement)\.[a-z_]+/, "a claim kind"],
  [/\((negated|asserted|hedged|planned)\)/, "a modality in brackets"],
  [/end set by/i, "\"end set by\""],
  [/→ \?/, "\"→ ?\""],
  [/\b(in_force|cessation_of_hostilities|regime_of_calm|in_force_vs_collapsed|respected_vs_violated|published_by|quoted_by|reported_by|translated_by|edited_by)\b/, "a snake_case id"],
  [/Select a truce/, "the old hint"],
  [/_posts\/|fnv1a64:/, "a file path or hash as a citation"],
  [/\[object \w+\]|\bundefined\b|\bNaN\b|Invalid Date/, "a value the page failed to put in words"],
];

// A fresh, empty profile (--user-data-dir) every run.
const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "truce-e2e-")), {
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  viewport: { width: 1280, height: 800 },
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
const errors = [];
const foreign = [];
async function open(width, height, query) {
  const page = await browser.newPage();
  await page.setViewportSize({ width, height });
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("dialog", (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss(); });
  // Nothing but this server is asked for.
  page.on("request", (r) => { if (!r.url().startsWith(base) && !r.url().startsWith("data:")) foreign.push(r.url()); });
  await page.goto(`${base}/?${query}`);
  await page.waitForSelector("body[data-ready='1']", { timeout: 20000 });
  await page.waitForSelector("body[data-board-at]", { timeout: 20000 });
  return page;
}

/** Boxes of the visible map labels inside the map. */
const labelBoxes = (page) => page.evaluate(() => {
  const m = document.getElementById("map").getBoundingClientRect();
  return [...document.querySelectorAll("#map .map-label")]
    .filter((e) => getComputedStyle(e).visibility === "visible" && getComputedStyle(e).display !== "none" && e.offsetParent !== null)
    .map((e) => { const r = e.getBoundingClientRect(); return { text: e.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom }; })
    .filter((r) => r.right > r.left && r.left < m.right && r.right > m.left && r.top < m.bottom && r.bottom > m.top);
});
const overlap = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
async function labelsApart(page, step) {
  const boxes = await labelBoxes(page);
  assert(boxes.length >= 3, `${step}: several labels shown (${boxes.map((b) => b.text).join(", ")})`);
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      assert(!overlap(boxes[i], boxes[j]), `${step}: "${boxes[i].text}" overlaps "${boxes[j].text}"`);
    }
  }
  const legend = await page.locator("#legend").boundingBox();
  const l = { left: legend.x, right: legend.x + legend.width, top: legend.y, bottom: legend.y + legend.height };
  assert(!boxes.some((b) => overlap(b, l)), `${step}: no label under the legend`);
  return boxes;
}

async function tenSeconds(width, height, phone) {
  const size = `${width}x${height}`;
  let page;
  await check(`${size}: the page loads with its map, first panel and timeline`, async () => {
    const t0 = Date.now();
    page = await open(width, height, `at=${AT}`);
    console.log(`# ${size}: ready (overview, board, map drawn) in ${Date.now() - t0} ms`);
    assert(await page.locator("#map path").count() > 10, "map outlines drawn");
    assert(await page.locator("#timeline .tl").count() === 1, "timeline drawn");
    const first = await page.evaluate(() => document.querySelector("main").firstElementChild.id);
    assert(first === "ask", `the place question is the first panel (${first})`);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert(wide <= width, `no horizontal page scroll (page ${wide} px wide)`);
    const twice = await page.evaluate(() => { const ids = [...document.querySelectorAll("[id]")].map((e) => e.id); return ids.filter((x, i) => ids.indexOf(x) !== i); });
    assert(twice.length === 0, `ids used twice: ${twice.join(", ")}`);
  });
  if (!page) return;
  await page.screenshot({ path: join(shots, `board-${size}.png`) });

  await check(`${size}: the legend folds (${phone ? "folded" : "open"} at first)`, async () => {
    const legend = page.locator("#legend");
    const isOpen = () => legend.evaluate((d) => d.open);
    assert((await isOpen()) === !phone, `legend open=${await isOpen()}`);
    const map = await page.locator("#map").boundingBox();
    if (phone) {
      const box = await legend.boundingBox();
      assert(box.height <= 40 && box.width * box.height < 0.1 * map.width * map.height, `folded legend is small: ${JSON.stringify(box)}`);
      assert(!(await page.locator("#legend ul").isVisible()), "entries hidden");
    }
    await page.locator("#legend summary").click();
    assert((await isOpen()) === phone, "the summary toggles it");
    assert((await page.locator("#legend ul").isVisible()) === phone, "entries follow");
    const titles = await page.locator("#legend li").evaluateAll((ls) => ls.map((l) => l.title));
    assert(titles.length >= 6 && titles.every((t) => t.length > 20), "each entry explained on hover");
    await page.locator("#legend summary").click();
    assert((await isOpen()) === !phone, "and back");
  });

  await check(`${size}: map labels do not overlap`, async () => {
    await page.waitForTimeout(200);
    for (const step of ["as loaded", "zoomed in", "zoomed out"]) {
      if (step === "zoomed in") await page.locator(".leaflet-control-zoom-in").click();
      if (step === "zoomed out") await page.locator(".leaflet-control-zoom-out").click();
      if (step !== "as loaded") await page.waitForTimeout(600);
      await labelsApart(page, step);
    }
  });

  await check(`${size}: a place asked in the first panel is answered there, one line per truce`, async () => {
    await page.locator("#place").fill(PLACE);
    await page.locator("#place").press("Enter");
    await page.waitForSelector(`#answer[data-answered='${PLACE}']`, { timeout: 10000 });
    const head = await page.locator("#answer .answer-head").innerText();
    assert(head.includes(PLACE) && /under a truce|no truce/.test(head), `a verdict first: ${head}`);
    const lines = page.locator("#answer .line");
    const n = await lines.count();
    assert(n >= 1, "at least one truce covers the place");
    for (let i = 0; i < n; i++) {
      const summary = (await lines.nth(i).locator("summary").innerText()).replace(/\s+/g, " ");
      assert(STATE.test(summary), `state in words: ${summary}`);
      assert(UNTIL.test(summary), `until when: ${summary}`);
      assert(DECLARED.test(summary), `declared by: ${summary}`);
      assert(SOURCES.test(summary), `sources for and against: ${summary}`);
      const name = await lines.nth(i).locator(".name").innerText();
      assert(/[A-Z][a-z]/.test(name) && / /.test(name), `a human name: ${name}`);
    }
    assert(/in force/.test(await lines.first().locator("summary").innerText()), "the truce in force comes first");
    // The answer is in the first screen, above the map on a phone and beside it on a desktop.
    const line = await lines.first().boundingBox();
    assert(line.y + Math.min(line.height, 60) <= height, `first line in the first screen (y ${line.y})`);
    const map = await page.locator("#map").boundingBox();
    assert(phone ? line.y < map.y : line.x + line.width <= map.x + 1, "the answer is before the map");
    // The quotes sit behind a click.
    const quotes = lines.first().locator(".quotes");
    assert(!(await quotes.isVisible()), "quotes hidden at first");
    await lines.first().locator("summary").click();
    assert(await quotes.isVisible(), "a click shows the quotes");
    assert(await quotes.locator("mark").count() >= 1, "with the reports' words");
    const cites = await quotes.locator(".cite").allInnerTexts();
    assert(cites.length >= 1 && cites.every((c) => /\d{1,2} \w{3} \d{4}/.test(c)), `citations with dates: ${cites.join(" | ")}`);
    // The place asked is named on the map, and still no label overlaps another.
    await page.waitForTimeout(200);
    const boxes = await labelsApart(page, "with the place asked");
    assert(boxes.some((b) => b.text === PLACE), `${PLACE} named on the map: ${boxes.map((b) => b.text).join(", ")}`);
  });
  await page.screenshot({ path: join(shots, `board-place-${size}.png`) });

  await check(`${size}: the truce list gives ends and sources`, async () => {
    const items = page.locator("#truces > li > button");
    const n = await items.count();
    assert(n >= 2, `truces listed (${n})`);
    for (let i = 0; i < n; i++) {
      const text = (await items.nth(i).innerText()).replace(/\s+/g, " ");
      assert(STATE.test(text) && UNTIL.test(text) && DECLARED.test(text) && SOURCES.test(text), `state, end, declarer and sources: ${text}`);
      assert(!/→/.test(text), `no arrows: ${text}`);
    }
  });

  await check(`${size}: the timeline has month ticks and one row per truce, areas folded, no empty row`, async () => {
    const ticks = await page.locator("#timeline .tick").evaluateAll((ts) => ts.map((t) => { const r = t.getBoundingClientRect(); return { text: t.textContent, left: r.left, right: r.left + t.scrollWidth }; }));
    assert(ticks.length >= 3, `month ticks (${ticks.length})`);
    assert(ticks.every((t) => /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)( \d{4})?$/.test(t.text)), `month names: ${ticks.map((t) => t.text).join(", ")}`);
    assert(/\d{4}/.test(ticks[0].text), "the first tick names its year");
    for (let i = 1; i < ticks.length; i++) assert(ticks[i - 1].right <= ticks[i].left, `ticks "${ticks[i - 1].text}" and "${ticks[i].text}" do not overlap`);
    const rows = page.locator("#timeline .tl-row.truce");
    const ids = await rows.evaluateAll((rs) => rs.map((r) => r.dataset.truce));
    const overview = await page.evaluate(() => fetch("/api/overview").then((r) => r.json()));
    assert(ids.length >= 2 && ids.length <= overview.truces.length, `one row per truce (${ids.length} of ${overview.truces.length})`);
    assert(new Set(ids).size === ids.length, "no truce twice");
    const visibleRows = async () => page.locator("#timeline .tl-row").evaluateAll((rs) => rs.filter((r) => !r.hidden && r.offsetParent !== null)
      .map((r) => ({ cls: r.className, text: r.innerText.trim(), marks: r.querySelectorAll("svg .mark").length })));
    let shown = await visibleRows();
    assert(shown.every((r) => !r.cls.includes("area")), "area rows folded at first");
    assert(shown.every((r) => r.marks > 0 && r.text.length > 0), `no empty row: ${JSON.stringify(shown.filter((r) => !r.marks || !r.text))}`);
    const fold = page.locator("#timeline .tl-row.truce .fold").first();
    await fold.click();
    shown = await visibleRows();
    const areas = shown.filter((r) => r.cls.includes("area"));
    assert(areas.length >= 1, "a click unfolds a truce's areas");
    assert(areas.every((r) => r.marks > 0 && r.text.length > 0), `no empty area row: ${JSON.stringify(areas)}`);
    await fold.click();
    assert((await visibleRows()).every((r) => !r.cls.includes("area")), "and folds them again");
    const names = await page.locator("#timeline .tl-row.truce .pick").allInnerTexts();
    assert(names.every((n) => !/^t\d+$/.test(n) && / /.test(n)), `rows named in words: ${names.join(" | ")}`);
  });

  await check(`${size}: disputes are pairs of claims side by side`, async () => {
    const pairs = page.locator("#disputes .dispute > .pair");
    assert(await pairs.count() >= 1, "a dispute at this time");
    const n = await pairs.count();
    for (let i = 0; i < n; i++) {
      const a = await pairs.nth(i).locator(".for > .claim").boundingBox();
      const b = await pairs.nth(i).locator(".against > .claim").boundingBox();
      assert(a && b, "both sides present");
      assert(Math.abs(a.y - b.y) < 4 && a.x + a.width <= b.x + 1, `side by side: ${JSON.stringify([a, b])}`);
      const cites = await pairs.nth(i).locator(".cite").allInnerTexts();
      assert(cites.length === 2 && cites.every((c) => /\S+, \d{1,2} \w{3} \d{4}/.test(c)), `each cites outlet and date: ${cites.join(" | ")}`);
    }
    const heads = await page.locator("#disputes .pair h4").allInnerTexts();
    assert(heads.some((h) => /holds|respected/.test(h)) && heads.some((h) => /collapsed|violated/.test(h)), `sides named: ${heads.join(", ")}`);
  });

  await check(`${size}: every label in words, with a glossary on hover`, async () => {
    const text = await page.locator("body").innerText();
    for (const [re, what] of JARGON) {
      const m = text.match(re);
      assert(!m, `${what} on the page: "${m?.[0]}" in …${m ? text.slice(Math.max(0, m.index - 60), m.index + 60) : ""}…`);
    }
    const gloss = await page.locator(".badge[data-gloss]").evaluateAll((bs) => bs.map((b) => [b.textContent, b.title]));
    assert(gloss.length >= 3 && gloss.every(([, t]) => t.length > 15), `every state and claim badge explained: ${JSON.stringify(gloss.filter(([, t]) => t.length <= 15))}`);
    await page.locator("#glossary summary").click();
    const dl = await page.locator("#glossary dl").innerText();
    assert(/in force/.test(dl) && /denied/.test(dl) && /until/.test(dl), "a glossary of states and modalities");
  });

  await check(`${size}: a truce's claims cite outlet, date and title, linked to the report`, async () => {
    const button = page.locator("#truces button[data-truce]").first();
    const id = await button.getAttribute("data-truce");
    await button.click();
    await page.waitForSelector(`#panel[data-loaded='${id}']`, { timeout: 10000 });
    const title = await page.locator("#panel-title").innerText();
    assert(!/\bt\d+\b/.test(title) && / /.test(title), `panel named in words: ${title}`);
    const cites = await page.locator("#claims article.claim .cite").allInnerTexts();
    assert(cites.length >= 2, "citations");
    assert(cites.every((c) => /^\S.*, \d{1,2} \w{3} \d{4}/.test(c)), `outlet and date: ${cites.filter((c) => !/, \d{1,2} \w{3} \d{4}/.test(c)).join(" | ")}`);
    assert(cites.some((c) => /: “.+”/.test(c)), "titles");
    const modalities = await page.locator("#claims .badge.modality").evaluateAll((bs) => bs.map((b) => b.title));
    assert(modalities.length >= 2 && modalities.every((t) => t.length > 15), "modalities explained on hover");
    if (data === "corpus") {
      const links = await page.locator("#claims .cite a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
      assert(links.length >= 1 && links.every((h) => /^https?:\/\//.test(h)), `titles link to the reports: ${links.slice(0, 3).join(" ")}`);
    }
    const text = await page.locator("#panel").innerText();
    for (const [re, what] of JARGON) assert(!re.test(text), `${what} in the claims panel: ${text.match(re)?.[0]}`);
    // The panel narrows the map on a desktop: its labels are placed again.
    await page.waitForTimeout(500);
    await labelsApart(page, "with the claims open");
  });
  await page.close();
}

try {
  await tenSeconds(1280, 800, false);
  await tenSeconds(390, 844, true);

  const page = await open(1280, 800, "at=2016-04-20T12:00");

  await check("the time slider moves the board", async () => {
    const slider = page.locator("#slider");
    await slider.focus();
    const before = await page.locator("#when-text").textContent();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    const after = await page.locator("#when-text").textContent();
    assert(before !== after, `label moved (${before} -> ${after})`);
    // Now to 2016-05-01 20:00 exactly, by the slider's hour steps.
    await page.keyboard.press("Home");
    const start = await page.locator("#when").inputValue();
    const hours = Math.round((Date.parse("2016-05-01T20:00Z") - Date.parse(`${start}Z`)) / 3600e3);
    await slider.fill(String(hours));
    await page.waitForSelector("body[data-board-at='2016-05-01T20:00:00']", { timeout: 10000 });
    assert((await page.locator("#when").inputValue()) === "2016-05-01T20:00", "date input follows");
  });

  await check("at 2016-05-01 evening Damascus and Lattakia are under a truce, Aleppo only proposed", async () => {
    const list = await page.locator("#truces").innerText();
    assert(/Damascus: in force/.test(list), `Damascus in force: ${list}`);
    assert(/Latakia( \([\w-]+\))?: (in force|disputed)/.test(list), `Lattakia under a truce: ${list}`);
    assert(/Aleppo: proposed/.test(list), `Aleppo's inclusion proposed: ${list}`);
    assert(!/Aleppo: in force/.test(list), `Aleppo not in force: ${list}`);
  });

  await check("selecting a truce lists its claims with sources and evidence", async () => {
    const button = page.locator("#truces button[data-truce]").filter({ hasText: "Damascus: in force" }).first();
    const id = await button.getAttribute("data-truce");
    await button.click();
    await page.waitForSelector(`#panel[data-loaded='${id}']`, { timeout: 10000 });
    const cards = page.locator("#claims article.claim");
    assert(await cards.count() >= 3, "several claims");
    const text = await page.locator("#claims").innerText();
    assert(/Interfax/.test(text), "the chain names Interfax");
    assert(/said by/.test(text), "speakers shown");
    const outlets = await page.locator("#claims .cite .outlet").allInnerTexts();
    assert(outlets.length >= 3 && outlets.every((o) => o && o !== "outlet not given"), `outlets shown: ${outlets.join(", ")}`);
    const marks = await page.locator("#claims article.claim mark").allInnerTexts();
    assert(marks.length >= 3 && marks.every((m) => m.length > 0), "evidence highlighted");
    assert(marks.some((m) => /extended/i.test(m)), `an extension's evidence: ${marks.join(" | ")}`);
    assert((await button.getAttribute("aria-pressed")) === "true", "selection shown");
  });

  await page.screenshot({ path: join(shots, "board-claims-1280x800.png"), fullPage: false });

  await check("a report with HTML and script is shown as text", async () => {
    await page.locator("#when").fill("2016-05-02T12:00");
    await page.locator("#when").dispatchEvent("change");
    await page.waitForSelector("body[data-board-at='2016-05-02T12:00:00']", { timeout: 10000 });
    const inc = page.locator("#incidents button").filter({ hasText: "2 May 2016" }).filter({ hasText: "Harasta" });
    assert(await inc.count() === 1, "the incident from the markup report is listed");
    await inc.click();
    await page.waitForFunction(() => (document.getElementById("panel").dataset.loaded ?? "").startsWith("html-script-article/"), null, { timeout: 10000 });
    const shown = await page.locator("#claims").innerText();
    assert(shown.includes('<img src=x onerror="window.__pwned=true">'), `markup shown as text: ${shown.slice(0, 300)}`);
    assert(shown.includes("<b>Bold</b> headline <img src=x onerror=alert(1)>"), "the title too");
    await page.locator("#claims button", { hasText: "Show the whole report" }).first().click();
    await page.waitForSelector("#claims .fulltext", { timeout: 10000 });
    const full = await page.locator("#claims .fulltext").innerText();
    assert(full.includes("<script>window.__pwned = true; alert('x')</script>"), "script tag shown as text");
    assert(await page.locator("#claims script, #claims img, #claims b, #panel-title img").count() === 0, "no element made from the text");
    assert(await page.evaluate(() => window.__pwned === undefined), "no script ran");
  });

  await page.screenshot({ path: join(shots, "markup-as-text.png"), fullPage: false });

  await check("keyboard: a truce can be selected from the timeline with Enter", async () => {
    const b = page.locator("#timeline button.pick[data-truce]").first();
    await b.focus();
    await page.keyboard.press("Enter");
    const id = await b.getAttribute("data-truce");
    await page.waitForSelector(`#panel[data-loaded='${id}']`, { timeout: 10000 });
  });

  await check("keyboard: a place is asked and its quotes opened without a mouse", async () => {
    await page.locator("#place").focus();
    await page.keyboard.type("Damascus");
    await page.keyboard.press("Enter");
    await page.waitForSelector("#answer[data-answered='Damascus']", { timeout: 10000 });
    await page.locator("#answer .line summary").first().focus();
    await page.keyboard.press("Enter");
    assert(await page.locator("#answer .line .quotes").first().isVisible(), "Enter opens the quotes");
  });

  await check("every label in words at other times, with everything unfolded", async () => {
    for (const at of ["2016-02-28T12:00", "2016-05-02T12:00", ""]) {
      const p = await open(1280, 800, at ? `at=${at}&place=Damascus` : "place=Damascus");
      await p.waitForSelector("#answer[data-answered]", { timeout: 10000 });
      await p.locator("details").evaluateAll((ds) => ds.forEach((d) => { d.open = true; }));
      for (const f of await p.locator("#timeline .fold").all()) await f.click();
      const text = await p.locator("body").innerText();
      for (const [re, what] of JARGON) {
        const m = text.match(re);
        assert(!m, `${at || "the default time"}: ${what}: "${m?.[0]}" in …${m ? text.slice(Math.max(0, m.index - 60), m.index + 60) : ""}…`);
      }
      await p.close();
    }
  });

  await check("no script errors and no request off this server", async () => {
    assert(errors.length === 0, errors.join("\n"));
    assert(foreign.length === 0, foreign.join("\n"));
  });
} finally {
  await browser.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
