#!/bin/bash
# `kaowu new`: everything it writes passes `kaowu check` and builds as written, it never replaces
# a file, and a bad argument is shown with a caret, its code and a hint.
# Usage: new.sh CASE (CTest runs each case as its own test).
set -uo pipefail
: "${KAOWU:?}" "${KAOWU_SOURCE_DIR:?}"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
run() {
  "$KAOWU" "$@" >"$WORK/out" 2>"$WORK/err"
  echo $? >"$WORK/rc"
}
expect_rc() { [ "$(cat "$WORK/rc")" = "$1" ] || { cat "$WORK/out" "$WORK/err" >&2; fail "exit code $(cat "$WORK/rc"), expected $1"; }; }
expect_err() { grep -qE -- "$1" "$WORK/err" || { cat "$WORK/err" >&2; fail "stderr lacks /$1/"; }; }
expect_out() { grep -qE -- "$1" "$WORK/out" || { cat "$WORK/out" >&2; fail "stdout lacks /$1/"; }; }
# check (no error; warnings are the shipped calendars' own) and build, in the project $1.
passes() {
  (cd "$1" && run check --lang en); expect_rc 0; expect_err '^0 errors, [0-9]+ warnings?$'
  (cd "$1" && run build --lang en); expect_rc 0; expect_err '^wrote [0-9]+ files'
  [ -f "$1/public/index.html" ] || fail "no public/index.html in $1"
}
P=$WORK/centre

case "$1" in
project)
  run new project "$P"; expect_rc 0; expect_out 'kaowu new region'
  for f in README.md .gitignore .taplo.toml calendars/rules.toml calendars/holidays/2024.toml \
           calendars/national/national-2021.toml schema/calendar.schema.json templates/calendar-page.mustache \
           templates/static/site.css; do
    [ -f "$P/$f" ] || fail "new project wrote no $f"
  done
  [ -d "$P/notices" ] || fail "new project made no notices/"
  cmp -s "$P/calendars/rules.toml" "$KAOWU_SOURCE_DIR/calendars/rules.toml" || fail "rules.toml differs from the shipped one"
  passes "$P"
  # Never over a project, never over a file: nothing is written when one file exists.
  run new project "$P"; expect_rc 2; expect_err 'project already'
  mkdir "$WORK/other"; echo mine >"$WORK/other/README.md"
  run new project "$WORK/other"; expect_rc 2; expect_err 'README.md.* already exists'
  [ "$(ls -A "$WORK/other")" = README.md ] || fail "a refused new project left files behind"
  [ "$(cat "$WORK/other/README.md")" = mine ] || fail "a refused new project changed a file" ;;
region)
  "$KAOWU" new project "$P" >/dev/null || fail "new project"
  # A region of every national calendar kaowu ships: each checks and builds.
  for parent in $(cd "$P/calendars/national" && ls | sed 's/\.toml$//'); do
    (cd "$P" && run new region "$parent" "r-$parent"); expect_rc 0
    [ -f "$P/calendars/regions/r-$parent.toml" ] || fail "no region file for $parent"
    grep -q "^parent = \"$parent\"" "$P/calendars/regions/r-$parent.toml" || fail "region of $parent names no parent"
  done
  # A reference, never a copy: every phase inherited, no date of the parent written down, each
  # phase a commented template to narrow.
  R=$P/calendars/regions/r-national-2021.toml
  grep -q '只能收窄' "$R" || fail "no narrowing comment"
  grep -q '^# ── 网上预报名（registration）：沿用上级 national-2021 的安排' "$R" || fail "registration not named as inherited"
  grep -q '^\[\[phases\]\]' "$R" && fail "new region writes a phase of its own"
  grep -q '2020-12-29' "$R" && fail "new region copies the parent's dates"
  passes "$P"
  grep -q '"id":"r-national-2021/registration",[^}]*"start":"2020-12-29","end":"2021-01-11"' "$P/public/feeds/r-national-2021.json" ||
    fail "the region does not publish the inherited registration"
  # kaowu show: each phase's effective dates, marks and the file:line they come from.
  (cd "$P" && run show r-national-2021 --lang en); expect_rc 0
  expect_out "^  '网上预报名' \(registration\)  2020-12-29 to 2021-01-11$"
  expect_out "^      inherited from national-2021: calendars/national/national-2021.toml:[0-9]+$"
  (cd "$P" && run show r-national-2019 --lang en); expect_rc 0
  expect_out "^  '网上缴费' \(payment\)  2019-03-08 to 2019-03-19; unconfirmed: "
  (cd "$P" && run show r-national-2021); expect_rc 0; expect_out '^      继承自 national-2021：calendars/national/national-2021.toml:[0-9]+$'
  (cd "$P" && run show r-nationl-2021 --lang en); expect_rc 2; expect_err "did you mean 'r-national-2021'"
  # The same id again, a bad id, a parent that does not exist, a parent of the wrong level.
  (cd "$P" && run new region national-2021 r-national-2021 --lang en); expect_rc 2; expect_err 'KW0013'; expect_err 'exists already'
  (cd "$P" && run new region national-2021 Zhejiang_2021 --lang en); expect_rc 2
  expect_err '^  kaowu new region national-2021 Zhejiang_2021$'; expect_err '^ {33}\^~{12}$'; expect_err 'error\[KW0008\]'
  (cd "$P" && run new region nationl-2021 x-2021 --lang en); expect_rc 2; expect_err 'error\[KW0101\]'
  expect_err "did you mean 'national-2021'"; expect_err '^ {19}\^~{11}$'
  # A year kaowu ships no calendar of is no typo: the help names the years that exist.
  (cd "$P" && run new region national-2025 x-2025 --lang en); expect_rc 2; expect_err 'error\[KW0101\]'
  expect_err "there is no 'national-2025': 'national-YYYY' exists for 2017, 2018, 2019, 2020, 2021, 2022 only"
  grep -q "did you mean" "$WORK/err" && fail "national-2025 is answered with a did you mean: $(cat "$WORK/err")"
  (cd "$P" && run new region national-2025 x-2025); expect_rc 2; expect_err '只有 2017、2018、2019、2020、2021、2022 年的日程'
  (cd "$P" && run new site national-2021 x-2021 --lang en); expect_rc 2; expect_err 'error\[KW0103\]'
  expect_err 'kaowu new region national-2021 x-2021'
  [ ! -e "$P/calendars/sites/x-2021.toml" ] || fail "a refused new site was written"
  # Outside a project: say how to make one.
  (cd "$WORK" && run new region national-2021 x-2021); expect_rc 2; expect_err 'kaowu new project' ;;
site)
  "$KAOWU" new project "$P" >/dev/null || fail "new project"
  (cd "$P" && "$KAOWU" new region national-2021 zhejiang-2021 >/dev/null) || fail "new region"
  (cd "$P" && run new site zhejiang-2021 hangzhou-2021); expect_rc 0
  S=$P/calendars/sites/hangzhou-2021.toml
  grep -q '^\[site\]$' "$S" && grep -q '^address = ' "$S" && grep -q '^contact = ' "$S" || fail "no [site] to fill in"
  grep -q '^# \[\[phases.slots\]\]$' "$S" || fail "no slot table to fill in"
  passes "$P"
  # The confirmation template, uncommented and filled in, is a valid narrowing with its slot.
  sed -i '/^# ── 现场确认（confirmation）/,/^$/ { /^# ── /d; /^#    /d; s/^# //; s/^#$//; s/【开始日期】/2020-12-30/; s/【结束日期】/2021-01-05/; s/= 【日期】/= 2021-01-04/ }' "$S"
  grep -q '^\[\[phases.slots\]\]$' "$S" || fail "could not uncomment the slot table"
  passes "$P"
  # The region moves its own registration: the site, which never copied it, publishes the move.
  Z=$P/calendars/regions/zhejiang-2021.toml
  sed -i '/^# ── 网上预报名（registration）/,/^$/ { /^# ── /d; /^#    /d; s/^# //; s/【开始日期】/2020-12-29/; s/【结束日期】/2021-01-08/ }' "$Z"
  passes "$P"
  grep -q '"id":"hangzhou-2021/registration",[^}]*"end":"2021-01-08"' "$P/public/feeds/hangzhou-2021.json" || fail "the site does not follow the region"
  sed -i 's/^end = 2021-01-08$/end = 2021-01-06/' "$Z"
  passes "$P"
  grep -q '"id":"hangzhou-2021/registration",[^}]*"end":"2021-01-06"' "$P/public/feeds/hangzhou-2021.json" ||
    fail "the site keeps the region's old registration end after the region moved it"
  (cd "$P" && run show hangzhou-2021 --lang en); expect_rc 0
  expect_out "^      own: calendars/sites/hangzhou-2021.toml:[0-9]+$"
  expect_out "^  '网上预报名' \(registration\)  2020-12-29 to 2021-01-06$"
  expect_out "^      inherited from zhejiang-2021: calendars/regions/zhejiang-2021.toml:[0-9]+$"
  # Sites of the shipped regions (one with its own catalogue, a senior one with rule overrides).
  cp -r "$KAOWU_SOURCE_DIR/calendars" "$WORK/shipped"
  for parent in beijing-2024 zhejiang-2024-senior heilongjiang-2022; do
    run new site "$parent" "s-$parent" -s "$WORK/shipped"; expect_rc 0
  done
  run check --lang en "$WORK/shipped"; expect_rc 0; expect_err '^0 errors' ;;
notice)
  "$KAOWU" new project "$P" >/dev/null || fail "new project"
  (cd "$P" && "$KAOWU" new region national-2021 zhejiang-2021 >/dev/null && "$KAOWU" new site zhejiang-2021 hangzhou-2021 >/dev/null) ||
    fail "new region and site"
  for cal in national-2021 zhejiang-2021 hangzhou-2021; do
    (cd "$P" && run new notice "$cal" arrangements); expect_rc 0
    N=$P/notices/$cal/arrangements.md
    [ -f "$N" ] || fail "no notice for $cal"
    # Every phase the calendar publishes is named by placeholder, no date is typed.
    for id in registration confirmation payment admission-card; do
      grep -qF "{{phase.$id}}" "$N" || fail "$cal's notice lacks {{phase.$id}}"
    done
    ! grep -vE '^date = ' "$N" | grep -qE '20[0-9]{2}-[0-9]{2}-[0-9]{2}' || fail "$cal's notice types a date"
  done
  passes "$P"
  [ -f "$P/public/notices/hangzhou-2021/arrangements.html" ] || fail "the notice was not built"
  (cd "$P" && run new notice hangzhou-2021 arrangements --lang en); expect_rc 2; expect_err 'already exists'
  (cd "$P" && run new notice hangzhuo-2021 other --lang en); expect_rc 2; expect_err 'error\[KW0306\]'
  expect_err "did you mean 'hangzhou-2021'"
  (cd "$P" && run new notice hangzhou-2021 'Notice 1' --lang en); expect_rc 2; expect_err 'error\[KW0008\]' ;;
*)
  fail "unknown case $1" ;;
esac
echo "ok: new $1"
