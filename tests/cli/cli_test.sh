#!/bin/bash
# Command-line behaviour a centre relies on: exit codes, located messages, JSON output, and that
# a failed build publishes nothing. Usage: cli_test.sh CASE (CTest runs each case as its own test).
set -uo pipefail
: "${KAOWU:?}" "${KAOWU_SOURCE_DIR:?}"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# Runs kaowu, keeping stdout, stderr and the exit code.
run() {
  "$KAOWU" "$@" >"$WORK/out" 2>"$WORK/err"
  echo $? >"$WORK/rc"
}
rc() { cat "$WORK/rc"; }
expect_rc() { [ "$(rc)" = "$1" ] || { cat "$WORK/out" "$WORK/err" >&2; fail "exit code $(rc), expected $1"; }; }
expect_err() { grep -qE -- "$1" "$WORK/err" || { cat "$WORK/err" >&2; fail "stderr lacks /$1/"; }; }
expect_out() { grep -qE -- "$1" "$WORK/out" || { cat "$WORK/out" >&2; fail "stdout lacks /$1/"; }; }

# A copy of the shipped calendars to break.
copy_calendars() {
  cp -r "$KAOWU_SOURCE_DIR/calendars" "$WORK/calendars"
}

case "$1" in
version)
  run --version; expect_rc 0; expect_out '^kaowu [0-9]+\.[0-9]+\.[0-9]+$' ;;
help)
  run --help; expect_rc 0; expect_out 'check'; expect_out 'build'; expect_out 'explain' ;;
usage-error)
  run frobnicate; expect_rc 2
  run check --lang fr; expect_rc 2 ;;
check-shipped)
  # With no DIR kaowu checks the repository's calendars/.
  run check; expect_rc 0; expect_err '^0 个错误，[0-9]+ 个警告$'
  run check --lang en "$KAOWU_SOURCE_DIR/calendars"; expect_rc 0; expect_err '^0 errors, [0-9]+ warnings?$' ;;
missing-dir)
  run check "$WORK/nowhere"; expect_rc 2; expect_err 'KW0901' ;;
no-calendars)
  mkdir "$WORK/empty"; run check "$WORK/empty"; expect_rc 1; expect_err 'KW0109' ;;
located-error)
  copy_calendars
  sed -i 's/^end = 2024-02-08/end = 2024-02-30/' "$WORK/calendars/regions/beijing-2024.toml"
  sed -i 's/^strat/start/; s/^audience = "military"/audience = "militray"/' "$WORK/calendars/sites/beijing-2024-fengtai.toml"
  run check --lang en "$WORK/calendars"; expect_rc 1
  expect_err '^.*calendars/regions/beijing-2024\.toml:[0-9]+:[0-9]+: error\[KW0001\]'
  expect_err 'calendars/sites/beijing-2024-fengtai\.toml:[0-9]+:[0-9]+: error\[KW0007\]'
  expect_err '^ +[0-9]+ \| audience = "militray"$'
  expect_err '^ +\| +\^~+$'
  expect_err 'did you mean "military"\?'
  # The broken region file is the one error there: no cascade into "parent does not exist".
  if grep -q KW0101 "$WORK/err"; then fail "cascading unknown-parent error"; fi
  expect_err '^3 errors, [0-9]+ warnings?$' ;;
json-format)
  copy_calendars
  sed -i 's/^parent = "beijing-2024"/parent = "beijing-2042"/' "$WORK/calendars/sites/beijing-2024-fengtai.toml"
  run check --format json --lang en "$WORK/calendars"; expect_rc 1
  /usr/bin/python3 - "$WORK/out" <<'PY' || fail "JSON report"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["format"] == "kaowu-diagnostics" and r["version"] == 1, r
d = [x for x in r["diagnostics"] if x["severity"] == "error"][0]
assert d["code"] == "KW0101" and d["slug"] == "unknown-parent", d
assert d["severity"] == "error"
assert d["location"]["file"].endswith("sites/beijing-2024-fengtai.toml"), d
assert d["location"]["line"] > 0 and d["location"]["column"] > 0
assert "beijing-2024" in d["help"], d["help"]
assert r["summary"]["errors"] == 1, r["summary"]
assert r["summary"]["warnings"] == sum(x["severity"] == "warning" for x in r["diagnostics"]), r["summary"]
PY
  ;;
explain)
  run explain KW0004 --lang en; expect_rc 0; expect_out 'unknown-key'
  run explain unknown-parent; expect_rc 0; expect_out 'KW0101'
  run explain KW9999; expect_rc 2 ;;
build-writes)
  copy_calendars
  run build "$WORK/calendars" -o "$WORK/public"; expect_rc 0
  [ -f "$WORK/public/model/beijing-2024-fengtai.json" ] || fail "no model JSON"
  cmp "$WORK/public/README.md" "$KAOWU_SOURCE_DIR/public/README.md" || fail "public/README.md differs from the committed one" ;;
failed-build-keeps-output)
  copy_calendars
  run build "$WORK/calendars" -o "$WORK/public"; expect_rc 0
  (cd "$WORK/public" && find . -type f -exec sha256sum {} + | sort) >"$WORK/before"
  sed -i 's/^start = 2024-01-29/start = 2024-01-32/' "$WORK/calendars/regions/beijing-2024.toml"
  run build "$WORK/calendars" -o "$WORK/public"; expect_rc 1
  (cd "$WORK/public" && find . -type f -exec sha256sum {} + | sort) >"$WORK/after"
  cmp "$WORK/before" "$WORK/after" || fail "public/ changed after a failed build"
  [ -z "$(ls -A "$WORK" | grep kaowu-)" ] || fail "a temporary directory was left behind" ;;
deny-warnings)
  # The shipped national 2019 calendar really bends a convention (confirmation ran 36 days past
  # registration): a warning. It passes a plain check and fails one that denies warnings.
  run check --lang en; expect_rc 0; expect_err 'warning\[KW0202\]'
  run check --deny-warnings; expect_rc 1 ;;
*)
  fail "unknown case $1" ;;
esac
echo "ok: $1"
