#!/usr/bin/env bash
# Builds the libFuzzer harnesses with clang-14 (preset "fuzz", build-fuzz/)
# and runs each for a bounded time. Fails on any crash, hang (an input taking
# over 5 s), leak, out-of-memory or sanitizer report; the input is saved in
# build-fuzz/artifacts/<harness>/ (copy it into tests/regress/<harness>/).
#
#   FUZZ_SECONDS=20 (default) seconds per harness; fuzz_flat gets four times
#     as long: each of its inputs compiles a policy and runs both evaluators,
#     explaining, on some 40 families, dates and options (a few inputs a
#     second under the sanitizers, against thousands for the others)
#   FUZZ_HARNESSES="fuzz_policy fuzz_facts fuzz_eval fuzz_tokens fuzz_flat" (default) which to run
# The corpora grow in build-fuzz/corpus/<harness>/ and are kept between runs.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${FUZZ_SECONDS:-20}"
harnesses=(${FUZZ_HARNESSES:-fuzz_policy fuzz_facts fuzz_eval fuzz_tokens fuzz_flat})
build=build-fuzz

command -v clang++-14 >/dev/null || { echo "fuzz.sh: clang++-14 is missing (apt-get install clang-14 libclang-rt-14-dev)" >&2; exit 1; }
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --parallel "$(nproc)"
cmake -DSOURCE="$PWD" -DOUT="$build/seeds" -P fuzz/seeds.cmake

seeds_of() { case "$1" in fuzz_policy | fuzz_tokens) echo policy ;; fuzz_flat) echo flat ;; *) echo facts ;; esac; }
seconds_of() { case "$1" in fuzz_flat) echo $((seconds * 4)) ;; *) echo "$seconds" ;; esac; }
# fuzz_tokens: clang-14's libFuzzer, for every feature an input hits, scans
# the list of rare features, and every feature stays rare until it has been
# seen 255 times, which a 20 s run of this harness (some 40,000 features)
# never reaches: that scan was half its time (LLVM 18 replaced it by a
# bitset). Features seen 16 times no longer count as rare: 1,056 -> 2,439
# runs in 20 s.
flags_of() { case "$1" in fuzz_tokens) echo -entropic_feature_frequency_threshold=16 ;; esac; }
dict_of() { case "$1" in fuzz_policy | fuzz_tokens | fuzz_flat) echo fuzz/policy.dict ;; *) echo fuzz/facts.dict ;; esac; }

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
failed=()
for h in "${harnesses[@]}"; do
  corpus="$build/corpus/$h"
  artifacts="$build/artifacts/$h"
  mkdir -p "$corpus" "$artifacts"
  echo "== $h: $(seconds_of "$h") s"
  start=$SECONDS
  if "$build/$h" -max_total_time="$(seconds_of "$h")" -timeout=5 -rss_limit_mb=2048 -max_len=65536 \
       -dict="$(dict_of "$h")" $(flags_of "$h") -artifact_prefix="$artifacts/" -print_final_stats=1 \
       "$corpus" "$build/seeds/$(seeds_of "$h")" >"$build/$h.log" 2>&1; then
    echo "   ok in $((SECONDS - start)) s: $(grep -E '^stat::number_of_executed_units' "$build/$h.log" | awk '{print $2}') runs, corpus $(ls "$corpus" | wc -l) inputs"
  else
    echo "   FAILED after $((SECONDS - start)) s; the log is $build/$h.log, the input in $artifacts/:"
    grep -E 'ERROR|SUMMARY|broke a promise|Test unit written' "$build/$h.log" | head -10 | sed 's/^/   /'
    failed+=("$h")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: ${#failed[@]} of ${#harnesses[@]} harnesses failed: ${failed[*]}"
  exit 1
fi
echo "fuzz: ${#harnesses[@]} harnesses ran without a finding"
