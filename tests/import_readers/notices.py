"""The notice the import readers are tested on, written by the tests themselves in every format
a centre hands one down: UTF-8 text (tabs between a table's cells, as copied from Word), GBK
text, Markdown, HTML (UTF-8 and GBK with a meta charset), DOCX (pandoc) and PDF (Chromium
printing the HTML). Each must read as LINES. Also runs the driver (kaowu_read_document)."""
import base64
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

TITLE = "关于2025年度卫生专业技术资格考试考务工作的通知"
PARAGRAPHS_BEFORE = [
    "各考点：",
    "根据全国卫生专业技术资格考试的安排，现将我市考务工作通知如下。",
    "一、报名时间",
    "网上报名时间为2024年12月20日至12月30日，逾期不再受理。",
    "二、工作安排",
]
TABLE = [
    ["工作时间", "工作内容", "备注"],
    ["2024年12月20日—12月30日", "网上报名", "每日8:30-17:00"],
    ["2025年1月6日—1月10日", "现场确认", "节假日休息"],
    ["2025年4月7日起", "打印准考证", "考前一周"],
    ["2025年4月12、13、19、20日", "考试", "人机对话"],
]
PARAGRAPHS_AFTER = [
    "三、联系方式",
    "咨询电话：0571-87654321",
    "市人事考试中心",
    "2024年12月10日",
]

LINES = [TITLE] + PARAGRAPHS_BEFORE + [" | ".join(row) for row in TABLE] + PARAGRAPHS_AFTER

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run",
                  "--no-pdf-header-footer", "--print-to-pdf-no-header"]


def text_notice():
    rows = ["\t".join(row) for row in TABLE]
    return "\n".join([TITLE, ""] + PARAGRAPHS_BEFORE + rows + [""] + PARAGRAPHS_AFTER) + "\n"


def markdown_notice():
    rows = ["| " + " | ".join(TABLE[0]) + " |", "|" + "---|" * len(TABLE[0])]
    rows += ["| " + " | ".join(row) + " |" for row in TABLE[1:]]
    body = ["# " + TITLE, ""]
    for p in PARAGRAPHS_BEFORE:
        body += [p, ""]
    body += rows + [""]
    for p in PARAGRAPHS_AFTER:
        body += [p, ""]
    return "\n".join(body)


def html_notice(charset="utf-8"):
    def cells(row, tag):
        return "".join("<%s>%s</%s>" % (tag, c, tag) for c in row)
    rows = ["<tr>%s</tr>" % cells(TABLE[0], "th")] + ["<tr>%s</tr>" % cells(r, "td") for r in TABLE[1:]]
    paras = lambda ps: "\n".join("<p>%s</p>" % p for p in ps)
    return """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="%s"><title>%s</title>
<style>body { font: 15px sans-serif; margin: 0 } h1 { font-size: 18px } td, th { padding: 4px 28px; text-align: left }</style>
<script>var notice = "2099年1月1日 不是正文";</script></head>
<body>
<h1>%s</h1>
%s
<table border="1" cellspacing="0">
%s
</table>
%s
</body></html>
""" % (charset, TITLE, TITLE, paras(PARAGRAPHS_BEFORE), "\n".join(rows), paras(PARAGRAPHS_AFTER))


def png(width, height):
    """A grey and black striped PNG: an image with no text layer, as a scanner makes."""
    raw = b"".join(b"\0" + bytes([0 if (y // 8) % 2 else 200]) * width for y in range(height))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def scan_html(pages=1, text_first=False):
    img = '<img src="data:image/png;base64,%s" style="width:600px">' % base64.b64encode(png(300, 400)).decode()
    parts = []
    if text_first:
        parts.append("<p>%s</p>" % TITLE)
    parts += ['<div style="page-break-before:always">%s</div>' % img if parts or i else "<div>%s</div>" % img
              for i in range(pages)]
    return '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"></head><body>%s</body></html>' % "".join(parts)


def chromium_pdf(html_path, pdf_path, work):
    profile = tempfile.mkdtemp(dir=work)
    subprocess.run(["chromium"] + CHROMIUM_FLAGS + ["--user-data-dir=" + profile, "--print-to-pdf=" + pdf_path,
                                                     "file://" + html_path],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)


def write(path, data):
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def make_all(work):
    """Writes the notice in every format into `work`; returns {name: path}."""
    out = {}
    text = text_notice()
    out["utf-8.txt"] = write(os.path.join(work, "utf-8.txt"), text)
    out["bom-crlf.txt"] = write(os.path.join(work, "bom-crlf.txt"), b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    out["gbk.txt"] = write(os.path.join(work, "gbk.txt"), subprocess.run(
        ["iconv", "-f", "UTF-8", "-t", "GBK"], input=text.encode(), stdout=subprocess.PIPE, check=True).stdout)
    out["notice.md"] = write(os.path.join(work, "notice.md"), markdown_notice())
    out["utf-8.html"] = write(os.path.join(work, "utf-8.html"), html_notice())
    out["gbk.html"] = write(os.path.join(work, "gbk.html"), subprocess.run(
        ["iconv", "-f", "UTF-8", "-t", "GBK"], input=html_notice("gb2312").encode(), stdout=subprocess.PIPE,
        check=True).stdout)
    out["notice.docx"] = os.path.join(work, "notice.docx")
    subprocess.run(["pandoc", "-f", "gfm", "-t", "docx", "-o", out["notice.docx"], out["notice.md"]], check=True)
    out["notice.pdf"] = os.path.join(work, "notice.pdf")
    chromium_pdf(out["utf-8.html"], out["notice.pdf"], work)
    return out


class Result:
    def __init__(self, rc, stdout, stderr):
        self.rc, self.stdout, self.stderr = rc, stdout, stderr

    def header(self):
        return self.stdout.split("\n", 1)[0]

    def lines(self):
        """[(number, page, text)] as the driver prints them."""
        out = []
        for line in self.stdout.split("\n")[1:]:
            if not line:
                continue
            where, text = line.split("\t", 1)
            page, _, number = where.rpartition(":")
            out.append((int(number), int(page) if page else 0, text))
        return out

    def texts(self):
        return [t for _, _, t in self.lines()]


def read(driver, path, *args):
    p = subprocess.run([driver] + list(args) + [path], stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    return Result(p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"))


class Checks:
    def __init__(self):
        self.failed = 0
        self.passed = 0

    def check(self, ok, what, detail=""):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print("FAIL: %s%s" % (what, ("\n" + detail) if detail else ""))

    def finish(self, name):
        print("%s: %d passed, %d failed" % (name, self.passed, self.failed))
        sys.exit(1 if self.failed else 0)
