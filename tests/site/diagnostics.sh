#!/bin/bash
# Bad notices and templates give located diagnostics (file:line:col, caret, hint), never a crash,
# and nothing is published. The inputs are the projects in tests/site/fixtures/ (see its
# README.md), which tests/robustness/run_check_build_agree.py also runs through check and build.
source "$(dirname "$0")/common.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
CAL="$KAOWU_SOURCE_DIR/calendars"
TPL="$KAOWU_SOURCE_DIR/templates"
FIXTURES="$KAOWU_TESTS_DIR/site/fixtures"
fail() { echo "FAIL: $*"; exit 1; }
# expect NAME RC PATTERN... : runs kaowu build with the notices and templates of fixture NAME
expect() {
  local name=$1 rc=$2; shift 2
  local fixture="$FIXTURES/$name" notices="$tmp/empty" templates="$TPL"
  mkdir -p "$tmp/empty"
  [ -d "$fixture/notices" ] && notices="$fixture/notices"
  if [ -d "$fixture/templates" ] || [ -f "$fixture/remove.txt" ]; then
    templates="$tmp/$name/templates"
    mkdir -p "$templates"
    cp -r "$TPL"/. "$templates/"
    [ -d "$fixture/templates" ] && cp -r "$fixture/templates"/. "$templates/"
    if [ -f "$fixture/remove.txt" ]; then
      while read -r f; do rm "$templates/$f"; done <"$fixture/remove.txt"
    fi
  fi
  set +e
  "$KAOWU" build "$CAL" -o "$tmp/out-$name" --lang en --color never --notices "$notices" \
    --templates "$templates" >"$tmp/$name.out" 2>&1
  local got=$?
  set -e
  [ "$got" = "$rc" ] || { cat "$tmp/$name.out"; fail "$name: exit $got, expected $rc"; }
  for pattern in "$@"; do
    grep -qF -- "$pattern" "$tmp/$name.out" || { cat "$tmp/$name.out"; fail "$name: no '$pattern'"; }
  done
  if [ "$rc" != 0 ]; then
    [ ! -e "$tmp/out-$name" ] || fail "$name: published despite errors"
  fi
  echo "ok $name"
}

expect notice-unknown-placeholder 1 \
  "notices/beijing-2024-fengtai/n.md:6:6: error[KW0301]: unknown placeholder 'phase.registraton'" \
  "did you mean {{phase.registration}}?" "^~~~" "nothing published"
expect notice-literal-date 0 \
  "notices/beijing-2024-fengtai/n.md:6:6: warning[KW0302]: the date '2024年1月29日' is typed into the notice, not bound to the calendar" \
  "n.md:6:17: warning[KW0302]: the date '2月8日'" "n.md:6:25: warning[KW0302]: the date '4月13'"
expect notice-unknown-revision 1 \
  "notices/beijing-2024-fengtai/n.md:4:12: error[KW0318]: calendar 'beijing-2024-fengtai' has no revision 2 (its revisions are 1)" \
  "notices/beijing-2024-fengtai/m.md:6:9: error[KW0318]: calendar 'beijing-2024-fengtai' has no revision 3 (its revisions are 1)"
expect notice-no-front-matter 1 "notices/beijing-2024-fengtai/n.md:1:1: error[KW0305]"
expect notice-unknown-key 1 "notices/beijing-2024-fengtai/n.md:4:1: error[KW0004]: unknown key 'documnet'" "did you mean"
expect notice-unknown-calendar 1 "error[KW0306]: notices/no-such-calendar/ names no calendar"
expect notice-placeholder-without-value 1 \
  "notices/heilongjiang-2022/n.md:5:4: error[KW0307]: placeholder 'fee' names a value calendar 'heilongjiang-2022' does not give"

# A broken template names its file and line.
expect template-unclosed-section 1 "templates/_phase-list.mustache:2:1: error[KW0303]: template error: Unclosed section"
expect template-unknown-partial 1 "templates/_phase-list.mustache:2:3: error[KW0303]: template error: no partial '_nope'"
expect template-missing-page 1 "error[KW0304]: template 'index-page.mustache' is missing"
echo "site.diagnostics: all located"
