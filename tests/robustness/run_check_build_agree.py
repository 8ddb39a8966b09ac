"""`kaowu check` and `kaowu build` report exactly the same diagnostics (code, file, line, column,
severity) and exit with the same status, over every fixture of the suite:

- tests/*/fixtures/fail_* and pass_* (calendar fixtures, beside the shipped calendars minus the
  files a "# replaces:" line names), as calendars/fixture/…;
- tests/site/fixtures/* (notices and templates beside the shipped calendars);
- the robustness corpus (tests/robustness/cases and generated_cases.py);
- the shipped project itself, and tests/robustness/injection.

Build writes into a temporary directory. Both run the same compile(); build then renders, so a
difference means a renderer found a problem in the input that bind missed (or the two commands
read their inputs differently). Cases that pass render the whole site, so every renderer runs.

Usage: run_check_build_agree.py [NAME-SUBSTRING]"""
import concurrent.futures
import glob
import json
import os
import re
import shutil
import sys

import run_corpus
from kwtest import SOURCE_DIR, Case, Report, as_ordinary_user, kaowu, materialize, remove_tree, temp_dir

TESTS_DIR = os.environ.get("KAOWU_TESTS_DIR", os.path.join(SOURCE_DIR, "tests"))
REPLACES = re.compile(rb"^#\s*replaces:\s*(\S+)\s*$", re.M)


class Project:
    """A project directory to check and build: `make(dir)` writes it; args go to both commands."""

    def __init__(self, name, make, args=(), env=None, prefix_needed=False):
        self.name, self.make, self.args, self.env, self.prefix_needed = name, make, list(args), env or {}, prefix_needed


def calendar_fixture(path):
    def make(project, work):
        shutil.copytree(os.path.join(SOURCE_DIR, "calendars"), os.path.join(project, "calendars"))
        files = [path] if os.path.isfile(path) else sorted(glob.glob(os.path.join(path, "*.toml")))
        for f in files:
            data = open(f, "rb").read()
            for replaced in REPLACES.findall(data):
                os.remove(os.path.join(project, replaced.decode()))
            stem = os.path.splitext(os.path.basename(path))[0]
            dest = os.path.join(project, "calendars", "fixture", stem, os.path.basename(f))
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            shutil.copyfile(f, dest)
    return make


def site_fixture(path):
    def make(project, work):
        shutil.copytree(os.path.join(SOURCE_DIR, "calendars"), os.path.join(project, "calendars"))
        if os.path.isdir(os.path.join(path, "notices")):
            shutil.copytree(os.path.join(path, "notices"), os.path.join(project, "notices"))
        templates = os.path.join(project, "templates")
        shutil.copytree(os.path.join(SOURCE_DIR, "templates"), templates)
        if os.path.isdir(os.path.join(path, "templates")):
            shutil.copytree(os.path.join(path, "templates"), templates, dirs_exist_ok=True)
        if os.path.isfile(os.path.join(path, "remove.txt")):
            for line in open(os.path.join(path, "remove.txt")).read().split():
                os.remove(os.path.join(templates, line))
    return make


def corpus_case(case):
    return lambda project, work: materialize(case, project, work)


def shipped(project, work):
    for d in ("calendars", "notices", "templates"):
        shutil.copytree(os.path.join(SOURCE_DIR, d), os.path.join(project, d))


def injection(project, work):
    shutil.copytree(os.path.join(SOURCE_DIR, "tests", "robustness", "injection"), project, dirs_exist_ok=True)


def projects():
    out = [Project("shipped", shipped),
           Project("injection", injection)]
    for path in sorted(glob.glob(os.path.join(TESTS_DIR, "*", "fixtures", "*"))):
        name = os.path.basename(path)
        area = os.path.basename(os.path.dirname(os.path.dirname(path)))
        if name.startswith(("fail_", "pass_")):
            out.append(Project("%s/%s" % (area, name), calendar_fixture(path)))
        elif area == "site" and os.path.isdir(path):
            out.append(Project("site/" + name, site_fixture(path)))
    for case in run_corpus.all_cases():
        out.append(Project("corpus/" + case.name, corpus_case(case), case.args, case.env, case.as_user))
    return out


def diagnostics(run):
    """(exit status, sorted (code, file, line, column, severity) of every diagnostic) of a run
    with --format json, or None with the reason when its output is no report."""
    try:
        report = json.loads(run.stdout) if run.stdout.strip() else {"diagnostics": []}
    except ValueError as e:
        return None, "invalid JSON (%s): %r" % (e, run.stdout[:300])
    return sorted((d["code"], d["location"]["file"], d["location"]["line"], d["location"]["column"], d["severity"])
                  for d in report["diagnostics"]), None


def run_project(p, user_prefix):
    work = temp_dir("agree")
    problems = []
    try:
        site = os.path.join(work, "site")
        os.makedirs(site)
        p.make(site, work)
        prefix = []
        if p.prefix_needed:
            if user_prefix is None:
                return p.name, [], "skipped: cannot run as an ordinary user here"
            prefix = user_prefix
            os.chmod(work, 0o755)
            os.chmod(site, 0o755)
        common = ["--format", "json", "--lang", "en"] + p.args
        check = kaowu(["check", "calendars"] + common, cwd=site, env=p.env, prefix=prefix)
        build = kaowu(["build", "calendars", "-o", os.path.join(work, "out")] + common, cwd=site, env=p.env,
                      prefix=prefix)
        for what, run in (("check", check), ("build", build)):
            crash = run.crash()
            if crash:
                problems.append("%s %s" % (what, crash))
        if problems:
            return p.name, problems, None
        if check.rc != build.rc:
            problems.append("check exited %s, build %s" % (check.rc, build.rc))
        got_check, why = diagnostics(check)
        if why:
            problems.append("check: " + why)
        got_build, why = diagnostics(build)
        if why:
            problems.append("build: " + why)
        # A clean run renders the whole site: every renderer ran and found nothing new.
        if build.rc == 0 and not os.path.isfile(os.path.join(work, "out", "index.html")):
            problems.append("build exited 0 but published no site")
        if not problems and got_check != got_build:
            only_build = [d for d in got_build if d not in got_check]
            only_check = [d for d in got_check if d not in got_build]
            problems.append("build alone reports %s; check alone reports %s" % (only_build[:5], only_check[:5]))
    finally:
        remove_tree(work)
    return p.name, problems, "rendered" if build.rc == 0 else None


def main():
    only = sys.argv[1] if len(sys.argv) > 1 else ""
    report = Report("robustness.check_build_agree")
    todo = [p for p in projects() if only in p.name]
    if not only:
        report.check(len(todo) >= 250, "only %d projects to compare" % len(todo))
    user_prefix = as_ordinary_user()
    rendered = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        for name, problems, note in pool.map(lambda p: run_project(p, user_prefix), todo):
            report.check(not problems, name + ": " + "\n    ".join(problems))
            if note == "rendered":
                rendered += 1
            if note and note.startswith("skipped"):
                print("skip " + name + ": " + note, flush=True)
            elif not problems:
                print("ok   " + name + (" (built the site)" if note == "rendered" else ""), flush=True)
    print("%d projects compared, %d of them built a whole site" % (len(todo), rendered))
    if not only:
        report.check(rendered >= 20, "only %d projects built a site: the renderers were hardly exercised" % rendered)
    report.finish()


if __name__ == "__main__":
    main()
