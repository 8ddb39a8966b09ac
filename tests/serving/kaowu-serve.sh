#!/bin/bash
# `kaowu serve` sends every kind of file the build writes with the Content-Type and CORS header
# of docs/serving.md's table, as nginx and Apache do (it sends no-store, so caching is not
# checked, and its pages carry the reload script).
source "$(dirname "$0")/common.sh"
PORT=$(free_port)
"$KAOWU" serve "$KAOWU_SOURCE_DIR/calendars" --port "$PORT" --today 2024-04-15 --color never >"$WORK/serve.log" 2>&1 &
SERVER_PID=$!
wait_for_port "$PORT" "$WORK/serve.log"
"$PY" "$HERE/check_site.py" "http://127.0.0.1:$PORT/" "$SITE_OUT" "$DOC" "$PUBLIC_BASE" --dev
