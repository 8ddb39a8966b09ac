#!/bin/bash
# Fixture: builds the shipped calendars into the test site the other site tests read.
source "$(dirname "$0")/common.sh"
rm -rf "$SITE_OUT"
mkdir -p "$(dirname "$SITE_OUT")"
build_site "$SITE_OUT" --deny-warnings
test -f "$SITE_OUT/index.html"
echo "site.build: $(find "$SITE_OUT" -name '*.html' | wc -l) pages"
