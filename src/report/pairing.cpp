// Pairing a policy with its document: resolve every cite (benefits, the
// header, definitions) and every `not transcribed`, check each quote word
// for word, and find the clauses nothing accounts for — the gaps a reviewer
// looks for first.
#include <algorithm>

#include <fmt/format.h>

#include "report/cites.hpp"
#include "report/quotes.hpp"
#include "report/review.hpp"

namespace fuzhu::report {

namespace {

std::vector<Citation> resolve(std::string_view who, const std::string& cite, Loc loc, int line,
                              const std::vector<Clause>& clauses, std::vector<Finding>& findings) {
  std::vector<Citation> out;
  CiteLabels labels = parse_cite(cite);
  if (!labels.error.empty()) {
    findings.push_back({Diag::cite_not_a_reference, loc, line, fmt::format("{} cites {}", who, labels.error)});
    out.push_back({cite, -1});
    return out;
  }
  for (const std::string& label : labels.labels) {
    int index = find_clause(clauses, label);
    if (index < 0)
      findings.push_back({Diag::cite_missing_clause, loc, line,
                          fmt::format("{} cites {}, but the document has no clause {}", who, label, label)});
    out.push_back({label, index});
  }
  return out;
}

Row benefit_row(const ReviewBenefit& b, const std::vector<Clause>& clauses, std::vector<Finding>& findings) {
  Row row{&b, {}, {}};
  const std::string who = "benefit " + b.id;
  if (b.cite.empty()) {  // no `cites` clause: nothing to show beside it
    findings.push_back({Diag::no_citation, Loc{}, b.line, who + " cites no clause of the document"});
    return row;
  }
  row.citations = resolve(who, b.cite, b.cite_loc, b.line, clauses, findings);
  check_quote(who, b.quote, row.citations, clauses, b.cite_loc, b.line, findings);
  return row;
}

OtherRow other_row(const ReviewCitation& c, const std::vector<Clause>& clauses, std::vector<Finding>& findings) {
  const std::string who = c.by == "policy" ? "the policy header" : c.by;
  OtherRow row{&c, resolve(who, c.cite, c.loc, c.line, clauses, findings), {}};
  check_quote(who, c.quote, row.citations, clauses, c.loc, c.line, findings);
  return row;
}

// Whether clause `i` is, or is inside, one of `marked`.
bool within(const std::vector<Clause>& clauses, const std::vector<bool>& marked, std::size_t i) {
  for (int j = static_cast<int>(i); j >= 0; j = clauses[static_cast<std::size_t>(j)].parent)
    if (marked[static_cast<std::size_t>(j)]) return true;
  return false;
}

}  // namespace

bool within_clause(const std::vector<Clause>& clauses, int index, int ancestor) {
  for (int j = index; j >= 0; j = clauses[static_cast<std::size_t>(j)].parent)
    if (j == ancestor) return true;
  return false;
}

bool Pairing::cite_unresolved() const {
  return std::any_of(findings.begin(), findings.end(), [](const Finding& f) {
    return f.code == Diag::cite_missing_clause || f.code == Diag::cite_not_a_reference;
  });
}

Pairing pair_up(const Review& review) {
  constexpr std::size_t max_listed = 40;  // clauses named in the C006 warning (docs/robustness.md)
  Pairing p;
  p.clauses = segment(review.document_text);
  if (p.clauses.empty())
    p.findings.push_back({Diag::cite_missing_clause, review.header.loc, review.header.line,
                          fmt::format("{}: no numbered clauses (一、 （一） 1.) found in the document", review.document_name)});
  for (const ReviewCitation& c : review.citations) p.others.push_back(other_row(c, p.clauses, p.findings));
  for (const ReviewBenefit& b : review.benefits) p.rows.push_back(benefit_row(b, p.clauses, p.findings));

  std::vector<bool> cited(p.clauses.size(), false), omitted(p.clauses.size(), false);
  auto mark = [&](const std::vector<Citation>& citations) {
    for (const Citation& c : citations)
      if (c.clause >= 0) cited[static_cast<std::size_t>(c.clause)] = true;
  };
  for (const Row& row : p.rows) mark(row.citations);
  for (const OtherRow& row : p.others) mark(row.citations);
  for (const ReviewOmission& o : review.not_transcribed) {
    const std::string who = "not transcribed";
    Omission resolved{&o, -1};
    auto citations = resolve(who, o.clause, o.loc, o.line, p.clauses, p.findings);
    if (citations.size() == 1) resolved.clause = citations.front().clause;
    for (const Citation& c : citations) {
      if (c.clause < 0) continue;
      const auto i = static_cast<std::size_t>(c.clause);
      if (within(p.clauses, cited, i))
        p.findings.push_back({Diag::cited_and_not_transcribed, o.loc, o.line,
                              fmt::format("clause {} is declared not transcribed, and is cited", c.label)});
      omitted[i] = true;
    }
    p.omitted.push_back(resolved);
  }
  std::vector<std::string> unaccounted;
  for (std::size_t i = 0; i < p.clauses.size(); ++i) {
    if (!is_leaf(p.clauses, static_cast<int>(i)) || within(p.clauses, cited, i) || within(p.clauses, omitted, i)) continue;
    p.uncited.push_back(static_cast<int>(i));
    const Clause& c = p.clauses[i];
    if (unaccounted.size() < max_listed) unaccounted.push_back(fmt::format("{} (line {})", c.label, c.line));
  }
  // One warning for them all, of bounded length: the page lists each with its text.
  const std::size_t count = p.uncited.size();
  if (count > max_listed) unaccounted.push_back(fmt::format("and {} more (the report lists each)", count - max_listed));
  if (count > 0)
    p.findings.push_back({Diag::clause_unaccounted, review.header.loc, review.header.line,
                          fmt::format("{} of the document {} neither cited nor declared `not transcribed \"clause\" "
                                      "\"reason\"`: {}",
                                      count == 1 ? "a clause" : fmt::format("{} clauses", count), count == 1 ? "is" : "are",
                                      fmt::join(unaccounted, ", "))});
  review_figures(p);
  std::stable_sort(p.findings.begin(), p.findings.end(), [](const Finding& a, const Finding& b) { return a.line < b.line; });
  return p;
}

}  // namespace fuzhu::report
