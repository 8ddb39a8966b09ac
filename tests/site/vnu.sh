#!/bin/bash
# The Nu Html Checker reports no error on any page kaowu build writes (and none in site.css).
source "$(dirname "$0")/common.sh"
VNU="$KAOWU_TESTS_DIR/node_modules/vnu-jar/build/dist/vnu.jar"
test -f "$VNU" || { echo "missing $VNU: run (cd tests && npm ci)"; exit 1; }
pages=$(find "$SITE_OUT" -name '*.html' | wc -l)
[ "$pages" -gt 0 ]
java -jar "$VNU" --errors-only --also-check-css --skip-non-html --skip-non-css "$SITE_OUT"
echo "site.vnu: 0 errors in $pages pages and site.css"
