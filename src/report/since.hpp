// `fuzhu report NEW --document DOC --since OLD`: what changed since the
// version a reviewer already signed off, so that only that is reviewed
// again. Plain data, filled from src/versions' comparison (since.cpp).
#pragma once

#include <string>
#include <vector>

namespace fuzhu::report {

struct SinceBenefit {
  std::string id, title;
  std::string change;  // "changed", "added", "removed"
  /// changed: what changed, a line a part, in the plain words of `fuzhu
  /// diff` (金额：A → 自D起B), and the definitions it reads whose meaning
  /// changed; added / removed: the whole benefit in plain words.
  std::vector<std::string> lines;
};

struct Since {
  std::string old_file;  // the file name of the version compared against
  std::string old_sha256;
  std::vector<SinceBenefit> benefits;  // changed and added in the new order, removed last
  std::vector<std::string> header, definitions;  // what changed there, one line each
  int unchanged = 0;
  const SinceBenefit* find(const std::string& id) const {
    for (const auto& b : benefits)
      if (b.id == id && b.change != "removed") return &b;
    return nullptr;
  }
};

}  // namespace fuzhu::report
