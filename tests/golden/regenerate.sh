#!/bin/sh
# Regenerates the golden results, without timing, tool and scenario.path (what the tests compare):
# - tests/golden/<stem>.json for every scenario scenarios/<stem>.json (sweep files excluded): the
#   results of `sliversim run` with only the analytic msr_bound scheme (tests/run_test.cpp);
# - tests/golden/schemes/small_churn.json: all four schemes, real codec repairs included, on
#   tests/schemes/small_churn.json (tests/schemes_run_test.cpp).
# Run it only when a change of results is intended, and review the diff before committing it.
#   tests/golden/regenerate.sh [SLIVERSIM]     (default: build/release/sliversim)
set -eu
cd "$(dirname "$0")/../.."
bin=${1:-build/release/sliversim}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# strip RESULTS GOLDEN: writes RESULTS without its run-dependent keys to GOLDEN.
strip() {
  /usr/bin/python3 - "$1" "$2" <<'PY'
import json
import sys

results = json.load(open(sys.argv[1]))
for key in ("timing", "tool"):
    results.pop(key, None)
results["scenario"].pop("path", None)
with open(sys.argv[2], "w") as out:
    out.write(json.dumps(results, indent=2, sort_keys=True) + "\n")
PY
  echo "$2"
}

for scenario in scenarios/*.json; do
  grep -q '"sweep"[[:space:]]*:' "$scenario" && continue
  stem=$(basename "$scenario" .json)
  "$bin" run "$scenario" --quiet --out "$tmp/$stem.json" \
    --set /schemes/redstuff/enabled=false --set /schemes/rs_rebuild/enabled=false \
    --set /schemes/replication/enabled=false > /dev/null
  strip "$tmp/$stem.json" "tests/golden/$stem.json"
done

mkdir -p tests/golden/schemes
"$bin" run tests/schemes/small_churn.json --quiet --threads 1 --out "$tmp/small_churn.json" > /dev/null
strip "$tmp/small_churn.json" tests/golden/schemes/small_churn.json
