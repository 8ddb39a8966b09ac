#!/usr/bin/python3
"""`kaowu notices --format wechat` and `--format html`, checked against the notice pages the site
builds from the same input: the same text, dates and tables, the revision banner, the link to
the calendar page; for WeChat, after the editor's stripping (wechat_strip.py).

  export_check.py wechat|html ARTIFACTS
"""
import atexit
import os
import shutil
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True  # nothing written into the source tree
sys.path.insert(0, os.path.dirname(__file__))
import htmltext  # noqa: E402
import wechat_strip  # noqa: E402

FORMAT, ARTIFACTS = sys.argv[1], sys.argv[2]
KAOWU = os.environ["KAOWU"]
SRC = os.environ["KAOWU_SOURCE_DIR"]
TESTS = os.environ["KAOWU_TESTS_DIR"]
BASE = "https://ks.example.gov.cn/"
# The shipped calendars and notices (tables of every kind), and a calendar corrected after its
# notice was issued (the revision banner).
PROJECTS = {
    "shipped": (f"{SRC}/calendars", f"{SRC}/notices"),
    "postponed": (f"{TESTS}/revise/postponement/v2/calendars", f"{TESTS}/revise/postponement/v2/notices"),
}
failures = []
work = tempfile.mkdtemp()
atexit.register(shutil.rmtree, work, True)

# A notice with a picture that is a static file of the site (templates/static/img/), and one
# from elsewhere: the export writes the first beside the fragment, to upload in the editor.
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082")
shutil.copytree(f"{SRC}/templates", f"{work}/templates")
os.makedirs(f"{work}/templates/static/img")
with open(f"{work}/templates/static/img/map.png", "wb") as f:
    f.write(PNG)
shutil.copytree(PROJECTS["postponed"][1], f"{work}/notices")
with open(f"{work}/notices/demo-2024/place.md", "w", encoding="utf-8") as f:
    f.write('+++\ntitle = "考点位置"\ndate = 2024-03-21\n+++\n\n考试日期为{{exam.days}}。\n\n'
            "![考点位置图](../../img/map.png)\n\n![外部图](https://img.example.net/x.png)\n")
PROJECTS["illustrated"] = (PROJECTS["postponed"][0], f"{work}/notices", f"{work}/templates")


def fail(msg):
    failures.append(msg)
    print("FAIL:", msg)


def run(*args):
    r = subprocess.run([KAOWU, *args], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"kaowu {' '.join(args)}: exit {r.returncode}\n{r.stderr}")
    return r


os.makedirs(ARTIFACTS, exist_ok=True)
counts = {"notices": 0, "tables": 0, "cells": 0, "dates": 0, "banners": 0}
for name, (cals, notices, *templates) in PROJECTS.items():
    out, site = f"{work}/{name}-{FORMAT}", f"{work}/{name}-site"
    extra = ["--templates", templates[0]] if templates else []
    run("notices", cals, "--notices", notices, "-o", out, "--format", FORMAT, "--base-url", BASE, "--lang", "en", *extra)
    run("build", cals, "--notices", notices, "-o", site, "--base-url", BASE, "--color", "never", *extra)
    every = sorted(os.path.relpath(os.path.join(r, f), out) for r, _, fs in os.walk(out) for f in fs)
    fragments = [f for f in every if f.endswith(".html")]
    images = [f for f in every if not f.endswith(".html")]
    want_images = ["demo-2024/place.images/img/map.png"] if name == "illustrated" and FORMAT == "wechat" else []
    if images != want_images:
        fail(f"{name}: images beside the fragments {images}, expected {want_images}")
    for img in images:
        if open(f"{out}/{img}", "rb").read() != PNG:
            fail(f"{name}/{img}: not the static file's bytes")
    if name == "illustrated":
        frag = open(f"{out}/demo-2024/place.html", encoding="utf-8").read()
        for src in (f'src="{BASE}img/map.png"', 'src="https://img.example.net/x.png"'):
            if src not in frag:
                fail(f"{name}: no <img {src}>")
    pages = sorted(os.path.relpath(os.path.join(r, f), f"{site}/notices")
                   for r, _, fs in os.walk(f"{site}/notices") for f in fs)
    if fragments != pages:
        fail(f"{name}: fragments {fragments} are not the notice pages {pages}")
    for rel in fragments:
        frag = open(f"{out}/{rel}", encoding="utf-8").read()
        page = open(f"{site}/notices/{rel}", encoding="utf-8").read()
        where = f"{name}/{rel}"
        counts["notices"] += 1
        for forbidden in ("<style", "<script", "<link", "stylesheet", "site.css"):
            if forbidden in frag:
                fail(f"{where}: has {forbidden}")
        if FORMAT == "wechat":
            for forbidden in (" class=", " id="):
                if forbidden in frag:
                    fail(f"{where}: has{forbidden} (the editor strips it)")
            pasted = wechat_strip.strip(frag)
            # The page a reader sees after pasting, kept for the screenshot and for review.
            os.makedirs(os.path.dirname(f"{ARTIFACTS}/{name}/{rel}"), exist_ok=True)
            with open(f"{ARTIFACTS}/{name}/{rel}", "w", encoding="utf-8") as f:
                f.write('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
                        '<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>pasted</title>\n'
                        '</head>\n<body style="margin:0;padding:16px;">\n' + pasted + "</body>\n</html>\n")
        else:
            pasted = frag
        text, tables, cells = htmltext.read(pasted)
        page_body, page_tables, _ = htmltext.read(page, "notice-body")
        # Every date of the page's body, in order, and every table cell by cell.
        page_dates, got_dates = htmltext.dates(page_body), htmltext.dates(text)
        missing = list(page_dates)
        for d in got_dates:
            if d in missing:
                missing.remove(d)
        if missing:
            fail(f"{where}: dates of the page missing: {missing}")
        counts["dates"] += len(page_dates)
        # Whitespace aside: a tag the editor drops (the <a> of an address) ends no word in Chinese.
        if page_body.replace(" ", "") not in text.replace(" ", ""):
            fail(f"{where}: the page's text is not in the fragment's\n  page: {page_body[:300]}\n  frag: {text[:300]}")
        if tables != page_tables:
            fail(f"{where}: {len(tables)} tables, the page {len(page_tables)}; or their cells differ")
        counts["tables"] += len(tables)
        counts["cells"] += len(cells)
        for tag, style in cells:
            if "border:1px solid" not in style:
                fail(f"{where}: a {tag} without its border after pasting ({style!r})")
                break
        if FORMAT == "wechat" and tables and 'overflow-x:auto' not in pasted:
            fail(f"{where}: tables do not scroll sideways on a phone")
        # The revision banner, as on the page.
        banner, _, _ = htmltext.read(page, "revised")
        if banner:
            counts["banners"] += 1
            strong = banner.split("查看更正公告")[0].strip()
            if strong not in text:
                fail(f"{where}: the revision banner {strong!r} is missing")
            if f"{BASE}calendars/" not in frag or "/corrections/" not in (text if FORMAT == "wechat" else frag):
                fail(f"{where}: no absolute link to the correction page")
        elif "本通知按第" in text:
            fail(f"{where}: a revision banner the page lacks")
        # The calendar page, absolute, and a file the site has.
        cal = rel.split("/")[0]
        url = f"{BASE}calendars/{cal}/"
        if url not in (text if FORMAT == "wechat" else frag):
            fail(f"{where}: no link to {url}")
        if not os.path.exists(f"{site}/calendars/{cal}/index.html"):
            fail(f"{where}: {url} is not a page of the site")
        # A link left relative would point into the CMS or WeChat, not the site.
        for attr in ('href="../', 'src="../', 'href="notices/', 'href="calendars/'):
            if attr in frag:
                fail(f"{where}: a relative link ({attr}…)")

# Without --base-url: exported, with a note; no link back to the site; a picture shown from the
# file beside the fragment.
cals, notices, templates = PROJECTS["illustrated"]
r = run("notices", cals, "--notices", notices, "--templates", templates, "-o", f"{work}/nobase", "--format", FORMAT,
        "--lang", "en")
place = open(f"{work}/nobase/demo-2024/place.html", encoding="utf-8").read()
# A CMS fragment cannot show it without an address: its description stays, as text.
want_src = 'src="place.images/img/map.png"' if FORMAT == "wechat" else "考点位置图"
if want_src not in place or (FORMAT == "html" and "<img alt=" in place):
    fail(f"nobase: the picture is not {want_src}: {place[place.find('<img'):][:120]}")
if "no --base-url" not in r.stderr:
    fail(f"no note about the missing --base-url: {r.stderr!r}")
banners = 0
for root, _, files in os.walk(f"{work}/nobase"):
    for f in files:
        if not f.endswith(".html"):
            continue
        body = open(os.path.join(root, f), encoding="utf-8").read()
        if BASE in body or 'href="../' in body:
            fail(f"nobase/{f}: a link to the site without a base URL")
        banners += "本通知按第" in body
if banners == 0:
    fail("without --base-url the revision banner is gone too (only its link should be)")

print(f"{FORMAT}: {counts['notices']} notices, {counts['tables']} tables ({counts['cells']} cells, every one "
      f"bordered{' after the stripping' if FORMAT == 'wechat' else ''}), {counts['dates']} dates, "
      f"{counts['banners']} revision banners; {len(failures)} failures")
sys.exit(1 if failures else 0)
