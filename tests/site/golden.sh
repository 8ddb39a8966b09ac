#!/bin/bash
# Golden pages: the Fengtai site page and the Zhejiang senior timetable, byte for byte.
# KAOWU_UPDATE_GOLDEN=1 rewrites the expected files from the current build.
source "$(dirname "$0")/common.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
build_site "$tmp/public" >/dev/null 2>&1 || { build_site "$tmp/public"; exit 1; }
declare -A CASES=(
  [site-fengtai]="calendars/beijing-2024-fengtai/index.html"
  [site-zhejiang-timetable]="calendars/zhejiang-2024-senior/timetable.html"
)
failed=0
for case in $(printf '%s\n' "${!CASES[@]}" | sort); do
  for file in ${CASES[$case]}; do
    expected="$KAOWU_TESTS_DIR/golden/$case/expected/$file"
    if [ "${KAOWU_UPDATE_GOLDEN:-0}" = 1 ]; then
      mkdir -p "$(dirname "$expected")"
      cp "$tmp/public/$file" "$expected"
      echo "updated $expected"
    elif ! diff -u "$expected" "$tmp/public/$file"; then
      echo "golden $case: $file differs (KAOWU_UPDATE_GOLDEN=1 to accept)"
      failed=1
    else
      echo "golden $case: $file matches"
    fi
  done
done
exit $failed
