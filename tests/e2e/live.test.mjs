// The board updates without a reload: with the page open, a report posted
// to the server changes its truce list (through the server-sent `change` event
// at /api/events), and the page is the same document as before (a value
// set on `window` before the post is still there after it).
//
//   BASE=http://127.0.0.1:PORT TOKEN=... node live.test.mjs
import { chromium } from "playwright-core";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const base = process.env.BASE ?? "http://127.0.0.1:18766";
const token = process.env.TOKEN ?? "";
// An invented report about an invented truce in a real town.
const REPORT = {
  id: "e2e-live-1",
  published: "2016-07-10",
  outlet: "Levant Wire",
  text: "IDLIB, July 10 (Levant Wire) - A 72-hour truce came into effect in Idlib at noon on Sunday, the army said.",
};

const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "truce-live-")), {
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  viewport: { width: 1280, height: 800 },
  args: ["--no-sandbox"],
});
let failed = 0;
try {
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${base}/?at=2016-07-10T12:00`);
  await page.waitForSelector("body[data-ready='1']", { timeout: 20000 });
  await page.waitForTimeout(1000);
  const list = () => page.evaluate(() => document.getElementById("truces")?.innerText ?? "");
  const before = await list();
  if (!before) throw new Error("no truce list before the post");
  await page.evaluate(() => { window.e2eMark = "same page"; });
  const res = await fetch(`${base}/api/reports`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/x-ndjson" },
    body: `${JSON.stringify(REPORT)}\n`,
  });
  if (res.status !== 200) throw new Error(`POST answered ${res.status}`);
  // the new report adds a source (or a truce) to the list at this time
  let changed = false;
  for (let i = 0; i < 40 && !changed; i++) {
    await page.waitForTimeout(250);
    changed = (await list()) !== before;
  }
  if (!changed) throw new Error("the truce list did not change within 10 s of the post");
  const same = await page.evaluate(() => window.e2eMark);
  if (same !== "same page") throw new Error("the page was reloaded");
  if (errors.length) throw new Error(`script errors: ${errors.join("; ")}`);
  console.log("ok - the page shows a posted report without a reload");
} catch (e) {
  failed = 1;
  console.log(`FAIL - live update: ${e.message}`);
} finally {
  await context.close();
}
process.exit(failed);
