// axe-core (WCAG 2.0/2.1 A and AA) reports no violation on each kind of page, at desktop width
// and on a 360-px phone; no page scrolls sideways on the phone; pages are complete without
// JavaScript. Full-page screenshots go to <build>/site-artifacts/screenshots/ for review.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { launch, url, artifacts } from "./browser.mjs";

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const PAGES = {
  index: "index.html",
  "calendar-site": "calendars/beijing-2024-fengtai/index.html",
  "calendar-region": "calendars/zhejiang-2024-senior/index.html",
  "calendar-national": "calendars/national-2021/index.html",
  "site-inline": "calendars/zhejiang-2024-senior/sites/shengzhi.html",
  notice: "notices/beijing-2024-fengtai/registration-and-confirmation.html",
  timetable: "calendars/zhejiang-2024-senior/timetable.html",
  "specialty-paper": "calendars/beijing-2024/specialties/203.html",
  "specialty-cbt": "calendars/beijing-2024/specialties/301.html",
  subscribe: "subscribe/beijing-2024-fengtai.html",
  "subscribe-specialty": "subscribe/beijing-2024/specialty-203.html",
};
const WIDTHS = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 360, height: 740 },
];
const shots = path.join(artifacts, "screenshots");
fs.mkdirSync(shots, { recursive: true });

const { browser, close } = await launch();
let failures = 0;
let runs = 0;
try {
  for (const w of WIDTHS) {
    const context = await browser.newContext({ viewport: { width: w.width, height: w.height } });
    // The visitor's clock during the exam weeks of 2024, so open, upcoming and past all show.
    await context.clock.setFixedTime(new Date("2024-04-15T10:00:00+08:00"));
    const page = await context.newPage();
    for (const [kind, rel] of Object.entries(PAGES)) {
      await page.goto(url(rel));
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(() =>
        window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
      runs++;
      for (const v of result.violations) {
        failures++;
        console.log(`${kind} @${w.name}: ${v.id} (${v.impact}): ${v.help}`);
        for (const n of v.nodes.slice(0, 5)) console.log(`    ${n.target.join(" ")}: ${n.failureSummary}`);
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) {
        failures++;
        console.log(`${kind} @${w.name}: the page scrolls sideways by ${overflow}px`);
      }
      await page.screenshot({ path: path.join(shots, `${kind}-${w.name}.png`), fullPage: true });
      console.log(`${kind} @${w.name}: ${result.violations.length} violations, ${result.passes.length} rules passed`);
    }
    await context.close();
  }
  // Without JavaScript every phase is still listed with its dates (and the build's status).
  const noJs = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  const page = await noJs.newPage();
  await page.goto(url(PAGES["calendar-site"]));
  const text = await page.locator("main").innerText();
  for (const expected of ["2023年12月1日－14日", "2023年12月11日－15日", "2024年4月13、14、20、21日", "进行中", "待定"]) {
    if (!text.includes(expected)) {
      failures++;
      console.log(`without JavaScript the Fengtai page lacks "${expected}"`);
    }
  }
  await page.screenshot({ path: path.join(shots, "calendar-site-phone-nojs.png"), fullPage: true });
  await noJs.close();
} finally {
  await close();
}
console.log(`site.axe: ${runs} page checks, ${failures} problems; screenshots in ${shots}`);
process.exit(failures ? 1 : 0);
