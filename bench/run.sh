#!/usr/bin/env bash
# The population benchmarks, in one run: bash bench/run.sh [BUILD_DIR] [FAMILIES]
# Builds the benchmark targets in BUILD_DIR (default: build), generates
# FAMILIES families (default 1,000,000, seed 42) once into $BENCH_WORK
# (default /tmp/fuzhu-bench), and prints every figure with its ratio.
# Needs GNU time (/usr/bin/time) for peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
COUNT=${2:-1000000}
WORK=${BENCH_WORK:-/tmp/fuzhu-bench}
AS_OF=2026-11-23
mkdir -p "$WORK"

ninja -C "$BUILD" -j2 fuzhu_cli fuzhu_genpop population_bench native_simulate lua_simulate compile_bench >/dev/null

POP="$WORK/pop-$COUNT.jsonl"
if [ ! -s "$POP" ]; then
  echo "generating $COUNT families into $POP"
  "$BUILD/fuzhu-genpop" --seed 42 --count "$COUNT" > "$POP"
fi
echo "population: $POP ($(du -hL "$POP" | cut -f1)); machine: $(nproc) cores, $(uname -m)"
echo

echo "== compile"
"$BUILD/compile_bench" policies 50
echo

echo "== evaluation on parsed families"
"$BUILD/population_bench" "$POP"
echo

# Runs a command under GNU time; prints "seconds peak_KiB" and leaves its
# stdout in $WORK/out.
measure() {
  /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" > "$WORK/out"
  cat "$WORK/time"
}

echo "== end to end on $POP (special_allowance a month)"
printf "%-10s %-26s %9s %10s %16s %9s %8s\n" policy program seconds "peak MiB" "total 元" parents ratio
status=0
for policy in yiyang songjiang; do
  read -r native_s native_kb < <(measure "$BUILD/native_simulate" $policy "$POP")
  read -r native_fen native_n _ < "$WORK/out"
  [ "$native_s" = "0.00" ] && native_s=0.01  # GNU time's resolution, for tiny runs
  row() {  # name seconds kb fen n
    printf "%-10s %-26s %9.2f %10.1f %16s %9s %8.2f\n" "$policy" "$1" "$2" "$(echo "$3/1024" | bc -l)" \
      "$(echo "scale=2; $4/100" | bc)" "$5" "$(echo "$2/$native_s" | bc -l)"
    if [ "$4" != "$native_fen" ] || [ "$5" != "$native_n" ]; then echo "   ^ differs from the hand-written result"; status=1; fi
  }
  row "C++ simdjson (hand)" "$native_s" "$native_kb" "$native_fen" "$native_n"
  for threads in 1 2; do
    read -r s kb < <(measure "$BUILD/fuzhu" simulate policies/$policy.policy "$POP" --as-of $AS_OF --threads $threads --format json)
    # special_allowance is the first benefit of both policies
    fen=$(python3 -c "import json,sys; b=[x for x in json.load(open('$WORK/out'))['benefits'] if x['benefit']=='special_allowance'][0]; from decimal import Decimal; print(int(Decimal(b['totals']['monthly'])*100), b['recipients'])")
    row "fuzhu simulate --threads $threads" "$s" "$kb" $fen
  done
  read -r s kb < <(measure "$BUILD/lua_simulate" $policy "$POP")
  read -r fen n _ < "$WORK/out"
  row "Lua 5.4 + lua-cjson" "$s" "$kb" "$fen" "$n"
done
exit $status
