// Page load time of the board: median and worst of N fresh loads (new
// context each, so nothing is cached) until the board is drawn.
//
//   BASE=http://127.0.0.1:PORT RUNS=10 node tests/e2e/load-time.mjs
import { chromium } from "playwright-core";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const base = process.env.BASE ?? "http://127.0.0.1:8765";
const runs = Number(process.env.RUNS ?? 10);
const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "truce-load-")), {
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  viewport: { width: 1280, height: 800 },
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-cache"],
});
const ready = [];
const loaded = [];
for (let i = 0; i < runs; i++) {
  const page = await browser.newPage();
  await page.route("**/*", (r) => r.continue({ headers: { ...r.request().headers(), "cache-control": "no-cache" } }));
  const t0 = Date.now();
  await page.goto(`${base}/${process.env.AT ? `?at=${process.env.AT}` : ""}`);
  await page.waitForSelector("body[data-ready='1'][data-board-at]", { timeout: 60000 });
  ready.push(Date.now() - t0);
  loaded.push(await page.evaluate(() => performance.getEntriesByType("navigation")[0].loadEventEnd));
  await page.close();
}
await browser.close();
const med = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
console.log(`runs ${runs}: board drawn median ${med(ready)} ms, worst ${Math.max(...ready)} ms; load event median ${med(loaded).toFixed(0)} ms`);
