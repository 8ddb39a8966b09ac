/*
 * kaowu.js: shows the next deadlines of a kaowu JSON feed, with the days left, on any page.
 * Plain JavaScript, no framework, no build step. Usage (docs/json.md):
 *
 *   <div data-kaowu-feed="https://example.gov.cn/kaowu/feeds/beijing-2024.json">
 *     <a href="https://example.gov.cn/kaowu/calendars/beijing-2024/index.html">考试日程</a>
 *   </div>
 *   <script src="https://example.gov.cn/kaowu/embed/kaowu.js" defer></script>
 *
 * Without JavaScript, or when the feed cannot be read, the link inside the div stays as it is.
 * Options, as data attributes on the div or as the second argument of kaowu.render(element, {}):
 *   data-kaowu-today="2024-01-30"  count days from this day (default: today in Beijing time)
 *   data-kaowu-limit="5"           how many phases to list
 *   data-kaowu-heading="3"         heading level of the title (2–6)
 * The feed is fetched without credentials, so it works from any origin whose server sends
 * Access-Control-Allow-Origin for the JSON files.
 */
(function () {
  'use strict';

  var DAY_MS = 86400000;
  var BEIJING_OFFSET_MS = 8 * 3600000; // Asia/Shanghai: UTC+8, no daylight saving
  var counter = 0;

  // Days since 1970-01-01 of the date part of an ISO string ("2024-04-13", "2024-04-13T08:30:00+08:00").
  function dayNumber(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || '');
    return m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) / DAY_MS : NaN;
  }

  function beijingToday() {
    return new Date(Date.now() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
  }

  function zhDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    return m ? +m[1] + '年' + +m[2] + '月' + +m[3] + '日' : iso;
  }

  // Where the item stands on `today`: the text shown, the days it counts and the day it counts to.
  // null when the item is over.
  function statusOf(item, today) {
    var start = dayNumber(item.start);
    var end = item.end ? dayNumber(item.end) : start;
    var n;
    switch (item.kind) {
      case 'window':
        if (today < start) return { state: 'upcoming', days: start - today, text: (start - today) + '天后开始', on: item.start };
        if (today > end) return null;
        n = end - today;
        return { state: n ? 'open' : 'last-day', days: n, text: n ? '还剩' + n + '天截止' : '今天截止', on: item.end };
      case 'deadline':
        if (today > end) return null;
        n = end - today;
        return { state: n ? 'open' : 'last-day', days: n, text: n ? '还剩' + n + '天截止' : '今天截止', on: item.end };
      case 'opens':
        if (today < start) return { state: 'upcoming', days: start - today, text: (start - today) + '天后开始', on: item.start };
        return { state: 'open', days: 0, text: '已开始', on: item.start };
      case 'estimate':
        if (today > end) return null;
        n = end - today;
        return { state: 'estimate', days: n, text: n ? '预计' + n + '天后' : '预计今天', on: item.end };
      default: // day, session, exam-day
        if (today > end) return null;
        n = start - today;
        if (n < 0) n = 0;
        return { state: n ? 'upcoming' : 'today', days: n, text: n ? '还有' + n + '天' : '今天', on: item.start.slice(0, 10) };
    }
  }

  // The first current item of each phase, in feed order (by date), at most `limit` of them; the
  // exam once per mode (人机对话 and 纸笔作答 keep different times), so a paper candidate sees the
  // paper times. Detail events (a window's slot days and last-day reminder) and undated ones are
  // left out, and so is a phase that is past or whose close is not published once a later phase
  // has begun (an "opens" event would otherwise stay "已开始" for ever).
  function nextItems(feed, todayIso, limit) {
    var today = dayNumber(todayIso);
    var items = (feed.items || []).filter(function (item) { return !item.tba && !item.parent && item.start; });
    var modes = {};
    items.forEach(function (item) { if (item.phase === 'exam' && item.mode) modes[item.mode] = true; });
    var manyModes = Object.keys(modes).length > 1;
    function laterPhaseBegun(item) {
      var start = dayNumber(item.start);
      return items.some(function (other) {
        var s = dayNumber(other.start);
        return other.phase !== item.phase && s > start && s <= today;
      });
    }
    // The exam year is over: nothing of the calendar is still "open", published close or not.
    var year = feed.calendar && feed.calendar.exam_year;
    var yearOver = year ? today > dayNumber(year + '-12-31') : false;
    var seen = {};
    var out = [];
    for (var i = 0; i < items.length && out.length < limit; i++) {
      var item = items[i];
      var key = item.phase + (item.phase === 'exam' && manyModes ? '/' + item.mode : '');
      if (seen[key]) continue;
      var status = statusOf(item, today);
      if (!status) continue;
      if (item.kind === 'opens' && (yearOver || laterPhaseBegun(item))) continue;
      seen[key] = true;
      out.push({ item: item, status: status, mode: key !== item.phase ? item.mode : null });
    }
    return out;
  }

  // Only web links: a feed cannot make the page run script through a javascript: URL.
  function safeUrl(link, base) {
    try {
      var url = new URL(link, base);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  function injectStyle() {
    if (document.getElementById('kaowu-style')) return;
    var style = el('style');
    style.id = 'kaowu-style';
    style.textContent =
      '.kaowu-box{font:inherit;border:1px solid #c9d3df;border-radius:6px;padding:.75em 1em;max-width:32em;background:#fff;color:#1b2430}' +
      '.kaowu-title{font-size:1.05em;margin:0 0 .25em}' +
      '.kaowu-asof{margin:0 0 .5em;color:#4a5563;font-size:.875em}' +
      '.kaowu-list{list-style:none;margin:0;padding:0}' +
      '.kaowu-item{display:flex;flex-wrap:wrap;gap:.25em .75em;align-items:baseline;padding:.4em 0;border-top:1px solid #e3e8ee}' +
      '.kaowu-name{font-weight:600}.kaowu-when{color:#2f3a48}' +
      '.kaowu-moved{font-size:.8em;color:#7a3e00;border:1px solid #d9a44a;border-radius:3px;padding:0 .3em}' +
      '.kaowu-left{margin-left:auto;font-weight:700;color:#0b5394}' +
      '.kaowu-item[data-kaowu-state=last-day] .kaowu-left,.kaowu-item[data-kaowu-state=open] .kaowu-left{color:#a4161a}' +
      '.kaowu-links{margin:.5em 0 0;font-size:.875em}.kaowu-links a{color:#0b5394;margin-right:1em}';
    (document.head || document.documentElement).appendChild(style);
  }

  function build(host, feed, feedUrl, options) {
    var id = 'kaowu-' + ++counter;
    var level = Math.min(6, Math.max(2, parseInt(options.heading, 10) || 3));
    var box = el('section', 'kaowu-box');
    box.setAttribute('lang', 'zh-CN');
    // Named by the calendar and the day counted from, so two widgets on a page differ.
    box.setAttribute('aria-labelledby', id + '-title ' + id + '-asof');
    var title = el('h' + level, 'kaowu-title', (feed.calendar && feed.calendar.title) || feed.title);
    title.id = id + '-title';
    box.appendChild(title);
    var asof = el('p', 'kaowu-asof', '截至' + zhDate(options.today));
    asof.id = id + '-asof';
    box.appendChild(asof);

    var rows = nextItems(feed, options.today, options.limit);
    if (rows.length) {
      var list = el('ul', 'kaowu-list');
      rows.forEach(function (row) {
        var li = el('li', 'kaowu-item');
        li.setAttribute('data-kaowu-id', row.item.id);
        li.setAttribute('data-kaowu-days', String(row.status.days));
        li.setAttribute('data-kaowu-state', row.status.state);
        var name = row.item.phase_name || row.item.title;
        if (row.mode) name += row.mode === 'paper' ? '（纸笔作答）' : '（人机对话）';
        li.appendChild(el('span', 'kaowu-name', name));
        var when = row.item.display + (row.item.possible ? '（可能的考试日）'
          : row.item.day_by_admission_card ? '（具体日期以准考证为准）' : '');
        li.appendChild(el('span', 'kaowu-when', when));
        // Moved by the calendar's latest revision (docs/json.md, "Revisions"): said on the row, so
        // a candidate who noted the old date sees that it changed.
        if (row.item.was) {
          var moved = el('span', 'kaowu-moved', '日期已调整');
          if (row.item.was.display) moved.title = '原定' + row.item.was.display;
          li.appendChild(moved);
        }
        var left = el('time', 'kaowu-left', row.status.text);
        left.setAttribute('datetime', row.status.on);
        li.appendChild(left);
        list.appendChild(li);
      });
      box.appendChild(list);
    } else {
      box.appendChild(el('p', 'kaowu-empty', '近期没有需要办理的事项。'));
    }

    // The embedder's own link (the no-script fallback) stays; else one to the feed's page.
    var links = el('p', 'kaowu-links');
    var fallback = host.querySelector('a[href]');
    var feedLinks = feed.links || {};
    if (fallback) {
      links.appendChild(fallback);
    } else {
      var page = safeUrl(feedLinks.page, feedUrl);
      if (page) {
        var a = el('a', null, '查看完整日程');
        a.href = page;
        links.appendChild(a);
      }
    }
    // The subscribe page offers what works on the reader's device (webcal:// on iOS, Google on
    // Android, the way out of WeChat); the bare .ics only where an older feed names no such page.
    var subscribe = safeUrl(feedLinks.subscribe, feedUrl) || safeUrl(feedLinks.ics, feedUrl);
    if (subscribe) {
      var sub = el('a', 'kaowu-ics', '订阅到手机日历');
      sub.href = subscribe;
      links.appendChild(sub);
    }
    box.appendChild(links);

    while (host.firstChild) host.removeChild(host.firstChild);
    host.appendChild(box);
  }

  function optionsOf(host, given) {
    given = given || {};
    var limit = parseInt(given.limit || host.getAttribute('data-kaowu-limit'), 10);
    var today = given.today || host.getAttribute('data-kaowu-today') || beijingToday();
    return {
      feed: given.feed || host.getAttribute('data-kaowu-feed'),
      today: /^\d{4}-\d{2}-\d{2}$/.test(today) ? today : beijingToday(),
      limit: limit > 0 ? limit : 5,
      heading: given.heading || host.getAttribute('data-kaowu-heading')
    };
  }

  // Renders the feed into `host`; resolves when done. On failure the host keeps its content.
  function render(host, given) {
    var options = optionsOf(host, given);
    var feedUrl = safeUrl(options.feed, document.baseURI);
    host.setAttribute('data-kaowu-state', 'loading');
    host.setAttribute('aria-busy', 'true');
    function fail(error) {
      host.setAttribute('data-kaowu-state', 'error');
      host.removeAttribute('aria-busy');
      if (window.console) console.warn('kaowu: cannot show ' + options.feed + ': ' + error);
    }
    if (!feedUrl || !window.fetch) {
      fail('unsupported');
      return Promise.resolve(false);
    }
    return fetch(feedUrl, { credentials: 'omit' })
      .then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.json();
      })
      .then(function (feed) {
        if (!feed || feed.version !== 1 || !Array.isArray(feed.items)) throw new Error('not a kaowu feed v1');
        injectStyle();
        build(host, feed, feedUrl, options);
        host.setAttribute('data-kaowu-state', 'ready');
        host.removeAttribute('aria-busy');
        return true;
      })
      .catch(function (error) {
        fail(error && error.message ? error.message : error);
        return false;
      });
  }

  function renderAll() {
    var hosts = document.querySelectorAll('[data-kaowu-feed]');
    for (var i = 0; i < hosts.length; i++)
      if (!hosts[i].hasAttribute('data-kaowu-state')) render(hosts[i]);
  }

  window.kaowu = { version: 1, render: render, nextItems: nextItems, renderAll: renderAll };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', renderAll);
  else renderAll();
})();
