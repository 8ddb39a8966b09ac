"""No argument reaches another program as an option (issue 20). kaowu runs git and tar only for
`kaowu diff --since REV` (io/git.hpp, io/program_runner.hpp). Each case hands it a revision or a
path crafted to be read as an option, or a temporary folder that is not there, and checks that no
file outside kaowu's temporary folder is created or changed, that the run ends with exit 2 naming
the revision, and that a real revision under a hostile path still works."""
import os
import shutil
import subprocess

from kwtest import Report, kaowu, remove_tree, snapshot, describe_difference, temp_dir, SOURCE_DIR

report = Report("robustness.arguments")
GIT_ENV = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.invalid", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@example.invalid", GIT_CONFIG_NOSYSTEM="1", HOME="/nonexistent")


def git(repo, *args):
    subprocess.run(["git", "-C", repo] + list(args), env=GIT_ENV, check=True, stdout=subprocess.DEVNULL)


def make_repo(path):
    os.makedirs(path)
    shutil.copytree(os.path.join(SOURCE_DIR, "calendars"), os.path.join(path, "calendars"))
    git(path, "init", "-q")
    git(path, "add", "-A")
    git(path, "commit", "-q", "-m", "first")
    return path


def err(r):
    return r.stderr.decode("utf-8", "replace")


def main():
    work = temp_dir("arguments")
    try:
        repo = make_repo(os.path.join(work, "repo"))
        victim = os.path.join(work, "victim.txt")
        with open(victim, "w") as f:
            f.write("precious\n")
        evil = os.path.join(work, "evil")
        hostile = [
            "--output=" + victim,              # git archive -o: would truncate the victim
            "-o" + victim,
            "--output=" + evil,                # would create a file outside
            "--remote=ext::sh -c touch% " + evil,  # the ext transport runs a command
            "--exec=touch " + evil,
            "--upload-pack=touch " + evil,
            "-C/",
            "--format=zip",
            "-",
            "HEAD\n--output=" + evil,
            "HEAD -- ../..",
            "no-such-revision",
        ]
        before = snapshot(work)
        for rev in hostile:
            r = kaowu(["diff", "--since=" + rev, os.path.join(repo, "calendars")])
            report.check(r.crash() is None, "%r: %s" % (rev, r.crash()))
            report.check(r.rc == 2, "%r: exit %s, expected 2\n%s" % (rev, r.rc, err(r)[-600:]))
            first_line = rev.split("\n")[0]
            report.check(first_line in err(r), "%r: the message does not name the revision:\n%s" % (rev, err(r)[-600:]))
            after = snapshot(work)
            report.check(before == after, "%r changed files:\n%s" % (rev, describe_difference(before, after)))
            report.check(not os.path.exists(evil), "%r created %s" % (rev, evil))
        with open(victim) as f:
            report.check(f.read() == "precious\n", "the victim file was changed")

        # A real revision works from a folder whose name starts with '-' and holds a line break.
        odd = os.path.join(work, "-odd\nname")
        shutil.move(repo, odd)
        r = kaowu(["diff", "--since", "HEAD", os.path.join(odd, "calendars")])
        report.check(r.rc == 0, "diff --since HEAD under a hostile path: exit %s\n%s" % (r.rc, err(r)[-800:]))
        report.check("没有日期变化" in r.stdout.decode("utf-8", "replace"), "diff --since HEAD: %s" % r.stdout[-300:])
        # ... and a resolved commit id, as rev-parse gives it.
        head = subprocess.run(["git", "-C", odd, "rev-parse", "HEAD"], env=GIT_ENV, stdout=subprocess.PIPE,
                              check=True).stdout.decode().strip()
        r = kaowu(["diff", "--since", head, os.path.join(odd, "calendars")])
        report.check(r.rc == 0, "diff --since <commit id>: exit %s\n%s" % (r.rc, err(r)[-800:]))

        # A temporary folder that is not there: exit 2 with the reason, naming TMPDIR.
        r = kaowu(["diff", "--since", "HEAD", os.path.join(odd, "calendars")], env={"TMPDIR": os.path.join(work, "gone")})
        report.check(r.crash() is None, "TMPDIR missing: %s" % r.crash())
        report.check(r.rc == 2 and "TMPDIR" in err(r), "TMPDIR missing: exit %s\n%s" % (r.rc, err(r)[-600:]))
        # Not a checkout.
        plain = os.path.join(work, "plain")
        shutil.copytree(os.path.join(SOURCE_DIR, "calendars"), os.path.join(plain, "calendars"))
        r = kaowu(["diff", "--since", "HEAD", os.path.join(plain, "calendars")], env={"GIT_CEILING_DIRECTORIES": work})
        report.check(r.rc == 2 and "git" in err(r), "not a checkout: exit %s\n%s" % (r.rc, err(r)[-600:]))
    finally:
        remove_tree(work)
    report.finish()


if __name__ == "__main__":
    main()
