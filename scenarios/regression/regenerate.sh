#!/bin/sh
# Regenerates the expected results scenarios/regression/expected/<stem>.json of every regression
# scenario scenarios/regression/<stem>.json: the results of `sliversim run` (all four schemes)
# without `timing` and `tool`, which change on every run and are never compared. Run it only when
# a change of results is intended (see docs/ci/README.md, "Blessing new expected results"), and
# review `git diff scenarios/regression/expected` before committing.
#   scenarios/regression/regenerate.sh [SLIVERSIM]     (default: build/release/sliversim)
set -eu
cd "$(dirname "$0")/../.."
bin=${1:-build/release/sliversim}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p scenarios/regression/expected
for scenario in scenarios/regression/*.json; do
  stem=$(basename "$scenario" .json)
  "$bin" run "$scenario" --quiet --out "$tmp/$stem.json" > /dev/null
  /usr/bin/python3 - "$tmp/$stem.json" "scenarios/regression/expected/$stem.json" <<'PY'
import json
import sys

results = json.load(open(sys.argv[1]))
for key in ("timing", "tool"):
    results.pop(key, None)
with open(sys.argv[2], "w") as out:
    out.write(json.dumps(results, indent=2, sort_keys=True) + "\n")
PY
  echo "scenarios/regression/expected/$stem.json"
done
