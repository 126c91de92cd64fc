#!/usr/bin/env bash
# The review report as a reader sees it: generate the Yiyang (final) and
# Foshan (draft) reports, load each in headless Chromium, and check the DOM
# Chromium built from the page, with the tags stripped:
#   - the clause text 即每人每月分别提高到490元、420元 is in the same row as the
#     benefit special_allowance;
#   - the list of clauses not transcribed holds 六 with its reason and the
#     text of 六（一） 提高思想认识 (六 切实加强组织领导 grants nothing); no
#     clause is left neither cited nor declared;
#   - the readings above a benefit show in its row (health_management);
#   - Foshan's issuer is marked as inferred;
#   - the header shows 益政办发〔2017〕26号; the draft banner shows for Foshan
#     only.
# Usage: browser_test.sh FUZHU_BINARY SOURCE_DIR WORK_DIR. Exit 77 (skipped)
# when Chromium is not installed.
set -euo pipefail

fuzhu=$1
source_dir=$2
work=$3
documents=$source_dir/../shared/documents

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "chromium is not installed: skipped"
  exit 77
fi

mkdir -p "$work"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# Renders $1.html with Chromium and prints the resulting DOM.
dom_of() {
  timeout 90 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --dump-dom "file://$1" 2>/dev/null
}

# Prints the text (tags stripped) of the first element of DOM file $1 that
# opens with the regex $OPEN and closes with </$TAG>.
text_of() {
  perl -0777 -ne 'if (/($ENV{OPEN}.*?<\/$ENV{TAG}>)/s) { my $t = $1; $t =~ s/<[^>]*>//g; print $t; }' "$1"
}

contains() {  # contains HAYSTACK NEEDLE
  [[ "$1" == *"$2"* ]]
}

for city in yiyang foshan; do
  "$fuzhu" report "$source_dir/policies/$city.policy" --document "$documents/$city.txt" -o "$work/$city.html" \
    || fail "fuzhu report $city exited $?"
  dom_of "$work/$city.html" > "$work/$city.dom" || fail "chromium could not load $city.html"
  [ -s "$work/$city.dom" ] || fail "chromium gave no DOM for $city.html"
done

dom=$work/yiyang.dom
grep -q '<html lang="zh-CN">' "$dom" || fail "the page is not lang=zh-CN"

row=$(OPEN='<article[^>]*data-benefit="special_allowance"' TAG=article text_of "$dom")
contains "$row" "special_allowance" || fail "no row for special_allowance"
contains "$row" "即每人每月分别提高到490元、420元" || fail "the clause text is not beside special_allowance: $row"

omitted=$(OPEN='<section id="not-transcribed"' TAG=section text_of "$dom")
contains "$omitted" "切实加强组织领导" || fail "the reason for 六 is not in the not-transcribed list: $omitted"
contains "$omitted" "提高思想认识" || fail "the text of 六（一） is not in the not-transcribed list"
uncited=$(OPEN='<section id="uncited"' TAG=section text_of "$dom")
contains "$uncited" "Every clause is cited or declared not transcribed" || fail "a clause is left unaccounted: $uncited"
contains "$uncited" "一（一）" && fail "一（一） is cited by special_allowance but listed as uncited"
row=$(OPEN='<article[^>]*data-benefit="health_management"' TAG=article text_of "$dom")
contains "$row" "The family-doctor contract in the same clause is for 扶助对象 only" || fail "the readings are not in the row of health_management"
perl -0777 -ne 'exit(/<article(?:(?!<\/article>).)*data-clause="六（一）"/s ? 0 : 1)' "$dom" \
  && fail "a benefit row shows 六（一）"

header=$(OPEN='<header' TAG=header text_of "$dom")
contains "$header" "益政办发〔2017〕26号" || fail "the header does not show 益政办发〔2017〕26号"
contains "$header" "益阳市人民政府办公室" || fail "the header does not show the issuer"
grep -q 'id="draft-banner"' "$dom" && fail "a final policy shows the draft banner"

grep -q 'id="draft-banner"' "$work/foshan.dom" || fail "the Foshan draft shows no draft banner"
grep -q 'id="issuer-inferred"' "$work/foshan.dom" || fail "the Foshan issuer is not marked inferred"

if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed; pages in $work"
  exit 1
fi
echo "report.browser: all checks passed ($browser)"
