// fuzhu — compile a policy once, evaluate it against many families.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fuzhu/diagnostic.hpp"
#include "fuzhu/export.hpp"
#include "fuzhu/facts.hpp"
#include "fuzhu/plain.hpp"
#include "fuzhu/result.hpp"
#include "fuzhu/schema.hpp"
#include "fuzhu/value.hpp"

namespace fuzhu {

namespace detail { struct CompiledPolicy; struct Access; class MemoryPool; }

/// The folder `cmake --install` put the policies and facts.schema in
/// (PREFIX/share/fuzhu/policies, the prefix configured when the library was
/// built; FUZHU_POLICIES_DIR in the CMake package, `policiesdir` in
/// pkg-config). It may not exist: the library need not be installed.
FUZHU_API std::filesystem::path installed_policies_dir();

struct CompileOptions {
  /// Extra folders searched by `use "…"` after the including file's folder.
  std::vector<std::filesystem::path> include_dirs;
  /// Searched last, so that `use "facts.schema"` finds the installed schema
  /// wherever the policy text comes from. Empty: not searched.
  std::filesystem::path policies_dir = installed_policies_dir();
  /// `use "…"` reads only below the policy's own folder and the include
  /// folders, by a relative path: no absolute path, and no `..` or symbolic
  /// link leading out of them (a policy from a stranger must not read the
  /// host's files). These folders are allowed too (the CLI adds the folder
  /// it runs in, so a project's tests may use `../../policies/facts.schema`).
  std::vector<std::filesystem::path> use_roots;
  /// `use` may name any file, absolute or anywhere: for a host that trusts
  /// every policy it compiles. Off by default.
  bool allow_use_anywhere = false;
};

struct EvalOptions {
  /// Evaluate as if the household were registered in the policy's
  /// jurisdiction (`fuzhu compare`).
  bool assume_in_jurisdiction = false;
  /// Also say why each benefit was or was not granted (Evaluation::explanations).
  /// Costs nothing when false; never changes the result.
  bool explain = false;
  /// The language of each explanation's plain rule (Explanation::plain).
  Lang lang = Lang::zh;
};

class Policy;
struct CompileResult;

struct [[nodiscard]] EvalResult {
  std::optional<Evaluation> evaluation;      // set when there is no error
  std::vector<Diagnostic> errors;            // facts or arithmetic errors
  bool ok() const { return evaluation.has_value(); }
};

/// The header of a policy, as written.
struct PolicyInfo {
  std::string title, document, issuer, jurisdiction, status;
  bool issuer_inferred = false;  ///< the document does not name its issuer (`issuer "…" inferred`)
  std::optional<Date> issued, in_force_from, in_force_to;  ///< both ends in force, inclusive
  /// "5 年" when the header says `in force from D for 5 年` (有效期); in_force_to
  /// is then the last day in force, computed: D + 5 年 − 1 day.
  std::string in_force_period;
  std::string file;
};

/// A compiled policy. Immutable: copies share it, and any number of threads
/// may evaluate it at once.
class FUZHU_API Policy {
 public:
  static CompileResult compile_file(const std::filesystem::path& file,
                                    const CompileOptions& options = {});
  /// `name` is used in diagnostics and to resolve `use` relative paths.
  static CompileResult compile_string(std::string_view source, std::string name,
                                      const CompileOptions& options = {});

  const PolicyInfo& info() const;

  /// An empty family (every fact unknown), to be filled in with Facts::set.
  Facts new_facts() const;
  /// Reads one family from JSON text, validated against the facts schema.
  FactsResult read_facts(std::string_view json) const;

  EvalResult evaluate(const Facts& facts, const Date& as_of,
                      const EvalOptions& options = {}) const;

  /// Names for the indices of Decisions (see fuzhu/decisions.hpp). An index
  /// Decisions did not give throws std::out_of_range saying which index,
  /// which call and the valid range: it is the host's bug, not the data's.
  int benefit_count() const;
  const std::string& benefit_id(int benefit) const;
  const std::string& benefit_title(int benefit) const;  ///< as written: "特别扶助金"
  std::optional<Period> benefit_period(int benefit) const;  ///< none for a service
  /// Its kind of amount: totals keep cash, in kind, minimum and discretionary apart.
  AmountKind benefit_kind(int benefit) const;
  /// "household" for -1; otherwise a root with role parent or member
  /// ("mother", "father", "child"). Any other index throws std::out_of_range.
  const std::string& recipient_name(int recipient) const;
  int payer_count(int benefit) const;
  const std::string& payer_name(int benefit, int payer) const;
  /// Facts are numbered 0 to fact_count() - 1: "mother.birth_date".
  int fact_count() const;
  const std::string& fact_path(int fact) const;

  /// Every fact of the policy's facts schema: path, type, allowed values,
  /// label, role, declaring file, whether the policy reads it (fuzhu/schema.hpp).
  const FactsSchema& schema() const;

 private:
  explicit Policy(std::shared_ptr<const detail::CompiledPolicy> compiled);
  std::shared_ptr<const detail::CompiledPolicy> compiled_;
  // Evaluation memory that evaluate() reuses, shared by copies of this
  // Policy and by the threads that evaluate it (src/eval/memory_pool.hpp).
  std::shared_ptr<detail::MemoryPool> memory_;
  friend struct detail::Access;  // the library's own view (src/api/internal.hpp)
};

struct [[nodiscard]] CompileResult {
  std::optional<Policy> policy;              // set when there is no error
  std::vector<Diagnostic> diagnostics;       // errors and warnings
  bool ok() const { return policy.has_value(); }
};

}  // namespace fuzhu
