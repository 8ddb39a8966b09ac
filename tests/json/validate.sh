#!/bin/bash
# Every .json file `kaowu build` writes for the shipped calendars validates with ajv (draft 2020-12,
# with formats): feeds against kaowu-feed-v1, index.json against kaowu-index-v1, the debug model
# files against the test-only model schema, and the published schemas against the meta-schema.
# Done for relative links and for --base-url. A .json file no schema covers fails the test, and
# the schemas must reject broken feeds (so they are not vacuous).
source "$(dirname "$0")/common.sh"
need_node_modules
cd "$KAOWU_TESTS_DIR"
AJV=(node_modules/.bin/ajv)
SCHEMAS=$KAOWU_SOURCE_DIR/templates/static/schema
MODEL_SCHEMA=$KAOWU_TESTS_DIR/json/schemas/kaowu-model.schema.json
failed=0

# validate SCHEMA FILE…: one ajv run over many files; every file must be reported valid.
validate() {
  local schema=$1
  shift
  [ $# -gt 0 ] || return 0
  local args=()
  for f in "$@"; do args+=(-d "$f"); done
  local log=$TMP/ajv.log
  if ! "${AJV[@]}" validate --spec=draft2020 -c ajv-formats --errors=text -s "$schema" "${args[@]}" >"$log" 2>&1; then
    grep -v ' valid$' "$log" | head -40
    echo "FAIL: not valid against $(basename "$schema")"
    failed=1
  fi
  local ok
  ok=$(grep -c ' valid$' "$log" || true)
  if [ "$ok" -ne $# ]; then
    echo "FAIL: $ok of $# files reported valid against $(basename "$schema")"
    failed=1
  fi
  echo "$(basename "$schema"): $ok files valid"
}

check_build() {
  local out=$1
  local feeds=() index=() model=() schemas=() other=()
  while IFS= read -r f; do
    case "${f#"$out"/}" in
    index.json) index+=("$f") ;;
    feeds/*.json) feeds+=("$f") ;;
    model/*.json) model+=("$f") ;;
    schema/*.schema.json) schemas+=("$f") ;;
    *) other+=("$f") ;;
    esac
  done < <(find "$out" -name '*.json' -type f | sort)
  if [ ${#other[@]} -gt 0 ]; then
    printf 'FAIL: no schema covers %s\n' "${other[@]}"
    failed=1
  fi
  [ ${#feeds[@]} -ge 10 ] && [ ${#index[@]} -eq 1 ] || { echo "FAIL: expected feeds and index.json in $out"; failed=1; }
  for s in "${schemas[@]}"; do
    "${AJV[@]}" compile --spec=draft2020 -c ajv-formats -s "$s" >/dev/null || { echo "FAIL: $s does not compile"; failed=1; }
    cmp -s "$s" "$SCHEMAS/$(basename "$s")" || { echo "FAIL: $s is not the template verbatim"; failed=1; }
  done
  validate "$SCHEMAS/kaowu-feed-v1.schema.json" "${feeds[@]}"
  validate "$SCHEMAS/kaowu-index-v1.schema.json" "${index[@]}"
  validate "$MODEL_SCHEMA" "${model[@]}"
}

# Both layouts: minified (the default) with the model files, and --pretty.
build_site "$TMP/relative" --model
check_build "$TMP/relative"
[ -n "$(ls "$TMP/relative/model")" ] || { echo "FAIL: --model wrote no model files"; failed=1; }
build_site "$TMP/absolute" --base-url https://example.org/kaowu/ --pretty
check_build "$TMP/absolute"
grep -q '"\$schema": "https://example.org/kaowu/schema/kaowu-feed-v1.schema.json"' \
  "$TMP/absolute/feeds/beijing-2024.json" || { echo "FAIL: absolute \$schema"; failed=1; }
[ "$(wc -l <"$TMP/relative/feeds/beijing-2024.json")" -eq 1 ] || { echo "FAIL: the default JSON is not minified"; failed=1; }

# Broken feeds the schema must reject: a tba event with an invented date, a session without its
# time, a window without its deadline, an unknown key, a window marked as a possible exam day.
mkdir -p "$TMP/broken"
/usr/bin/python3 - "$TMP/relative/feeds/beijing-2024-fengtai.json" "$TMP/broken" <<'PY'
import json, sys
feed = json.load(open(sys.argv[1], encoding="utf-8"))
def first(pred):
    return next(i for i, item in enumerate(feed["items"]) if pred(item))
def broken(name, mutate):
    doc = json.loads(json.dumps(feed))
    mutate(doc)
    json.dump(doc, open(f"{sys.argv[2]}/{name}.json", "w", encoding="utf-8"), ensure_ascii=False)
tba = first(lambda i: i["tba"])
session = first(lambda i: i["kind"] == "session")
window = first(lambda i: i["kind"] == "window")
broken("tba-with-date", lambda d: d["items"][tba].update(start="2024-07-01", end="2024-07-01"))
broken("session-all-day", lambda d: d["items"][session].update(all_day=True))
broken("window-without-deadline", lambda d: d["items"][window].update(deadline=None))
broken("unknown-key", lambda d: d.update(generated="2024-01-01T00:00:00Z"))
broken("bad-date", lambda d: d["items"][window].update(start="2024-02-30"))
broken("possible-window", lambda d: d["items"][window].update(possible=True))
PY
for f in "$TMP"/broken/*.json; do
  if "${AJV[@]}" validate --spec=draft2020 -c ajv-formats -s "$SCHEMAS/kaowu-feed-v1.schema.json" -d "$f" >/dev/null 2>&1; then
    echo "FAIL: the feed schema accepts $(basename "$f")"
    failed=1
  else
    echo "rejected as it should be: $(basename "$f")"
  fi
done

[ "$failed" -eq 0 ] && echo "PASS"
exit "$failed"
