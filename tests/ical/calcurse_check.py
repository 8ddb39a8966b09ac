#!/usr/bin/python3
"""Imports each feed into calcurse (a fresh throwaway directory per feed) and holds the days,
times and titles `calcurse -Q` lists against the raw-text oracle and the notices' facts.
calcurse shows no UIDs, so events are matched by (day, start, end, title), counted.
   calcurse_check.py PUBLIC_DIR"""
import collections
import datetime
import os
import shutil
import subprocess
import sys

import oracle
from client_env import client_env, scratch_dir

FORMATS = ["--output-datefmt", "%Y-%m-%d",
           "--format-apt", "%(start:%Y-%m-%d %H:%M)|%(end:%Y-%m-%d %H:%M)|%m\\n",
           "--format-recur-apt", "%(start:%Y-%m-%d %H:%M)|%(end:%Y-%m-%d %H:%M)|%m\\n",
           "--format-event", "|%m\\n", "--format-recur-event", "|%m\\n"]


def expected_entries(events):
    out = collections.Counter()
    for e in events:
        if e["status"] == "CANCELLED":
            continue  # calcurse has no notion of a cancelled event
        if e["all_day"]:
            for day in e["days"]:
                out[(day, "", "", e["summary"])] += 1
        else:
            out[(e["start"][:10], e["start"], e["end"], e["summary"])] += 1
    return out


def listed_entries(text):
    out, day = collections.Counter(), None
    for line in text.splitlines():
        if not line.strip():
            continue
        if line.endswith(":") and "|" not in line:
            day = line[:-1]
            continue
        if line.startswith("|"):  # an all-day event on this day
            out[(day, "", "", line[1:])] += 1
        else:
            start, end, title = line.split("|", 2)
            out[(day, start, end, title)] += 1
    return out


def check_feed(path, events, home, failures, listed_facts):
    data = os.path.join(home, "data")
    os.makedirs(data)
    env = client_env(home)
    run = lambda *args: subprocess.run(["calcurse", "-D", data, "-C", data] + list(args), env=env,
                                       check=True, capture_output=True, text=True).stdout
    run("-i", path)
    days = sorted(d for e in events for d in e["days"])
    first = datetime.date.fromisoformat(days[0])
    span = (datetime.date.fromisoformat(days[-1]) - first).days + 1
    listing = run("-Q", "--from", first.strftime("%m/%d/%Y"), "--days", str(span), *FORMATS)
    want, got = expected_entries(events), listed_entries(listing)
    for entry in sorted((want - got).keys()):
        failures.append("%s: calcurse does not list %r" % (path, entry))
    for entry in sorted((got - want).keys()):
        failures.append("%s: calcurse lists %r, which the feed does not have" % (path, entry))
    # The facts, by title: the days or times calcurse shows for that event.
    for e in events:
        for uid, start, end in oracle.FACTS:
            if e["uid"] == uid:
                if e["all_day"]:
                    # Same-titled events may sit on neighbouring days (exam day 1 and 2), so ask
                    # whether calcurse shows the title on every day the notice gives; extra days
                    # are caught by the comparison above.
                    shown = {day for (day, s, _, t) in got if t == e["summary"] and not s}
                    a, b = datetime.date.fromisoformat(start), datetime.date.fromisoformat(end)
                    needed = {(a + datetime.timedelta(days=i)).isoformat() for i in range((b - a).days + 1)}
                    listed_facts[uid] = (start, end) if needed <= shown else None
                else:
                    shown = [(s, en) for (_, s, en, t) in got if t == e["summary"] and s == start]
                    listed_facts[uid] = shown[0] if shown else None
    shutil.rmtree(data)


def main(public_dir):
    home = scratch_dir("kaowu-calcurse-")
    failures, listed_facts, count = [], {}, 0
    try:
        for path, (_, events) in oracle.read_all(public_dir).items():
            if events:
                check_feed(path, events, home, failures, listed_facts)
                count += len(events)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    failures += oracle.check_facts(listed_facts, "calcurse")
    for f in failures[:50]:
        print("FAIL", f)
    print("calcurse: %d feeds, %d events, %d failures" % (len(oracle.feeds(public_dir)), count, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
