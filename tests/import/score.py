#!/usr/bin/python3
"""Scores `kaowu import` against calendars a person wrote.

    tests/import/score.py KAOWU NOTICES_DIR CALENDARS_DIR [--verbose]

Imports each notice of NOTICES_DIR (*.txt, *.md, *.html, *.docx, *.pdf), finds the calendar of
CALENDARS_DIR it encodes (the one its draft matches best; a calendar with a parent is imported
again with --parent, so what the parent already says is left inherited), and compares their
dated facts phase by phase: each phase's kind and timing (window, deadline, days, from, after),
each slot's day, the exam's days. A fact of the calendar is exact (same kind, same dates), wrong
phase (the dates under another kind), unplaced (the draft lists its dates as not placed) or
missed; a fact of the draft that the calendar lacks is invented. Prints one line per notice and
the totals; exits 1 when anything is missed or invented.
"""
import os
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

KINDS = {"registration", "confirmation", "audit", "info-changes", "military-data", "payment", "invoices",
         "room-maintenance", "room-arrangement", "receiving-info", "chief-examiner-list", "admission-card",
         "military-admission-card", "materials-handover", "paper-collection", "candidate-info-report",
         "violations", "destruction-record", "receipts", "results", "certificates"}


def kind_of(phase):
    k = phase.get("kind")
    if isinstance(k, list):
        return k[0]
    if k:
        return k
    return phase["id"] if phase["id"] in KINDS else "other"


def timing_of(phase):
    if "days" in phase:
        return ("days",) + tuple(str(d) for d in phase["days"])
    if "deadline" in phase:
        return ("deadline", str(phase["deadline"]))
    if "start" in phase and "end" in phase:
        return ("window", str(phase["start"]), str(phase["end"]))
    if "start" in phase:
        return ("from", str(phase["start"]))
    if "after" in phase:
        a = phase["after"]
        return ("after", a.get("phase", ""), a.get("months", 0), a.get("days", 0))
    return None


def facts(cal):
    """(kind, timing) of every dated fact of a calendar file's table."""
    out = []
    for p in cal.get("phases", []):
        t = timing_of(p)
        if t:
            out.append((kind_of(p), t))
        for s in p.get("slots", []):
            out.append(("slot", ("days", str(s["date"]))))
    exam = cal.get("exam", {})
    days = set(str(d) for d in exam.get("days", []))
    for b in exam.get("batches", []):
        days |= set(str(d) for d in b.get("days", []))
    if days:
        out.append(("exam", ("days",) + tuple(sorted(days))))
    return out


def unplaced_days(text):
    """The ISO days the draft's closing comments list as not placed."""
    days = set()
    for line in text.splitlines():
        if line.startswith("# ") and "[" in line and "]" in line:
            inside = line[line.index("[") + 1:line.index("]")]
            days |= {d.strip() for d in inside.split(",") if len(d.strip()) == 10}
    return days


def dates_of(timing):
    return {x for x in timing[1:] if isinstance(x, str) and len(x) == 10 and x[4] == "-"}


def compare(shipped, drafted, unplaced):
    result = {"exact": [], "wrong phase": [], "unplaced": [], "missed": [], "invented": []}
    left = list(drafted)
    for kind, timing in shipped:
        if (kind, timing) in left:
            left.remove((kind, timing))
            result["exact"].append((kind, timing))
            continue
        other = next((d for d in left if d[1] == timing), None)
        if other:
            left.remove(other)
            result["wrong phase"].append((kind, timing, other[0]))
            continue
        dates = dates_of(timing)
        if dates and dates <= unplaced:
            result["unplaced"].append((kind, timing))
        else:
            result["missed"].append((kind, timing))
    result["invented"] = left
    return result


def run_import(kaowu, notice, project, parent=None, cal_id=None):
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "draft.toml"
        cmd = [kaowu, "import", str(notice), "-o", str(out), "--lang", "en"]
        if parent:
            cmd += ["--parent", parent, "-s", str(project)]
        if cal_id:
            cmd += ["--id", cal_id]
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode != 0 or not out.exists():
            return None, r.stderr
        text = out.read_text(encoding="utf-8")
        return text, r.stderr


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    verbose = "--verbose" in sys.argv
    if len(args) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    kaowu, notices, calendars = args
    calendars = Path(calendars)
    project = calendars.parent if calendars.name == "calendars" else calendars
    shipped = {}
    for f in sorted(calendars.rglob("*.toml")):
        try:
            doc = tomllib.loads(f.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError:
            continue
        if "calendar" in doc:
            shipped[doc["calendar"]["id"]] = doc
    totals = {k: 0 for k in ("exact", "wrong phase", "unplaced", "missed", "invented")}
    for notice in sorted(Path(notices).iterdir()):
        if notice.suffix.lower() not in (".txt", ".md", ".html", ".htm", ".docx", ".pdf") or notice.name.lower() == "readme.md":
            continue
        text, err = run_import(kaowu, notice, project)
        if text is None:
            print(f"{notice.name}: import failed: {err.strip()}")
            totals["missed"] += 1
            continue
        drafted = facts(tomllib.loads(text))
        best = max(shipped, key=lambda cid: (len(compare(facts(shipped[cid]), drafted, set())["exact"]), cid))
        parent = shipped[best]["calendar"].get("parent")
        if parent:
            text, err = run_import(kaowu, notice, project, parent, best)
            drafted = facts(tomllib.loads(text))
        r = compare(facts(shipped[best]), drafted, unplaced_days(text))
        for k in totals:
            totals[k] += len(r[k])
        n = len(facts(shipped[best]))
        print(f"{notice.name} -> {best}{' (--parent ' + parent + ')' if parent else ''}: {n} facts: "
              + ", ".join(f"{len(r[k])} {k}" for k in totals))
        if verbose:
            for k in ("wrong phase", "unplaced", "missed", "invented"):
                for item in r[k]:
                    print(f"    {k}: {item}")
    print("total: " + ", ".join(f"{v} {k}" for k, v in totals.items()))
    return 1 if totals["missed"] or totals["invented"] else 0


if __name__ == "__main__":
    sys.exit(main())
