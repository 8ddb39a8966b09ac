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
  run --help; expect_rc 0; expect_out 'check'; expect_out 'build'; expect_out 'notices'; expect_out 'explain' ;;
usage-error)
  run frobnicate; expect_rc 2
  run check --lang fr; expect_rc 2 ;;
check-shipped)
  # With no DIR kaowu checks the repository's calendars/.
  # In the repository's root (a project: calendars/, notices/, templates/), with no DIR.
  (cd "$KAOWU_SOURCE_DIR" && run check); expect_rc 0; expect_err '^0 个错误，[0-9]+ 个警告$'
  run check --lang en "$KAOWU_SOURCE_DIR/calendars"; expect_rc 0; expect_err '^0 errors, [0-9]+ warnings?$'
  run check --lang en "$KAOWU_SOURCE_DIR"; expect_rc 0; expect_err '^0 errors, [0-9]+ warnings?$'
  run check --lang en -s "$KAOWU_SOURCE_DIR"; expect_rc 0; expect_err '^0 errors, [0-9]+ warnings?$' ;;
outside-project)
  # Where there is no project, kaowu says how to make one, and never reaches for another tree.
  (cd "$WORK" && run check); expect_rc 2; expect_err 'no calendars/ in the current directory'; expect_err 'kaowu new project'
  (cd "$WORK" && run build); expect_rc 2
  [ ! -e "$WORK/public" ] || fail "a build outside a project wrote public/"
  run check "$KAOWU_SOURCE_DIR" -s "$WORK"; expect_rc 2; expect_err 'not both' ;;
unknown-command)
  run chek; expect_rc 2; expect_err "unknown command 'chek'"; expect_err "did you mean 'check'"
  expect_err 'the commands are: check build' ;;
explain-list)
  run explain --lang en; expect_rc 0; expect_out '^KW0001  toml-syntax  error  '; expect_out '^KW0302  literal-date  warning  '
  [ "$(wc -l <"$WORK/out")" -eq "$("$KAOWU" explain | wc -l)" ] || fail "lists differ by language" ;;
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
  [ ! -e "$WORK/public/model" ] || fail "model/ written without --model"
  cmp "$WORK/public/README.md" "$KAOWU_SOURCE_DIR/public/README.md" || fail "public/README.md differs from the committed one"
  run build "$WORK/calendars" -o "$WORK/public" --model; expect_rc 0
  [ -f "$WORK/public/model/beijing-2024-fengtai.json" ] || fail "no model JSON with --model" ;;
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
  run check --lang en "$KAOWU_SOURCE_DIR"; expect_rc 0; expect_err 'warning\[KW0202\]'
  run check --deny-warnings "$KAOWU_SOURCE_DIR"; expect_rc 1 ;;
notices-writes)
  # `kaowu notices`: every shipped notice as Markdown with its placeholders filled in.
  run notices "$KAOWU_SOURCE_DIR/calendars" --notices "$KAOWU_SOURCE_DIR/notices" -o "$WORK/md" --lang en
  expect_rc 0; expect_err '^wrote 4 notices to '
  (cd "$WORK/md" && find . -type f ! -name .kaowu-build | sort) >"$WORK/files"
  (cd "$KAOWU_SOURCE_DIR/notices" && find . -type f -name '*.md' | sort) >"$WORK/sources"
  cmp "$WORK/files" "$WORK/sources" || fail "OUT/<calendar-id>/<slug>.md should mirror notices/"
  if grep -rn '{{' "$WORK/md"; then fail "a placeholder was left unbound"; fi
  # One shipped notice byte for byte (KAOWU_UPDATE_GOLDEN=1 accepts a deliberate change).
  golden="$KAOWU_TESTS_DIR/cli/golden/notices-beijing-2024-fengtai.md"
  got="$WORK/md/beijing-2024-fengtai/registration-and-confirmation.md"
  if [ "${KAOWU_UPDATE_GOLDEN:-0}" = 1 ]; then cp "$got" "$golden"; fi
  diff -u "$golden" "$got" || fail "the exported Fengtai notice differs from $golden"
  # Read back independently: the front matter is TOML that gives title, date and calendar, and
  # the body carries the calendar's dates and its tables.
  /usr/bin/python3 - "$got" <<'PY' || fail "exported notice"
import datetime, sys, tomllib
text = open(sys.argv[1], encoding="utf-8").read()
assert text.startswith("+++\n"), text[:20]
front, body = text[4:].split("\n+++\n", 1)
meta = tomllib.loads(front)
assert meta["title"] == "丰台考点2024年度初中级卫生专业技术资格考试报名与现场审核确认安排", meta
assert meta["date"] == datetime.date(2023, 12, 4), meta
assert meta["calendar"] == "beijing-2024-fengtai", meta
assert meta["issuer"] and meta["calendar_title"], meta
assert "2024年1月29日－2月8日期间网上缴费" in body, "payment window not bound"
assert "| 2023年12月11日（星期一） | 直属医院、直属社区卫生中心、第五医学中心 | 9∶00—11∶30、13∶30—16∶30 |" in body
assert "| 2024年4月13日 | 8∶30—10∶00 | 基础知识 |" in body, "exam timetable missing"
PY
  # Two exports of the same input are byte-identical.
  run notices "$KAOWU_SOURCE_DIR/calendars" --notices "$KAOWU_SOURCE_DIR/notices" -o "$WORK/md2"; expect_rc 0
  diff -r "$WORK/md" "$WORK/md2" >/dev/null || fail "two exports differ" ;;
notices-located-error)
  # An unknown placeholder is the same located error as in `kaowu build`, and nothing is written.
  cp -r "$KAOWU_SOURCE_DIR/notices" "$WORK/notices"
  run notices "$KAOWU_SOURCE_DIR/calendars" --notices "$WORK/notices" -o "$WORK/md"; expect_rc 0
  (cd "$WORK/md" && find . -type f -exec sha256sum {} + | sort) >"$WORK/before"
  printf '+++\ntitle = "t"\ndate = 2023-12-04\n+++\n\n报名时间：{{phase.registraton}}。\n' \
    >"$WORK/notices/beijing-2024-fengtai/typo.md"
  run notices "$KAOWU_SOURCE_DIR/calendars" --notices "$WORK/notices" -o "$WORK/md" --lang en --color never
  expect_rc 1
  expect_err "notices/beijing-2024-fengtai/typo\.md:6:6: error\[KW0301\]: unknown placeholder 'phase\.registraton'"
  expect_err 'did you mean \{\{phase\.registration\}\}\?'
  expect_err '^nothing written: the output directory is unchanged\.$'
  sed -n '/error\[KW0301\]/,/help:/p' "$WORK/err" >"$WORK/notices-diag"
  (cd "$WORK/md" && find . -type f -exec sha256sum {} + | sort) >"$WORK/after"
  cmp "$WORK/before" "$WORK/after" || fail "the previous export changed after a failed one"
  [ ! -e "$WORK/md/beijing-2024-fengtai/typo.md" ] || fail "the broken notice was written"
  run build "$KAOWU_SOURCE_DIR/calendars" --notices "$WORK/notices" -o "$WORK/public" --lang en --color never
  expect_rc 1
  sed -n '/error\[KW0301\]/,/help:/p' "$WORK/err" >"$WORK/build-diag"
  [ -s "$WORK/build-diag" ] || fail "build did not report the placeholder"
  diff -u "$WORK/build-diag" "$WORK/notices-diag" || fail "notices and build report the placeholder differently"
  # A folder that names no calendar is an error too.
  rm "$WORK/notices/beijing-2024-fengtai/typo.md"
  mkdir "$WORK/notices/no-such-calendar" && cp "$WORK/notices/heilongjiang-2022/registration.md" "$WORK/notices/no-such-calendar/"
  run notices "$KAOWU_SOURCE_DIR/calendars" --notices "$WORK/notices" -o "$WORK/md" --lang en; expect_rc 1
  expect_err 'error\[KW0306\]' ;;
notices-usage)
  run notices "$KAOWU_SOURCE_DIR/calendars"; expect_rc 2; expect_err '--output is required'
  run notices "$WORK/nowhere" -o "$WORK/md"; expect_rc 2; expect_err 'KW0901'
  [ ! -e "$WORK/md" ] || fail "wrote output for a missing calendars directory"
  # Never over the sources: `-o notices` would replace the notices with their export.
  cp -r "$KAOWU_SOURCE_DIR/notices" "$WORK/notices"
  (cd "$WORK/notices" && find . -type f -exec sha256sum {} + | sort) >"$WORK/before"
  run notices "$KAOWU_SOURCE_DIR/calendars" --notices "$WORK/notices" -o "$WORK/notices" --lang en
  expect_rc 2; expect_err "error\[KW0901\]: refusing to write into"
  (cd "$WORK/notices" && find . -type f -exec sha256sum {} + | sort) >"$WORK/after"
  cmp "$WORK/before" "$WORK/after" || fail "the notices changed" ;;
*)
  fail "unknown case $1" ;;
esac
echo "ok: $1"
