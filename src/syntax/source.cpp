#include "syntax/source.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "syntax/printable.hpp"

namespace fuzhu {

SourceFile::SourceFile(std::string name, std::string text)
    : name_(std::move(name)), text_(std::move(text)) {
  line_starts_.push_back(0);
  const std::string_view text_view = text_;
  for (std::size_t i = text_view.find('\n'); i != std::string_view::npos; i = text_view.find('\n', i + 1))
    line_starts_.push_back(static_cast<std::uint32_t>(i + 1));
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
  // A 5 MB line would be a 5 MB message, once a diagnostic: a window of it.
  LineWindow window = window_around(f.line_text(d.line), d.column);
  d.source_line = std::move(window.text);
  d.source_column = window.column;
  return d;
}

void Diagnostics::add(Diag code, Loc loc, std::string message) {
  if (info(code).severity == Severity::error) ++errors_;
  list_.push_back(sources_.diagnose(code, loc, std::move(message)));
}

void Diagnostics::add(Diagnostic d) {
  if (d.severity == Severity::error) ++errors_;
  list_.push_back(std::move(d));
}

namespace {

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
    std::size_t len = decode_utf8(text, i, cp);
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
    std::size_t len = decode_utf8(text, i, cp);
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

namespace {

// The source line as printed, and under it the padding that puts a caret
// below `column`: control characters and bytes that are not UTF-8 are
// escaped (a policy or facts file may hold any byte), tabs kept so the
// terminal expands them alike on both lines, CJK characters two cells wide.
std::pair<std::string, std::string> line_and_pad(std::string_view src, int column) {
  std::string line, pad;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < src.size();) {
    char32_t cp = 0;
    std::size_t len = decode_utf8(src, i, cp);
    const bool before_caret = chars + 1 < static_cast<std::size_t>(column);
    std::string shown = len == 0 ? printable(src.substr(i, 1))
                        : cp != '\t' && is_control(cp) ? printable(src.substr(i, len))
                                                        : std::string(src.substr(i, len));
    if (before_caret)
      pad += cp == '\t' && len ? std::string("\t") : std::string(len && wide(cp) ? 2 : display_width(shown), ' ');
    line += shown;
    i += len == 0 ? 1 : len;
    ++chars;
  }
  return {line, pad};
}

}  // namespace

std::string Diagnostic::render() const {
  const char* level = severity == Severity::error ? "error" : severity == Severity::warning ? "warning" : "note";
  const std::string tag = code.empty() ? "" : fmt::format(" [{}]", code);
  // Names and messages may quote facts and file names: nothing in them may
  // drive the terminal.
  const std::string where = printable(file), what = printable(message);
  std::string out;
  if (line > 0)
    out = fmt::format("{}{}{}:{}: {}: {}{}\n", where, where.empty() ? "" : ":", line, column, level, what, tag);
  else if (!where.empty())
    out = fmt::format("{}: {}: {}{}\n", where, level, what, tag);
  else
    out = fmt::format("{}: {}{}\n", level, what, tag);
  if (line > 0 && !source_line.empty()) {
    auto [shown, pad] = line_and_pad(source_line, source_column > 0 ? source_column : column);
    out += fmt::format("  {}\n  {}^\n", shown, pad);
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
