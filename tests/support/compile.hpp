// Policies for tests: compiled from a string beside the repository's
// policies/ (so `use "facts.schema"` finds the shared schema), or one of the
// transcribed cities. The test fails, showing the diagnostics, when a policy
// that should compile does not.
#pragma once

#include <filesystem>
#include <string>

#include <doctest/doctest.h>
#include <fuzhu/fuzhu.hpp>

namespace fuzhu::testing {

inline std::filesystem::path policies_dir() { return std::filesystem::path(FUZHU_SOURCE_DIR) / "policies"; }

/// Lines 1-6 of a test policy: the shared schema and a header in force
/// from 2010 (or over `window`, e.g. "from 2026-01-01 to 2026-12-31") in 益阳市.
inline std::string test_header(const std::string& window = "from 2010-01-01") {
  return "use \"facts.schema\"\n"
         "policy \"测试\" {\n"
         "  document \"测试〔2026〕1号\"\n"
         "  in force " + window + "\n"
         "  jurisdiction \"益阳市\"\n"
         "}\n";
}

/// Compiles `text` as if it were the file `name`, reading `use`d files from policies/.
inline CompileResult compile_text(const std::string& text, const std::string& name = "test.policy") {
  CompileOptions options;
  options.include_dirs = {policies_dir()};
  return Policy::compile_string(text, name, options);
}

/// The policy `text` compiles to; the test stops when it does not compile.
inline Policy compiled(const std::string& text, const std::string& name = "test.policy") {
  auto r = compile_text(text, name);
  INFO(render_all(r.diagnostics));
  REQUIRE(r.ok());
  return *r.policy;
}

/// A transcribed city: policies/<name>.policy.
inline Policy city_policy(const std::string& name) {
  auto r = Policy::compile_file(policies_dir() / (name + ".policy"));
  INFO(render_all(r.diagnostics));
  REQUIRE(r.ok());
  return *r.policy;
}

}  // namespace fuzhu::testing
