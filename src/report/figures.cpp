#include "report/figures.hpp"

#include <array>
#include <optional>

#include <fmt/format.h>

#include "fuzhu/value.hpp"
#include "report/numerals.hpp"

namespace fuzhu::report {

namespace {

constexpr std::int64_t fen_per_yuan = 100, fen_per_wan = 1'000'000, ppm_per_percent = 10'000;

// mantissa / 10^decimals × scale, when that is a whole number that fits.
std::optional<std::int64_t> scaled(const Number& n, std::int64_t scale) {
  std::int64_t divisor = 1;
  for (int d = 0; d < n.decimals; ++d) divisor *= 10;
  if (n.mantissa > INT64_MAX / scale) return std::nullopt;
  const std::int64_t product = n.mantissa * scale;
  if (product % divisor != 0) return std::nullopt;
  return product / divisor;
}

std::size_t skip_blanks(std::string_view text, std::size_t i) {
  for (;;) {
    if (i < text.size() && text[i] == ' ') ++i;
    else if (text.substr(i).starts_with("\u3000")) i += 3;
    else return i;
  }
}

bool take(std::string_view text, std::size_t& i, std::string_view word) {
  if (!text.substr(i).starts_with(word)) return false;
  i += word.size();
  return true;
}

// A figure's unit after its number, and what it makes of the number.
struct Unit {
  std::string_view text;
  FigureKind kind;
  std::int64_t scale;
};
constexpr std::array<Unit, 9> units = {{
    {"万元", FigureKind::money, fen_per_wan},
    {"元", FigureKind::money, fen_per_yuan},
    {"周岁", FigureKind::number, 1},
    {"岁", FigureKind::number, 1},
    {"%", FigureKind::percent, ppm_per_percent},
    {"％", FigureKind::percent, ppm_per_percent},
    {"个月", FigureKind::number, 1},
    {"级", FigureKind::number, 1},
    {"层", FigureKind::number, 1},
}};

// "三级及以上", "达到三级": a disability grade. "市、县两级", "区、镇、村三级"
// count levels of government: a grade in words is one only beside these.
bool grade_in_words(std::string_view text, std::size_t begin, std::size_t after_unit) {
  for (std::string_view next : {"及以上", "以上", "及以下", "以下", "伤残", "残疾"})
    if (text.substr(after_unit).starts_with(next)) return true;
  for (std::string_view before : {"达到", "达", "为"})
    if (begin >= before.size() && text.substr(begin - before.size(), before.size()) == before) return true;
  return false;
}

const Unit* unit_at(std::string_view text, std::size_t i) {
  for (const Unit& u : units)
    if (text.substr(i).starts_with(u.text)) return &u;
  return nullptr;
}

std::optional<Figure> figure_of(const Number& n, const Unit& u) {
  if (u.kind == FigureKind::number && !n.whole()) return std::nullopt;
  auto value = scaled(n, u.scale);
  if (!value) return std::nullopt;
  return Figure{u.kind, *value};
}

DocFigure doc_figure(std::size_t begin, std::size_t end, Figure f) { return {{begin, end}, f, std::nullopt}; }

// What follows one number: where the figure ends, or 0 when it is none.
struct Read {
  std::size_t end = 0;              // past the figure (or past what is skipped)
  std::vector<DocFigure> figures;   // none: not a figure
};

// 2015年12月31日 after the year's "年".
std::optional<Figure> date_after_year(std::string_view text, std::int64_t year, std::size_t& i) {
  std::size_t j = i;
  auto month = read_number(text.substr(j));
  if (!month || !month->whole()) return std::nullopt;
  j += month->bytes;
  if (!take(text, j, "月")) return std::nullopt;
  auto day = read_number(text.substr(j));
  if (!day || !day->whole()) return std::nullopt;
  j += day->bytes;
  if (!take(text, j, "日") && !take(text, j, "号")) return std::nullopt;
  auto date = Date::from_ymd(static_cast<int>(year), static_cast<int>(month->mantissa), static_cast<int>(day->mantissa));
  if (!date) return std::nullopt;
  i = j;
  return Figure{FigureKind::date, date->days_since_epoch()};
}

// "年" after a number: a date, a year alone (not a figure), or a number of years.
Read after_year(std::string_view text, std::size_t begin, const Number& n, std::size_t i) {
  Read r;
  r.end = i;
  if (n.whole() && n.mantissa >= 1000) {
    if (auto date = date_after_year(text, n.mantissa, r.end)) r.figures.push_back(doc_figure(begin, r.end, *date));
    return r;
  }
  constexpr std::int64_t months_a_year = 12;
  if (n.whole())
    r.figures.push_back({{begin, i}, Figure{FigureKind::number, n.mantissa},
                         Figure{FigureKind::number, n.mantissa * months_a_year}});
  return r;
}

// "49-59岁": the first number takes the unit of the second.
Read range(std::string_view text, std::size_t begin, const Number& first, std::size_t i) {
  Read r;
  std::size_t j = skip_blanks(text, i);
  auto second = read_number(text.substr(j));
  if (!second || second->chinese != first.chinese) return r;
  const std::size_t second_begin = j;
  j = skip_blanks(text, j + second->bytes);
  const Unit* u = unit_at(text, j);
  if (!u) return r;
  auto a = figure_of(first, *u), b = figure_of(*second, *u);
  if (!a || !b) return r;
  r.end = j + u->text.size();
  r.figures.push_back(doc_figure(begin, begin + first.bytes, *a));
  r.figures.push_back(doc_figure(second_begin, r.end, *b));
  return r;
}

// "4:6": a ratio of small whole numbers (a payer's parts).
Read ratio(std::string_view text, std::size_t begin, const Number& first, std::size_t i) {
  Read r;
  auto second = read_number(text.substr(i));
  if (first.chinese || !second || second->chinese || !second->whole() || !first.whole() || first.mantissa > 99 ||
      second->mantissa > 99)
    return r;
  r.end = i + second->bytes;
  r.figures.push_back(doc_figure(begin, begin + first.bytes, {FigureKind::number, first.mantissa}));
  r.figures.push_back(doc_figure(i, r.end, {FigureKind::number, second->mantissa}));
  return r;
}

Read read_figure(std::string_view text, std::size_t begin) {
  Read r;
  std::size_t i = begin;
  const bool percent_words = take(text, i, "百分之");
  auto n = read_number(text.substr(i));
  if (!n) return r;
  i += n->bytes;
  r.end = i;
  if (percent_words) {
    if (auto value = scaled(*n, ppm_per_percent)) r.figures.push_back(doc_figure(begin, i, {FigureKind::percent, *value}));
    return r;
  }
  const std::size_t after = skip_blanks(text, i);
  if (const Unit* u = unit_at(text, after)) {
    if (u->text == "级" && n->chinese && !grade_in_words(text, begin, after + u->text.size())) return r;
    if (auto f = figure_of(*n, *u)) r.figures.push_back(doc_figure(begin, after + u->text.size(), *f));
    r.end = after + u->text.size();
    return r;
  }
  std::size_t j = after;
  if (take(text, j, "年")) return after_year(text, begin, *n, j);
  for (std::string_view dash : {"-", "－", "—", "~", "～", "至", "到"})
    if (take(text, j, dash)) return range(text, begin, *n, j);
  if (take(text, j, ":") && j == i + 1) return ratio(text, begin, *n, j);
  return r;
}

bool figure_may_start(std::string_view text, std::size_t i) {
  const std::string_view rest = text.substr(i);
  if (rest.starts_with("百分之")) return true;
  if (is_ascii_digit(text[i])) return i == 0 || (!is_ascii_digit(text[i - 1]) && text[i - 1] != '.');
  return starts_with_chinese_numeral(rest);
}

std::size_t character_bytes(unsigned char lead) { return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4; }

}  // namespace

std::string shown(const Figure& f) {
  switch (f.kind) {
    case FigureKind::money: return Money{f.value}.to_string() + "元";
    case FigureKind::date: return Date::from_days(f.value).to_string();
    case FigureKind::percent:
      return f.value % ppm_per_percent == 0 ? fmt::format("{}%", f.value / ppm_per_percent)
                                            : fmt::format("{}%", static_cast<double>(f.value) / static_cast<double>(ppm_per_percent));
    case FigureKind::number: break;
  }
  return std::to_string(f.value);
}

std::vector<DocFigure> figures_in(std::string_view text) {
  std::vector<DocFigure> out;
  std::size_t i = 0;
  while (i < text.size()) {
    if (figure_may_start(text, i)) {
      Read r = read_figure(text, i);
      for (DocFigure& f : r.figures) out.push_back(f);
      if (r.end > i) {
        i = r.end;
        continue;
      }
    }
    i += character_bytes(static_cast<unsigned char>(text[i]));
  }
  return out;
}

}  // namespace fuzhu::report
