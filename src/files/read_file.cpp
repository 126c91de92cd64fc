#include "files/read_file.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

namespace fuzhu::files {

namespace {

ReadResult failed(ReadStatus status, int error = 0) {
  ReadResult r;
  r.status = status;
  if (error) r.error = std::strerror(error);
  return r;
}

struct Descriptor {
  int fd = -1;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

// Reads to the end, or to max_bytes + 1 bytes. `expected` (what fstat said)
// sizes the text once; each read goes through a buffer on the stack and is
// appended, so no byte of the text is written twice (growing the text by
// 64 KiB a read zero-filled 64 KiB twice for every policy of 16 KiB).
ReadResult read_to_end(int fd, std::size_t max_bytes, std::size_t expected) {
  ReadResult r;
  r.text.reserve(std::min(expected, max_bytes) + 1);
  char buffer[16 * 1024];
  for (;;) {
    const std::size_t want = std::min(sizeof buffer, max_bytes + 1 - r.text.size());
    const ssize_t got = ::read(fd, buffer, want);
    if (got < 0) {
      if (errno == EINTR) continue;
      return failed(ReadStatus::cannot_read, errno);
    }
    if (got == 0) return r;
    r.text.append(buffer, static_cast<std::size_t>(got));
    if (r.text.size() > max_bytes) {
      r.status = ReadStatus::too_large;
      r.size = r.text.size();
      r.text.clear();
      return r;
    }
  }
}

}  // namespace

ReadResult read_stream(int fd, std::size_t max_bytes) { return read_to_end(fd, max_bytes, 0); }

ReadResult read_file(const std::filesystem::path& path, std::size_t max_bytes) {
  Descriptor file;
  // O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever;
  // it changes nothing for a regular file.
  file.fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (file.fd < 0) {
    if (errno == ENOENT || errno == ENOTDIR || errno == ELOOP) return failed(ReadStatus::not_found);
    if (errno == EISDIR) return failed(ReadStatus::is_directory);
    return failed(ReadStatus::cannot_read, errno);
  }
  struct stat info {};
  if (::fstat(file.fd, &info) != 0) return failed(ReadStatus::cannot_read, errno);
  if (S_ISDIR(info.st_mode)) return failed(ReadStatus::is_directory);
  if (!S_ISREG(info.st_mode)) return failed(ReadStatus::not_regular);
  if (static_cast<std::uintmax_t>(info.st_size) > max_bytes) {
    ReadResult r = failed(ReadStatus::too_large);
    r.size = static_cast<std::uintmax_t>(info.st_size);
    r.size_reported = true;
    return r;
  }
  return read_to_end(file.fd, max_bytes, static_cast<std::size_t>(info.st_size));
}

std::string describe(const ReadResult& r, std::size_t max_bytes) {
  switch (r.status) {
    case ReadStatus::ok: return "";
    case ReadStatus::not_found: return "no such file";
    case ReadStatus::is_directory: return "is a directory, not a file";
    case ReadStatus::not_regular: return "is not a regular file (a pipe, a device or a socket), so it is not read";
    case ReadStatus::too_large:
      return r.size_reported ? fmt::format("the file is {} bytes; at most {} bytes may be read", r.size, max_bytes)
                             : fmt::format("the file is larger than {} bytes, the most that may be read", max_bytes);
    case ReadStatus::cannot_read: return fmt::format("cannot be read: {}", r.error);
  }
  return "";
}

}  // namespace fuzhu::files
