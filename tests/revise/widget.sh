#!/bin/bash
# Builds revision 2 of the postponement and runs widget_moved.mjs over it in Chromium.
set -euo pipefail
: "${KAOWU:?run through ctest}" "${KAOWU_TESTS_DIR:?}"
[ -d "$KAOWU_TESTS_DIR/node_modules/playwright-core" ] || { echo "FAIL: cd tests && npm ci"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
SOURCE_DATE_EPOCH=1710000000 "$KAOWU" build "$KAOWU_TESTS_DIR/revise/postponement/v2" -o "$tmp/public" >"$tmp/build.log" 2>&1 \
  || { cat "$tmp/build.log"; echo "FAIL: kaowu build"; exit 1; }
cd "$KAOWU_TESTS_DIR"
node revise/widget_moved.mjs "$tmp/public"
