#!/usr/bin/python3
"""The configurations and the media-type table of docs/serving.md, as the tests run them.

Each is marked in the doc by a comment `<!-- serving: NAME ... -->` followed by a fenced block
(or, for `media-types`, a table). The tests read them from here so the doc and the tests cannot
drift: what a centre copies is what was run.

  docblock.py DOC NAME            prints the block NAME
  docblock.py DOC media-types     prints the table as JSON
"""
import json
import sys


def block(doc_text, name):
    lines = doc_text.split("\n")
    for i, line in enumerate(lines):
        if line.startswith("<!-- serving: " + name + " ") or line == "<!-- serving: " + name + " -->":
            j = i + 1
            if not lines[j].startswith("```"):
                raise SystemExit(f"docblock: '{name}' is not followed by a fenced block")
            end = lines.index("```", j + 1)
            return "\n".join(lines[j + 1:end]) + "\n"
    raise SystemExit(f"docblock: no block '{name}' in the doc")


def media_types(doc_text):
    """{extension: {type, cors, cache, gzip}} from the table after the media-types marker."""
    lines = doc_text.split("\n")
    start = next(i for i, l in enumerate(lines) if l.startswith("<!-- serving: media-types"))
    rows = {}
    for line in lines[start + 3:]:
        if not line.startswith("|"):
            break
        cells = [c.strip().strip("`") for c in line.strip("|").split("|")]
        ext, ctype, cors, cache, gzip = cells
        rows[ext.lstrip(".")] = {"type": ctype, "cors": cors, "cache": cache, "gzip": gzip == "yes"}
    if not rows:
        raise SystemExit("docblock: the media-types table is empty")
    return rows


if __name__ == "__main__":
    text = open(sys.argv[1], encoding="utf-8").read()
    if sys.argv[2] == "media-types":
        print(json.dumps(media_types(text), ensure_ascii=False, indent=1))
    else:
        sys.stdout.write(block(text, sys.argv[2]))
