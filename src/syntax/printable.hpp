// Text from outside (facts, CSV cells, file names, policy lines) made safe to
// echo: cut on character boundaries, never inside a UTF-8 sequence, and
// with control characters and bytes that are not UTF-8 escaped, so that
// nothing a family file holds can move a terminal's cursor, recolour it,
// reorder its text or break a JSON writer.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace fuzhu {

/// Decodes one code point at text[i]; returns its length in bytes, 0 when
/// the bytes there are not UTF-8 (overlong forms and surrogates included).
/// Inline for ASCII: the scans of a whole policy call it for every byte.
std::size_t decode_utf8_sequence(std::string_view text, std::size_t i, char32_t& cp);
inline std::size_t decode_utf8(std::string_view text, std::size_t i, char32_t& cp) {
  const auto b = static_cast<unsigned char>(text[i]);
  if (b < 0x80) {
    cp = b;
    return 1;
  }
  return decode_utf8_sequence(text, i, cp);
}

/// A control character: C0 (tab and newline too), DEL, C1, and the
/// bidirectional controls that reorder a terminal's text.
bool is_control(char32_t cp);

/// The first `max_chars` characters of `text` (a byte that is not UTF-8
/// counts as one), followed by "…" when anything was cut.
std::string cut_chars(std::string_view text, std::size_t max_chars);

/// `text` with every control character (C0, DEL, C1, and the bidirectional
/// controls U+200E–U+200F, U+202A–U+202E, U+2066–U+2069) written as an
/// escape (\n, \t, \u001b, \u202e) and every byte that is not UTF-8 as \xNN.
/// Everything else is kept as it is. Always valid UTF-8.
std::string printable(std::string_view text);

/// A value for a message: in double quotes, its first `max_chars`
/// characters, printable, with " and \ escaped as in JSON.
std::string quoted_value(std::string_view text, std::size_t max_chars = 64);

/// A long line cut to about `width` characters around `column` (1-based,
/// in characters), with "…" where it was cut; `column` is then where the
/// same character is in `text`. A short line is kept whole.
struct LineWindow {
  std::string text;
  int column = 0;
};
LineWindow window_around(std::string_view line, int column, std::size_t width = 120);

}  // namespace fuzhu
