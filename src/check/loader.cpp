// Reads a policy and the files it `use`s (each once), and merges their
// declarations into one Program for the checker.
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "check/checker.hpp"
#include "check/resolve.hpp"
#include "limits.hpp"
#include "syntax/parser.hpp"

namespace fuzhu {

namespace {

// The text of a used file; nullopt when there is none to read. A file that is
// there but over the size limit is read no further and sets `too_large`.
std::optional<std::string> read_file(const std::filesystem::path& path, std::uintmax_t& too_large) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
  auto size = std::filesystem::file_size(path, ec);
  if (ec) return std::nullopt;
  if (size > limits::max_policy_bytes) {
    too_large = size;
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return in ? std::optional(text.str()) : std::nullopt;
}

class Loader {
 public:
  Loader(Program& program, Diagnostics& diags, const LoadOptions& options)
      : program_(program), diags_(diags), options_(options) {}

  void load(int file_index) {
    auto file = parse_file(program_.sources, file_index, diags_);
    if (!file) return;
    std::filesystem::path here =
        std::filesystem::path(program_.sources.file(file_index).name()).parent_path();
    std::vector<ast::Use> uses = file->uses;
    program_.files.push_back(std::move(file));
    for (const auto& use : uses) load_use(use, here);
  }

 private:
  Program& program_;
  Diagnostics& diags_;
  const LoadOptions& options_;
  std::set<std::string> loaded_;

  void load_use(const ast::Use& use, const std::filesystem::path& here) {
    std::vector<std::filesystem::path> candidates{here / use.path};
    for (const auto& dir : options_.include_dirs) candidates.push_back(dir / use.path);
    for (const auto& path : candidates) {
      std::error_code ec;
      auto canonical = std::filesystem::weakly_canonical(path, ec).string();
      if (loaded_.count(canonical)) return;  // each file once, however often used
      std::uintmax_t too_large = 0;
      auto text = read_file(path, too_large);
      if (too_large > 0) {
        diags_.add(Diag::policy_too_large, use.loc, fmt::format("\"{}\" is {} bytes; a policy file may be at most {} bytes", use.path,
                                          too_large, limits::max_policy_bytes));
        return;
      }
      if (!text) continue;
      if (program_.sources.size() >= static_cast<int>(limits::max_uses)) {
        diags_.add(Diag::too_many_files, use.loc, fmt::format("a policy may read at most {} files", limits::max_uses));
        return;
      }
      loaded_.insert(canonical);
      load(program_.sources.add(path.lexically_normal().string(), std::move(*text)));
      return;
    }
    diags_.add(Diag::used_file_not_found, use.loc, fmt::format("cannot read \"{}\": no such file next to this one{}", use.path,
                                      options_.include_dirs.empty() ? "" : " or in the include folders"));
  }
};

}  // namespace

std::unique_ptr<Program> load_and_check(std::string name, std::string text,
                                        const LoadOptions& options, std::vector<Diagnostic>& out) {
  auto program = std::make_unique<Program>();
  Diagnostics diags(program->sources);
  int main_file = program->sources.add(std::move(name), std::move(text));
  Loader(*program, diags, options).load(main_file);
  if (!diags.has_errors()) resolve(*program, diags);
  out = diags.take();
  return program;
}

int Program::root_index(const std::string& name) const {
  for (std::size_t i = 0; i < roots.size(); ++i)
    if (roots[i]->name == name) return static_cast<int>(i);
  return -1;
}

int Program::benefit_index(const std::string& id) const {
  for (std::size_t i = 0; i < benefits.size(); ++i)
    if (benefits[i]->id == id) return static_cast<int>(i);
  return -1;
}

}  // namespace fuzhu
