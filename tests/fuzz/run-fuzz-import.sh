#!/bin/bash
# Fuzzes read_document(), the readers of `kaowu import` (tests/fuzz/fuzz_import.cpp), for SECONDS
# seconds with libFuzzer, AddressSanitizer and UndefinedBehaviorSanitizer, seeded with the notice
# of tests/import_readers in every format (text, GBK, Markdown, HTML, DOCX, PDF: needs pandoc and
# Chromium, as those tests do).   Usage: bash tests/fuzz/run-fuzz-import.sh [SECONDS]  (default 60)
set -euo pipefail
RUN_SECONDS=${1:-60}
cd "$(dirname "$0")/../.."
source tests/fuzz/fuzz-build.sh kaowu_fuzz_import

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/seeds" "$WORK/corpus" "$BUILD/fuzz-artifacts"
# Each seed is the selector byte of fuzz_import.cpp's kNames (0 txt, 1 md, 2 html, 3 docx,
# 4 pdf) followed by the notice in that format.
/usr/bin/python3 - "$WORK" <<'PY'
import os, sys
sys.path.insert(0, os.path.join(os.getcwd(), "tests/import_readers"))
import notices
work = sys.argv[1]
files = notices.make_all(work)
selector = {".txt": 0, ".md": 1, ".html": 2, ".docx": 3, ".pdf": 4}
for name, path in files.items():
    with open(os.path.join(work, "seeds", name), "wb") as f:
        f.write(bytes([selector[os.path.splitext(name)[1]]]) + open(path, "rb").read())
PY
echo "fuzz-import: $(ls "$WORK/seeds" | wc -l) seeds, $RUN_SECONDS s"
cd "$WORK"
"$BUILD/kaowu_fuzz_import" -max_total_time="$RUN_SECONDS" -timeout=30 -rss_limit_mb=2560 -max_len=262144 \
  -artifact_prefix="$BUILD/fuzz-artifacts/" -print_final_stats=1 "$WORK/corpus" "$WORK/seeds"
