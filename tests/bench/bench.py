#!/usr/bin/python3
"""The kaowu performance benchmark (issue 15). Run it through tests/bench/run.sh.

At each scale of the generated national fixture (1x = 1 + 31 + 465 calendars, 10,000 notices)
it measures, in one interleaved run (run 1 of every measurement at every scale, then run 2, …),
and reports medians side by side:
  - kaowu build, fresh: into an empty directory;
  - kaowu build, nothing changed: a second build into the same directory;
  - Hugo on the same work (tests/bench/hugo_site.py: the notices bound by `kaowu notices`, a
    layout with the elements of kaowu's notice page, RSS of the 50 newest, a sitemap);
  - `cp -a` of kaowu's output to a fresh directory on the same disk (the floor);
  - kaowu check.
Each with wall and CPU seconds, pages per second, peak RSS, and the files and bytes it wrote
(for the nothing-changed build: the files whose mtime changed, plus new ones). CPU time per unit
of work judges linearity. The report ends with the issue's targets, measured and met, and is
written with the raw numbers into the work directory. Absolute times depend on the machine and
its load; the report prints the load average at its start and end.
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen_fixture  # noqa: E402
import hugo_site  # noqa: E402

NOTICES_1X, REGIONS_1X, SITES = 10000, 31, 15
# The measurements, in the order each run makes them at each scale.
MEASURES = [("fresh", "kaowu build, fresh"), ("unchanged", "kaowu build, nothing changed"),
            ("hugo", "Hugo, same work"), ("copy", "cp -a of kaowu's output"), ("check", "kaowu check")]
FLAT = 0.15  # CPU per unit of work counts as flat within ±15% of the reference scale


def log(msg):
    print(f"bench: {msg}", file=sys.stderr, flush=True)


def run_timed(cmd, cwd=None):
    """Runs cmd: wall s (the harness's clock); CPU s (user + system, at microsecond resolution,
    from wait4 on GNU time, which waits for cmd); peak RSS in MiB of cmd alone (GNU time's %M:
    rusage of a child forked from Python would count the Python process it was forked from)."""
    err, rss = os.path.join(ARGS.work, "stderr.txt"), os.path.join(ARGS.work, "maxrss.txt")
    with open(err, "w") as e:
        start = time.perf_counter()
        proc = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", rss] + cmd, cwd=cwd,
                                stdout=subprocess.DEVNULL, stderr=e)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    with open(err) as f:
        stderr = f.read()
    if proc.returncode != 0:
        sys.exit(f"bench: {' '.join(cmd)} failed ({proc.returncode}):\n{stderr[-3000:]}")
    with open(rss) as f:
        rss_kib = int(f.read().split()[-1])
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss": rss_kib / 1024, "stderr": stderr}


def snapshot(path):
    """{relative path: (mtime_ns, size)} of every file below path."""
    out = {}
    for root, _, names in os.walk(path):
        for n in names:
            p = os.path.join(root, n)
            st = os.lstat(p)
            out[os.path.relpath(p, path)] = (st.st_mtime_ns, st.st_size)
    return out


def written(before, after):
    """Files (and their bytes) that are new or whose mtime changed between two snapshots."""
    changed = [p for p, (mtime, _) in after.items() if before.get(p, (None,))[0] != mtime]
    return len(changed), sum(after[p][1] for p in changed)


def totals(snap):
    return len(snap), sum(size for _, size in snap.values())


def rm(path):
    if os.path.lexists(path):
        shutil.rmtree(path)


class Scale:
    """One size of the fixture, with its inputs on disk and its samples."""

    def __init__(self, k):
        self.k = k
        self.regions = max(1, round(REGIONS_1X * k))
        self.notices = max(1, round(NOTICES_1X * k))
        self.calendars = 1 + self.regions * (1 + SITES)
        self.dir = os.path.join(ARGS.work, f"x{k:g}")
        self.fixture = os.path.join(self.dir, "fixture")
        self.site = os.path.join(self.dir, "hugo-site")
        self.samples = {m: [] for m, _ in MEASURES}

    def path(self, name):
        return os.path.join(self.dir, name)

    def build_cmd(self, out):
        return [ARGS.kaowu, "build", os.path.join(self.fixture, "calendars"), "-o", out, "--notices",
                os.path.join(self.fixture, "notices"), "--templates", ARGS.templates]

    def hugo_cmd(self, out):
        return ["hugo", "--quiet", "-s", self.site, "-d", out, "--cacheDir", self.path("hugo-cache")]

    def prepare(self):
        rm(self.dir)
        gen_fixture.generate(self.fixture, self.regions, SITES, self.notices)
        if not ARGS.no_hugo:
            n = hugo_site.prepare(self.site, ARGS.kaowu, self.fixture, ARGS.templates)
            if n != self.notices:
                sys.exit(f"bench: kaowu notices wrote {n} notices, expected {self.notices}")

    def warm_up(self):
        """One untimed run of each program, checking that each does the whole job; returns the
        memory (MiB) the scale needs while it is measured: its inputs, plus kaowu's output while
        kaowu, Hugo (with its output) or the copy of kaowu's output runs beside it."""
        inputs = totals(snapshot(self.dir))[1] / 2**20
        out = self.path("out-kaowu")
        rm(out)
        r = run_timed(self.build_cmd(out))
        if not re.search(r"(^|\n)0 (个错误|errors?)", r["stderr"]):
            sys.exit("bench: the fixture does not build cleanly:\n" + r["stderr"][-3000:])
        out_mib = totals(snapshot(out))[1] / 2**20
        beside = max(r["rss"], out_mib)
        rm(out)
        if not ARGS.no_hugo:
            hout = self.path("out-hugo")
            rm(hout)
            h = run_timed(self.hugo_cmd(hout))
            problems = hugo_site.verify(hout, self.notices)
            if problems:
                sys.exit("bench: Hugo did not do the same work:\n  " + "\n  ".join(problems))
            beside = max(beside, h["rss"] + totals(snapshot(hout))[1] / 2**20)
            rm(hout)
        return inputs + out_mib + beside

    def run_once(self):
        """One sample of every measurement, in the order of MEASURES."""
        out, copy, hout = self.path("out-kaowu"), self.path("out-copy"), self.path("out-hugo")
        rm(out)
        r = run_timed(self.build_cmd(out))
        first = snapshot(out)
        r["files"], r["bytes"] = totals(first)
        self.samples["fresh"].append(r)
        r = run_timed(self.build_cmd(out))
        r["files"], r["bytes"] = written(first, snapshot(out))
        self.samples["unchanged"].append(r)
        if not ARGS.no_hugo:
            rm(hout)
            r = run_timed(self.hugo_cmd(hout))
            r["files"], r["bytes"] = totals(snapshot(hout))
            self.samples["hugo"].append(r)
            rm(hout)
        rm(copy)
        r = run_timed(["cp", "-a", out, copy])
        r["files"], r["bytes"] = totals(snapshot(copy))
        self.samples["copy"].append(r)
        rm(copy)
        rm(out)
        r = run_timed([ARGS.kaowu, "check", os.path.join(self.fixture, "calendars")])
        r["files"] = r["bytes"] = 0
        for m in ("fresh", "unchanged", "hugo", "copy", "check"):
            if self.samples[m]:
                self.samples[m][-1].pop("stderr", None)
        self.samples["check"].append(r)

    def median(self, m):
        s = self.samples[m]
        if not s:
            return None
        out = {k: statistics.median(x[k] for x in s) for k in ("wall", "cpu", "rss", "files", "bytes")}
        out["walls"] = [round(x["wall"], 3) for x in s]
        out["pages_per_s"] = self.notices / out["wall"] if out["wall"] > 0 else float("inf")
        return out


def mem_available_mib():
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) / 1024
    return float("inf")


def load_average():
    with open("/proc/loadavg") as f:
        return f.read().split()[0]


def fmt_mb(n):
    return f"{n / 1e6:,.1f}"


def report(res, scales, ref):
    lines = [f"## kaowu benchmark ({res['when']})", "",
             f"Commit `{res['commit']}`; {res['hugo_version'] or 'Hugo not run'}; {res['cores']} cores; "
             f"work dir `{ARGS.work}`; load average {res['load_start']} at the start, {res['load_end']} at the end.",
             f"{res['runs']} runs of every measurement, interleaved (each run measures every row at every "
             "scale in turn); medians. pages/s = notices ÷ wall seconds. Written = files (and bytes) that are "
             "new or whose mtime changed.", "",
             "| scale | what | wall s | CPU s | pages/s | peak RSS MiB | files written | MB written |",
             "|---|---|---:|---:|---:|---:|---:|---:|"]
    for s in scales:
        label = f"{s.k:g}× ({s.calendars} calendars, {s.notices:,} notices)"
        for m, name in MEASURES:
            r = s.median(m)
            if r is None:
                continue
            pps = "—" if m == "check" else f"{r['pages_per_s']:,.0f}"
            files = "—" if m == "check" else f"{r['files']:,.0f}"
            mb = "—" if m == "check" else fmt_mb(r["bytes"])
            lines.append(f"| {label} | {name} | {r['wall']:.3f} | {r['cpu']:.3f} | {pps} | {r['rss']:.0f} | {files} | {mb} |")
            label = ""
    for sk in res["skipped"]:
        lines.append(f"| {sk['scale']:g}× | not run: would need about {sk['need_gib']} GiB of RAM | | | | | | |")

    base = ref.k
    lines += ["", f"CPU seconds per unit of work, relative to {base:g}× (1.00 = linear):", "",
              "| what | " + " | ".join(f"{s.k:g}×" for s in scales) + " |",
              "|---|" + "---:|" * len(scales)]
    for m, name in MEASURES:
        if ref.median(m) is None:
            continue
        cells = []
        for s in scales:
            r, b = s.median(m), ref.median(m)
            cells.append(f"{(r['cpu'] / s.k) / (b['cpu'] / base):.2f}" if b["cpu"] > 0 else "—")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")

    k, u, c, cp, h = (ref.median(m) for m in ("fresh", "unchanged", "check", "copy", "hugo"))
    lines += ["", f"Targets of issue 15, judged at {base:g}×" +
              ("" if base == 1 else " (they are set for 1×, the national fixture)") + ":", "",
              "| target | measured | met |", "|---|---|---|"]

    def target(name, measured, ok):
        lines.append(f"| {name} | {measured} | {'yes' if ok else '**no**'} |")

    target("build ≤ 1.0 s wall", f"{k['wall']:.3f} s", k["wall"] <= 1.0)
    if h:
        ratio = k["pages_per_s"] / h["pages_per_s"]
        target("≥ 10× Hugo's pages/s", f"{k['pages_per_s']:,.0f} vs {h['pages_per_s']:,.0f} pages/s = {ratio:.2f}×",
               ratio >= 10)
    target("peak RSS ≤ 80 MiB", f"{k['rss']:.0f} MiB", k["rss"] <= 80)
    if h:
        target("peak RSS ≤ 1/10 of Hugo's", f"{k['rss']:.0f} vs {h['rss']:.0f} MiB = {k['rss'] / h['rss']:.2f}×",
               k["rss"] * 10 <= h["rss"])
    target("≤ 3× `cp -a` of the output", f"{k['wall'] / cp['wall']:.2f}× in wall time ({k['cpu'] / max(cp['cpu'], 0.01):.2f}× in CPU)",
           k["wall"] <= 3 * cp["wall"])
    target("nothing-changed rebuild ≤ 0.1× fresh", f"{u['wall']:.3f} s = {u['wall'] / k['wall']:.2f}× of {k['wall']:.3f} s",
           u["wall"] <= 0.1 * k["wall"])
    target("nothing-changed rebuild writes no file", f"{u['files']:,.0f} files ({fmt_mb(u['bytes'])} MB) written",
           u["files"] == 0)
    target("check ≤ 100 ms", f"{c['wall'] * 1000:.0f} ms", c["wall"] <= 0.1)
    others = [s for s in scales if s is not ref]
    if others:
        per = [(s.k, (s.median("fresh")["cpu"] / s.k) / (k["cpu"] / base)) for s in others]
        target(f"CPU per unit flat from {base:g}× (±{FLAT:.0%})", ", ".join(f"{x:.2f} at {sk:g}×" for sk, x in per),
               all(abs(x - 1) <= FLAT for _, x in per))
    else:
        target("CPU per unit flat from 1× to 4×", "one scale only", False)
    return "\n".join(lines) + "\n"


def main():
    global ARGS
    p = argparse.ArgumentParser(description="kaowu performance benchmark")
    p.add_argument("--kaowu", required=True)
    p.add_argument("--templates", required=True)
    p.add_argument("--work", default="/dev/shm/kaowu-bench")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--scales", default="1,2,4")
    p.add_argument("--no-hugo", action="store_true")
    p.add_argument("--commit", default="unknown")
    p.add_argument("--keep", action="store_true", help="keep the fixtures and the Hugo sites in the work dir")
    ARGS = p.parse_args()
    ARGS.kaowu = os.path.abspath(ARGS.kaowu)
    ARGS.templates = os.path.abspath(ARGS.templates)
    ARGS.work = os.path.abspath(ARGS.work)
    os.makedirs(ARGS.work, exist_ok=True)
    hugo_version = None
    if not ARGS.no_hugo:
        hugo_version = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split(" ")[1]
        hugo_version = "Hugo " + hugo_version.split("+")[0]
    res = {"when": time.strftime("%Y-%m-%d %H:%M"), "commit": ARGS.commit, "runs": ARGS.runs,
           "cores": os.cpu_count(), "hugo_version": hugo_version, "load_start": load_average(), "skipped": []}

    scales, footprint = [], None
    for k in sorted(float(x) for x in ARGS.scales.split(",")):
        s = Scale(k)
        if footprint:
            need = footprint[1] * k / footprint[0]
            if need * 1.25 > mem_available_mib():
                log(f"skipping {k:g}x: it would need about {need / 1024:.1f} GiB of RAM")
                res["skipped"].append({"scale": k, "need_gib": round(need / 1024, 1)})
                continue
        log(f"preparing {k:g}x: {s.calendars} calendars, {s.notices} notices" +
            ("" if ARGS.no_hugo else ", and the Hugo site (kaowu notices)"))
        s.prepare()
        footprint = (k, s.warm_up())
        scales.append(s)
    ref = next((s for s in scales if s.k == 1), scales[0])

    for i in range(ARGS.runs):
        log(f"run {i + 1} of {ARGS.runs}")
        for s in scales:
            s.run_once()
    res["load_end"] = load_average()
    text = report(res, scales, ref)
    print(text)
    res["scales"] = [{"scale": s.k, "calendars": s.calendars, "notices": s.notices,
                      **{m: s.median(m) for m, _ in MEASURES}} for s in scales]
    with open(os.path.join(ARGS.work, "results.md"), "w") as f:
        f.write(text)
    with open(os.path.join(ARGS.work, "results.json"), "w") as f:
        json.dump(res, f, indent=1, ensure_ascii=False)
    if not ARGS.keep:
        for s in scales:
            rm(s.dir)


if __name__ == "__main__":
    main()
