"""Checks every file of a built site by its type, so that they apply to each renderer as it
lands: JSON parses strictly, iCalendar keeps its line structure, HTML and XML carry data only as
escaped text. With payloads (payloads.py) in the input, each payload found in the output must be
intact once the format's own escaping is undone, and must never become markup, a property, an
event, a link target or a template expansion."""
import codecs
import html.parser
import json
import os
import re
import xml.etree.ElementTree as ElementTree

from payloads import MARKERS, PAYLOADS

TEXT_TYPES = {".html", ".htm", ".json", ".ics", ".xml", ".svg", ".css", ".js", ".mjs", ".md", ".txt",
              ".csv", ".webmanifest", ".atom", ".rss"}
LINK_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data", "srcset", "background"}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:text/html", "data:application")


def norm(s):
    """Whitespace collapsed, so a renderer may wrap or reflow text without failing the checks."""
    return " ".join(s.split())


class Findings:
    def __init__(self):
        self.problems = []
        self.files = {}     # extension -> count
        self.carriers = {}  # (extension, payload) -> files carrying it

    def problem(self, path, message):
        self.problems.append("%s: %s" % (path, message))

    def carried(self, ext, name, path):
        self.carriers.setdefault((ext, name), set()).add(path)


def check_value(findings, path, ext, where, value):
    """A string as the reader of the format sees it (unescaped): payloads must be whole."""
    for name, marker in MARKERS.items():
        if marker in value:
            findings.carried(ext, name, path)
            if norm(PAYLOADS[name]) not in norm(value):
                findings.problem(path, "%s carries a mangled %s payload: %r" % (where, name, value[:200]))


def check_json(findings, path, data):
    def no_constants(name):
        raise ValueError("non-standard JSON constant " + name)
    try:
        doc = json.loads(data.decode("utf-8"), parse_constant=no_constants)
    except ValueError as e:
        findings.problem(path, "not strict JSON: %s" % e)
        return

    def walk(v):
        if isinstance(v, str):
            check_value(findings, path, ".json", "a string", v)
        elif isinstance(v, dict):
            for k, x in v.items():
                walk(k)
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)
    walk(doc)


ICAL_NAME = re.compile(r"^[A-Za-z0-9-]+(;[^:]*)?:")


def ical_unescape(v):
    out, i = [], 0
    while i < len(v):
        if v[i] == "\\" and i + 1 < len(v):
            out.append("\n" if v[i + 1] in "nN" else v[i + 1])
            i += 2
        else:
            out.append(v[i])
            i += 1
    return "".join(out)


def check_ics(findings, path, data):
    text = data.decode("utf-8")
    if not text.endswith("\r\n"):
        findings.problem(path, "does not end with CRLF")
    if re.search(r"\r(?!\n)|(?<!\r)\n", text):
        findings.problem(path, "has a bare CR or LF: a data line break reached the file unescaped")
    if re.search(r"[\x00-\x08\x0b-\x1f\x7f]", text.replace("\r\n", "")):
        findings.problem(path, "has a control character other than tab")
    lines = re.sub(r"\r\n[ \t]", "", text).split("\r\n")[:-1]
    stack = []
    for n, line in enumerate(lines, 1):
        if not ICAL_NAME.match(line):
            findings.problem(path, "line %d is not a content line: %r" % (n, line[:80]))
            continue
        name = re.split(r"[;:]", line, 1)[0].upper()
        value = line.split(":", 1)[1] if name not in ("BEGIN", "END") else line.split(":", 1)[1]
        if name.startswith("X-KW-") or line == "SUMMARY:kw-smuggled-event" or line.startswith("DTSTART:2099"):
            findings.problem(path, "line %d was smuggled in by data: %r" % (n, line[:80]))
        if name == "BEGIN":
            stack.append(value)
        elif name == "END":
            if not stack or stack.pop() != value:
                findings.problem(path, "line %d: END:%s does not close the open component" % (n, value))
        else:
            params = line.split(":", 1)[0]
            for pv in re.findall(r'="([^"]*)"', params):
                check_value(findings, path, ".ics", "a parameter", pv)
            check_value(findings, path, ".ics", "line %d (%s)" % (n, name), ical_unescape(value))
    if stack:
        findings.problem(path, "components left open: %s" % stack)


class HtmlScan(html.parser.HTMLParser):
    def __init__(self, findings, path):
        super().__init__(convert_charrefs=True)
        self.findings, self.path = findings, path
        self.script = None  # attributes of the open <script>, and its text

    def handle_starttag(self, tag, attrs):
        f, p = self.findings, self.path
        for name, value in attrs:
            value = value or ""
            if name.startswith("on") and "kw-" in value:
                f.problem(p, "<%s %s=…> is an event handler made from data" % (tag, name))
            if name in LINK_ATTRIBUTES and value.strip().lower().replace("\t", "").startswith(BAD_SCHEMES):
                f.problem(p, "<%s %s=%r> links to a script" % (tag, name, value[:80]))
            if tag == "iframe" and "kw-frame" in value:
                f.problem(p, "an <iframe> from a notice's raw HTML was published")
            check_value(f, p, ".html", "attribute %s of <%s>" % (name, tag), value)
        if tag == "script":
            self.script = [dict(attrs), ""]

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag == "script" and self.script is not None:
            attrs, body = self.script
            self.script = None
            if "kw-" in body:
                kind = (attrs.get("type") or "").lower()
                if kind not in ("application/json", "application/ld+json"):
                    self.findings.problem(self.path, "data inside a <script> that is not JSON")
                else:
                    # The script must end where the renderer meant it to: the whole body is JSON.
                    check_json(self.findings, self.path + " <script>", body.encode("utf-8"))

    def handle_data(self, data):
        if self.script is not None:
            self.script[1] += data
            return
        check_value(self.findings, self.path, ".html", "text", data)


def check_html(findings, path, data):
    text = data.decode("utf-8")
    if re.search(r"<script[^>]*>\s*alert\(", text):
        findings.problem(path, "a <script> from data or a notice is in the page unescaped")
    scan = HtmlScan(findings, path)
    scan.feed(text)
    scan.close()


def check_xml(findings, path, data):
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as e:
        findings.problem(path, "not well-formed XML: %s" % e)
        return
    for el in root.iter():
        tag = el.tag.split("}")[-1] if isinstance(el.tag, str) else ""
        if tag == "script" and "kw-" in "".join(el.itertext()):
            findings.problem(path, "a <script> element made from data")
        for name, value in el.attrib.items():
            check_value(findings, path, ".xml", "attribute " + name, value)
        for t in (el.text, el.tail):
            if t:
                check_value(findings, path, ".xml", "text", t)


def check_tree(root):
    findings = Findings()
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root)
            ext = os.path.splitext(name)[1].lower()
            findings.files[ext] = findings.files.get(ext, 0) + 1
            with open(path, "rb") as f:
                data = f.read()
            if ext in TEXT_TYPES:
                try:
                    codecs.decode(data, "utf-8")
                except UnicodeDecodeError as e:
                    findings.problem(rel, "not UTF-8: %s" % e)
                    continue
            if ext in (".json", ".webmanifest"):
                check_json(findings, rel, data)
            elif ext == ".ics":
                check_ics(findings, rel, data)
            elif ext in (".html", ".htm"):
                check_html(findings, rel, data)
            elif ext in (".xml", ".svg", ".atom", ".rss"):
                check_xml(findings, rel, data)
            elif ext in (".js", ".mjs", ".css"):
                if b"kw-" in data:
                    findings.problem(rel, "calendar data reached a script or style sheet")
    return findings
