#!/usr/bin/python3
"""Checks a built site as a web server serves it, over HTTP, against docs/serving.md's table.

  check_site.py URL SITE_DIR DOC PUBLIC_BASE [--dev]

URL is where the server listens (http://127.0.0.1:PORT/), SITE_DIR the built public/ it serves,
PUBLIC_BASE the --base-url the site was built with (its webcal:// and subscribe links point
there; they are fetched from URL). --dev (kaowu serve): types and CORS only, since a dev server
sends no-store and does not revalidate.
"""
import gzip
import hashlib
import http.client
import os
import re
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request

import icalendar

sys.dont_write_bytecode = True  # nothing written into the source tree
sys.path.insert(0, os.path.dirname(__file__))
import docblock  # noqa: E402

URL, SITE, DOC, PUBLIC_BASE = sys.argv[1:5]
DEV = "--dev" in sys.argv[5:]
TABLE = docblock.media_types(open(DOC, encoding="utf-8").read())
HOST = urllib.parse.urlsplit(URL)
failures = []
requests = 0


def fail(msg):
    failures.append(msg)
    print("FAIL:", msg)


def get(path, headers=None, method="GET"):
    """(status, headers as a lower-case dict, body) for `path` (starting with '/')."""
    global requests
    requests += 1
    conn = http.client.HTTPConnection(HOST.hostname, HOST.port, timeout=20)
    conn.request(method, urllib.parse.quote(path), headers=headers or {})
    r = conn.getresponse()
    body = r.read()
    hs = {k.lower(): v for k, v in r.getheaders()}
    conn.close()
    return r.status, hs, body


# --- every kind of file the build wrote, from the built site (not a list written here)
files_by_ext = {}
for root, dirs, names in os.walk(SITE):
    for n in names:
        rel = os.path.relpath(os.path.join(root, n), SITE).replace(os.sep, "/")
        if n.startswith("."):
            continue  # .htaccess, the build's own stamp: not served
        ext = n.rsplit(".", 1)[-1] if "." in n else ""
        files_by_ext.setdefault(ext, []).append(rel)
for ext in sorted(files_by_ext):
    if ext not in TABLE:
        fail(f"the build writes .{ext} files ({files_by_ext[ext][0]}), which docs/serving.md's table lacks")

checked_kinds = 0
for ext, paths in sorted(files_by_ext.items()):
    rule = TABLE.get(ext)
    if not rule:
        continue
    paths.sort()
    # The first, the last, the largest and a few between: every kind, and its big files.
    pick = {paths[0], paths[-1], max(paths, key=lambda p: os.path.getsize(os.path.join(SITE, p)))}
    pick.update(paths[:: max(1, len(paths) // 4)])
    for path in sorted(pick):
        disk = open(os.path.join(SITE, path), "rb").read()
        status, hs, body = get("/" + path, {"Origin": "https://other.example.net"})
        where = f"/{path}"
        if status != 200:
            fail(f"{where}: status {status}")
            continue
        if hs.get("content-type", "").replace(" ", "").lower() != rule["type"].replace(" ", "").lower():
            fail(f"{where}: Content-Type {hs.get('content-type')!r}, the doc says {rule['type']!r}")
        if hs.get("access-control-allow-origin", "") != rule["cors"]:
            fail(f"{where}: Access-Control-Allow-Origin {hs.get('access-control-allow-origin')!r}, "
                 f"the doc says {rule['cors'] or 'none'!r}")
        if DEV:
            continue  # its pages carry the reload script, its feeds the served address
        if body != disk:
            fail(f"{where}: served bytes differ from the built file")
        if hs.get("cache-control", "") != rule["cache"]:
            fail(f"{where}: Cache-Control {hs.get('cache-control')!r}, the doc says {rule['cache']!r}")
        validator = {}
        if "etag" in hs:
            validator["If-None-Match"] = hs["etag"]
        if "last-modified" in hs:
            validator["If-Modified-Since"] = hs["last-modified"]
        if not validator:
            fail(f"{where}: neither ETag nor Last-Modified: clients cannot revalidate")
        for name, value in validator.items():
            s2, _, b2 = get("/" + path, {name: value})
            if s2 != 304 or b2:
                fail(f"{where}: {name} answered {s2}, not 304")
        # Compression: what the doc marks gzip comes compressed and decompresses to the file.
        s3, h3, b3 = get("/" + path, {"Accept-Encoding": "gzip"})
        coding = h3.get("content-encoding", "")
        if rule["gzip"] and len(disk) >= 1024:
            if coding != "gzip":
                fail(f"{where}: not compressed (Content-Encoding {coding!r})")
            elif gzip.decompress(b3) != disk:
                fail(f"{where}: the gzip body is not the file")
            if "accept-encoding" not in h3.get("vary", "").lower():
                fail(f"{where}: compressed without Vary: Accept-Encoding")
        elif not rule["gzip"] and coding:
            fail(f"{where}: compressed ({coding}) though the doc says not")
    checked_kinds += 1

# --- directories, 404s, hidden files
for d in sorted({os.path.dirname(p) for p in files_by_ext.get("html", []) if p.endswith("/index.html")})[:5] + [""]:
    status, hs, body = get("/" + d + ("/" if d else ""))
    same = DEV or body == open(os.path.join(SITE, d, "index.html"), "rb").read()
    if status != 200 or not same or not hs.get("content-type", "").startswith("text/html"):
        fail(f"/{d + '/' if d else ''}: status {status}, {hs.get('content-type')}: not its index.html")
for missing in ["/no-such-page.html", "/feeds/no-such-feed.ics", "/no-such-dir/"]:
    status, hs, _ = get(missing)
    if status != 404:
        fail(f"{missing}: status {status}, not 404")
if os.path.exists(os.path.join(SITE, ".htaccess")):
    status, _, _ = get("/.htaccess")
    if status not in (403, 404):
        fail(f"/.htaccess is served (status {status})")

# --- the webcal:// and subscribe links of the pages resolve to files that exist
base = PUBLIC_BASE.rstrip("/") + "/"
host_part = base.split("://", 1)[1]
link_re_chars = set('"\'<> &')


def site_urls(text):
    """Every address of the published site in `text`, percent-decoded once or twice as the
    Google and Outlook links carry it."""
    found = set()
    for t in {text, urllib.parse.unquote(text), urllib.parse.unquote(urllib.parse.unquote(text))}:
        for scheme in ("webcal://", "https://", "http://"):
            start = 0
            needle = scheme + host_part
            while (i := t.find(needle, start)) >= 0:
                j = i + len(needle)
                while j < len(t) and t[j] not in link_re_chars:
                    j += 1
                found.add(t[i + len(needle):j].split("#")[0].split("?")[0])
                start = j
    return found


links = set()
pages = [p for p in files_by_ext.get("html", []) if p.startswith("subscribe/") or p.startswith("calendars/")]
for p in pages:
    links |= site_urls(open(os.path.join(SITE, p), encoding="utf-8").read())
webcal_count = sum(1 for p in pages if "webcal://" in open(os.path.join(SITE, p), encoding="utf-8").read())
if not links or webcal_count == 0:
    fail(f"no subscribe links found in {len(pages)} pages (was the site built with --base-url {base}?)")
for rel in sorted(links):
    path = "/" + rel
    status, hs, _ = get(path, method="HEAD")
    if status != 200:
        fail(f"link {base}{rel}: status {status}")
        continue
    target = rel + "index.html" if rel.endswith("/") or rel == "" else rel
    ext = target.rsplit(".", 1)[-1]
    if ext in TABLE and hs.get("content-type", "").replace(" ", "").lower() != TABLE[ext]["type"].replace(" ", "").lower():
        fail(f"link {base}{rel}: Content-Type {hs.get('content-type')!r}")

# --- a calendar client: pulls a feed, parses it, and pulls it again conditionally (a 304)
feeds = sorted(p for p in files_by_ext.get("ics", []) if "/events/" not in p)
feed = max(feeds, key=lambda p: os.path.getsize(os.path.join(SITE, p)))
feed_url = URL.rstrip("/") + "/" + feed
with urllib.request.urlopen(feed_url, timeout=20) as r:
    first = r.read()
    etag, modified = r.headers.get("ETag"), r.headers.get("Last-Modified")
cal = icalendar.Calendar.from_ical(first)
events = [c for c in cal.walk("VEVENT")]
if not events:
    fail(f"{feed}: the client found no VEVENT")
second_status = None
if not DEV:
    for name, value in (("If-None-Match", etag), ("If-Modified-Since", modified)):
        req = urllib.request.Request(feed_url, headers={name: value} if value else {})
        try:
            with urllib.request.urlopen(req, timeout=20) as r:
                second_status = r.status
        except urllib.error.HTTPError as e:
            second_status = e.code
        if second_status != 304:
            fail(f"{feed}: the second pull with {name} got {second_status}, not 304")
    # curl as a second client: --etag-save then --etag-compare.
    with tempfile.TemporaryDirectory() as t:
        tag = os.path.join(t, "etag")
        codes = []
        for flags in (["--etag-save", tag], ["--etag-compare", tag]):
            out = subprocess.run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--compressed", *flags, feed_url],
                                 capture_output=True, text=True, check=True).stdout
            codes.append(out)
        if codes != ["200", "304"]:
            fail(f"{feed}: curl --etag-save / --etag-compare (compressed) got {codes}, not 200 then 304")

kinds = ", ".join(f".{e} ({len(files_by_ext[e])})" for e in sorted(files_by_ext))
print(f"{len(files_by_ext)} kinds of file: {kinds}")
print(f"{len(links)} subscribe/webcal links resolved; client: {feed} ({len(first)} bytes, {len(events)} events)"
      + ("" if DEV else f", second pull {second_status}"))
print(f"{requests} requests, {len(failures)} failures")
sys.exit(1 if failures else 0)
