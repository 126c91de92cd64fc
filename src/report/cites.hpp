// Reading a benefit's `cites` string as the labels of document clauses.
//
//   "一（一）"               → 一（一）
//   "二（一）1"              → 二（一）1
//   "二（一）2、3"           → 二（一）2, 二（一）3     (a later piece inherits the
//   "二（一）2, 二（一）3"   → 二（一）2, 二（一）3      levels it leaves out)
//   "四（一）、（三）"       → 四（一）, 四（三）
//   "前言", "施行"           → the unnumbered preamble and closing sentence
// ASCII parentheses are read as full-width ones.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fuzhu::report {

struct CiteLabels {
  std::vector<std::string> labels;  // in the order written
  std::string error;                // set when the cite is not a clause reference
};

CiteLabels parse_cite(std::string_view cite);

}  // namespace fuzhu::report
