// Source files and locations in them. A location is a byte offset; lines and
// character columns are worked out only when a diagnostic is made.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics/codes.hpp"
#include "fuzhu/diagnostic.hpp"

namespace fuzhu {

struct Loc {
  int file = -1;               // index into a SourceSet; -1: nowhere
  std::uint32_t offset = 0;    // bytes from the start of the file
};

class SourceFile {
 public:
  SourceFile(std::string name, std::string text);
  const std::string& name() const { return name_; }
  const std::string& text() const { return text_; }
  int line_of(std::uint32_t offset) const;               // 1-based
  std::string_view line_text(int line) const;            // without the newline
  int column_of(std::uint32_t offset) const;             // 1-based, in characters

 private:
  std::string name_, text_;
  std::vector<std::uint32_t> line_starts_;
};

/// Every file one compilation read; diagnostics point into them.
class SourceSet {
 public:
  int add(std::string name, std::string text);
  const SourceFile& file(int index) const { return *files_.at(static_cast<std::size_t>(index)); }
  int size() const { return static_cast<int>(files_.size()); }

  /// "policies/facts.schema:24:3": a place to name in a message.
  std::string where(Loc loc) const;

  /// A diagnostic pointing at `loc` (or at no place, when loc.file is -1).
  Diagnostic diagnose(Diag code, Loc loc, std::string message) const;

 private:
  std::vector<std::unique_ptr<SourceFile>> files_;  // stable addresses
};

/// Collects diagnostics for one compilation.
class Diagnostics {
 public:
  explicit Diagnostics(const SourceSet& sources) : sources_(sources) {}
  /// Adds a diagnostic; its severity is the code's (codes.def).
  void add(Diag code, Loc loc, std::string message);
  /// Adds a diagnostic made by another collector (a used file parsed apart).
  void add(Diagnostic d);
  bool has_errors() const { return errors_ > 0; }
  std::vector<Diagnostic> take() { return std::move(list_); }
  const std::vector<Diagnostic>& list() const { return list_; }

 private:
  const SourceSet& sources_;
  std::vector<Diagnostic> list_;
  int errors_ = 0;
};

/// Characters (not bytes) in a UTF-8 string.
std::size_t utf8_length(std::string_view text);
/// Display cells a UTF-8 string takes in a terminal (CJK: two each).
std::size_t display_width(std::string_view text);
/// True when `text` is well-formed UTF-8; otherwise sets `bad_offset`.
bool valid_utf8(std::string_view text, std::size_t& bad_offset);

}  // namespace fuzhu
