"""The bad-input corpus: every case must make `kaowu build` exit 1 with a located diagnostic
of the expected kind, without crashing, and leave the previous output directory (and its
parent) byte-identical.

Cases are cases/<slug>--<what>.toml (one file), cases/<slug>--<what>/ (a calendars directory)
and generated_cases.py (bytes and sizes that do not belong in the repository). <slug> is the
diagnostic kind the case must produce (kaowu explain <slug>).

Usage: run_corpus.py [NAME-SUBSTRING]"""
import concurrent.futures
import json
import os
import re
import shutil
import sys

import generated_cases
from kwtest import HERE, SOURCE_DIR, Report, build_shipped, describe_difference, kaowu, remove_tree, snapshot, temp_dir

LOCATED = re.compile(r"^(?P<file>[^\s:][^:\n]*):(?P<line>\d+):(?P<col>\d+): error\[KW\d{4}\]", re.M)


def static_cases():
    root = os.path.join(HERE, "cases")
    for name in sorted(os.listdir(root)):
        path = os.path.join(root, name)
        case = name[:-5] if name.endswith(".toml") else name
        slug = case.split("--")[0]
        if os.path.isdir(path):
            files = {}
            for dirpath, _, names in os.walk(path):
                for n in names:
                    p = os.path.join(dirpath, n)
                    files[os.path.relpath(p, path)] = open(p, "rb").read()
        else:
            files = {"case.toml": open(path, "rb").read()}
        yield case, slug, files, None


def materialize(files, calendars):
    for rel, data in files.items():
        p = os.path.join(calendars, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        if data is None:
            with open(p, "wb") as f:
                f.truncate(generated_cases.HUGE_SPARSE)
        else:
            with open(p, "wb") as f:
                f.write(data)


def run_case(case, previous):
    name, slug, files, where = case
    problems = []
    work = temp_dir("corpus")
    try:
        calendars = os.path.join(work, "site", "calendars")
        materialize(files, calendars)
        public = os.path.join(work, "site", "public")
        shutil.copytree(previous, public)
        before = snapshot(os.path.join(work, "site"))
        # The build, as a centre runs it (relative paths, from the directory above calendars/).
        build = kaowu(["build", "calendars", "-o", "public"], cwd=os.path.join(work, "site"))
        after = snapshot(os.path.join(work, "site"))
        crash = build.crash()
        if crash:
            problems.append("build " + crash + "\n" + build.stderr.decode("utf-8", "replace")[-3000:])
        elif build.rc != 1:
            problems.append("build exited %s, expected 1" % build.rc)
        text = build.stderr.decode("utf-8", "replace")
        if not crash and not LOCATED.search(text):
            problems.append("no located diagnostic (file:line:col: error[KW…]) in:\n" + text[:2000])
        if re.search(rb"[\x00-\x08\x0b-\x1f\x7f]", build.stderr):
            problems.append("diagnostics carry a control character to the terminal")
        if before != after:
            problems.append("the build changed files:\n" + describe_difference(before, after))
        # The same through `kaowu check --format json`: the expected kind, located in the case.
        check = kaowu(["check", "calendars", "--format", "json", "--lang", "en"], cwd=os.path.join(work, "site"))
        crash = check.crash()
        if crash:
            problems.append("check " + crash)
        elif check.rc != 1:
            problems.append("check exited %s, expected 1" % check.rc)
        else:
            try:
                report = json.loads(check.stdout)
            except ValueError as e:
                problems.append("check --format json printed invalid JSON: %s" % e)
                report = {"diagnostics": []}
            hits = [d for d in report["diagnostics"] if d["slug"] == slug and d["location"]["line"]
                    and d["location"]["column"] and d["location"]["file"].startswith("calendars/")]
            if not hits:
                found = ["%s at %s" % (d["slug"], d["location"]) for d in report["diagnostics"][:8]]
                problems.append("no located '%s' diagnostic; got: %s" % (slug, "; ".join(found) or "none"))
            elif where and not any((d["location"]["line"], d["location"]["column"]) == where for d in hits):
                got = [(d["location"]["line"], d["location"]["column"]) for d in hits[:3]]
                problems.append("'%s' expected at line:column %s, got %s" % (slug, where, got))
    finally:
        remove_tree(work)
    return name, problems


def main():
    only = sys.argv[1] if len(sys.argv) > 1 else ""
    report = Report("robustness.corpus")
    all_cases = list(static_cases()) + generated_cases.cases(SOURCE_DIR)
    all_cases = [c for c in all_cases if only in c[0]]
    if not only:
        report.check(len(all_cases) >= 60, "the corpus has only %d cases" % len(all_cases))
    work = temp_dir("corpus-previous")
    try:
        previous = build_shipped(os.path.join(work, "public"))
        # A file no build would write: a build that touched the directory would drop it.
        with open(os.path.join(previous, "uploaded-by-hand.txt"), "w") as f:
            f.write("the previous output\n")
        with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
            for name, problems in pool.map(lambda c: run_case(c, previous), all_cases):
                report.check(not problems, name + ": " + "\n    ".join(problems))
                if not problems:
                    print("ok   " + name, flush=True)
    finally:
        remove_tree(work)
    report.finish()


if __name__ == "__main__":
    main()
