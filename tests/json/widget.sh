#!/bin/bash
# The embed widget in headless Chromium (see widget_test.mjs).
source "$(dirname "$0")/common.sh"
need_node_modules
build_site "$TMP/public"
cd "$KAOWU_TESTS_DIR"
node json/widget_test.mjs "$TMP/public"
