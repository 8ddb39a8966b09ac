#!/bin/bash
# `kaowu diff --since REV` in a git checkout: revision 1 of the postponement committed, revision 2
# in the working tree; it reports what `kaowu diff v1 v2` reports (JSON compared), from the project
# root and given its calendars/ folder (`.`). A revision git does not know is exit 2 with the reason.
set -euo pipefail
: "${KAOWU:?run through ctest}" "${KAOWU_TESTS_DIR:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
P=$KAOWU_TESTS_DIR/revise/postponement
cp -r "$P/v1" "$tmp/repo"
cd "$tmp/repo"
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.org GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.org
git init -q . && git add -A && git commit -qm "revision 1"
rm -rf calendars notices && cp -r "$P/v2/calendars" "$P/v2/notices" .
"$KAOWU" diff "$P/v1" "$P/v2" --format json >"$tmp/dirs.json"
"$KAOWU" diff --since HEAD --format json >"$tmp/since.json" || fail "kaowu diff --since HEAD failed"
(cd calendars && "$KAOWU" diff --since HEAD . --format json) >"$tmp/since-cal.json" || fail "from calendars/ it failed"
python3 - "$tmp" <<'PY'
import json, sys
tmp = sys.argv[1]
def changes(name):
    j = json.load(open(f"{tmp}/{name}"))
    return sorted((c["id"], ch["id"], ch["change"]) for c in j["calendars"] for ch in c["changes"])
want = changes("dirs.json")
assert want, "kaowu diff OLD NEW reports nothing"
for name in ("since.json", "since-cal.json"):
    assert changes(name) == want, f"{name}: {changes(name)} != {want}"
PY
set +e
"$KAOWU" diff --since no-such-rev >"$tmp/bad.out" 2>&1
rc=$?
set -e
[ "$rc" = 2 ] || fail "an unknown revision exits $rc"
grep -q "no-such-rev" "$tmp/bad.out" || fail "the error does not name the revision: $(cat "$tmp/bad.out")"
echo "ok diff --since"
