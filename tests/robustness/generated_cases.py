"""Bad-input cases that are bytes rather than text (encodings, BOMs, line endings, NUL bytes) or
too large to keep in the repository (very long strings, deep nesting, huge files). Each is
(name, expected diagnostic slug, {relative path: bytes}, expected (line, column) or None).
A value of None for the bytes means a sparse file of HUGE_SPARSE bytes."""
import os

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
        ("nesting-too-deep--dotted-key", "nesting-too-deep", {"a.toml": good + b".".join([b"a"] * 100000) + b" = 1\n"}, (15, 1)),
        ("nesting-too-deep--table-header", "nesting-too-deep", {"a.toml": good + b"[" + b".".join([b"a"] * 100000) + b"]\n"}, (15, 2)),
        ("nesting-too-deep--array-of-tables-header", "nesting-too-deep",
         {"a.toml": good + b"[[" + b".".join([b"phases"] * 50000) + b"]]\n"}, (15, 3)),
        ("nesting-too-deep--quoted-segments", "nesting-too-deep",
         {"a.toml": good + b"[" + b".".join([b'"a"'] * 40000) + b"]\n"}, (15, 2)),
        ("nesting-too-deep--inside-inline-table", "nesting-too-deep",
         {"a.toml": good + b"x = { " + b".".join([b"a"] * 40000) + b" = 1 }\n"}, (15, 7)),
        ("file-too-large--two-megabytes", "file-too-large", {"a.toml": good + b"# padding\n" * 200000}, (1, 1)),
        ("file-too-large--sparse-gigabyte", "file-too-large", {"a.toml": None}, (1, 1)),
        ("text-too-long--title", "text-too-long", {"a.toml": utf8(calendar(title="考" * 100000))}, (4, 9)),
        ("text-too-long--hours-entry", "text-too-long",
         {"a.toml": good + utf8('\n[[phases]]\nid = "x"\nname = "x"\naudience = "staff"\ndeadline = 2024-01-01\nhours = ["' + "9" * 5000 + '"]\n')}, None),
        ("text-too-long--multiline-note", "text-too-long",
         {"a.toml": good + utf8('note = """\n' + "逾期未缴费者视为放弃。\n" * 400 + '"""\n')}, None),
        ("unknown-key--sixty-thousand-keys", "unknown-key",
         {"a.toml": good.replace(b"exam_year", b"".join(b"k%d = 1\n" % i for i in range(60000)) + b"exam_year", 1)}, (6, 1)),
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
    return out
