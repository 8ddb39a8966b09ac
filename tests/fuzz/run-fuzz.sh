#!/bin/bash
# Fuzzes load -> resolve -> check -> render_all -> printers (tests/fuzz/fuzz_pipeline.cpp) for
# SECONDS seconds with libFuzzer, AddressSanitizer and UndefinedBehaviorSanitizer (Debian clang
# and libclang-rt-14-dev), seeded with calendars/ and the robustness corpus.
#   Usage: bash tests/fuzz/run-fuzz.sh [SECONDS]        (default 60)
# Exits non-zero on a crash, a sanitizer report, a leak, a hang (> 30 s on one input) or an
# output the target rejects; the input that did it is kept in build-fuzz/fuzz-artifacts/.
set -euo pipefail
RUN_SECONDS=${1:-60}
cd "$(dirname "$0")/../.."
ROOT=$PWD
source tests/fuzz/fuzz-build.sh kaowu_fuzz kaowu_fuzz_previous

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
SEEDS=$WORK/seeds
mkdir -p "$SEEDS" "$WORK/corpus" "$BUILD/fuzz-artifacts"
n=0
seed() { n=$((n + 1)); cat > "$SEEDS/seed-$n.toml"; }
# Documents of one input are separated by a line "#---" (see fuzz_pipeline.cpp).
join_docs() {
  local first=1
  for f in "$@"; do
    [ $first = 1 ] || printf '\n#---\n'
    first=0
    cat "$f"
  done
}
while IFS= read -r -d '' f; do seed < "$f"; done < <(find calendars tests/robustness/cases -name '*.toml' -size -64k -print0 | sort -z)
# Whole parent chains with their catalogue and holidays, so resolution and rendering run.
join_docs calendars/regions/beijing-2024.toml calendars/sites/beijing-2024-fengtai.toml \
  calendars/catalogues/chuzhongji-2024.toml calendars/holidays/2023.toml calendars/holidays/2024.toml | seed
join_docs calendars/national/national-2021.toml calendars/holidays/2021.toml | seed
join_docs calendars/national/national-2022.toml calendars/regions/heilongjiang-2022.toml \
  calendars/catalogues/chuzhongji-2022.toml calendars/holidays/2021.toml calendars/holidays/2022.toml | seed
join_docs calendars/regions/zhejiang-2024-senior.toml calendars/catalogues/senior-zhejiang-2024.toml | seed
# Notices and templates ride along as sections "#notice <calendar>" and "#template <name>".
with_header() { printf '%s\n' "$1"; cat "$2"; }
for f in notices/*/*.md; do
  cal=$(basename "$(dirname "$f")")
  { join_docs calendars/national/national-2021.toml calendars/regions/beijing-2024.toml \
      calendars/sites/beijing-2024-fengtai.toml calendars/catalogues/chuzhongji-2024.toml calendars/regions/heilongjiang-2022.toml \
      calendars/national/national-2022.toml calendars/catalogues/chuzhongji-2022.toml calendars/regions/zhejiang-2024-senior.toml \
      calendars/catalogues/senior-zhejiang-2024.toml
    printf '\n#---\n'; with_header "#notice $cal" "$f"; } | seed
done
for t in templates/*.mustache; do
  { cat calendars/national/national-2021.toml; printf '\n#---\n'; with_header "#template $(basename "$t")" "$t"; } | seed
done
for d in tests/robustness/cases/*/; do
  mapfile -t files < <(find "$d" -name '*.toml' | sort)
  [ ${#files[@]} -gt 0 ] && join_docs "${files[@]}" | seed
done
# The corpus's bad notices and templates, beside the calendars they name.
for f in tests/robustness/cases/*.md; do
  { join_docs calendars/regions/beijing-2024.toml calendars/sites/beijing-2024-fengtai.toml       calendars/catalogues/chuzhongji-2024.toml
    printf '\n#---\n'; with_header "#notice beijing-2024-fengtai" "$f"; } | seed
done
while IFS= read -r -d '' t; do
  { cat calendars/national/national-2021.toml; printf '\n#---\n'; with_header "#template $(basename "$t")" "$t"; } | seed
done < <(find tests/robustness/cases -path '*/templates/*.mustache' -print0 | sort -z)
echo "fuzz: $n seeds, $RUN_SECONDS s"

cd "$WORK"
"$BUILD/kaowu_fuzz" -max_total_time="$RUN_SECONDS" -timeout=30 -rss_limit_mb=2560 -max_len=131072 \
  -dict="$ROOT/tests/fuzz/kaowu.dict" -artifact_prefix="$BUILD/fuzz-artifacts/" -print_final_stats=1 \
  "$WORK/corpus" "$SEEDS"

# The previous build's stamp and feeds (tests/fuzz/fuzz_previous_build.cpp), a quarter of the
# time, seeded with a real stamp and feed shape.
PREVIOUS=$WORK/previous
mkdir -p "$PREVIOUS/seeds" "$PREVIOUS/corpus"
printf 'kaowu build stamp 2\nfingerprint -\nclean no\nindex.html\t12\t00112233445566778899aabbccddeeff\nend 0\n#---\n{"calendar":{"id":"fuzz-2024","revision":1},"items":[{"id":"registration","start":"2023-12-01","end":"2023-12-14"},{"id":"exam/d1","start":"2024-04-13"}]}\n' \
  > "$PREVIOUS/seeds/seed-1"
"$BUILD/kaowu_fuzz_previous" -max_total_time="$(( (RUN_SECONDS + 3) / 4 ))" -timeout=30 -rss_limit_mb=2560 -max_len=65536 \
  -artifact_prefix="$BUILD/fuzz-artifacts/" -print_final_stats=1 "$PREVIOUS/corpus" "$PREVIOUS/seeds"
