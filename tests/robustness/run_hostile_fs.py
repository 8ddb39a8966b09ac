"""The output folder and the previous build are the user's and untrusted (issue 20). Each case
sets up a file-system state a stranger (or an unlucky user) could leave, runs kaowu, and checks
that nothing kaowu did not make was deleted, truncated, linked or read, that it did not hang or
crash, and the exit status and diagnostic:

1. -o naming a folder of the user's own files (and sub-folders): exit 2, KW0902 naming them,
   the folder byte-identical. An empty folder, a missing one, and a fresh checkout's public/ that
   holds only the README.md kaowu writes itself are published into.
2. A file, an empty folder or a symbolic link added to a folder kaowu made: exit 2, KW0902, all
   of it as it was.
3. A folder of the previous build replaced by a symbolic link to a folder outside holding the
   same file: the outside file is never linked into the site (its link count stays 1) and never
   changed; the build stops with KW0902 at the link.
4. A file edited in place that keeps its size and modification time is written again by the
   next build, and so is a file deleted after its line was removed from the stamp.
5. The stamp replaced by a FIFO (no hang), by a 1 GiB sparse file (no crash, nothing read into
   memory), by a file edited by hand (never trusted for reuse), by a link to a file outside.
6. An output folder that cannot be written, as an ordinary user: exit 2 with the OS's reason.
7. --notices naming a folder that cannot be read, as an ordinary user: exit 2 with the reason.
"""
import os
import shutil
import stat
import subprocess
import sys

from kwtest import Report, SOURCE_DIR, as_ordinary_user, describe_difference, kaowu, remove_tree, small_calendar, snapshot, temp_dir


report = Report("robustness.hostile_fs")


def project(work, end="2023-12-14"):
    p = os.path.join(work, "project")
    os.makedirs(os.path.join(p, "calendars", "national"), exist_ok=True)
    shutil.copy(os.path.join(SOURCE_DIR, "calendars", "rules.toml"), os.path.join(p, "calendars", "rules.toml"))
    with open(os.path.join(p, "calendars", "national", "small-2024.toml"), "w", encoding="utf-8") as f:
        f.write(small_calendar(end))
    return p


def build(p, out, extra=(), prefix=()):
    return kaowu(["build", os.path.join(p, "calendars"), "-o", out] + list(extra), prefix=prefix)


def err(r):
    return r.stderr.decode("utf-8", "replace")


def no_crash(r, name):
    report.check(r.crash() is None, "%s: %s\n%s" % (name, r.crash(), err(r)[-2000:]))


def refused(r, name, names):
    """Exit 2 with KW0902 naming each of `names`."""
    no_crash(r, name)
    text = err(r)
    report.check(r.rc == 2, "%s: exit %s, expected 2\n%s" % (name, r.rc, text[-2000:]))
    report.check("KW0902" in text, "%s: no KW0902 in\n%s" % (name, text[-2000:]))
    for n in names:
        report.check(n in text, "%s: the message does not name %r:\n%s" % (name, n, text[-2000:]))


def unchanged(before, root, name):
    after = snapshot(root)
    report.check(before == after, "%s: the folder changed:\n%s" % (name, describe_difference(before, after)))


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def case_users_folder(work):
    p = project(work)
    docs = os.path.join(work, "Documents")
    write(os.path.join(docs, "简历.docx"), b"my own file")
    write(os.path.join(docs, "photos", "2023", "a.jpg"), b"\xff\xd8 jpeg")
    os.makedirs(os.path.join(docs, "empty-folder"))
    before = snapshot(docs)
    r = build(p, docs)
    refused(r, "-o a folder of the user's", ["Documents", "photos/2023/a.jpg", "简历.docx"])
    unchanged(before, docs, "-o a folder of the user's")
    # English too.
    r = build(p, docs, ["--lang", "en"])
    report.check("refusing to publish into" in err(r), "--lang en: %s" % err(r)[-500:])
    # Missing and empty folders are published into.
    for name, setup in (("missing", lambda d: None), ("empty", os.makedirs)):
        out = os.path.join(work, "out-" + name)
        setup(out)
        r = build(p, out)
        no_crash(r, name)
        report.check(r.rc == 0 and os.path.isfile(os.path.join(out, "index.html")),
                     "-o a %s folder: exit %s\n%s" % (name, r.rc, err(r)[-1000:]))
    # A fresh checkout's public/: only the README.md kaowu writes there itself.
    first = os.path.join(work, "out-missing")
    fresh = os.path.join(work, "fresh-public")
    write(os.path.join(fresh, "README.md"), read(os.path.join(first, "README.md")))
    r = build(p, fresh)
    report.check(r.rc == 0 and os.path.isfile(os.path.join(fresh, "index.html")),
                 "a fresh checkout's public/ (README.md only): exit %s\n%s" % (r.rc, err(r)[-1000:]))
    # ... but a README.md of the user's own (other bytes) is theirs.
    other = os.path.join(work, "other-public")
    write(os.path.join(other, "README.md"), b"# notes of mine\n")
    before = snapshot(other)
    refused(build(p, other), "a README.md of the user's", ["README.md"])
    unchanged(before, other, "a README.md of the user's")


def case_additions(work):
    p = project(work)
    out = os.path.join(work, "public")
    r = build(p, out)
    report.check(r.rc == 0, "first build: %s" % err(r)[-1000:])
    additions = {
        "a file": lambda: write(os.path.join(out, "logo.png"), b"\x89PNG mine"),
        "an empty folder": lambda: os.makedirs(os.path.join(out, "uploads")),
        "a symbolic link": lambda: os.symlink("/etc/hostname", os.path.join(out, "hostname")),
        "a file in a folder kaowu made": lambda: write(os.path.join(out, "feeds", "mine.txt"), b"mine"),
    }
    named = {"a file": "logo.png", "an empty folder": "uploads", "a symbolic link": "hostname",
             "a file in a folder kaowu made": "feeds/mine.txt"}
    for name, add in additions.items():
        add()
        before = snapshot(out)
        refused(build(p, out, ["--today", "2023-12-02"]), "added " + name, [named[name]])
        unchanged(before, out, "added " + name)
        target = os.path.join(out, named[name])
        if os.path.islink(target) or os.path.isfile(target):
            os.unlink(target)
        else:
            os.rmdir(target)
    r = build(p, out, ["--today", "2023-12-02"])
    report.check(r.rc == 0, "after the additions were removed: exit %s\n%s" % (r.rc, err(r)[-1000:]))


def case_symlinked_folder(work):
    p = project(work)
    out = os.path.join(work, "public")
    r = build(p, out)
    report.check(r.rc == 0, "first build: %s" % err(r)[-1000:])
    outside = os.path.join(work, "outside")
    shutil.copytree(os.path.join(out, "feeds"), outside)
    victims = [os.path.join(outside, n) for n in sorted(os.listdir(outside))]
    shutil.rmtree(os.path.join(out, "feeds"))
    os.symlink(outside, os.path.join(out, "feeds"))
    before = snapshot(outside)
    # A changed input, so the build does render and link.
    p2 = project(os.path.join(work, "second"), end="2023-12-15")
    r = build(p2, out)
    refused(r, "a folder of public/ replaced by a link", ["feeds"])
    unchanged(before, outside, "the folder outside, behind the link")
    for v in victims:
        if os.path.isfile(v):
            report.check(os.stat(v).st_nlink == 1, "%s was hard-linked (%d links)" % (v, os.stat(v).st_nlink))


def case_reuse_checks(work):
    p = project(work)
    out = os.path.join(work, "public")
    r = build(p, out)
    report.check(r.rc == 0, "first build: %s" % err(r)[-1000:])
    index = os.path.join(out, "index.html")
    good = read(index)
    st = os.stat(index)
    # Same size, same time, other bytes.
    bad = bytearray(good)
    bad[-20:-10] = b"X" * 10
    with open(index, "r+b") as f:
        f.write(bad)
    os.utime(index, ns=(st.st_atime_ns, st.st_mtime_ns))
    r = build(p, out)  # nothing changed in the input
    no_crash(r, "edited in place")
    report.check(r.rc == 0 and read(index) == good, "a file edited in place keeping size and mtime was not written again")
    # Deleted, with its line removed from the stamp.
    stamp = os.path.join(out, ".kaowu-build")
    lines = read(stamp).decode("utf-8").splitlines(True)
    victim = "feeds/small-2024.ics"
    kept = [l for l in lines if not l.startswith(victim + "\t")]
    report.check(len(kept) == len(lines) - 1, "the stamp lists %s" % victim)
    with open(stamp, "w", encoding="utf-8") as f:
        f.writelines(kept)
    wanted = read(os.path.join(out, victim))
    os.unlink(os.path.join(out, victim))
    r = build(p, out)
    no_crash(r, "deleted with its stamp line")
    report.check(r.rc == 0 and os.path.isfile(os.path.join(out, victim)) and read(os.path.join(out, victim)) == wanted,
                 "a file deleted after its stamp line was removed was not written again: exit %s\n%s" % (r.rc, err(r)[-800:]))


def case_stamps(work):
    p = project(work)
    for name in ("fifo", "huge", "link", "edited"):
        out = os.path.join(work, "public-" + name)
        r = build(p, out)
        report.check(r.rc == 0, "first build: %s" % err(r)[-1000:])
        stamp = os.path.join(out, ".kaowu-build")
        text = read(stamp)
        os.unlink(stamp)
        if name == "fifo":
            os.mkfifo(stamp)
        elif name == "huge":
            with open(stamp, "wb") as f:
                f.write(text)
                f.truncate(1 << 30)
        elif name == "link":
            secret = os.path.join(work, "secret-" + name)
            write(secret, text)
            os.symlink(secret, stamp)
        else:
            write(stamp, text.replace(b"index.html\t", b"index.htm\t"))
        before = snapshot(out) if name != "huge" else None
        r = build(p, out, ["--today", "2023-12-03"])
        no_crash(r, "stamp: " + name)
        report.check(r.rc in (0, 2), "stamp %s: exit %s\n%s" % (name, r.rc, err(r)[-800:]))
        if name in ("fifo", "link"):
            # Not a stamp kaowu wrote: a FIFO or link of the user's; refused, left as it was.
            refused(r, "stamp " + name, [".kaowu-build"])
            unchanged(before, out, "stamp " + name)
        if name == "huge":
            # Begins as kaowu's stamp; every file is one the build writes again, byte for byte.
            report.check(r.rc == 0, "a 1 GiB stamp: exit %s\n%s" % (r.rc, err(r)[-800:]))
        if name == "edited":
            report.check(r.rc == 2 and "index.html" in err(r), "an edited stamp that no longer lists index.html: %s" % err(r)[-800:])


def case_permissions(work):
    prefix = as_ordinary_user()
    if prefix is None:
        print("robustness.hostile_fs: no way to run as an ordinary user here; permission cases skipped")
        return
    os.chmod(work, 0o777)
    p = project(work)
    for root, dirs, files in os.walk(work):
        for d in dirs:
            os.chmod(os.path.join(root, d), 0o777)
        for f in files:
            os.chmod(os.path.join(root, f), 0o666)
    locked = os.path.join(work, "locked")
    os.makedirs(os.path.join(locked, "out"))
    os.chmod(locked, 0o555)
    r = build(p, os.path.join(locked, "out"), prefix=prefix)
    no_crash(r, "read-only output folder")
    report.check(r.rc == 2 and "Permission denied" in err(r), "read-only output folder: exit %s\n%s" % (r.rc, err(r)[-800:]))
    notices = os.path.join(work, "notices")
    os.makedirs(notices)
    os.chmod(notices, 0o000)
    r = kaowu(["check", os.path.join(p, "calendars"), "--notices", notices], prefix=prefix)
    no_crash(r, "unreadable --notices")
    report.check(r.rc == 2 and "Permission denied" in err(r), "unreadable --notices: exit %s\n%s" % (r.rc, err(r)[-800:]))


def main():
    for case in (case_users_folder, case_additions, case_symlinked_folder, case_reuse_checks, case_stamps, case_permissions):
        work = temp_dir("hostile")
        try:
            case(work)
        finally:
            subprocess.run(["chmod", "-R", "u+rwx", work])
            remove_tree(work)
    report.finish()


if __name__ == "__main__":
    main()
