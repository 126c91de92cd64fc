// A host that holds a policy's text (from a database, say) and compiles it
// with compile_string: its `use "facts.schema"` is found in the folder the
// policies were installed to, with nothing set by the host.
//   use_installed POLICY_FILE [POLICIES_DIR]
// POLICIES_DIR, when given, is set in CompileOptions instead of the default.
// Run it where there is no facts.schema.
#include <fstream>
#include <iostream>
#include <sstream>

#include <fuzhu/fuzhu.hpp>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: use_installed POLICY_FILE [POLICIES_DIR]\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();

  fuzhu::CompileOptions options;
  if (argc > 2) options.policies_dir = argv[2];
  auto compiled = fuzhu::Policy::compile_string(text.str(), "from-a-database.policy", options);
  std::cerr << fuzhu::render_all(compiled.diagnostics);
  if (!compiled.ok()) return 1;
  std::cout << "compiled " << compiled.policy->benefit_count() << " benefits, library " << fuzhu::version()
            << ", headers " << FUZHU_VERSION_STRING << "\n";

  // Without the folder, the same text cannot find its schema.
  options.policies_dir.clear();
  auto alone = fuzhu::Policy::compile_string(text.str(), "from-a-database.policy", options);
  if (alone.ok()) return 1;
  std::cout << "without policies_dir: " << alone.diagnostics.front().message << "\n";
  return 0;
}
