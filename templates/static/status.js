// Marks every dated phase past (已结束), open (进行中) or upcoming (未开始) by the visitor's
// clock, read in Asia/Shanghai (UTC+8, no daylight saving). Pages are complete without it:
// they list every phase with its dates, and the build may already have marked them (--today).
(function () {
  "use strict";
  var today = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
  var words = { past: "已结束", open: "进行中", upcoming: "未开始" };
  var dated = document.querySelectorAll("[data-last]");
  for (var i = 0; i < dated.length; i++) {
    var el = dated[i];
    var last = el.getAttribute("data-last");
    // A deadline (…前) is open every day up to its date.
    var first = el.hasAttribute("data-deadline") ? "0000-01-01" : el.getAttribute("data-first") || last;
    var status = today > last ? "past" : today >= first ? "open" : "upcoming";
    el.setAttribute("data-status", status);
    var label = el.querySelector(".status");
    if (label) label.textContent = words[status];
  }
})();
