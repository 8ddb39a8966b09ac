#!/bin/bash
# Fixture: builds the shipped calendars into the test site the other site tests read.
source "$(dirname "$0")/common.sh"
rm -rf "$SITE_OUT"
mkdir -p "$(dirname "$SITE_OUT")"
# The notices must not warn (every date bound to the calendar); the calendars may carry their one
# real bend (national 2019), which is not the site's business.
build_site "$SITE_OUT" 2>"$SITE_OUT.log" || { cat "$SITE_OUT.log"; exit 1; }
if grep -E 'warning\[KW03[0-9]{2}\]' "$SITE_OUT.log"; then echo "notices or templates warn"; exit 1; fi
test -f "$SITE_OUT/index.html"
echo "site.build: $(find "$SITE_OUT" -name '*.html' | wc -l) pages"
