# Shared by the server tests: the site they serve, the documented configurations, a free port,
# and a temporary directory that is removed, with the server stopped, whatever happens.
set -euo pipefail
: "${KAOWU:?run through ctest}" "${KAOWU_SOURCE_DIR:?}" "${KAOWU_BUILD_DIR:?}" "${KAOWU_TESTS_DIR:?}"
HERE="$KAOWU_TESTS_DIR/serving"
DOC="$KAOWU_SOURCE_DIR/docs/serving.md"
SITE_OUT="$KAOWU_BUILD_DIR/serving-test/public"
# The host of the documented configurations: the site's links point there, and are fetched from
# the local server.
PUBLIC_BASE=https://ks.example.gov.cn/
PY=/usr/bin/python3 # Debian's, with python3-icalendar

docblock() { "$PY" "$HERE/docblock.py" "$DOC" "$1"; }

free_port() {
  "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# replace TEXT FROM TO: FROM must occur in TEXT exactly once (the doc changed otherwise, and the
# test would no longer run what it documents).
replace_once() {
  "$PY" - "$1" "$2" "$3" <<'PY'
import sys
text, old, new = sys.argv[1:4]
n = text.count(old)
if n != 1:
    sys.exit(f"the documented configuration has {n} '{old}', expected 1: update tests/serving")
sys.stdout.write(text.replace(old, new))
PY
}

SERVER_PID=
WORK=$(mktemp -d)
chmod 755 "$WORK" # the server's workers run as an unprivileged user
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

wait_for_port() { # wait_for_port PORT LOG
  for _ in $(seq 100); do
    if curl -s -o /dev/null "http://127.0.0.1:$1/"; then return 0; fi
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "the server exited:"; cat "$2" || true; return 1; }
    sleep 0.1
  done
  echo "the server did not answer on port $1"; cat "$2" || true; return 1
}

# A copy of the test site the server's user can read.
copy_site() {
  test -f "$SITE_OUT/index.html" || { echo "no test site (servers.build)"; exit 1; }
  cp -r "$SITE_OUT" "$WORK/public"
  chmod -R a+rX "$WORK/public"
  # The workers run as an unprivileged user. Where that user cannot reach the folder at all (a
  # chroot whose root is 0700, as `mktemp -d` makes one), every request would be 403 whatever the
  # configuration: that is no test of it, so the test is skipped and says why (exit 77).
  local u
  for u in www-data nobody; do
    if command -v setpriv >/dev/null && id "$u" >/dev/null 2>&1 &&
       ! setpriv --reuid="$u" --regid="$(id -g "$u")" --clear-groups test -r "$WORK/public/index.html" 2>/dev/null; then
      echo "SKIP: the server's user $u cannot read $WORK/public ($(stat -c '%A %n' / /tmp "$WORK" | tr '\n' ' '))"
      exit 77
    fi
  done
}
