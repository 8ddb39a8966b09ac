#!/bin/bash
# IIS does not run on Debian: the documented web.config is checked as XML (Python's parser) and
# for every extension of the doc's table mapped to its Content-Type, replacing IIS's own mapping.
source "$(dirname "$0")/common.sh"
docblock web.config >"$WORK/web.config"
docblock media-types >"$WORK/types.json"
"$PY" - "$WORK/web.config" "$WORK/types.json" <<'PY'
import json, sys
import xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
table = json.load(open(sys.argv[2]))
static = root.find("system.webServer/staticContent")
maps = {m.get("fileExtension"): m.get("mimeType") for m in static.findall("mimeMap")}
removed = {m.get("fileExtension") for m in static.findall("remove")}
bad = []
for ext, rule in table.items():
    if maps.get("." + ext) != rule["type"]:
        bad.append(f".{ext}: mimeType {maps.get('.' + ext)!r}, the table says {rule['type']!r}")
    if "." + ext not in removed:
        bad.append(f".{ext}: no <remove> before its mimeMap (IIS refuses a duplicate of its own)")
cors = [h.get("value") for h in root.findall("system.webServer/httpProtocol/customHeaders/add")
        if h.get("name") == "Access-Control-Allow-Origin"]
if cors != ["*"]:
    bad.append("no Access-Control-Allow-Origin: *")
for b in bad:
    print("FAIL:", b)
print(f"web.config: {len(maps)} types, {len(root.findall('location'))} cache locations")
sys.exit(1 if bad else 0)
PY
