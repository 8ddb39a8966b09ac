#!/bin/bash
# The performance benchmark (issues 8 and 15): one command, from a clean clone, as root on Debian 12.
#   bash tests/bench/run.sh [--runs N] [--scales 1,2,4] [--no-hugo] [--work DIR] [--keep]
# Installs what it needs (hugo, GNU time), builds kaowu as shipped (RelWithDebInfo) in
# build-bench/, generates the fixture and the like-for-like Hugo site (tests/bench/hugo_site.py)
# into /dev/shm, measures everything in one interleaved run and prints the report with the
# commit it measured (see docs/performance.md). Not part of tests/run.sh: the suite has no timed
# assertions (tests/bench/smoke.sh keeps this harness working).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD

need=()
command -v hugo >/dev/null || need+=(hugo)
[ -x /usr/bin/time ] || need+=(time)
[ -x /usr/bin/python3 ] || need+=(python3)
if [ ${#need[@]} -gt 0 ]; then
  echo "bench: installing ${need[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
command -v cmake >/dev/null || bash .ci/setup --deps-only

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKAOWU_TESTS=OFF "${launcher[@]}" >/dev/null
cmake --build build-bench --target kaowu >/dev/null

commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
git -C "$ROOT" diff --quiet HEAD 2>/dev/null || commit="$commit+changes"
exec /usr/bin/python3 tests/bench/bench.py --kaowu build-bench/kaowu --templates "$ROOT/templates" \
  --commit "$commit" "$@"
