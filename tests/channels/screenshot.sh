#!/bin/bash
# Writes the pasted form of every WeChat export (export_check.py), then photographs it at 360 px.
set -euo pipefail
: "${KAOWU_BUILD_DIR:?run through ctest}" "${KAOWU_TESTS_DIR:?}"
ART="$KAOWU_BUILD_DIR/channels-artifacts/wechat-pasted"
rm -rf "$ART"
/usr/bin/python3 "$KAOWU_TESTS_DIR/channels/export_check.py" wechat "$ART" >/dev/null
node "$KAOWU_TESTS_DIR/channels/screenshot.mjs"
