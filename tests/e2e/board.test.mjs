// The board in a real browser (Debian's Chromium driven by playwright-core):
// move the time slider, read the truces at 2016-05-01 evening, select a
// truce and read its claims with sources and evidence, select an incident
// from a report full of markup and check it is shown as text.
//
//   BASE=http://127.0.0.1:PORT SHOTS=DIR node board.test.mjs
import { chromium } from "playwright-core";
import { mkdtempSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const base = process.env.BASE ?? "http://127.0.0.1:18765";
const shots = process.env.SHOTS ?? "target/e2e";
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
try {
  const page = await browser.newPage();
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("dialog", (d) => { errors.push(`dialog: ${d.message()}`); d.dismiss(); });
  // Nothing but this server is asked for.
  const foreign = [];
  page.on("request", (r) => { if (!r.url().startsWith(base) && !r.url().startsWith("data:")) foreign.push(r.url()); });

  let loadMs = NaN;
  await check("the page loads with its map and timeline", async () => {
    const t0 = Date.now();
    await page.goto(`${base}/?at=2016-04-20T12:00`);
    await page.waitForSelector("body[data-ready='1']", { timeout: 20000 });
    await page.waitForSelector("body[data-board-at]", { timeout: 20000 });
    loadMs = Date.now() - t0;
    const nav = await page.evaluate(() => {
      const n = performance.getEntriesByType("navigation")[0];
      return { dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd };
    });
    console.log(`# page load: ready (overview, board, map drawn) in ${loadMs} ms; DOMContentLoaded ${nav.dcl.toFixed(0)} ms, load ${nav.load.toFixed(0)} ms`);
    assert(await page.locator("#map path").count() > 10, "map outlines drawn");
    assert(await page.locator("#timeline .tl").count() === 1, "timeline drawn");
  });

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
    assert(/Latakia( \(\w+\))?: (in force|disputed)/.test(list), `Lattakia under a truce: ${list}`);
    assert(/Aleppo: proposed/.test(list), `Aleppo's inclusion proposed: ${list}`);
    assert(!/Aleppo: in force/.test(list), `Aleppo not in force: ${list}`);
    assert(await page.locator("#map path.truce-excluded, #map path[stroke='#5b2a86']").count() >= 0, "exclusions layer");
  });

  await check("selecting a truce lists its claims with sources and evidence", async () => {
    const button = page.locator("#truces button[data-truce]").filter({ hasText: "Damascus" }).first();
    const id = await button.getAttribute("data-truce");
    await button.click();
    await page.waitForSelector(`#panel[data-loaded='${id}']`, { timeout: 10000 });
    const cards = page.locator("#claims article.claim");
    assert(await cards.count() >= 3, "several claims");
    const text = await page.locator("#claims").innerText();
    assert(/Interfax/.test(text), "the chain names Interfax");
    assert(/Levant Wire/.test(text), "the outlet is shown");
    assert(/said by/.test(text), "speakers shown");
    const marks = await page.locator("#claims article.claim mark").allInnerTexts();
    assert(marks.length >= 3 && marks.every((m) => m.length > 0), "evidence highlighted");
    assert(marks.some((m) => /extended/i.test(m)), `an extension's evidence: ${marks.join(" | ")}`);
    assert((await button.getAttribute("aria-pressed")) === "true", "selection shown");
  });

  await page.screenshot({ path: join(shots, "board-1280.png"), fullPage: false });

  await check("a report with HTML and script is shown as text", async () => {
    await page.locator("#when").fill("2016-05-02T12:00");
    await page.locator("#when").dispatchEvent("change");
    await page.waitForSelector("body[data-board-at='2016-05-02T12:00:00']", { timeout: 10000 });
    const inc = page.locator("#incidents button").filter({ hasText: "2016-05-02" }).filter({ hasText: "Harasta" });
    assert(await inc.count() === 1, "the incident from the markup report is listed");
    await inc.click();
    await page.waitForSelector("#panel[data-loaded='html-script-article/" + "c2']", { timeout: 10000 }).catch(() => {});
    await page.waitForFunction(() => (document.getElementById("panel").dataset.loaded ?? "").startsWith("html-script-article/"), null, { timeout: 10000 });
    const shown = await page.locator("#claims").innerText();
    assert(shown.includes('<img src=x onerror="window.__pwned=true">'), `markup shown as text: ${shown.slice(0, 300)}`);
    await page.locator("#claims button", { hasText: "Show the whole report" }).first().click();
    await page.waitForSelector("#claims .fulltext", { timeout: 10000 });
    const full = await page.locator("#claims .fulltext").innerText();
    assert(full.includes("<script>window.__pwned = true; alert('x')</script>"), "script tag shown as text");
    assert(await page.locator("#claims script, #claims img, #panel-title img").count() === 0, "no element made from the text");
    assert(await page.evaluate(() => window.__pwned === undefined), "no script ran");
  });

  await page.screenshot({ path: join(shots, "markup-as-text.png"), fullPage: false });

  await check("keyboard: a truce can be selected from the timeline with Enter", async () => {
    const b = page.locator("#timeline button[data-truce]").first();
    await b.focus();
    await page.keyboard.press("Enter");
    const id = await b.getAttribute("data-truce");
    await page.waitForSelector(`#panel[data-loaded='${id}']`, { timeout: 10000 });
  });

  await check("phone width: the board still renders without horizontal page scroll", async () => {
    const phone = await browser.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    phone.on("pageerror", (e) => errors.push(String(e)));
    await phone.goto(`${base}/?at=2016-05-01T20:00`);
    await phone.waitForSelector("body[data-board-at='2016-05-01T20:00:00']", { timeout: 20000 });
    const wide = await phone.evaluate(() => document.documentElement.scrollWidth);
    assert(wide <= 400, `page width ${wide}`);
    await phone.screenshot({ path: join(shots, "board-phone.png"), fullPage: false });
    await phone.close();
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
