// A candidate's phone (360×740) in Chromium: what to do now on the first screen, subscribing on
// each kind of device (iOS, Android, WeChat's in-app browser, a desktop), a notice's URL followed
// by Chinese text, and finding one's specialty by name and by code. The site is the one
// site.build wrote (--base-url https://example.org/kaowu/ --today 2024-04-15); a second build
// without --base-url is served over HTTP to check what the subscribe page does then.
// Screenshots go to <build>/site-artifacts/phone/.
import assert from "node:assert/strict";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { launch, url, artifacts } from "./browser.mjs";

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const shots = path.join(artifacts, "phone");
fs.mkdirSync(shots, { recursive: true });
const PHONE = { width: 360, height: 740 };
const BUILD_DAY = "2024-04-15T10:00:00+08:00"; // the site's --today, read on the visitor's clock

const UA = {
  ios: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
  android: "Mozilla/5.0 (Linux; Android 14; 23127PN0CC) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.6367.82 Mobile Safari/537.36",
  "wechat-ios": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN",
  "wechat-android": "Mozilla/5.0 (Linux; Android 14; V2309A Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64",
  desktop: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
};
const FEED = "https://example.org/kaowu/feeds/beijing-2024-fengtai.ics";

let failures = 0;
async function check(name, fn) {
  try {
    await fn();
    console.log(`ok - ${name}`);
  } catch (e) {
    failures++;
    console.log(`not ok - ${name}\n${e.stack || e}`);
  }
}

async function axeClean(page, label) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
  const found = result.violations.map((v) => `${label}: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  assert.deepEqual(found, []);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${label} scrolls sideways by ${overflow}px`);
}

// Visible and inside the first screen: nothing to scroll for.
async function onFirstScreen(locator, what) {
  assert.ok(await locator.isVisible(), `${what} is not visible`);
  const box = await locator.boundingBox();
  assert.ok(box && box.y >= 0 && box.y + box.height <= PHONE.height, `${what} is at y=${box && box.y}, below the first screen`);
}

const { browser, close } = await launch();
try {
  const phone = async (options = {}) => {
    const context = await browser.newContext({ viewport: PHONE, ...options });
    await context.clock.setFixedTime(new Date(options.clock || BUILD_DAY));
    return context;
  };

  await check("the first screen of a calendar page says what is open now, until when, what comes next and the exam", async () => {
    // Built with --today 2024-04-15: 网上打印准考证 runs 4月1日－21日.
    for (const javaScript of [false, true]) {
      const context = await phone({ javaScriptEnabled: javaScript });
      const page = await context.newPage();
      await page.goto(url("calendars/beijing-2024-fengtai/index.html"));
      const open = page.locator('section.now li[data-kind="open"]').first();
      assert.equal((await open.innerText()).replace(/\s+/g, " ").trim(), "进行中 网上打印准考证：2024年4月21日截止，还剩6天 加入日历 ：网上打印准考证截止日"); // the link names its event for screen readers
      await onFirstScreen(open, "the open phase");
      await onFirstScreen(open.locator(".now-left"), "the days left");
      const exam = page.locator('section.now li[data-kind="exam"]');
      assert.equal((await exam.innerText()).replace(/\s+/g, " ").trim(), "考试 考试期间，至2024年4月21日");
      await onFirstScreen(exam, "the exam line");
      await onFirstScreen(page.getByRole("link", { name: "订阅到手机日历" }), "the subscribe button");
      // The 加入日历 link is the deadline's own file, under the feed's UID.
      const href = await open.locator("a.add").getAttribute("href");
      assert.equal(href, "../../feeds/beijing-2024-fengtai/events/admission-card.deadline.ics");
      if (!javaScript) await page.screenshot({ path: path.join(shots, "calendar-first-screen.png") });
      await context.close();
    }
  });

  await check("status.js says the same as the build, by the visitor's own day", async () => {
    const context = await phone({ clock: "2023-12-12T10:00:00+08:00" });
    const page = await context.newPage();
    await page.goto(url("calendars/beijing-2024-fengtai/index.html"));
    const items = await page.$$eval("section.now li", (lis) => lis.map((li) => li.innerText.replace(/\s+/g, " ").trim()));
    assert.deepEqual(items, [
      "进行中 网上报名：2023年12月14日截止，还剩2天 加入日历 ：网上报名截止日",
      "进行中 现场审核确认：2023年12月15日截止，还剩3天 加入日历 ：现场审核确认截止日",
      "下一项 网上缴费：2024年1月29日开始，还有48天",
      "考试 2024年4月13日开始，还有123天",
    ]);
    assert.equal(await page.textContent("section.now .now-asof"), "按 2023年12月12日");
    await page.screenshot({ path: path.join(shots, "calendar-first-screen-2023-12-12.png") });
    await context.close();
  });

  await check("the subscribe page offers what works on each device, and everything without JavaScript", async () => {
    const expectations = {
      ios: async (page) => {
        const link = page.getByRole("link", { name: "订阅到 iPhone 日历" });
        assert.ok(await link.isVisible());
        assert.equal(await link.getAttribute("href"), "webcal://example.org/kaowu/feeds/beijing-2024-fengtai.ics");
      },
      android: async (page) => {
        const google = page.locator("#android a[data-link=google]");
        assert.ok(await google.isVisible());
        assert.equal(await google.getAttribute("href"),
          "https://calendar.google.com/calendar/render?cid=webcal://example.org/kaowu/feeds/beijing-2024-fengtai.ics");
        assert.ok(await page.getByText("打开手机自带的“日历”App").isVisible());
        assert.equal(await page.inputValue("#url-android"), FEED);
      },
      wechat: async (page) => {
        const steps = page.locator("#wechat .wechat-steps");
        assert.ok(await steps.isVisible());
        assert.match(await steps.innerText(), /右上角\s*···\s*→\s*在浏览器打开/);
        assert.ok(await page.locator("#url-wechat").isVisible());
        assert.equal(await page.inputValue("#url-wechat"), FEED);
        // Neither webcal:// nor an .ics download works in WeChat: those stay folded away.
        assert.ok(!(await page.getByRole("link", { name: "订阅到 iPhone 日历" }).isVisible()));
      },
      desktop: async (page) => {
        assert.ok(await page.locator("#url-desktop").isVisible());
        assert.equal(await page.inputValue("#url-desktop"), FEED);
        assert.ok(await page.getByRole("button", { name: "复制" }).first().isVisible());
        const outlook = page.locator("#desktop a[data-link=outlook]");
        assert.ok(await outlook.isVisible());
        assert.equal(await outlook.getAttribute("href"), "https://outlook.live.com/calendar/0/addfromweb?url=" +
          encodeURIComponent(FEED) + "&name=" + encodeURIComponent("丰台考点2024年度初中级卫生专业技术资格考试 — 考生日程"));
        assert.ok(await page.locator("#desktop a[data-link=google]").isVisible());
      },
    };
    for (const [agent, ua] of Object.entries(UA)) {
      const device = agent.replace(/-.*/, "");
      const context = await phone({ userAgent: ua, ...(device === "desktop" ? { viewport: { width: 1280, height: 900 } } : {}) });
      const page = await context.newPage();
      await page.goto(url("subscribe/beijing-2024-fengtai.html"));
      const first = page.locator(".sub-options > .sub-option").first();
      assert.equal(await first.getAttribute("id"), device, `${agent}: the first option`);
      assert.ok(await first.locator(".mine").isVisible(), `${agent}: not marked as the visitor's`);
      await expectations[device](page);
      // The other ways are one tap away, folded.
      assert.equal(await page.locator(".sub-others .sub-option").count(), 3);
      await page.screenshot({ path: path.join(shots, `subscribe-${agent}.png`), fullPage: true });
      await axeClean(page, `subscribe page (${agent})`);
      await context.close();
    }
    const noJs = await phone({ javaScriptEnabled: false, userAgent: UA["wechat-android"] });
    const page = await noJs.newPage();
    await page.goto(url("subscribe/beijing-2024-fengtai.html"));
    for (const id of ["ios", "android", "wechat", "desktop"]) assert.ok(await page.locator(`#${id}`).isVisible(), `no JS: #${id}`);
    assert.ok(await page.getByRole("link", { name: "订阅到 iPhone 日历" }).isVisible());
    assert.match(await page.locator("#wechat").innerText(), /右上角/);
    await page.screenshot({ path: path.join(shots, "subscribe-nojs.png"), fullPage: true });
    await noJs.close();
  });

  await check("a calendar page's QR code and subscribe button lead to the subscribe page", async () => {
    const context = await phone();
    const page = await context.newPage();
    await page.goto(url("calendars/beijing-2024-fengtai/index.html"));
    const qr = await page.getAttribute(".qr-figure svg", "aria-label");
    assert.match(qr, /https:\/\/example\.org\/kaowu\/subscribe\/beijing-2024-fengtai\.html$/);
    await page.getByRole("link", { name: "订阅到手机日历" }).click();
    assert.ok(page.url().endsWith("/subscribe/beijing-2024-fengtai.html"));
    await context.close();
  });

  await check("a URL followed by Chinese text in a notice links to the right host", async () => {
    const context = await phone();
    const page = await context.newPage();
    await page.goto(url("notices/heilongjiang-2022/registration.html"));
    // 网址：www.hljrsks.org.cn或www.21wecan.com（中国卫生人才网）
    const links = await page.$$eval(".notice-body a", (as) => as.map((a) => [a.textContent, a.host, a.nextSibling && a.nextSibling.textContent]));
    const hlj = links.find(([text]) => text === "www.hljrsks.org.cn");
    const wecan = links.find(([text]) => text === "www.21wecan.com");
    assert.ok(hlj && wecan, JSON.stringify(links));
    assert.equal(hlj[1], "www.hljrsks.org.cn");
    assert.ok(hlj[2].startsWith("或"));
    assert.equal(wecan[1], "www.21wecan.com");
    assert.ok(wecan[2].startsWith("（中国卫生人才网）"));
    await page.getByText("www.hljrsks.org.cn").first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, "notice.png") });
    await context.close();
  });

  await check("the specialty filter finds 护理学 by name and 203 by code, and 203 opens its exam days", async () => {
    const context = await phone();
    const page = await context.newPage();
    await page.goto(url("calendars/beijing-2024-fengtai/index.html"));
    await page.getByRole("link", { name: "我的考试：按专业查找" }).click(); // tap 1
    const input = page.getByLabel("输入专业代码或名称");
    assert.ok(await input.isVisible());
    const shown = () => page.$$eval("#specialty-list li:not([hidden])", (lis) => lis.map((li) => li.getAttribute("data-code") + " " + li.getAttribute("data-name")));
    await input.fill("护理学");
    assert.deepEqual(await shown(), ["203 护理学", "368 护理学"]);
    assert.match(await page.textContent(".finder-count"), /找到 2 个专业/);
    await input.fill("203");
    assert.deepEqual(await shown(), ["203 护理学"]);
    await page.screenshot({ path: path.join(shots, "specialty-filter.png") });
    await page.locator("#specialty-list li:not([hidden]) a").click(); // tap 2
    assert.ok(page.url().endsWith("/calendars/beijing-2024/specialties/203.html"));
    assert.equal((await page.textContent("h1")).replace(/\s+/g, " ").trim(), "203 护理学");
    await context.close();
  });

  await check("a specialty page: its days and sessions, possible days marked, the two feeds to subscribe to", async () => {
    for (const [code, javaScript] of [["203", true], ["301", true], ["301", false]]) {
      const context = await phone({ javaScriptEnabled: javaScript });
      const page = await context.newPage();
      await page.goto(url(`calendars/beijing-2024/specialties/${code}.html`));
      const text = await page.locator("main").innerText();
      assert.match(text, /订阅两个日历/);
      assert.ok(await page.getByRole("link", { name: "丰台考点" }).isVisible()); // the site's feed
      if (code === "203") {
        assert.match(text, /本专业的考试日：2024年4月13、14日/);
        assert.equal(await page.locator(".exam-days a.add").count(), 4); // 加入日历 per paper session
        assert.equal(await page.locator(".tag-possible").count(), 0);
      } else {
        assert.match(text, /本专业可能的考试日：2024年4月13、14、20、21日/);
        // Every day of the table is only possible: said once, beside the table's title.
        assert.equal(await page.locator("h3.exam-mode .tag-possible").count(), 1);
        assert.equal(await page.locator(".exam-day-list .tag-possible").count(), 0);
        assert.equal(await page.locator("a.add").count(), 0); // a possible day is not added once
      }
      await page.screenshot({ path: path.join(shots, `specialty-${code}${javaScript ? "" : "-nojs"}.png`), fullPage: true });
      if (javaScript) await axeClean(page, `specialty ${code}`);
      await context.close();
    }
  });

  await check("without --base-url the subscribe page says so, and served over HTTP its script writes the links", async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "kaowu-nobase-"));
    try {
      execFileSync(process.env.KAOWU, ["build", path.join(process.env.KAOWU_SOURCE_DIR, "calendars"), "-o", path.join(out, "public"),
        "--color", "never", "--today", "2024-04-15"], { stdio: "pipe" });
      const root = path.join(out, "public");
      const server = http.createServer((req, res) => {
        const file = path.join(root, decodeURIComponent(new URL(req.url, "http://x").pathname));
        if (!file.startsWith(root) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return res.writeHead(404).end();
        res.writeHead(200, { "Content-Type": file.endsWith(".js") ? "text/javascript" : "text/html; charset=utf-8" }).end(fs.readFileSync(file));
      });
      await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
      const origin = `http://127.0.0.1:${server.address().port}`;
      try {
        const noJs = await phone({ javaScriptEnabled: false, userAgent: UA.ios });
        let page = await noJs.newPage();
        await page.goto(`${origin}/subscribe/beijing-2024-fengtai.html`);
        assert.ok(await page.locator(".no-base").isVisible());
        assert.match(await page.textContent(".no-base"), /没有提供网站地址/);
        assert.ok(!(await page.getByRole("link", { name: "订阅到 iPhone 日历" }).isVisible()));
        await noJs.close();
        const context = await phone({ userAgent: UA.ios });
        page = await context.newPage();
        await page.goto(`${origin}/subscribe/beijing-2024-fengtai.html`);
        const link = page.getByRole("link", { name: "订阅到 iPhone 日历" });
        assert.ok(await link.isVisible());
        assert.equal(await link.getAttribute("href"), `webcal://127.0.0.1:${server.address().port}/feeds/beijing-2024-fengtai.ics`);
        assert.ok(!(await page.locator(".no-base").isVisible()));
        await context.close();
      } finally {
        server.close();
      }
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
} finally {
  await close();
}
console.log(`site.phone: ${failures} failed; screenshots in ${shots}`);
process.exit(failures ? 1 : 0);
