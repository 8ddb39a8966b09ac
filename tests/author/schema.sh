#!/bin/bash
# The editor schema (schema/*.schema.json) keeps step with the loader, as taplo (the engine of
# Even Better TOML) reads it:
#  - the schemas are assembled from schema/src/ (python3 schema/assemble.py --check);
#  - every shipped calendar, catalogue, holidays file and rules.toml validates through the
#    repository's .taplo.toml, and so does every passing fixture and what `kaowu new` writes;
#  - every fixture of an unknown key, a wrong type or a bad rule parameter (and of a bad id,
#    value, time or missing key) is rejected by the schema and by kaowu check alike;
#  - the shipped notices' front matter validates against notice.schema.json.
set -uo pipefail
: "${KAOWU:?}" "${KAOWU_SOURCE_DIR:?}" "${KAOWU_TESTS_DIR:?}"
TAPLO=$KAOWU_TESTS_DIR/node_modules/.bin/taplo
[ -x "$TAPLO" ] || { echo "FAIL: $TAPLO missing: cd tests && npm ci" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
S=$KAOWU_SOURCE_DIR/schema
FAILED=0

# The schema a document's kind needs, from its top-level table.
schema_for() {
  if grep -q '^\[calendar' "$1"; then echo calendar
  elif grep -q '^\[catalogue' "$1"; then echo catalogue
  elif grep -q '^\[holidays' "$1"; then echo holidays
  elif grep -q '^\[\[rules' "$1"; then echo rules
  else echo unknown; fi
}
# stage DIR FILE…: copies of the files under DIR/<kind>/, for one taplo run per kind (taplo
# takes a second or more to start). taplo refuses a byte-order mark (kaowu accepts one), so the
# copies have none.
stage() {
  local dir=$1; shift
  for f in "$@"; do
    sed '1s/^\xEF\xBB\xBF//' "$f" >"$WORK/doc.toml"
    local kind; kind=$(schema_for "$WORK/doc.toml")
    mkdir -p "$dir/$kind"
    mv "$WORK/doc.toml" "$dir/$kind/$(echo "$f" | sed "s|^$KAOWU_TESTS_DIR/||; s|/|__|g")"
  done
}
# lint_staged DIR: taplo over each kind's copies with that kind's schema; the files it rejects
# are listed in DIR.rejected.
lint_staged() {
  : >"$1.rejected"
  for kind_dir in "$1"/*/; do
    local kind; kind=$(basename "$kind_dir")
    "$TAPLO" lint --schema "file://$S/$kind.schema.json" "$kind_dir"*.toml >"$1.$kind.log" 2>&1
    sed -n 's/.*invalid file.* path="\([^"]*\)".*/\1/p' "$1.$kind.log" | xargs -r -n1 basename >>"$1.rejected"
  done
}
rejected() { grep -qxF "$(echo "$2" | sed "s|^$KAOWU_TESTS_DIR/||; s|/|__|g")" "$1.rejected"; }

/usr/bin/python3 "$S/assemble.py" --check || fail "schema/*.schema.json are not assembled from schema/src/"

# 1. The shipped files, through the repository's .taplo.toml (the association editors use).
(cd "$KAOWU_SOURCE_DIR" && "$TAPLO" lint calendars/*/*.toml calendars/*.toml) >"$WORK/lint" 2>&1 ||
  { grep -vE '^ INFO' "$WORK/lint" >&2; fail "a shipped file does not validate"; }
# … and the association is in force: a misspelt table in a copy of the layout is reported.
mkdir "$WORK/layout" && cp -r "$KAOWU_SOURCE_DIR/.taplo.toml" "$S" "$KAOWU_SOURCE_DIR/calendars" "$WORK/layout/"
BROKEN="sites/beijing-2024-fengtai.toml catalogues/chuzhongji-2022.toml holidays/2024.toml rules.toml"
for f in $BROKEN; do printf '\n[[nonsense]]\nx = 1\n' >>"$WORK/layout/calendars/$f"; done
(cd "$WORK/layout" && "$TAPLO" lint calendars/*/*.toml calendars/*.toml) >"$WORK/layout.log" 2>&1
for f in $BROKEN; do
  grep -q "invalid file.*path=\"$WORK/layout/calendars/$f\"" "$WORK/layout.log" || fail ".taplo.toml applies no schema to calendars/$f"
done

# 2. Passing fixtures validate.
PASSING=$(find "$KAOWU_TESTS_DIR"/*/fixtures -name '*.toml' | grep '/pass_' | sort)
stage "$WORK/pass" $PASSING
lint_staged "$WORK/pass"
for f in $PASSING; do
  rejected "$WORK/pass" "$f" && { echo "--- the schema rejects $f" >&2; FAILED=1; }
done
[ "$FAILED" = 0 ] || { cat "$WORK"/pass.*.log | grep -E '^error|┌' | head -20 >&2; }

# 3. Fixtures of mistakes the schema can see: rejected by taplo, and by kaowu check.
# A quoted date ("2024-01-29") is the one it cannot: taplo hands TOML dates to JSON Schema as
# strings, so no schema tells the two apart. kaowu check reports it (KW0005, with the hint to
# drop the quotes); the test asserts that taplo still accepts it, so the note stays true.
QUOTED_DATE=fail_wrong_type_1.toml
MISTAKES=$(grep -lE '^\W*# expect: KW0(004|005|006|007|008|009|014|217|218|219) ' -r "$KAOWU_TESTS_DIR"/load/fixtures "$KAOWU_TESTS_DIR"/rules/fixtures | sort)
stage "$WORK/fail" $MISTAKES
lint_staged "$WORK/fail"
for f in $MISTAKES; do
  name=$(basename "$f")
  if ! rejected "$WORK/fail" "$f"; then
    [ "$name" = "$QUOTED_DATE" ] || { echo "--- the schema accepts $f" >&2; FAILED=1; }
  else
    [ "$name" = "$QUOTED_DATE" ] && { echo "--- taplo now rejects $f: drop the QUOTED_DATE exception" >&2; FAILED=1; }
  fi
  # The loader: the shipped calendars with the fixture (minus the files it replaces).
  rm -rf "$WORK/project" && mkdir "$WORK/project" && cp -r "$KAOWU_SOURCE_DIR/calendars" "$WORK/project/"
  for r in $(sed -n 's/^# replaces: calendars\///p' "$f"); do rm -f "$WORK/project/calendars/$r"; done
  cp "$f" "$WORK/project/calendars/$name"
  code=$(grep -oE 'expect: KW[0-9]{4}' "$f" | head -1 | cut -d' ' -f2)
  "$KAOWU" check "$WORK/project" >/dev/null 2>"$WORK/check" && { echo "--- kaowu check accepts $f" >&2; FAILED=1; }
  grep -q "$name:[0-9]*:[0-9]*: error\[$code\]" "$WORK/check" || { echo "--- kaowu check lacks $code for $f" >&2; FAILED=1; }
done

# 4. What kaowu new writes validates, through the new project's own .taplo.toml and schema.
"$KAOWU" new project "$WORK/centre" >/dev/null || fail "new project"
(cd "$WORK/centre" && "$KAOWU" new region national-2021 zj-2021 >/dev/null && "$KAOWU" new site zj-2021 hz-2021 >/dev/null) ||
  fail "new region and site"
(cd "$WORK/centre" && "$TAPLO" lint calendars/*/*.toml calendars/*.toml) >"$WORK/lint" 2>&1 ||
  { grep -vE '^ INFO' "$WORK/lint" >&2; fail "what kaowu new writes does not validate"; }
cmp -s "$WORK/centre/schema/calendar.schema.json" "$S/calendar.schema.json" || fail "a new project's schema differs from schema/"

# 5. Notice front matter: the TOML between the +++ lines, and a misspelt key in it.
mkdir -p "$WORK/front"
for n in "$KAOWU_SOURCE_DIR"/notices/*/*.md; do
  awk 'NR == 1 && /^\+\+\+/ { on = 1; next } on && /^\+\+\+/ { exit } on' "$n" >"$WORK/front/$(basename "$(dirname "$n")")--$(basename "$n" .md).toml"
done
printf 'title = "x"\ndate = 2024-01-01\ntitel = "y"\n' >"$WORK/front/zz-misspelt.toml"
"$TAPLO" lint --schema "file://$S/notice.schema.json" "$WORK"/front/*.toml >"$WORK/front.log" 2>&1
[ "$(grep -c 'invalid file' "$WORK/front.log")" = 1 ] && grep -q 'invalid file.*zz-misspelt' "$WORK/front.log" ||
  { grep -E '^error|┌|invalid file' "$WORK/front.log" >&2; fail "notice front matter: only the misspelt one must be rejected"; }

[ "$FAILED" = 0 ] || fail "see above"
echo "ok: schema"
