"""The largest site the bounds allow stays what docs/robustness.md says: worst_case.py writes a
catalogue and a calendar with every list at its bound and every text as long as the file bound
allows; `kaowu build` of it must succeed and write at most CEILING bytes. A renderer that starts
repeating something per event or per specialty (one file per event, say) fails here first, and
the bounds or the documented number must then be revisited. Bytes are deterministic; no time is
measured."""
import os
import subprocess
import sys

from kwtest import HERE, Report, kaowu, remove_tree, temp_dir

CEILING = 100 * 1000 * 1000  # docs/robustness.md: 89 MB measured with the phone-first pages


def main():
    report = Report("robustness.worst_case")
    work = temp_dir("worst")
    try:
        subprocess.run([sys.executable, os.path.join(HERE, "worst_case.py"), work], check=True,
                       stdout=subprocess.DEVNULL)
        r = kaowu(["build", os.path.join(work, "calendars"), "-o", os.path.join(work, "public")])
        report.check(r.rc == 0 and not r.crash(), "the worst case does not build: exit %s\n%s" % (
            r.rc, r.stderr.decode("utf-8", "replace")[-2000:]))
        total = files = 0
        for dirpath, _, names in os.walk(os.path.join(work, "public")):
            for n in names:
                total += os.path.getsize(os.path.join(dirpath, n))
                files += 1
        print("worst case: %d files, %d bytes" % (files, total))
        report.check(total <= CEILING, "the worst case wrote %d bytes, more than %d" % (total, CEILING))
    finally:
        remove_tree(work)
    report.finish()


if __name__ == "__main__":
    main()
