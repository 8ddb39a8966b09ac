#!/bin/bash
# `kaowu serve` end to end over HTTP on 127.0.0.1 (a free port): pages and feeds with the types
# and CORS headers of docs/serving.md; an edit fires the reload event and the new date is
# served; a broken calendar shows its error (file:line:col, the line, the caret) in place of the
# page while feeds stay the last good ones; the fix brings the site back; Ctrl-C stops it.
# Timeouts are generous: nothing here measures speed.
set -uo pipefail
: "${KAOWU:?}"
WORK=$(mktemp -d)
PID=
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; [ -f "$WORK/serve.err" ] && tail -30 "$WORK/serve.err" >&2; exit 1; }
P=$WORK/centre
"$KAOWU" new project "$P" >/dev/null || fail "new project"
(cd "$P" && "$KAOWU" new region national-2021 zj-2021 >/dev/null) || fail "new region"
R=$P/calendars/regions/zj-2021.toml
# The region writes its own registration (new region inherits every phase, copying no date).
sed -i '/^# ── 网上预报名（registration）/,/^$/ { /^# ── /d; /^#    /d; s/^# //; s/【开始日期】/2020-12-29/; s/【结束日期】/2021-01-11/; s/【本通知的章节】/一/ }' "$R"

(cd "$P" && exec "$KAOWU" serve --port 0 --lang en >"$WORK/serve.out" 2>"$WORK/serve.err") &
PID=$!
for _ in $(seq 1 300); do grep -q '^kaowu serve: http://' "$WORK/serve.out" 2>/dev/null && break; sleep 0.1; done
URL=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$WORK/serve.out" | head -1)
[ -n "$URL" ] || fail "serve printed no address"

# headers NAME PATH: the status line and headers of a GET.
headers() { curl -s -o /dev/null -D - "$URL$1" | tr -d '\r' >"$WORK/headers"; }
expect_header() { headers "$1"; grep -qiF -- "$2" "$WORK/headers" || { cat "$WORK/headers" >&2; fail "$1 lacks '$2'"; }; }
expect_header index.html 'HTTP/1.1 200'
expect_header index.html 'content-type: text/html; charset=utf-8'
expect_header calendars/zj-2021/index.html 'content-type: text/html; charset=utf-8'
for feed in feeds/zj-2021.ics feeds/zj-2021.staff.ics; do
  expect_header "$feed" 'content-type: text/calendar; charset=utf-8'
  expect_header "$feed" 'access-control-allow-origin: *'
done
expect_header feeds/zj-2021.json 'content-type: application/json; charset=utf-8'
expect_header feeds/zj-2021.json 'access-control-allow-origin: *'
expect_header index.json 'access-control-allow-origin: *'
# The served address is the base URL: webcal:// points at this server.
# (Fetched to a file first: `curl | grep -q` fails under pipefail when grep stops reading early.)
get() { curl -s "$URL$1" >"$WORK/got"; }
get subscribe/zj-2021.html
grep -qF "webcal://127.0.0.1:" "$WORK/got" || fail "no webcal:// link to the dev server"
get calendars/zj-2021/index.html
# The reload script is in served pages only.
grep -q 'EventSource("/__kaowu/events' "$WORK/got" || fail "no reload script in a served page"
get feeds/zj-2021.json; grep -q EventSource "$WORK/got" && fail "reload script in a feed"

generation() { get calendars/zj-2021/index.html; grep -o 'since=[0-9]*' "$WORK/got" | head -1 | cut -d= -f2; }
# wait_reload SINCE: the event stream from SINCE delivers a reload event.
wait_reload() {
  curl -sN --max-time 60 "${URL}__kaowu/events?since=$1" >"$WORK/events" 2>/dev/null &
  local listener=$!
  shift
  "$@"
  wait "$listener"
  grep -q '^event: reload$' "$WORK/events" || fail "no reload event after: $*"
}
# wait_for PATH PATTERN [STATUS]: the page shows PATTERN (generous timeout).
wait_for() {
  for _ in $(seq 1 200); do
    code=$(curl -s -o "$WORK/page" -w '%{http_code}' "$URL$1")
    grep -q -- "$2" "$WORK/page" && [ "$code" = "${3:-200}" ] && return 0
    sleep 0.1
  done
  cat "$WORK/page" >&2; fail "$1 never showed /$2/ with status ${3:-200} (last: $code)"
}

# 1. Narrow the registration window: the event fires and the new date is served.
grep -q '^end = 2021-01-11$' "$R" || fail "region has no registration end to edit"
G=$(generation)
wait_reload "$G" sed -i '0,/^end = 2021-01-11$/s//end = 2021-01-08/' "$R"
wait_for calendars/zj-2021/index.html '2021年1月8日'
[ "$(generation)" != "$G" ] || fail "the generation did not move"

# 2. Break it: the page shows the error at its place; feeds stay the last good ones.
LINE=$(grep -n '^end = 2021-01-08$' "$R" | head -1 | cut -d: -f1)
G=$(generation)
wait_reload "$G" sed -i "${LINE}s/.*/end = 2021-01-32/" "$R"
wait_for calendars/zj-2021/index.html "calendars/regions/zj-2021.toml:$LINE:[0-9]*: error\[KW0001\]" 500
grep -q "^ *$LINE | end = 2021-01-32$" "$WORK/page" || fail "error page lacks the line"
grep -qE '^ +\| +\^' "$WORK/page" || fail "error page lacks the caret"
grep -q 'help: ' "$WORK/page" || fail "error page lacks the hint"
grep -q 'EventSource' "$WORK/page" || fail "error page does not reload itself"
grep -q "error\[KW0001\]" "$WORK/serve.err" || fail "the terminal does not print the error"
expect_header feeds/zj-2021.ics 'HTTP/1.1 200'
get __kaowu/last-good/calendars/zj-2021/index.html; grep -q '2021年1月8日' "$WORK/got" || fail "no last good page"

# The quoted line is escaped: source text never becomes markup in the error page.
G=$(grep -o 'since=[0-9]*' "$WORK/page" | head -1 | cut -d= -f2)
wait_reload "$G" sed -i "${LINE}s/.*/end = <script>alert(1)<\/script>/" "$R"
wait_for calendars/zj-2021/index.html "$LINE | end = &lt;script&gt;alert(1)&lt;/script&gt;" 500
grep -q '<script>alert' "$WORK/page" && fail "the error page does not escape the source line"

# 3. Fix it: the site is back.
wait_reload "$(grep -o 'since=[0-9]*' "$WORK/page" | head -1 | cut -d= -f2)" sed -i "${LINE}s/.*/end = 2021-01-09/" "$R"
wait_for calendars/zj-2021/index.html '2021年1月9日'

# serve never writes public/; Ctrl-C stops it cleanly.
[ ! -e "$P/public" ] || fail "serve wrote public/"
kill -INT "$PID"
wait "$PID"; rc=$?
PID=
[ "$rc" = 0 ] || fail "serve exited $rc after Ctrl-C"
grep -q 'kaowu serve: stopped' "$WORK/serve.out" || fail "serve did not say it stopped"
echo "ok: serve"
