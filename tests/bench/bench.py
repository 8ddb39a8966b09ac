#!/usr/bin/python3
"""The kaowu performance benchmark (issue 8). Run it through tests/bench/run.sh.

On the generated national-scale fixture it measures, each several times, reporting medians:
  - `kaowu check` and `kaowu build`: wall and CPU seconds, peak RSS (/usr/bin/time -v), files
    and bytes written;
  - Hugo rendering the same notices through an equivalent minimal template;
  - `cp -a` of kaowu's output tree to a fresh directory on the same disk (the floor);
  - kaowu build at 1x, 2x and 4x the fixture size.
It prints a Markdown report with the ratios and the issue's targets, and writes it (and the raw
numbers as JSON) into the work directory. Absolute times depend on the machine and its load;
ratios are the numbers to quote.
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

HUGO_CONFIG = """baseURL = "https://example.invalid/"
languageCode = "zh-cn"
title = "kaowu benchmark"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
unsafe = false
"""
# The minimal equivalent of kaowu's notice page: a whole HTML page with the title, the date of
# issue and the Markdown body.
HUGO_SINGLE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1><p>发布日期：{{ .Date.Format "2006-01-02" }}</p>
{{ .Content }}</main></body></html>
"""
HUGO_LIST = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>
"""


def measure(cmd, cwd=None, before=None):
    """Runs cmd under /usr/bin/time -v; returns wall s, CPU s (user+sys) and peak RSS in MiB."""
    if before:
        before()
    tv = os.path.join(ARGS.work, "time-v.txt")
    start = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-v", "-o", tv] + cmd, cwd=cwd,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"bench: {' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    with open(tv) as f:
        text = f.read()
    user = float(re.search(r"User time \(seconds\): ([\d.]+)", text).group(1))
    system = float(re.search(r"System time \(seconds\): ([\d.]+)", text).group(1))
    rss_kib = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    return {"wall": wall, "cpu": user + system, "rss": rss_kib / 1024, "stderr": proc.stderr}


def medians(cmd, runs, cwd=None, before=None):
    results = [measure(cmd, cwd, before) for _ in range(runs)]
    out = {k: statistics.median(r[k] for r in results) for k in ("wall", "cpu", "rss")}
    out["walls"] = [round(r["wall"], 3) for r in results]
    out["last_stderr"] = results[-1]["stderr"]
    return out


def tree_size(path):
    files = size = 0
    for root, _, names in os.walk(path):
        for n in names:
            files += 1
            size += os.lstat(os.path.join(root, n)).st_size
    return files, size


def rm(path):
    if os.path.lexists(path):
        shutil.rmtree(path)


def fixture(scale):
    """The fixture at `scale` (1 = 31 regions x 15 sites, 10,000 notices; 0.5 = 16 regions …)."""
    out = os.path.join(ARGS.work, f"fixture-x{scale:g}")
    gen_fixture.generate(out, max(1, round(31 * scale)), 15, round(10000 * scale))
    return out


def mem_available_mib():
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) / 1024
    return float("inf")


def fits(scale, base):
    """Whether a build at `scale` fits in memory: its peak RSS plus its output on the RAM disk,
    extrapolated linearly from the 1x build, with a quarter to spare for everyone else."""
    need = scale * (base["rss"] + base["bytes"] / 2**20)
    return need * 1.25 < mem_available_mib(), need


def kaowu_build_cmd(fix, out):
    return [ARGS.kaowu, "build", os.path.join(fix, "calendars"), "-o", out, "--notices",
            os.path.join(fix, "notices"), "--templates", ARGS.templates]


def bench_kaowu(fix, runs):
    out = os.path.join(ARGS.work, "out-kaowu")
    # Into a fresh directory each time, like the cp -a floor (a rebuild also removes the old tree).
    build = medians(kaowu_build_cmd(fix, out), runs, before=lambda: rm(out))
    if not re.search(r"(^|\n)0 (个错误|errors?)", build["last_stderr"]):
        sys.exit("bench: the fixture does not build cleanly:\n" + build["last_stderr"][-3000:])
    build["files"], build["bytes"] = tree_size(out)
    return build, out


def bench_copy(src, runs):
    dest = os.path.join(ARGS.work, "out-copy")
    return medians(["cp", "-a", src, dest], runs, before=lambda: rm(dest))


def bench_hugo(fix, runs):
    site = os.path.join(ARGS.work, "hugo-site")
    rm(site)
    os.makedirs(os.path.join(site, "layouts", "_default"))
    with open(os.path.join(site, "config.toml"), "w") as f:
        f.write(HUGO_CONFIG)
    for name, text in [("single.html", HUGO_SINGLE), ("list.html", HUGO_LIST)]:
        with open(os.path.join(site, "layouts", "_default", name), "w") as f:
            f.write(text)
    shutil.copytree(os.path.join(fix, "notices"), os.path.join(site, "content"))
    out = os.path.join(ARGS.work, "out-hugo")
    cache = os.path.join(ARGS.work, "hugo-cache")
    cmd = ["hugo", "--quiet", "-s", site, "-d", out, "--cacheDir", cache]
    r = medians(cmd, runs, before=lambda: rm(out))
    r["files"], r["bytes"] = tree_size(out)
    r["version"] = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.strip()
    return r


def fmt_bytes(n):
    return f"{n / 1e6:.1f} MB"


def report(res):
    n = res["notices"]
    k, c, cp = res["build"], res["check"], res["copy"]
    lines = [f"## kaowu benchmark ({res['when']})", "",
             f"kaowu {res['commit']}; fixture: {res['calendars']} calendars, 250 specialties, {n} notices; "
             f"{res['runs']} runs each, medians; work dir {ARGS.work}; load average at start {res['load']}.", "",
             "| what | wall s | CPU s | peak RSS MiB | output |", "|---|---:|---:|---:|---|",
             f"| kaowu check | {c['wall']:.3f} | {c['cpu']:.2f} | {c['rss']:.0f} | — |",
             f"| kaowu build | {k['wall']:.3f} | {k['cpu']:.2f} | {k['rss']:.0f} | {k['files']} files, {fmt_bytes(k['bytes'])} |",
             f"| cp -a of kaowu's output | {cp['wall']:.3f} | {cp['cpu']:.2f} | {cp['rss']:.0f} | same tree |"]
    h = res.get("hugo")
    if h:
        lines.append(f"| hugo | {h['wall']:.3f} | {h['cpu']:.2f} | {h['rss']:.0f} | {h['files']} files, {fmt_bytes(h['bytes'])} |")
    for s in res["scaling"]:
        lines.append(f"| kaowu build {s['scale']:g}x ({s['notices']} notices) | {s['wall']:.3f} | {s['cpu']:.2f} | {s['rss']:.0f} | {s['files']} files, {fmt_bytes(s['bytes'])} |")
    lines += ["", "| target | measured | met |", "|---|---|---|"]

    def target(name, measured, ok):
        lines.append(f"| {name} | {measured} | {'yes' if ok else '**no**'} |")

    target("national build ≤ 1 s", f"{k['wall']:.3f} s", k["wall"] <= 1.0)
    if h:
        kp, hp = n / k["wall"], n / h["wall"]
        target("≥ 10× Hugo's pages/s", f"{kp:.0f} vs {hp:.0f} pages/s = {kp / hp:.1f}×", kp >= 10 * hp)
        target("≤ 1/10 of Hugo's peak memory", f"{k['rss']:.0f} vs {h['rss']:.0f} MiB = 1/{h['rss'] / k['rss']:.1f}",
               k["rss"] * 10 <= h["rss"])
    target("within 3× of cp -a", f"{k['wall'] / cp['wall']:.2f}× ({k['cpu'] / max(cp['cpu'], 0.01):.2f}× in CPU)",
           k["wall"] <= 3 * cp["wall"])
    target("kaowu check ≤ 200 ms", f"{c['wall'] * 1000:.0f} ms", c["wall"] <= 0.2)
    for s in res["scaling"]:
        if s["scale"] == 1:
            continue
        per_unit = s["wall"] / (s["scale"] * k["wall"])
        per_unit_cpu = s["cpu"] / (s["scale"] * k["cpu"])
        target(f"linear growth at {s['scale']:g}× (±15%)",
               f"time per unit {per_unit:.2f}× of 1× (CPU {per_unit_cpu:.2f}×)", abs(per_unit - 1) <= 0.15)
    for sk in res.get("skipped", []):
        lines.append(f"| linear growth at {sk['scale']:g}× | not run: would need about {sk['need_gib']} GiB of RAM | **no** |")
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
    ARGS = p.parse_args()
    ARGS.kaowu = os.path.abspath(ARGS.kaowu)
    ARGS.templates = os.path.abspath(ARGS.templates)
    os.makedirs(ARGS.work, exist_ok=True)
    scales = [float(s) for s in ARGS.scales.split(",")]
    res = {"when": time.strftime("%Y-%m-%d %H:%M"), "commit": ARGS.commit, "runs": ARGS.runs,
           "load": open("/proc/loadavg").read().split()[0], "scaling": []}
    fix1 = fixture(1)
    res["notices"] = 10000
    res["calendars"] = 1 + 31 + 31 * 15
    print("bench: kaowu check", file=sys.stderr)
    res["check"] = medians([ARGS.kaowu, "check", os.path.join(fix1, "calendars")], ARGS.runs)
    print("bench: kaowu build", file=sys.stderr)
    res["build"], out = bench_kaowu(fix1, ARGS.runs)
    print("bench: cp -a", file=sys.stderr)
    res["copy"] = bench_copy(out, ARGS.runs)
    if not ARGS.no_hugo:
        print("bench: hugo", file=sys.stderr)
        res["hugo"] = bench_hugo(fix1, ARGS.runs)
    rm(out)
    rm(os.path.join(ARGS.work, "out-copy"))
    rm(os.path.join(ARGS.work, "out-hugo"))
    for scale in scales:
        if scale == 1:
            s = dict(res["build"])
        else:
            ok, need = fits(scale, res["build"])
            if not ok:
                print(f"bench: skipping {scale:g}x: it would need about {need / 1024:.1f} GiB of RAM", file=sys.stderr)
                res.setdefault("skipped", []).append({"scale": scale, "need_gib": round(need / 1024, 1)})
                continue
            print(f"bench: kaowu build {scale:g}x", file=sys.stderr)
            s, _ = bench_kaowu(fixture(scale), ARGS.runs)
            rm(os.path.join(ARGS.work, f"fixture-x{scale:g}"))
        s.update(scale=scale, notices=round(10000 * scale))
        res["scaling"].append(s)
    for r in [res["check"], res["build"], res["copy"], res.get("hugo") or {}] + res["scaling"]:
        r.pop("last_stderr", None)
    text = report(res)
    print(text)
    with open(os.path.join(ARGS.work, "results.md"), "w") as f:
        f.write(text)
    with open(os.path.join(ARGS.work, "results.json"), "w") as f:
        json.dump(res, f, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()
