// The page's CSS. No web font (the page is offline and self-contained): the
// font stacks name the Chinese fonts of every common platform — Noto/Source
// Han on Linux (Debian's fonts-noto-cjk), PingFang and Songti on macOS,
// Microsoft YaHei and SimSun on Windows — then the generic family.
#include "report/page_parts.hpp"

namespace fuzhu::report {

namespace {

constexpr std::string_view style = R"css(
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5f6368; --rule: #d0d4da; --law: #fbf8f0; --script: #f3f6fb;
  --flag: #b3261e; --ok: #1e6b35; }
* { box-sizing: border-box; }
body { margin: 0; padding: 1rem; color: var(--ink); background: #fff; line-height: 1.6;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "PingFang SC", "Hiragino Sans GB",
    "Microsoft YaHei", "微软雅黑", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Noto Sans SC", "SimHei", sans-serif; }
.clause-text, blockquote.quote { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Source Han Serif CN",
    "Songti SC", "STSong", "SimSun", "宋体", "Noto Sans CJK SC", "Microsoft YaHei", serif; }
main { max-width: 62rem; margin: 0 auto; }
h1 { font-size: 1.45rem; margin: 0.4rem 0; }
h2 { font-size: 1.2rem; margin: 2rem 0 0.6rem; border-bottom: 2px solid var(--rule); }
h3 { font-size: 1rem; margin: 0 0 0.3rem; }
h4 { font-size: 1rem; margin: 0 0 0.3rem; }
a { color: #1a56a8; }
code, pre { font-family: "Noto Sans Mono CJK SC", "Sarasa Mono SC", ui-monospace, Menlo, Consolas, monospace; }
.draft-banner { background: var(--flag); color: #fff; font-weight: bold; font-size: 1.1rem; padding: 0.8rem 1rem;
  border-radius: 6px; margin-bottom: 1rem; }
.policy-header dl, .stamp dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0.6rem 0; }
.policy-header dt, .stamp dt { color: var(--muted); }
.policy-header dd, .stamp dd { margin: 0; overflow-wrap: anywhere; }
.stamp { border: 1px solid var(--rule); border-radius: 6px; padding: 0.3rem 0.8rem; font-size: 0.85rem; }
.stamp h2 { font-size: 1rem; margin: 0.3rem 0; border: 0; }
.hash { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.8rem; }
.summary { color: var(--muted); }
.warnings { border: 2px solid var(--flag); background: #fdecea; border-radius: 6px; padding: 0.4rem 1rem; margin: 1rem 0; }
.warnings h2 { border: 0; margin: 0.4rem 0; color: var(--flag); }
.warning, .flagged { color: var(--flag); font-weight: bold; }
.note { color: #8a5a00; }
.clause { border-top: 1px solid var(--rule); padding: 0.6rem 0; }
.clause-body { background: var(--law); border-radius: 6px; padding: 0.6rem 0.8rem; }
.clause.level-item .clause-body { margin-left: 1rem; }
.clause.level-point .clause-body { margin-left: 2rem; }
.clause-text { white-space: pre-line; margin: 0.2rem 0; overflow-wrap: anywhere; }
.label { font-weight: bold; margin-right: 0.5rem; }
.line-no { font-weight: normal; font-size: 0.8rem; color: var(--muted); }
.accounted { font-size: 0.88rem; margin: 0.3rem 0 0; }
.accounted a + a::before { content: "、"; color: var(--muted); }
.omitted { font-size: 0.9rem; margin: 0.3rem 0 0; color: #5a4a00; }
mark.quote { background: #ffe08a; }
.figure { border-bottom: 2px solid #8aa1c4; }
.figure.used { background: #dff3e4; border-bottom-color: var(--ok); }
.figure.unused { background: #fdd8d4; border-bottom: 2px dashed var(--flag); }
.figure sup { color: var(--flag); font-weight: bold; }
.benefit, .definition { background: var(--script); border-radius: 6px; padding: 0.6rem 0.8rem; margin: 0.6rem 0 0 1.5rem; }
.definition { margin-left: 0; }
.benefit-id { font-size: 0.85rem; color: var(--muted); font-weight: normal; }
.plain { margin: 0.3rem 0; font-size: 1.02rem; }
.meta { display: flex; flex-wrap: wrap; gap: 0.2rem 0.8rem; margin: 0.2rem 0; font-size: 0.88rem; color: var(--muted); }
.flag { background: #fff3c4; border-radius: 4px; padding: 0 0.4rem; color: var(--ink); }
blockquote.quote { margin: 0.3rem 0; padding-left: 0.8rem; border-left: 3px solid var(--rule); }
.figure-checks { list-style: none; padding: 0; margin: 0.3rem 0; font-size: 0.88rem; display: flex; flex-wrap: wrap; gap: 0.1rem 1rem; }
.figure-checks .found::before { content: "✓ "; color: var(--ok); }
.figure-checks .missing { color: var(--flag); font-weight: bold; }
.readings { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.85rem; margin: 0.4rem 0;
  padding: 0.4rem 0.6rem; border-left: 3px solid #8a5a00; background: #fffaf0; }
details.source summary { cursor: pointer; font-size: 0.85rem; color: var(--muted); }
pre.source { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.8rem; background: #fff;
  border: 1px solid var(--rule); border-radius: 4px; padding: 0.5rem; margin: 0.3rem 0 0; }
.since { display: inline-block; font-size: 0.8rem; font-weight: bold; border-radius: 4px; padding: 0 0.4rem; color: #fff; }
.since.changed { background: #b35c00; }
.since.added { background: #1e6b35; }
.since-lines { white-space: pre-wrap; font-size: 0.82rem; background: #fff; border: 1px dashed #b35c00; padding: 0.4rem; margin: 0.3rem 0; }
.sign-off { display: flex; flex-wrap: wrap; gap: 0.4rem 1.5rem; margin: 0.6rem 0 0; padding-top: 0.4rem;
  border-top: 1px dashed var(--rule); font-size: 0.9rem; }
.sign-off span { white-space: nowrap; }
.sign-off .blank { display: inline-block; min-width: 7em; border-bottom: 1px solid var(--ink); }
.sign-off .remark .blank { min-width: 16em; }
.plain-list { list-style: none; padding: 0; }
.plain-list li { border-top: 1px solid var(--rule); padding: 0.5rem 0; }
@media (max-width: 700px) {
  body { padding: 0.6rem; }
  .benefit { margin-left: 0; }
  .clause.level-item .clause-body, .clause.level-point .clause-body { margin-left: 0; }
  .policy-header dl, .stamp dl { grid-template-columns: 1fr; }
}
@page { size: A4; margin: 15mm 14mm 16mm; }
@media print {
  body { padding: 0; font-size: 10pt; line-height: 1.5; }
  main { max-width: none; }
  a { color: inherit; text-decoration: none; }
  details.source { display: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .clause { border-top: 0; padding: 0.3rem 0; }
  .benefit, .definition, .clause-body, .stamp, .warnings li, .plain-list li, .sign-off, .since-lines {
    break-inside: avoid; page-break-inside: avoid; }
  .clause-body, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  .benefit { margin-left: 0.8rem; }
}
)css";

}  // namespace

std::string_view page_style() { return style; }

}  // namespace fuzhu::report
