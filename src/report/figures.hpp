// The figures of a document's clause — amounts, ages, dates, percentages —
// and the figures of a script, in one comparable form, so that the review
// page can tie each figure of the law to the script's and flag the ones that
// have no counterpart (issue 13, item 2).
//
// Read in a clause: "490元", "3000 元", "5 万元", "0.5 万元", "五百元" (money);
// "49周岁", "60 岁", "四十九周岁", the ranges "49-59岁" and "45-48 周岁" (both
// ends are ages), "三级及以上", "12个月", "四层", "5年" (numbers; years also as months); "2015年12月31日",
// "二〇二〇年十二月八日" (dates); "40%", "百分之四十" (percentages); the
// ratio "4:6" (the numbers 4 and 6, a payer's parts). A year alone
// ("2015年起"), a document number ("〔2013〕41号"), a count of people ("3-5 名")
// and a clause number ("（一）") are not figures.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "report/text.hpp"

namespace fuzhu::report {

enum class FigureKind { money, number, date, percent };

/// A figure in comparable form: money in fen, a date in days since
/// 1970-01-01, a percentage in millionths, a number as is.
struct Figure {
  FigureKind kind = FigureKind::number;
  std::int64_t value = 0;
  friend bool operator==(const Figure&, const Figure&) = default;
};

/// How the page writes it: "490元", "49", "2015-12-31", "40%".
std::string shown(const Figure& figure);

/// A figure where it stands in a text: [span.begin, span.end) in bytes.
struct DocFigure {
  Span span;
  Figure figure;
  /// The same figure in another unit the script may write: "一年" is 1 and
  /// also 12 (months, 再生育治疗达一年 read as 12 个月).
  std::optional<Figure> also;
  bool matches(const Figure& f) const { return figure == f || (also && *also == f); }
};

/// The figures of `text`, in order of position.
std::vector<DocFigure> figures_in(std::string_view text);

/// A figure of the script: where it comes from, and whether a reviewer
/// should find it in the cited clause.
struct ScriptFigure {
  Figure figure;
  /// The figure is one the document states: an amount, a date, a share, a
  /// threshold of a comparison or a tier. A factor (`300 元 * 2`), 0, a whole
  /// share (100%) and `1 份` are not looked for.
  bool stated = true;
  std::string via;  // "" when written in the benefit itself; else the definition it is read through
};

}  // namespace fuzhu::report
