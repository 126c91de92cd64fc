// A benefit's card on the review page: what a reviewer reads (the rule in
// plain Chinese), what it rests on (the clauses it cites, the quote, each
// figure found in those clauses or flagged), how the transcriber read the
// document, the script itself (folded; not printed), and a line to sign.
#include <fmt/format.h>

#include "report/html.hpp"
#include "report/page_parts.hpp"

namespace fuzhu::report {

namespace {

std::string period_words(const std::string& period) {
  if (period == "monthly") return "每月";
  if (period == "yearly") return "每年";
  if (period == "once") return "一次性";
  return "服务或待遇（无金额周期）";
}

std::string cites_html(const Pairing& p, const Row& row) {
  std::vector<std::string> links;
  for (const Citation& c : row.citations)
    links.push_back(c.clause >= 0 ? clause_link(p, c.clause)
                                  : fmt::format("<span class=\"warning\">⚠ 原文中没有条款 {0} — the document has no clause {0}</span>",
                                                escape(c.label)));
  if (links.empty()) return "<span class=\"warning\">⚠ 未引用任何条款 — cites no clause</span>";
  return "引用 cites " + fmt::format("{}", fmt::join(links, "、"));
}

std::string meta_html(const Pairing& p, const Row& row) {
  const ReviewBenefit& b = *row.benefit;
  std::string out = fmt::format("<p class=\"meta\"><span>{}</span><span>{}</span>", cites_html(p, row), period_words(b.period));
  if (b.minimum) out += "<span class=\"flag\">不低于 at least</span>";
  if (b.discretionary) out += "<span class=\"flag\">有条件的地方可 discretionary</span>";
  if (b.in_kind) out += "<span class=\"flag\">实物 in kind</span>";
  return out + "</p>\n";
}

// What the quote check found about this benefit.
std::string quote_notes_html(const Pairing& p, int line) {
  std::string out;
  for (const Finding& f : p.findings)
    if (f.line == line && (f.code == Diag::quote_not_verbatim || f.code == Diag::quote_across_clauses ||
                           f.code == Diag::quote_not_found))
      out += fmt::format("<p class=\"note\">引文与原文不一致 — {} [{}]</p>\n", escape(f.message), info(f.code).text);
  return out;
}

std::string since_html(const Review& review, const ReviewBenefit& b) {
  if (!review.since) return "";
  const SinceBenefit* s = review.since->find(b.id);
  if (!s || s->change != "changed") return "";  // an added one's plain words are its card's
  std::string out;
  if (!s->lines.empty()) out += fmt::format("<pre class=\"since-lines\">{}</pre>\n", escape(fmt::format("{}", fmt::join(s->lines, "\n"))));
  return out;
}

std::string since_badge(const Review& review, const ReviewBenefit& b) {
  if (!review.since) return "";
  const SinceBenefit* s = review.since->find(b.id);
  if (!s) return " <span class=\"since unchanged\" data-since=\"unchanged\">未改 unchanged</span>";
  return s->change == "added" ? " <span class=\"since added\" data-since=\"added\">新增 added — 请审核</span>"
                              : " <span class=\"since changed\" data-since=\"changed\">已修改 changed — 请重新审核</span>";
}

}  // namespace

std::string figure_checks_html(const Pairing& p, const std::vector<FigureCheck>& checks) {
  if (checks.empty()) return "";
  std::string out = "<ul class=\"figure-checks\" aria-label=\"脚本中的数字 the script's figures\">";
  for (const FigureCheck& c : checks) {
    const std::string figure = escape(shown(c.figure.figure));
    if (c.clause >= 0)
      out += fmt::format("<li class=\"found\" data-figure=\"{0}\">{0} 见 {1}</li>", figure, clause_link(p, c.clause));
    else
      out += fmt::format("<li class=\"missing\" data-figure=\"{0}\">⚠ {0} 所引条款中没有 — not in the cited clauses</li>", figure);
  }
  return out + "</ul>\n";
}

std::string benefit_html(const Review& review, const Pairing& p, const Row& row) {
  const ReviewBenefit& b = *row.benefit;
  std::string out = fmt::format("<article class=\"benefit\" id=\"{}\" data-benefit=\"{}\">\n", benefit_anchor(b.id), escape(b.id));
  out += fmt::format("<h4>{} <code class=\"benefit-id\">{}</code>{}</h4>\n", escape(b.title), escape(b.id), since_badge(review, b));
  out += fmt::format("<p class=\"plain\">{}</p>\n", escape(b.plain));
  out += since_html(review, b);
  out += meta_html(p, row);
  if (!b.quote.empty()) out += fmt::format("<blockquote class=\"quote\">“{}”</blockquote>\n", escape(b.quote));
  out += quote_notes_html(p, b.line);
  out += figure_checks_html(p, row.figures);
  // The transcriber's readings of the document (the comments above the
  // benefit), for the reviewer to agree with or not.
  if (!b.readings.empty())
    out += fmt::format("<div class=\"readings\"><strong>解读 readings</strong>\n{}</div>\n", escape(b.readings));
  out += fmt::format("<details class=\"source\"><summary>政策脚本 script · {} 第 {} 行</summary>"
                     "<pre class=\"source\">{}</pre></details>\n",
                     escape(review.header.policy_file), b.line, escape(b.source));
  out += "<div class=\"sign-off\"><span>审核人 reviewer <span class=\"blank\"></span></span>"
         "<span>日期 date <span class=\"blank\"></span></span>"
         "<span class=\"remark\">意见 remark <span class=\"blank\"></span></span></div>\n";
  return out + "</article>\n";
}

}  // namespace fuzhu::report
