#!/bin/bash
# Every relative link and stylesheet/script reference between pages resolves to a file kaowu
# wrote; feeds/ are written by other renderers and only have to be well-formed paths. Every HTML
# page is listed in sitemap.xml, and atom.xml is well-formed XML.
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
bad, checked, pages = [], 0, []
for d, _, files in os.walk(root):
    for f in files:
        if not f.endswith(".html"): continue
        path = os.path.join(d, f); pages.append(os.path.relpath(path, root))
        p = Links(); p.feed(open(path, encoding="utf-8").read())
        for ref in p.refs:
            if not ref.strip(): bad.append((path, ref, "empty link")); continue
            if re.match(r"^[a-z]+:", ref) or ref.startswith("#"): continue
            target = os.path.normpath(os.path.join(d, ref.split("#")[0]))
            checked += 1
            if not target.startswith(os.path.normpath(root)): bad.append((path, ref, "outside the site"))
            elif "/feeds/" in target.replace(os.sep, "/"): continue
            elif not os.path.isfile(target): bad.append((path, ref, "missing"))
for b in bad: print("broken link:", *b)
ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
locs = {l.text for l in ET.parse(os.path.join(root, "sitemap.xml")).getroot().findall("s:url/s:loc", ns)}
missing = [p for p in pages if "https://example.org/kaowu/" + p.replace(os.sep, "/") not in locs]
for m in missing: print("not in sitemap.xml:", m)
atom = ET.parse(os.path.join(root, "atom.xml")).getroot()
entries = atom.findall("{http://www.w3.org/2005/Atom}entry")
print(f"site.links: {checked} links in {len(pages)} pages, {len(locs)} sitemap URLs, {len(entries)} Atom entries")
sys.exit(1 if bad or missing or not entries else 0)
PY
