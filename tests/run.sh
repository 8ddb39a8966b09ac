#!/bin/bash
# The whole test suite (README's test command; .ci/run runs it). On a fresh Debian 12 machine, as
# root, it first installs what it needs: the build packages (.ci/setup), the test tools from
# Debian, and the npm validators pinned in tests/package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
source_setup() { bash .ci/setup --deps-only; }

TEST_PACKAGES=(python3 python3-icalendar khal calcurse chromium fonts-noto-cjk
  default-jre-headless poppler-utils clang libclang-rt-14-dev llvm xxd curl time
  nginx apache2 pandoc qpdf)

install_test_tools() {
  source_setup
  local missing=()
  for p in "${TEST_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "tests: installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  # playwright-core stays at 1.61, the last release that runs on Debian 12's Node.js 18.
  (cd tests && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
}

PASSED=0
FAILED=0
# Runs ctest in a build directory and adds its counts to the totals.
run_ctest() {
  local dir=$1; shift
  local log
  log=$(mktemp)
  set +e
  ctest --test-dir "$dir" --output-on-failure -j2 "$@" 2>&1 | tee "$log"
  set -e
  local line
  line=$(grep -E 'tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -1)
  rm -f "$log"
  if [ -z "$line" ]; then
    FAILED=$((FAILED + 1))
    return
  fi
  local failed total
  failed=$(sed -E 's/.*passed, ([0-9]+) tests? failed out of ([0-9]+).*/\1/' <<<"$line")
  total=$(sed -E 's/.*passed, ([0-9]+) tests? failed out of ([0-9]+).*/\2/' <<<"$line")
  PASSED=$((PASSED + total - failed))
  FAILED=$((FAILED + failed))
}

install_test_tools

# 1. The whole suite on a release build with warnings as errors.
cmake -S . -B build-test -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKAOWU_WERROR=ON >/dev/null
cmake --build build-test
run_ctest build-test

# 2. The whole suite again under AddressSanitizer and UndefinedBehaviorSanitizer.
if [ "${KAOWU_SKIP_SANITIZERS:-0}" != 1 ]; then
  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DKAOWU_SANITIZE=ON -DKAOWU_WERROR=ON >/dev/null
  cmake --build build-asan
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    run_ctest build-asan -LE no-sanitizer
fi

# 3. The fuzz target (clang, libFuzzer, ASan, UBSan), seeded with calendars/.
if [ "${KAOWU_SKIP_FUZZ:-0}" != 1 ] && [ -f tests/fuzz/run-fuzz.sh ]; then
  if bash tests/fuzz/run-fuzz.sh "${KAOWU_FUZZ_SECONDS:-60}"; then PASSED=$((PASSED + 1)); else FAILED=$((FAILED + 1)); fi
  # The readers of kaowu import, over every format of notice (same build, one more target).
  if bash tests/fuzz/run-fuzz-import.sh "${KAOWU_FUZZ_IMPORT_SECONDS:-20}"; then PASSED=$((PASSED + 1)); else FAILED=$((FAILED + 1)); fi
fi

echo "kaowu: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
