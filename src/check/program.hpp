// A checked program: the files one compilation read (the policy and what it
// `use`s), merged, with every name resolved and every expression typed.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "check/references.hpp"
#include "syntax/ast.hpp"
#include "syntax/source.hpp"

namespace fuzhu {

struct Program {
  SourceSet sources;
  std::vector<std::filesystem::path> include_dirs;  // LoadOptions::include_dirs: where `use` looked
  std::vector<std::unique_ptr<ast::File>> files;  // files[0] is the policy

  // Merged views into the files (pointers stay valid: the files own the nodes).
  const ast::Header* header = nullptr;
  std::vector<const ast::EnumDecl*> enums;
  std::vector<ast::RecordDecl*> records;
  std::vector<const ast::RootDecl*> roots;        // household, family, child, mother, father; then added ones
  std::vector<ast::Extension*> extensions;        // extend record, in file order
  // From the roles (check/roles.cpp): root indices of `each parent`, and of
  // `each member` (the parents first, then the other members).
  std::vector<int> parents, members;
  std::vector<ast::Definition*> definitions;      // indexed by Expr::resolved; evaluated lazily
  std::vector<ast::Benefit*> benefits;            // in source order
  std::vector<int> benefit_order;                 // indices into benefits; granted() deps first
  References references;                          // the checker's resolutions, for the compiler

  int root_index(const std::string& name) const;
  int benefit_index(const std::string& id) const;
};

}  // namespace fuzhu
