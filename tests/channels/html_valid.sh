#!/bin/bash
# `kaowu notices --format html`: each fragment, wrapped in a bare page (no style sheet), has no
# error by the Nu Html Checker; the fragments of the corrected calendar match the goldens byte
# for byte (KAOWU_UPDATE_GOLDEN=1 rewrites them), and so do its WeChat fragments.
set -euo pipefail
: "${KAOWU:?run through ctest}" "${KAOWU_SOURCE_DIR:?}" "${KAOWU_TESTS_DIR:?}"
VNU="$KAOWU_TESTS_DIR/node_modules/vnu-jar/build/dist/vnu.jar"
test -f "$VNU" || { echo "missing $VNU: run (cd tests && npm ci)"; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
V2="$KAOWU_TESTS_DIR/revise/postponement/v2"
GOLDEN="$KAOWU_TESTS_DIR/channels/golden"
"$KAOWU" notices "$KAOWU_SOURCE_DIR/calendars" --notices "$KAOWU_SOURCE_DIR/notices" -o "$WORK/shipped" \
  --format html --base-url https://ks.example.gov.cn/ 2>/dev/null
for f in html wechat; do
  "$KAOWU" notices "$V2/calendars" --notices "$V2/notices" -o "$WORK/postponed-$f" --format "$f" \
    --base-url https://ks.example.gov.cn/ 2>/dev/null
done
mkdir -p "$WORK/pages"
n=0
for frag in "$WORK"/shipped/*/*.html "$WORK"/postponed-html/*/*.html; do
  n=$((n + 1))
  { printf '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>CMS</title>\n</head>\n<body>\n'
    cat "$frag"
    printf '</body>\n</html>\n'; } >"$WORK/pages/$n.html"
done
java -jar "$VNU" --errors-only "$WORK"/pages/*.html
echo "channels.html: 0 errors in $n fragments"
if [ "${KAOWU_UPDATE_GOLDEN:-}" = 1 ]; then
  rm -rf "$GOLDEN" && mkdir -p "$GOLDEN"
  cp -r "$WORK/postponed-html" "$GOLDEN/html" && cp -r "$WORK/postponed-wechat" "$GOLDEN/wechat"
fi
diff -ru "$GOLDEN/html" "$WORK/postponed-html"
diff -ru "$GOLDEN/wechat" "$WORK/postponed-wechat"
echo "channels.html: goldens match ($(find "$GOLDEN" -type f | wc -l) files)"
