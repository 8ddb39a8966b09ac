// Every calendar's timetable prints to an A4 PDF in Chromium with the expected number of pages,
// and no table row is split across pages: each row's cells are all found on one page, pages in
// row order (text read back from the PDF with poppler's pdftotext). The PDFs are kept in
// <build>/site-artifacts/print/ for review.
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { launch, url, site, artifacts } from "./browser.mjs";

// Pages per printed timetable, checked by eye in the kept PDFs. A change in layout that moves
// these is a change to look at, not to accept blindly.
const EXPECTED_PAGES = {
  "beijing-2024": 2,
  "beijing-2024-fengtai": 3,
  "heilongjiang-2022": 2,
  "national-2017": 1,
  "national-2018": 1,
  "national-2019": 1,
  "national-2020": 1,
  "national-2021": 2,
  "national-2022": 1,
  "zhejiang-2024-senior": 2,
};
const A4 = { width: 595, height: 842 }; // points, as pdfinfo reports them (±1)
const out = path.join(artifacts, "print");
fs.mkdirSync(out, { recursive: true });
const squash = (s) => s.replace(/\s+/g, "");

const ids = fs.readdirSync(path.join(site, "calendars")).filter((id) =>
  fs.existsSync(path.join(site, "calendars", id, "timetable.html"))).sort();
const { browser, close } = await launch();
let failures = 0;
const fail = (msg) => { failures++; console.log("FAIL " + msg); };
try {
  const page = await browser.newPage();
  for (const id of ids) {
    await page.goto(url(`calendars/${id}/timetable.html`));
    await page.emulateMedia({ media: "print" });
    const rows = await page.$$eval("table tbody tr", (trs) =>
      trs.map((tr) => [...tr.cells].filter((c) => c.offsetParent !== null || getComputedStyle(c).display !== "none")
        .map((c) => c.innerText)));
    const pdf = path.join(out, `${id}.pdf`);
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)[1]);
    const [w, h] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info).slice(1).map(Number);
    if (Math.abs(w - A4.width) > 1 || Math.abs(h - A4.height) > 1) fail(`${id}: page size ${w}x${h} pt is not A4`);
    if (!(id in EXPECTED_PAGES)) fail(`${id}: no expected page count (printed ${pages})`);
    else if (pages !== EXPECTED_PAGES[id]) fail(`${id}: ${pages} pages, expected ${EXPECTED_PAGES[id]}`);
    const texts = [];
    for (let p = 1; p <= pages; p++)
      texts.push(squash(execFileSync("pdftotext", ["-raw", "-f", String(p), "-l", String(p), pdf, "-"], { encoding: "utf8" })));
    let lastPage = 0;
    rows.forEach((cells, i) => {
      const wanted = cells.map(squash).filter((c) => c.length > 0);
      let found = -1;
      for (let p = lastPage; p < pages && found < 0; p++)
        if (wanted.every((c) => texts[p].includes(c))) found = p;
      if (found < 0) fail(`${id}: row ${i + 1} (${wanted.join(" | ").slice(0, 60)}) is not whole on one page`);
      else lastPage = found;
    });
    if (!texts[0].includes(squash(await page.$eval("h1", (h) => h.innerText))))
      fail(`${id}: the first page lacks the title`);
    console.log(`${id}: ${pages} A4 page(s), ${rows.length} rows whole`);
  }
} finally {
  await close();
}
console.log(`site.print: ${ids.length} timetables, ${failures} problems; PDFs in ${out}`);
process.exit(failures ? 1 : 0);
