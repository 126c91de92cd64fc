// Small helpers for UTF-8 text of Chinese documents: lines, trimming
// (full-width spaces too), and telling a heading from a sentence.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace fuzhu::report {

inline bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

inline bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

/// The lines of `text`, without their "\n" or "\r\n".
std::vector<std::string_view> split_lines(std::string_view text);

/// `text` without leading and trailing spaces, tabs, full-width spaces (U+3000)
/// and no-break spaces (U+00A0).
std::string_view trim(std::string_view text);

/// The first `characters` characters of `text`, with "…" when cut.
std::string cut(std::string_view text, std::size_t characters);

/// A short line without punctuation: a heading ("指导思想") or a signature
/// ("松江区民政局"), not a sentence.
bool heading_like(std::string_view line);

/// The ranges [begin, end) of `text` where the quote's pieces occur, in
/// order of position. The quote's pieces are separated by an ellipsis
/// ("……" or "…"), the way a quote elides; pieces not found are skipped.
struct Span {
  std::size_t begin = 0, end = 0;
};
std::vector<Span> find_quote(std::string_view text, std::string_view quote, std::size_t& missing);

/// The spans sorted by position, overlapping or touching ones joined.
std::vector<Span> merge_overlapping(std::vector<Span> spans);

/// The pieces of a quote, split at an ellipsis ("……" or "…") and trimmed.
std::vector<std::string_view> quote_pieces(std::string_view quote);

/// `text` without its whitespace (spaces, tabs, line breaks, U+3000), and
/// where each remaining byte came from: how a quote that differs from the
/// document only in spacing is found.
struct Squeezed {
  std::string text;
  std::vector<std::size_t> origin;
};
Squeezed squeeze_whitespace(std::string_view text);

}  // namespace fuzhu::report
