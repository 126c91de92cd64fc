#include "syntax/printable.hpp"

#include <fmt/format.h>

namespace fuzhu {

// A sequence starting with a byte of 0x80 or more (decode_utf8 did ASCII).
std::size_t decode_utf8_sequence(std::string_view text, std::size_t i, char32_t& cp) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b = byte(i);
  const std::size_t len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || i + len > text.size()) return 0;
  cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
  for (std::size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  static constexpr char32_t min_for_len[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < min_for_len[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

bool is_control(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

namespace {

void escape_into(std::string& out, std::string_view text, bool json_quotes) {
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    const std::size_t len = decode_utf8(text, i, cp);
    if (len == 0) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[i]));
      ++i;
      continue;
    }
    if (is_control(cp)) {
      switch (cp) {
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default: out += fmt::format("\\u{:04x}", static_cast<std::uint32_t>(cp));
      }
    } else if (json_quotes && (cp == '"' || cp == '\\')) {
      out += '\\';
      out += static_cast<char>(cp);
    } else {
      out.append(text.substr(i, len));
    }
    i += len;
  }
}

// The bytes of the first `max_chars` characters of `text`.
std::size_t prefix_bytes(std::string_view text, std::size_t max_chars) {
  std::size_t i = 0;
  for (std::size_t chars = 0; i < text.size() && chars < max_chars; ++chars) {
    char32_t cp = 0;
    const std::size_t len = decode_utf8(text, i, cp);
    i += len == 0 ? 1 : len;
  }
  return i;
}

std::size_t char_count(std::string_view text) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++chars) {
    char32_t cp = 0;
    const std::size_t len = decode_utf8(text, i, cp);
    i += len == 0 ? 1 : len;
  }
  return chars;
}

}  // namespace

LineWindow window_around(std::string_view line, int column, std::size_t width) {
  const std::size_t total = char_count(line);
  if (total <= width) return {std::string(line), column};
  const std::size_t at = column > 0 ? static_cast<std::size_t>(column - 1) : 0;
  std::size_t first = at > width / 2 ? at - width / 2 : 0;
  if (first + width > total) first = total - width;
  const std::size_t begin = prefix_bytes(line, first);
  const std::size_t end = begin + prefix_bytes(line.substr(begin), width);
  LineWindow w;
  if (first > 0) w.text = "…";
  w.text.append(line.substr(begin, end - begin));
  if (end < line.size()) w.text += "…";
  w.column = static_cast<int>(at - first) + 1 + (first > 0 ? 1 : 0);
  return w;
}

std::string cut_chars(std::string_view text, std::size_t max_chars) {
  const std::size_t i = prefix_bytes(text, max_chars);
  if (i >= text.size()) return std::string(text);
  return std::string(text.substr(0, i)) + "…";
}

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  escape_into(out, text, false);
  return out;
}

std::string quoted_value(std::string_view text, std::size_t max_chars) {
  std::string out = "\"";
  const std::size_t i = prefix_bytes(text, max_chars);
  escape_into(out, text.substr(0, i), true);
  if (i < text.size()) out += "…";
  return out + "\"";
}

}  // namespace fuzhu
