#!/bin/bash
# kaowu import as a clerk runs it. Usage: import_test.sh CASE (CTest runs each case as a test).
set -uo pipefail
: "${KAOWU:?}" "${KAOWU_SOURCE_DIR:?}"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
FIX="$KAOWU_SOURCE_DIR/tests/import/fixtures"
fail() { echo "FAIL: $*" >&2; exit 1; }
run() {
  "$KAOWU" "$@" >"$WORK/out" 2>"$WORK/err"
  echo $? >"$WORK/rc"
}
expect_rc() { [ "$(cat "$WORK/rc")" = "$1" ] || { cat "$WORK/out" "$WORK/err" >&2; fail "exit code $(cat "$WORK/rc"), expected $1"; }; }
expect_err() { grep -qE -- "$1" "$WORK/err" || { cat "$WORK/err" >&2; fail "stderr lacks /$1/"; }; }
expect_out() { grep -qE -- "$1" "$WORK/out" || { cat "$WORK/out" >&2; fail "stdout lacks /$1/"; }; }

# A project whose only calendar is the draft of the national fixture.
draft_project() {
  mkdir -p "$WORK/p/calendars/national" "$WORK/p/calendars/holidays"
  cp "$KAOWU_SOURCE_DIR"/calendars/holidays/{2023,2024}.toml "$WORK/p/calendars/holidays/"
  run import "$FIX/national.txt" -o "$WORK/p/calendars/national/example-2024.toml" --id example-2024 --level national
  expect_rc 0
}

case "$1" in
weekday-mismatch)
  cp "$FIX/weekday-mismatch.txt" "$WORK/notice.txt"
  run import "$WORK/notice.txt" --lang en
  expect_rc 0
  expect_err 'notice.txt:2:15: warning\[KW0500\]: 2024-03-04 is a Monday, but the notice writes （星期二） \(Tuesday\)' ;;
unplaced)
  cp "$FIX/unplaced.txt" "$WORK/notice.txt"
  run import "$WORK/notice.txt"
  expect_rc 0
  expect_err 'notice.txt:3:6: warning\[KW0506\]'
  expect_out '^# 3行 “3月5日” \(\[2024-03-05\]\)：通知中没有说明这一日期属于哪个环节$' ;;
no-dates)
  cp "$FIX/no-dates.txt" "$WORK/notice.txt"
  run import "$WORK/notice.txt" -o "$WORK/draft.toml"
  expect_rc 1
  expect_err 'error\[KW0504\]'
  [ ! -e "$WORK/draft.toml" ] || fail "a draft was written" ;;
file-exists)
  echo "# mine" >"$WORK/draft.toml"
  run import "$FIX/national.txt" -o "$WORK/draft.toml"
  expect_rc 2
  expect_err 'draft.toml: error\[KW0503\]'
  [ "$(cat "$WORK/draft.toml")" = "# mine" ] || fail "the file was replaced"
  ls -A "$WORK" | grep -q kaowu- && fail "a temporary file was left behind"
  true ;;
unknown-parent)
  draft_project
  run import "$FIX/national.txt" --parent nope -s "$WORK/p"
  expect_rc 2
  expect_err 'error\[KW0505\]: --parent “nope”' ;;
draft-marks)
  draft_project
  run check "$WORK/p"
  expect_rc 0
  expect_err 'example-2024.toml:14:1: warning\[KW0501\]: 由通知导入，尚未经人工核对（通知第5行）'
  expect_err 'warning\[KW0502\]: 有 [0-9]+ 处导入的值尚未核对'
  run build "$WORK/p" -o "$WORK/site"
  expect_rc 1
  expect_err 'error\[KW0502\]'
  [ ! -e "$WORK/site/index.html" ] || fail "a draft was published" ;;
confirm-then-check)
  draft_project
  f="$WORK/p/calendars/national/example-2024.toml"
  cp "$f" "$WORK/before.toml"
  run import --confirm "$f"
  expect_rc 0
  grep -q '^imported' "$f" && fail "a mark is left"
  diff <(grep -v '^imported = ' "$WORK/before.toml") "$f" >/dev/null || fail "confirm changed more than the marks"
  run check "$WORK/p" --deny-warnings
  expect_rc 0
  run build "$WORK/p" -o "$WORK/site"
  expect_rc 0 ;;
stdout-draft)
  run import "$FIX/national.txt" --level national
  expect_rc 0
  expect_out '^document = "示例考〔2023〕9号"'
  expect_out '^issued = 2023-11-20 +# 18行 “2023年11月20日”'
  expect_out '^start = 2023-12-01 +# 8行 “（一）网上报名：2023年12月1日至12月14日，考生登录报名网站网上报名。”'
  [ "$(grep -c '^closed_on_holidays = true' "$WORK/out")" = 1 ] || fail "closed_on_holidays is not on confirmation alone"
  expect_out '^deadline = 2024-01-10'
  expect_out '^after = \{ phase = "exam", months = 2 \}'
  expect_out '^days = \[2024-04-13, 2024-04-14\]'
  grep -q '12345678' "$WORK/out" && grep -E '^(start|end|deadline|days) .*12345678' "$WORK/out" && fail "a telephone number became a date"
  true ;;
same-draft-any-format)
  # The same notice as GBK and as DOCX (made here by pandoc from the fixture) drafts the same
  # calendar as UTF-8: only the header's file name differs.
  cp "$FIX/national.txt" "$WORK/notice.txt"
  iconv -f UTF-8 -t GB18030 "$FIX/national.txt" >"$WORK/notice-gbk.txt" || fail "iconv"
  run import "$WORK/notice.txt" --id example-2024; expect_rc 0
  tail -n +2 "$WORK/out" >"$WORK/utf8.toml"
  run import "$WORK/notice-gbk.txt" --id example-2024; expect_rc 0
  tail -n +2 "$WORK/out" >"$WORK/gbk.toml"
  diff "$WORK/utf8.toml" "$WORK/gbk.toml" >&2 || fail "GBK drafts differently"
  if command -v pandoc >/dev/null; then
    # One paragraph per line, as a Word file has them.
    sed 's/$/\n/' "$FIX/national.txt" | pandoc -f markdown -t docx -o "$WORK/notice.docx" || fail "pandoc"
    run import "$WORK/notice.docx" --id example-2024; expect_rc 0
    tail -n +2 "$WORK/out" | sed -E 's/# [0-9]+行/# N行/; s/通知第[0-9]+行/通知第N行/g' >"$WORK/docx.toml"
    sed -E 's/# [0-9]+行/# N行/; s/通知第[0-9]+行/通知第N行/g' "$WORK/utf8.toml" >"$WORK/utf8-n.toml"
    diff "$WORK/utf8-n.toml" "$WORK/docx.toml" >&2 || fail "DOCX drafts differently"
  fi ;;
holidays)
  # 2018年12月30日至2019年1月1日 crosses the year; each 上班 day goes to its holiday.
  draft_project
  run import --confirm "$WORK/p/calendars/national/example-2024.toml"
  run import --holidays "$FIX/holidays-2019.txt" -o "$WORK/p/calendars/holidays/2019.toml"
  expect_rc 0
  f="$WORK/p/calendars/holidays/2019.toml"
  grep -q '^start = 2018-12-30 ' "$f" || fail "元旦 does not start in 2018"
  grep -q '^end = 2019-01-01$' "$f" || fail "元旦 does not end in 2019"
  grep -q '^workdays = \[2018-12-29\]$' "$f" || fail "元旦's working day"
  grep -q '^workdays = \[2019-02-02, 2019-02-03\]$' "$f" || fail "春节's working days"
  [ "$(grep -c '^\[\[off\]\]' "$f")" = 7 ] || fail "not seven holidays"
  run check "$WORK/p"
  expect_err 'holidays/2019.toml:6:1: warning\[KW0501\]'
  run import --confirm "$f"
  run check "$WORK/p" --deny-warnings
  expect_rc 0 ;;
not-holidays-notice)
  run import --holidays "$FIX/national.txt"
  expect_rc 1
  expect_err 'national.txt: error\[KW0507\]' ;;
review)
  cp "$FIX/unplaced.txt" "$WORK/notice.txt"
  run import "$WORK/notice.txt" -o "$WORK/draft.toml" --review "$WORK/review.html"
  expect_rc 0
  n=$(grep -n '^start = 2023-12-01' "$WORK/draft.toml" | cut -d: -f1)
  # The date the draft took links to the draft's line that cites it; the one it left is marked with why.
  grep -q '<li value="2" id="n2">网上报名：<a class="used" href="#d[0-9]*">2023年12月1日至12月14日</a></li>' "$WORK/review.html" || fail "the used date is not linked"
  grep -q "<li id=\"d$n\">start = 2023-12-01" "$WORK/review.html" || fail "the draft's line $n has no anchor"
  grep -q '<mark class="unused" title="通知中没有说明这一日期属于哪个环节">3月5日</mark>' "$WORK/review.html" || fail "the unused date is not marked"
  run import "$WORK/notice.txt" --review "$WORK/review.html"
  expect_rc 2
  expect_err 'review.html: error\[KW0503\]' ;;
english)
  run import "$FIX/national.txt" --lang en
  expect_rc 0
  expect_out '^imported = "notice line 8"'
  expect_err '^draft: [0-9]+ phases' ;;
*) fail "unknown case $1" ;;
esac
