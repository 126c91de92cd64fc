// Segmenting a document into numbered clauses. The documents are plain text
// copied from PDFs: page breaks split sentences over blank lines ("独生子女死"
// / "亡家庭"), numbers may be indented, and the closing matter (signatures,
// dates, 抄送) follows the last clause without a marker of its own. So the
// segmenter works line by line: find where the body begins and ends, mark
// every line that starts a clause, and give each clause the lines up to the
// next mark.
#include "report/clauses.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <utility>

#include "report/numerals.hpp"
#include "report/text.hpp"

namespace fuzhu::report {

namespace {

// ------------------------------------------------------------ numerals

constexpr std::array<std::string_view, 10> digits_cn = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
constexpr std::string_view ten_cn = "十";

// The value of one Chinese digit character at the start of `s` (0–9), of 十
// (10), or -1.
int digit_at(std::string_view s) {
  for (std::size_t d = 0; d < digits_cn.size(); ++d)
    if (s.starts_with(digits_cn[d])) return static_cast<int>(d);
  if (s.starts_with(ten_cn)) return 10;
  return -1;
}

// Bytes of the run of Chinese numeral characters at the start of `s`.
std::size_t numeral_bytes(std::string_view s) {
  std::size_t n = 0;
  while (n < s.size() && digit_at(s.substr(n)) >= 0) n += 3;  // each is 3 bytes in UTF-8
  return n;
}

std::string numeral_of(int value) {  // 1..99
  std::string out;
  int tens = value / 10, units = value % 10;
  if (tens > 1) out += digits_cn[static_cast<std::size_t>(tens)];
  if (tens > 0) out += ten_cn;
  if (units > 0) out += digits_cn[static_cast<std::size_t>(units)];
  return out;
}

// ------------------------------------------------------------ clause starts

struct Start {
  Level level = Level::section;
  std::string number;  // "二", "一", "10"
};

bool section_start(std::string_view line, Start& start) {
  std::size_t n = numeral_bytes(line);
  if (n == 0 || !line.substr(n).starts_with("、")) return false;
  start = {Level::section, std::string(line.substr(0, n))};
  return true;
}

bool item_start(std::string_view line, Start& start) {
  std::size_t open = line.starts_with("（") ? 3 : line.starts_with("(") ? 1 : 0;
  if (open == 0) return false;
  std::size_t n = numeral_bytes(line.substr(open));
  if (n == 0) return false;
  std::string_view rest = line.substr(open + n);
  if (!rest.starts_with("）") && !rest.starts_with(")")) return false;
  start = {Level::item, std::string(line.substr(open, n))};
  return true;
}

// "1." "1．" "1、" and "10." — but not "2014年" or a decimal "3.5".
bool point_start(std::string_view line, Start& start) {
  std::size_t n = 0;
  while (n < line.size() && n < 3 && is_ascii_digit(line[n])) ++n;
  if (n == 0 || n > 2) return false;
  std::string_view rest = line.substr(n);
  bool dot = rest.starts_with(".");
  if (!dot && !rest.starts_with("．") && !rest.starts_with("、")) return false;
  if (dot && rest.size() > 1 && is_ascii_digit(rest[1])) return false;
  start = {Level::point, std::string(line.substr(0, n))};
  return true;
}

bool clause_start(std::string_view line, Start& start) {
  return section_start(line, start) || item_start(line, start) || point_start(line, start);
}

// ------------------------------------------------------------ the closing matter

// "2017年9月28日" or "2014年12月10日印发" alone on a line: the date of signing.
bool date_line(std::string_view line) {
  std::size_t i = 0;
  auto number = [&](std::size_t min, std::size_t max) {
    std::size_t from = i;
    while (i < line.size() && is_ascii_digit(line[i])) ++i;
    return i - from >= min && i - from <= max;
  };
  auto word = [&](std::string_view w) {
    if (!line.substr(i).starts_with(w)) return false;
    i += w.size();
    return true;
  };
  if (!(number(4, 4) && word("年") && number(1, 2) && word("月") && number(1, 2) && word("日"))) return false;
  std::string_view rest = line.substr(i);
  return rest.empty() || rest == "印发";
}

// A line after which nothing is a clause: the date of signing, 抄送, the list
// of attachments, the publication note, or an unnumbered "本意见自…起施行".
bool closing_line(std::string_view line) {
  for (std::string_view marker : {"抄送", "附件：", "附件:", "（此件", "(此件", "（信息公开", "(信息公开"})
    if (line.starts_with(marker)) return true;
  if (line.starts_with("本") && (contains(line, "起施行") || contains(line, "起实行"))) return true;
  return date_line(line);
}

// ------------------------------------------------------------ segmenting

struct Mark {
  std::size_t line = 0;  // 0-based index into the lines
  Start start;
  bool inferred = false;
};

// The lines [begin, end) of the body: from the first section to the closing
// matter, less the signatures (heading-like lines) just before it.
std::pair<std::size_t, std::size_t> body_of(const std::vector<std::string_view>& lines) {
  Start start;
  std::size_t begin = 0;
  while (begin < lines.size() && !section_start(trim(lines[begin]), start)) ++begin;
  std::size_t end = begin;
  while (end < lines.size()) {
    std::string_view line = trim(lines[end]);
    if (end > begin && !clause_start(line, start) && closing_line(line)) break;
    ++end;
  }
  while (end > begin + 1) {
    std::string_view line = trim(lines[end - 1]);
    if (!line.empty() && (!heading_like(line) || clause_start(line, start))) break;
    --end;
  }
  return {begin, end};
}

// Every line of the body that starts a clause. A section number skipped
// (一、 then 三、) with an unnumbered heading line in between: that heading
// starts the missing section.
std::vector<Mark> marks_of(const std::vector<std::string_view>& lines, std::size_t begin, std::size_t end) {
  std::vector<Mark> marks;
  int last_section = 0;
  std::size_t heading = 0;  // an unnumbered heading line since the last mark; 0: none
  for (std::size_t i = begin; i < end; ++i) {
    std::string_view line = trim(lines[i]);
    Start start;
    if (!clause_start(line, start)) {
      if (!line.empty() && heading_like(line)) heading = i;
      continue;
    }
    if (start.level == Level::section) {
      int value = chinese_number(start.number);
      if (value == last_section + 2 && last_section > 0 && heading != 0)
        marks.push_back({heading, {Level::section, numeral_of(last_section + 1)}, true});
      last_section = value;
    }
    marks.push_back({i, start, false});
    heading = 0;
  }
  return marks;
}

// Whether a paragraph ends after `line`: at a full stop and the like, or
// after a heading. Otherwise the next line continues the sentence across a
// page break and is joined without a break.
bool ends_paragraph(std::string_view line) {
  for (std::string_view stop : {"。", "；", "：", "！", "？", "）", ")", ";", ":"})
    if (line.ends_with(stop)) return true;
  return heading_like(line);
}

std::string join_lines(const std::vector<std::string_view>& lines, std::size_t from, std::size_t to) {
  std::string text;
  bool paragraph_ended = false;
  for (std::size_t i = from; i < to; ++i) {
    std::string_view line = trim(lines[i]);
    if (line.empty()) continue;
    if (!text.empty() && paragraph_ended) text += '\n';
    text += line;
    paragraph_ended = ends_paragraph(line);
  }
  return text;
}

std::string label_of(const std::vector<Clause>& clauses, int parent, const Start& start) {
  switch (start.level) {
    case Level::section: return start.number;
    case Level::item: return clauses[static_cast<std::size_t>(parent)].label + "（" + start.number + "）";
    case Level::point: return clauses[static_cast<std::size_t>(parent)].label + start.number;
  }
  return start.number;
}

// A line of running text before the body: not blank, not a heading (a
// title, the 文号), not a parenthesised aside such as （征求意见稿）.
bool prose(std::string_view line) {
  const bool aside = (line.starts_with("（") && line.ends_with("）")) || (line.starts_with("(") && line.ends_with(")"));
  return !line.empty() && !heading_like(line) && !aside;
}

// The preamble: the running text before the first section, after the
// addressees (the first line ending in a colon, unless that is the preamble's
// own last line: "现就有关事项通知如下：") and after the date of a cover letter.
std::optional<Clause> preamble(const std::vector<std::string_view>& lines, std::size_t begin) {
  std::size_t start = 0;
  bool addressees_seen = false;
  for (std::size_t i = 0; i < begin; ++i) {
    std::string_view line = trim(lines[i]);
    if (date_line(line)) start = i + 1;
    if (!addressees_seen && (line.ends_with("：") || line.ends_with(":"))) {
      bool prose_after = false;
      for (std::size_t j = i + 1; j < begin && !prose_after; ++j) prose_after = prose(trim(lines[j]));
      if (prose_after) start = std::max(start, i + 1), addressees_seen = true;
    }
  }
  std::size_t first = begin, last = begin;
  for (std::size_t i = start; i < begin; ++i) {
    if (!prose(trim(lines[i]))) continue;
    if (first == begin) first = i;
    last = i;
  }
  if (first == begin) return std::nullopt;
  Clause c;
  c.label = std::string(preamble_label);
  c.line = static_cast<int>(first) + 1;
  c.text = join_lines(lines, first, last + 1);
  c.unnumbered = true;
  return c;
}

// An unnumbered "本《意见》自2021年1月8日起实行，有效期至…" right after the body.
std::optional<Clause> closing(const std::vector<std::string_view>& lines, std::size_t end) {
  for (std::size_t i = end; i < lines.size(); ++i) {
    std::string_view line = trim(lines[i]);
    if (line.empty()) continue;
    if (!line.starts_with("本") || !(contains(line, "起施行") || contains(line, "起实行"))) return std::nullopt;
    Clause c;
    c.label = std::string(closing_label);
    c.line = static_cast<int>(i) + 1;
    c.text = std::string(line);
    c.unnumbered = true;
    return c;
  }
  return std::nullopt;
}

}  // namespace

int chinese_number(std::string_view numeral) {
  // "十" = 10, "十一" = 11, "二十" = 20, "二十三" = 23, "三" = 3: read as the
  // document's figures are (numerals.hpp), the whole text a numeral or 0.
  auto n = read_number(numeral);
  return n && n->chinese && n->bytes == numeral.size() ? static_cast<int>(n->mantissa) : 0;
}

std::vector<Clause> segment(std::string_view document) {
  std::vector<std::string_view> lines = split_lines(document);
  auto [begin, end] = body_of(lines);
  std::vector<Mark> marks = marks_of(lines, begin, end);
  std::vector<Clause> clauses;
  if (begin == lines.size()) return clauses;  // no section: nothing is numbered, nothing is a preamble
  if (auto p = preamble(lines, begin)) clauses.push_back(std::move(*p));
  int section = -1, item = -1;
  for (std::size_t k = 0; k < marks.size(); ++k) {
    const Mark& mark = marks[k];
    Clause c;
    c.level = mark.start.level;
    if (c.level == Level::item && section < 0) continue;  // cannot happen: the body opens with a section
    c.parent = c.level == Level::section ? -1 : c.level == Level::item ? section : (item >= 0 ? item : section);
    c.label = label_of(clauses, c.parent, mark.start);
    c.line = static_cast<int>(mark.line) + 1;
    c.inferred = mark.inferred;
    c.text = join_lines(lines, mark.line, k + 1 < marks.size() ? marks[k + 1].line : end);
    int index = static_cast<int>(clauses.size());
    if (c.level == Level::section) {
      section = index;
      item = -1;
    } else if (c.level == Level::item) {
      item = index;
    }
    clauses.push_back(std::move(c));
  }
  if (auto c = closing(lines, end)) clauses.push_back(std::move(*c));
  return clauses;
}

int find_clause(const std::vector<Clause>& clauses, std::string_view label) {
  for (std::size_t i = 0; i < clauses.size(); ++i)
    if (clauses[i].label == label) return static_cast<int>(i);
  return -1;
}

namespace {

bool inside(const std::vector<Clause>& clauses, int index, int ancestor) {
  for (int p = clauses[static_cast<std::size_t>(index)].parent; p >= 0; p = clauses[static_cast<std::size_t>(p)].parent)
    if (p == ancestor) return true;
  return false;
}

}  // namespace

std::string full_text(const std::vector<Clause>& clauses, int index) {
  std::string text = clauses[static_cast<std::size_t>(index)].text;
  for (int j = index + 1; j < static_cast<int>(clauses.size()) && inside(clauses, j, index); ++j)
    text += "\n" + clauses[static_cast<std::size_t>(j)].text;
  return text;
}

bool is_leaf(const std::vector<Clause>& clauses, int index) {
  return index + 1 >= static_cast<int>(clauses.size()) || !inside(clauses, index + 1, index);
}

}  // namespace fuzhu::report
