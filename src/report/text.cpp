#include "report/text.hpp"

#include <algorithm>
#include <utility>

namespace fuzhu::report {

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    if (line.ends_with('\r')) line.remove_suffix(1);
    lines.push_back(line);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

namespace {

// Bytes of the blank character at the start (or, `at_end`, the end) of `s`, or 0.
std::size_t blank_bytes(std::string_view s, bool at_end) {
  for (std::string_view blank : {" ", "\t", "\r", "\f", "\v", "\u3000", "\u00a0"})
    if (at_end ? s.ends_with(blank) : s.starts_with(blank)) return blank.size();
  return 0;
}

}  // namespace

std::string_view trim(std::string_view text) {
  while (std::size_t n = blank_bytes(text, false)) text.remove_prefix(n);
  while (std::size_t n = blank_bytes(text, true)) text.remove_suffix(n);
  return text;
}

std::string cut(std::string_view text, std::size_t characters) {
  std::size_t seen = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // inside a character
    if (seen++ == characters) return std::string(text.substr(0, i)) + "…";
  }
  return std::string(text);
}

bool heading_like(std::string_view line) {
  constexpr std::size_t max_characters = 20;
  std::size_t characters = 0;
  for (unsigned char c : line)
    if ((c & 0xC0) != 0x80) ++characters;
  if (line.empty() || characters > max_characters) return false;
  for (std::string_view mark : {"。", "，", "；", "：", "、", "！", "？", "（", "）", "《", "》", "“", "”", ",", ";",
                                ":", ".", "!", "?", "(", ")", "\""})
    if (contains(line, mark)) return false;
  return true;
}

Squeezed squeeze_whitespace(std::string_view text) {
  Squeezed s;
  for (std::size_t i = 0; i < text.size();) {
    const std::string_view rest = text.substr(i);
    if (rest.starts_with("\u3000")) {
      i += 3;
      continue;
    }
    if (text[i] != ' ' && text[i] != '\t' && text[i] != '\n' && text[i] != '\r') {
      s.text += text[i];
      s.origin.push_back(i);
    }
    ++i;
  }
  return s;
}

std::vector<std::string_view> quote_pieces(std::string_view quote) {
  std::vector<std::string_view> pieces;
  constexpr std::string_view ellipsis = "…";
  while (true) {
    std::size_t at = quote.find(ellipsis);
    std::string_view piece = trim(quote.substr(0, at));
    if (!piece.empty()) pieces.push_back(piece);
    if (at == std::string_view::npos) break;
    quote.remove_prefix(at + ellipsis.size());
  }
  return pieces;
}

std::vector<Span> find_quote(std::string_view text, std::string_view quote, std::size_t& missing) {
  missing = 0;
  Squeezed squeezed = squeeze_whitespace(text);
  std::vector<Span> spans;
  for (std::string_view piece : quote_pieces(quote)) {
    std::string wanted = squeeze_whitespace(piece).text;
    std::size_t at = wanted.empty() ? std::string::npos : squeezed.text.find(wanted);
    if (at == std::string::npos) {
      ++missing;
      continue;
    }
    spans.push_back({squeezed.origin[at], squeezed.origin[at + wanted.size() - 1] + 1});
  }
  return merge_overlapping(std::move(spans));
}

std::vector<Span> merge_overlapping(std::vector<Span> spans) {
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
  std::vector<Span> merged;
  for (const Span& s : spans) {
    if (!merged.empty() && s.begin <= merged.back().end) merged.back().end = std::max(merged.back().end, s.end);
    else merged.push_back(s);
  }
  return merged;
}

}  // namespace fuzhu::report
