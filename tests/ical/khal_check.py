#!/usr/bin/python3
"""Imports every feed into khal (a throwaway configuration) and holds what `khal list` shows
against the raw-text oracle and the notices' facts.   khal_check.py PUBLIC_DIR"""
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
        return compare_listing.main(public_dir, "khal", path)
    finally:
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
