# Shared by the site tests: where the test site is built and the options it is built with.
set -euo pipefail
: "${KAOWU:?run through ctest}" "${KAOWU_SOURCE_DIR:?}" "${KAOWU_BUILD_DIR:?}" "${KAOWU_TESTS_DIR:?}"
SITE_OUT="$KAOWU_BUILD_DIR/site-test/public"
ARTIFACTS="$KAOWU_BUILD_DIR/site-artifacts"
# A fixed base URL (so subscribe links, webcal:// and QR codes appear) and a fixed day (so past,
# open and upcoming statuses all appear in the 2024 calendars).
SITE_OPTIONS=(--base-url https://example.org/kaowu/ --today 2024-04-15)
build_site() { # build_site OUTPUT [extra options]
  local out=$1; shift
  "$KAOWU" build "$KAOWU_SOURCE_DIR/calendars" -o "$out" --color never "${SITE_OPTIONS[@]}" "$@"
}
