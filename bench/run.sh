#!/usr/bin/env bash
# The population benchmarks, in one run: [RUNS=5] bash bench/run.sh [BUILD_DIR] [FAMILIES]
# Builds the benchmark targets in BUILD_DIR (default: build), generates
# FAMILIES families (default 1,000,000, seed 42) once into $BENCH_WORK
# (default /tmp/fuzhu-bench), and prints every figure with its ratio.
# Every program applies every benefit of the policy; their results are
# checked identical, benefit by benefit. Needs GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
COUNT=${2:-1000000}
WORK=${BENCH_WORK:-/tmp/fuzhu-bench}
AS_OF=2026-11-23
mkdir -p "$WORK"

ninja -C "$BUILD" -j2 fuzhu_cli fuzhu_genpop population_bench native_simulate lua_simulate compile_bench eval_bench >/dev/null

POP="$WORK/pop-$COUNT.jsonl"
if [ ! -s "$POP" ]; then
  echo "generating $COUNT families into $POP"
  "$BUILD/fuzhu-genpop" --seed 42 --count "$COUNT" > "$POP"
fi
echo "population: $POP ($(du -hL "$POP" | cut -f1)); machine: $(nproc) cores, $(uname -m)"
echo

echo "== compile"
"$BUILD/bench/compile_bench" policies 50
echo

echo "== evaluation on parsed families"
"$BUILD/population_bench" "$POP"
echo

# Apart from the others: explaining's allocations would move the next
# block's facts in memory, and so the Decider's cache misses.
echo "== Policy::evaluate with and without explanations, on parsed families"
"$BUILD/population_bench" "$POP" 20000 explain
echo

# Runs a command $RUNS times (default 5) under GNU time; prints the best
# "seconds peak_KiB" (the least wall time: a shared machine only ever adds to
# it) and leaves its stdout in $WORK/out.
RUNS=${RUNS:-5}
measure() {
  local best="" seconds kb
  for ((run = 0; run < RUNS; ++run)); do
    /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" > "$WORK/out"
    read -r seconds kb < "$WORK/time"
    if [ -z "$best" ] || (($(echo "$seconds < ${best% *}" | bc))); then best="$seconds $kb"; fi
  done
  echo "$best"
}

# fuzhu's JSON report as the hand-written programs print their sums:
# "families N", then "id families recipients fen undetermined" a benefit.
sums_of_report() {
  python3 - "$1" <<'EOF'
import json, sys
from decimal import Decimal
report = json.load(open(sys.argv[1]))
rows = {}
for b in report["benefits"]:
    rows[b["benefit"]] = [b["families"], b["recipients"], int(sum(Decimal(v) for v in b["totals"].values()) * 100), 0]
for u in report["undetermined"]:
    rows.setdefault(u["benefit"], [0, 0, 0, 0])[3] = u["families"]
print("families", report["families_evaluated"])
for id_, r in sorted(rows.items()):
    if any(r): print(id_, *r)
EOF
}

# The hand-written programs list every benefit, granted or not: keep the
# ones with something to say, sorted like sums_of_report.
nonzero_sorted() { awk 'NR==1 || $2+$3+$4+$5 > 0' "$1" | { read -r head; echo "$head"; LC_ALL=C sort; }; }

echo "== end to end on $POP (every benefit; results compared benefit by benefit; best of $RUNS runs)"
printf "%-10s %-26s %9s %10s %8s %10s\n" policy program seconds "peak MiB" ratio identical
status=0
for policy in yiyang songjiang; do
  read -r native_s native_kb < <(measure "$BUILD/native_simulate" $policy "$POP" $AS_OF)
  nonzero_sorted "$WORK/out" > "$WORK/native.sums"
  [ "$native_s" = "0.00" ] && native_s=0.01  # GNU time's resolution, for tiny runs
  row() {  # name seconds kb sums_file
    local same=yes
    cmp -s "$4" "$WORK/native.sums" || { same=NO; status=1; }
    printf "%-10s %-26s %9.2f %10.1f %8.2f %10s\n" "$policy" "$1" "$2" "$(echo "$3/1024" | bc -l)" \
      "$(echo "$2/$native_s" | bc -l)" "$same"
  }
  row "C++ simdjson (hand)" "$native_s" "$native_kb" "$WORK/native.sums"
  for threads in 1 2; do
    read -r s kb < <(measure "$BUILD/fuzhu" simulate policies/$policy.policy "$POP" --as-of $AS_OF --threads $threads --format json)
    sums_of_report "$WORK/out" > "$WORK/fuzhu.sums"
    row "fuzhu simulate --threads $threads" "$s" "$kb" "$WORK/fuzhu.sums"
  done
  read -r s kb < <(measure "$BUILD/lua_simulate" $policy "$POP" $AS_OF)
  nonzero_sorted "$WORK/out" > "$WORK/lua.sums"
  row "Lua 5.4 + lua-cjson" "$s" "$kb" "$WORK/lua.sums"
done
exit $status
