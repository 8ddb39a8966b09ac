#!/bin/bash
# Bad notices and templates give located diagnostics (file:line:col, caret, hint), never a crash,
# and nothing is published.
source "$(dirname "$0")/common.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
CAL="$KAOWU_SOURCE_DIR/calendars"
TPL="$KAOWU_SOURCE_DIR/templates"
fail() { echo "FAIL: $*"; exit 1; }
# expect NAME RC PATTERN... : runs kaowu build with the notices in $tmp/NAME
expect() {
  local name=$1 rc=$2; shift 2
  set +e
  "$KAOWU" build "$CAL" -o "$tmp/out-$name" --lang en --color never --notices "$tmp/$name" \
    --templates "${TEMPLATES:-$TPL}" >"$tmp/$name.out" 2>&1
  local got=$?
  set -e
  [ "$got" = "$rc" ] || { cat "$tmp/$name.out"; fail "$name: exit $got, expected $rc"; }
  for pattern in "$@"; do
    grep -qF -- "$pattern" "$tmp/$name.out" || { cat "$tmp/$name.out"; fail "$name: no '$pattern'"; }
  done
  echo "ok $name"
}
notice() { mkdir -p "$tmp/$1/$2"; cat >"$tmp/$1/$2/$3.md"; }

notice unknown beijing-2024-fengtai n <<'MD'
+++
title = "t"
date = 2023-12-04
+++

报名时间：{{phase.registraton}}。
MD
expect unknown 1 "unknown/beijing-2024-fengtai/n.md:6:6: error[KW0301]: unknown placeholder 'phase.registraton'" \
  "did you mean {{phase.registration}}?" "^~~~" "nothing published"
[ ! -e "$tmp/out-unknown" ] || fail "published despite errors"

notice literal beijing-2024-fengtai n <<'MD'
+++
title = "t"
date = 2023-12-04
+++

缴费时间为2024年1月29日至2月8日，考试 4月13、14日。
MD
expect literal 0 "literal/beijing-2024-fengtai/n.md:6:6: warning[KW0302]: the date '2024年1月29日' is typed into the notice, not bound to the calendar" \
  "n.md:6:17: warning[KW0302]: the date '2月8日'" "n.md:6:25: warning[KW0302]: the date '4月13'"

notice nofront beijing-2024-fengtai n <<'MD'
# no front matter
MD
expect nofront 1 "nofront/beijing-2024-fengtai/n.md:1:1: error[KW0305]"

notice badkey beijing-2024-fengtai n <<'MD'
+++
title = "t"
date = 2023-12-04
documnet = "x"
+++
MD
expect badkey 1 "badkey/beijing-2024-fengtai/n.md:4:1: error[KW0004]: unknown key 'documnet'" "did you mean"

notice nocal no-such-calendar n <<'MD'
+++
title = "t"
date = 2023-12-04
+++
MD
expect nocal 1 "error[KW0306]: notices/no-such-calendar/ names no calendar"

notice novalue heilongjiang-2022 n <<'MD'
+++
title = "t"
date = 2021-12-17
+++
费用：{{fee}}
MD
expect novalue 1 "novalue/heilongjiang-2022/n.md:5:4: error[KW0307]: placeholder 'fee' names a value calendar 'heilongjiang-2022' does not give"

# A broken template names its file and line.
mkdir -p "$tmp/empty" "$tmp/templates"
cp -r "$TPL"/. "$tmp/templates/"
printf '<ol>\n{{#phases}}\n<li>{{name}}</li>\n</ol>\n' >"$tmp/templates/_phase-list.mustache"
TEMPLATES="$tmp/templates" expect empty 1 "templates/_phase-list.mustache:2:1: error[KW0303]: template error: Unclosed section"
printf '<p>\n  {{> _nope}}\n' >"$tmp/templates/_phase-list.mustache"
TEMPLATES="$tmp/templates" expect empty 1 "templates/_phase-list.mustache:2:3: error[KW0303]: template error: no partial '_nope'"
rm "$tmp/templates/_phase-list.mustache" "$tmp/templates/index-page.mustache"
TEMPLATES="$tmp/templates" expect empty 1 "error[KW0304]: template 'index-page.mustache' is missing"
echo "site.diagnostics: all located"
