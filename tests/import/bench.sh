#!/bin/bash
# The import speed: a 60 KB notice made of the fixtures' own text (every line dated, far denser
# than a real notice), imported RUNS times; prints the median wall time. Not a test (the suite has
# no timed assertions). Usage: tests/import/bench.sh KAOWU [RUNS]
set -euo pipefail
KAOWU=${1:?usage: bench.sh KAOWU [RUNS]}
RUNS=${2:-11}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d /dev/shm/kaowu-import-bench.XXXXXX 2>/dev/null || mktemp -d)
trap 'rm -rf "$WORK"' EXIT
: >"$WORK/notice.txt"
while [ "$(stat -c %s "$WORK/notice.txt")" -lt 61440 ]; do cat "$HERE/fixtures/national.txt" >>"$WORK/notice.txt"; done
for _ in $(seq "$RUNS"); do
  s=$(date +%s%N)
  "$KAOWU" import "$WORK/notice.txt" >/dev/null 2>&1
  echo $(( ($(date +%s%N) - s) / 1000000 ))
done | sort -n | awk -v size="$(stat -c %s "$WORK/notice.txt")" '{t[NR]=$1} END {printf "kaowu import: %d bytes, median %d ms over %d runs (min %d, max %d)\n", size, t[int((NR+1)/2)], NR, t[1], t[NR]}'
