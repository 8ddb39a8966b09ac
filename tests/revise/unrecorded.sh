#!/bin/bash
# KW0402: `kaowu check` compares the dates with the previous build (the output directory's
# feeds/<calendar>.json) and warns, at the phase, of a date changed with no revision recorded;
# a raised and recorded revision (the postponement's revision 2) gives no such warning.
set -euo pipefail
: "${KAOWU:?run through ctest}" "${KAOWU_TESTS_DIR:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cp -r "$KAOWU_TESTS_DIR/revise/postponement/v1" "$tmp/p"
cd "$tmp/p"
"$KAOWU" build --color never >/dev/null 2>&1 || fail "revision 1 does not build"
"$KAOWU" check --lang en --color never >"$tmp/clean.out" 2>&1 || fail "revision 1 does not check"
grep -q KW0402 "$tmp/clean.out" && fail "KW0402 with nothing changed: $(cat "$tmp/clean.out")"
# The registration closes a day later, revision unchanged.
sed -i 's/^end = 2023-12-14$/end = 2023-12-15/' calendars/regions/demo-2024.toml
"$KAOWU" check --lang en --color never >"$tmp/changed.out" 2>&1 || fail "a warning made check fail"
want="calendars/regions/demo-2024.toml:33:9: warning[KW0402]: '网上报名' (registration) changed since the last build (2023-12-01/2023-12-14 → 2023-12-01/2023-12-15), but no revision records it"
grep -qF -- "$want" "$tmp/changed.out" || { cat "$tmp/changed.out"; fail "no '$want'"; }
[ "$(grep -c KW0402 "$tmp/changed.out")" = 1 ] || fail "KW0402 reported more than once"
# One truth with calendars/README.md: `kaowu diff` records only the key that changed (the end),
# and that block, pasted with revision 2, checks clean: no KW0012, no KW0402.
"$KAOWU" diff "$KAOWU_TESTS_DIR/revise/postponement/v1" . >"$tmp/diff.out" 2>&1 || fail "kaowu diff failed: $(cat "$tmp/diff.out")"
block=$(sed -n '/^    \[\[revisions\]\]$/,/^$/p' "$tmp/diff.out" | sed 's/^    //' | grep -v '^#')
echo "$block" | grep -qx 'end = 2023-12-14' || fail "the diff block does not record the old end: $block"
echo "$block" | grep -q '^start = ' && fail "the diff block repeats the unchanged start: $block"
cp calendars/regions/demo-2024.toml "$tmp/region.toml"
sed -i 's/^region = "示例"$/region = "示例"\nrevision = 2/' calendars/regions/demo-2024.toml
{ echo; echo "$block" | sed 's/^revision = 2$/revision = 2\nissued = 2023-11-28\ntitle = "关于延长报名时间的通知"/'; } >>calendars/regions/demo-2024.toml
"$KAOWU" check --lang en --color never >"$tmp/pasted.out" 2>&1 || fail "the pasted block does not check: $(cat "$tmp/pasted.out")"
grep -q 'KW0012\|KW0402\|KW0119' "$tmp/pasted.out" && fail "the pasted block is reported: $(cat "$tmp/pasted.out")"
cp "$tmp/region.toml" calendars/regions/demo-2024.toml
# Revision 2, recorded, over revision 1's build: no warning.
rm -rf calendars notices
cp -r "$KAOWU_TESTS_DIR/revise/postponement/v2/calendars" "$KAOWU_TESTS_DIR/revise/postponement/v2/notices" .
"$KAOWU" check --lang en --color never >"$tmp/recorded.out" 2>&1 || fail "revision 2 does not check"
grep -q KW0402 "$tmp/recorded.out" && fail "KW0402 for a recorded revision: $(cat "$tmp/recorded.out")"
# The shipped calendars, built and checked again unchanged: an opening day ("2021年12月8日起", no
# end in the feed) and timed sessions are no change either.
mkdir "$tmp/shipped" && cp -r "$KAOWU_TESTS_DIR/../calendars" "$KAOWU_TESTS_DIR/../notices" "$tmp/shipped/"
cd "$tmp/shipped"
"$KAOWU" build --color never >/dev/null 2>&1 || fail "the shipped calendars do not build"
"$KAOWU" check --lang en --color never >"$tmp/shipped.out" 2>&1 || fail "the shipped calendars do not check"
grep -q KW0402 "$tmp/shipped.out" && fail "KW0402 with nothing changed: $(grep -A1 KW0402 "$tmp/shipped.out")"
echo "ok unrecorded"
