#!/usr/bin/env bash
# Installs what fuzhu needs from Debian's archive (idempotent; root or sudo).
set -euo pipefail
packages=(
  build-essential cmake ninja-build            # the toolchain
  tao-pegtl-dev libfmt-dev doctest-dev         # grammar, formatting, tests
  nlohmann-json3-dev libcli11-dev              # facts JSON, the command line
  libsimdjson-dev pkg-config                   # fast JSONL reading in simulate
  clang-14 libclang-rt-14-dev                  # libFuzzer harnesses
  liblua5.4-dev lua-cjson                      # the Lua baseline of the benchmarks
  chromium                                     # the review report's browser test
  fonts-noto-cjk                               # Chinese glyphs for the review report (its browser test fails without)
  python3 python3-pytest                       # the Python package's tests (ctypes: nothing to build)
  python3-dask python3-distributed             # populations on Dask (examples/dask, tests/dask)
  python3-jsonschema                           # checks `fuzhu facts --format json-schema`
  valgrind                                     # the instruction budget (scripts/instruction_budget.sh)
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "dependencies: all installed"
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
