#!/bin/bash
# Fixture: the shipped calendars built into the site the server tests serve, with the documented
# host as base URL (so subscribe pages carry webcal:// and Google/Outlook links).
source "$(dirname "$0")/common.sh"
rm -rf "$SITE_OUT"
mkdir -p "$(dirname "$SITE_OUT")"
"$KAOWU" build "$KAOWU_SOURCE_DIR/calendars" -o "$SITE_OUT" --color never --base-url "$PUBLIC_BASE" \
  --today 2024-04-15 2>"$SITE_OUT.log" || { cat "$SITE_OUT.log"; exit 1; }
echo "servers.build: $(find "$SITE_OUT" -type f | wc -l) files"
