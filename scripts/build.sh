#!/usr/bin/env bash
# Configures and builds fuzhu in build/ (warnings are errors under CI).
set -euo pipefail
cd "$(dirname "$0")/.."
extra=()
[ "${CI:-}" = "true" ] && extra+=(-DCMAKE_COMPILE_WARNING_AS_ERROR=ON)
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${extra[@]}" >/dev/null
cmake --build build --parallel "$(nproc)"
