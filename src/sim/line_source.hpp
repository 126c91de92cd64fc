// Reading a population file in blocks of whole lines, in constant memory:
// never more than one block (and one over-long line) at a time.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace fuzhu::sim {

/// One line of a block: where it is in the block's text, and its number in
/// the file (1-based). A line longer than the limit keeps no text.
struct Line {
  std::uint64_t number = 0;
  std::uint32_t offset = 0;
  std::uint32_t size = 0;
  bool too_long = false;
};

/// Whole lines of the file, their text followed by `padding` readable bytes
/// (simdjson reads a little past the end of a document).
struct Block {
  std::string text;
  std::vector<Line> lines;
  std::string_view line(const Line& l) const { return {text.data() + l.offset, l.size}; }
  /// Readable bytes from the start of the line to the end of the buffer.
  std::size_t capacity_from(const Line& l) const { return text.size() - l.offset; }
};

class LineSource {
 public:
  /// Reads `file` (not owned) from its current position; `first_line` is
  /// the number of the first line it will return.
  LineSource(std::FILE* file, std::uint64_t first_line, std::size_t block_bytes, std::size_t max_line_bytes,
             std::size_t padding);

  /// Fills `block` with the next lines; false at the end of the file. Empty
  /// lines are skipped (their numbers still count). A carriage return before
  /// the newline is dropped.
  bool next(Block& block);

  std::uint64_t bytes_read() const { return bytes_read_; }
  bool read_error() const { return read_error_; }

 private:
  std::FILE* file_;
  std::uint64_t next_line_;
  std::size_t block_bytes_, max_line_bytes_, padding_;
  std::string carry_;  // the start of a line whose end is not read yet
  std::uint64_t bytes_read_ = 0;
  bool eof_ = false, read_error_ = false;

  std::size_t fill(std::string& text, std::size_t want);
  void skip_rest_of_line();
  void split(Block& block, std::size_t end);
};

}  // namespace fuzhu::sim
