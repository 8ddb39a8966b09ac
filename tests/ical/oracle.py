#!/usr/bin/python3
"""What every .ics file under a directory says, read from the raw text with no iCalendar library:
the oracle the parsers (ical.js, python3-icalendar, libical) and the clients (khal, calcurse) are
compared with. Also the facts, copied by hand from the notices, that the clients must list.

  oracle.py PUBLIC_DIR            prints the expectations as JSON (for the node test)
"""
import datetime
import json
import pathlib
import re
import sys

# Facts from the seed notices (shared/seeds), as a client must list them: (uid, start, end).
# All-day ends are inclusive (the last day), as the notices write them.
FACTS = [
    # beijing-fengtai-2024-notice: 网上报名 2023年12月1日－14日; 现场审核确认 12月11日－15日;
    # 缴费 2024年1月29日－2月8日; 人机对话 4月13日 8∶30—10∶00 基础知识; 纸笔 4月14日 14∶00—16∶00 专业实践能力.
    ("beijing-2024-fengtai/registration@kaowu", "2023-12-01", "2023-12-14"),
    ("beijing-2024-fengtai/registration/deadline@kaowu", "2023-12-14", "2023-12-14"),
    ("beijing-2024-fengtai/confirmation@kaowu", "2023-12-11", "2023-12-15"),
    ("beijing-2024-fengtai/payment/deadline@kaowu", "2024-02-08", "2024-02-08"),
    ("beijing-2024-fengtai/exam/d1/cbt-1/basic@kaowu", "2024-04-13 08:30", "2024-04-13 10:00"),
    ("beijing-2024-fengtai/exam/d2/cbt-2/practice@kaowu", "2024-04-21 16:15", "2024-04-21 17:45"),
    ("beijing-2024-fengtai/exam/d2/paper/practice@kaowu", "2024-04-14 14:00", "2024-04-14 16:00"),
    ("beijing-2024/specialty-203/exam/d1/paper/basic@kaowu", "2024-04-13 09:00", "2024-04-13 11:00"),
    # zhejiang-2024-senior-notice 附件4: 网上报名 4月23日－5月24日; 缴费 6月1日－8日; 准考证 7月1日－7日.
    ("zhejiang-2024-senior/registration@kaowu", "2024-04-23", "2024-05-24"),
    ("zhejiang-2024-senior/payment/deadline@kaowu", "2024-06-08", "2024-06-08"),
    ("zhejiang-2024-senior/hangzhou/payment@kaowu", "2024-06-01", "2024-06-08"),
    ("zhejiang-2024-senior/hangzhou/admission-card@kaowu", "2024-07-01", "2024-07-07"),
    ("zhejiang-2024-senior/exam/d1/cbt@kaowu", "2024-07-06", "2024-07-06"),
    # heilongjiang-2022-notice: 缴费 2022年2月15日－25日; 人机对话 4月16日 10∶45—12∶15 相关专业知识.
    ("heilongjiang-2022/payment@kaowu", "2022-02-15", "2022-02-25"),
    ("heilongjiang-2022/exam/d1/cbt-2/related@kaowu", "2022-04-16 10:45", "2022-04-16 12:15"),
]

SHANGHAI = datetime.timedelta(hours=8)


def unescape(text):
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)


def content_lines(raw):
    if b"\n" in raw.replace(b"\r\n", b""):
        raise ValueError("a line ends without CR")
    text = raw.decode("utf-8")
    text = re.sub(r"\r\n[ \t]", "", text)
    for line in text.split("\r\n"):
        if not line:
            continue
        head, _, value = line.partition(":")
        name, *params = head.split(";")
        yield name.upper(), dict(p.split("=", 1) for p in params), value


def parse_time(value, params):
    """(local text, UTC datetime or None, all-day)."""
    if params.get("VALUE") == "DATE" or len(value) == 8:
        d = datetime.datetime.strptime(value, "%Y%m%d").date()
        return d, None, True
    if params.get("TZID") != "Asia/Shanghai":
        raise ValueError("timed value outside Asia/Shanghai: %r %r" % (params, value))
    local = datetime.datetime.strptime(value, "%Y%m%dT%H%M%S")
    return local, local - SHANGHAI, False


def read_feed(path):
    events, calendar, depth, current = [], {}, [], None
    for name, params, value in content_lines(path.read_bytes()):
        if name == "BEGIN":
            depth.append(value)
            if value == "VEVENT":
                current = {"feed": str(path), "alarms": 0}
            elif value == "VALARM" and current is not None:
                current["alarms"] += 1
            continue
        if name == "END":
            if depth.pop() == "VEVENT":
                events.append(finish(current))
                current = None
            continue
        if depth == ["VCALENDAR"]:
            calendar[name] = unescape(value)
        elif depth == ["VCALENDAR", "VEVENT"]:
            if name in ("DTSTART", "DTEND"):
                current[name] = parse_time(value, params)
            elif name in ("UID", "SUMMARY", "STATUS", "SEQUENCE", "DESCRIPTION", "LOCATION", "DTSTAMP", "TRANSP"):
                current[name] = unescape(value)
    return calendar, events


def finish(e):
    start, start_utc, all_day = e["DTSTART"]
    end, _, end_all_day = e["DTEND"]
    if all_day != end_all_day:
        raise ValueError("%s: DTSTART and DTEND of different types" % e["UID"])
    if all_day:
        last = end - datetime.timedelta(days=1)  # DTEND is exclusive
        if last < start:
            raise ValueError("%s: all-day event ends before it starts" % e["UID"])
        shown = (start.isoformat(), last.isoformat())
    else:
        if end <= start:
            raise ValueError("%s: timed event ends before it starts" % e["UID"])
        shown = (start.strftime("%Y-%m-%d %H:%M"), end.strftime("%Y-%m-%d %H:%M"))
    return {
        "feed": e["feed"], "uid": e["UID"], "summary": e.get("SUMMARY", ""),
        "status": e.get("STATUS", ""), "sequence": int(e.get("SEQUENCE", "0")),
        "description": e.get("DESCRIPTION", ""), "location": e.get("LOCATION", ""),
        "dtstamp": e.get("DTSTAMP", ""), "alarms": e["alarms"],
        "all_day": all_day, "start": shown[0], "end": shown[1],
        # All-day: the dates a client covers; timed: the UTC instant of the start.
        "days": [(start + datetime.timedelta(days=i)).isoformat()
                 for i in range((end - start).days)] if all_day else [start.date().isoformat()],
        "start_utc": start_utc.strftime("%Y-%m-%dT%H:%M:%SZ") if start_utc else None,
    }


def feeds(public_dir):
    """Every .ics file: the feeds, and the single-event files of 加入日历 (see is_event_file)."""
    paths = sorted(pathlib.Path(public_dir).glob("feeds/**/*.ics"))
    if not paths:
        raise SystemExit("no feeds under %s" % public_dir)
    return paths


def is_event_file(path):
    """feeds/<feed>/events/<key>.ics: one event of <feed>.ics, to add once (METHOD:PUBLISH)."""
    return pathlib.Path(path).parent.name == "events"


def parent_feed(path):
    """The feed an event file belongs to: feeds/beijing-2024/events/x.ics -> feeds/beijing-2024.ics."""
    return str(pathlib.Path(path).parent.parent) + ".ics"


def read_all(public_dir):
    """{feed path: (calendar properties, events)} for every feed."""
    return {str(p): read_feed(p) for p in feeds(public_dir)}


def check_facts(listed, client):
    """`listed` maps uid -> (start, end) as a client shows them; returns the failures."""
    failures = []
    for uid, start, end in FACTS:
        if listed.get(uid) != (start, end):
            failures.append("%s lists %s as %r, the notice says %r" % (client, uid, listed.get(uid), (start, end)))
    return failures


if __name__ == "__main__":
    out = {path: {"calendar": cal, "events": evs} for path, (cal, evs) in read_all(sys.argv[1]).items()}
    json.dump({"feeds": out, "facts": FACTS}, sys.stdout, ensure_ascii=False)
