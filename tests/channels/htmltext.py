"""Text and tables of HTML, for comparing a fragment with the notice's page on the site."""
import html.parser
import re


class _Reader(html.parser.HTMLParser):
    def __init__(self, root_class=None):
        super().__init__(convert_charrefs=True)
        self.root_class = root_class  # only inside the element with this class, if given
        self.depth = 0 if root_class else 1
        self.text = []
        self.tables = []  # each a list of rows, each a list of (cell text, style)
        self.cell = None
        self.cells = []  # every th/td: (tag, style)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if self.root_class and self.depth == 0:
            if self.root_class in (a.get("class") or "").split():
                self.depth = 1
            return
        if self.depth == 0:
            return
        self.depth += tag not in ("br", "hr", "img", "meta", "input", "link")
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("th", "td"):
            self.cell = []
            self.cells.append((tag, a.get("style") or ""))

    def handle_endtag(self, tag):
        if self.depth == 0 or tag in ("br", "hr", "img", "meta", "input", "link"):
            return
        if tag in ("th", "td") and self.cell is not None and self.tables and self.tables[-1]:
            self.tables[-1][-1].append(norm("".join(self.cell)))
            self.cell = None
        self.text.append(" ")
        self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)
            if self.cell is not None:
                self.cell.append(data)


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def read(html_text, root_class=None):
    r = _Reader(root_class)
    r.feed(html_text)
    r.close()
    return norm("".join(r.text)), r.tables, r.cells


DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日|\d{1,2}月\d{1,2}日|\d{1,2}:\d{2}|\d{4}-\d{2}-\d{2}")


def dates(text):
    """Every date and time in `text`, in order."""
    return DATE.findall(text)
