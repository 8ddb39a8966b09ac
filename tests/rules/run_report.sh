#!/bin/bash
# Runs `kaowu check` the way a centre does, over a copy of the shipped calendars/ with one
# fixture applied (its "# replaces:" files removed), from a temporary working directory so the
# paths in the report are calendars/… . Prints the report (stderr) and the exit code.
# usage: run_report.sh FIXTURE|- [kaowu check options…]
set -euo pipefail
fixture=$1
shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$KAOWU_SOURCE_DIR/calendars" "$work/calendars"
if [ "$fixture" != - ]; then
  src="$KAOWU_TESTS_DIR/rules/fixtures/$fixture"
  for f in $(find "$src" -name '*.toml'); do
    sed -n 's/^# replaces: *//p' "$f" | while read -r replaced; do rm -f "$work/$replaced"; done
  done
  mkdir -p "$work/calendars/fixture"
  if [ -d "$src" ]; then cp "$src"/*.toml "$work/calendars/fixture/"; else cp "$src" "$work/calendars/fixture/"; fi
fi
cd "$work"
set +e
"$KAOWU" check calendars "$@" 2>&1
echo "exit: $?"
