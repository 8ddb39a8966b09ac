// Every feed, parsed by ical.js (npm, the parser of many web calendars), agrees with the raw-text
// oracle: same events, same all-day dates, same instants through the published VTIMEZONE.
//   node icaljs_check.mjs EXPECTED.json     (EXPECTED.json from oracle.py)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// ical.js lives in tests/node_modules, beside this folder.
const require = createRequire(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'package.json'));
const ICAL = require('ical.js');

const expected = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const failures = [];
const listed = {};
let events = 0;

const pad = (n) => String(n).padStart(2, '0');
const ymd = (t) => `${t.year}-${pad(t.month)}-${pad(t.day)}`;
const hm = (t) => `${ymd(t)} ${pad(t.hour)}:${pad(t.minute)}`;

for (const [file, want] of Object.entries(expected.feeds)) {
  const fail = (m) => failures.push(`${file}: ${m}`);
  let root;
  try {
    root = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
  } catch (e) {
    fail(`does not parse: ${e.message}`);
    continue;
  }
  ICAL.TimezoneService.reset();
  const zones = root.getAllSubcomponents('vtimezone');
  for (const z of zones) ICAL.TimezoneService.register(z);
  if (/\/events\/[^/]+\.ics$/.test(file)) {
    // 加入日历: one event to add, under its feed's UID (checked against the feed below).
    if (root.getFirstPropertyValue('method') !== 'PUBLISH') fail('a single-event file is not METHOD:PUBLISH');
    if (root.getFirstPropertyValue('x-wr-calname')) fail('a single-event file names a calendar');
  } else {
    if (root.getFirstPropertyValue('x-wr-timezone') !== 'Asia/Shanghai') fail('X-WR-TIMEZONE');
    if (!root.getFirstPropertyValue('x-wr-calname')) fail('no X-WR-CALNAME');
    if (!root.getFirstPropertyValue('refresh-interval')) fail('no REFRESH-INTERVAL');
  }

  const vevents = root.getAllSubcomponents('vevent');
  if (vevents.length !== want.events.length) fail(`${vevents.length} events, the text has ${want.events.length}`);
  vevents.forEach((ve, i) => {
    const ev = new ICAL.Event(ve);
    const w = want.events[i];
    events++;
    if (!w || ev.uid !== w.uid) return fail(`event ${i}: UID ${ev.uid}, expected ${w && w.uid}`);
    if (ev.summary !== w.summary) fail(`${ev.uid}: SUMMARY ${ev.summary}`);
    if (ev.sequence !== w.sequence) fail(`${ev.uid}: SEQUENCE ${ev.sequence}`);
    const s = ev.startDate, e = ev.endDate;
    let shown;
    if (w.all_day) {
      if (!s.isDate || !e.isDate) return fail(`${ev.uid}: all-day event read as a date-time`);
      const last = e.clone();
      last.adjust(-1, 0, 0, 0); // DTEND is exclusive
      shown = [ymd(s), ymd(last)];
    } else {
      if (s.isDate) return fail(`${ev.uid}: timed event read as a date`);
      if (s.zone.tzid !== 'Asia/Shanghai') fail(`${ev.uid}: zone ${s.zone.tzid}`);
      const utc = new Date(s.toUnixTime() * 1000).toISOString().replace('.000', '');
      if (utc !== w.start_utc) fail(`${ev.uid}: starts ${utc} UTC, expected ${w.start_utc}`);
      shown = [hm(s), hm(e)];
    }
    if (shown[0] !== w.start || shown[1] !== w.end) fail(`${ev.uid}: read as ${shown}, the text says ${w.start},${w.end}`);
    // The same UID in a feed and in a single-event file must read the same.
    if (listed[ev.uid] && (listed[ev.uid][0] !== shown[0] || listed[ev.uid][1] !== shown[1])) fail(`${ev.uid}: read differently in two files`);
    listed[ev.uid] = shown;
  });
}
for (const [uid, start, end] of expected.facts) {
  const got = listed[uid];
  if (!got || got[0] !== start || got[1] !== end) failures.push(`ical.js lists ${uid} as ${got}, the notice says ${start},${end}`);
}
for (const f of failures.slice(0, 50)) console.log('FAIL', f);
console.log(`ical.js: ${Object.keys(expected.feeds).length} feeds, ${events} events, ${failures.length} failures`);
process.exit(failures.length ? 1 : 0);
