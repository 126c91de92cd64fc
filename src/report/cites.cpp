#include "report/cites.hpp"

#include <array>

#include "report/clauses.hpp"
#include "report/text.hpp"

namespace fuzhu::report {

namespace {

constexpr std::array<std::string_view, 11> numerals = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

std::size_t numeral_bytes(std::string_view s) {
  std::size_t n = 0;
  for (bool more = true; more;) {
    more = false;
    for (auto numeral : numerals)
      if (s.substr(n).starts_with(numeral)) {
        n += numeral.size();
        more = true;
      }
  }
  return n;
}

// Consumes `prefix` from the front of `s` if it is there.
bool take(std::string_view& s, std::string_view prefix) {
  if (!s.starts_with(prefix)) return false;
  s.remove_prefix(prefix.size());
  return true;
}

bool take_separator(std::string_view& s) {
  bool any = false;
  for (bool more = true; more;) {
    more = false;
    for (std::string_view sep : {"、", "，", ",", "；", ";", " ", "\u3000"})
      if (take(s, sep)) more = any = true;
  }
  return any;
}

// One piece of a cite: the levels it names; those it leaves out are empty.
struct Piece {
  std::string section, item, point;
};

bool read_piece(std::string_view& s, Piece& piece) {
  for (std::string_view unnumbered : {preamble_label, closing_label})  // 前言, 施行
    if (take(s, unnumbered)) {
      piece.section = std::string(unnumbered);
      return true;
    }
  std::size_t n = numeral_bytes(s);
  piece.section = std::string(s.substr(0, n));
  s.remove_prefix(n);
  if (take(s, "（") || take(s, "(")) {
    n = numeral_bytes(s);
    if (n == 0) return false;
    piece.item = std::string(s.substr(0, n));
    s.remove_prefix(n);
    if (!take(s, "）") && !take(s, ")")) return false;
  }
  n = 0;
  while (n < s.size() && is_ascii_digit(s[n])) ++n;
  piece.point = std::string(s.substr(0, n));
  s.remove_prefix(n);
  return !(piece.section.empty() && piece.item.empty() && piece.point.empty());
}

std::string label_of(const Piece& p) { return p.section + (p.item.empty() ? "" : "（" + p.item + "）") + p.point; }

}  // namespace

CiteLabels parse_cite(std::string_view cite) {
  CiteLabels out;
  std::string_view rest = trim(cite);
  Piece last;
  bool first = true;
  while (!rest.empty()) {
    if (!first && !take_separator(rest)) break;
    if (rest.empty()) break;
    Piece piece;
    std::string_view attempt = rest;  // consumed only when the piece is whole
    if (!read_piece(attempt, piece)) break;
    rest = attempt;
    if (piece.section.empty()) {  // inherits the section, and the item if it names only a point
      if (first) break;
      piece.section = last.section;
      if (piece.item.empty()) piece.item = last.item;
    }
    out.labels.push_back(label_of(piece));
    last = piece;
    first = false;
  }
  if (!rest.empty() || out.labels.empty()) {
    out.labels.clear();
    out.error = "\"" + std::string(cite) + "\" is not a clause reference (write it like 二（一）1 or 二（一）2、3; 前言 and 施行 name the unnumbered preamble and closing sentence)";
  }
  return out;
}

}  // namespace fuzhu::report
