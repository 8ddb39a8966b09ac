#!/bin/bash
# bench-smoke: the benchmark's fixture generator at a tiny scale must still produce calendars and
# notices that kaowu checks and builds with 0 errors and 0 warnings, so the generator cannot rot
# while the formats evolve. If Hugo is installed, the Hugo side is covered too: `kaowu notices`
# binds the fixture's notices and the Hugo site built from them does the same work (a page per
# notice with kaowu's page elements, RSS of the 50 newest, a sitemap). Finally the harness runs end
# to end at a tiny scale, so its report cannot rot either. No timing is asserted: the suite has
# no timed assertions.
set -euo pipefail
: "${KAOWU:?}" "${KAOWU_SOURCE_DIR:?}"
BENCH="$KAOWU_SOURCE_DIR/tests/bench"
# In RAM where there is one: creating many small files on these virtual disks is slow.
tmp=$(mktemp -d -p /dev/shm 2>/dev/null || mktemp -d)
trap 'rm -rf "$tmp"' EXIT

/usr/bin/python3 "$BENCH/gen_fixture.py" "$tmp/fixture" --regions 2 --sites 3 --notices 60 >/dev/null
# Same input, same bytes: the generator is deterministic.
/usr/bin/python3 "$BENCH/gen_fixture.py" "$tmp/again" --regions 2 --sites 3 --notices 60 >/dev/null
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

if command -v hugo >/dev/null; then
  # prepare runs `kaowu notices` and fails on an error or a placeholder left unbound.
  /usr/bin/python3 "$BENCH/hugo_site.py" prepare "$tmp/hugo" --kaowu "$KAOWU" --fixture "$tmp/fixture" \
    --templates "$KAOWU_SOURCE_DIR/templates"
  [ "$(count "$tmp/hugo/content" '*.md')" -eq 60 ] || { echo "expected 60 bound notices for Hugo"; exit 1; }
  hugo --quiet -s "$tmp/hugo" -d "$tmp/hugo-out" --cacheDir "$tmp/hugo-cache"
  /usr/bin/python3 "$BENCH/hugo_site.py" verify "$tmp/hugo-out" --notices 60
  echo "bench-smoke: Hugo built the same 60 notices ($(find "$tmp/hugo-out" -type f | wc -l) files)"
  hugo_flag=()
else
  echo "bench-smoke: hugo is not installed: the Hugo side is skipped (tests/bench/run.sh installs it)"
  hugo_flag=(--no-hugo)
fi

# The harness end to end: two tiny scales, one run each; only that it completes and reports.
/usr/bin/python3 "$BENCH/bench.py" --kaowu "$KAOWU" --templates "$KAOWU_SOURCE_DIR/templates" \
  --work "$tmp/bench" --scales 0.002,0.004 --runs 1 --commit smoke "${hugo_flag[@]}" >"$tmp/report.md" 2>"$tmp/bench.txt" \
  || { cat "$tmp/bench.txt"; exit 1; }
grep -q '^| nothing-changed rebuild writes no file |' "$tmp/report.md" || { cat "$tmp/report.md"; echo "no targets table"; exit 1; }
echo "bench-smoke: the harness ran end to end"
