"""khal and calcurse fed one feed after another, as a subscriber's phone is when the feed is
fetched again: for the revision tests (revision_check.py, tests/revise/postponement_check.py and
reshape_check.py)."""
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from client_env import client_env, scratch_dir  # noqa: E402


def khal(feeds):
    """khal imports each feed in turn (a refresh): returns its listing, uid|start|end|status."""
    home = scratch_dir("kaowu-khal-revise-")
    try:
        os.makedirs(os.path.join(home, "cal"))
        config = os.path.join(home, "khal.conf")
        with open(config, "w") as f:
            f.write("[calendars]\n[[c]]\npath = %s/cal\ntype = calendar\n[locale]\n"
                    "local_timezone = Asia/Shanghai\ndefault_timezone = Asia/Shanghai\n"
                    "dateformat = %%Y-%%m-%%d\nlongdateformat = %%Y-%%m-%%d\ntimeformat = %%H:%%M\n"
                    "datetimeformat = %%Y-%%m-%%d %%H:%%M\nlongdatetimeformat = %%Y-%%m-%%d %%H:%%M\n" % home)
        env = client_env(home)
        for feed in feeds:
            subprocess.run(["khal", "-c", config, "import", "--batch", str(feed)], env=env, check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        listing = subprocess.run(["khal", "-c", config, "list", "--once", "--day-format", "", "--format",
                                  "{uid}|{start}|{end}|{status}", "2023-11-01", "400d"], env=env, check=True,
                                 capture_output=True, text=True).stdout
        return [l for l in listing.splitlines() if "|" in l]
    finally:
        shutil.rmtree(home, ignore_errors=True)


def calcurse(feeds):
    """calcurse imports each feed in turn. calcurse keeps no UIDs, so a refresh is what its users
    do: remove what the feed gave, import the new file (calcurse -i adds, never merges)."""
    home = scratch_dir("kaowu-calcurse-revise-")
    try:
        data = os.path.join(home, "data")
        os.makedirs(data)
        env = client_env(home)
        run = lambda *args: subprocess.run(["calcurse", "-D", data, "-C", data] + list(args), env=env, check=True,
                                           capture_output=True, text=True).stdout
        for i, feed in enumerate(feeds):
            if i:
                for f in ("apts", "todo"):
                    open(os.path.join(data, f), "w").close()
            run("-i", str(feed))
        return run("-Q", "--from", "11/01/2023", "--days", "400", "--output-datefmt", "%Y-%m-%d",
                   "--format-apt", "%(start:%Y-%m-%d %H:%M)|%m\\n", "--format-event", "|%m\\n",
                   "--format-recur-apt", "%(start:%Y-%m-%d %H:%M)|%m\\n", "--format-recur-event", "|%m\\n")
    finally:
        shutil.rmtree(home, ignore_errors=True)


def calcurse_days(listing):
    """How often calcurse lists each (day, line)."""
    day, seen = None, {}
    for line in listing.splitlines():
        if line.endswith(":") and "|" not in line:
            day = line[:-1]
        elif "|" in line:
            seen[(day, line)] = seen.get((day, line), 0) + 1
    return seen
