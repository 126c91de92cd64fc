#!/usr/bin/env bash
# The review report as a reader sees it and prints it. Generates the Yiyang
# (final) and Foshan (draft) reports, loads them in headless Chromium, and
# checks:
#   - content (the DOM Chromium built, tags stripped): 一（一）'s text
#     即每人每月分别提高到490元、420元 with special_allowance under it in plain
#     words; 六 declared not transcribed with its reason; no clause left
#     unaccounted; the readings of health_management; the header; the draft
#     banner for Foshan only; Foshan's issuer marked inferred;
#   - links: every href="#x" lands on an id="x";
#   - the stamp: the sha256 on the page is that of the policy and document
#     files (sha256sum), with the engine version and the date;
#   - print: Chromium's PDF has A4 pages (595 × 842 pt) and a reasonable
#     number of them;
#   - Chinese renders: the page's own CSS draws the same Chinese text and
#     private-use characters (which no font has: empty boxes) differently;
#     and a control run with a font configuration without Chinese fonts
#     draws them the same, so the check can tell.
# Usage: browser_test.sh FUZHU_BINARY SOURCE_DIR WORK_DIR. Exit 77 (skipped)
# only when Chromium is not installed; missing Chinese fonts FAIL (install
# fonts-noto-cjk: scripts/install-deps.sh).
set -euo pipefail

fuzhu=$1
source_dir=$2
work=$3
documents=$source_dir/../shared/documents
here=$(cd "$(dirname "$0")" && pwd)

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

chrome() {
  timeout 90 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --hide-scrollbars \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" "$@" 2>/dev/null
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
  chrome --dump-dom "file://$work/$city.html" > "$work/$city.dom" || fail "chromium could not load $city.html"
  [ -s "$work/$city.dom" ] || fail "chromium gave no DOM for $city.html"
done

# ------------------------------------------------------------------ content
dom=$work/yiyang.dom
grep -q '<html lang="zh-CN">' "$dom" || fail "the page is not lang=zh-CN"
clause=$(OPEN='<section class="clause [^"]*" id="clause-[0-9]+" data-clause="一（一）"' TAG=section text_of "$dom")
contains "$clause" "即每人每月分别提高到490元、420元" || fail "一（一）'s text is not on the page: $clause"
contains "$clause" "特别扶助金 special_allowance" || fail "special_allowance is not under 一（一）"
row=$(OPEN='<article[^>]*data-benefit="special_allowance"' TAG=article text_of "$dom")
contains "$row" "条件：扶助对象家庭" || fail "special_allowance is not in plain words: $row"
contains "$row" "审核人 reviewer" || fail "special_allowance has no sign-off line"
six=$(OPEN='<section class="clause [^"]*" id="clause-[0-9]+" data-clause="六"' TAG=section text_of "$dom")
contains "$six" "不转录 not transcribed — 理由 reason：切实加强组织领导" || fail "六 does not show its reason: $six"
omitted=$(OPEN='<section id="not-transcribed"' TAG=section text_of "$dom")
contains "$omitted" "切实加强组织领导" || fail "the reason for 六 is not in the not-transcribed list"
grep -q '提高思想认识' "$dom" || fail "the text of 六（一） is not on the page"
uncited=$(OPEN='<section id="uncited"' TAG=section text_of "$dom")
contains "$uncited" "Every clause is cited or declared not transcribed" || fail "a clause is left unaccounted: $uncited"
row=$(OPEN='<article[^>]*data-benefit="health_management"' TAG=article text_of "$dom")
contains "$row" "The family-doctor contract in the same clause is for 扶助对象 only" || fail "the readings are not in the card of health_management"
header=$(OPEN='<header' TAG=header text_of "$dom")
contains "$header" "益政办发〔2017〕26号" || fail "the header does not show 益政办发〔2017〕26号"
contains "$header" "益阳市人民政府办公室" || fail "the header does not show the issuer"
grep -q 'id="draft-banner"' "$dom" && fail "a final policy shows the draft banner"
grep -q 'id="draft-banner"' "$work/foshan.dom" || fail "the Foshan draft shows no draft banner"
grep -q 'id="issuer-inferred"' "$work/foshan.dom" || fail "the Foshan issuer is not marked inferred"
grep -q 'id="define-eligible_family"' "$work/foshan.dom" || fail "Foshan's eligible_family is not in the definitions"

# ------------------------------------------------------------------ links
for city in yiyang foshan; do
  broken=$(perl -0777 -ne 'my %id = map { $_ => 1 } /\sid="([^"]+)"/g; my $n = 0;
    for (/href="#([^"]+)"/g) { print "$_\n" unless $id{$_}; $n++ } print "NONE\n" if $n == 0;' "$work/$city.dom")
  [ -z "$broken" ] || fail "$city: links to no anchor: $(echo "$broken" | head -5 | tr '\n' ' ')"
done

# ------------------------------------------------------------------ the stamp
stamp=$(OPEN='<section class="stamp"' TAG=section text_of "$dom")
policy_hash=$(sha256sum "$source_dir/policies/yiyang.policy" | cut -d' ' -f1)
document_hash=$(sha256sum "$documents/yiyang.txt" | cut -d' ' -f1)
schema_hash=$(sha256sum "$source_dir/policies/facts.schema" | cut -d' ' -f1)
contains "$stamp" "yiyang.policy sha256 $policy_hash" || fail "the stamp does not hash yiyang.policy: $stamp"
contains "$stamp" "facts.schema sha256 $schema_hash" || fail "the stamp does not hash facts.schema"
contains "$stamp" "yiyang.txt sha256 $document_hash" || fail "the stamp does not hash yiyang.txt"
contains "$stamp" "fuzhu " || fail "the stamp has no engine version"
contains "$stamp" "$(date -u +%Y-%m-%d)" || [ -n "${SOURCE_DATE_EPOCH:-}" ] || fail "the stamp does not show today's date"

# ------------------------------------------------------------------ print
chrome --no-pdf-header-footer --print-to-pdf="$work/yiyang.pdf" "file://$work/yiyang.html" >/dev/null || true
if [ -s "$work/yiyang.pdf" ]; then
  read -r pages a4 <<<"$(perl -0777 -ne 'my $p = () = /\/Type\s*\/Page(?![s\w])/g; my ($n, $a4) = (0, 0);
    while (/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g) { $n++; $a4++ if abs($1 - 595.28) < 1.5 && abs($2 - 841.89) < 1.5 }
    print "$p ", ($n > 0 && $n == $a4 ? "yes" : "no"), "\n";' "$work/yiyang.pdf")"
  [ "$a4" = yes ] || fail "the printed pages are not A4 (595 x 842 pt)"
  # Yiyang on A4: 16 pages when written (the whole document, 24 benefits,
  # the definitions); letter paper with split rows took 12 for much less.
  { [ "$pages" -ge 6 ] && [ "$pages" -le 24 ]; } || fail "Yiyang prints on $pages pages (expected 6 to 24)"
  echo "report.browser: Yiyang prints on $pages A4 pages"
else
  fail "chromium printed no PDF"
fi

# ------------------------------------------------------------------ Chinese renders
# The probe: the page's own <style> (its font stacks), a line of the
# document's Chinese in the clause font and in the body font; and the same
# number of private-use characters, which no font draws (empty boxes).
style=$(perl -0777 -ne 'print $1 if /(<style>.*?<\/style>)/s' "$work/yiyang.html")
han="计划生育特殊家庭特别扶助金"
pua=$(perl -CS -e 'print map { chr(0xE000 + $_) } 0 .. 12')
probe() {  # probe NAME TEXT
  printf '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">%s</head><body><main>
<p class="clause-text" style="font-size:40px">%s</p><p style="font-size:40px">%s</p></main></body></html>' \
    "$style" "$2" "$2" > "$work/probe_$1.html"
}
probe han "$han"
probe pua "$pua"
shoot() {  # shoot NAME OUT.png [env...]
  env "${@:3}" timeout 90 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --user-data-dir="$(mktemp -d -p "$profile")" --window-size=800,260 --screenshot="$2" "file://$work/probe_$1.html" \
    >/dev/null 2>&1 || true
  [ -s "$2" ] || fail "chromium took no screenshot of probe_$1"
}
shoot han "$work/han.png"
shoot pua "$work/pua.png"
differ=$(python3 "$here/ink.py" --differ "$work/han.png" "$work/pua.png")
echo "report.browser: Chinese against empty boxes, pixels differing: $differ ($(fc-list :lang=zh family | head -1))"
perl -e "exit($differ > 0.01 ? 0 : 1)" \
  || fail "the Chinese text renders as empty boxes: no Chinese font (install fonts-noto-cjk; fc-list :lang=zh is empty?)"
# The control: without Chinese fonts the two must look the same, else the
# comparison above proves nothing.
mkdir -p "$work/no_cjk"
printf '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>%s</cachedir></fontconfig>\n' \
  "$work/no_cjk/cache" > "$work/no_cjk/fonts.conf"
shoot han "$work/han_no_cjk.png" FONTCONFIG_FILE="$work/no_cjk/fonts.conf"
shoot pua "$work/pua_no_cjk.png" FONTCONFIG_FILE="$work/no_cjk/fonts.conf"
control=$(python3 "$here/ink.py" --differ "$work/han_no_cjk.png" "$work/pua_no_cjk.png")
perl -e "exit($control < 0.001 ? 0 : 1)" \
  || fail "the control without Chinese fonts still draws Chinese ($control differ): the glyph check cannot tell"

if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed; pages in $work"
  exit 1
fi
echo "report.browser: all checks passed ($browser)"
