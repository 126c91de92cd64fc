// The numbered provisions of a policy document's plain text, so that a
// benefit's `cites "二（一）1"` can be shown beside the words it cites.
//
// Chinese official documents number their provisions on three levels, each
// at the start of a line:
//   一、      a section (大标题)
//   （一）    an item within the section (ASCII "(一)" too)
//   1. / 1．  a point within the item, or within a section without items
// A clause's label joins the levels: "二", "二（一）", "二（一）1", "二1".
// What comes before the first section (the issuing office, the 文号, the
// addressees) and after the body (signatures, the date, 抄送, 附件) is not a
// clause. Two unnumbered parts are, because policies cite them: the preamble
// before 一、 ("前言": where documents define the families they serve) and an
// unnumbered closing sentence "本…自…起施行/实行" ("施行": the date of force).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fuzhu::report {

enum class Level { section, item, point };

struct Clause {
  std::string label;   // "二（一）1"
  Level level = Level::section;
  int parent = -1;     // index of the enclosing clause; -1 for a section
  int line = 0;        // 1-based line of the document where it starts
  std::string text;    // its own words: the numbered line up to the next clause
  // The document skips this section number, and an unnumbered heading line
  // stands where it belongs (佛山's 精准扶助对象 between 一、 and 三、).
  bool inferred = false;
  // The preamble (前言) or the closing sentence (施行): a part of the text
  // the document does not number.
  bool unnumbered = false;
};

/// The labels of the unnumbered parts a policy may cite.
inline constexpr std::string_view preamble_label = "前言";
inline constexpr std::string_view closing_label = "施行";

/// The clauses of a document, in document order.
std::vector<Clause> segment(std::string_view document);

/// The index of the clause labelled `label`, or -1.
int find_clause(const std::vector<Clause>& clauses, std::string_view label);

/// A clause's words with those of every clause inside it: what a citation
/// of the whole clause refers to.
std::string full_text(const std::vector<Clause>& clauses, int index);

/// True when `index` has no clause inside it.
bool is_leaf(const std::vector<Clause>& clauses, int index);

/// The value of a Chinese numeral "一" … "九十九" ("十一", "二十"), or 0.
int chinese_number(std::string_view numeral);

}  // namespace fuzhu::report
