#!/usr/bin/env bash
# Guards evaluation speed without timing anything: counts the instructions a
# family costs under callgrind (stable on a shared machine, where wall time
# is not) and fails when a count exceeds its budget in
# bench/instruction_budget.txt by more than 10%.
#
#   bash scripts/instruction_budget.sh [BUILD_DIR]           # check (CI)
#   bash scripts/instruction_budget.sh [BUILD_DIR] --update  # rewrite the budget with today's counts
#
# Counts depend on the compiler and the build type: the budget is for what
# scripts/build.sh builds (RelWithDebInfo, g++). The workload is
# bench/instructions.cpp on families of `fuzhu-genpop --seed 42`; only the
# evaluation loop is counted (not start-up, compiling or reading).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=build
update=no
for arg in "$@"; do
  case "$arg" in
    --update) update=yes ;;
    *) BUILD=$arg ;;
  esac
done
BUDGET=bench/instruction_budget.txt
command -v valgrind >/dev/null || { echo "instruction_budget.sh: valgrind is missing (apt-get install valgrind)" >&2; exit 1; }
cmake --build "$BUILD" --target instructions fuzhu_genpop >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$BUILD/fuzhu-genpop" --seed 42 --count 2000 > "$work/pop.jsonl"

# Instructions a family for one policy and API, over FAMILIES families.
count() {  # policy api families
  local out="$work/callgrind.$1.$2"
  valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$out" \
    "$BUILD/bench/instructions" "policies/$1.policy" "$work/pop.jsonl" "$2" "$3" > "$work/stdout" 2> "$work/stderr" ||
    { cat "$work/stderr" >&2; return 1; }
  awk -v n="$3" '/^totals:/ { printf "%d\n", $2 / n }' "$out"
}

# Explanations cost some 100× a decision: 200 families keep the run short.
runs=("yiyang decide 2000" "yiyang evaluate 2000" "yiyang explain 200"
      "songjiang decide 2000" "songjiang evaluate 2000" "songjiang explain 200")
status=0
measured=()
printf "%-10s %-9s %8s %12s %12s %7s\n" policy api families "instr/family" budget ratio
for run in "${runs[@]}"; do
  read -r policy api families <<< "$run"
  n=$(count "$policy" "$api" "$families")
  measured+=("$policy $api $n")
  budget=$(awk -v p="$policy" -v a="$api" '$1 == p && $2 == a { print $3 }' "$BUDGET" 2>/dev/null || true)
  if [ -z "$budget" ]; then
    printf "%-10s %-9s %8s %12s %12s %7s\n" "$policy" "$api" "$families" "$n" "none" "-"
    [ "$update" = yes ] || status=1
    continue
  fi
  ratio=$(awk -v n="$n" -v b="$budget" 'BEGIN { printf "%.3f", n / b }')
  verdict=""
  if awk -v r="$ratio" 'BEGIN { exit !(r > 1.10) }'; then verdict="  OVER BUDGET (> 1.10)"; status=1; fi
  if awk -v r="$ratio" 'BEGIN { exit !(r < 0.90) }'; then verdict="  (well under: --update to guard the new level)"; fi
  printf "%-10s %-9s %8s %12s %12s %7s%s\n" "$policy" "$api" "$families" "$n" "$budget" "$ratio" "$verdict"
done

if [ "$update" = yes ]; then
  {
    echo "# Instructions a family, by policy and API: the budget scripts/instruction_budget.sh"
    echo "# checks (fails above 110%). Counted by callgrind on fuzhu-genpop --seed 42 families,"
    echo "# RelWithDebInfo (scripts/build.sh). Rewrite with: bash scripts/instruction_budget.sh --update"
    echo "# policy api instructions"
    printf "%s\n" "${measured[@]}"
  } > "$BUDGET"
  echo "instruction budget: $BUDGET rewritten"
  exit 0
fi
[ $status -eq 0 ] && echo "instruction budget: every count within 10% of $BUDGET" ||
  echo "instruction budget: some count is over $BUDGET by more than 10%, or has no budget (see above)"
exit $status
