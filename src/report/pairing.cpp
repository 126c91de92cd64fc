// Pairing benefits with clauses: resolve every cite, and find the clauses
// that no benefit accounts for — the gaps a reviewer looks for first.
#include <fmt/format.h>

#include "report/cites.hpp"
#include "report/review.hpp"

namespace fuzhu::report {

namespace {

Row resolve(const ReviewBenefit& benefit, const std::vector<Clause>& clauses, std::vector<std::string>& warnings) {
  Row row{&benefit, {}};
  if (benefit.cite.empty()) {  // no `cites` clause: nothing to show beside it
    warnings.push_back(fmt::format("benefit {}: cites no clause of the document", benefit.id));
    return row;
  }
  CiteLabels cite = parse_cite(benefit.cite);
  if (!cite.error.empty()) {
    warnings.push_back(fmt::format("benefit {}: cites {}", benefit.id, cite.error));
    row.citations.push_back({benefit.cite, -1});
    return row;
  }
  for (const std::string& label : cite.labels) {
    int index = find_clause(clauses, label);
    if (index < 0)
      warnings.push_back(fmt::format("benefit {}: cites {}, but the document has no clause {}", benefit.id, label, label));
    row.citations.push_back({label, index});
  }
  return row;
}

// A clause is accounted for when it, or a clause it is inside, is cited.
std::vector<bool> covered(const std::vector<Clause>& clauses, const std::vector<Row>& rows) {
  std::vector<bool> cited(clauses.size(), false);
  for (const Row& row : rows)
    for (const Citation& c : row.citations)
      if (c.clause >= 0) cited[static_cast<std::size_t>(c.clause)] = true;
  std::vector<bool> out(clauses.size(), false);
  for (std::size_t i = 0; i < clauses.size(); ++i)
    for (int j = static_cast<int>(i); j >= 0 && !out[i]; j = clauses[static_cast<std::size_t>(j)].parent)
      out[i] = cited[static_cast<std::size_t>(j)];
  return out;
}

}  // namespace

Pairing pair_up(const Review& review) {
  Pairing p;
  p.clauses = segment(review.document_text);
  if (p.clauses.empty())
    p.warnings.push_back(fmt::format("{}: no numbered clauses (一、 （一） 1.) found in the document", review.document_name));
  for (const ReviewBenefit& b : review.benefits) p.rows.push_back(resolve(b, p.clauses, p.warnings));
  std::vector<bool> accounted = covered(p.clauses, p.rows);
  for (std::size_t i = 0; i < p.clauses.size(); ++i)
    if (!accounted[i] && is_leaf(p.clauses, static_cast<int>(i))) p.uncited.push_back(static_cast<int>(i));
  return p;
}

}  // namespace fuzhu::report
