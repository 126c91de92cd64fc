// The parts of the review page (page.cpp puts them together): the CSS, the
// document with its benefits under each clause, a benefit's card, the
// definitions. Internal to src/report.
#pragma once

#include <string>
#include <string_view>

#include "report/review.hpp"

namespace fuzhu::report {

/// The page's CSS: screen (side by side, stacked on a phone) and print (A4).
std::string_view page_style();

/// Anchors: every clause, benefit and definition has one, linked both ways.
std::string clause_anchor(int clause);          // "clause-3"
std::string benefit_anchor(const std::string& id);  // "benefit-special_allowance", escaped
std::string definition_anchor(const std::string& name);
inline constexpr std::string_view header_anchor = "policy-header";

/// A link to clause `index`, showing its label.
std::string clause_link(const Pairing& pairing, int index);

/// The whole document, clause by clause, each benefit under the first clause it cites.
std::string document_html(const Review& review, const Pairing& pairing);

/// A benefit's card: plain words, cites, figures, quote, readings, script, sign-off.
std::string benefit_html(const Review& review, const Pairing& pairing, const Row& row);

/// The definitions the policy reads, in plain words, with their clauses.
std::string definitions_html(const Review& review, const Pairing& pairing);

/// A script's figures against its clauses: found (with a link) or flagged.
std::string figure_checks_html(const Pairing& pairing, const std::vector<FigureCheck>& checks);

}  // namespace fuzhu::report
