// The pages' one script, by the visitor's clock read in Asia/Shanghai (UTC+8, no daylight saving):
// 1. marks every dated phase past (已结束), open (进行中) or upcoming (未开始);
// 2. fills the "现在该做什么" box: the phases open now with their last day and the days left, the
//    next one, and the countdown to the exam (the same wording kaowu writes for --today, see
//    compiler/render/html/now_view.cpp);
// 3. filters the list of specialties as the visitor types a code or a name.
// Pages are complete without it: they list every phase with its dates, the build may already
// have marked them (--today), and the specialties are a plain list.
(function () {
  "use strict";
  var DAY_MS = 86400000;
  var today = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);

  function dayNumber(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || "");
    return m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) / DAY_MS : NaN;
  }
  function zhDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || "");
    return m ? +m[1] + "年" + +m[2] + "月" + +m[3] + "日" : iso;
  }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  // 1. Status of every dated phase. A deadline (…前) is open every day up to its date.
  function firstOf(node) {
    return node.hasAttribute("data-deadline") ? "0000-01-01" : node.getAttribute("data-first") || node.getAttribute("data-last");
  }
  function statusOf(node) {
    var last = node.getAttribute("data-last");
    return today > last ? "past" : today >= firstOf(node) ? "open" : "upcoming";
  }
  var words = { past: "已结束", open: "进行中", upcoming: "未开始" };
  var dated = document.querySelectorAll("li.phase[data-last]");
  for (var i = 0; i < dated.length; i++) {
    var status = statusOf(dated[i]);
    dated[i].setAttribute("data-status", status);
    var label = dated[i].querySelector(".status");
    if (label) label.textContent = words[status];
  }

  // 2. The "now" box.
  function nowItem(kind, tag, name, rest, left) {
    var li = el("li", "now-item");
    li.setAttribute("data-kind", kind);
    li.appendChild(el("span", "now-tag", tag));
    li.appendChild(document.createTextNode(" "));
    if (name) {
      li.appendChild(el("strong", null, name));
      li.appendChild(document.createTextNode("："));
    }
    li.appendChild(document.createTextNode(rest));
    if (left) li.appendChild(el("span", "now-left", left));
    return li;
  }
  function addLink(href, name) {
    var a = el("a", "add", "加入日历");
    a.href = href;
    a.appendChild(el("span", "vh", "：" + name + "截止日"));
    return a;
  }
  function examLine(box, t) {
    var first = box.getAttribute("data-exam-first"), last = box.getAttribute("data-exam-last");
    if (!first) return null;
    var possible = box.hasAttribute("data-exam-possible");
    var text;
    if (t < dayNumber(first)) text = zhDate(first) + (possible ? "起" : "开始") + "，还有" + (dayNumber(first) - t) + "天";
    else if (t <= dayNumber(last)) text = "考试期间，至" + zhDate(last);
    else text = "已结束";
    return nowItem("exam", possible ? "可能的考试日" : "考试", null, text);
  }
  function renderNow(box) {
    var body = box.querySelector(".now-body");
    if (!body) return;
    var t = dayNumber(today);
    var phases = document.querySelectorAll("ol[data-candidates] li.phase[data-audience=candidate][data-last]:not([data-exam])");
    var open = [], next = null;
    for (var i = 0; i < phases.length; i++) {
      var p = phases[i], s = statusOf(p);
      if (s === "open") open.push(p);
      if (s === "upcoming" && (!next || firstOf(p) < firstOf(next))) next = p;
    }
    open.sort(function (a, b) { return dayNumber(a.getAttribute("data-last")) - dayNumber(b.getAttribute("data-last")); });
    var list = el("ul", "now-list");
    function nameOf(p) { var n = p.querySelector(".phase-name"); return n ? n.textContent : ""; }
    open.forEach(function (p) {
      var last = p.getAttribute("data-last"), n = dayNumber(last) - t, name = nameOf(p);
      var li = nowItem("open", "进行中", name, zhDate(last) + "截止，", n ? "还剩" + n + "天" : "今天截止");
      if (p.getAttribute("data-add")) {
        li.appendChild(document.createTextNode(" "));
        li.appendChild(addLink(p.getAttribute("data-add"), name));
      }
      list.appendChild(li);
    });
    if (!open.length && document.querySelector("ol[data-candidates]")) {
      var quiet = el("li", "now-item", "现在没有正在办理的事项。");
      quiet.setAttribute("data-kind", "quiet");
      list.appendChild(quiet);
    }
    if (next) {
      var n = dayNumber(firstOf(next)) - t;
      var left = next.hasAttribute("data-approximate") ? (n ? "预计" + n + "天后" : "预计今天") : (n ? "还有" + n + "天" : "今天开始");
      list.appendChild(nowItem("next", "下一项", nameOf(next), (next.getAttribute("data-starts") || "") + "，", left));
    }
    var exam = examLine(box, t);
    if (exam) list.appendChild(exam);
    while (body.firstChild) body.removeChild(body.firstChild);
    body.appendChild(el("p", "now-asof", "按 " + zhDate(today)));
    body.appendChild(list);
  }
  var box = document.querySelector("section.now");
  if (box) renderNow(box);

  // 3. The specialty finder: a code matches from its start, a name anywhere.
  var input = document.getElementById("specialty-filter");
  var listEl = document.getElementById("specialty-list");
  if (input && listEl) {
    var finder = input.closest(".finder"), all = listEl.closest("details");
    var count = finder && finder.parentNode.querySelector(".finder-count");
    if (finder) finder.hidden = false;
    var items = listEl.querySelectorAll("li");
    var filter = function () {
      var q = input.value.replace(/\s+/g, "");
      var shown = 0;
      for (var i = 0; i < items.length; i++) {
        var li = items[i];
        var hit = !q || li.getAttribute("data-code").indexOf(q) === 0 || li.getAttribute("data-name").indexOf(q) >= 0;
        li.hidden = !hit;
        if (hit) shown++;
      }
      if (all && q) all.open = true;
      if (count) count.textContent = q ? (shown ? "找到 " + shown + " 个专业" : "没有找到这个专业，请检查代码或名称") : "";
    };
    input.addEventListener("input", filter);
    if (input.value) filter();
  }
})();
