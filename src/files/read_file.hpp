// Reading a whole file with a byte limit that holds whatever the file says
// about itself: /proc files report a size of 0, a FIFO never ends, a
// directory is not text. Every command and the loader read through here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

namespace fuzhu::files {

enum class ReadStatus {
  ok,
  not_found,        // no such file (or a symbolic link to nothing)
  is_directory,
  not_regular,      // a FIFO, a socket, a device: never read, so never a hang
  too_large,        // more than max_bytes; `size` holds what was seen (at least max_bytes + 1)
  cannot_read,      // open or read failed: `error` holds the system's reason
};

struct ReadResult {
  ReadStatus status = ReadStatus::ok;
  std::string text;        // the whole file when ok
  std::uintmax_t size = 0; // too_large: the file's size, or max_bytes + 1 when it did not say
  bool size_reported = false;  // too_large: `size` is what the file says it is
  std::string error;       // cannot_read: strerror's text ("Permission denied")
  bool ok() const { return status == ReadStatus::ok; }
};

/// Reads `path` (symbolic links followed). The file is opened without
/// blocking and checked on the open descriptor to be a regular file, then
/// read to its end or to max_bytes + 1 bytes, whichever comes first.
ReadResult read_file(const std::filesystem::path& path, std::size_t max_bytes);

/// Reads a stream already open (standard input) up to max_bytes + 1 bytes.
ReadResult read_stream(int fd, std::size_t max_bytes);

/// What went wrong, in words after "<path>: ": "no such file", "is a
/// directory", "is not a regular file", "is N bytes; at most M may be read",
/// "cannot be read: Permission denied". Empty when ok.
std::string describe(const ReadResult& result, std::size_t max_bytes);

}  // namespace fuzhu::files
