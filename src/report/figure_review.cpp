// Tying the figures of the law to the script's (issue 13, item 2). A figure
// of a clause that nothing citing the clause uses may be a benefit the
// transcriber missed or a figure mistyped; a figure of a benefit that its
// clauses do not state may come from another document, or be a typo. Both
// are flagged on the page for the reviewer to settle; neither is a
// diagnostic, because the reading may well be right (a raise of 100元 that
// the script writes as the new total).
#include <algorithm>

#include "report/review.hpp"

namespace fuzhu::report {

namespace {

bool uses(const std::vector<ScriptFigure>& figures, const DocFigure& f) {
  return std::any_of(figures.begin(), figures.end(), [&](const ScriptFigure& s) { return f.matches(s.figure); });
}

// Someone citing clauses with figures: a benefit, the header, a definition.
struct Citer {
  std::string who;
  const std::vector<Citation>* citations;
  const std::vector<ScriptFigure>* figures;
};

std::vector<Citer> citers_of(const Pairing& p) {
  std::vector<Citer> out;
  for (const Row& row : p.rows) out.push_back({row.benefit->id, &row.citations, &row.benefit->figures});
  for (const OtherRow& row : p.others) out.push_back({row.citation->by, &row.citations, &row.citation->figures});
  return out;
}

bool covers(const Citer& c, const std::vector<Clause>& clauses, int clause) {
  return std::any_of(c.citations->begin(), c.citations->end(),
                     [&](const Citation& cited) { return cited.clause >= 0 && within_clause(clauses, clause, cited.clause); });
}

void tie_clause(Pairing& p, const std::vector<Citer>& citers, int clause) {
  auto& figures = p.figures[static_cast<std::size_t>(clause)];
  for (const DocFigure& f : figures_in(p.clauses[static_cast<std::size_t>(clause)].text)) figures.push_back({f, {}, false});
  bool covered = false;
  for (const Citer& c : citers) {
    if (!covers(c, p.clauses, clause)) continue;
    covered = true;
    for (ClauseFigure& f : figures)
      if (uses(*c.figures, f.at) && std::find(f.used_by.begin(), f.used_by.end(), c.who) == f.used_by.end())
        f.used_by.push_back(c.who);
  }
  for (ClauseFigure& f : figures) f.unused = covered && f.used_by.empty();
}

// The clause that states `f`: the deepest within a cited clause, else one
// the cited clause stands in (三（四）'s opening words govern its point 4:
// 为母亲未满49周岁…); -1 when none does.
int stating_clause(const Pairing& p, const std::vector<Citation>& citations, const Figure& f) {
  auto states = [&](int i) {
    const auto& figures = p.figures[static_cast<std::size_t>(i)];
    return std::any_of(figures.begin(), figures.end(), [&](const ClauseFigure& cf) { return cf.at.matches(f); });
  };
  for (const Citation& c : citations) {
    if (c.clause < 0) continue;
    int found = -1;
    for (int i = c.clause; i < static_cast<int>(p.clauses.size()) && within_clause(p.clauses, i, c.clause); ++i)
      if (states(i)) found = i;
    if (found >= 0) return found;
  }
  for (const Citation& c : citations)
    if (c.clause >= 0)
      for (int i = p.clauses[static_cast<std::size_t>(c.clause)].parent; i >= 0; i = p.clauses[static_cast<std::size_t>(i)].parent)
        if (states(i)) return i;
  return -1;
}

std::vector<FigureCheck> check_figures(const Pairing& p, const std::vector<Citation>& citations,
                                       const std::vector<ScriptFigure>& figures) {
  std::vector<FigureCheck> out;
  for (const ScriptFigure& s : figures) {
    if (!s.stated) continue;
    if (std::any_of(out.begin(), out.end(), [&](const FigureCheck& c) { return c.figure.figure == s.figure; })) continue;
    out.push_back({s, stating_clause(p, citations, s.figure)});
  }
  return out;
}

}  // namespace

void review_figures(Pairing& p) {
  p.figures.assign(p.clauses.size(), {});
  const std::vector<Citer> citers = citers_of(p);
  for (int i = 0; i < static_cast<int>(p.clauses.size()); ++i) tie_clause(p, citers, i);
  for (Row& row : p.rows) row.figures = check_figures(p, row.citations, row.benefit->figures);
  // A definition states its own figures (Foshan's 2015-12-31); the header's
  // dates of issue and force often stand outside the clause it cites.
  for (OtherRow& row : p.others)
    if (row.citation->by != "policy") row.figures = check_figures(p, row.citations, row.citation->figures);
}

}  // namespace fuzhu::report
