#!/usr/bin/python3
"""The postponement (tests/revise/postponement): revision 1 and revision 2 of one region with a
site below it; revision 2 moves the exam by two months (the admission cards, the hand-over, the
military cards and the results estimate follow) and drops the receipts window. Builds both and
asserts what every channel tells a candidate:
  - the 更正公告 page (原定 / 调整为, the document, the date), linked from the calendar page, the
    site pages and the index; the banner 本日程已于…调整（第2版） on calendar, site and notice pages;
  - iCalendar: UIDs unchanged, SEQUENCE up, DTSTAMP and LAST-MODIFIED at the revision's date,
    原定… in DESCRIPTION of moved events, the dropped window kept as STATUS:CANCELLED;
  - JSON: revision, its date and changes, the site's feed inheriting them; cancelled kept;
  - Atom: one entry for the revision, with its own id and updated;
  - a notice pinned to revision 1 shows revision 1's dates under a banner;
  - khal and calcurse, given revision 1 and then revision 2, list each event once at its new date;
  - `kaowu diff` prints exactly the moved phases;
  - golden files (tests/revise/expected/; KAOWU_UPDATE_GOLDEN=1 rewrites them).
   postponement_check.py        (KAOWU and KAOWU_SOURCE_DIR from the environment)"""
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "ical"))
import oracle  # noqa: E402
from feed_clients import calcurse, calcurse_days, khal  # noqa: E402

FIXTURE = HERE / "postponement"
GOLDEN = HERE / "expected"
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def build(version, out):
    r = subprocess.run([os.environ["KAOWU"], "build", str(FIXTURE / version), "-o", out], capture_output=True,
                       text=True, env=dict(os.environ, SOURCE_DATE_EPOCH="1710000000"))
    if r.returncode != 0:
        sys.exit("kaowu build %s failed:\n%s%s" % (version, r.stdout, r.stderr))
    # No warning either: the correction notice cites revision 1's dates by {{…@1}}, never typed.
    check("0 个警告" in r.stderr, "kaowu build %s warns:\n%s" % (version, r.stderr))
    return pathlib.Path(out)


def read(path):
    return path.read_text(encoding="utf-8")


def events(path):
    return {e["uid"]: e for e in oracle.read_feed(path)[1]}


def raw_event(path, uid):
    text = read(path).replace("\r\n ", "").replace("\r\n", "\n")
    for block in text.split("BEGIN:VEVENT")[1:]:
        if "\nUID:" + uid + "\n" in block:
            return block.split("END:VEVENT")[0]
    return ""


def pages(r2):
    cal = r2 / "calendars" / "demo-2024"
    correction = cal / "corrections" / "2.html"
    check(correction.is_file(), "no correction page calendars/demo-2024/corrections/2.html")
    if correction.is_file():
        html = read(correction)
        for text in ["更正公告", "示考〔2024〕9号", "2024年3月20日", "网上打印准考证", "原定", "调整为",
                     "2024年4月1日－21日", "2024年6月3日－23日", "领取收据", "考点场地改造"]:
            check(text in html, "the correction page does not say %r" % text)
    # A notice issued under revision 1 says so: 本通知按第1版日程发布…日程已于…调整（第2版）.
    banner = "已于2024年3月20日调整（第2版）"
    for page in [cal / "index.html", cal / "sites" / "east.html", r2 / "calendars" / "demo-2024-north" / "index.html",
                 r2 / "notices" / "demo-2024" / "exam-notice.html"]:
        if not page.is_file():
            check(False, "no page %s" % page.relative_to(r2))
            continue
        html = read(page)
        check(banner in html, "%s has no banner %r" % (page.relative_to(r2), banner))
        check("corrections/2.html" in html, "%s does not link the correction page" % page.relative_to(r2))
    check("corrections/2.html" in read(r2 / "index.html"), "the index does not link the correction page")
    # The notice pinned to revision 1 shows revision 1's exam days, under a banner that says so.
    pinned = r2 / "notices" / "demo-2024-north" / "confirmation.html"
    if pinned.is_file():
        html = read(pinned)
        body = html.split("</aside>", 1)[-1]  # after the banner, which names the new dates' revision
        check("2024年4月13" in body, "the pinned notice does not show revision 1's exam days")
        check("2024年6月15" not in body, "the pinned notice shows revision 2's exam days")
        check("第1版" in html and "corrections/2.html" in html, "the pinned notice has no banner saying revision 1")
    else:
        check(False, "no pinned notice page")


def feeds(r1, r2):
    for stem in ["feeds/demo-2024.ics", "feeds/demo-2024-north.ics", "feeds/demo-2024/east.ics"]:
        a, b = events(r1 / stem), events(r2 / stem)
        check(set(a) <= set(b), "%s: UIDs of revision 1 missing in revision 2: %r" % (stem, set(a) - set(b)))
        prefix = stem[len("feeds/"):-len(".ics")]
        receipts = prefix + "/receipts@kaowu"
        check(receipts in a and b.get(receipts, {}).get("status") == "CANCELLED",
              "%s: the dropped receipts window is not CANCELLED: %r" % (stem, b.get(receipts)))
        for uid in a:
            check(b[uid]["sequence"] > a[uid]["sequence"],
                  "%s: %s SEQUENCE %d -> %d" % (stem, uid, a[uid]["sequence"], b[uid]["sequence"]))
        card = prefix + "/admission-card@kaowu"
        check(a[card]["start"] == "2024-04-01" and b[card]["start"] == "2024-06-03",
              "%s: the admission-card window did not move: %s -> %s" % (stem, a[card]["start"], b[card]["start"]))
        raw = raw_event(r2 / stem, card)
        check("DTSTAMP:20240319T160000Z" in raw, "%s: DTSTAMP is not the revision's date: %r" % (stem, raw))
        check("LAST-MODIFIED:20240319T160000Z" in raw, "%s: LAST-MODIFIED is not the revision's date" % stem)
        check("原定" in raw and "2024年4月1日" in raw, "%s: the moved event's DESCRIPTION has no 原定…" % stem)
        raw1 = raw_event(r1 / stem, card)
        check("DTSTAMP:20240319" not in raw1, "%s: revision 1 already carries revision 2's DTSTAMP" % stem)


def json_feeds(r2):
    for stem, number in [("feeds/demo-2024.json", 2), ("feeds/demo-2024-north.json", 2), ("feeds/demo-2024/east.json", 2)]:
        j = json.loads(read(r2 / stem))
        rev = j.get("revision") or {}
        check(rev.get("number") == number and rev.get("date") == "2024-03-20" and rev.get("calendar") == "demo-2024",
              "%s: revision is %r" % (stem, rev))
        ids = {c["item"]: c["change"] for c in j.get("changes", [])}
        prefix = j["id"]
        check(ids.get(prefix + "/admission-card") == "moved", "%s: no moved admission-card in changes" % stem)
        check(ids.get(prefix + "/receipts") == "cancelled", "%s: no cancelled receipts in changes" % stem)
        cancelled = [c["id"] for c in j.get("cancelled", []) if c.get("status") == "cancelled"]
        check(prefix + "/receipts" in cancelled, "%s: receipts not kept as cancelled: %r" % (stem, cancelled))
        card = [i for i in j["items"] if i["id"] == prefix + "/admission-card"]
        check(card and (card[0].get("was") or {}).get("start") == "2024-04-01",
              "%s: the admission-card item has no was: %r" % (stem, card))


def atom(r2):
    text = read(r2 / "atom.xml")
    entry = [e for e in text.split("<entry>")[1:] if "urn:kaowu:revision:demo-2024:2" in e]
    check(len(entry) == 1, "atom.xml has %d entries for revision 2" % len(entry))
    if entry:
        check("<updated>2024-03-20" in entry[0], "the revision's Atom entry is not updated 2024-03-20: %r" % entry[0][:400])


def clients(r1, r2):
    stem = "feeds/demo-2024-north.ics"
    expected = {uid: e for uid, e in events(r2 / stem).items() if e["status"] != "CANCELLED"}
    lines = khal([r1 / stem, r2 / stem])
    uids = [l.split("|")[0] for l in lines]
    for uid, e in expected.items():
        check(uids.count(uid) == 1, "khal lists %s %d times" % (uid, uids.count(uid)))
    receipts = [l for l in lines if l.startswith("demo-2024-north/receipts@kaowu|")]
    check(len(receipts) == 1 and receipts[0].rstrip().endswith("|CANCELLED"),
          "khal lists the dropped receipts window as %r, not once as cancelled" % receipts)
    check(not any("|2024-04-" in l for l in lines), "khal still lists something on an April date of revision 1")
    card = [l for l in lines if l.startswith("demo-2024-north/admission-card@kaowu|")]
    check(card and card[0].split("|")[1].startswith("2024-06-03"), "khal lists the admission cards at %r" % card)
    exam = [l for l in lines if l.startswith("demo-2024-north/exam/d1/paper/basic@kaowu|")]
    check(exam and exam[0].split("|")[1].startswith("2024-06-15 09:00"), "khal lists the first paper session at %r" % exam)

    listing = calcurse([r1 / stem, r2 / stem])
    check("2024-04-13" not in listing, "calcurse still lists the exam on its old day")
    # calcurse has no notion of a cancelled event: it lists it, under the title that says so.
    check(all(l.split("|")[-1].startswith("（已取消）") for l in listing.splitlines() if "领取收据" in l),
          "calcurse lists the receipts window without saying it is cancelled")
    seen = calcurse_days(listing)
    check(all(n == 1 for n in seen.values()), "calcurse lists something twice: %r" % [k for k, n in seen.items() if n > 1])
    check(any(d == "2024-06-15" and "基础知识" in l for d, l in seen), "calcurse does not list the exam on 2024-06-15")


def diff():
    r = subprocess.run([os.environ["KAOWU"], "diff", str(FIXTURE / "v1"), str(FIXTURE / "v2"), "--format", "json"],
                       capture_output=True, text=True)
    check(r.returncode == 0, "kaowu diff exits %d: %s" % (r.returncode, r.stderr))
    j = json.loads(r.stdout)
    region = [c for c in j["calendars"] if c["id"] == "demo-2024"]
    got = sorted((c["id"], c["change"]) for c in region[0]["changes"]) if region else []
    want = sorted([("admission-card", "moved"), ("materials-handover", "moved"), ("military-admission-card", "moved"),
                   ("exam", "moved"), ("results", "moved"), ("receipts", "cancelled"), ("paper", "moved"),
                   ("cbt-1", "moved"), ("cbt-2", "moved")])
    check(got == want, "kaowu diff reports %r, expected %r" % (got, want))
    # The block it prints is the one the fixture records (records compared without comments).
    block = (region[0].get("revision_block") or "") if region else ""
    text = read(FIXTURE / "v2" / "calendars" / "regions" / "demo-2024.toml")
    recorded = text.split("reason = ", 1)[-1].split("\n", 1)[-1]
    strip = lambda s: [l.split("#")[0].rstrip() for l in s.splitlines() if l.split("#")[0].strip()]
    check(strip(block.split("# reason", 1)[-1].split("\n", 1)[-1]) == strip(recorded),
          "the block kaowu diff prints differs from the fixture's record:\n" + block)
    text_out = subprocess.run([os.path.abspath(os.environ["KAOWU"]), "diff", "v1", "v2"], cwd=FIXTURE,
                              capture_output=True, text=True).stdout
    return text_out


def golden(r2, diff_text):
    # Byte for byte: the feed's CRLF line ends are part of what is asserted.
    files = {"corrections-2.html": (r2 / "calendars" / "demo-2024" / "corrections" / "2.html").read_bytes(),
             "demo-2024-north.json": (r2 / "feeds" / "demo-2024-north.json").read_bytes(),
             "demo-2024-north.ics": (r2 / "feeds" / "demo-2024-north.ics").read_bytes(),
             "diff.txt": diff_text.encode("utf-8")}
    for name, data in files.items():
        path = GOLDEN / name
        if os.environ.get("KAOWU_UPDATE_GOLDEN") == "1":
            GOLDEN.mkdir(exist_ok=True)
            path.write_bytes(data)
            print("updated", name)
        else:
            check(path.is_file() and path.read_bytes() == data, "%s differs from tests/revise/expected/%s" % (name, name))


def main():
    work = pathlib.Path(tempfile.mkdtemp(prefix="kaowu-postpone-"))
    try:
        r1 = build("v1", str(work / "r1"))
        r2 = build("v2", str(work / "r2"))
        pages(r2)
        feeds(r1, r2)
        json_feeds(r2)
        atom(r2)
        clients(r1, r2)
        golden(r2, diff())
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for f in failures:
        print("FAIL:", f)
    print("postponement: %d failures" % len(failures))
    sys.exit(1 if failures else 0)


main()
