#!/usr/bin/python3
"""The Hugo side of the benchmark: a Hugo site that does the same work as kaowu's notice pages.

  hugo_site.py prepare SITE --kaowu KAOWU --fixture FIXTURE --templates TEMPLATES
  hugo_site.py verify OUT --notices N

What Hugo gets, so that pages per second compare the same work (see docs/performance.md):
  - content/: the notices after binding, written by `kaowu notices` (placeholders filled in, the
    slot and exam tables included), one section per calendar, as OUT/<calendar-id>/<slug>.md;
  - layouts/: the elements of kaowu's notice page (templates/notice-page.mustache and its
    partials): head with the same meta, the style sheet and the feed link, skip link, header,
    breadcrumb, the notice with its meta line and body, the two action links, footer; a list
    page per calendar and a home page listing every calendar and every notice, as kaowu's
    calendar and index pages list them;
  - static/site.css: kaowu's style sheet, linked from every page as kaowu links it;
  - RSS on the home page only, with the full text of the 50 newest notices, like atom.xml
    (Hugo 0.111 reads the cap from [services.rss] limit, and from the older rssLimit);
  - the sitemap. Taxonomies, robots.txt and the 404 page are off: kaowu has none of them.
    Heading ids are off too: kaowu's Markdown renderer writes none.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys

RSS_LIMIT = 50  # kaowu's atom.xml keeps the 50 newest notices

CONFIG = """baseURL = "https://example.invalid/"
languageCode = "zh-cn"
title = "卫生专业技术资格考试日程"
uglyURLs = true
disableKinds = ["taxonomy", "term", "robotsTXT", "404"]
rssLimit = {limit}
[services.rss]
limit = {limit}
[outputs]
home = ["HTML", "RSS"]
section = ["HTML"]
page = ["HTML"]
[markup.goldmark.parser]
autoHeadingID = false
[markup.goldmark.renderer]
unsafe = false
"""

# templates/_layout-head.mustache and _layout-foot.mustache.
BASEOF = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ .Site.Title }}</title>
<meta name="description" content="{{ with .Params.issuer }}{{ . }}：{{ end }}{{ .Title }}">
<link rel="stylesheet" href="{{ "site.css" | relURL }}">
<link rel="alternate" type="application/rss+xml" title="考试通知（RSS）" href="{{ "index.xml" | relURL }}">
</head>
<body>
<a class="skip" href="#main">跳到正文</a>
<header class="site-header">
<div class="wrap"><a class="brand" href="{{ "index.html" | relURL }}">{{ .Site.Title }}</a></div>
</header>
<main id="main" class="wrap">
{{ block "main" . }}{{ end }}
</main>
<footer class="site-footer">
<div class="wrap">
<p>本站日期均由各考区、考点发布的日历文件生成，以发布机构的正式通知为准。</p>
<p><a href="{{ "index.html" | relURL }}">全部日历</a> · <a href="{{ "index.xml" | relURL }}">通知订阅（RSS）</a> · <a href="{{ "sitemap.xml" | relURL }}">网站地图</a></p>
</div>
</footer>
</body>
</html>
"""

# templates/notice-page.mustache.
SINGLE = """{{ define "main" }}
<nav class="crumbs" aria-label="位置"><a href="{{ "index.html" | relURL }}">全部日历</a> › <a href="{{ .CurrentSection.RelPermalink }}">{{ .Params.calendar_title }}</a></nav>
<article class="notice">
<h1>{{ .Title }}</h1>
<p class="notice-meta">{{ .Params.issuer }}{{ with .Params.document }} · {{ . }}{{ end }}{{ if not .Date.IsZero }} · <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006年1月2日" }}</time>{{ end }}</p>
<div class="notice-body">
{{ .Content }}
</div>
</article>
<p class="actions"><a class="button" href="{{ .CurrentSection.RelPermalink }}">查看日程与订阅</a> <a class="button" href="{{ .CurrentSection.RelPermalink }}">打印时间安排表（A4）</a></p>
{{ end }}
"""

# templates/_notice-list.mustache, on the home page (every calendar, every notice, like
# index.html) and on each calendar's section page (its notices, like calendars/<id>/index.html).
LIST = """{{ define "main" }}
{{ if .IsHome }}<h1>{{ .Site.Title }}</h1>
<ul class="calendar-list">
{{ range .Sections }}<li><a href="{{ .RelPermalink }}">{{ with index .RegularPages 0 }}{{ .Params.calendar_title }}{{ end }}</a></li>
{{ end }}</ul>
<h2>最新通知</h2>
{{ else }}<h1>{{ with index .RegularPages 0 }}{{ .Params.calendar_title }}{{ end }}</h1>
<h2>通知</h2>
{{ end }}<ul class="notice-list">
{{ range .RegularPagesRecursive.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ if not .Date.IsZero }} <span class="muted">{{ .Date.Format "2006年1月2日" }}</span>{{ end }}</li>
{{ end }}</ul>
{{ end }}
"""

# Hugo's own RSS template, with the full text of each notice as atom.xml carries it.
RSS = """{{- $limit := .Site.Config.Services.RSS.Limit -}}
{{- $pages := .Site.RegularPages.ByDate.Reverse -}}
{{- if ge $limit 1 }}{{ $pages = first $limit $pages }}{{ end -}}
{{- printf "<?xml version=\\"1.0\\" encoding=\\"utf-8\\" standalone=\\"yes\\"?>" | safeHTML }}
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>考试通知 · {{ .Site.Title }}</title>
<link>{{ .Permalink }}</link>
<description>考试通知</description>
<language>zh-CN</language>
{{- with .OutputFormats.Get "RSS" }}
{{ printf "<atom:link href=%q rel=\\"self\\" type=%q />" .Permalink .MediaType | safeHTML }}
{{- end }}
{{- range $pages }}
<item>
<title>{{ .Title }}</title>
<link>{{ .Permalink }}</link>
<pubDate>{{ .Date.Format "Mon, 02 Jan 2006 15:04:05 -0700" | safeHTML }}</pubDate>
<author>{{ .Params.issuer }}</author>
<guid>{{ .Permalink }}</guid>
<description>{{ .Content | html }}</description>
</item>
{{- end }}
</channel>
</rss>
"""


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def prepare(site, kaowu, fixture, templates):
    """Writes the Hugo site into `site`: the config and layouts above, kaowu's style sheet, and
    the notices bound by `kaowu notices` as content/. Returns the number of notices."""
    if os.path.lexists(site):
        shutil.rmtree(site)
    write(os.path.join(site, "config.toml"), CONFIG.format(limit=RSS_LIMIT))
    for name, text in [("baseof.html", BASEOF), ("single.html", SINGLE), ("list.html", LIST), ("rss.xml", RSS)]:
        write(os.path.join(site, "layouts", "_default", name), text)
    os.makedirs(os.path.join(site, "static"))
    shutil.copy(os.path.join(templates, "static", "site.css"), os.path.join(site, "static", "site.css"))
    content = os.path.join(site, "content")
    proc = subprocess.run([kaowu, "notices", os.path.join(fixture, "calendars"), "--notices",
                           os.path.join(fixture, "notices"), "-o", content, "--lang", "en", "--color", "never"],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"hugo_site: kaowu notices failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    count = 0
    for root, _, names in os.walk(content):
        for n in names:
            with open(os.path.join(root, n), encoding="utf-8") as f:
                text = f.read()
            if "{{" in text:
                sys.exit(f"hugo_site: {os.path.join(root, n)} still has a placeholder")
            count += 1
    return count


def verify(out, notices):
    """Checks that Hugo did the whole job: a page per notice with its body, the site's style sheet,
    an RSS feed of min(notices, 50) items with full text, and a sitemap listing every notice."""
    notice_pages = []
    for root, _, names in os.walk(out):
        for n in names:
            if n.endswith(".html"):
                with open(os.path.join(root, n), encoding="utf-8") as f:
                    if '<article class="notice">' in f.read():
                        notice_pages.append(os.path.join(root, n))
    problems = []
    sample = min(notice_pages) if notice_pages else None
    if len(notice_pages) != notices:
        problems.append(f"{len(notice_pages)} notice pages, expected {notices}")
    if sample:
        with open(sample, encoding="utf-8") as f:
            page = f.read()
        for element in ['<link rel="stylesheet" href="/site.css">', '<header class="site-header">',
                        '<nav class="crumbs"', '<div class="notice-body">', '<footer class="site-footer">',
                        "<table>"]:
            if element not in page:
                problems.append(f"{sample} lacks {element}")
    if not os.path.isfile(os.path.join(out, "site.css")):
        problems.append("no site.css")
    try:
        with open(os.path.join(out, "index.xml"), encoding="utf-8") as f:
            rss = f.read()
        items = rss.count("<item>")
        if items != min(notices, RSS_LIMIT):
            problems.append(f"index.xml has {items} items, expected {min(notices, RSS_LIMIT)}")
        if "&lt;table&gt;" not in rss:
            problems.append("index.xml does not carry the notices' full text")
    except OSError as e:
        problems.append(f"no RSS feed: {e}")
    try:
        with open(os.path.join(out, "sitemap.xml"), encoding="utf-8") as f:
            urls = len(re.findall(r"<loc>[^<]*\.html</loc>", f.read()))
        if urls < notices:
            problems.append(f"sitemap.xml lists {urls} pages, fewer than the {notices} notices")
    except OSError as e:
        problems.append(f"no sitemap: {e}")
    return problems


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("prepare")
    a.add_argument("site")
    a.add_argument("--kaowu", required=True)
    a.add_argument("--fixture", required=True)
    a.add_argument("--templates", required=True)
    v = sub.add_parser("verify")
    v.add_argument("out")
    v.add_argument("--notices", type=int, required=True)
    args = p.parse_args()
    if args.cmd == "prepare":
        n = prepare(args.site, args.kaowu, args.fixture, args.templates)
        print(f"hugo site: {n} bound notices -> {args.site}")
    else:
        problems = verify(args.out, args.notices)
        for pr in problems:
            print(f"hugo_site: {pr}", file=sys.stderr)
        sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
