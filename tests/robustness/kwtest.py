"""Shared helpers of the robustness tests: run kaowu, detect crashes and sanitizer reports,
snapshot an output tree byte for byte."""
import hashlib
import os
import shutil
import stat
import subprocess
import sys
import tempfile

KAOWU = os.environ.get("KAOWU", "")
SOURCE_DIR = os.environ.get("KAOWU_SOURCE_DIR", os.path.abspath(os.path.join(os.path.dirname(__file__), "../..")))
HERE = os.path.dirname(os.path.abspath(__file__))

# Words a sanitizer or the C++ runtime prints when something went wrong, whatever the exit code
# (UBSan exits with 1 by default, which would look like an ordinary input error).
CRASH_MARKERS = ("AddressSanitizer", "LeakSanitizer", "UndefinedBehaviorSanitizer", "runtime error:",
                 "terminate called", "internal error", "Segmentation fault", "stack-overflow")

# A generous guard against hangs, not a timing assertion: a run that takes this long is stuck.
HANG_SECONDS = 300


class Run:
    def __init__(self, args, rc, stdout, stderr):
        self.args, self.rc, self.stdout, self.stderr = args, rc, stdout, stderr

    def crash(self):
        """Why this run counts as a crash, or None."""
        if self.rc is None:
            return "hung (no exit after %d s)" % HANG_SECONDS
        if self.rc < 0 or self.rc >= 128:
            return "died with exit status %d" % self.rc
        text = self.stderr.decode("utf-8", "replace") + self.stdout.decode("utf-8", "replace")
        for marker in CRASH_MARKERS:
            if marker in text:
                return "printed %r" % marker
        return None


def kaowu(args, cwd=None, env=None, prefix=()):
    """Runs kaowu with `args` (after `prefix`, e.g. taskset) and the environment plus `env`."""
    if not KAOWU:
        sys.exit("KAOWU is not set (run through ctest)")
    full_env = dict(os.environ)
    full_env.setdefault("NO_COLOR", "1")
    if env:
        full_env.update(env)
    try:
        p = subprocess.run(list(prefix) + [KAOWU] + list(args), cwd=cwd, env=full_env, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=HANG_SECONDS)
        return Run(args, p.returncode, p.stdout, p.stderr)
    except subprocess.TimeoutExpired as e:
        return Run(args, None, e.stdout or b"", e.stderr or b"")


def snapshot(root):
    """Every entry below `root` (directories, files, symlinks) with its type, mode and content hash.
    Two equal snapshots mean two byte-identical trees."""
    out = {}
    if not os.path.lexists(root):
        return out
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in dirnames + sorted(filenames):
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root)
            st = os.lstat(path)
            if stat.S_ISLNK(st.st_mode):
                out[rel] = ("link", os.readlink(path))
            elif stat.S_ISDIR(st.st_mode):
                out[rel] = ("dir", stat.S_IMODE(st.st_mode))
            elif not stat.S_ISREG(st.st_mode):
                # A FIFO, socket or device: never opened (a FIFO would block the test).
                out[rel] = ("special", stat.S_IFMT(st.st_mode), stat.S_IMODE(st.st_mode))
            else:
                with open(path, "rb") as f:
                    out[rel] = ("file", stat.S_IMODE(st.st_mode), hashlib.sha256(f.read()).hexdigest())
    return out


def describe_difference(before, after):
    lines = []
    for k in sorted(set(before) | set(after)):
        if before.get(k) != after.get(k):
            lines.append("  %s: %s -> %s" % (k, before.get(k, "absent"), after.get(k, "absent")))
    return "\n".join(lines[:20])


def small_calendar(end="2023-12-14"):
    """A national calendar of one phase: the smallest site, for tests of the output folder."""
    return """[calendar]
id = "small-2024"
level = "national"
title = "2024年度测试考试"
issuer = "测试"
exam_year = 2024
track = "初中级"
source = "robustness"

[[phases]]
id = "registration"
name = "网上报名"
audience = "candidate"
start = 2023-12-01
end = %s
""" % end


def temp_dir(tag):
    return tempfile.mkdtemp(prefix="kaowu-%s-" % tag)


def build_shipped(out_dir, small=False):
    """Builds the repository's calendars into out_dir; the 'previous output' of many tests.
    small: only the national 2021 calendar and its holidays (33 files instead of the whole site),
    for tests that copy and compare the previous output once per case: any real site proves
    that a failed build left it alone, and the whole one made the corpus spend minutes copying."""
    calendars = os.path.join(SOURCE_DIR, "calendars")
    work = None
    if small:
        work = temp_dir("small-project")
        calendars = os.path.join(work, "calendars")
        for rel in ("national/national-2021.toml", "holidays/2020.toml", "holidays/2021.toml", "rules.toml"):
            os.makedirs(os.path.dirname(os.path.join(calendars, rel)), exist_ok=True)
            shutil.copy(os.path.join(SOURCE_DIR, "calendars", rel), os.path.join(calendars, rel))
    try:
        r = kaowu(["build", calendars, "-o", out_dir])
    finally:
        if work:
            remove_tree(work)
    if r.rc != 0:
        sys.exit("building the shipped calendars failed:\n" + r.stderr.decode("utf-8", "replace"))
    return out_dir


class Report:
    """Collects failures; prints a summary and exits non-zero when any."""

    def __init__(self, name):
        self.name, self.failures, self.checks = name, [], 0

    def check(self, ok, message):
        self.checks += 1
        if not ok:
            self.failures.append(message)
            print("FAIL: " + message, flush=True)
        return ok

    def finish(self):
        print("%s: %d checks, %d failed" % (self.name, self.checks, len(self.failures)))
        sys.exit(1 if self.failures else 0)


def remove_tree(path):
    shutil.rmtree(path, ignore_errors=True)


class Case:
    """One bad input of the corpus, as a project directory.

    files: {path: bytes} relative to the project (calendars/…, notices/…, templates/…); a value
    of None is a sparse file of HUGE_SPARSE bytes. A project without calendars/ gets the shipped
    calendars; one with templates/ gets the shipped templates under its own files.
    slug: the diagnostic kind `kaowu check --format json` must report, located in the case's
    files (None for a usage error, which kaowu reports before reading anything).
    where: its (line, column), or None. rc: the exit status of check and build (1, or 2 for what
    cannot be read and for usage errors). args: given to both commands. setup(project, work):
    what files cannot say (links, permissions). as_user: run kaowu as an ordinary user (root
    reads every file whatever its mode). message: a regular expression the build's stderr must
    match (usage errors). env: added to kaowu's environment. where may also be "file": the
    diagnostic names a file, not a line in it (a file kaowu does not read)."""

    def __init__(self, name, slug, files, where=None, rc=1, args=(), setup=None, as_user=False, message=None,
                 env=None):
        self.name, self.slug, self.files, self.where = name, slug, files, where
        self.rc, self.args, self.setup, self.as_user, self.message = rc, list(args), setup, as_user, message
        self.env = env or {}


HUGE_SPARSE = 1 << 30  # 1 GiB, sparse: costs nothing on disk, must not be read into memory


def materialize(case, project, work):
    """Writes `case` as a project directory at `project` (calendars/ and what else it has)."""
    if not any(p.startswith("calendars/") for p in case.files):
        shutil.copytree(os.path.join(SOURCE_DIR, "calendars"), os.path.join(project, "calendars"))
    if any(p.startswith("templates/") for p in case.files):
        shutil.copytree(os.path.join(SOURCE_DIR, "templates"), os.path.join(project, "templates"))
    for rel, data in case.files.items():
        p = os.path.join(project, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as f:
            if data is None:
                f.truncate(HUGE_SPARSE)
            else:
                f.write(data)
    if case.setup:
        case.setup(project, work)


def as_ordinary_user():
    """The command prefix that runs kaowu as an ordinary user, or None when that is impossible
    here (not root and no setpriv: then permissions already apply, and the prefix is [])."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if not setpriv:
        return None
    probe = subprocess.run([setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", "true"])
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"] if probe.returncode == 0 else None
