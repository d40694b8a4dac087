#!/bin/sh
# Regenerates the golden results tests/golden/<stem>.json of every scenario scenarios/<stem>.json:
# the results of `sliversim run` with only the analytic msr_bound scheme (the real schemes have
# their own end-to-end tests), without timing, tool and scenario.path (what tests/run_test.cpp
# compares). Run it only when a change of results is intended, and review the
# diff before committing it.
#   tests/golden/regenerate.sh [SLIVERSIM]     (default: build/release/sliversim)
set -eu
cd "$(dirname "$0")/../.."
bin=${1:-build/release/sliversim}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for scenario in scenarios/*.json; do
  stem=$(basename "$scenario" .json)
  "$bin" run "$scenario" --quiet --out "$tmp/$stem.json" \
    --set /schemes/redstuff/enabled=false --set /schemes/rs_rebuild/enabled=false \
    --set /schemes/replication/enabled=false > /dev/null
  /usr/bin/python3 - "$tmp/$stem.json" "tests/golden/$stem.json" <<'PY'
import json
import sys

results = json.load(open(sys.argv[1]))
for key in ("timing", "tool"):
    results.pop(key, None)
results["scenario"].pop("path", None)
with open(sys.argv[2], "w") as out:
    out.write(json.dumps(results, indent=2, sort_keys=True) + "\n")
PY
  echo "tests/golden/$stem.json"
done
