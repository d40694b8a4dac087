#!/bin/sh
# The regression gate: runs every regression scenario (or the named ones) and compares each result
# with its committed expected result, per-epoch series included. Prints each comparison (the
# metrics that differ) and a summary line per scenario.
#   scenarios/regression/run.sh SLIVERSIM OUT_DIR [STEM...]
# Writes OUT_DIR/<stem>.json (the candidate results) and OUT_DIR/<stem>.compare.json (the
# comparison). Exit 0 when nothing regressed, 1 when some scenario regressed (or its run failed),
# 2 when some comparison could not be made (e.g. expected results of another schema version, or
# a scenario that does not exist or is invalid).
set -u
cd "$(dirname "$0")/../.."
if [ $# -lt 2 ]; then
  echo "usage: scenarios/regression/run.sh SLIVERSIM OUT_DIR [STEM...]" >&2
  exit 2
fi
bin=$1
out=$2
shift 2
[ $# -gt 0 ] || set -- $(for f in scenarios/regression/*.json; do basename "$f" .json; done)
mkdir -p "$out"
regressed=""
unusable=""
summary=""
for stem in "$@"; do
  echo "== regression scenario ${stem} =="
  "$bin" run "scenarios/regression/${stem}.json" --quiet --out "${out}/${stem}.json" \
    > "${out}/${stem}.run.txt"
  rc=$?
  if [ "$rc" -eq 2 ]; then  # bad input (e.g. no such scenario): nothing to compare
    unusable="${unusable} ${stem}"
    summary="${summary}  ${stem}: NOT RUN (bad input, see the error above)\n"
    continue
  fi
  if [ "$rc" -ne 0 ]; then
    echo "sliversim run failed for scenarios/regression/${stem}.json (exit ${rc})" >&2
    regressed="${regressed} ${stem}"
    summary="${summary}  ${stem}: RUN FAILED\n"
    continue
  fi
  "$bin" compare "scenarios/regression/expected/${stem}.json" "${out}/${stem}.json" --per-epoch \
    --json "${out}/${stem}.compare.json"
  case $? in
    0) summary="${summary}  ${stem}: ok\n" ;;
    1) regressed="${regressed} ${stem}"; summary="${summary}  ${stem}: REGRESSED\n" ;;
    *) unusable="${unusable} ${stem}"; summary="${summary}  ${stem}: NOT COMPARED (unusable input)\n" ;;
  esac
done
echo "== regression summary (results in ${out}) =="
printf "%b" "$summary"
if [ -n "$regressed" ]; then
  echo "regressed:${regressed}"
  exit 1
fi
if [ -n "$unusable" ]; then
  echo "not compared:${unusable}"
  exit 2
fi
echo "no regression"
