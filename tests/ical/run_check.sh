#!/bin/bash
# Builds the shipped calendars into a temporary directory and runs one parser or client over
# every feed the build wrote.   run_check.sh python|icaljs|libical|khal|calcurse
# Environment (from ctest): KAOWU, KAOWU_SOURCE_DIR, KAOWU_TESTS_DIR; LIBICAL_CHECK for libical.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
py=/usr/bin/python3 # Debian's, with python3-icalendar (PATH may hold another Python)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

if ! "$KAOWU" build "$KAOWU_SOURCE_DIR/calendars" -o "$out/public" --base-url https://kaowu.example.org \
  >"$out/build.log" 2>&1; then
  cat "$out/build.log"
  exit 1
fi

case "$1" in
python) "$py" "$here/python_check.py" "$out/public" ;;
icaljs)
  if [ ! -d "$KAOWU_TESTS_DIR/node_modules/ical.js" ]; then
    echo "ical.js is missing: run (cd tests && npm ci)" >&2
    exit 1
  fi
  "$py" "$here/oracle.py" "$out/public" >"$out/expected.json"
  node "$here/icaljs_check.mjs" "$out/expected.json"
  ;;
libical)
  find "$out/public/feeds" -name '*.ics' -print0 | sort -z | xargs -0 "$LIBICAL_CHECK" >"$out/listing.txt"
  "$py" "$here/compare_listing.py" "$out/public" libical "$out/listing.txt"
  ;;
khal) "$py" "$here/khal_check.py" "$out/public" ;;
calcurse) "$py" "$here/calcurse_check.py" "$out/public" ;;
*)
  echo "unknown check $1" >&2
  exit 2
  ;;
esac
