#include "cli/atomic_write.hpp"

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

namespace fuzhu::cli {

namespace {

std::string why(const char* what) { return fmt::format("{}: {}", what, std::strerror(errno)); }

// Writes all of `text`, through short writes and interruptions; false with
// errno set on failure.
bool write_all(int fd, std::string_view text) {
  while (!text.empty()) {
    const ssize_t n = ::write(fd, text.data(), text.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    text.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

mode_t new_file_mode() {
  const mode_t mask = ::umask(0);  // the only way to read it; set back at once
  ::umask(mask);
  return 0666 & ~mask;
}

// A file with several names: rewritten where it is, so they all see the new text.
std::string rewrite_in_place(const std::string& target, std::string_view text) {
  const int fd = ::open(target.c_str(), O_WRONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return why("cannot open the file");
  std::string error;
  if (!write_all(fd, text)) error = why("cannot write");
  else if (::ftruncate(fd, static_cast<off_t>(text.size())) != 0) error = why("cannot truncate");
  else if (::fsync(fd) != 0) error = why("cannot write to disk");
  if (::close(fd) != 0 && error.empty()) error = why("cannot write");
  return error;
}

std::string replace(const std::string& target, const struct stat* old, std::string_view text) {
  const std::filesystem::path path(target);
  const std::filesystem::path folder = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  std::string name = (folder / ("." + path.filename().string() + ".XXXXXX")).string();
  const int fd = ::mkstemp(name.data());  // O_CREAT | O_EXCL: never opens what is already there
  if (fd < 0) return why("cannot create a temporary file beside it");
  std::string error;
  if (::fchmod(fd, old ? (old->st_mode & 07777) : new_file_mode()) != 0) error = why("cannot set the permissions");
  if (old && (old->st_uid != ::geteuid() || old->st_gid != ::getegid()))
    (void)!::fchown(fd, old->st_uid, old->st_gid);  // kept when allowed; otherwise like any editor
  if (error.empty() && !write_all(fd, text)) error = why("cannot write");
  if (error.empty() && ::fsync(fd) != 0) error = why("cannot write to disk");
  if (::close(fd) != 0 && error.empty()) error = why("cannot write");
  if (error.empty() && ::rename(name.c_str(), target.c_str()) != 0) error = why("cannot replace the file");
  if (!error.empty()) {
    ::unlink(name.c_str());
    return error;
  }
  const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {  // the rename itself to disk; a folder that cannot be synced loses nothing already written
    (void)::fsync(dir);
    ::close(dir);
  }
  return {};
}

}  // namespace

std::string write_atomically(const std::filesystem::path& path, std::string_view text) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    if (errno != ENOENT) return why("cannot look at the file");
    if (::lstat(path.c_str(), &info) == 0) return "is a symbolic link to a file that does not exist";
    return replace(path.string(), nullptr, text);
  }
  if (S_ISDIR(info.st_mode)) return "is a directory, not a file";
  if (!S_ISREG(info.st_mode)) return "is not a regular file";
  char resolved[PATH_MAX];
  if (!::realpath(path.c_str(), resolved)) return why("cannot resolve the path");
  if (info.st_nlink > 1) return rewrite_in_place(resolved, text);
  return replace(resolved, &info, text);
}

bool same_file(const std::filesystem::path& a, const std::filesystem::path& b) {
  struct stat x {}, y {};
  if (::stat(a.c_str(), &x) != 0 || ::stat(b.c_str(), &y) != 0) return false;
  return x.st_dev == y.st_dev && x.st_ino == y.st_ino;
}

}  // namespace fuzhu::cli
