"""The bad-input corpus: every case must make `kaowu build` and `kaowu check` exit 1 (or 2 for
what cannot be read and for usage errors) with a located diagnostic of the expected kind,
without crashing or hanging, and leave the previous output directory (and its parent)
byte-identical.

Cases are, in cases/:
  <slug>--<what>.toml   a calendar file (beside nothing else)
  <slug>--<what>.md     a notice of the shipped beijing-2024-fengtai calendar
  <slug>--<what>/       a calendars directory, or a project when it holds calendars/, notices/
                        or templates/ (missing calendars/ are the shipped ones; templates/ lie
                        over the shipped templates)
and generated_cases.py (bytes, sizes, links and permissions that do not belong in the
repository). <slug> is the diagnostic kind the case must produce (kaowu explain <slug>). A line
"expect-at: L:C" in any file of a case (in a comment) says where it must be reported.

Usage: run_corpus.py [NAME-SUBSTRING]"""
import concurrent.futures
import json
import os
import re
import shutil
import sys

import generated_cases
from kwtest import (HERE, SOURCE_DIR, Case, Report, as_ordinary_user, build_shipped, describe_difference, kaowu,
                    materialize, remove_tree, snapshot, temp_dir)

LOCATED = re.compile(r"^(?P<file>[^\s:][^:\n]*):(?P<line>\d+):(?P<col>\d+): (error|warning)\[KW\d{4}\]", re.M)
FILE_LOCATED = re.compile(r"^(?P<file>[^\s:][^:\n]*): (error|warning)\[KW\d{4}\]", re.M)
EXPECT_AT = re.compile(rb"expect-at:\s*(\d+):(\d+)")
INPUTS = ("calendars/", "notices/", "templates/")
NOTICE_OF = "notices/beijing-2024-fengtai/"


def read_dir(path):
    files = {}
    for dirpath, _, names in os.walk(path):
        for n in names:
            p = os.path.join(dirpath, n)
            files[os.path.relpath(p, path).replace(os.sep, "/")] = open(p, "rb").read()
    return files


def static_cases():
    root = os.path.join(HERE, "cases")
    for name in sorted(os.listdir(root)):
        path = os.path.join(root, name)
        case, ext = os.path.splitext(name)
        if os.path.isdir(path):
            case, files = name, read_dir(path)
            if not any(f.split("/")[0] + "/" in INPUTS for f in files):
                files = {"calendars/" + f: data for f, data in files.items()}
        elif ext == ".toml":
            files = {"calendars/case.toml": open(path, "rb").read()}
        elif ext == ".md":
            files = {NOTICE_OF + "case.md": open(path, "rb").read()}
        else:
            continue
        where = None
        for data in files.values():
            m = EXPECT_AT.search(data)
            if m:
                where = (int(m.group(1)), int(m.group(2)))
        yield Case(case, case.split("--")[0], files, where)


def all_cases():
    out = list(static_cases())
    for c in generated_cases.cases(SOURCE_DIR):
        if isinstance(c, tuple):  # (name, slug, {calendars file: bytes}, where)
            name, slug, files, where = c
            c = Case(name, slug, {"calendars/" + f: data for f, data in files.items()}, where)
        out.append(c)
    return out


def located_in_case(d, case):
    loc = d["location"]
    if not loc["file"] or not loc["file"].startswith(INPUTS):
        return False
    if case.where == "file":
        return True
    return bool(loc["line"] and loc["column"])


def run_case(case, previous, user_prefix):
    problems = []
    work = temp_dir("corpus")
    try:
        site = os.path.join(work, "site")
        materialize(case, site, work)
        prefix = []
        if case.as_user:
            if user_prefix is None:
                return case.name, [], "skipped: cannot run as an ordinary user here (MemoryTree tests cover it)"
            prefix = user_prefix
            os.chmod(work, 0o755)  # mkdtemp makes it 0700; what is below it has the usual modes
        public = os.path.join(site, "public")
        shutil.copytree(previous, public)
        before = snapshot(site)
        # The build, as a centre runs it (relative paths, from the directory above calendars/).
        build = kaowu(["build", "calendars", "-o", "public"] + case.args, cwd=site, env=case.env, prefix=prefix)
        after = snapshot(site)
        crash = build.crash()
        text = build.stderr.decode("utf-8", "replace")
        if crash:
            problems.append("build " + crash + "\n" + text[-3000:])
        elif build.rc != case.rc:
            problems.append("build exited %s, expected %s\n%s" % (build.rc, case.rc, text[-2000:]))
        if not crash and case.slug:
            pattern = FILE_LOCATED if case.where == "file" or case.rc == 2 else LOCATED
            if not (pattern.search(text) or LOCATED.search(text)):
                problems.append("no located diagnostic (file:line:col: error[KW…]) in:\n" + text[:2000])
        if case.message and not re.search(case.message, text):
            problems.append("the build did not say %r:\n%s" % (case.message, text[:2000]))
        if len(build.stderr) > 200_000:
            problems.append("the build printed %d bytes of diagnostics" % len(build.stderr))
        if re.search(rb"[\x00-\x08\x0b-\x1f\x7f]", build.stderr):
            problems.append("diagnostics carry a control character to the terminal")
        if before != after:
            problems.append("the build changed files:\n" + describe_difference(before, after))
        # The same through `kaowu check --format json`: the expected kind, located in the case.
        check = kaowu(["check", "calendars", "--format", "json", "--lang", "en"] + case.args, cwd=site, env=case.env,
                      prefix=prefix)
        crash = check.crash()
        if crash:
            problems.append("check " + crash)
        elif check.rc != case.rc:
            problems.append("check exited %s, expected %s" % (check.rc, case.rc))
        elif case.slug:
            try:
                report = json.loads(check.stdout)
            except ValueError as e:
                problems.append("check --format json printed invalid JSON: %s" % e)
                report = {"diagnostics": []}
            hits = [d for d in report["diagnostics"] if d["slug"] == case.slug and located_in_case(d, case)]
            if not hits:
                found = ["%s at %s" % (d["slug"], d["location"]) for d in report["diagnostics"][:8]]
                problems.append("no located '%s' diagnostic; got: %s" % (case.slug, "; ".join(found) or "none"))
            elif isinstance(case.where, tuple) and not any(
                    (d["location"]["line"], d["location"]["column"]) == case.where for d in hits):
                got = [(d["location"]["line"], d["location"]["column"]) for d in hits[:3]]
                problems.append("'%s' expected at line:column %s, got %s" % (case.slug, case.where, got))
        elif case.message and not re.search(case.message, check.stderr.decode("utf-8", "replace")):
            problems.append("check did not say %r" % case.message)
    finally:
        remove_tree(work)
    return case.name, problems, None


def main():
    only = sys.argv[1] if len(sys.argv) > 1 else ""
    report = Report("robustness.corpus")
    cases = [c for c in all_cases() if only in c.name]
    if not only:
        report.check(len(cases) >= 60, "the corpus has only %d cases" % len(cases))
    user_prefix = as_ordinary_user()
    work = temp_dir("corpus-previous")
    try:
        previous = build_shipped(os.path.join(work, "public"), small=True)
        # A file no build would write: a build that touched the directory would drop it.
        with open(os.path.join(previous, "uploaded-by-hand.txt"), "w") as f:
            f.write("the previous output\n")
        os.chmod(work, 0o755)
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            for name, problems, skipped in pool.map(lambda c: run_case(c, previous, user_prefix), cases):
                report.check(not problems, name + ": " + "\n    ".join(problems))
                if skipped:
                    print("skip " + name + ": " + skipped, flush=True)
                elif not problems:
                    print("ok   " + name, flush=True)
    finally:
        remove_tree(work)
    report.finish()


if __name__ == "__main__":
    main()
