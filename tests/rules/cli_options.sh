#!/bin/bash
# The command-line contract of `kaowu check`: --lang, --deny-warnings, --format json, the summary
# line and the exit codes, and `kaowu explain` with its examples.
set -uo pipefail
fail=0
expect() { # description, condition
  if eval "$2"; then echo "ok   $1"; else echo "FAIL $1"; fail=1; fi
}
run() { bash "$KAOWU_TESTS_DIR/rules/run_report.sh" "$@"; }

shipped_zh=$(run - --color never)
shipped_en=$(run - --lang en --color never)
denied=$(run - --deny-warnings --color never)
expect "default language is Chinese, with the summary line" '[[ "$shipped_zh" == *"0 个错误，1 个警告"* ]]'
expect "--lang en gives English" '[[ "$shipped_en" == *"0 errors, 1 warning"* && "$shipped_en" == *"lies outside"* ]]'
expect "warnings alone pass" '[[ "$shipped_en" == *"exit: 0" ]]'
expect "--deny-warnings fails on a warning" '[[ "$denied" == *"exit: 1" ]]'
broken=$(run fail_opens-too-late_1.toml --lang en --color never)
expect "an error fails the check" '[[ "$broken" == *"exit: 1" && "$broken" == *"error[KW0204]"* ]]'

json=$(run fail_widens-parent_1.toml --format json)
expect "--format json exits 1 on errors" '[[ "$json" == *"exit: 1" ]]'
printf '%s\n' "$json" | sed '$d' >"${TMPDIR:-/tmp}/kaowu-rules-$$.json"
if /usr/bin/python3 - "${TMPDIR:-/tmp}/kaowu-rules-$$.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
assert r["format"] == "kaowu-diagnostics" and r["version"] == 1 and r["lang"] == "zh"
assert set(r["summary"]) == {"errors", "warnings"} and r["summary"]["errors"] == 1
ds = [d for d in r["diagnostics"] if d["code"] == "KW0203"]
assert len(ds) == 1, ds
d = ds[0]
assert set(d) == {"code", "slug", "severity", "message", "location", "help", "notes"}, set(d)
assert d["slug"] == "widens-parent" and d["severity"] == "error"
assert d["location"]["file"].endswith("fail_widens-parent_1.toml") and d["location"]["line"] == 27
assert d["location"]["column"] == 9
assert any(n["location"]["file"] == "calendars/national/national-2022.toml" for n in d["notes"])
assert any("narrows-parent" in n["message"] for n in d["notes"])
PY
then echo "ok   --format json has the documented fields"; else echo "FAIL --format json fields"; fail=1; fi
rm -f "${TMPDIR:-/tmp}/kaowu-rules-$$.json"

explain_en=$("$KAOWU" explain KW0203 --lang en)
explain_zh=$("$KAOWU" explain widens-parent)
expect "explain prints a wrong and a right example (en)" '[[ "$explain_en" == *"Wrong:"* && "$explain_en" == *"Right:"* ]]'
expect "explain in Chinese by default" '[[ "$explain_zh" == *"错误示例"* && "$explain_zh" == *"正确示例"* ]]'
"$KAOWU" explain KW0299 >/dev/null 2>&1
expect "explain of an unknown code exits 2" '[ $? -eq 2 ]'
exit $fail
