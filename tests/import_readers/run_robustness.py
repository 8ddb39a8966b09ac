"""Hostile bytes never crash or hang the readers: every notice of run_formats.py (and a scan),
truncated at 16 points and mutated 24 ways (bytes overwritten, spans dropped or repeated), and
DOCX files whose document.xml is mutated before zipping (so the XML parser and the walker see
the damage, not just libzip's CRC check), read in one run of the driver under a time limit.
Each must end with status 0 (read) or 1 (reported); the process must exit normally."""
import io
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import notices

driver = sys.argv[1]
checks = notices.Checks()
work = tempfile.mkdtemp(prefix="kaowu-import-robustness-")
rng = random.Random(22)
LIMIT_SECONDS = 300


def mutate(data):
    data = bytearray(data)
    kind = rng.randrange(4)
    if kind == 0:  # overwrite a few bytes
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
    elif kind == 1:  # drop a span
        a = rng.randrange(len(data))
        del data[a:a + rng.randint(1, 512)]
    elif kind == 2:  # repeat a span
        a = rng.randrange(len(data))
        data[a:a] = data[a:a + rng.randint(1, 512)] * rng.randint(2, 50)
    else:  # interesting bytes
        a = rng.randrange(len(data))
        data[a:a] = rng.choice([b"\0", b"\xff\xfe", b"<table><tr><td>", b"</w:p>", b"%%EOF", b"\xe3\x80", b"obj <<",
                                b"<w:tbl><w:tr><w:tc>" * 40, b"<div>" * 300])
    return bytes(data)


try:
    files = notices.make_all(work)
    scan_html = notices.write(os.path.join(work, "scan.html"), notices.scan_html())
    files["scan.pdf"] = os.path.join(work, "scan.pdf")
    notices.chromium_pdf(scan_html, files["scan.pdf"], work)
    cases = []
    for name, path in sorted(files.items()):
        data = open(path, "rb").read()
        stem, ext = os.path.splitext(name)
        for i in range(16):
            cases.append(notices.write(os.path.join(work, "%s-cut%02d%s" % (stem, i, ext)), data[: len(data) * i // 16]))
        for i in range(24):
            cases.append(notices.write(os.path.join(work, "%s-mut%02d%s" % (stem, i, ext)), mutate(data)))
    with zipfile.ZipFile(files["notice.docx"]) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    for i in range(40):
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for n, b in parts.items():
                z.writestr(n, mutate(b) if n == "word/document.xml" else b)
        cases.append(notices.write(os.path.join(work, "xml-mut%02d.docx" % i), out.getvalue()))

    start = time.monotonic()
    try:
        p = subprocess.run([driver, "--quiet"] + cases, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=LIMIT_SECONDS)
        seconds = time.monotonic() - start
        statuses = [l for l in p.stdout.decode().split("\n") if l and not l.startswith("== ")]
        checks.check(p.returncode in (0, 1), "the driver exits normally over %d damaged notices" % len(cases),
                     "exit %d after %d files; last: %s" % (p.returncode, len(statuses),
                                                           cases[len(statuses)] if len(statuses) < len(cases) else ""))
        checks.check(len(statuses) == len(cases) and set(statuses) <= {"0", "1"}, "every notice read or reported",
                     str(statuses[-5:]))
        checks.check(p.stderr == b"", "nothing on stderr", p.stderr.decode("utf-8", "replace")[:500])
        read = statuses.count("0")
        print("%d damaged notices in %.1f s: %d read, %d reported" % (len(cases), seconds, read, len(statuses) - read))
    except subprocess.TimeoutExpired:
        checks.check(False, "the driver finishes within %d s" % LIMIT_SECONDS)
finally:
    shutil.rmtree(work, ignore_errors=True)
checks.finish("import_readers.robustness")
