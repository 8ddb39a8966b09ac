#!/bin/bash
# Golden JSON for the Fengtai site: the files below, built from the shipped calendars, must equal
# tests/golden/json-fengtai/expected/ byte for byte. KAOWU_UPDATE_GOLDEN=1 rewrites the expected files.
source "$(dirname "$0")/common.sh"
GOLDEN=$KAOWU_TESTS_DIR/golden/json-fengtai/expected
FILES=(
  feeds/beijing-2024-fengtai.json
  feeds/beijing-2024-fengtai.staff.json
  feeds/beijing-2024/specialty-203.json
  feeds/beijing-2024/specialty-301.json
)
build_site "$TMP/public"
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
# A second build gives the same bytes: nothing depends on the clock or on iteration order.
build_site "$TMP/again"
for f in "${FILES[@]}" index.json; do
  cmp -s "$TMP/public/$f" "$TMP/again/$f" || { echo "FAIL: $f differs between two builds"; failed=1; }
done
[ "$failed" -eq 0 ] && echo "PASS"
exit "$failed"
