// Files in and out (issue 11, items 13-16 and 18): the bounded reader and the
// atomic writer behind `fmt`, `report -o` and every file a command reads.
#include <doctest/doctest.h>

#include <csignal>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli/atomic_write.hpp"
#include "files/read_file.hpp"
#include "tests/support/files.hpp"

namespace {

namespace fs = std::filesystem;

using Folder = fuzhu::testing::TempFolder;
using fuzhu::testing::write_file;

std::string read(const fs::path& path) { return fuzhu::testing::read_file(path); }

fs::perms mode_of(const fs::path& path) { return fs::status(path).permissions(); }

std::size_t entries(const fs::path& folder) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(folder)) ++n;
  return n;
}

}  // namespace

using fuzhu::cli::write_atomically;
using fuzhu::files::read_file;
using fuzhu::files::ReadStatus;

TEST_CASE("read_file reads a regular file whole and says what else a path is") {
  Folder f("read");
  write_file(f / "a.txt", "一二三");
  auto ok = read_file(f / "a.txt", 100);
  CHECK(ok.ok());
  CHECK(ok.text == "一二三");
  CHECK(read_file(f / "nowhere", 100).status == ReadStatus::not_found);
  CHECK(read_file(f.path, 100).status == ReadStatus::is_directory);
  CHECK(fuzhu::files::describe(read_file(f.path, 100), 100) == "is a directory, not a file");
  write_file(f / "big.txt", std::string(101, 'x'));
  auto big = read_file(f / "big.txt", 100);
  CHECK(big.status == ReadStatus::too_large);
  CHECK(big.size == 101);
  CHECK(big.size_reported);
  CHECK(read_file(f / "big.txt", 101).ok());
}

// A FIFO with no writer would block open() and read() forever.
TEST_CASE("read_file refuses a FIFO at once instead of waiting for a writer") {
  Folder f("fifo");
  REQUIRE(::mkfifo((f / "pipe").c_str(), 0600) == 0);
  CHECK(read_file(f / "pipe", 100).status == ReadStatus::not_regular);
}

// /proc files say their size is 0; the bound must hold whatever they say.
TEST_CASE("read_file stops at the bound when a file reports size 0") {
  auto environ = read_file("/proc/self/environ", 4);
  if (environ.status == ReadStatus::cannot_read) return;  // no /proc here
  CHECK(environ.status == ReadStatus::too_large);
  CHECK_FALSE(environ.size_reported);  // it says 0: the bound stopped it
  CHECK(environ.text.empty());
  auto maps = read_file("/proc/self/maps", 1 << 20);
  CHECK(maps.ok());
}

TEST_CASE("write_atomically replaces a file and keeps its permissions") {
  Folder f("mode");
  write_file(f / "p.policy", "old");
  fs::permissions(f / "p.policy", fs::perms::owner_read | fs::perms::group_read);  // 0440
  CHECK(write_atomically(f / "p.policy", "new") == "");
  CHECK(read(f / "p.policy") == "new");
  CHECK(mode_of(f / "p.policy") == (fs::perms::owner_read | fs::perms::group_read));
  CHECK(entries(f.path) == 1);  // no temporary file left
}

TEST_CASE("write_atomically gives a new file the umask's permissions") {
  Folder f("new");
  const mode_t old = ::umask(027);
  CHECK(write_atomically(f / "report.html", "<html>") == "");
  ::umask(old);
  CHECK(read(f / "report.html") == "<html>");
  CHECK(mode_of(f / "report.html") == (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
}

// The old temporary file had a fixed name beside the policy: a link planted
// there sent the formatted text into any file.
TEST_CASE("write_atomically never writes through a planted temporary name") {
  Folder f("planted");
  write_file(f / "victim", "secret");
  write_file(f / "p.policy", "old");
  fs::create_symlink(f / "victim", f / "p.policy.fmt-tmp");
  fs::create_symlink(f / "victim", f / ".p.policy.XXXXXX");
  CHECK(write_atomically(f / "p.policy", "new") == "");
  CHECK(read(f / "victim") == "secret");
  CHECK(read(f / "p.policy") == "new");
  CHECK(entries(f.path) == 4);
}

TEST_CASE("write_atomically writes through a symbolic link to its target and keeps the link") {
  Folder f("symlink");
  fs::create_directories(f / "real");
  write_file(f / "real" / "p.policy", "old");
  fs::create_symlink("real/p.policy", f / "link.policy");
  CHECK(write_atomically(f / "link.policy", "new") == "");
  CHECK(fs::is_symlink(f / "link.policy"));
  CHECK(read(f / "real" / "p.policy") == "new");
  CHECK(entries(f / "real") == 1);
  fs::create_symlink("nowhere", f / "dangling.policy");
  CHECK(write_atomically(f / "dangling.policy", "x") == "is a symbolic link to a file that does not exist");
}

TEST_CASE("write_atomically keeps a file with several hard links shared") {
  Folder f("hardlink");
  write_file(f / "a.policy", "old");
  fs::create_hard_link(f / "a.policy", f / "b.policy");
  CHECK(write_atomically(f / "a.policy", "newer text") == "");
  CHECK(read(f / "b.policy") == "newer text");
  CHECK(fs::hard_link_count(f / "a.policy") == 2);
}

TEST_CASE("write_atomically refuses a folder or a device") {
  Folder f("special");
  CHECK(write_atomically(f.path, "x") == "is a directory, not a file");
  CHECK(write_atomically("/dev/null", "x") == "is not a regular file");
}

// A write that fails half-way (here: past the file size limit, EFBIG) says
// why, leaves the old file as it was and no temporary file behind.
TEST_CASE("a failed write says why and leaves the file and the folder as they were") {
  Folder f("fail");
  write_file(f / "p.policy", "old");
  std::signal(SIGXFSZ, SIG_IGN);
  rlimit old{};
  ::getrlimit(RLIMIT_FSIZE, &old);
  rlimit small = old;
  small.rlim_cur = 16;
  REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
  const std::string error = write_atomically(f / "p.policy", std::string(1000, 'x'));
  ::setrlimit(RLIMIT_FSIZE, &old);
  std::signal(SIGXFSZ, SIG_DFL);
  CHECK(error == "cannot write: File too large");
  CHECK(read(f / "p.policy") == "old");
  CHECK(entries(f.path) == 1);
}

TEST_CASE("same_file sees one file under two names") {
  Folder f("same");
  write_file(f / "a", "x");
  fs::create_symlink(f / "a", f / "link");
  fs::create_hard_link(f / "a", f / "hard");
  write_file(f / "b", "x");
  CHECK(fuzhu::cli::same_file(f / "a", f / "link"));
  CHECK(fuzhu::cli::same_file(f / "hard", f / "link"));
  CHECK_FALSE(fuzhu::cli::same_file(f / "a", f / "b"));
  CHECK_FALSE(fuzhu::cli::same_file(f / "a", f / "nowhere"));
}
