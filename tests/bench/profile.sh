#!/bin/bash
# Profiles one `kaowu build` of the benchmark fixture and prints the top functions.
#   bash tests/bench/profile.sh [NOTICES]      (default 2000 notices: callgrind is ~50x slower;
#                                               10000 is the national fixture, about 3 minutes)
# Uses `perf record` when the CPU exposes hardware counters (`perf stat -e instructions true`
# counts something), else valgrind --tool=callgrind (instructions executed, exact and repeatable).
# Run tests/bench/run.sh once first: it builds build-bench/kaowu (RelWithDebInfo, with symbols).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
NOTICES=${1:-2000}
WORK=${KAOWU_BENCH_WORK:-/dev/shm/kaowu-bench}/profile
KAOWU=$ROOT/build-bench/kaowu
[ -x "$KAOWU" ] || { echo "profile: build $KAOWU first (bash tests/bench/run.sh)" >&2; exit 2; }
rm -rf "$WORK" && mkdir -p "$WORK"
/usr/bin/python3 tests/bench/gen_fixture.py "$WORK/fixture" --notices "$NOTICES" >&2
build=("$KAOWU" build "$WORK/fixture/calendars" -o "$WORK/out" --notices "$WORK/fixture/notices"
  --templates "$ROOT/templates")

if perf stat -x, -e instructions true 2>&1 | grep -q '^[0-9]'; then
  perf record -g -o "$WORK/perf.data" -- "${build[@]}" 2>/dev/null
  perf report -i "$WORK/perf.data" --no-children --percent-limit 1 --stdio 2>/dev/null | grep -v '^$' | head -60
else
  command -v valgrind >/dev/null || { apt-get update -qq && apt-get install -y -qq valgrind >/dev/null; }
  echo "profile: no hardware counters here (perf stat -e instructions: not supported); using callgrind" >&2
  valgrind --tool=callgrind --callgrind-out-file="$WORK/callgrind.out" "${build[@]}" 2>/dev/null
  echo "== instructions executed (all threads; the same on a busy machine as on an idle one) =="
  # The stages and the kinds of job, each counted on whichever thread ran it.
  callgrind_annotate --inclusive=yes "$WORK/callgrind.out" 2>/dev/null | perl -ne '
    print "$1  $2\n" if /^\s*([\d,]+ \(\s*[\d.]+%\)).*?(PROGRAM TOTALS|kaowu::(?:compile|bind|render_index_page|render_calendar_pages|render_notice|markdown_to_html|ical_artifact|feed_json_artifact|Publisher::put)\b)/' |
    awk '!seen[$NF]++'
  echo "== inclusive (a function and everything it calls) =="
  callgrind_annotate --inclusive=yes "$WORK/callgrind.out" 2>/dev/null | grep -E '^ *[0-9,]+ \(' | head -40 | cut -c1-180
  echo "== self (instructions in the function itself) =="
  callgrind_annotate "$WORK/callgrind.out" 2>/dev/null | grep -E '^ *[0-9,]+ \(' | head -25 | cut -c1-180
fi
