#!/usr/bin/env bash
# sliversim's front door. The README's two commands:
#   ./run_sim.sh         install what is missing, build, run the main job
#   ./run_sim.sh test    install what is missing, build, run the whole test suite (ctest summary last)
# Also: ./run_sim.sh build | bench [ARGS...] | deps | regress [STEM...]
# SLIVERSIM_PRESET picks the CMake preset (release by default; CI uses "ci", which adds -Werror).
set -euo pipefail
cd "$(dirname "$0")"

PRESET="${SLIVERSIM_PRESET:-release}"
BUILD_DIR="build/${PRESET}"
JOBS="$(nproc 2>/dev/null || echo 2)"

# Debian packages the build, tests, benchmarks and analysis need.
PACKAGES=(g++ cmake ninja-build pkg-config git clang-format
          libboost-graph-dev libboost-program-options-dev nlohmann-json3-dev libfmt-dev
          doctest-dev libsodium-dev libisal-dev python3 python3-matplotlib python3-numpy)

missing_packages() {
  local p
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || echo "$p"
  done
}

ensure_deps() {
  if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "run_sim.sh: not a Debian system; make sure these are installed: ${PACKAGES[*]}" >&2
    return 0
  fi
  local missing
  missing="$(missing_packages | tr '\n' ' ')"
  [ -z "${missing// /}" ] && return 0
  if [ "$(id -u)" -eq 0 ]; then
    echo "run_sim.sh: installing ${missing}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends ${missing} >/dev/null
  else
    echo "run_sim.sh: missing Debian packages. Install them with:" >&2
    echo "  sudo apt-get install ${missing}" >&2
    exit 2
  fi
}

build() {
  cmake --preset "${PRESET}" >/dev/null
  cmake --build --preset "${PRESET}" -j "${JOBS}"
}

# The official Walrus encoder for codec_bench's comparison: an npm package, installed when Node
# and npm are present (the comparison is skipped, with a message, otherwise).
ensure_walrus_wasm() {
  if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
    echo "run_sim.sh: no node/npm: the Walrus WASM comparison will be skipped" >&2
    return 0
  fi
  [ -d bench/walrus_wasm/node_modules/@mysten/walrus-wasm ] && return 0
  (cd bench/walrus_wasm && npm ci --no-audit --no-fund --loglevel=error >/dev/null) ||
    echo "run_sim.sh: npm could not install @mysten/walrus-wasm: the comparison will be skipped" >&2
}

run_tests() {
  ctest --preset "${PRESET}" -j "${JOBS}" "$@"
}

# The main job: the quickstart scenario (all four schemes on one churn trace), its results under
# results/, then every figure it supports and a Markdown summary under results/quickstart/.
# Extra arguments go to `sliversim run` (e.g. --seed 7, --set /shards/n=200).
main_job() {
  mkdir -p results
  "${BUILD_DIR}/sliversim" run scenarios/quickstart.json --out results/quickstart.json "$@"
  /usr/bin/python3 analysis/report.py results/quickstart.json --out results/quickstart
  echo "figures: results/quickstart/ (PDF and PNG), summary: results/quickstart/summary.md"
}

# The CI regression gate: every scenarios/regression/*.json run into results/regress/ and compared
# with its committed expected result (sliversim compare); exit 1 when any regressed.
regress() {
  scenarios/regression/run.sh "${BUILD_DIR}/sliversim" results/regress "$@"
}

# No command, or options first (./run_sim.sh --seed 7): the main job with those options.
cmd="run"
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
  cmd="$1"
  shift
fi
case "${cmd}" in
  run) ensure_deps; build; main_job "$@" ;;
  test) ensure_deps; build; run_tests "$@" ;;
  build) ensure_deps; build ;;
  bench) ensure_deps; build; ensure_walrus_wasm; "${BUILD_DIR}/bench/codec_bench" "$@" ;;
  deps) ensure_deps ;;
  regress) ensure_deps; build; regress "$@" ;;
  *) echo "usage: ./run_sim.sh [run|test|build|bench|deps|regress]" >&2; exit 2 ;;
esac
