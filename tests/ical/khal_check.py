#!/usr/bin/python3
"""Imports every feed into khal (a throwaway configuration) and holds what `khal list` shows
against the raw-text oracle and the notices' facts.   khal_check.py PUBLIC_DIR"""
import collections
import datetime
import os
import shutil
import subprocess
import sys

import compare_listing
import oracle
from client_env import client_env, scratch_dir

CONFIG = """[calendars]
[[feeds]]
path = {calendar}
type = calendar
[locale]
local_timezone = Asia/Shanghai
default_timezone = Asia/Shanghai
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
"""


def main(public_dir):
    home = scratch_dir("kaowu-khal-")
    try:
        calendar = os.path.join(home, "calendar")
        os.makedirs(calendar)
        config = os.path.join(home, "khal.conf")
        with open(config, "w") as f:
            f.write(CONFIG.format(calendar=calendar))
        env = client_env(home)
        feeds = [str(p) for p in oracle.feeds(public_dir)]
        subprocess.run(["khal", "-c", config, "import", "--batch"] + feeds, env=env, check=True,
                       stdout=subprocess.DEVNULL)
        days = [d for _, events in oracle.read_all(public_dir).values() for e in events for d in e["days"]]
        first = datetime.date.fromisoformat(min(days)) - datetime.timedelta(days=1)
        span = (datetime.date.fromisoformat(max(days)) - first).days + 2
        listing = subprocess.run(
            ["khal", "-c", config, "list", "--once", "--day-format", "", "--format", "{uid}|{start}|{end}",
             first.isoformat(), "%dd" % span], env=env, check=True, capture_output=True, text=True).stdout
        path = os.path.join(home, "listing.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(listing)
        # The feeds and the single-event files (加入日历) went into one calendar: an event added
        # both ways must be there once (all of them are one day long), since the UID is the same.
        single = {e["uid"] for p, (_, events) in oracle.read_all(public_dir).items() if oracle.is_event_file(p)
                  for e in events}
        listed = collections.Counter(line.split("|")[0] for line in listing.splitlines() if "|" in line)
        doubled = sorted(uid for uid in single if listed[uid] != 1)
        for uid in doubled[:20]:
            print("FAIL khal lists %s %d times after importing its feed and its own file" % (uid, listed[uid]))
        print("khal: %d single-event files imported beside their feeds, %d doubled" % (len(single), len(doubled)))
        return compare_listing.main(public_dir, "khal", path) or (1 if doubled or not single else 0)
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
