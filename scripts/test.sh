#!/usr/bin/env bash
# One command for every test: install, build, then
#   the policy checks, the formatter check and the policy test cases;
#   ctest: unit tests per stage, CLI, embedding, report (headless Chromium),
#          simulate, and the replay of fuzz regressions;
#   the instruction budget (callgrind counts a family against bench/instruction_budget.txt);
#   the sanitizer builds (ASan+UBSan over the whole suite, TSan over the
#   concurrency test) and a bounded run of each libFuzzer harness.
# FUZHU_QUICK=1 skips the last two (they take most of the time).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
./build/fuzhu check policies/*.policy tests/documents/*.policy
./build/fuzhu fmt --check policies/*.policy policies/facts.schema tests/documents/*.policy
./build/fuzhu test tests/cases tests/documents
ctest --test-dir build --output-on-failure --parallel "$(nproc)"
bash scripts/instruction_budget.sh build
if [ "${FUZHU_QUICK:-}" != "1" ]; then
  bash scripts/sanitize.sh
  FUZZ_SECONDS="${FUZZ_SECONDS:-20}" bash scripts/fuzz.sh
fi
