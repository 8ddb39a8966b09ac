// A notice as it reads after pasting into the WeChat editor (the stripped form export_check.py
// keeps under build/channels-artifacts/wechat-pasted/), photographed in Chromium at a phone's
// 360 px; fails if anything makes the page wider than the phone (a table must scroll inside the
// article, an address must wrap). The pictures stay for review.
import fs from "node:fs";
import path from "node:path";
import { launch } from "../site/browser.mjs";

const dir = path.join(process.env.KAOWU_BUILD_DIR, "channels-artifacts", "wechat-pasted");
const pages = [];
const walk = (d) => {
  for (const e of fs.readdirSync(d, { withFileTypes: true })) {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (p.endsWith(".html")) pages.push(p);
  }
};
walk(dir);
if (pages.length === 0) throw new Error(`no pasted pages under ${dir}`);
const { browser, close } = await launch();
let failed = 0;
try {
  const page = await browser.newPage({ viewport: { width: 360, height: 640 }, deviceScaleFactor: 1 });
  for (const p of pages.sort()) {
    await page.goto("file://" + p);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    const tables = await page.evaluate(() => document.querySelectorAll("table").length);
    await page.screenshot({ path: p.replace(/\.html$/, ".png"), fullPage: true });
    const rel = path.relative(dir, p);
    if (width > 360) {
      console.log(`FAIL: ${rel} is ${width} px wide at 360 px`);
      failed++;
    } else {
      console.log(`${rel}: ${width} px, ${tables} tables`);
    }
  }
} finally {
  await close();
}
console.log(`channels.screenshot: ${pages.length} pages at 360 px, ${failed} too wide`);
process.exit(failed ? 1 : 0);
