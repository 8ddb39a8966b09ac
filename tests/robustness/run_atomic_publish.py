"""Atomic publish: a failed build leaves public/ byte-identical; a build killed with SIGKILL at a
random moment leaves the previous output or the complete new one, never a mixture; builds
running at the same time into one output do not break each other."""
import os
import random
import shutil
import signal
import subprocess
import time

from kwtest import KAOWU, SOURCE_DIR, Report, describe_difference, kaowu, remove_tree, snapshot, temp_dir

KILLS = int(os.environ.get("KAOWU_KILLS", "30"))


def make_inputs(work):
    """Input A: the shipped calendars. Input B: the same with 400 static files, so that the new
    output differs from the old one and takes long enough to write for kills to land mid-way."""
    a = os.path.join(work, "a", "calendars")
    shutil.copytree(os.path.join(SOURCE_DIR, "calendars"), a)
    b_root = os.path.join(work, "b")
    shutil.copytree(os.path.join(SOURCE_DIR, "calendars"), os.path.join(b_root, "calendars"))
    shutil.copytree(os.path.join(SOURCE_DIR, "templates"), os.path.join(b_root, "templates"))
    static = os.path.join(b_root, "templates", "static")
    for i in range(400):
        d = os.path.join(static, "assets", "d%02d" % (i % 20))
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "f%03d.txt" % i), "w") as f:
            f.write(("asset %d\n" % i) * 400)
    # Hidden files beside the assets (a .gitkeep, a .git/) are not published and do not fail the build.
    open(os.path.join(static, ".gitkeep"), "w").close()
    os.makedirs(os.path.join(static, ".git"))
    open(os.path.join(static, ".git", "HEAD"), "w").close()
    return (["build", a, "--templates", os.path.join(SOURCE_DIR, "templates")],
            ["build", os.path.join(b_root, "calendars"), "--templates", os.path.join(b_root, "templates")])


def stray_temporaries(parent):
    return [n for n in os.listdir(parent) if ".kaowu-" in n]


def main():
    report = Report("robustness.atomic_publish")
    rng = random.Random(int(os.environ.get("KAOWU_KILL_SEED", "7")))
    work = temp_dir("atomic")
    try:
        args_a, args_b = make_inputs(work)
        ref_a, ref_b = os.path.join(work, "ref-a"), os.path.join(work, "ref-b")
        for args, ref in ((args_a, ref_a), (args_b, ref_b)):
            r = kaowu(args + ["-o", ref])
            report.check(r.rc == 0, "reference build failed: " + r.stderr.decode("utf-8", "replace")[-2000:])
        snap = {"old A": snapshot(ref_a), "new B": snapshot(ref_b)}
        # .htaccess is published on purpose (it serves the feeds with their media types), and so
        # is .kaowu-build (what the build made, for the next build to reuse: docs/performance.md).
        hidden = [p for p in snap["new B"] if os.path.basename(p).startswith(".") and p not in (".htaccess", ".kaowu-build")]
        report.check(not hidden, "hidden files were published: %s" % hidden)
        report.check(snap["old A"] != snap["new B"], "inputs A and B must give different outputs")

        out_parent = os.path.join(work, "www")
        public = os.path.join(out_parent, "public")

        # 1. A failed build into a missing output creates nothing; into an existing one changes nothing.
        bad = os.path.join(work, "bad", "calendars")
        shutil.copytree(os.path.join(SOURCE_DIR, "calendars"), bad)
        with open(os.path.join(bad, "regions", "broken.toml"), "w") as f:
            f.write("[calendar]\nid = \"broken\"\nlevel = ")
        os.makedirs(out_parent)
        r = kaowu(["build", bad, "-o", public])
        report.check(r.rc == 1 and not r.crash(), "a bad build must exit 1, got %s" % r.rc)
        report.check(os.listdir(out_parent) == [], "a failed first build left %s" % os.listdir(out_parent))
        kaowu(args_a + ["-o", public])
        before = snapshot(public)
        r = kaowu(["build", bad, "-o", public])
        report.check(r.rc == 1 and snapshot(public) == before, "a failed build changed public/:\n" + describe_difference(before, snapshot(public)))
        report.check(stray_temporaries(out_parent) == [], "a failed build left temporaries")

        # 2. SIGKILL at random moments, alternating the input so that every kill may replace the tree.
        start = time.monotonic()
        kaowu(args_b + ["-o", os.path.join(work, "timing")])
        duration = time.monotonic() - start
        outcomes = {"old A": 0, "new B": 0}
        current = "old A"
        for i in range(KILLS):
            args, new = (args_b, "new B") if current == "old A" else (args_a, "old A")
            p = subprocess.Popen([KAOWU] + args + ["-o", public], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(rng.uniform(0, duration * 1.2))
            p.send_signal(signal.SIGKILL)
            p.wait()
            now = snapshot(public)
            match = [name for name, s in snap.items() if s == now]
            if not report.check(len(match) == 1, "kill %d: public/ is neither the old nor the new output:\n%s" % (
                    i, describe_difference(snap[current], now))):
                break
            outcomes[match[0]] += 1
            current = match[0]
        print("%d kills over %.3f s builds: public/ was %d times A and %d times B afterwards" % (
            KILLS, duration, outcomes["old A"], outcomes["new B"]))

        # 3. The next build succeeds and removes what the killed builds left behind.
        r = kaowu(args_a + ["-o", public])
        report.check(r.rc == 0 and snapshot(public) == snap["old A"], "a build after the kills failed")
        report.check(stray_temporaries(out_parent) == [], "temporaries of killed builds remain: %s" % stray_temporaries(out_parent))

        # 4. Two builds at once into the same output: both succeed, the result is one of them, whole.
        for i in range(5):
            procs = [subprocess.Popen([KAOWU] + args + ["-o", public], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
                     for args in (args_a, args_b)]
            codes = [p.wait() for p in procs]
            errs = [p.stderr.read().decode("utf-8", "replace") for p in procs]
            report.check(codes == [0, 0], "concurrent builds %d exited %s: %s" % (i, codes, errs))
            report.check(snapshot(public) in snap.values(), "concurrent builds %d left a mixture" % i)
    finally:
        remove_tree(work)
    report.finish()


if __name__ == "__main__":
    main()
