#!/usr/bin/python3
"""Every feed, parsed by python3-icalendar (Debian's), agrees with the raw-text oracle, and keeps
the client conventions the issue asks for.   python_check.py PUBLIC_DIR"""
import datetime
import sys

import icalendar

import oracle

UTC = datetime.timezone.utc


def check_feed(path, expected_calendar, expected_events, failures):
    def fail(message):
        failures.append("%s: %s" % (path, message))

    with open(path, "rb") as f:
        cal = icalendar.Calendar.from_ical(f.read())
    for component in cal.walk():
        if getattr(component, "errors", None):
            fail("%s: parse errors %r" % (component.name, component.errors))
    if oracle.is_event_file(path):
        # 加入日历: one event to add once, not a calendar to subscribe to (Outlook opens a file
        # with a calendar name as a calendar of its own).
        if str(cal.get("METHOD")) != "PUBLISH":
            fail("a single-event file is METHOD:PUBLISH")
        for key in ("NAME", "X-WR-CALNAME", "REFRESH-INTERVAL", "X-PUBLISHED-TTL"):
            if key in cal:
                fail("a single-event file carries %s" % key)
        if len(expected_events) != 1:
            fail("%d events in a single-event file" % len(expected_events))
    else:
        for key in ("VERSION", "PRODID", "NAME", "X-WR-CALNAME", "X-WR-TIMEZONE", "REFRESH-INTERVAL", "X-PUBLISHED-TTL"):
            if key not in cal:
                fail("no %s" % key)
        if str(cal.get("X-WR-TIMEZONE")) != "Asia/Shanghai":
            fail("X-WR-TIMEZONE is %r" % cal.get("X-WR-TIMEZONE"))
        if str(cal.get("NAME")) != str(cal.get("X-WR-CALNAME")):
            fail("NAME and X-WR-CALNAME differ")
        if str(cal.get("X-PUBLISHED-TTL")) != "PT12H":
            fail("X-PUBLISHED-TTL is %r" % cal.get("X-PUBLISHED-TTL"))
        if "METHOD" in cal:
            fail("a subscription carries no METHOD")

    zones = cal.walk("VTIMEZONE")
    timed = [e for e in expected_events if not e["all_day"]]
    if len(zones) != (1 if timed else 0):
        fail("%d VTIMEZONE for %d timed events" % (len(zones), len(timed)))
    for zone in zones:
        if str(zone["TZID"]) != "Asia/Shanghai":
            fail("TZID %r" % zone["TZID"])
        if zone.walk("DAYLIGHT") or len(zone.walk("STANDARD")) != 1:
            fail("VTIMEZONE is not one STANDARD component")
        standard = zone.walk("STANDARD")[0]
        if "RDATE" in standard or standard["TZOFFSETTO"].td != datetime.timedelta(hours=8):
            fail("STANDARD is not a plain +0800")

    events = cal.walk("VEVENT")
    if len(events) != len(expected_events):
        fail("%d events, the text has %d" % (len(events), len(expected_events)))
    uids = [str(e["UID"]) for e in events]
    if len(set(uids)) != len(uids):
        fail("duplicate UIDs")
    listed = {}
    for event, want in zip(events, expected_events):
        uid = str(event["UID"])
        if uid != want["uid"]:
            fail("event order differs: %s vs %s" % (uid, want["uid"]))
            continue
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        cancelled = str(event.get("STATUS")) == "CANCELLED"  # a withdrawn event: UID, date, status
        for required in ("DTSTAMP", "SEQUENCE", "SUMMARY", "DESCRIPTION", "STATUS") + (() if cancelled else ("CATEGORIES",)):
            if required not in event:
                fail("%s has no %s" % (uid, required))
        if want["all_day"]:
            if isinstance(start, datetime.datetime) or isinstance(end, datetime.datetime):
                fail("%s: all-day event read as a date-time" % uid)
            shown = (start.isoformat(), (end - datetime.timedelta(days=1)).isoformat())
        else:
            if start.tzinfo is None:
                fail("%s: timed event read without a zone" % uid)
                continue
            if start.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") != want["start_utc"]:
                fail("%s starts at %s UTC, expected %s" % (uid, start.astimezone(UTC), want["start_utc"]))
            shown = (start.strftime("%Y-%m-%d %H:%M"), end.strftime("%Y-%m-%d %H:%M"))
        if shown != (want["start"], want["end"]):
            fail("%s read as %r, the text says %r" % (uid, shown, (want["start"], want["end"])))
        listed[uid] = shown
        summary = str(event["SUMMARY"])
        if summary != want["summary"]:
            fail("%s: SUMMARY %r" % (uid, summary))
        # Estimates and unconfirmed dates are marked as such, in the title and the status; a
        # possible exam day is a certain date (CONFIRMED, unless the date itself is unconfirmed),
        # marked 可能 in the title and never a busy one.
        marked = "（预计）" in summary or summary.endswith("（待确认）")
        if marked != (str(event["STATUS"]) == "TENTATIVE"):
            fail("%s: 预计/待确认 title and TENTATIVE status disagree" % uid)
        if summary.endswith("（待确认）") and "待确认：" not in str(event["DESCRIPTION"]):
            fail("%s: unconfirmed without its reason in DESCRIPTION" % uid)
        if summary.startswith("（可能）") and (str(event.get("TRANSP")) != "TRANSPARENT" or "可能的考试日" not in str(event["DESCRIPTION"])):
            fail("%s: a possible exam day must be TRANSPARENT and say 可能的考试日" % uid)
        if summary.startswith("（预计）") and "预计" not in str(event["DESCRIPTION"]):
            fail("%s: estimate without a word about it in DESCRIPTION" % uid)
        # Candidate deadlines warn in the title and carry alarms.
        if summary.startswith("【截止】") and len(event.walk("VALARM")) == 0:
            fail("%s: deadline without VALARM" % uid)
        if not cancelled and "来源：" not in str(event["DESCRIPTION"]):
            fail("%s: DESCRIPTION cites no source" % uid)
    return listed


def check_event_files(everything, failures):
    """Each single-event file holds its feed's event: same UID, dates, title, sequence, text."""
    files = 0
    for path, (_, events) in everything.items():
        if not oracle.is_event_file(path):
            continue
        files += 1
        feed = everything.get(oracle.parent_feed(path))
        if feed is None:
            failures.append("%s: no feed %s" % (path, oracle.parent_feed(path)))
            continue
        in_feed = {e["uid"]: e for e in feed[1]}
        for e in events:
            twin = in_feed.get(e["uid"])
            if twin is None:
                failures.append("%s: UID %s is not in its feed" % (path, e["uid"]))
                continue
            for key in ("start", "end", "summary", "sequence", "description", "location", "dtstamp", "alarms", "status"):
                if e[key] != twin[key]:
                    failures.append("%s: %s differs from the feed: %r vs %r" % (path, key, e[key], twin[key]))
    return files


def main(public_dir):
    failures, listed, count = [], {}, 0
    everything = oracle.read_all(public_dir)
    for path, (calendar, events) in everything.items():
        listed.update(check_feed(path, calendar, events, failures))
        count += len(events)
    event_files = check_event_files(everything, failures)
    if event_files < 100:
        failures.append("only %d single-event files" % event_files)
    failures += oracle.check_facts(listed, "python3-icalendar")
    for f in failures[:50]:
        print("FAIL", f)
    print("python3-icalendar %s: %d files (%d of them single events), %d events, %d failures"
          % (icalendar.__version__, len(oracle.feeds(public_dir)), event_files, count, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
