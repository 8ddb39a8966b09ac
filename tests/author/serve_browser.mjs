// kaowu serve in a real browser (Debian's Chromium through playwright-core): open a calendar
// page, change a date on disk as an editor would, and see the page reload by itself with the new
// date; break the calendar and see the error with its location; fix it and see the site again.
// Timeouts are generous; nothing here measures speed.
import { chromium } from "playwright-core";
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const kaowu = process.env.KAOWU;
if (!kaowu) throw new Error("run through ctest (KAOWU is not set)");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "kaowu-serve-"));
const project = path.join(work, "centre");
execFileSync(kaowu, ["new", "project", project]);
execFileSync(kaowu, ["new", "region", "national-2021", "zj-2021"], { cwd: project });
const calendar = path.join(project, "calendars", "regions", "zj-2021.toml");
// The region writes its own registration (new region inherits every phase, copying no date):
// its commented template, uncommented and filled in.
{
  const lines = fs.readFileSync(calendar, "utf8").split("\n");
  const from = lines.findIndex((l) => l.startsWith("# ── 网上预报名（registration）"));
  let to = from;
  while (to < lines.length && lines[to] !== "") to++;
  const block = lines.slice(from + 2, to).map((l) => l.replace(/^# /, "").replace("【开始日期】", "2020-12-29")
    .replace("【结束日期】", "2021-01-11").replace("【本通知的章节】", "一"));
  fs.writeFileSync(calendar, [...lines.slice(0, from), ...block, ...lines.slice(to)].join("\n"));
}

const server = spawn(kaowu, ["serve", "--port", "0", "--lang", "en"], { cwd: project, stdio: ["ignore", "pipe", "pipe"] });
let log = "";
server.stderr.on("data", (d) => { log += d; });
const address = await new Promise((resolve, reject) => {
  let out = "";
  const timer = setTimeout(() => reject(new Error("serve printed no address")), 30000);
  server.stdout.on("data", (d) => {
    out += d;
    const m = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
    if (m) { clearTimeout(timer); resolve(m[0]); }
  });
  server.on("exit", (code) => reject(new Error("serve exited with " + code + "\n" + log)));
});

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run"],
});
let failed = false;
try {
  const page = await browser.newPage();
  await page.goto(address + "calendars/zj-2021/index.html");
  const body = () => page.locator("body").innerText();
  // Polls the page for `text`. A reload can land between two looks (playwright then reports a
  // destroyed context), so each look may fail; only the deadline ends the wait.
  const waitForText = async (text, what) => {
    const deadline = Date.now() + 20000;
    while (Date.now() < deadline) {
      try {
        if ((await page.content()).includes(text)) return;
      } catch { /* navigating */ }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error("the page never showed " + what);
  };
  if (!(await body()).includes("2021年1月11日")) throw new Error("the page lacks the registration end 2021年1月11日");

  // 1. Edit the registration end on disk; the open page reloads itself with the new date.
  const original = fs.readFileSync(calendar, "utf8");
  const edited = original.replace(/^end = 2021-01-11$/m, "end = 2021-01-08");
  if (edited === original) throw new Error("no registration end to edit");
  // A mark on the old document: a reload replaces the window and drops it.
  await page.evaluate(() => { window.kaowuTestMark = true; });
  fs.writeFileSync(calendar, edited);
  await waitForText("2021年1月8日", "the new date 2021年1月8日");
  await page.waitForLoadState("load");
  if (await page.evaluate(() => window.kaowuTestMark === true)) throw new Error("the new date appeared without a reload");

  // 2. Break it: the page shows the error, its file:line:col, the line and the caret.
  const line = edited.split("\n").findIndex((l) => l === "end = 2021-01-08") + 1;
  fs.writeFileSync(calendar, edited.replace(/^end = 2021-01-08$/m, "end = 2021-01-32"));
  await waitForText('id="kaowu-errors"', "the errors");
  const report = await page.locator("pre").innerText();
  if (!report.includes(`calendars/regions/zj-2021.toml:${line}:`)) throw new Error("the error page lacks the location:\n" + report);
  if (!report.includes(`${line} | end = 2021-01-32`) || !report.includes("^")) throw new Error("the error page lacks the line and caret:\n" + report);

  // 3. Fix it: the site is back, with the fixed date.
  fs.writeFileSync(calendar, edited.replace(/^end = 2021-01-08$/m, "end = 2021-01-09"));
  await waitForText("2021年1月9日", "the fixed date 2021年1月9日");
  if (await page.locator("#kaowu-errors").count()) throw new Error("the error page stayed");
  fs.mkdirSync(path.join(process.env.KAOWU_BUILD_DIR || work, "site-artifacts"), { recursive: true });
  await page.screenshot({ path: path.join(process.env.KAOWU_BUILD_DIR || work, "site-artifacts", "serve-reloaded.png") });
  console.log("ok: serve in a browser");
} catch (e) {
  failed = true;
  console.error("FAIL:", e.message, "\n--- serve's terminal ---\n", log.slice(-3000));
} finally {
  await browser.close();
  server.kill("SIGINT");
  await new Promise((resolve) => server.on("exit", resolve));
  fs.rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
