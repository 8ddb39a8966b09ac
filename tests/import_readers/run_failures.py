"""Notices that cannot be read get a diagnostic naming the file, in Chinese and in English: a
scanned PDF (Chromium printing an image) says it has no text layer; a PDF with scanned pages
warns which; truncated DOCX and PDF, an encrypted PDF, a zip bomb, a ZIP that is no Word
document, broken XML, bytes in no encoding (at their line:col), and I/O failures (exit 2, the
OS's reason)."""
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import notices

driver = sys.argv[1]
checks = notices.Checks()
work = tempfile.mkdtemp(prefix="kaowu-import-failures-")


def expect(path, code, rc=1, where=None, en=None):
    """Reads `path` in both languages: exit `rc`, diagnostic `code` naming the file (at `where`,
    "line:col", when given), nothing printed as lines; `en` is a phrase of the English message."""
    for lang in ("zh", "en"):
        r = notices.read(driver, path, "--lang", lang)
        name = "%s (%s)" % (os.path.basename(path), lang)
        checks.check(r.rc == rc, "%s exits %d" % (name, rc), "exit %d\n%s" % (r.rc, r.stderr))
        checks.check("[%s]" % code in r.stderr, "%s reports %s" % (name, code), r.stderr)
        prefix = path + (":" + where if where else "") + ": "
        checks.check(r.stderr.startswith(prefix), "%s names the file as %r" % (name, prefix), r.stderr)
        checks.check(r.stdout == "", "%s prints no lines" % name, r.stdout[:200])
        if lang == "en" and en:
            checks.check(en in r.stderr, "%s says %r" % (name, en), r.stderr)
        if lang == "zh":
            checks.check(any("\u4e00" <= c <= "\u9fff" for c in r.stderr), "%s is in Chinese" % name, r.stderr)


try:
    files = notices.make_all(work)
    pdf = open(files["notice.pdf"], "rb").read()
    docx = open(files["notice.docx"], "rb").read()

    # A scan: Chromium prints a page holding only an image; poppler finds no text on it.
    scan_html = notices.write(os.path.join(work, "scan.html"), notices.scan_html(pages=2))
    scan = os.path.join(work, "scan.pdf")
    notices.chromium_pdf(scan_html, scan, work)
    expect(scan, "KW0551", en="no text layer (2 pages, all images)")

    # Text on page 1, scanned pages 2 and 3: read, with a warning that names the pages.
    mixed_html = notices.write(os.path.join(work, "mixed.html"), notices.scan_html(pages=2, text_first=True))
    mixed = os.path.join(work, "mixed.pdf")
    notices.chromium_pdf(mixed_html, mixed, work)
    r = notices.read(driver, mixed, "--lang", "en")
    checks.check(r.rc == 0 and r.texts() == [notices.TITLE], "the text page of a part-scanned PDF is read", r.stdout)
    checks.check("[KW0556]" in r.stderr and "page(s) 2–3" in r.stderr, "the scanned pages are named", r.stderr)

    expect(notices.write(os.path.join(work, "cut.docx"), docx[: len(docx) // 2]), "KW0544")
    expect(notices.write(os.path.join(work, "cut.pdf"), pdf[: len(pdf) * 2 // 3]), "KW0549", en="cut off")
    expect(notices.write(os.path.join(work, "notpdf.pdf"), b"<<not a pdf>>"), "KW0548")
    expect(notices.write(os.path.join(work, "garbage.pdf"), b"%PDF-1.7\n" + bytes(range(256)) * 20 + b"\n%%EOF\n"),
           "KW0548")

    # Encrypted with a user password: unreadable. With only an owner password (no password to
    # open, printing or copying restricted): every reader opens it, and so does kaowu.
    locked = os.path.join(work, "locked.pdf")
    subprocess.run(["qpdf", "--encrypt", "user", "owner", "256", "--", files["notice.pdf"], locked], check=True)
    expect(locked, "KW0550", en="encrypted")
    owner_only = os.path.join(work, "owner-only.pdf")
    subprocess.run(["qpdf", "--encrypt", "", "owner", "256", "--print=none", "--", files["notice.pdf"], owner_only],
                   check=True)
    r = notices.read(driver, owner_only)
    checks.check(r.rc == 0 and r.texts() == notices.LINES, "a PDF with only an owner password is read", r.stderr)

    # A zip bomb: 80 MB of document.xml in an 80 KB file stops at the 64 MB cap.
    bomb = os.path.join(work, "bomb.docx")
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        with z.open("word/document.xml", "w") as f:
            f.write(b'<w:document xmlns:w="w"><w:body>')
            for _ in range(80):
                f.write(b" " * (1 << 20))
            f.write(b"</w:body></w:document>")
    checks.check(os.path.getsize(bomb) < 200_000, "the bomb is small", str(os.path.getsize(bomb)))
    expect(bomb, "KW0547", en="unpacks to more than 64 MB")

    no_body = os.path.join(work, "attachments.docx")
    with zipfile.ZipFile(no_body, "w") as z:
        z.writestr("附件1.txt", "x")
    expect(no_body, "KW0545")
    ofd = os.path.join(work, "notice.ofd")
    with zipfile.ZipFile(ofd, "w") as z:
        z.writestr("OFD.xml", "<ofd:OFD/>")
    expect(ofd, "KW0543", en="an OFD document")
    bad_xml = os.path.join(work, "badxml.docx")
    with zipfile.ZipFile(bad_xml, "w") as z:
        z.writestr("word/document.xml", "<w:document><w:body><w:p></w:body>")
    expect(bad_xml, "KW0546")
    expect(notices.write(os.path.join(work, "old.doc"), b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504), "KW0543",
           en="Word 97–2003")

    # Bytes: GBK with a byte no GB18030 sequence starts with, at line 2, column 3 (two
    # characters before it); UTF-8 with one damaged byte, reported as such at its place.
    gbk_bad = notices.write(os.path.join(work, "gbk-bad.txt"),
                            "报名\n时间".encode("gbk") + b"\xff" + "通知".encode("gbk"))
    expect(gbk_bad, "KW0540", where="2:3", en="neither UTF-8 nor GB18030")
    damaged = notices.write(os.path.join(work, "damaged.txt"),
                            notices.text_notice().encode().replace("网上报名".encode(), b"\xe7\xbd" + "上报名".encode(), 1))
    expect(damaged, "KW0541", where="6:1", en="UTF-8 except for byte 0xE7")

    expect(notices.write(os.path.join(work, "empty.html"), "<html><body><script>var a = 1;</script></body></html>"),
           "KW0553")
    deep = notices.write(os.path.join(work, "deep.html"), "<div>" * 100_000 + "x")
    expect(deep, "KW0554")
    big = os.path.join(work, "big.txt")
    with open(big, "wb") as f:
        f.truncate(33 << 20)
    expect(big, "KW0542", en="larger than 32 MB")

    expect(os.path.join(work, "missing.txt"), "KW0901", rc=2, en="No such file or directory")
    expect(work, "KW0901", rc=2, en="Is a directory")
finally:
    shutil.rmtree(work, ignore_errors=True)
checks.finish("import_readers.failures")
