#!/bin/bash
# `kaowu notices --format`: Markdown stays the default; an unknown format is a usage error in
# the user's language (exit 2) and writes nothing.
set -euo pipefail
: "${KAOWU:?run through ctest}" "${KAOWU_SOURCE_DIR:?}"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
args=("$KAOWU_SOURCE_DIR/calendars" --notices "$KAOWU_SOURCE_DIR/notices")
"$KAOWU" notices "${args[@]}" -o "$WORK/default" 2>/dev/null
"$KAOWU" notices "${args[@]}" -o "$WORK/markdown" --format markdown 2>/dev/null
diff -r "$WORK/default" "$WORK/markdown"
test "$(find "$WORK/default" -name '*.md' | wc -l)" -gt 0
for lang in zh en; do
  rc=0
  "$KAOWU" notices "${args[@]}" -o "$WORK/docx" --format docx --lang "$lang" 2>"$WORK/err" || rc=$?
  [ "$rc" = 2 ] || { echo "--format docx (--lang $lang): exit $rc, not 2"; exit 1; }
  want=$([ "$lang" = zh ] && echo '未知的格式“docx”；可选 markdown（默认）、wechat、html' ||
         echo "unknown format 'docx'; the formats are markdown (default), wechat, html")
  grep -qF "$want" "$WORK/err" || { echo "--lang $lang said:"; cat "$WORK/err"; exit 1; }
  [ ! -e "$WORK/docx" ] || { echo "an unknown format wrote $WORK/docx"; exit 1; }
done
# Diagnostics as JSON moved to --diagnostics json (--format names the export).
"$KAOWU" notices "${args[@]}" -o "$WORK/json" --format wechat --diagnostics json >"$WORK/diag.json" 2>/dev/null
/usr/bin/python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$WORK/diag.json"
echo "channels.usage: markdown by default, unknown formats refused in zh and en"
