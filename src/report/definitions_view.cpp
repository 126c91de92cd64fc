// The definitions section: every definition the policy can read, its own
// and the shared ones of facts.schema (计生特殊家庭), in plain words — a
// reviewer checks 扶助对象家庭 or Foshan's cut-off date 2015-12-31 here —
// linked to the clause it cites, and from it.
#include <fmt/format.h>

#include "report/html.hpp"
#include "report/page_parts.hpp"

namespace fuzhu::report {

namespace {

// pair_up() resolves the citations in order, one row each.
const OtherRow* row_of(const Pairing& p, int citation) {
  if (citation < 0 || static_cast<std::size_t>(citation) >= p.others.size()) return nullptr;
  return &p.others[static_cast<std::size_t>(citation)];
}

std::string definition_html(const Pairing& p, const ReviewDefinition& d) {
  std::string out = fmt::format("<article class=\"definition\" id=\"{}\" data-definition=\"{}\">\n",
                                definition_anchor(d.name), escape(d.name));
  out += fmt::format("<h3>{} <code class=\"benefit-id\">{}</code></h3>\n", escape(d.label.empty() ? d.name : d.label),
                     escape(d.name));
  out += fmt::format("<p class=\"plain\">{}</p>\n", escape(d.plain));
  std::string where = fmt::format("<span>定义于 {} 第 {} 行</span>", escape(d.file), d.line);
  const OtherRow* row = row_of(p, d.citation);
  if (row) {
    std::vector<std::string> links;
    for (const Citation& c : row->citations)
      links.push_back(c.clause >= 0 ? clause_link(p, c.clause) : "<span class=\"warning\">⚠ " + escape(c.label) + "</span>");
    where += fmt::format("<span>引用 cites {}</span>", fmt::join(links, "、"));
  } else {
    where += "<span>未引用条款 cites no clause</span>";
  }
  out += "<p class=\"meta\">" + where + "</p>\n";
  if (row && !row->citation->quote.empty())
    out += fmt::format("<blockquote class=\"quote\">“{}”</blockquote>\n", escape(row->citation->quote));
  if (row) out += figure_checks_html(p, row->figures);
  return out + "</article>\n";
}

}  // namespace

std::string definitions_html(const Review& review, const Pairing& p) {
  std::string out = fmt::format("<section id=\"definitions\">\n<h2>定义 Definitions ({})</h2>\n<p class=\"summary\">"
                                "待遇条件中的用语，如计生特殊家庭，在此说明其含义。The terms the conditions use.</p>\n",
                                review.definitions.size());
  for (const ReviewDefinition& d : review.definitions) out += definition_html(p, d);
  return out + "</section>\n";
}

}  // namespace fuzhu::report
