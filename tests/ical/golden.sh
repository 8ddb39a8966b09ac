#!/bin/bash
# Golden feeds: builds the shipped calendars (with a fixed --base-url) and compares the feeds each
# tests/golden/ical-*/feeds.txt names with tests/golden/ical-*/expected/<same path>.
# KAOWU_UPDATE_GOLDEN=1 rewrites the expected files instead.
set -euo pipefail
golden="$KAOWU_TESTS_DIR/golden"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
if ! "$KAOWU" build "$KAOWU_SOURCE_DIR/calendars" -o "$out/public" --base-url https://kaowu.example.org \
  >"$out/build.log" 2>&1; then
  cat "$out/build.log"
  exit 1
fi
failed=0
compared=0
for case_dir in "$golden"/ical-*/; do
  while read -r path; do
    [ -z "$path" ] && continue
    expected="$case_dir/expected/$path"
    actual="$out/public/$path"
    if [ ! -f "$actual" ]; then
      echo "FAIL $(basename "$case_dir"): the build wrote no $path"
      failed=1
      continue
    fi
    if [ "${KAOWU_UPDATE_GOLDEN:-0}" = 1 ]; then
      mkdir -p "$(dirname "$expected")"
      cp "$actual" "$expected"
      echo "updated $expected"
    elif ! cmp -s "$expected" "$actual"; then
      echo "FAIL $(basename "$case_dir"): $path differs from the golden file (KAOWU_UPDATE_GOLDEN=1 to accept):"
      diff -u --strip-trailing-cr "$expected" "$actual" | head -60 || true
      failed=1
    fi
    compared=$((compared + 1))
  done <"$case_dir/feeds.txt"
done
echo "golden feeds: $compared compared"
[ "$compared" -gt 0 ] && [ "$failed" = 0 ]
