# Shared by the JSON tests: checks the environment ctest gives, makes a temp dir that is removed on
# exit, and builds the shipped calendars into it.
set -euo pipefail
: "${KAOWU:?run through ctest}" "${KAOWU_SOURCE_DIR:?}" "${KAOWU_TESTS_DIR:?}"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# build_site OUT [kaowu build options…]: the shipped calendars and templates, compiled into OUT.
build_site() {
  local out=$1
  shift
  "$KAOWU" build "$KAOWU_SOURCE_DIR/calendars" --templates "$KAOWU_SOURCE_DIR/templates" -o "$out" "$@" \
    >"$TMP/build.log" 2>&1 || { cat "$TMP/build.log"; echo "FAIL: kaowu build $*"; exit 1; }
}

need_node_modules() {
  if [ ! -x "$KAOWU_TESTS_DIR/node_modules/.bin/ajv" ]; then
    echo "FAIL: the npm test tools are missing: run (cd tests && npm ci)"
    exit 1
  fi
}
