// Money: exact fen, parsed from and printed as decimal yuan.
#include <charconv>
#include <cstdlib>

#include <fmt/format.h>

#include "fuzhu/value.hpp"

namespace fuzhu {

std::optional<Money> Money::parse(std::string_view text) {
  bool negative = !text.empty() && text.front() == '-';
  if (negative) text.remove_prefix(1);
  std::size_t dot = text.find('.');
  std::string_view whole = text.substr(0, dot);
  std::string_view cents = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  if (whole.empty() || whole.size() > 13 || cents.size() > 2 || whole.front() < '0' || whole.front() > '9') return std::nullopt;
  if (dot != std::string_view::npos && cents.empty()) return std::nullopt;
  std::int64_t yuan = 0, fen = 0;
  auto [p, ec] = std::from_chars(whole.data(), whole.data() + whole.size(), yuan);
  if (ec != std::errc() || p != whole.data() + whole.size()) return std::nullopt;
  for (std::size_t i = 0; i < 2; ++i) {
    fen *= 10;
    if (i < cents.size()) {
      if (cents[i] < '0' || cents[i] > '9') return std::nullopt;
      fen += cents[i] - '0';
    }
  }
  std::int64_t total = yuan * 100 + fen;
  return Money{negative ? -total : total};
}

std::string Money::to_string() const {
  // The magnitude as unsigned: -INT64_MIN does not fit in int64.
  const std::uint64_t magnitude = fen < 0 ? 0 - static_cast<std::uint64_t>(fen) : static_cast<std::uint64_t>(fen);
  const char* sign = fen < 0 ? "-" : "";
  if (magnitude % 100 == 0) return fmt::format("{}{}", sign, magnitude / 100);
  return fmt::format("{}{}.{:02}", sign, magnitude / 100, magnitude % 100);
}

}  // namespace fuzhu
