// Block reading: fread a block, cut after its last newline, carry the rest
// over to the next block. A line longer than the limit is skipped to its end
// without being kept, so memory stays bounded whatever the file holds.
#include "sim/line_source.hpp"

#include <cstring>

namespace fuzhu::sim {

LineSource::LineSource(std::FILE* file, std::uint64_t first_line, std::size_t block_bytes, std::size_t max_line_bytes,
                       std::size_t padding)
    : file_(file), next_line_(first_line), block_bytes_(block_bytes), max_line_bytes_(max_line_bytes), padding_(padding) {}

std::size_t LineSource::fill(std::string& text, std::size_t want) {
  const std::size_t old = text.size();
  text.resize(old + want);
  const std::size_t got = std::fread(text.data() + old, 1, want, file_);
  text.resize(old + got);
  bytes_read_ += got;
  if (got < want) {
    eof_ = true;
    read_error_ = std::ferror(file_) != 0;
  }
  return got;
}

void LineSource::skip_rest_of_line() {
  std::string scratch;
  while (!eof_) {
    scratch.clear();
    fill(scratch, block_bytes_);
    const std::size_t newline = scratch.find('\n');
    if (newline != std::string::npos) {
      carry_.assign(scratch, newline + 1);
      return;
    }
  }
}

bool LineSource::next(Block& block) {
  block.lines.clear();
  block.text.clear();
  block.text.swap(carry_);
  for (;;) {
    if (!eof_) fill(block.text, block_bytes_);
    const std::size_t newline = block.text.rfind('\n');
    if (newline != std::string::npos) {
      carry_.assign(block.text, newline + 1);
      split(block, newline + 1);
      return true;
    }
    if (eof_) {
      if (block.text.empty()) return false;
      split(block, block.text.size());  // a last line without a newline
      return true;
    }
    if (block.text.size() > max_line_bytes_) {
      block.text.clear();
      block.lines.push_back(Line{next_line_++, 0, 0, true});
      skip_rest_of_line();
      block.text.append(padding_, '\0');
      return true;
    }
  }
}

// Records the lines of text[0, end) and pads the text for the JSON parser.
void LineSource::split(Block& block, std::size_t end) {
  block.text.resize(end);
  std::size_t start = 0;
  while (start < end) {
    const char* found = static_cast<const char*>(std::memchr(block.text.data() + start, '\n', end - start));
    std::size_t stop = found ? static_cast<std::size_t>(found - block.text.data()) : end;
    std::size_t size = stop - start;
    if (size > 0 && block.text[stop - 1] == '\r') --size;
    if (size > max_line_bytes_) block.lines.push_back(Line{next_line_, 0, 0, true});
    else if (size > 0) block.lines.push_back(Line{next_line_, static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(size), false});
    ++next_line_;
    start = stop + 1;
  }
  block.text.append(padding_, '\0');
}

}  // namespace fuzhu::sim
