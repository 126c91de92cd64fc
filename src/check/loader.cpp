// Reads a policy and the files it `use`s (each once), and merges their
// declarations into one Program for the checker.
//
// A policy may come from a stranger (a server compiling what it is sent), so
// `use` reads only policy text from where the policy lives: a relative path
// below the policy's folder, an include folder or a root the host allows,
// after symbolic links are resolved; only regular files, never more than a
// policy's size whatever the file says it is; and a used file that does not
// parse as policy text is refused at the `use`, without showing its lines.
#include <set>

#include <fmt/format.h>

#include "check/checker.hpp"
#include "check/resolve.hpp"
#include "files/read_file.hpp"
#include "limits.hpp"
#include "syntax/parser.hpp"

namespace fuzhu {

namespace {

namespace fs = std::filesystem;

// `path`, absolute, with every symbolic link of its existing part resolved.
fs::path resolved(const fs::path& path) {
  std::error_code ec;
  const fs::path absolute = fs::absolute(path.empty() ? fs::path(".") : path, ec);
  if (ec) return path.lexically_normal();
  fs::path out = fs::weakly_canonical(absolute, ec);
  return ec ? absolute.lexically_normal() : out;
}

bool below(const fs::path& path, const fs::path& folder) {
  const fs::path relative = path.lexically_relative(folder);
  return !relative.empty() && *relative.begin() != "..";
}

class Loader {
 public:
  Loader(Program& program, Diagnostics& diags, const LoadOptions& options)
      : program_(program), diags_(diags), options_(options) {}

  void load_main(int file_index) {
    auto file = parse_file(program_.sources, file_index, diags_);
    if (!file) return;
    const fs::path folder = fs::path(program_.sources.file(file_index).name()).parent_path();
    if (options_.kept) {  // checked once already: the files come from the kept texts
      add(std::move(file), folder);
      return;
    }
    roots_.push_back(resolved(folder));
    for (const auto& dir : options_.include_dirs) roots_.push_back(resolved(dir));
    for (const auto& dir : options_.use_roots) roots_.push_back(resolved(dir));
    add(std::move(file), folder);
  }

 private:
  Program& program_;
  Diagnostics& diags_;
  const LoadOptions& options_;
  std::set<std::string> loaded_;
  std::vector<fs::path> roots_;  // where `use` may read, resolved

  void add(std::unique_ptr<ast::File> file, const fs::path& here) {
    std::vector<ast::Use> uses = file->uses;
    program_.files.push_back(std::move(file));
    for (const auto& use : uses) load_use(use, here);
  }

  // A used file: parsed on its own first, so that a file that is not policy
  // text (a password file, a binary) is refused without a line of it shown.
  void load_used(const ast::Use& use, int file_index, const fs::path& here) {
    Diagnostics own(program_.sources);
    auto file = parse_file(program_.sources, file_index, own);
    if (!file) {
      const Diagnostic* first = own.list().empty() ? nullptr : &own.list().front();
      diags_.add(Diag::used_file_not_policy, use.loc,
                 first ? fmt::format("\"{}\" is not policy text: at its line {}, column {}: {}; its lines are not shown",
                                     use.path, first->line, first->column, first->message)
                       : fmt::format("\"{}\" is not policy text", use.path));
      return;
    }
    for (Diagnostic& d : own.take()) diags_.add(std::move(d));
    add(std::move(file), here);
  }

  bool allowed(const fs::path& path) const {
    if (options_.allow_use_anywhere) return true;
    const fs::path target = resolved(path);
    for (const auto& root : roots_)
      if (below(target, root)) return true;
    return false;
  }

  void load_use(const ast::Use& use, const fs::path& here) {
    if (options_.kept) return load_kept(use, here);
    if (!options_.allow_use_anywhere && fs::path(use.path).is_absolute()) {
      diags_.add(Diag::use_outside_folders, use.loc,
                 fmt::format("\"{}\" is an absolute path: `use` takes a path relative to this file's folder", use.path));
      return;
    }
    std::vector<fs::path> candidates{here / use.path};
    for (const auto& dir : options_.include_dirs) candidates.push_back(dir / use.path);
    for (const auto& path : candidates) {
      // Checked before the file is looked at: whether a file exists outside
      // is none of a policy's business.
      if (!allowed(path)) {
        diags_.add(Diag::use_outside_folders, use.loc,
                   fmt::format("\"{}\" leads out of the policy's folder{}: `use` reads only files below them",
                               use.path, options_.include_dirs.empty() ? "" : " and the include folders"));
        return;
      }
      const std::string canonical = resolved(path).string();
      if (loaded_.count(canonical)) return;  // each file once, however often used
      auto read = files::read_file(path, limits::max_policy_bytes);
      if (read.status == files::ReadStatus::not_found) continue;
      if (!read.ok()) {
        report_unreadable(use, read);
        return;
      }
      if (program_.sources.size() >= static_cast<int>(limits::max_uses)) {
        diags_.add(Diag::too_many_files, use.loc, fmt::format("a policy may read at most {} files", limits::max_uses));
        return;
      }
      loaded_.insert(canonical);
      load_used(use, program_.sources.add(path.lexically_normal().string(), std::move(read.text)), path.parent_path());
      return;
    }
    diags_.add(Diag::used_file_not_found, use.loc, fmt::format("cannot read \"{}\": no such file next to this one{}", use.path,
                                      options_.include_dirs.empty() ? "" : " or in the include folders"));
  }

  // The first candidate the kept texts hold, by the name the first load gave
  // it. None: the first load found the file under another path, and read it
  // once, as here.
  void load_kept(const ast::Use& use, const fs::path& here) {
    std::vector<fs::path> candidates{here / use.path};
    for (const auto& dir : options_.include_dirs) candidates.push_back(dir / use.path);
    for (const auto& path : candidates) {
      const std::string name = path.lexically_normal().string();
      for (int i = 1; i < options_.kept->size(); ++i) {
        if (options_.kept->file(i).name() != name) continue;
        if (!loaded_.insert(name).second) return;
        load_used(use, program_.sources.add(name, options_.kept->file(i).text()), path.parent_path());
        return;
      }
    }
  }

  void report_unreadable(const ast::Use& use, const files::ReadResult& read) {
    const std::string why = files::describe(read, limits::max_policy_bytes);
    switch (read.status) {
      case files::ReadStatus::too_large:
        diags_.add(Diag::policy_too_large, use.loc,
                   read.size_reported
                       ? fmt::format("\"{}\" is {} bytes; a policy file may be at most {} bytes", use.path, read.size,
                                     limits::max_policy_bytes)
                       : fmt::format("\"{}\" is larger than {} bytes, the most a policy file may be", use.path,
                                     limits::max_policy_bytes));
        return;
      case files::ReadStatus::is_directory:
      case files::ReadStatus::not_regular:
        diags_.add(Diag::not_a_regular_file, use.loc, fmt::format("\"{}\" {}", use.path, why));
        return;
      default: diags_.add(Diag::cannot_read, use.loc, fmt::format("\"{}\" {}", use.path, why));
    }
  }
};

}  // namespace

std::unique_ptr<Program> load_and_check(std::string name, std::string text,
                                        const LoadOptions& options, std::vector<Diagnostic>& out) {
  auto program = std::make_unique<Program>();
  Diagnostics diags(program->sources);
  program->include_dirs = options.include_dirs;
  int main_file = program->sources.add(std::move(name), std::move(text));
  Loader(*program, diags, options).load_main(main_file);
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
