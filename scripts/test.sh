#!/usr/bin/env bash
# One command for every test: install, build, then unit, CLI, embedding and
# policy tests (ctest), the policy checks and the policy test cases.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
./build/fuzhu check policies/*.policy
./build/fuzhu test tests/cases
ctest --test-dir build --output-on-failure --parallel "$(nproc)"
