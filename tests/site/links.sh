#!/bin/bash
# Every relative link and stylesheet/script reference between pages resolves to a file kaowu
# wrote (feeds included), every path public/index.json names exists, every HTML page is listed in
# sitemap.xml, and atom.xml is well-formed XML.
source "$(dirname "$0")/common.sh"
/usr/bin/python3 - "$SITE_OUT" <<'PY'
import sys, os, re, xml.etree.ElementTree as ET
from html.parser import HTMLParser
root = sys.argv[1]
class Links(HTMLParser):
    def __init__(self):
        super().__init__(); self.refs = []
    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            if k in ("href", "src"): self.refs.append(v or "")
BASE = "https://example.org/kaowu/"
WEBCAL = "webcal://example.org/kaowu/"
bad, checked, pages = [], 0, []
linked = set()  # every file of the site a page links to, relative to the root
for d, _, files in os.walk(root):
    for f in files:
        if not f.endswith(".html"): continue
        path = os.path.join(d, f); pages.append(os.path.relpath(path, root))
        p = Links(); p.feed(open(path, encoding="utf-8").read())
        for ref in p.refs:
            if not ref.strip(): bad.append((path, ref, "empty link")); continue
            if ref.startswith("#"): continue
            # Absolute links into the site itself (subscription addresses, webcal://) must hold too.
            for prefix in (BASE, WEBCAL):
                if ref.startswith(prefix):
                    ref = os.path.relpath(os.path.join(root, ref[len(prefix):]), d)
            if re.match(r"^[a-z]+:", ref): continue
            target = os.path.normpath(os.path.join(d, ref.split("#")[0]))
            checked += 1
            if not target.startswith(os.path.normpath(root)): bad.append((path, ref, "outside the site"))
            elif not os.path.isfile(target): bad.append((path, ref, "missing"))
            else: linked.add(os.path.relpath(target, root))
import json
def urls(x):
    if isinstance(x, dict): return [u for v in x.values() for u in urls(v)]
    if isinstance(x, list): return [u for v in x for u in urls(v)]
    return [x] if isinstance(x, str) and x.startswith("https://example.org/kaowu/") else []
for u in urls(json.load(open(os.path.join(root, "index.json"), encoding="utf-8"))):
    checked += 1
    if not os.path.isfile(os.path.join(root, u[len("https://example.org/kaowu/"):])):
        bad.append(("index.json", u, "missing"))
# The new kinds of file are reachable: every subscribe page, specialty page and single-event file
# (加入日历) is linked from a page, and so is every feed (from its subscribe page).
for d, _, files in os.walk(root):
    for f in files:
        rel = os.path.relpath(os.path.join(d, f), root)
        kind = ("subscribe page" if rel.startswith("subscribe" + os.sep) else
                "specialty page" if os.sep + "specialties" + os.sep in rel else
                "event file" if os.sep + "events" + os.sep in rel else
                "feed" if rel.startswith("feeds" + os.sep) and rel.endswith(".ics") else None)
        if kind and rel not in linked: bad.append((rel, kind, "linked from no page"))
# A staff feed with no event is neither written nor listed.
for cal in json.load(open(os.path.join(root, "index.json"), encoding="utf-8"))["calendars"]:
    for feed in cal["feeds"]:
        if feed["kind"] == "staff" and feed["events"] == 0: bad.append(("index.json", feed["id"], "empty staff feed"))
for b in bad: print("broken link:", *b)
ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
locs = {l.text for l in ET.parse(os.path.join(root, "sitemap.xml")).getroot().findall("s:url/s:loc", ns)}
missing = [p for p in pages if "https://example.org/kaowu/" + p.replace(os.sep, "/") not in locs]
for m in missing: print("not in sitemap.xml:", m)
atom = ET.parse(os.path.join(root, "atom.xml")).getroot()
entries = atom.findall("{http://www.w3.org/2005/Atom}entry")
print(f"site.links: {checked} links in {len(pages)} pages, {len(linked)} files linked, {len(locs)} sitemap URLs, {len(entries)} Atom entries")
sys.exit(1 if bad or missing or not entries else 0)
PY
