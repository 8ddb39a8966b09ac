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


def temp_dir(tag):
    return tempfile.mkdtemp(prefix="kaowu-%s-" % tag)


def build_shipped(out_dir):
    """Builds the repository's calendars into out_dir; the 'previous output' of many tests."""
    r = kaowu(["build", os.path.join(SOURCE_DIR, "calendars"), "-o", out_dir])
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
