"""Tests the output checks themselves (output_checks.py) on hand-made files, since the HTML and
iCalendar renderers they guard may not exist yet: each bad file must be caught, each good one
must pass."""
import json
import os

from kwtest import Report, remove_tree, temp_dir
from output_checks import check_tree
from payloads import PAYLOADS

S, A, I, M = PAYLOADS["script"], PAYLOADS["attribute"], PAYLOADS["ical"], PAYLOADS["mustache"]


def html_escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;").replace("'", "&#39;")


def ical_escape(s):
    return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")


def ics(summary):
    return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a@kaowu\r\nSUMMARY:" + summary +
            "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n").encode("utf-8")


GOOD = {
    "escaped.html": ('<!doctype html><html lang="zh-CN"><title>%s</title><p title="%s">%s</p><p>%s</p>'
                     '<script type="application/json">%s</script></html>' % (
                         html_escape(S), html_escape(A), html_escape(M), html_escape(A),
                         json.dumps({"t": S}).replace("<", "\\u003c"))).encode(),
    "escaped.ics": ics(ical_escape(I)),
    "folded.ics": ics(ical_escape(I)[:20] + "\r\n " + ical_escape(I)[20:]),
    "escaped.json": json.dumps({"title": S, "name": I, "m": M}).encode(),
    "escaped.xml": ("<feed><title>%s</title><entry a=\"%s\"/></feed>" % (html_escape(S), html_escape(A))).encode(),
}
BAD = {
    "raw-script.html": ("<p>%s</p>" % S).encode(),
    "attribute-breakout.html": ('<p title="%s">x</p>' % A).encode(),
    "javascript-link.html": b'<a href=" JavaScript:alert(1)">x</a>',
    "double-escaped.html": ("<p>%s</p>" % html_escape(html_escape(S))).encode(),
    "script-breakout.html": ('<script type="application/json">%s</script>' % json.dumps({"t": S})).encode(),
    "data-in-js.html": b'<script>var t = "kw-xss";</script>',
    "mustache-expanded.html": b"<p>kw-mustache</p>",
    "smuggled.ics": ics(I),
    "bare-lf.ics": ics("a\nb"),
    "unbalanced.ics": b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n",
    "unescaped-lf-in-value.ics": ics(I.replace("\r\n", "\n")),
    "nan.json": b'{"a": NaN}',
    "raw-control.json": b'{"a": "x\x01y"}',
    "truncated.json": json.dumps({"t": S[:-9]}).encode(),
    "not-utf8.json": b'{"a": "\xff"}',
    "script-element.xml": ("<feed><title>%s</title></feed>" % S).encode(),
    "unclosed.xml": b"<feed><title>kw-xss</feed>",
    "data.js": b"const t = 'kw-xss';",
}


def main():
    report = Report("robustness.output_checks")
    work = temp_dir("output-checks")
    try:
        for name, data in list(GOOD.items()) + list(BAD.items()):
            d = os.path.join(work, name)
            os.makedirs(d)
            with open(os.path.join(d, name), "wb") as f:
                f.write(data)
            problems = check_tree(d).problems
            if name in GOOD:
                report.check(not problems, "good file %s was flagged: %s" % (name, problems))
            else:
                report.check(bool(problems), "bad file %s was not caught" % name)
                if problems:
                    print("caught %-28s %s" % (name, problems[0][:110]))
    finally:
        remove_tree(work)
    report.finish()


if __name__ == "__main__":
    main()
