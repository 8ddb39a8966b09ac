"""Determinism: the same input gives byte-identical output (content and permissions) whatever
the locale, time zone, umask, CPU count, working directory, paths, time of day, and the order
in which the file system lists the input files."""
import os
import shutil
import tempfile
import time

from kwtest import SOURCE_DIR, Report, describe_difference, kaowu, remove_tree, snapshot, temp_dir


def copy_tree(src, dst, reverse):
    """Copies src to dst creating entries in sorted or reverse-sorted order: tmpfs lists a
    directory in reverse creation order, so the two copies list differently."""
    os.makedirs(dst)
    for name in sorted(os.listdir(src), reverse=reverse):
        s, d = os.path.join(src, name), os.path.join(dst, name)
        if os.path.isdir(s):
            copy_tree(s, d, reverse)
        else:
            shutil.copyfile(s, d)


def project(base, reverse):
    """A project (calendars/, and templates/ and notices/ when the repository has them)."""
    for sub in ("calendars", "templates", "notices"):
        if os.path.isdir(os.path.join(SOURCE_DIR, sub)):
            copy_tree(os.path.join(SOURCE_DIR, sub), os.path.join(base, sub), reverse)
    return base


def main():
    report = Report("robustness.determinism")
    fast = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
    work = temp_dir("determinism")
    shm = tempfile.mkdtemp(prefix="kaowu-determinism-", dir=fast) if fast else temp_dir("determinism-b")
    try:
        forward = project(os.path.join(work, "forward"), reverse=False)
        backward = project(os.path.join(shm, "backward"), reverse=True)
        report.check(sorted(os.listdir(os.path.join(forward, "calendars"))) == sorted(os.listdir(os.path.join(backward, "calendars"))), "copies differ")
        print("listing order: %s vs %s" % (os.listdir(os.path.join(forward, "calendars")), os.listdir(os.path.join(backward, "calendars"))))

        def build(name, base, env, cwd=None, relative=False, prefix=()):
            out = os.path.join(work, "out-" + name)
            args = ["build", "calendars" if relative else os.path.join(base, "calendars"), "-o", out]
            for sub in ("templates", "notices"):
                args += ["--" + sub, os.path.join(base, sub)]
            r = kaowu(args, cwd=cwd or base, env=env, prefix=prefix)
            report.check(r.rc == 0 and not r.crash(), "%s: build exited %s\n%s" % (name, r.rc, r.stderr.decode("utf-8", "replace")[-2000:]))
            return out

        variants = [
            ("baseline", forward, {"LANG": "C.UTF-8", "TZ": "Asia/Shanghai"}, None, True, ()),
            ("turkish-utc", forward, {"LC_ALL": "tr_TR.UTF-8", "LANG": "zh_CN.GB18030", "TZ": "UTC"}, "/", False, ()),
            ("c-kiritimati", backward, {"LC_ALL": "C", "LANG": "C", "TZ": "Pacific/Kiritimati"}, None, True, ()),
            ("la-one-cpu-umask", backward, {"LANG": "en_US.UTF-8", "TZ": "America/Los_Angeles", "OMP_NUM_THREADS": "1"},
             None, False, ["taskset", "-c", "0"] if shutil.which("taskset") else ()),
        ]
        outputs = []
        old_umask = os.umask(0o022)
        try:
            for i, (name, base, env, cwd, relative, prefix) in enumerate(variants):
                if i == 2:
                    time.sleep(1.1)  # a stamp of the wall clock (seconds) would now differ
                    os.umask(0o077)  # and the last builds run under a restrictive umask
                outputs.append((name, build(name, base, env, cwd, relative, prefix)))
        finally:
            os.umask(old_umask)
        first_name, first = outputs[0]
        reference = snapshot(first)
        report.check(len(reference) > 0, "the baseline build is empty")
        for name, out in outputs[1:]:
            other = snapshot(out)
            report.check(other == reference, "%s differs from %s:\n%s" % (name, first_name, describe_difference(reference, other)))
        # Rebuilding into an existing output gives the same tree again.
        again = build("baseline", forward, {"TZ": "Asia/Shanghai"}, None, True)
        report.check(snapshot(again) == reference, "a rebuild over the previous output differs")
        print("%d builds compared over %d entries" % (len(outputs) + 1, len(reference)))
    finally:
        remove_tree(work)
        remove_tree(shm)
    report.finish()


if __name__ == "__main__":
    main()
