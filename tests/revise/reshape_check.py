#!/usr/bin/python3
"""A postponement that changes the exam's shape (tests/revise/reshape): the 示例考区 as first
published (CBT batches cbt-1 and cbt-2 in April), then postponed by two months with two paper
days added before the computer days and the receipts window dropped, as the real 2020
postponement did. Both are built one after the other into one output folder, three ways:
  - recorded:   revision 2 with its [[revisions]] record;
  - raised:     revision 2, the record cut off (KW0120);
  - unrecorded: the record cut off and revision left at 1 (the centre forgot both).
Each time khal and calcurse, fed the first feed and then the second, keep nothing duplicated:
every UID once, the CBT sessions under their first UIDs at the new dates, nothing on an April day
but cancelled events, the receipts window CANCELLED with a SEQUENCE above the one it had. The
previous build in the output folder is the memory: without a record the build still cancels
what it no longer publishes, and KW0402 says so. A third build of the same input over the second
changes no byte of the feeds.
   reshape_check.py        (KAOWU and KAOWU_TESTS_DIR from the environment)"""
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "ical"))
import oracle  # noqa: E402
from feed_clients import calcurse, calcurse_days, khal  # noqa: E402

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def project(root, region_text):
    """The postponement fixture's national calendar, catalogue, holidays and site, with this region."""
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(HERE / "postponement" / "v1" / "calendars", root / "calendars")
    (root / "calendars" / "regions" / "demo-2024.toml").write_text(region_text, encoding="utf-8")
    return root


def build(root, out):
    r = subprocess.run([os.environ["KAOWU"], "build", str(root), "-o", str(out), "--lang", "en", "--color", "never"],
                       capture_output=True, text=True, env=dict(os.environ, SOURCE_DATE_EPOCH="1710000000"))
    if r.returncode != 0:
        sys.exit("kaowu build %s failed:\n%s%s" % (root, r.stdout, r.stderr))
    return r.stderr


def events(path):
    return {e["uid"]: e for e in oracle.read_feed(path)[1]}


def variant(work, name, v2_text, expect_sequence):
    out = work / ("out-" + name)
    build(project(work / (name + "-1"), (HERE / "reshape" / "v1" / "demo-2024.toml").read_text(encoding="utf-8")), out)
    kept = work / (name + "-first")
    shutil.copytree(out / "feeds", kept)
    log = build(project(work / (name + "-2"), v2_text), out)
    for stem in ["demo-2024.ics", "demo-2024-north.ics", "demo-2024/east.ics"]:
        prefix = stem[:-len(".ics")]
        first, second = events(kept / stem), events(out / "feeds" / stem)
        check(set(first) <= set(second), "%s %s: UIDs of the first build gone from the second: %r"
              % (name, stem, sorted(set(first) - set(second))))
        for key in ["exam/d1/cbt-1/basic", "exam/d2/cbt-1/professional", "exam/d1/cbt-2/basic", "exam/d2/cbt-2/professional"]:
            uid = "%s/%s@kaowu" % (prefix, key)
            check(uid in first and second.get(uid, {}).get("status") == "CONFIRMED",
                  "%s %s: %s is not kept, in force: %r" % (name, stem, uid, second.get(uid)))
        moved = second.get("%s/exam/d1/cbt-1/basic@kaowu" % prefix, {})
        check(moved.get("start", "").startswith("2024-06-15"), "%s %s: cbt-1's first session is at %r" % (name, stem, moved.get("start")))
        receipts = second.get(prefix + "/receipts@kaowu", {})
        was = first.get(prefix + "/receipts@kaowu", {})
        check(receipts.get("status") == "CANCELLED", "%s %s: the dropped receipts window is %r" % (name, stem, receipts))
        check(receipts.get("sequence", -1) > was.get("sequence", 99),
              "%s %s: receipts SEQUENCE %r -> %r" % (name, stem, was.get("sequence"), receipts.get("sequence")))
        for uid, e in second.items():
            if uid in first and e["status"] != "CANCELLED" and first[uid]["start"] != e["start"]:
                check(e["sequence"] >= expect_sequence,
                      "%s %s: %s moved at SEQUENCE %d" % (name, stem, uid, e["sequence"]))
        # The phones: each UID once in khal, each line once a day in calcurse, nothing in April
        # but what is cancelled.
        lines = khal([kept / stem, out / "feeds" / stem])
        uids = [l.split("|")[0] for l in lines]
        for uid in second:
            check(uids.count(uid) == 1, "%s %s: khal lists %s %d times" % (name, stem, uid, uids.count(uid)))
        check(not any("|2024-04-" in l and not l.rstrip().endswith("|CANCELLED") for l in lines),
              "%s %s: khal keeps an April event in force: %r" % (name, stem, [l for l in lines if "|2024-04-" in l]))
        seen = calcurse_days(calcurse([kept / stem, out / "feeds" / stem]))
        check(all(n == 1 for n in seen.values()), "%s %s: calcurse lists something twice: %r"
              % (name, stem, [k for k, n in seen.items() if n > 1]))
        check(not any(d and d.startswith("2024-04-") and "（已取消）" not in l for d, l in seen),
              "%s %s: calcurse keeps an April event in force" % (name, stem))
        check(any(d == "2024-06-08" and "基础知识" in l for d, l in seen), "%s %s: calcurse has no paper day 2024-06-08" % (name, stem))
    # The same input built again over its own output: the feeds are the same bytes.
    before = {p: p.read_bytes() for p in (out / "feeds").rglob("*.ics")}
    build(work / (name + "-2"), out)
    after = {p: p.read_bytes() for p in (out / "feeds").rglob("*.ics")}
    check(before == after, "%s: a rebuild over its own output changes %r" % (name, sorted(str(p) for p in before if before[p] != after.get(p))))
    return log


def main():
    work = pathlib.Path(tempfile.mkdtemp(prefix="kaowu-reshape-"))
    try:
        v2 = (HERE / "reshape" / "v2" / "demo-2024.toml").read_text(encoding="utf-8")
        cut = v2.split("\n[[revisions]]\n", 1)[0]
        log = variant(work, "recorded", v2, 1)
        check("KW0402" not in log, "recorded: KW0402 for a recorded revision:\n" + log)
        log = variant(work, "raised", cut, 1)
        check("KW0120" in log, "raised: no KW0120 for revision 2 without a record:\n" + log)
        want = "warning[KW0402]: '领取收据' (receipts) changed since the last build (2024-05-13/2024-05-17 → cancelled)"
        check(want in log, "raised: no %r:\n%s" % (want, log))
        log = variant(work, "unrecorded", cut.replace("revision = 2\n", ""), 0)
        check(want in log, "unrecorded: no %r:\n%s" % (want, log))
        check(log.count("(receipts) changed") == 1, "unrecorded: the receipts reported %d times:\n%s" % (log.count("(receipts) changed"), log))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for f in failures:
        print("FAIL:", f)
    print("reshape: %d failures" % len(failures))
    sys.exit(1 if failures else 0)


main()
