// The embed widget (public/embed/kaowu.js) in headless Chromium: a test page served from one
// localhost origin embeds feeds served from another (a different port, so the browser enforces
// CORS), with fixed "today" dates; the test asserts the deadlines and day counts shown, the
// plain-link fallback (JavaScript off, and a server without CORS), and axe-core's verdict.
// Usage: node widget_test.mjs PUBLIC_DIR
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const here = path.dirname(fileURLToPath(import.meta.url));
const publicDir = path.resolve(process.argv[2] || '');
assert.ok(fs.existsSync(path.join(publicDir, 'index.json')), `no kaowu build in ${publicDir}`);

const TYPES = { '.json': 'application/json', '.js': 'text/javascript; charset=utf-8', '.html': 'text/html; charset=utf-8' };

function listen(handler) {
  return new Promise((resolve) => {
    const server = http.createServer(handler);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}
const origin = (server) => `http://127.0.0.1:${server.address().port}`;

// The feed origin: public/ as a web server would serve it with the CORS header docs/json.md
// asks for; under /no-cors/ the same files without it.
const feedRequests = [];
const feeds = await listen((req, res) => {
  let url = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  const cors = !url.startsWith('/no-cors/');
  if (!cors) url = url.slice('/no-cors'.length);
  feedRequests.push({ url, origin: req.headers.origin, cookie: req.headers.cookie });
  const file = path.join(publicDir, path.normalize(url));
  if (!file.startsWith(publicDir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404).end();
    return;
  }
  const headers = { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream' };
  if (cors) headers['Access-Control-Allow-Origin'] = '*';
  res.writeHead(200, headers).end(fs.readFileSync(file));
});
const pageHtml = fs.readFileSync(path.join(here, 'widget', 'page.html'), 'utf8').replaceAll('__FEEDS__', origin(feeds));
const pages = await listen((req, res) => res.writeHead(200, { 'Content-Type': TYPES['.html'] }).end(pageHtml));
assert.notEqual(origin(pages), origin(feeds));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
         '--disable-sync', '--no-first-run'],
});
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

try {
  const context = await browser.newContext();
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(`${origin(pages)}/`);
  const ids = ['fengtai', 'fengtai-last-day', 'specialty', 'by-option', 'no-cors', 'opened', 'opened-long-ago'];
  await page.waitForFunction((ids) => ids.every((id) => {
    const s = document.getElementById(id).getAttribute('data-kaowu-state');
    return s === 'ready' || s === 'error';
  }), ids, { timeout: 20000 });
  await page.evaluate(() => window.byOption);

  const rows = (id) => page.$$eval(`#${id} .kaowu-item`, (lis) => lis.map((li) => ({
    name: li.querySelector('.kaowu-name').textContent,
    when: li.querySelector('.kaowu-when').textContent,
    left: li.querySelector('.kaowu-left').textContent,
    datetime: li.querySelector('.kaowu-left').getAttribute('datetime'),
    days: Number(li.getAttribute('data-kaowu-days')),
  })));
  const state = (id) => page.getAttribute(`#${id}`, 'data-kaowu-state');

  await check('Fengtai on 2024-01-30: payment open 9 more days, then admission cards, the exam once per mode (paper times for paper candidates), results', async () => {
    assert.equal(await state('fengtai'), 'ready');
    assert.deepEqual(await rows('fengtai'), [
      { name: '网上缴费', when: '2024年1月29日－2月8日', left: '还剩9天截止', datetime: '2024-02-08', days: 9 },
      { name: '网上打印准考证', when: '2024年4月1日－21日', left: '62天后开始', datetime: '2024-04-01', days: 62 },
      // No CBT specialty is assigned a day yet: the CBT days are only possible days.
      { name: '考试实施（人机对话）', when: '2024年4月13日 8∶30—10∶00（可能的考试日）', left: '还有74天', datetime: '2024-04-13', days: 74 },
      { name: '考试实施（纸笔作答）', when: '2024年4月13日 9∶00—11∶00', left: '还有74天', datetime: '2024-04-13', days: 74 },
      { name: '成绩查询和成绩单打印', when: '预计2024年6月21日（考后两个月内）', left: '预计143天后', datetime: '2024-06-21', days: 143 },
    ]);
    assert.equal(await page.textContent('#fengtai .kaowu-title'), '丰台考点2024年度初中级卫生专业技术资格考试');
    assert.equal(await page.textContent('#fengtai .kaowu-asof'), '截至2024年1月30日');
  });

  await check('Fengtai on 2024-02-08, limit 2: payment ends today', async () => {
    assert.deepEqual(await rows('fengtai-last-day'), [
      { name: '网上缴费', when: '2024年1月29日－2月8日', left: '今天截止', datetime: '2024-02-08', days: 0 },
      { name: '网上打印准考证', when: '2024年4月1日－21日', left: '53天后开始', datetime: '2024-04-01', days: 53 },
    ]);
  });

  await check('specialty 203 (paper) on 2024-04-12: the exam is tomorrow', async () => {
    assert.deepEqual(await rows('specialty'), [
      { name: '考试实施', when: '2024年4月13日 9∶00—11∶00', left: '还有1天', datetime: '2024-04-13', days: 1 },
    ]);
  });

  await check('a phase whose close is not published shows as open in its year, and is dropped once the year is over', async () => {
    // National 2022 published only the day registration opened (2021-12-08 起).
    assert.deepEqual((await rows('opened')).map((r) => [r.name, r.left]), [['网上报名', '已开始']]);
    assert.equal(await state('opened-long-ago'), 'ready');
    assert.deepEqual(await rows('opened-long-ago'), []);
    assert.equal(await page.textContent('#opened-long-ago .kaowu-empty'), '近期没有需要办理的事项。');
  });

  await check('a phase whose close is not published is dropped once a later phase has begun', async () => {
    const later = await page.evaluate(() => window.kaowu.nextItems({ calendar: { exam_year: 2024 }, items: [
      { id: 'f/registration', phase: 'registration', kind: 'opens', start: '2024-01-02', end: null, parent: null, tba: false },
      { id: 'f/payment', phase: 'payment', kind: 'window', start: '2024-02-01', end: '2024-02-10', parent: null, tba: false },
    ] }, '2024-02-03', 5).map((r) => r.item.id));
    assert.deepEqual(later, ['f/payment']);
  });

  await check('kaowu.render with options: Hangzhou on 2024-05-24', async () => {
    assert.equal(await state('by-option'), 'ready');
    assert.deepEqual(await rows('by-option'), [
      { name: '网上报名', when: '2024年4月23日－5月24日', left: '今天截止', datetime: '2024-05-24', days: 0 },
      { name: '网上报名现场确认', when: '2024年4月24日－5月25日', left: '还剩1天截止', datetime: '2024-05-25', days: 1 },
      { name: '考生网上缴费', when: '2024年6月1日－8日', left: '8天后开始', datetime: '2024-06-01', days: 8 },
      { name: '准考证网上打印功能开放', when: '2024年7月1日－7日', left: '38天后开始', datetime: '2024-07-01', days: 38 },
      { name: '考试实施（人机对话）', when: '2024年7月6日（可能的考试日）', left: '还有43天', datetime: '2024-07-06', days: 43 },
    ]);
  });

  await check('links: the embedder\'s link stays, the iCalendar link points at the feed origin', async () => {
    const links = await page.$$eval('#fengtai .kaowu-links a', (as) => as.map((a) => [a.textContent, a.href]));
    assert.deepEqual(links, [
      ['丰台考点2024年度考试日程', `${origin(feeds)}/calendars/beijing-2024-fengtai/index.html`],
      // The subscribe page, which offers what works on the reader's device, not the bare .ics.
      ['订阅到手机日历', `${origin(feeds)}/subscribe/beijing-2024-fengtai.html`],
    ]);
    // Without an embedder's link, the widget links to the feed's page.
    const own = await page.$$eval('#specialty .kaowu-links a', (as) => as.map((a) => a.href));
    assert.equal(own[0], `${origin(feeds)}/calendars/beijing-2024/specialties/203.html`); // its own page
  });

  await check('cross-origin: fetched with an Origin header and no cookies; without CORS the plain link remains', async () => {
    const fetched = feedRequests.filter((r) => r.url.endsWith('.json'));
    assert.ok(fetched.length >= 4);
    for (const r of fetched) {
      assert.equal(r.origin, origin(pages));
      assert.equal(r.cookie, undefined);
    }
    assert.equal(await state('no-cors'), 'error');
    assert.equal(await page.$('#no-cors .kaowu-box'), null);
    assert.equal(await page.getAttribute('#no-cors a', 'href'), `${origin(feeds)}/calendars/beijing-2024-fengtai/index.html`);
    assert.deepEqual(pageErrors, []);
  });

  await check('accessibility: axe-core finds no violations in the rendered widgets', async () => {
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);
    // A list, a heading named by the calendar, the counts as <time> with a datetime.
    const labelledBy = await page.getAttribute('#fengtai section', 'aria-labelledby');
    assert.equal(labelledBy, `${await page.getAttribute('#fengtai h3', 'id')} ${await page.getAttribute('#fengtai .kaowu-asof', 'id')}`);
    assert.equal(await page.$$eval('#fengtai ul > li > time[datetime]', (t) => t.length), 5);
  });

  await context.close();

  await check('JavaScript off: the plain link is what the reader gets', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const p = await noJs.newPage();
    await p.goto(`${origin(pages)}/`);
    assert.equal(await p.$('.kaowu-box'), null);
    assert.equal(await p.textContent('#fengtai a'), '丰台考点2024年度考试日程');
    assert.equal(await p.getAttribute('#fengtai a', 'href'), `${origin(feeds)}/calendars/beijing-2024-fengtai/index.html`);
    assert.ok(await p.isVisible('#fengtai a'));
    await noJs.close();
  });

  await check('the widget is plain JavaScript under 15 KB', async () => {
    const bytes = fs.statSync(path.join(publicDir, 'embed', 'kaowu.js')).size;
    assert.ok(bytes < 15 * 1024, `${bytes} bytes`);
  });
} finally {
  await browser.close();
  feeds.close();
  pages.close();
}
console.log(failures ? `${failures} failed` : 'all passed');
process.exit(failures ? 1 : 0);
