// The review report: each benefit of a policy beside the clause of the
// document it cites, and the clauses no benefit cites. The model here is
// plain data, filled from a compiled policy (from_policy.hpp) or by a test.
#pragma once

#include <string>
#include <vector>

#include "report/clauses.hpp"

namespace fuzhu::report {

/// The policy header, as written.
struct ReviewHeader {
  std::string title, document, issuer, jurisdiction, status;
  std::string issued, in_force_from, in_force_to;  // "YYYY-MM-DD" or empty
  std::string policy_file;
  std::string in_force_period;  // "5 年" when the header says `for 5 年`: in_force_to is computed
  bool draft() const { return status == "draft"; }
};

/// One benefit of the policy, as written.
struct ReviewBenefit {
  std::string id, title, cite, quote;
  std::string recipient;  // "each parent", "household", ...
  std::string period;     // "monthly", "yearly", "once"; empty for a service
  bool discretionary = false, minimum = false;
  std::string source;     // the benefit block from the .policy source
  int line = 0;           // where the block starts in the policy file
};

struct Review {
  ReviewHeader header;
  std::vector<ReviewBenefit> benefits;
  std::string document_name;  // the document's file name, for the page
  std::string document_text;
};

/// A clause a benefit cites: its label and index, or -1 when the document
/// has no clause by that label.
struct Citation {
  std::string label;
  int clause = -1;
};

struct Row {
  const ReviewBenefit* benefit = nullptr;
  std::vector<Citation> citations;
};

/// The benefits paired with the document's clauses.
struct Pairing {
  std::vector<Clause> clauses;
  std::vector<Row> rows;              // one a benefit, in policy order
  std::vector<int> uncited;           // leaf clauses neither cited nor inside a cited clause
  std::vector<std::string> warnings;  // cites that name no clause of the document
};

Pairing pair_up(const Review& review);

/// The self-contained HTML page (inline CSS, no script, no external asset).
std::string render_page(const Review& review, const Pairing& pairing);

}  // namespace fuzhu::report
