#include "report/quotes.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "report/text.hpp"

namespace fuzhu::report {

namespace {

enum class Match { none, loose, exact };  // loose: only when whitespace is ignored

struct Found {
  Match match = Match::none;
  int clause = -1;        // the deepest clause whose own text holds the piece
  std::string document;   // the document's words for a loose match
};

// Where `piece` stands in `text`: word for word, or with other spacing.
Match match_in(std::string_view text, std::string_view piece, std::string* document_words = nullptr) {
  if (text.find(piece) != std::string_view::npos) return Match::exact;
  const Squeezed squeezed = squeeze_whitespace(text);
  const std::string wanted = squeeze_whitespace(piece).text;
  const std::size_t at = wanted.empty() ? std::string::npos : squeezed.text.find(wanted);
  if (at == std::string::npos) return Match::none;
  if (document_words) {
    const std::size_t begin = squeezed.origin[at], end = squeezed.origin[at + wanted.size() - 1] + 1;
    *document_words = std::string(text.substr(begin, end - begin));
  }
  return Match::loose;
}

bool inside(const std::vector<Clause>& clauses, int index, int ancestor) {
  for (int p = index; p >= 0; p = clauses[static_cast<std::size_t>(p)].parent)
    if (p == ancestor) return true;
  return false;
}

// The deepest clause within `within` (or anywhere, for -1) whose own words
// hold the piece with the match given; -1 if none.
int holder(const std::vector<Clause>& clauses, int within, std::string_view piece, Match wanted) {
  int found = -1;
  for (int i = 0; i < static_cast<int>(clauses.size()); ++i) {
    if (within >= 0 && !inside(clauses, i, within)) continue;
    const Match m = match_in(clauses[static_cast<std::size_t>(i)].text, piece);
    if (m != Match::none && (m == wanted || wanted == Match::loose)) found = i;  // later is deeper
  }
  return found;
}

Found find_piece(std::string_view piece, const std::vector<Citation>& cited, const std::vector<Clause>& clauses) {
  for (Match wanted : {Match::exact, Match::loose})
    for (const Citation& c : cited) {
      if (c.clause < 0) continue;
      Found f;
      if (match_in(full_text(clauses, c.clause), piece, &f.document) != wanted) continue;
      f.match = wanted;
      f.clause = holder(clauses, c.clause, piece, wanted);
      if (f.clause < 0) f.clause = c.clause;  // across the cited clause's own parts
      return f;
    }
  return {};
}

std::string label_of(const std::vector<Clause>& clauses, int i) { return clauses[static_cast<std::size_t>(i)].label; }

}  // namespace

void check_quote(std::string_view who, std::string_view quote, const std::vector<Citation>& cited,
                 const std::vector<Clause>& clauses, Loc loc, int line, std::vector<Finding>& findings) {
  constexpr std::size_t shown = 40;  // characters of a piece or of the document's words
  // A cite that names no clause is its own warning; its quote has nowhere to be.
  if (std::none_of(cited.begin(), cited.end(), [](const Citation& c) { return c.clause >= 0; })) return;
  std::vector<int> holders;
  for (std::string_view piece : quote_pieces(quote)) {
    Found f = find_piece(piece, cited, clauses);
    if (f.match == Match::loose)
      findings.push_back({Diag::quote_not_verbatim, loc, line,
                          fmt::format("{}: the quote is not word for word, spaces included: the document writes 「{}」, "
                                      "the quote 「{}」",
                                      who, cut(f.document, shown), cut(piece, shown))});
    if (f.match == Match::none) {
      const int elsewhere = holder(clauses, -1, piece, Match::loose);
      findings.push_back({Diag::quote_not_found, loc, line,
                          elsewhere >= 0
                              ? fmt::format("{}: 「{}」 is not in the clause cited: it stands in clause {}", who,
                                            cut(piece, shown), label_of(clauses, elsewhere))
                              : fmt::format("{}: 「{}」 is not in the clause cited, nor anywhere in the document", who,
                                            cut(piece, shown))});
      f.clause = elsewhere;
    }
    if (f.clause >= 0 && std::find(holders.begin(), holders.end(), f.clause) == holders.end()) holders.push_back(f.clause);
  }
  if (holders.size() > 1) {
    std::vector<std::string> labels;
    for (int h : holders) labels.push_back(label_of(clauses, h));
    findings.push_back({Diag::quote_across_clauses, loc, line,
                        fmt::format("{}: the quote runs across clauses {} (its pieces, split at ……, stand in "
                                    "different clauses): quote from one clause",
                                    who, fmt::join(labels, " and "))});
  }
}

}  // namespace fuzhu::report
