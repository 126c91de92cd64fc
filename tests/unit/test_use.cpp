// `use` reads policy text from where the policy lives, and nothing else
// (issue 11, item 13): `use "../../../../etc/passwd"` printed root's line,
// `use "/proc/self/environ"` the environment, `use "/proc/kmsg"` hung.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "fuzhu/fuzhu.hpp"
#include "tests/support/compile.hpp"
#include "tests/support/diagnostics.hpp"
#include "tests/support/files.hpp"

namespace {

namespace fs = std::filesystem;

// A temporary folder holding policies/facts.schema, where the policy under test lives.
struct Folder : fuzhu::testing::TempFolder {
  explicit Folder(const std::string& name) : TempFolder("use_" + name) {
    fs::create_directories(path / "policies");
    fs::copy_file(fuzhu::testing::policies_dir() / "facts.schema", path / "policies" / "facts.schema");
  }
};

const std::string header =
    "policy \"用\" {\n  document \"用〔2026〕1号\"\n  in force from 2026-01-01\n  jurisdiction \"益阳市\"\n}\n"
    "benefit special_allowance \"特别扶助金\" {\n  cites \"一\"\n  to each parent\n  monthly 490 元\n}\n";

// Compiles a policy in <folder>/policies/ that uses `used` besides facts.schema.
fuzhu::CompileResult compile(const Folder& f, const std::string& used, fuzhu::CompileOptions options = {}) {
  const std::string text = "use \"facts.schema\"\nuse \"" + used + "\"\n" + header;
  return fuzhu::Policy::compile_string(text, (f.path / "policies" / "p.policy").string(), options);
}

std::string codes(const fuzhu::CompileResult& r) { return fuzhu::testing::codes_of(r.diagnostics); }

// Nothing of the used file's contents reaches any message.
void shows_nothing_of(const fuzhu::CompileResult& r, const std::string& secret) {
  const std::string all = fuzhu::render_all(r.diagnostics);
  CHECK_MESSAGE(all.find(secret) == std::string::npos, all);
}

}  // namespace

TEST_CASE("use of a file above the policy's folder is refused before it is read") {
  Folder f("above");
  f.write("secret.schema", "define leaked = true\n");
  auto r = compile(f, "../secret.schema");
  CHECK(codes(r) == "F008 ");
  auto passwd = compile(f, "../../../../../../../../../etc/passwd");
  CHECK(codes(passwd) == "F008 ");
  shows_nothing_of(passwd, "root:");
  CHECK(fuzhu::render_all(passwd.diagnostics).find("leads out of the policy's folder") != std::string::npos);
}

TEST_CASE("use of an absolute path is refused") {
  Folder f("absolute");
  auto r = compile(f, "/proc/self/environ");
  CHECK(codes(r) == "F008 ");
  CHECK(r.diagnostics[0].message == "\"/proc/self/environ\" is an absolute path: `use` takes a path relative to this file's folder");
}

TEST_CASE("use through a symbolic link out of the folder is refused; one inside it is followed") {
  Folder f("symlink");
  fs::create_symlink("/etc/passwd", f.path / "policies" / "out.schema");
  auto out = compile(f, "out.schema");
  CHECK(codes(out) == "F008 ");
  shows_nothing_of(out, "root:");
  f.write("policies/real.schema", "define inside = true\n");
  fs::create_symlink("real.schema", f.path / "policies" / "in.schema");
  CHECK(compile(f, "in.schema").ok());
}

TEST_CASE("use of a FIFO is refused at once, never waited on") {
  Folder f("fifo");
  REQUIRE(::mkfifo((f.path / "policies" / "pipe.schema").c_str(), 0600) == 0);
  auto r = compile(f, "pipe.schema");
  CHECK(codes(r) == "F002 ");
  fs::create_directories(f.path / "policies" / "dir.schema");
  CHECK(codes(compile(f, "dir.schema")) == "F002 ");
}

TEST_CASE("a used file that is not policy text is refused at the use without a line of it") {
  Folder f("not_policy");
  f.write("policies/passwd.schema", "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/usr/sbin:/usr/sbin/nologin\n");
  auto r = compile(f, "passwd.schema");
  CHECK(codes(r) == "F009 ");
  shows_nothing_of(r, "root:x");
  CHECK(r.diagnostics[0].line == 2);  // the `use` line of the policy
  f.write("policies/binary.schema", std::string("\x7f" "ELF\x02\x01\x01\x00 secret", 16));
  auto binary = compile(f, "binary.schema");
  CHECK(codes(binary) == "F009 ");
  shows_nothing_of(binary, "ELF");
  // A schema with a syntax error is named with the place, its lines not shown.
  f.write("policies/broken.schema", "define a = true\n\n\ndefine b = = false\n");
  auto broken = compile(f, "broken.schema");
  CHECK(codes(broken) == "F009 ");
  CHECK(broken.diagnostics[0].message.find("at its line 4, column") != std::string::npos);
}

TEST_CASE("a host may allow use anywhere; file contents are still never shown") {
  Folder f("anywhere");
  fuzhu::CompileOptions anywhere;
  anywhere.allow_use_anywhere = true;
  f.write("secret.schema", "define from_above = true\n");
  CHECK(compile(f, "../secret.schema", anywhere).ok());
  auto passwd = compile(f, "/etc/passwd", anywhere);
  CHECK(codes(passwd) == "F009 ");
  shows_nothing_of(passwd, "root:");
  ::setenv("FUZHU_USE_TEST_SECRET", "hunter2", 1);
  auto environ = compile(f, "/proc/self/environ", anywhere);
  CHECK_FALSE(environ.ok());
  shows_nothing_of(environ, "hunter2");
}

TEST_CASE("use reads below the include folders and the roots a host gives") {
  Folder f("roots");
  fs::create_directories(f.path / "shared");
  f.write("shared/common.schema", "define shared_def = true\n");
  f.write("outside.schema", "define outside_def = true\n");
  fuzhu::CompileOptions include;
  include.include_dirs = {f.path / "shared"};
  CHECK(compile(f, "common.schema", include).ok());
  CHECK(codes(compile(f, "../outside.schema", include)) == "F008 ");
  fuzhu::CompileOptions root;
  root.use_roots = {f.path};
  CHECK(compile(f, "../outside.schema", root).ok());
  CHECK(compile(f, "../shared/common.schema", root).ok());
}
