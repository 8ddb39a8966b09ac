// The embed widget marks a date the latest revision moved: revision 2 of the postponement
// (tests/revise/postponement) built into PUBLIC_DIR, served over HTTP, embedded in a page as an
// embedder would, counted from 2024-04-01. The admission cards (moved) say 日期已调整 with the old
// date in the title; the registration (not moved) says nothing of the kind.
// Usage: node widget_moved.mjs PUBLIC_DIR
import assert from "node:assert/strict";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { chromium } = require("playwright-core");
const publicDir = path.resolve(process.argv[2] || "");
assert.ok(fs.existsSync(path.join(publicDir, "feeds", "demo-2024-north.json")), `no postponement build in ${publicDir}`);

const page = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title></head><body>
<div id="north" data-kaowu-feed="/feeds/demo-2024-north.json" data-kaowu-today="2024-04-01" data-kaowu-limit="8"></div>
<script src="/embed/kaowu.js"></script></body></html>`;
const server = http.createServer((req, res) => {
  const url = decodeURIComponent(new URL(req.url, "http://x").pathname);
  if (url === "/") return res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(page);
  const file = path.join(publicDir, path.normalize(url));
  if (!file.startsWith(publicDir) || !fs.existsSync(file)) return res.writeHead(404).end();
  const type = file.endsWith(".js") ? "text/javascript; charset=utf-8" : "application/json";
  res.writeHead(200, { "Content-Type": type }).end(fs.readFileSync(file));
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});
let failed = false;
try {
  const tab = await browser.newPage({ viewport: { width: 360, height: 740 } });
  await tab.goto(`http://127.0.0.1:${server.address().port}/`);
  await tab.waitForSelector("#north .kaowu-item");
  const rows = await tab.$$eval("#north .kaowu-item", (items) =>
    items.map((li) => ({
      id: li.getAttribute("data-kaowu-id"),
      moved: li.querySelector(".kaowu-moved")?.textContent ?? null,
      was: li.querySelector(".kaowu-moved")?.title ?? null,
    })));
  const card = rows.find((r) => r.id === "demo-2024-north/admission-card");
  assert.ok(card, `no admission-card row in ${JSON.stringify(rows)}`);
  assert.equal(card.moved, "日期已调整");
  assert.equal(card.was, "原定2024年4月1日－21日");
  for (const r of rows.filter((r) => !r.id.includes("admission-card") && !r.id.includes("/exam/") && !r.id.includes("results")))
    assert.equal(r.moved, null, `${r.id} is marked moved`);
  console.log("ok - the widget marks the moved admission cards 日期已调整");
} catch (e) {
  failed = true;
  console.log(`not ok - ${e.stack || e}`);
} finally {
  await browser.close();
  server.close();
}
process.exit(failed ? 1 : 0);
