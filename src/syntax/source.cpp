#include "syntax/source.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace fuzhu {

SourceFile::SourceFile(std::string name, std::string text)
    : name_(std::move(name)), text_(std::move(text)) {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i)
    if (text_[i] == '\n') line_starts_.push_back(static_cast<std::uint32_t>(i + 1));
}

int SourceFile::line_of(std::uint32_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return static_cast<int>(it - line_starts_.begin());
}

std::string_view SourceFile::line_text(int line) const {
  if (line < 1 || line > static_cast<int>(line_starts_.size())) return {};
  std::size_t begin = line_starts_[static_cast<std::size_t>(line - 1)];
  std::size_t end = text_.find('\n', begin);
  if (end == std::string::npos) end = text_.size();
  if (end > begin && text_[end - 1] == '\r') --end;
  return std::string_view(text_).substr(begin, end - begin);
}

int SourceFile::column_of(std::uint32_t offset) const {
  int line = line_of(offset);
  std::size_t begin = line_starts_[static_cast<std::size_t>(line - 1)];
  std::size_t len = std::min<std::size_t>(offset, text_.size()) - begin;
  return static_cast<int>(utf8_length(std::string_view(text_).substr(begin, len))) + 1;
}

int SourceSet::add(std::string name, std::string text) {
  files_.push_back(std::make_unique<SourceFile>(std::move(name), std::move(text)));
  return size() - 1;
}

std::string SourceSet::where(Loc loc) const {
  if (loc.file < 0 || loc.file >= size()) return "?";
  const SourceFile& f = file(loc.file);
  return fmt::format("{}:{}:{}", f.name(), f.line_of(loc.offset), f.column_of(loc.offset));
}

Diagnostic SourceSet::diagnose(Diag code, Loc loc, std::string message) const {
  Diagnostic d = make_diagnostic(code, std::move(message));
  if (loc.file < 0 || loc.file >= size()) return d;
  const SourceFile& f = file(loc.file);
  d.file = f.name();
  d.line = f.line_of(loc.offset);
  d.column = f.column_of(loc.offset);
  d.source_line = std::string(f.line_text(d.line));
  return d;
}

void Diagnostics::add(Diag code, Loc loc, std::string message) {
  if (info(code).severity == Severity::error) ++errors_;
  list_.push_back(sources_.diagnose(code, loc, std::move(message)));
}

namespace {

// Decodes one code point starting at text[i]; returns its byte length, 0 if malformed.
std::size_t decode(std::string_view text, std::size_t i, char32_t& cp) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char b = byte(i);
  std::size_t len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
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

bool wide(char32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
         (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

}  // namespace

bool valid_utf8(std::string_view text, std::size_t& bad_offset) {
  char32_t cp;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len = decode(text, i, cp);
    if (len == 0) {
      bad_offset = i;
      return false;
    }
    i += len;
  }
  return true;
}

std::size_t utf8_length(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  char32_t cp;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len = decode(text, i, cp);
    if (len == 0) {
      ++width, ++i;
      continue;
    }
    width += wide(cp) ? 2 : 1;
    i += len;
  }
  return width;
}

// ------------------------------------------------------------- Diagnostic

std::string Diagnostic::render() const {
  const char* level = severity == Severity::error ? "error" : severity == Severity::warning ? "warning" : "note";
  const std::string tag = code.empty() ? "" : fmt::format(" [{}]", code);
  std::string out;
  if (line > 0)
    out = fmt::format("{}:{}:{}: {}: {}{}\n", file, line, column, level, message, tag);
  else if (!file.empty())
    out = fmt::format("{}: {}: {}{}\n", file, level, message, tag);
  else
    out = fmt::format("{}: {}{}\n", level, message, tag);
  if (line > 0 && !source_line.empty()) {
    // The caret goes under the column-th character, padded by display width;
    // tabs are kept so the terminal expands them the same way on both lines.
    std::string pad;
    std::string_view src = source_line;
    std::size_t chars = 0;
    char32_t cp;
    for (std::size_t i = 0; i < src.size() && chars + 1 < static_cast<std::size_t>(column);) {
      std::size_t len = decode(src, i, cp);
      if (len == 0) len = 1, cp = '?';
      pad += cp == '\t' ? std::string("\t") : std::string(wide(cp) ? 2 : 1, ' ');
      i += len;
      ++chars;
    }
    out += fmt::format("  {}\n  {}^\n", source_line, pad);
  }
  return out;
}

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Severity::error; });
}

std::string render_all(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) out += d.render();
  return out;
}

}  // namespace fuzhu
