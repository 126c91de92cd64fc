#!/usr/bin/env bash
# Files in and out, end to end (issue 11, items 14-18): what `fmt`, `report -o`
# and the readers do with links, modes, special files, huge inputs and full
# disks. Usage: files.sh FUZHU SOURCE_DIR WORK_DIR
set -u
fuzhu=$1 source=$2 work=$3
rm -rf "$work" && mkdir -p "$work" && cd "$work" || exit 1
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
# expect EXIT REGEX COMMAND...: runs the command, checks its exit code and that
# stdout+stderr match the extended regex.
expect() {
  local want=$1 regex=$2; shift 2
  local out code
  out=$("$@" 2>&1); code=$?
  [ "$code" = "$want" ] || fail "$* exited $code, not $want: $out"
  [[ "$out" =~ $regex ]] || fail "$*: output does not match '$regex': $out"
}

cp "$source/policies/facts.schema" .
unformatted() {
  printf 'policy "格式" {   document "格式〔2026〕1号"\nin force from 2026-01-01 jurisdiction "益阳市" }\n'
  printf 'benefit x "测试" { when 1 元 >= 2 元 # 备注\n yearly 490元 }\n'
}
formatted_start='policy "格式" {
  document "格式〔2026〕1号"'

# fmt keeps a read-only policy read-only (it was turned into 0644).
unformatted > ro.policy && chmod 0444 ro.policy
expect 0 '' "$fuzhu" fmt ro.policy
[ "$(stat -c %a ro.policy)" = 444 ] || fail "fmt changed ro.policy's mode to $(stat -c %a ro.policy)"
[[ "$(cat ro.policy)" == "$formatted_start"* ]] || fail "ro.policy was not formatted"

# A link planted at the old fixed temporary name is not written through.
unformatted > planted.policy && echo secret > victim
ln -s victim planted.policy.fmt-tmp
expect 0 '' "$fuzhu" fmt planted.policy
[ "$(cat victim)" = secret ] || fail "fmt wrote through planted.policy.fmt-tmp"

# fmt on a symbolic link formats the target and keeps the link.
mkdir -p real && unformatted > real/linked.policy && cp facts.schema real/
ln -s real/linked.policy linked.policy
expect 0 '' "$fuzhu" fmt linked.policy
[ -L linked.policy ] || fail "fmt replaced the link linked.policy with a file"
[[ "$(cat real/linked.policy)" == "$formatted_start"* ]] || fail "fmt did not format the link's target"
[ "$(ls -A real | wc -l)" = 2 ] || fail "fmt left a file beside the target: $(ls -A real)"

# Hard links stay shared.
unformatted > hard1.policy && ln hard1.policy hard2.policy
expect 0 '' "$fuzhu" fmt hard1.policy
[ "$(stat -c %h hard1.policy)" = 2 ] || fail "fmt split the hard links of hard1.policy"
[[ "$(cat hard2.policy)" == "$formatted_start"* ]] || fail "hard2.policy does not see the formatted text"

# A write that fails says why and leaves nothing behind (ulimit -f: EFBIG).
unformatted > big.policy && for i in $(seq 1 200); do echo "# 注释 $i" >> big.policy; done
before=$(cat big.policy)
expect 1 'big.policy: error: the formatted text was not written: cannot write: File too large \[F006\]' \
  bash -c "ulimit -f 2; exec '$fuzhu' fmt big.policy"
[ "$(cat big.policy)" = "$before" ] || fail "a failed fmt changed big.policy"
[ -z "$(ls -A | grep -E '^\.big\.policy\.')" ] || fail "a failed fmt left its temporary file: $(ls -A)"

# fmt - reads at most a policy's worth of standard input.
expect 1 '<stdin>: error: more than 1048576 bytes; a policy may be at most 1048576 bytes \[L001\]' \
  bash -c "head -c 3000000 /dev/zero | '$fuzhu' fmt -"

# fmt refuses to grow a policy past the size limit: comments inside a block
# gain two spaces each.
{ printf 'policy "大" {\n  document "大〔2026〕1号"\n  in force from 2026-01-01\n  jurisdiction "益阳市"\n}\n'
  printf 'benefit x "测试" {\n'; yes '#a' | head -n 340000; printf '  when 1 元 >= 2 元\n  yearly 490 元\n}\n'; } > grows.policy
size=$(stat -c %s grows.policy)
[ "$size" -le 1048576 ] || fail "grows.policy is $size bytes, over the limit before formatting"
expect 1 'grows.policy: error: formatted, the file would be [0-9]+ bytes, past the 1048576 bytes a policy may have.*\[L013\]' \
  "$fuzhu" fmt grows.policy
[ "$(stat -c %s grows.policy)" = "$size" ] || fail "fmt changed grows.policy"

# report -o never writes over one of its inputs, whatever name it has.
cp "$source/policies/yiyang.policy" y.policy
printf 'use "facts.schema"\npolicy "报告" {\n  document "报告〔2026〕1号"\n  in force from 2026-01-01\n  jurisdiction "益阳市"\n}\n\nbenefit special_allowance "特别扶助金" {\n  cites "一" "每人每月490元"\n  to each parent\n  monthly 490 元\n}\n' > r.policy
printf '测试文件\n一、每人每月490元。\n' > r.txt
policy_before=$(sha256sum < r.policy)
expect 1 'r.policy: error: this is r.policy, one of the report.s inputs.*\[F007\]' \
  "$fuzhu" report r.policy --document r.txt -o r.policy
[ "$(sha256sum < r.policy)" = "$policy_before" ] || fail "report -o replaced its own policy"
ln -s facts.schema schema-link
expect 1 'schema-link: error: this is .*facts.schema, one of the report.s inputs' \
  "$fuzhu" report r.policy --document r.txt -o schema-link
ln r.txt doc-hardlink.txt
expect 1 'doc-hardlink.txt: error: this is r.txt, one of the report.s inputs' \
  "$fuzhu" report r.policy --document r.txt -o doc-hardlink.txt
expect 0 '' "$fuzhu" report r.policy --document r.txt -o review.html
grep -q '<html lang="zh-CN">' review.html || fail "report -o review.html wrote no page"
expect 1 'error: the report was not written: is a directory, not a file \[F006\]' \
  "$fuzhu" report r.policy --document r.txt -o real

# eval given a folder as the facts file says so (it said "no such file").
expect 1 'error: is a directory, not a file \[F002\]' "$fuzhu" eval y.policy "$work"
expect 1 'error: is a directory, not a file \[F002\]' "$fuzhu" check "$work"
mkfifo pipe.json
expect 1 'pipe.json: error: is not a regular file' timeout 10 "$fuzhu" eval y.policy pipe.json

# use reads policy text from the policy's folders only, and never shows a used file's lines.
mkdir -p project/policies && cp facts.schema project/policies/
printf 'use "facts.schema"\nuse "../../../../../../../../etc/passwd"\n' > project/policies/p.policy
expect 1 'p.policy:2:1: error: "../../../../../../../../etc/passwd" leads out of the policy.s folder.*\[F008\]' \
  bash -c "cd project/policies && '$fuzhu' check p.policy"
out=$(cd project/policies && "$fuzhu" check p.policy 2>&1); [[ "$out" == *root:* ]] && fail "check printed /etc/passwd: $out"
mkfifo project/policies/pipe.schema
printf 'use "facts.schema"\nuse "pipe.schema"\n' > project/policies/fifo.policy
expect 1 'fifo.policy:2:1: error: "pipe.schema" is not a regular file.*\[F002\]' timeout 10 "$fuzhu" check project/policies/fifo.policy

# Write errors say why.
expect 1 'error: the output could not be written: No space left on device' \
  bash -c "'$fuzhu' eval y.policy '$source/examples/families/yiyang_bereaved.json' --as-of 2026-11-23 > /dev/full"

# Control characters in a file name are escaped before they reach the terminal.
expect 1 $'nowhere\\\\u001b\\[31m.json: error: no such file' "$fuzhu" eval y.policy $'nowhere\e[31m.json'

# fuzhu test on a file that is not a case file says what is wrong, and where.
echo '{"policy": 3}' > wrong.cases.json
expect 1 'wrong.cases.json: error: not a case file: "policy" is missing or not a string' "$fuzhu" test wrong.cases.json
expect 1 'y.policy:1:1: error: not a case file: this is not JSON \[F010\]' "$fuzhu" test y.policy
printf '{"policy": "y.policy", "cases": [{"name": "x", "as_of": 20261123}]}' > as_of.cases.json
expect 1 'case 1 "x" needs "as_of", the evaluation date' "$fuzhu" test as_of.cases.json

[ "$failures" = 0 ] && echo "all file checks passed"
exit $((failures > 0))
