"""What the WeChat official-account editor is known to do to pasted HTML, as a model the tests
apply before asserting: it drops <style>, <script>, <link> and <meta> elements, class and id
attributes, event handlers and any attribute it does not know, and keeps no link to outside
WeChat (the <a> goes, its text stays). What survives is the inline style attribute, img's src
and alt, and table cells' colspan and rowspan."""
import html
import html.parser

DROPPED_ELEMENTS = {"style", "script", "link", "meta", "iframe", "form", "input", "button"}
KEPT_ATTRIBUTES = {"style", "src", "alt", "colspan", "rowspan"}
VOID = {"br", "hr", "img", "meta", "link", "input"}


class _Stripper(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []
        self.skip = 0  # inside a dropped element

    def handle_starttag(self, tag, attrs):
        if tag in DROPPED_ELEMENTS:
            if tag not in VOID:
                self.skip += 1
            return
        if self.skip or tag == "a":
            return
        kept = "".join(f' {k}="{html.escape(v or "", quote=True)}"' for k, v in attrs if k in KEPT_ATTRIBUTES)
        self.out.append(f"<{tag}{kept}>")

    def handle_endtag(self, tag):
        if tag in DROPPED_ELEMENTS:
            if tag not in VOID:
                self.skip -= 1
            return
        if self.skip or tag == "a" or tag in VOID:
            return
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        if not self.skip:
            self.out.append(html.escape(data, quote=False))


def strip(fragment):
    p = _Stripper()
    p.feed(fragment)
    p.close()
    return "".join(p.out)
