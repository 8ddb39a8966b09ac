#!/bin/bash
# Golden JSON for the Fengtai site: the files below, built from the shipped calendars with
# --pretty (indented, so a change reads as a diff), must equal tests/golden/json-fengtai/expected/
# byte for byte. The default build writes the same documents minified: each file must be exactly
# the minified form of its golden (same keys in the same order, same values, no whitespace).
# KAOWU_UPDATE_GOLDEN=1 rewrites the expected files.
source "$(dirname "$0")/common.sh"
GOLDEN=$KAOWU_TESTS_DIR/golden/json-fengtai/expected
FILES=(
  feeds/beijing-2024-fengtai.json
  feeds/beijing-2024-fengtai.staff.json
  feeds/beijing-2024/specialty-203.json
  feeds/beijing-2024/specialty-301.json
)
build_site "$TMP/public" --pretty
failed=0
for f in "${FILES[@]}"; do
  if [ "${KAOWU_UPDATE_GOLDEN:-0}" = 1 ]; then
    mkdir -p "$(dirname "$GOLDEN/$f")"
    cp "$TMP/public/$f" "$GOLDEN/$f"
    echo "updated $f"
  elif ! diff -u "$GOLDEN/$f" "$TMP/public/$f"; then
    echo "FAIL: $f differs from the golden file (KAOWU_UPDATE_GOLDEN=1 to accept)"
    failed=1
  fi
done
# The default layout: minified, the same document.
build_site "$TMP/minified"
for f in "${FILES[@]}" index.json; do
  /usr/bin/python3 - "$TMP/public/$f" "$TMP/minified/$f" <<'PY' || { echo "FAIL: $f minified is not the pretty document"; failed=1; }
import json, sys
# json keeps the keys in their order, so the dump is the minified form of the same document.
expected = json.dumps(json.load(open(sys.argv[1], encoding="utf-8")), ensure_ascii=False, separators=(",", ":")) + "\n"
got = open(sys.argv[2], encoding="utf-8").read()
assert got == expected, (sys.argv[2], got[:200], expected[:200])
PY
done
# A second build gives the same bytes: nothing depends on the clock or on iteration order.
build_site "$TMP/again"
for f in "${FILES[@]}" index.json; do
  cmp -s "$TMP/minified/$f" "$TMP/again/$f" || { echo "FAIL: $f differs between two builds"; failed=1; }
done
[ "$failed" -eq 0 ] && echo "PASS"
exit "$failed"
