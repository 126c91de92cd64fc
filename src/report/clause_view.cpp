// The whole document on the page, once: the lines before the first clause
// (title, 文号, addressees), each clause with its quotes and figures marked
// and what accounts for it (benefits, definitions, the header, a reason for
// not transcribing it), each benefit's card under the first clause it
// cites, and the closing lines (signatures, date). A long clause cited by six
// benefits (张店 三（五）) is printed once, with the six under it.
#include <algorithm>
#include <utility>

#include <fmt/format.h>

#include "report/html.hpp"
#include "report/page_parts.hpp"

namespace fuzhu::report {

namespace {

using Index = std::size_t;

// What points at each clause directly, computed once for the page.
struct ClauseIndex {
  std::vector<std::vector<const Row*>> benefits;       // citing it
  std::vector<std::vector<const Row*>> shown;          // shown under it: the first clause they cite
  std::vector<std::vector<const OtherRow*>> others;    // header and definitions citing it
  std::vector<std::vector<const Omission*>> omitted;   // declared not transcribed
  std::vector<bool> uncited;
};

ClauseIndex index_of(const Pairing& p) {
  ClauseIndex x;
  const Index n = p.clauses.size();
  x.benefits.resize(n), x.shown.resize(n), x.others.resize(n), x.omitted.resize(n), x.uncited.assign(n, false);
  for (const Row& row : p.rows) {
    bool placed = false;
    for (const Citation& c : row.citations) {
      if (c.clause < 0) continue;
      auto& list = x.benefits[static_cast<Index>(c.clause)];
      if (std::find(list.begin(), list.end(), &row) == list.end()) list.push_back(&row);
      if (!placed) x.shown[static_cast<Index>(c.clause)].push_back(&row), placed = true;
    }
  }
  for (const OtherRow& row : p.others)
    for (const Citation& c : row.citations)
      if (c.clause >= 0) x.others[static_cast<Index>(c.clause)].push_back(&row);
  for (const Omission& o : p.omitted)
    if (o.clause >= 0) x.omitted[static_cast<Index>(o.clause)].push_back(&o);
  for (int i : p.uncited) x.uncited[static_cast<Index>(i)] = true;
  return x;
}

bool covers(const Pairing& p, const std::vector<Citation>& citations, int clause) {
  return std::any_of(citations.begin(), citations.end(),
                     [&](const Citation& c) { return c.clause >= 0 && within_clause(p.clauses, clause, c.clause); });
}

// The words quoted from this clause by anything citing it or a clause it is in.
std::vector<Span> quotes_in(const Pairing& p, int clause) {
  const std::string& text = p.clauses[static_cast<Index>(clause)].text;
  std::vector<Span> spans;
  auto add = [&](const std::vector<Citation>& citations, const std::string& quote) {
    if (quote.empty() || !covers(p, citations, clause)) return;
    std::size_t missing = 0;
    for (const Span& s : find_quote(text, quote, missing)) spans.push_back(s);
  };
  for (const Row& row : p.rows) add(row.citations, row.benefit->quote);
  for (const OtherRow& row : p.others) add(row.citations, row.citation->quote);
  return merge_overlapping(std::move(spans));
}

// Each figure of the clause in a <span>, its title naming who uses it.
std::vector<Annotation> figure_marks(const Pairing& p, int clause) {
  std::vector<Annotation> out;
  for (const ClauseFigure& f : p.figures[static_cast<Index>(clause)]) {
    const std::string kind = f.unused ? "figure unused" : f.used_by.empty() ? "figure" : "figure used";
    const std::string title = f.unused ? "⚠ 引用本条款的待遇与定义都没有用到这个数字 — no benefit citing this clause uses this figure"
                              : f.used_by.empty() ? "本条款未被引用 — the clause is not cited"
                                                  : fmt::format("用于 used by {}", fmt::join(f.used_by, "、"));
    out.push_back({f.at.span,
                   fmt::format("<span class=\"{}\" data-figure=\"{}\" title=\"{}\">", kind, escape(shown(f.at.figure)),
                               escape(title)),
                   f.unused ? "<sup>⚠</sup></span>" : "</span>"});
  }
  return out;
}

std::string heading(const Clause& c) {
  const char* note = c.inferred ? " · 原文未编号，按次序补"
                     : c.unnumbered ? (c.label == preamble_label ? " · 原文未编号：正文前的导语" : " · 原文未编号：正文后的施行条款")
                                    : "";
  return fmt::format("<h3><span class=\"label\">{}</span><span class=\"line-no\">原文第 {} 行{}</span></h3>\n",
                     escape(c.label), c.line, note);
}

std::string other_link(const OtherRow& row) {
  const ReviewCitation& c = *row.citation;
  if (c.by == "policy") return fmt::format("<a href=\"#{}\">政策头 the policy header</a>", header_anchor);
  const std::string name = c.by.substr(std::string_view("define ").size());
  return fmt::format("<a href=\"#{}\">定义 {}</a>", definition_anchor(name), escape(name));
}

// Links from the clause to everything that accounts for it.
std::string accounted_html(const ClauseIndex& x, int clause) {
  const Index i = static_cast<Index>(clause);
  std::string out;
  if (!x.benefits[i].empty()) {
    out += fmt::format("<p class=\"accounted\">待遇 benefits ({}): ", x.benefits[i].size());
    for (const Row* row : x.benefits[i])
      out += fmt::format("<a href=\"#{}\">{}</a>", benefit_anchor(row->benefit->id), escape(row->benefit->title));
    out += "</p>\n";
  }
  if (!x.others[i].empty()) {
    out += "<p class=\"accounted\">引用 cited by: ";
    for (const OtherRow* row : x.others[i]) out += other_link(*row);
    out += "</p>\n";
  }
  for (const Omission* o : x.omitted[i])
    out += fmt::format("<p class=\"omitted\" id=\"omitted-{}\">不转录 not transcribed — 理由 reason：{}</p>\n", clause,
                       escape(o->omission->reason));
  if (x.uncited[i])
    out += "<p class=\"warning\">⚠ 既未引用也未说明不转录 — neither cited nor declared not transcribed</p>\n";
  return out;
}

std::string flagged_figures_html(const Pairing& p, int clause) {
  std::vector<std::string> unused;
  for (const ClauseFigure& f : p.figures[static_cast<Index>(clause)])
    if (f.unused) unused.push_back(escape(shown(f.at.figure)));
  if (unused.empty()) return "";
  return fmt::format("<p class=\"flagged figure-flag\">⚠ 原文数字 {} 未被引用本条款的任何待遇或定义使用 — "
                     "figures of this clause that nothing citing it uses</p>\n",
                     fmt::join(unused, "、"));
}

const char* level_class(Level level) {
  switch (level) {
    case Level::section: return "level-section";
    case Level::item: return "level-item";
    case Level::point: return "level-point";
  }
  return "level-section";
}

std::string clause_html(const Review& review, const Pairing& p, const ClauseIndex& x, int clause) {
  const Clause& c = p.clauses[static_cast<Index>(clause)];
  std::string out = fmt::format("<section class=\"clause {}\" id=\"{}\" data-clause=\"{}\">\n<div class=\"clause-body\">\n{}",
                                level_class(c.level), clause_anchor(clause), escape(c.label), heading(c));
  out += fmt::format("<p class=\"clause-text\">{}</p>\n",
                     escape_annotated(c.text, quotes_in(p, clause), figure_marks(p, clause)));
  out += accounted_html(x, clause) + flagged_figures_html(p, clause) + "</div>\n";
  for (const Row* row : x.shown[static_cast<Index>(clause)]) out += benefit_html(review, p, *row);
  return out + "</section>\n";
}

// The document's lines [from, to), blank lines dropped: its head or its tail.
std::string lines_html(const std::vector<std::string_view>& lines, std::size_t from, std::size_t to,
                       std::string_view id) {
  std::string text;
  for (std::size_t i = from; i < to && i < lines.size(); ++i) {
    const std::string_view line = trim(lines[i]);
    if (line.empty()) continue;
    if (!text.empty()) text += '\n';
    text += line;
  }
  if (text.empty()) return "";
  return fmt::format("<div class=\"clause-body document-{0}\" id=\"document-{0}\"><p class=\"clause-text\">{1}</p></div>\n",
                     id, escape(text));
}

// The line after the last clause's last line: where the closing matter
// starts. Found by the last clause's closing words, searched from its line.
std::size_t tail_start(const std::vector<std::string_view>& lines, const Clause& last) {
  const std::string_view text = last.text;
  std::string_view ending = text.substr(text.rfind('\n') == std::string_view::npos ? 0 : text.rfind('\n') + 1);
  constexpr std::size_t tail_bytes = 24;  // 8 characters: within one line of the document
  if (ending.size() > tail_bytes) ending = ending.substr(ending.size() - tail_bytes);
  while (!ending.empty() && (static_cast<unsigned char>(ending.front()) & 0xC0) == 0x80) ending.remove_prefix(1);
  for (std::size_t i = static_cast<std::size_t>(last.line) - 1; i < lines.size(); ++i)
    if (contains(lines[i], ending)) return i + 1;
  return lines.size();
}

}  // namespace

std::string document_html(const Review& review, const Pairing& p) {
  std::string out = fmt::format("<section id=\"document\">\n<h2>文件原文与待遇 The document, clause by clause, with its "
                                "benefits</h2>\n<p class=\"summary\">{}：全文每个条款只出现一次，引用它的待遇列在其下。"
                                "Every clause once; the benefits citing it below it.</p>\n",
                                escape(review.document_name));
  const std::vector<std::string_view> lines = split_lines(review.document_text);
  if (p.clauses.empty()) return out + lines_html(lines, 0, lines.size(), "text") + "</section>\n";
  out += lines_html(lines, 0, static_cast<std::size_t>(p.clauses.front().line) - 1, "head");
  const ClauseIndex x = index_of(p);
  for (int i = 0; i < static_cast<int>(p.clauses.size()); ++i) out += clause_html(review, p, x, i);
  out += lines_html(lines, tail_start(lines, p.clauses.back()), lines.size(), "tail");
  return out + "</section>\n";
}

}  // namespace fuzhu::report
