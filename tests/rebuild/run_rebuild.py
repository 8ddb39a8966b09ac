"""Rebuilds: what `kaowu build` does to an output it made before (docs/performance.md,
"Rebuilds"). Each case builds, changes one thing, builds again and compares the output with a
fresh build of the same input (byte for byte, permissions included) and with what it was before
(which files got a new inode or mtime)."""
import os
import shutil
import stat
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "robustness"))
from kwtest import KAOWU, SOURCE_DIR, Report, describe_difference, kaowu, remove_tree, snapshot, temp_dir  # noqa: E402


def files(root):
    """{relative path: (inode, mtime_ns)} of every file below root."""
    out = {}
    for dirpath, _, names in os.walk(root):
        for n in names:
            p = os.path.join(dirpath, n)
            st = os.lstat(p)
            out[os.path.relpath(p, root)] = (st.st_ino, st.st_mtime_ns)
    return out


def touched(before, after):
    """Files that are new, or another file (inode) or modified (mtime), from before to after."""
    return sorted(p for p in after if before.get(p) != after[p])


def main():
    report = Report("rebuild.incremental")
    work = temp_dir("rebuild")
    try:
        project = os.path.join(work, "project")
        for sub in ("calendars", "templates", "notices"):
            if os.path.isdir(os.path.join(SOURCE_DIR, sub)):
                shutil.copytree(os.path.join(SOURCE_DIR, sub), os.path.join(project, sub))
        out = os.path.join(work, "www", "public")

        def build(extra=(), env=None, binary=None, target=out):
            args = ["build", os.path.join(project, "calendars"), "-o", target, "--lang", "en"] + list(extra)
            if binary:
                p = subprocess.run([binary] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   env=dict(os.environ, NO_COLOR="1", **(env or {})))
                rc, err = p.returncode, p.stderr.decode("utf-8", "replace")
            else:
                r = kaowu(args, env=env)
                rc, err = r.rc, r.stderr.decode("utf-8", "replace")
            report.check(rc == 0, "build %s exited %s:\n%s" % (" ".join(extra), rc, err[-2000:]))
            return err

        def same_as_fresh(label, extra=(), env=None):
            fresh = os.path.join(work, "fresh")
            remove_tree(fresh)
            build(extra, env, target=fresh)
            a, b = snapshot(out), snapshot(fresh)
            report.check(a == b, "%s: the rebuilt output differs from a fresh build:\n%s" % (label, describe_difference(b, a)))
            remove_tree(fresh)

        def no_temporaries(label):
            left = [n for n in os.listdir(os.path.dirname(out)) if ".kaowu-" in n]
            report.check(not left, "%s: temporaries left: %s" % (label, left))

        # 1. Nothing changed: nothing written, not even the stamp; the output is as it was.
        build()
        first = files(out)
        report.check(".kaowu-build" in first, "the build left no .kaowu-build")
        err = build()
        report.check("nothing changed" in err, "a rebuild with nothing changed did not say so:\n" + err)
        report.check(files(out) == first, "a rebuild with nothing changed touched: %s" % touched(first, files(out))[:10])
        no_temporaries("nothing changed")
        # What a build killed before its swap leaves (a staging folder of a process that is gone)
        # is removed by the next build, even one that finds the output up to date.
        # kaowu marks its staging folders, and removes only marked ones (docs/robustness.md).
        stale = os.path.join(os.path.dirname(out), ".public.kaowu-999999999")
        os.makedirs(os.path.join(stale, "site", "feeds"))
        with open(os.path.join(stale, ".kaowu-staging"), "w") as f:
            f.write("kaowu staging folder: kaowu build removes it\n")
        err = build()
        report.check("nothing changed" in err, "a stale staging folder made the output look changed")
        report.check(not os.path.exists(stale), "an up-to-date build left a killed build's staging folder")

        # 2. One calendar changed: the files whose bytes changed are written, the rest kept.
        region = os.path.join(project, "calendars", "regions", "beijing-2024.toml")
        with open(region, encoding="utf-8") as f:
            text = f.read()
        changed = text.replace('title = "', 'title = "（修订）', 1)
        report.check(changed != text, "the test could not change the Beijing calendar")
        with open(region, "w", encoding="utf-8") as f:
            f.write(changed)
        err = build()
        after = files(out)
        new = touched(first, after)
        print("a changed calendar title: %d of %d files written" % (len(new), len(after)))
        report.check(new, "a changed calendar wrote nothing")
        report.check(len(new) < len(after) / 2, "a changed calendar rewrote %d of %d files" % (len(new), len(after)))
        report.check("feeds/beijing-2024.ics" in new and "calendars/beijing-2024/index.html" in new,
                     "the changed calendar's feed and page were not written: %s" % new[:20])
        report.check("calendars/national-2021/index.html" not in new, "an unchanged page was written again")
        report.check("unchanged" in err, "the rebuild did not say how many files stayed:\n" + err)
        same_as_fresh("one calendar changed")
        no_temporaries("one calendar changed")

        # 3. A rebuild under a restrictive umask still gives 0644 files and 0755 folders.
        old_umask = os.umask(0o077)
        try:
            with open(region, "w", encoding="utf-8") as f:
                f.write(text)
            build()
        finally:
            os.umask(old_umask)
        same_as_fresh("umask 077")

        # 4. A file deleted or edited by hand in the output: the next build puts it back.
        before = files(out)
        os.remove(os.path.join(out, "index.html"))
        build()
        report.check(os.path.exists(os.path.join(out, "index.html")), "a deleted page was not restored")
        page = os.path.join(out, "calendars", "beijing-2024", "index.html")
        with open(page, "r+b") as f:  # same size, other bytes, a later mtime
            f.write(b"<!DOCTYPE html><!-- edited -->")
        build()
        same_as_fresh("edited by hand")

        # 5. Options and the environment that change the output are seen.
        base = files(out)
        for label, extra, env in (("--base-url", ["--base-url", "https://example.org/k/"], None),
                                  ("--pretty", ["--pretty"], None),
                                  ("--model", ["--model"], None),
                                  ("--today", ["--today", "2024-01-01"], None),
                                  ("SOURCE_DATE_EPOCH", [], {"SOURCE_DATE_EPOCH": "1713112200"})):
            build()
            err = build(extra, env)
            report.check("nothing changed" not in err, "%s was not seen as a change" % label)
            same_as_fresh(label, extra, env)
            err = build(extra, env)
            report.check("nothing changed" in err, "%s twice: the second build was not up to date" % label)
        build()
        report.check(snapshot(out) is not None and files(out).keys() == base.keys(), "the output did not come back")

        # 6. Another kaowu: a copy of this one with another build id is a change, though the
        # inputs and options are the same.
        other = os.path.join(work, "kaowu-other")
        shutil.copy2(KAOWU, other)
        build_id = subprocess.run(["readelf", "-n", other], stdout=subprocess.PIPE, text=True).stdout
        ids = [line.split(":", 1)[1].strip() for line in build_id.splitlines() if "Build ID:" in line]
        if report.check(len(ids) == 1, "kaowu has no GNU build id: %s" % build_id[-500:]):
            data = bytearray(open(other, "rb").read())
            at = data.find(bytes.fromhex(ids[0]))
            report.check(at > 0 and data.find(bytes.fromhex(ids[0]), at + 1) < 0, "the build id is not in the file once")
            data[at] ^= 0xFF
            open(other, "wb").write(data)
            err = build(binary=other)
            report.check("nothing changed" not in err, "another kaowu was not seen as a change:\n" + err)
            err = build(binary=other)
            report.check("nothing changed" in err, "the other kaowu, twice: not up to date")

        # 7. A project whose build reports nothing (the benchmark's generator, small) is not even
        # compiled again when nothing changed: the same messages, the same exit code, and every
        # change still seen.
        clean = os.path.join(work, "clean")
        subprocess.run(["/usr/bin/python3", os.path.join(SOURCE_DIR, "tests", "bench", "gen_fixture.py"), clean,
                        "--regions", "1", "--sites", "2", "--notices", "12"], check=True, stdout=subprocess.DEVNULL)
        clean_out = os.path.join(work, "www", "clean")

        def build_clean(extra=()):
            r = kaowu(["build", os.path.join(clean, "calendars"), "-o", clean_out, "--notices", os.path.join(clean, "notices"),
                       "--lang", "en"] + list(extra))
            report.check(r.rc == 0 and not r.crash(), "clean build %s exited %s: %s" % (extra, r.rc, r.stderr[-1000:]))
            return r.stderr.decode("utf-8", "replace"), r.stdout.decode("utf-8", "replace")

        err, _ = build_clean()
        report.check("0 errors, 0 warnings" in err, "the generated project does not build cleanly:\n" + err)
        before = files(clean_out)
        err, _ = build_clean()
        report.check("nothing changed" in err and "0 errors, 0 warnings" in err, "clean, nothing changed:\n" + err)
        report.check(files(clean_out) == before, "clean, nothing changed: files were touched")
        _, out_json = build_clean(["--format", "json"])
        report.check('"diagnostics": []' in out_json or '"diagnostics":[]' in out_json, "clean, --format json: " + out_json[:300])
        err, _ = build_clean(["--deny-warnings"])
        report.check("nothing changed" in err, "clean, --deny-warnings: " + err)
        notice = sorted(os.path.join(dp, f) for dp, _, fs in os.walk(os.path.join(clean, "notices")) for f in fs)[0]
        with open(notice, "a", encoding="utf-8") as f:
            f.write("\n补充说明。\n")
        err, _ = build_clean()
        report.check("nothing changed" not in err, "a changed notice was not seen")
        new = touched(before, files(clean_out))
        print("one notice changed: %d of %d files written: %s" % (len(new), len(before), new))
        report.check(0 < len(new) <= 4, "one changed notice rewrote %s" % new)
        err, _ = build_clean(["--base-url", "https://example.org/k/"])
        report.check("nothing changed" not in err, "clean: --base-url was not seen as a change")

        # 8. A damaged stamp only costs a full build.
        with open(os.path.join(out, ".kaowu-build"), "w") as f:
            f.write("garbage\n")
        err = build()
        report.check("nothing changed" not in err, "a damaged stamp was trusted")
        same_as_fresh("damaged stamp")
        no_temporaries("end")
    finally:
        remove_tree(work)
    report.finish()


if __name__ == "__main__":
    main()
