// The subscribe page: puts the way that works on the visitor's device first and folds the others
// away, adds copy buttons, and, when the site was built without --base-url, writes the
// subscription links from the address the page was opened at. Without it the page lists every
// way, for every device.
//   WeChat's in-app browser (MicroMessenger) opens neither webcal:// nor an .ics download: the
//   reader is told to open the page in the phone's browser first.
(function () {
  "use strict";
  var options = document.querySelector(".sub-options");
  if (!options) return;

  function deviceOf(ua) {
    if (/MicroMessenger/i.test(ua)) return "wechat";
    // iPadOS asks for desktop pages with a Mac user agent; a touch screen gives it away.
    if (/iPhone|iPad|iPod/.test(ua) || (/Macintosh/.test(ua) && navigator.maxTouchPoints > 1)) return "ios";
    if (/Android/i.test(ua)) return "android";
    return "desktop";
  }

  // Outlook names the new calendar after its name parameter: the feed's title, added here.
  function nameOutlook() {
    var name = options.getAttribute("data-name");
    var links = document.querySelectorAll('a[data-link="outlook"][href], a[data-link="office"][href]');
    for (var i = 0; i < links.length; i++)
      if (name && links[i].href.indexOf("&name=") < 0) links[i].href += "&name=" + encodeURIComponent(name);
  }

  // Without --base-url the page has no absolute address; served over http(s), it can make one.
  function fillLinks() {
    var ics = options.getAttribute("data-ics");
    if (!ics || !/^https?:$/.test(location.protocol)) return;
    var https = new URL(ics, location.href).href;
    var webcal = "webcal:" + https.replace(/^https?:/, "");
    var hrefs = {
      webcal: webcal,
      google: "https://calendar.google.com/calendar/render?cid=" + webcal,
      outlook: "https://outlook.live.com/calendar/0/addfromweb?url=" + encodeURIComponent(https),
      office: "https://outlook.office.com/calendar/0/addfromweb?url=" + encodeURIComponent(https)
    };
    var links = document.querySelectorAll("a[data-link]");
    for (var i = 0; i < links.length; i++) {
      if (links[i].getAttribute("href")) continue;
      links[i].href = hrefs[links[i].getAttribute("data-link")];
      links[i].hidden = false;
    }
    var boxes = document.querySelectorAll(".sub-url");
    for (var j = 0; j < boxes.length; j++) {
      var input = boxes[j].querySelector("input");
      if (input && !input.value) input.value = https;
      boxes[j].hidden = false;
    }
    var note = document.querySelector(".no-base");
    if (note) note.hidden = true;
  }

  function copyButtons() {
    var buttons = document.querySelectorAll("button.copy");
    for (var i = 0; i < buttons.length; i++) {
      (function (button) {
        var input = document.getElementById(button.getAttribute("data-copy"));
        if (!input) return;
        button.hidden = false;
        button.addEventListener("click", function () {
          input.select();
          var done = function () { button.textContent = "已复制"; };
          if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(input.value).then(done, function () {});
          else if (document.execCommand && document.execCommand("copy")) done();
        });
      })(buttons[i]);
    }
  }

  // The visitor's way first, marked; the others inside a closed <details>.
  function arrange(device) {
    var mine = options.querySelector('.sub-option[data-device="' + device + '"]');
    if (!mine) return;
    options.setAttribute("data-device", device);
    var heading = mine.querySelector("h2");
    if (heading) heading.appendChild(Object.assign(document.createElement("span"), { className: "mine", textContent: "适合您的设备" }));
    var others = document.createElement("details");
    others.className = "sub-others";
    var summary = document.createElement("summary");
    summary.textContent = "其他设备的订阅方法";
    others.appendChild(summary);
    var all = options.querySelectorAll(".sub-option");
    for (var i = 0; i < all.length; i++) if (all[i] !== mine) others.appendChild(all[i]);
    options.insertBefore(mine, options.firstChild);
    options.appendChild(others);
  }

  fillLinks();
  nameOutlook();
  copyButtons();
  arrange(deviceOf(navigator.userAgent));
})();
