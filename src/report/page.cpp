// The review page: one self-contained HTML file a legal reviewer opens
// offline. No script, no web font, no external asset; the CSS is inline and
// lays each benefit beside its clause on a wide screen and stacks them on a
// phone. Every string from the policy or the document is escaped.
#include <fmt/format.h>

#include "report/html.hpp"
#include "report/review.hpp"

namespace fuzhu::report {

namespace {

// Fonts every platform has for Simplified Chinese, newest first; no web fonts.
constexpr std::string_view style = R"css(
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5f6368; --rule: #d0d4da; --law: #fbf8f0; --script: #f3f6fb; }
* { box-sizing: border-box; }
body { margin: 0; padding: 1rem; color: var(--ink); background: #fff; line-height: 1.6;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB",
    "Microsoft YaHei", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Noto Sans SC", system-ui, sans-serif; }
main { max-width: 78rem; margin: 0 auto; }
h1 { font-size: 1.45rem; margin: 0.4rem 0; }
h2 { font-size: 1.2rem; margin: 2rem 0 0.6rem; border-bottom: 2px solid var(--rule); }
h3 { font-size: 1.05rem; margin: 0 0 0.4rem; }
h4 { font-size: 0.95rem; margin: 0 0 0.3rem; }
code, pre { font-family: "Noto Sans Mono CJK SC", "Sarasa Mono SC", ui-monospace, Menlo, Consolas, monospace; }
.draft-banner { background: #b3261e; color: #fff; font-weight: bold; font-size: 1.1rem; padding: 0.8rem 1rem;
  border-radius: 6px; margin-bottom: 1rem; }
.policy-header dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0.6rem 0; }
.policy-header dt { color: var(--muted); }
.policy-header dd { margin: 0; overflow-wrap: anywhere; }
.summary { color: var(--muted); }
.warnings { border: 2px solid #b3261e; background: #fdecea; border-radius: 6px; padding: 0.4rem 1rem; margin: 1rem 0; }
.warnings h2 { border: 0; margin: 0.4rem 0; color: #b3261e; }
.warning { color: #b3261e; font-weight: bold; }
.note { color: #8a5a00; }
.columns-head, .row { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.columns-head { font-weight: bold; color: var(--muted); margin-bottom: 0.4rem; }
.row { border-top: 1px solid var(--rule); padding: 1rem 0; }
.script, .law { padding: 0.8rem; border-radius: 6px; min-width: 0; }
.script { background: var(--script); }
.law { background: var(--law); }
.side-caption { display: none; font-size: 0.8rem; color: var(--muted); }
.benefit-id { font-size: 0.85rem; color: var(--muted); }
.meta { display: flex; flex-wrap: wrap; gap: 0.3rem 0.8rem; margin: 0 0 0.5rem; font-size: 0.9rem; }
.flag { background: #fff3c4; border-radius: 4px; padding: 0 0.4rem; }
.quote { margin: 0.4rem 0; padding-left: 0.8rem; border-left: 3px solid var(--rule); }
pre.source { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.82rem; background: #fff;
  border: 1px solid var(--rule); border-radius: 4px; padding: 0.5rem; margin: 0.5rem 0 0; }
.clause + .clause { margin-top: 0.8rem; }
.clause-text { white-space: pre-line; margin: 0; overflow-wrap: anywhere; }
.line-no { font-weight: normal; font-size: 0.8rem; color: var(--muted); }
mark { background: #ffe08a; }
.uncited-list { list-style: none; padding: 0; }
.uncited-list li { border-top: 1px solid var(--rule); padding: 0.6rem 0; }
.label { font-weight: bold; margin-right: 0.5rem; }
.context { display: block; font-weight: normal; font-size: 0.8rem; color: var(--muted); }
.readings { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.88rem; margin: 0.4rem 0;
  padding: 0.4rem 0.6rem; border-left: 3px solid #8a5a00; background: #fffaf0; }
.inferred { color: #8a5a00; font-size: 0.85rem; }
.omitted-list { list-style: none; padding: 0; }
.omitted-list li { border-top: 1px solid var(--rule); padding: 0.6rem 0; }
.reason { margin: 0.2rem 0 0.4rem; }
@media (max-width: 700px) {
  body { padding: 0.6rem; }
  .columns-head { display: none; }
  .row { grid-template-columns: 1fr; gap: 0.5rem; }
  .side-caption { display: block; }
}
)css";

std::string period_words(const std::string& period) {
  if (period == "monthly") return "每月 monthly";
  if (period == "yearly") return "每年 yearly";
  if (period == "once") return "一次性 once";
  return "服务 service";
}

std::string in_force_words(const ReviewHeader& h) {
  if (h.in_force_from.empty()) return "未写明";
  if (h.in_force_to.empty()) return h.in_force_from + " 起";
  if (!h.in_force_period.empty())  // the last day is computed from 有效期
    return h.in_force_from + " 起，有效期 " + h.in_force_period + "，至 " + h.in_force_to + "（计算所得 computed）";
  return h.in_force_from + " 至 " + h.in_force_to;
}

std::string header_html(const Review& review, const Pairing& pairing) {
  const ReviewHeader& h = review.header;
  std::string out = "<header class=\"policy-header\">\n";
  if (h.draft())
    out += "<div class=\"draft-banner\" id=\"draft-banner\" role=\"note\">草案 · 征求意见稿 DRAFT — "
           "本政策尚未生效，不具法律效力（status draft: not in force as law）</div>\n";
  out += fmt::format("<h1>{}</h1>\n<dl>\n", escape(h.title));
  auto field = [&](std::string_view term, const std::string& value, std::string_view id) {
    out += fmt::format("<dt>{}</dt><dd id=\"{}\">{}</dd>\n", term, id, value.empty() ? "—" : escape(value));
  };
  field("文号 document", h.document, "document-number");
  if (h.issuer_inferred)  // not the document's words: the transcriber's inference, and marked so
    out += fmt::format("<dt>发文机关 issuer</dt><dd id=\"issuer\">{} <span class=\"inferred\" id=\"issuer-inferred\">"
                       "（推定：原文未写明发文机关 — inferred, the document does not name its issuer）</span></dd>\n",
                       escape(h.issuer));
  else
    field("发文机关 issuer", h.issuer, "issuer");
  field("成文日期 issued", h.issued, "issued");
  field("施行期间 in force", in_force_words(h), "in-force");
  field("适用地区 jurisdiction", h.jurisdiction, "jurisdiction");
  field("状态 status", h.draft() ? "草案（征求意见稿）draft" : h.status == "final" ? "正式 final" : h.status, "status");
  field("政策脚本 policy", h.policy_file, "policy-file");
  field("文件原文 document", review.document_name, "document-file");
  out += "</dl>\n";
  out += fmt::format("<p class=\"summary\">{} 项待遇 benefits · 原文 {} 个条款 clauses · {} 个不转录 not transcribed · "
                     "{} 个条款未被引用 uncited · {} 个警告 warnings</p>\n</header>\n",
                     review.benefits.size(), pairing.clauses.size(), pairing.omitted.size(), pairing.uncited.size(),
                     pairing.findings.size());
  return out;
}

std::string warnings_html(const Review& review, const Pairing& pairing) {
  if (pairing.findings.empty()) return "";
  std::string out = "<section class=\"warnings\" id=\"warnings\">\n<h2>⚠ 警告 Warnings</h2>\n<ul>\n";
  for (const Finding& f : pairing.findings)
    out += fmt::format("<li>{}{} [{}]</li>\n", f.line > 0 ? fmt::format("{}:{}: ", escape(review.header.policy_file), f.line) : "",
                       escape(f.message), info(f.code).text);
  return out + "</ul>\n</section>\n";
}

// Where a clause sits: the first line of each clause it is inside, so that
// "（一）" reads under "一、加大经济扶助力度".
std::string context_of(const std::vector<Clause>& clauses, const Clause& c) {
  constexpr std::size_t shown = 24;  // characters of each enclosing line
  std::string out;
  for (int p = c.parent; p >= 0; p = clauses[static_cast<std::size_t>(p)].parent) {
    const std::string& text = clauses[static_cast<std::size_t>(p)].text;
    std::string line = cut(std::string_view(text).substr(0, text.find('\n')), shown);
    out = escape(line) + (out.empty() ? "" : " › ") + out;
  }
  return out.empty() ? "" : "<span class=\"context\">" + out + "</span>";
}

std::string clause_heading(const std::vector<Clause>& clauses, const Clause& c) {
  const char* note = c.inferred ? " · 原文未编号，按次序补"
                     : c.unnumbered ? (c.label == preamble_label ? " · 原文未编号：正文前的导语" : " · 原文未编号：正文后的施行条款")
                                    : "";
  return fmt::format("<span class=\"label\">{}</span><span class=\"line-no\">第 {} 行{}</span>{}", escape(c.label),
                     c.line, note, context_of(clauses, c));
}

std::string script_html(const ReviewBenefit& b, const std::string& policy_file) {
  std::string out = "<div class=\"script\">\n<p class=\"side-caption\">政策脚本 script</p>\n";
  out += fmt::format("<h3><span class=\"benefit-title\">{}</span> <code class=\"benefit-id\">{}</code></h3>\n",
                     escape(b.title), escape(b.id));
  out += fmt::format("<p class=\"meta\"><span>引用 cites <strong class=\"cite\">{}</strong></span>"
                     "<span>对象 to {}</span><span>{}</span>",
                     escape(b.cite), escape(b.recipient), period_words(b.period));
  if (b.minimum) out += "<span class=\"flag\">不低于 at least</span>";
  if (b.discretionary) out += "<span class=\"flag\">有条件的地方可 discretionary</span>";
  if (b.in_kind) out += "<span class=\"flag\">实物 in kind</span>";
  out += "</p>\n";
  if (!b.quote.empty()) out += fmt::format("<blockquote class=\"quote\">“{}”</blockquote>\n", escape(b.quote));
  // The transcriber's readings of the document (the comments above the
  // benefit), for the reviewer to agree with or not.
  if (!b.readings.empty())
    out += fmt::format("<div class=\"readings\"><strong>解读 readings</strong>\n{}</div>\n", escape(b.readings));
  out += fmt::format("<pre class=\"source\" title=\"{}:{}\">{}</pre>\n", escape(policy_file), b.line, escape(b.source));
  return out + "</div>\n";
}

// A clause's text is shown in full under the first benefit that cites it;
// later ones point back to it, so the page stays within a few times the
// document's size however many benefits cite one long clause.
std::string cited_clause_html(const Citation& c, const std::string& by, const std::string& quote, const Pairing& pairing,
                              const std::string& text, std::vector<std::string>& shown_under) {
  const Clause& clause = pairing.clauses[static_cast<std::size_t>(c.clause)];
  std::string& first = shown_under[static_cast<std::size_t>(c.clause)];
  if (!first.empty())
    return fmt::format("<section class=\"clause\" data-clause=\"{0}\">\n<h4>{1}</h4>\n<p class=\"clause-text\">"
                       "<a href=\"#clause-{2}\">原文见上，{3} 处 — the text is shown above, under {3}</a></p>\n</section>\n",
                       escape(c.label), clause_heading(pairing.clauses, clause), c.clause, escape(first));
  first = by;
  std::size_t missing = 0;
  return fmt::format("<section class=\"clause\" id=\"clause-{}\" data-clause=\"{}\">\n<h4>{}</h4>\n"
                     "<p class=\"clause-text\">{}</p>\n</section>\n",
                     c.clause, escape(c.label), clause_heading(pairing.clauses, clause),
                     escape_marked(text, find_quote(text, quote, missing)));
}

// The cited clauses, and what the quote check found about this citation.
std::string law_html(const std::vector<Citation>& citations, const std::string& by, const std::string& quote, int line,
                     const Pairing& pairing, std::vector<std::string>& shown_under) {
  std::string out = "<div class=\"law\">\n<p class=\"side-caption\">文件原文 document</p>\n";
  if (citations.empty()) out += "<p class=\"warning\">⚠ 未引用任何条款 — cites no clause</p>\n";
  for (const Citation& c : citations) {
    if (c.clause < 0) {
      out += fmt::format("<p class=\"warning\">⚠ 原文中没有条款 {0} — the document has no clause {0}</p>\n",
                         escape(c.label));
      continue;
    }
    out += cited_clause_html(c, by, quote, pairing, full_text(pairing.clauses, c.clause), shown_under);
  }
  for (const Finding& f : pairing.findings)
    if (f.line == line && (f.code == Diag::quote_not_verbatim || f.code == Diag::quote_across_clauses ||
                           f.code == Diag::quote_not_found))
      out += fmt::format("<p class=\"note\">引文与原文不一致 — {} [{}]</p>\n", escape(f.message), info(f.code).text);
  return out + "</div>\n";
}

std::string rows_html(const Review& review, const Pairing& pairing) {
  std::string out = "<section id=\"benefits\">\n<h2>待遇与所引条款对照 Benefits beside the clauses they cite</h2>\n";
  out += "<div class=\"columns-head\" aria-hidden=\"true\"><div>政策脚本 script</div><div>文件原文 document</div></div>\n";
  std::vector<std::string> shown_under(pairing.clauses.size());  // by clause: the benefit it is shown under
  for (const Row& row : pairing.rows)
    out += fmt::format("<article class=\"row\" id=\"benefit-{0}\" data-benefit=\"{0}\">\n{1}{2}</article>\n",
                       escape(row.benefit->id), script_html(*row.benefit, review.header.policy_file),
                       law_html(row.citations, row.benefit->id, row.benefit->quote, row.benefit->line, pairing, shown_under));
  out += "</section>\n";
  if (pairing.others.empty()) return out;
  // The header's clause of force and the definitions' clauses: transcribed
  // too, though they grant nothing by themselves.
  out += "<section id=\"other-citations\">\n<h2>施行条款与定义所引条款 Clauses the header and the definitions cite</h2>\n";
  for (const OtherRow& row : pairing.others) {
    const ReviewCitation& c = *row.citation;
    const std::string by = c.by == "policy" ? "政策头 the policy header" : c.by;
    std::string script = fmt::format("<div class=\"script\">\n<h3>{}</h3>\n<p class=\"meta\"><span>引用 cites <strong "
                                     "class=\"cite\">{}</strong></span><span>第 {} 行</span></p>\n",
                                     escape(by), escape(c.cite), c.line);
    if (!c.quote.empty()) script += fmt::format("<blockquote class=\"quote\">“{}”</blockquote>\n", escape(c.quote));
    out += fmt::format("<article class=\"row\" data-cited-by=\"{}\">\n{}</div>\n{}</article>\n", escape(c.by), script,
                       law_html(row.citations, by, c.quote, c.line, pairing, shown_under));
  }
  return out + "</section>\n";
}

// Clauses the policy leaves out on purpose, each with its reason.
std::string omitted_html(const Pairing& pairing) {
  std::string out = fmt::format("<section id=\"not-transcribed\">\n<h2>不转录的条款及理由 Clauses not transcribed, and why ({})</h2>\n",
                                pairing.omitted.size());
  if (pairing.omitted.empty()) return out + "<p>无。None.</p>\n</section>\n";
  out += "<ul class=\"omitted-list\">\n";
  for (const Omission& o : pairing.omitted) {
    const ReviewOmission& r = *o.omission;
    const std::string heading =
        o.clause >= 0 ? clause_heading(pairing.clauses, pairing.clauses[static_cast<std::size_t>(o.clause)])
                      : fmt::format("<span class=\"label\">{}</span>", escape(r.clause));
    out += fmt::format("<li data-clause=\"{}\">{}<span class=\"line-no\"> · 政策第 {} 行</span>\n"
                       "<p class=\"reason\">理由 reason: {}</p>\n",
                       escape(r.clause), heading, r.line, escape(r.reason));
    // The whole clause, its items included: what is left out (六 and 六（一）…（四）).
    if (o.clause >= 0) out += fmt::format("<p class=\"clause-text\">{}</p>\n", escape(full_text(pairing.clauses, o.clause)));
    out += "</li>\n";
  }
  return out + "</ul>\n</section>\n";
}

std::string uncited_html(const Pairing& pairing) {
  std::string out = fmt::format("<section id=\"uncited\">\n<h2>既未引用也未说明不转录的条款 Clauses neither cited nor declared "
                                "not transcribed ({})</h2>\n",
                                pairing.uncited.size());
  if (pairing.uncited.empty())
    return out + "<p>原文每个条款都已引用或说明不转录的理由。Every clause is cited or declared not transcribed.</p>\n</section>\n";
  out += "<ul class=\"uncited-list\">\n";
  for (int i : pairing.uncited) {
    const Clause& c = pairing.clauses[static_cast<std::size_t>(i)];
    out += fmt::format("<li data-clause=\"{}\">{}<p class=\"clause-text\">{}</p></li>\n", escape(c.label),
                       clause_heading(pairing.clauses, c), escape(c.text));
  }
  return out + "</ul>\n</section>\n";
}

}  // namespace

std::string render_page(const Review& review, const Pairing& pairing) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  out += fmt::format("<title>审阅报告 Review: {}</title>\n<style>{}</style>\n</head>\n<body>\n<main>\n",
                     escape(review.header.title), style);
  out += header_html(review, pairing);
  out += warnings_html(review, pairing);
  out += rows_html(review, pairing);
  out += omitted_html(pairing);
  out += uncited_html(pairing);
  out += "<footer class=\"summary\"><p>fuzhu report — 由政策脚本与文件原文自动生成，供人工审阅。</p></footer>\n";
  return out + "</main>\n</body>\n</html>\n";
}

}  // namespace fuzhu::report
