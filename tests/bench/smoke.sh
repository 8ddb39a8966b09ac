#!/bin/bash
# bench-smoke: the benchmark's fixture generator at a tiny scale must still produce calendars and
# notices that kaowu checks and builds with 0 errors and 0 warnings, so the generator cannot rot
# while the formats evolve. No timing here: the suite has no timed assertions.
set -euo pipefail
: "${KAOWU:?}" "${KAOWU_SOURCE_DIR:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

/usr/bin/python3 "$KAOWU_SOURCE_DIR/tests/bench/gen_fixture.py" "$tmp/fixture" --regions 2 --sites 3 --notices 60 >/dev/null
# Same input, same bytes: the generator is deterministic.
/usr/bin/python3 "$KAOWU_SOURCE_DIR/tests/bench/gen_fixture.py" "$tmp/again" --regions 2 --sites 3 --notices 60 >/dev/null
diff -r "$tmp/fixture" "$tmp/again" >/dev/null || { echo "generator output differs between runs"; exit 1; }

count() { find "$1" -type f -name "$2" | wc -l; }
[ "$(count "$tmp/fixture/calendars" '*.toml')" -ge 9 ] || { echo "too few calendar files"; exit 1; }
[ "$(count "$tmp/fixture/notices" '*.md')" -eq 60 ] || { echo "expected 60 notices"; exit 1; }

"$KAOWU" check --lang en "$tmp/fixture/calendars" 2>"$tmp/check.txt" || { cat "$tmp/check.txt"; exit 1; }
"$KAOWU" build --lang en "$tmp/fixture/calendars" -o "$tmp/out" --notices "$tmp/fixture/notices" \
  --templates "$KAOWU_SOURCE_DIR/templates" 2>"$tmp/build.txt" || { cat "$tmp/build.txt"; exit 1; }
grep -q '^0 errors, 0 warnings' "$tmp/build.txt" || { echo "build is not clean:"; cat "$tmp/build.txt"; exit 1; }
[ -d "$tmp/out" ] || { echo "no output directory"; exit 1; }
# All 60 notices get pages; atom.xml carries the 50 newest only.
[ "$(count "$tmp/out/notices" '*.html')" -eq 60 ] || { echo "expected 60 notice pages"; exit 1; }
[ "$(grep -c '<entry>' "$tmp/out/atom.xml")" -eq 50 ] || { echo "atom.xml should hold the 50 newest notices"; exit 1; }
echo "bench-smoke: $(find "$tmp/out" -type f | wc -l) files built from the small fixture"
