"""One notice, written by the test as UTF-8 and GBK text, Markdown, HTML (UTF-8, GBK), DOCX
(pandoc) and PDF (Chromium), reads as the same lines in every format: the same text, the table's
cells in the same order on one line each; numbered as each format numbers its lines."""
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import notices

driver = sys.argv[1]
checks = notices.Checks()
work = tempfile.mkdtemp(prefix="kaowu-import-readers-")
try:
    files = notices.make_all(work)
    expected_header = {
        "utf-8.txt": "# text UTF-8", "bom-crlf.txt": "# text UTF-8", "gbk.txt": "# text GB18030",
        "notice.md": "# markdown UTF-8", "utf-8.html": "# html UTF-8", "gbk.html": "# html GB18030",
        "notice.docx": "# docx UTF-8", "notice.pdf": "# pdf UTF-8",
    }
    for name, path in sorted(files.items()):
        r = notices.read(driver, path)
        checks.check(r.rc == 0 and r.stderr == "", "%s reads without a diagnostic" % name, r.stderr)
        checks.check(r.header() == expected_header[name], "%s is read as %s" % (name, expected_header[name]), r.header())
        got = r.texts()
        checks.check(got == notices.LINES, "%s reads as the notice's lines" % name,
                     "\n".join("  got %r\n want %r" % (g, w) for g, w in zip(got + [""] * 30, notices.LINES + [""] * 30)
                               if g != w))
        numbers = [n for n, _, _ in r.lines()]
        checks.check(numbers == sorted(set(numbers)), "%s numbers its lines in order" % name, str(numbers))
        pages = {p for _, p, _ in r.lines()}
        checks.check(pages == ({1} if name.endswith(".pdf") else {0}), "%s gives pages only for PDF" % name, str(pages))

    # Text and Markdown lines keep the file's line numbers: the table's first row is line 8 of
    # the text file (title, blank, five paragraphs), and the title line 1 of the Markdown.
    r = notices.read(driver, files["utf-8.txt"])
    checks.check(r.lines()[6][0] == 8, "the text file's first table row is its line 8", str(r.lines()[6]))
    r = notices.read(driver, files["bom-crlf.txt"])
    checks.check(r.lines()[6][0] == 8, "CRLF line ends count as one line", str(r.lines()[6]))
    # HTML lines are numbered by the source line where their text starts.
    source = open(files["utf-8.html"], encoding="utf-8").read().split("\n")
    for number, _, text in notices.read(driver, files["utf-8.html"]).lines():
        first_cell = text.split(" | ")[0]
        checks.check(first_cell in source[number - 1], "HTML line %d holds %r" % (number, first_cell), source[number - 1])
    # A GBK page saved again by a browser as UTF-8 keeps its gb2312 declaration: the bytes win.
    stale = notices.write(os.path.join(work, "stale.html"), notices.html_notice("gb2312"))
    r = notices.read(driver, stale)
    checks.check(r.rc == 0 and r.texts() == notices.LINES and r.header() == "# html UTF-8",
                 "a UTF-8 page declaring gb2312 reads as UTF-8", r.stdout[:300] + r.stderr)
    # The format comes from the bytes: a PDF named .txt is read as a PDF, an HTML page as .doc.
    renamed = os.path.join(work, "notice-pdf.txt")
    shutil.copy(files["notice.pdf"], renamed)
    checks.check(notices.read(driver, renamed).texts() == notices.LINES, "a PDF named .txt is read as PDF")
    renamed = os.path.join(work, "web-page.doc")
    shutil.copy(files["utf-8.html"], renamed)
    checks.check(notices.read(driver, renamed).header() == "# html UTF-8", "an HTML page named .doc is read as HTML")

    # A page turned by /Rotate (a landscape table in a portrait document) reads as it is shown.
    for degrees in (90, 180, 270):
        turned = os.path.join(work, "turned-%d.pdf" % degrees)
        subprocess.run(["qpdf", "--rotate=+%d" % degrees, "--", files["notice.pdf"], turned], check=True)
        r = notices.read(driver, turned)
        checks.check(r.texts() == notices.LINES, "a PDF page turned by %d° reads as the notice's lines" % degrees,
                     r.stdout + r.stderr)

    # A PDF table whose first cell wraps onto three lines in a narrow column, the other cell
    # centred beside the middle one (Chromium's default): the row is still one line.
    wrap_html = notices.write(os.path.join(work, "wrap.html"), """<!DOCTYPE html><html lang="zh-CN"><head>
<meta charset="utf-8"><style>body { font: 15px sans-serif } td { padding: 4px 20px }</style></head><body>
<p>二、工作安排</p><table border="1" cellspacing="0"><tr><td>工作时间</td><td>工作内容</td></tr>
<tr><td style="width: 120px">2024年12月20日—12月30日每日8:30-17:00</td><td>网上报名</td></tr>
<tr><td>2025年1月6日</td><td>现场确认</td></tr></table><p>三、联系方式</p></body></html>""")
    wrap_pdf = os.path.join(work, "wrap.pdf")
    notices.chromium_pdf(wrap_html, wrap_pdf, work)
    r = notices.read(driver, wrap_pdf)
    checks.check(r.texts() == ["二、工作安排", "工作时间 | 工作内容", "2024年12月20日—12月30日每日8:30-17:00 | 网上报名",
                               "2025年1月6日 | 现场确认", "三、联系方式"],
                 "a PDF table cell wrapped onto three lines stays in its row", r.stdout + r.stderr)

    # A hand-made DOCX: a layout table framing the notice (its cell's paragraphs stay lines) with a
    # data table inside (its rows are rows), a paragraph cell of two paragraphs, a tab and a line
    # break, and a tracked deletion (not read).
    W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    p = lambda t: '<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % t
    tc = lambda *ps: "<w:tc><w:tcPr/>%s</w:tc>" % "".join(ps)
    inner = "<w:tbl><w:tr>%s%s</w:tr><w:tr>%s%s</w:tr></w:tbl>" % (
        tc(p("工作时间")), tc(p("工作内容")), tc(p("12月20日至30日")), tc(p("网上"), p("报名")))
    body = (p("关于考试的通知") + "<w:tbl><w:tr>%s</w:tr></w:tbl>" % tc(p("各考点：" * 40), inner, p("特此通知。")) +
            '<w:p><w:r><w:t>上午</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve"> 8:30</w:t></w:r>'
            "<w:r><w:br/><w:t>下午</w:t></w:r><w:del><w:r><w:delText>删除</w:delText></w:r></w:del></w:p>")
    layout = os.path.join(work, "layout.docx")
    import zipfile
    with zipfile.ZipFile(layout, "w") as z:
        z.writestr("word/document.xml", '<?xml version="1.0" encoding="UTF-8"?><w:document %s><w:body>%s'
                   "</w:body></w:document>" % (W, body))
    r = notices.read(driver, layout)
    want = ["关于考试的通知", "各考点：" * 40, "工作时间 | 工作内容", "12月20日至30日 | 网上 报名", "特此通知。", "上午 8:30", "下午"]
    checks.check(r.texts() == want, "a DOCX layout table's paragraphs are lines, its inner table's rows rows",
                 r.stdout + r.stderr)
    checks.check([n for n, _, _ in r.lines()] == list(range(1, 8)), "DOCX lines are numbered 1, 2, 3 …", r.stdout)
finally:
    shutil.rmtree(work, ignore_errors=True)
checks.finish("import_readers.formats")
