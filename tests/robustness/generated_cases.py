"""Bad-input cases that are bytes rather than text (encodings, BOMs, line endings, NUL bytes) or
too large to keep in the repository (very long strings, deep nesting, huge files). Each is
(name, expected diagnostic slug, {relative path: bytes}, expected (line, column) or None).
A value of None for the bytes means a sparse file of HUGE_SPARSE bytes."""
import datetime
import os
import shutil

from kwtest import Case

HUGE_SPARSE = 1 << 30  # 1 GiB, sparse: costs nothing on disk, must not be read into memory

HEAD = ('[calendar]\nid = "case"\nlevel = "national"\ntitle = "{title}"\n'
        'issuer = "国家卫生健康委人才交流服务中心"\nexam_year = 2024\ntrack = "初中级"\n')
PHASE = '\n[[phases]]\nid = "registration"\nname = "网上报名"\naudience = "candidate"\nstart = 2023-12-01\nend = 2023-12-14\n'


def calendar(title="全国2024年度卫生专业技术资格考试", extra=""):
    return HEAD.format(title=title) + extra + PHASE


def utf8(text):
    return text.encode("utf-8")


def cases(source_dir):
    good = utf8(calendar())
    out = [
        ("invalid-utf8--gbk-encoded-file", "invalid-utf8", {"a.toml": calendar().encode("gbk")}, (4, 11)),
        ("invalid-utf8--truncated-sequence", "invalid-utf8",
         {"a.toml": good.replace(utf8("资格考试\""), utf8("资格考试")[:-1] + b"\"")}, (4, 27)),
        ("invalid-utf8--overlong-slash", "invalid-utf8", {"a.toml": good.replace(b"2024\n", b"2024 # \xc0\xaf\n", 1)}, None),
        ("invalid-utf8--surrogate-half", "invalid-utf8", {"a.toml": good.replace(utf8("全国"), b"\xed\xa0\x80", 1)}, (4, 10)),
        ("invalid-utf8--utf16-file", "invalid-utf8", {"a.toml": calendar().encode("utf-16")}, (1, 1)),
        ("invalid-utf8--latin1-accent", "invalid-utf8", {"a.toml": good.replace(b"\ntrack", b"\n# caf\xe9\ntrack", 1)}, (7, 6)),
        ("invalid-utf8--beyond-unicode", "invalid-utf8", {"a.toml": good + b"# \xf4\x90\x80\x80\n"}, None),
        ("empty-file--zero-bytes", "empty-file", {"a.toml": b""}, (1, 1)),
        ("empty-file--only-bom", "empty-file", {"a.toml": b"\xef\xbb\xbf"}, (1, 1)),
        ("empty-file--only-crlf-whitespace", "empty-file", {"a.toml": b"\r\n  \r\n\t\r\n"}, (1, 1)),
        ("unknown-key--bom-and-crlf-still-located", "unknown-key",
         {"a.toml": b"\xef\xbb\xbf" + good.replace(b"\n", b"\r\n").replace(b"exam_year", b"exam_yaer")}, (6, 1)),
        ("toml-syntax--crlf-file-error-line", "toml-syntax",
         {"a.toml": good.replace(b"\n", b"\r\n").replace(b"track = ", b"track ")}, (7, 7)),
        ("toml-syntax--lone-carriage-returns", "toml-syntax", {"a.toml": good.replace(b"\n", b"\r")}, None),
        ("toml-syntax--raw-nul-byte", "toml-syntax", {"a.toml": good.replace(b"exam_year", b"exam\x00year")}, None),
        ("toml-syntax--raw-control-in-string", "toml-syntax", {"a.toml": good.replace(utf8("资格考试\""), utf8("资格考试") + b"\x01\"")}, None),
        ("toml-syntax--raw-terminal-escape-in-line", "toml-syntax",
         {"a.toml": good.replace(utf8("资格考试\""), utf8("资格考试") + b"\x1b[2J\x1b]0;pwned\x07\"")}, None),
        ("toml-syntax--arrays-300-deep", "toml-syntax", {"a.toml": good + b"x = " + b"[" * 300 + b"]" * 300 + b"\n"}, None),
        ("toml-syntax--inline-tables-300-deep", "toml-syntax", {"a.toml": good + b"x = " + b"{a=" * 300 + b"1" + b"}" * 300 + b"\n"}, None),
        ("nesting-too-deep--dotted-key", "nesting-too-deep", {"a.toml": good + b".".join([b"a"] * 50000) + b" = 1\n"}, (15, 1)),
        ("nesting-too-deep--table-header", "nesting-too-deep", {"a.toml": good + b"[" + b".".join([b"a"] * 50000) + b"]\n"}, (15, 2)),
        ("nesting-too-deep--array-of-tables-header", "nesting-too-deep",
         {"a.toml": good + b"[[" + b".".join([b"phases"] * 15000) + b"]]\n"}, (15, 3)),
        ("nesting-too-deep--quoted-segments", "nesting-too-deep",
         {"a.toml": good + b"[" + b".".join([b'"a"'] * 25000) + b"]\n"}, (15, 2)),
        ("nesting-too-deep--inside-inline-table", "nesting-too-deep",
         {"a.toml": good + b"x = { " + b".".join([b"a"] * 40000) + b" = 1 }\n"}, (15, 7)),
        ("file-too-large--two-megabytes", "file-too-large", {"a.toml": good + b"# padding\n" * 200000}, (1, 1)),
        ("file-too-large--sparse-gigabyte", "file-too-large", {"a.toml": None}, (1, 1)),
        ("text-too-long--title", "text-too-long", {"a.toml": utf8(calendar(title="考" * 30000))}, (4, 9)),
        ("text-too-long--hours-entry", "text-too-long",
         {"a.toml": good + utf8('\n[[phases]]\nid = "x"\nname = "x"\naudience = "staff"\ndeadline = 2024-01-01\nhours = ["' + "9" * 5000 + '"]\n')}, None),
        ("text-too-long--multiline-note", "text-too-long",
         {"a.toml": good + utf8('note = """\n' + "逾期未缴费者视为放弃。\n" * 400 + '"""\n')}, None),
        ("unknown-key--twelve-thousand-keys", "unknown-key",
         {"a.toml": good.replace(b"exam_year", b"".join(b"k%d = 1\n" % i for i in range(12000)) + b"exam_year", 1)}, (6, 1)),
    ]
    # One bad file among the shipped calendars still blocks the whole build.
    shipped = {}
    root = os.path.join(source_dir, "calendars")
    for dirpath, _, files in os.walk(root):
        for f in files:
            if f.endswith(".toml"):
                p = os.path.join(dirpath, f)
                shipped[os.path.relpath(p, root)] = open(p, "rb").read()
    bad = dict(shipped)
    bad["sites/zz-typo.toml"] = good.replace(b"[[phases]]", b"[[phase]]")
    out.append(("unknown-key--one-bad-file-among-shipped", "unknown-key", bad, None))
    return out + notice_cases() + template_cases() + file_system_cases() + usage_cases() + domain_cases(source_dir)


# --- notices: the body starts on line 6 of notices/beijing-2024-fengtai/n.md
NOTICE = "notices/beijing-2024-fengtai/n.md"


def notice(body, front=""):
    head = utf8('+++\ntitle = "报名通知"\ndate = 2023-12-04\n' + front + '+++\n\n')
    return {NOTICE: head + (body if isinstance(body, bytes) else utf8(body))}


def notice_cases():
    paragraph = "考生须知：请在规定时间内登录报名网站，如实填写报名信息。" * 3000  # ~80,000 characters
    wide = "|" + "|".join("c%d" % i for i in range(2000)) + "|\n" + "|-" * 2000 + "|\n" + "|x" * 2000 + "|\n"
    return [
        Case("unterminated-placeholder--before-a-pasted-paragraph", "unterminated-placeholder",
             notice("报名时间：{{phase.registration 。" + paragraph + "\n"), (6, 6)),
        Case("unterminated-placeholder--brace-at-end-of-long-line", "unterminated-placeholder",
             notice(paragraph + "{{\n"), (6, len(paragraph) + 1)),
        Case("file-too-large--notice-of-one-megabyte-line", "file-too-large", notice("报" * 400_000 + "\n"), (1, 1)),
        Case("markdown-too-large--table-of-2000-columns", "markdown-too-large", notice(wide), (6, 1)),
        Case("markdown-too-large--table-of-30000-rows", "markdown-too-large",
             notice("|a|b|c|\n|-|-|-|\n" + "|1|2|3|\n" * 30000), (6, 1)),
        Case("markdown-too-deep--a-line-of-quote-markers", "markdown-too-deep", notice(">" * 250_000 + " 引文\n"), (6, 17)),
        Case("markdown-too-deep--lists-in-lists", "markdown-too-deep", notice("- " * 40 + "项目\n"), (6, 33)),
        Case("control-character--bell-in-notice", "control-character", notice("报名\x07时间\n"), (6, 3)),
        Case("control-character--uffff-in-notice", "control-character", notice("报名\uffff时间\n"), (6, 3)),
        Case("control-character--ufffe-in-title", "control-character", notice("x\n", 'document = "京\ufffe"\n'), (4, 14)),
        Case("control-character--c1-next-line-in-notice", "control-character", notice("报名\u0085时间\n"), (6, 3)),
        Case("invalid-utf8--notice-after-chinese-text", "invalid-utf8", notice(utf8("报名时间：") + b"\xff\n"), (6, 6)),
        Case("invalid-utf8--notice-gbk", "invalid-utf8", notice("报名时间：十二月".encode("gbk") + b"\n"), (6, 1)),
        # Found by the held-out check: a 95,000-character name took 3.4 s of "did you mean" and
        # printed itself whole.
        Case("unknown-placeholder--a-name-of-95000-characters", "unknown-placeholder",
             notice("报名：{{" + "phase.registration." * 5000 + "}}\n"), (6, 4)),
        Case("nesting-too-deep--notice-front-matter", "nesting-too-deep",
             notice("x\n", ".".join(["a"] * 50_000) + " = 1\n"), (4, 1)),
    ]


# --- templates, over the shipped ones
def template_cases():
    chain = {"templates/_p%02d.mustache" % i: utf8("{{> _p%02d}}\n" % (i + 1)) for i in range(20)}
    chain["templates/_p20.mustache"] = b"end\n"
    blowup = {"templates/_b0.mustache": b"x" * 1000 + b"\n"}
    for level in range(1, 4):
        blowup["templates/_b%d.mustache" % level] = utf8("{{> _b%d}}" % (level - 1)) * 30
    return [
        Case("template-too-deep--partials-twenty-deep", "template-too-deep", chain),
        Case("template-too-large--partials-multiplied", "template-too-large", blowup),
        Case("template-too-deep--sections-forty-deep", "template-too-deep",
             {"templates/_deep.mustache": utf8("".join("{{#s%d}}" % i for i in range(40)) + "x" +
                                               "".join("{{/s%d}}" % i for i in reversed(range(40))))}, (1, 57)),
        Case("template-error--unclosed-section", "template-error",
             {"templates/_phase-list.mustache": b"<ol>\n{{#phases}}\n<li>{{name}}</li>\n</ol>\n"}, (2, 1)),
    ]


# --- the file system: links, permissions, names kaowu does not read
def link_to_outside(rel, target_in_work):
    def setup(project, work):
        target = os.path.join(work, target_in_work)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        if target_in_work.endswith("/"):
            os.makedirs(target, exist_ok=True)
            with open(os.path.join(target, "secret.txt"), "w") as f:
                f.write("not for the web\n")
            target = target.rstrip("/")
        else:
            with open(target, "w") as f:
                f.write("+++\ntitle = \"secret\"\ndate = 2023-12-04\n+++\nnot for the web\n")
        os.makedirs(os.path.dirname(os.path.join(project, rel)), exist_ok=True)
        os.symlink(target, os.path.join(project, rel))
    return setup


def chmod(rel, mode):
    def setup(project, work):
        os.chmod(os.path.join(project, rel), mode)
    return setup


def loop(rel):
    def setup(project, work):
        os.symlink(".", os.path.join(project, rel))
    return setup


def file_system_cases():
    static_ok = {"templates/static/ok.txt": b"fine\n"}
    shipped_notice = notice("报名时间：{{phase.registration}}。\n")
    return [
        Case("link-outside--notice-linked-from-outside", "link-outside", {},
             setup=link_to_outside("notices/beijing-2024-fengtai/leak.md", "elsewhere/leak.md"), where="file"),
        Case("link-outside--static-file-linked-from-outside", "link-outside", static_ok,
             setup=link_to_outside("templates/static/leak.txt", "elsewhere/leak.txt"), where="file"),
        Case("link-outside--static-folder-linked-from-outside", "link-outside", static_ok,
             setup=link_to_outside("templates/static/etc", "elsewhere/etc/"), where="file"),
        Case("tree-too-deep--calendars-link-to-itself", "tree-too-deep", {}, setup=loop("calendars/regions/again"),
             where="file"),
        Case("ignored-file--calendar-named-upper-case", "ignored-file",
             {"calendars/regions/extra.TOML": utf8(calendar())}, args=["--deny-warnings"], where="file"),
        Case("ignored-file--calendar-saved-as-txt", "ignored-file",
             {"calendars/regions/extra.toml.txt": utf8(calendar())}, args=["--deny-warnings"], where="file"),
        Case("ignored-file--notice-named-upper-case", "ignored-file",
             {"notices/beijing-2024-fengtai/n.MD": shipped_notice[NOTICE]}, args=["--deny-warnings"], where="file"),
        Case("ignored-file--notice-in-a-sub-folder", "ignored-file",
             {"notices/beijing-2024-fengtai/2023/n.md": shipped_notice[NOTICE]}, args=["--deny-warnings"],
             where="file"),
        Case("io-error--unreadable-sites-folder", "io-error", {}, setup=chmod("calendars/sites", 0), as_user=True,
             rc=2, where="file", message=r"calendars/sites: error\[KW0901\]: .*Permission denied"),
        Case("io-error--unreadable-notice", "io-error", shipped_notice, setup=chmod(NOTICE, 0), as_user=True,
             rc=2, where="file", message=r"n\.md: error\[KW0901\]: .*Permission denied"),
        Case("io-error--unreadable-template", "io-error", static_ok,
             setup=chmod("templates/_phase-list.mustache", 0), as_user=True, rc=2, where="file",
             message="Permission denied"),
    ]


# --- the command line and the environment: usage errors, exit 2, before anything is read
def usage_cases():
    return [
        Case("usage--mistyped-notices-path", None, {}, args=["--notices", "notcies"], rc=2,
             message=r"--notices notcies: no such directory"),
        Case("usage--mistyped-templates-path", None, {}, args=["--templates", "templats"], rc=2,
             message=r"--templates templats: no such directory"),
        Case("usage--source-date-epoch-not-a-number", None, {}, env={"SOURCE_DATE_EPOCH": "yesterday"}, rc=2,
             message=r"SOURCE_DATE_EPOCH=yesterday: not a number"),
        Case("usage--source-date-epoch-in-year-3000", None, {}, env={"SOURCE_DATE_EPOCH": "32503680000"}, rc=2,
             message=r"SOURCE_DATE_EPOCH=32503680000: 3000-01-01 is outside 2000-01-01"),
    ]


# --- the domain: lists past their bounds, dates past the range
def days_from(start, n, step=1):
    d = datetime.date.fromisoformat(start)
    return ", ".join((d + datetime.timedelta(days=i * step)).isoformat() for i in range(n))


def domain_cases(source_dir):
    exam = lambda days: '\n[exam]\n\n[[exam.batches]]\nid = "cbt-1"\nmode = "cbt"\ndays = [%s]\n' % days
    sites = "".join('\n[[sites]]\nid = "s%03d"\nname = "第%d考点"\n' % (i, i) for i in range(100))
    slots = "".join('\n[[phases.slots]]\ndate = 2023-12-%02d\nwho = "第%d批单位"\n' % (1 + i % 14, i) for i in range(40))
    specialties = "".join('\n[[specialties]]\ncode = "%d"\nname = "专业%d"\nlevel = "l"\nmode = "cbt"\n' % (i, i)
                          for i in range(1000))
    catalogue = ('[catalogue]\nid = "big"\nyear = 2024\ntrack = "初中级"\nsource = "x"\n\n'
                 '[[levels]]\nid = "l"\nname = "级"\ncodes = [0, 9999]\n' + specialties)
    chain = {"calendars/c%04d.toml" % i: utf8('[catalogue]\nid = "c%04d"\nyear = 2024\ntrack = "初中级"\nbase = "c%04d"\n'
                                              'source = "x"\n' % (i, (i + 1) % 2000)) for i in range(2000)}
    # The same without the ring: each base the next, the last with none (issue 20: 20,000 exhausted
    # memory, each step copying its base).
    line = {"calendars/c%04d.toml" % i: utf8('[catalogue]\nid = "c%04d"\nyear = 2024\ntrack = "初中级"\n%s'
                                             'source = "x"\n' % (i, 'base = "c%04d"\n' % (i + 1) if i + 1 < 2000 else ""))
            for i in range(2000)}
    return [
        Case("too-many--a-batch-of-5000-days", "too-many", {"calendars/a.toml": utf8(calendar(extra=exam(days_from("2024-01-06", 5000, 1))))}),
        Case("too-many--sixty-batches", "too-many", {"calendars/a.toml": utf8(calendar(extra="\n[exam]\n" + "".join(
            '\n[[exam.batches]]\nid = "b%d"\nmode = "cbt"\ndays = [2024-04-13]\n' % i for i in range(60))))}),
        Case("too-many--a-hundred-sites", "too-many", {"calendars/a.toml": utf8(calendar(extra=sites))}),
        Case("too-many--forty-slots-in-a-phase", "too-many", {"calendars/a.toml": utf8(calendar() + slots)}),
        Case("too-many--a-thousand-specialties", "too-many", {"calendars/a.toml": utf8(calendar()),
                                                              "calendars/big.toml": utf8(catalogue)}),
        Case("catalogue-cycle--a-ring-of-2000-catalogues", "catalogue-cycle", dict(chain, **{"calendars/a.toml": utf8(calendar())})),
        Case("chain-too-long--a-line-of-2000-catalogues", "chain-too-long", dict(line, **{"calendars/a.toml": utf8(calendar())})),
        Case("value-out-of-range--exam-day-in-2100", "value-out-of-range",
             {"calendars/a.toml": utf8(calendar(extra=exam("2100-01-02")))}),
    ]
