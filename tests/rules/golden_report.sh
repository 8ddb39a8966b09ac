#!/bin/bash
# Golden human-readable report: compares `kaowu check` output for a fixture with
# tests/rules/golden/CASE.txt. KAOWU_UPDATE_GOLDEN=1 rewrites the expected file.
# usage: golden_report.sh CASE FIXTURE|- [kaowu check options…]
set -euo pipefail
case_name=$1
shift
expected="$KAOWU_TESTS_DIR/rules/golden/$case_name.txt"
actual=$(mktemp)
trap 'rm -f "$actual"' EXIT
bash "$KAOWU_TESTS_DIR/rules/run_report.sh" "$@" --color never >"$actual"
if [ "${KAOWU_UPDATE_GOLDEN:-0}" = 1 ]; then
  cp "$actual" "$expected"
  echo "updated $expected"
  exit 0
fi
if ! diff -u "$expected" "$actual"; then
  echo "golden report $case_name differs (KAOWU_UPDATE_GOLDEN=1 to accept)"
  exit 1
fi
