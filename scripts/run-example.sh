#!/usr/bin/env bash
# One command for a newcomer: install, build, and evaluate an example family
# against Yiyang's policy.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
./build/fuzhu eval policies/yiyang.policy examples/families/yiyang_bereaved.json --as-of 2026-11-23
