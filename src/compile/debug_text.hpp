// The text of each compiled expression, for explanations: condensed to one
// line at compile time, so that explaining reads a slice and the compiled
// policy needs no syntax tree (issue 14.1).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "syntax/source.hpp"

namespace fuzhu::detail {

/// The text of an expression as one line: comments dropped, each run of
/// blanks made one space, and a closing ')' the span left out put back.
std::string condense(std::string_view raw);

/// Where an expression's condensed text lies: a slice of its file's text,
/// condensed once, and the ')' the expression's span left out.
struct TextSpan {
  int file = -1;  // -1: no text
  std::uint32_t begin = 0, length = 0, closers = 0;
};

/// Each file of a compilation condensed once. An expression's text is a
/// slice of its file's, so nested expressions share one copy of their text
/// however deep they go (a slice equals condense() of the expression's span).
class DebugText {
 public:
  /// The condensed text of span `id` (Builder::span), as condense() would
  /// give it; "" for -1. A view into this DebugText: explanations borrow it.
  std::string_view view(int id) const;
  std::string text(int id) const { return std::string(view(id)); }

  /// Collects the spans expressions ask for while compiling, then condenses
  /// each file once, in one pass that notes only the offsets asked for (no
  /// map of every byte lives beside the syntax tree).
  class Builder {
   public:
    explicit Builder(const SourceSet& sources) : sources_(sources) {}
    /// The span of the bytes [begin, end) of `file`: its id, or -1 when empty.
    int span(int file, std::uint32_t begin, std::uint32_t end);
    /// The condensed files and every span's slice of them.
    DebugText finish();

   private:
    struct Request {
      int file;
      std::uint32_t begin, end;
    };
    const SourceSet& sources_;
    std::vector<Request> requests_;
  };

 private:
  // By file index, condensed; then one more holding, whole, the texts of the
  // spans that left out a ')' (a slice plus the ')'), so that every span's
  // text is one slice, to be viewed without a copy.
  std::vector<std::string> files_;
  std::vector<TextSpan> spans_;     // by span id
};

}  // namespace fuzhu::detail
