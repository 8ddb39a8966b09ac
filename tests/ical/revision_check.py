#!/usr/bin/python3
"""Subscribers see corrected dates move, not duplicate. With a copy of the shipped calendars:
  1. two builds of the same input are byte-identical;
  2. a corrected date (Beijing's payment now ends 2月9日) with `revision = 2` keeps every UID,
     moves the event and raises SEQUENCE, in the region's feed and in the Fengtai site's that
     inherits it; khal, importing the old feed and then the new one, shows the event once, moved;
  3. a phase removed with a [[withdrawn]] entry is published as STATUS:CANCELLED under its old UID.
   revision_check.py        (KAOWU and KAOWU_SOURCE_DIR from the environment)"""
import filecmp
import pathlib
import os
import re
import shutil
import subprocess
import sys
import tempfile

import oracle
from feed_clients import khal

FEEDS = ["feeds/beijing-2024.ics", "feeds/beijing-2024-fengtai.ics"]
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def build(calendars, out):
    r = subprocess.run([os.environ["KAOWU"], "build", calendars, "-o", out, "--base-url", "https://kaowu.example.org"],
                       capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("kaowu build failed:\n" + r.stdout + r.stderr)
    return {path: {e["uid"]: e for e in oracle.read_feed(pathlib.Path(out, path))[1]} for path in FEEDS}


def edit(path, old, new):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    check(old in text, "%s has no %r to edit" % (path, old))
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace(old, new, 1))


def khal_moves(before, after):
    """khal imports the old feed, then the new one (a refresh): the event is there once, moved."""
    uid = "beijing-2024-fengtai/payment/deadline@kaowu"
    lines = [l.rsplit("|", 1)[0] for l in khal([before, after]) if l.startswith(uid + "|")]
    check(lines == [uid + "|2024-02-09|2024-02-09"], "khal after the refresh lists %r" % lines)


def main():
    work = tempfile.mkdtemp(prefix="kaowu-revision-")
    try:
        calendars = os.path.join(work, "calendars")
        shutil.copytree(os.path.join(os.environ["KAOWU_SOURCE_DIR"], "calendars"), calendars)

        # 1. Determinism.
        first = build(calendars, os.path.join(work, "a"))
        build(calendars, os.path.join(work, "a2"))
        cmp = filecmp.dircmp(os.path.join(work, "a"), os.path.join(work, "a2"))
        def same_tree(c):
            _, mismatch, errors = filecmp.cmpfiles(c.left, c.right, c.common_files, shallow=False)
            check(not mismatch and not errors and not c.left_only and not c.right_only,
                  "two builds differ in %s: %r" % (c.left, mismatch + errors + c.left_only + c.right_only))
            for sub in c.subdirs.values():
                same_tree(sub)
        same_tree(cmp)

        # 2. A corrected date, with the revision raised.
        region = os.path.join(calendars, "regions", "beijing-2024.toml")
        edit(region, "end = 2024-02-08", "end = 2024-02-09")
        edit(region, 'catalogue = "chuzhongji-2024"\n', 'catalogue = "chuzhongji-2024"\nrevision = 2\n')
        second = build(calendars, os.path.join(work, "b"))
        for path in FEEDS:
            a, b = first[path], second[path]
            check(set(a) == set(b), "%s: UIDs changed: %r" % (path, set(a) ^ set(b)))
            stem = "beijing-2024-fengtai" if "fengtai" in path else "beijing-2024"
            uid = stem + "/payment/deadline@kaowu"
            check(a[uid]["start"] == "2024-02-08" and b[uid]["start"] == "2024-02-09",
                  "%s: %s did not move: %s -> %s" % (path, uid, a[uid]["start"], b[uid]["start"]))
            window = stem + "/payment@kaowu"
            check(b[window]["end"] == "2024-02-09", "%s: the window still ends %s" % (path, b[window]["end"]))
            for u in b:
                check(b[u]["sequence"] > a[u]["sequence"],
                      "%s: %s SEQUENCE %d -> %d" % (path, u, a[u]["sequence"], b[u]["sequence"]))
        khal_moves(os.path.join(work, "a", FEEDS[1]), os.path.join(work, "b", FEEDS[1]))

        # 3. A withdrawn phase: the receipts-like "results" estimate is dropped from the region.
        with open(region, encoding="utf-8") as f:
            text = f.read()
        text = re.sub(r'\[\[phases\]\]\nid = "results".*?(?=\n\[\[phases\]\])', "", text, flags=re.S)
        text = text.replace("revision = 2\n", "revision = 3\n")
        text += '\n[[withdrawn]]\nevent = "results"\ndate = 2024-06-21\nname = "成绩查询和成绩单打印"\nnote = "改由考区另行通知"\n'
        with open(region, "w", encoding="utf-8") as f:
            f.write(text)
        third = build(calendars, os.path.join(work, "c"))
        for path in FEEDS:
            stem = "beijing-2024-fengtai" if "fengtai" in path else "beijing-2024"
            e = third[path].get(stem + "/results@kaowu")
            check(e is not None and e["status"] == "CANCELLED" and e["sequence"] == 2 and e["start"] == "2024-06-21",
                  "%s: the withdrawn event is %r" % (path, e))
            check(set(third[path]) == set(second[path]), "%s: UIDs changed on withdrawal" % path)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for f in failures:
        print("FAIL", f)
    print("revision: %d failures" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
