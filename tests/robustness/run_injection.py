"""Injection: a calendar whose strings carry <script>, attribute breakouts, javascript: links,
iCalendar line breaks, JSON specials and Mustache tags (payloads.py) is built, and every output
file is checked by its type (output_checks.py). The shipped calendars' output is checked too."""
import json
import os
import re
import shutil

from kwtest import HERE, SOURCE_DIR, Report, kaowu, remove_tree, temp_dir
from output_checks import check_tree
from payloads import PAYLOADS

FIXTURE = os.path.join(HERE, "injection")


def toml_string(s):
    # A JSON string literal is a valid TOML basic string (same escapes).
    return json.dumps(s, ensure_ascii=False)


def materialize(site):
    calendars = os.path.join(site, "calendars")
    for dirpath, _, files in os.walk(os.path.join(FIXTURE, "calendars")):
        for name in files:
            src = os.path.join(dirpath, name)
            dst = os.path.join(calendars, os.path.relpath(src, os.path.join(FIXTURE, "calendars")))
            os.makedirs(os.path.dirname(dst), exist_ok=True)
            text = open(src, encoding="utf-8").read()
            text = re.sub(r"@@(\w+)@@", lambda m: toml_string(PAYLOADS[m.group(1)]), text)
            open(dst, "w", encoding="utf-8").write(text)
    # The real catalogue, holidays and rules, so the fixture meets every check a centre's would.
    shipped = os.path.join(SOURCE_DIR, "calendars")
    for sub in ("catalogues", "holidays"):
        shutil.copytree(os.path.join(shipped, sub), os.path.join(calendars, sub))
    if os.path.exists(os.path.join(shipped, "rules.toml")):
        shutil.copy(os.path.join(shipped, "rules.toml"), calendars)
    shutil.copytree(os.path.join(FIXTURE, "notices"), os.path.join(site, "notices"))
    if os.path.isdir(os.path.join(SOURCE_DIR, "templates")):
        shutil.copytree(os.path.join(SOURCE_DIR, "templates"), os.path.join(site, "templates"))


def summary(findings):
    return ", ".join("%d %s" % (n, ext or "(none)") for ext, n in sorted(findings.files.items()))


def main():
    report = Report("robustness.injection")
    work = temp_dir("injection")
    try:
        site = os.path.join(work, "site")
        materialize(site)
        build = kaowu(["build", "calendars", "-o", "public", "--base-url", "https://example.gov.cn/kaowu"], cwd=site)
        ok = report.check(build.rc == 0 and not build.crash(),
                          "the payload calendar must build (exit %s):\n%s" % (build.rc, build.stderr.decode("utf-8", "replace")[-4000:]))
        if ok:
            findings = check_tree(os.path.join(site, "public"))
            print("payload build: checked " + summary(findings))
            for p in findings.problems:
                report.check(False, p)
            report.check(len(findings.problems) == 0, "payloads must come out escaped")
            # Not vacuous: the payloads reached the outputs that exist.
            wanted = {".json": list(PAYLOADS), ".ics": ["ical", "ical_text"], ".html": ["script", "attribute", "mustache", "entity"]}
            for ext, names in wanted.items():
                if findings.files.get(ext):
                    for name in names:
                        carriers = findings.carriers.get((ext, name), set())
                        report.check(bool(carriers), "no %s file carries the %s payload" % (ext, name))
                        if carriers:
                            print("  %s payload in %d %s file(s)" % (name, len(carriers), ext))

        shipped = os.path.join(work, "shipped")
        build = kaowu(["build", os.path.join(SOURCE_DIR, "calendars"), "-o", shipped])
        if report.check(build.rc == 0, "the shipped calendars must build"):
            findings = check_tree(shipped)
            print("shipped build: checked " + summary(findings))
            for p in findings.problems:
                report.check(False, p)
    finally:
        remove_tree(work)
    report.finish()


if __name__ == "__main__":
    main()
