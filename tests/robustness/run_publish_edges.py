"""Publishing at the edges of the file system:

1. `-o` naming a symbolic link publishes into the link's target and leaves the link; a link to a
   file is refused and changes nothing.
2. The clean-up of staging folders left by killed builds removes only folders kaowu marked: a
   user's folder that merely has such a name stays, and so does the folder of a build that is
   still running.
3. A full disk is named as such (exit 2) and leaves public/ byte-identical, with no staging
   folder behind. Tested on a real 1 MiB tmpfs when this machine lets the test mount one in a
   private mount namespace (`unshare --mount`, root), and always with a fault-injection library
   (LD_PRELOAD) that makes write(2) fail with ENOSPC after a number of bytes.

Usage: run_publish_edges.py            (the tests)
       run_publish_edges.py --in-namespace WORK   (the tmpfs part, run under unshare)"""
import json
import os
import shutil
import subprocess
import sys

from kwtest import KAOWU, SOURCE_DIR, Report, describe_difference, kaowu, remove_tree, small_calendar, snapshot, temp_dir

MARKER = ".kaowu-staging"
MARKER_TEXT = "kaowu staging folder: kaowu build removes it\n"
SMALL = small_calendar()

SHIM = r"""
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>
/* write(2) fails with ENOSPC once KAOWU_FAULT_ENOSPC_AFTER bytes have gone to files (not to
   stdout or stderr): a disk that fills up during a build. */
static atomic_long budget = -1;
__attribute__((constructor)) static void init(void) {
  const char* v = getenv("KAOWU_FAULT_ENOSPC_AFTER");
  if (v) atomic_store(&budget, atol(v));
}
ssize_t write(int fd, const void* buf, size_t n) {
  static ssize_t (*real)(int, const void*, size_t);
  if (!real) real = (ssize_t (*)(int, const void*, size_t))dlsym(RTLD_NEXT, "write");
  if (fd > 2 && atomic_load(&budget) >= 0 && atomic_fetch_sub(&budget, (long)n) < (long)n) {
    errno = ENOSPC;
    return -1;
  }
  return real(fd, buf, n);
}
"""


def small_project(root):
    os.makedirs(os.path.join(root, "calendars"))
    with open(os.path.join(root, "calendars", "small.toml"), "w") as f:
        f.write(SMALL)
    return os.path.join(root, "calendars")


def staging_folders(parent):
    return sorted(n for n in os.listdir(parent) if ".kaowu-" in n)


def test_symlink(report, work):
    calendars = small_project(os.path.join(work, "p"))
    www = os.path.join(work, "www")
    os.makedirs(os.path.join(www, "site-2024"))
    link = os.path.join(work, "public")
    os.symlink(os.path.join("www", "site-2024"), link)
    r = kaowu(["build", calendars, "-o", link])
    report.check(r.rc == 0, "build through a link exited %s: %s" % (r.rc, r.stderr.decode("utf-8", "replace")[-800:]))
    report.check(os.path.islink(link) and os.readlink(link) == os.path.join("www", "site-2024"),
                 "-o through a link replaced or changed the link")
    report.check(os.path.isfile(os.path.join(www, "site-2024", "index.html")), "the link's target got no site")
    report.check(staging_folders(www) == [] and staging_folders(work) == [],
                 "staging folders left: %s %s" % (staging_folders(www), staging_folders(work)))
    # Again, now that the target holds a site: it is exchanged in place, the link stays.
    r = kaowu(["build", calendars, "-o", link])
    report.check(r.rc == 0 and os.path.islink(link), "a second build through the link failed or replaced it")
    # A link to a file is refused, and nothing changes.
    with open(os.path.join(work, "a-file"), "w") as f:
        f.write("not a folder\n")
    file_link = os.path.join(work, "to-file")
    os.symlink("a-file", file_link)
    before = snapshot(work)
    r = kaowu(["build", calendars, "-o", file_link, "--lang", "en"])
    report.check(r.rc == 2 and b"is not a directory" in r.stderr, "a link to a file: exit %s, %r" % (r.rc, r.stderr[-300:]))
    report.check(snapshot(work) == before, "a refused build changed files:\n" + describe_difference(before, snapshot(work)))


def test_staging_cleanup(report, work):
    calendars = small_project(os.path.join(work, "p"))
    out_parent = os.path.join(work, "www")
    os.makedirs(out_parent)
    public = os.path.join(out_parent, "public")
    # A user's folder with a staging folder's name, and kaowu's own marker inside a subfolder.
    users = os.path.join(out_parent, ".public.kaowu-99999")
    os.makedirs(os.path.join(users, "site"))
    with open(os.path.join(users, "site", "notes.txt"), "w") as f:
        f.write("mine\n")
    # A folder a killed build left (marked, no such process).
    stale = os.path.join(out_parent, ".public.kaowu-99998")
    os.makedirs(os.path.join(stale, "site", "feeds"))
    with open(os.path.join(stale, MARKER), "w") as f:
        f.write(MARKER_TEXT)
    # The marked folder of a build that is still running (this test's own process).
    running = os.path.join(out_parent, ".public.kaowu-%d" % os.getpid())
    os.makedirs(os.path.join(running, "site"))
    with open(os.path.join(running, MARKER), "w") as f:
        f.write(MARKER_TEXT)
    r = kaowu(["build", calendars, "-o", public])
    report.check(r.rc == 0, "build exited %s" % r.rc)
    report.check(os.path.isfile(os.path.join(users, "site", "notes.txt")), "the clean-up removed a user's folder")
    report.check(not os.path.exists(stale), "the clean-up left a marked folder of a killed build")
    report.check(os.path.isdir(running), "the clean-up removed the folder of a running build")
    # A marker that is not kaowu's (other text, or a link) does not make a folder kaowu's.
    for name, make in (("text", lambda p: open(p, "w").write("something else\n")),
                       ("link", lambda p: os.symlink(os.path.join(stale, "x"), p))):
        fake = os.path.join(out_parent, ".public.kaowu-9999%d" % (7 if name == "text" else 6))
        os.makedirs(fake)
        make(os.path.join(fake, MARKER))
        kaowu(["build", calendars, "-o", public])
        report.check(os.path.isdir(fake), "a folder with a %s marker was removed" % name)
    # What a build killed at either end of its staging folder leaves: the folder alone, or the
    # folder with its marker cut short. It holds nothing, and the next build removes it.
    for name, text in (("empty", None), ("cut marker", MARKER_TEXT[:9]), ("empty marker", "")):
        left = os.path.join(out_parent, ".public.kaowu-99995%d" % len(name))
        os.makedirs(left)
        if text is not None:
            with open(os.path.join(left, MARKER), "w") as f:
                f.write(text)
        kaowu(["build", calendars, "-o", public])
        report.check(not os.path.exists(left), "a killed build's %s staging folder was left" % name)


def full_disk_run(report, how, work, build_args, env=None):
    """Builds the shipped calendars over the small site in work/www/public with a disk that
    fills up; public/ must stay as it was."""
    public = os.path.join(work, "www", "public")
    before = snapshot(public)
    r = kaowu(build_args + ["-o", public, "--lang", "en"], env=env)
    text = r.stderr.decode("utf-8", "replace")
    report.check(not r.crash(), "%s: %s" % (how, r.crash()))
    report.check(r.rc == 2, "%s: a full disk exited %s, expected 2:\n%s" % (how, r.rc, text[-1500:]))
    report.check("the disk is full" in text and "No space left on device" in text and
                 "nothing published: the output directory is unchanged" in text,
                 "%s: the message does not name a full disk:\n%s" % (how, text[-1500:]))
    report.check(snapshot(public) == before,
                 "%s: public/ changed:\n%s" % (how, describe_difference(before, snapshot(public))))
    left = staging_folders(os.path.join(work, "www"))
    report.check(left == [], "%s: staging folders left behind: %s" % (how, left))
    return text


def previous_site(work):
    calendars = small_project(os.path.join(work, "p"))
    r = kaowu(["build", calendars, "-o", os.path.join(work, "www", "public")])
    if r.rc != 0:
        sys.exit("building the small site failed: " + r.stderr.decode("utf-8", "replace"))


def test_full_disk_injected(report, work):
    compiler = shutil.which("cc") or shutil.which("gcc")
    if not compiler:
        print("skip: no C compiler for the fault-injection library")
        return False
    shim = os.path.join(work, "enospc.so")
    src = os.path.join(work, "enospc.c")
    with open(src, "w") as f:
        f.write(SHIM)
    subprocess.run([compiler, "-shared", "-fPIC", "-O1", "-o", shim, src, "-ldl"], check=True)
    previous_site(work)
    env = {"LD_PRELOAD": shim, "KAOWU_FAULT_ENOSPC_AFTER": "300000",
           # An AddressSanitizer build wants its runtime first; the shim only wraps write(2).
           "ASAN_OPTIONS": os.environ.get("ASAN_OPTIONS", "") + ":verify_asan_link_order=0"}
    full_disk_run(report, "injected ENOSPC", work, ["build", os.path.join(SOURCE_DIR, "calendars")], env)
    return True


def in_namespace(work):
    """Run under `unshare --mount`: a 1 MiB tmpfs over work/www, the small site on it, then a
    build that cannot fit. Prints a JSON list of failures."""
    report = Report("robustness.publish_edges (tmpfs)")
    www = os.path.join(work, "www")
    os.makedirs(www, exist_ok=True)
    subprocess.run(["mount", "--make-rprivate", "/"], check=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", www], check=True)
    previous_site(work)
    full_disk_run(report, "tmpfs of 1 MiB", work, ["build", os.path.join(SOURCE_DIR, "calendars")])
    print("RESULT " + json.dumps(report.failures))


def test_full_disk_tmpfs(report, work):
    if os.geteuid() != 0 or not shutil.which("unshare"):
        print("skip: a tmpfs needs root and unshare here")
        return False
    probe = subprocess.run(["unshare", "--mount", "mount", "-t", "tmpfs", "tmpfs", work],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if probe.returncode != 0:
        print("skip: this machine does not let the test mount a tmpfs (a container without CAP_SYS_ADMIN)")
        return False
    p = subprocess.run(["unshare", "--mount", sys.executable, os.path.abspath(__file__), "--in-namespace", work],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=dict(os.environ), timeout=600)
    out = p.stdout.decode("utf-8", "replace")
    result = [line for line in out.splitlines() if line.startswith("RESULT ")]
    if not report.check(p.returncode == 0 and result, "the tmpfs test did not finish:\n" + out[-1500:] +
                        p.stderr.decode("utf-8", "replace")[-1500:]):
        return True
    for failure in json.loads(result[-1][7:]):
        report.check(False, failure)
    return True


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--in-namespace":
        in_namespace(sys.argv[2])
        return
    report = Report("robustness.publish_edges")
    ran = []
    for name, test in (("symlink", test_symlink), ("staging clean-up", test_staging_cleanup),
                       ("full disk, injected", test_full_disk_injected), ("full disk, tmpfs", test_full_disk_tmpfs)):
        work = temp_dir("publish")
        try:
            if test(report, work) is not False:
                ran.append(name)
        finally:
            remove_tree(work)
    print("ran: " + ", ".join(ran))
    report.check("full disk, injected" in ran or "full disk, tmpfs" in ran, "no full-disk test could run")
    report.finish()


if __name__ == "__main__":
    main()
