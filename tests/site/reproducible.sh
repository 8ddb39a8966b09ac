#!/bin/bash
# Two builds of the same input are byte-identical, with and without a build date, and
# SOURCE_DATE_EPOCH gives the same site as --today for the same day (read in Asia/Shanghai).
source "$(dirname "$0")/common.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
build_site a >/dev/null 2>&1
build_site b >/dev/null 2>&1
diff -r a b
"$KAOWU" build "$KAOWU_SOURCE_DIR/calendars" -o c --base-url https://example.org/kaowu/ >/dev/null 2>&1
"$KAOWU" build "$KAOWU_SOURCE_DIR/calendars" -o d --base-url https://example.org/kaowu/ >/dev/null 2>&1
diff -r c d
# Without a build date no page claims a status: the visitor's browser sets it.
! grep -rl 'data-status="\(past\|open\|upcoming\)"' c --include='*.html'
# 2024-04-14T16:30:00Z is 2024-04-15 00:30 in Beijing.
SOURCE_DATE_EPOCH=1713112200 "$KAOWU" build "$KAOWU_SOURCE_DIR/calendars" -o e --base-url https://example.org/kaowu/ >/dev/null 2>&1
# Pages only: SOURCE_DATE_EPOCH also stamps the iCalendar feeds (DTSTAMP of calendars without an
# issue date), as it should, and so the build's record of what it made (.kaowu-build).
diff -r -x '*.ics' -x .kaowu-build a e
grep -q 'data-status="open"' a/calendars/beijing-2024-fengtai/index.html
echo "site.reproducible: identical rebuilds; SOURCE_DATE_EPOCH matches --today"
