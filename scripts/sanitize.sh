#!/usr/bin/env bash
# The sanitizer builds (CMakePresets.json):
#   asan — AddressSanitizer + UndefinedBehaviorSanitizer: builds everything in
#          build-asan/ and runs the whole ctest suite under it;
#   tsan — ThreadSanitizer: builds the unit tests in build-tsan/ and runs the
#          concurrency test (one policy, many threads) under it.
# Any sanitizer report fails the run. `SANITIZERS="asan"` runs only one.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs="$(nproc)"
extra=()
[ "${CI:-}" = "true" ] && extra+=(-DCMAKE_COMPILE_WARNING_AS_ERROR=ON)

for sanitizer in ${SANITIZERS:-asan tsan}; do
  start=$SECONDS
  cmake --preset "$sanitizer" "${extra[@]}" >/dev/null
  case "$sanitizer" in
    asan)
      cmake --build build-asan --parallel "$jobs"
      ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1 \
      UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        ctest --test-dir build-asan --output-on-failure --parallel "$jobs"
      ;;
    tsan)
      cmake --build build-tsan --parallel "$jobs" --target unit_tests
      TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
        build-tsan/tests/unit_tests --test-case="concurrency*"
      ;;
    *) echo "sanitize.sh: unknown sanitizer '$sanitizer' (asan or tsan)" >&2; exit 2 ;;
  esac
  echo "sanitize: $sanitizer passed in $((SECONDS - start)) s"
done
