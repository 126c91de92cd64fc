// What the C ABI's opaque handles hold (include/fuzhu/fuzhu.h), and the
// barrier every entry point goes through: no C++ exception crosses into C.
#pragma once

#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fuzhu/fuzhu.h"
#include "fuzhu/fuzhu.hpp"

struct fuzhu_policy {
  fuzhu::Policy policy;
  // The header's dates as fuzhu_policy_info gives them ("" when absent).
  std::string issued, in_force_from, in_force_to;

  explicit fuzhu_policy(fuzhu::Policy compiled);
};

/// Diagnostics with the C views of their fields: the views point into
/// `list` and `rendered`, which never change once made.
struct fuzhu_diagnostics {
  std::vector<fuzhu::Diagnostic> list;
  std::vector<std::string> rendered;
  std::vector<fuzhu_diagnostic> views;
  std::string all;  // every rendered diagnostic, one after another

  void assign(std::vector<fuzhu::Diagnostic> diagnostics);
  void clear();
};

struct fuzhu_decider {
  fuzhu::Decider decider;
  fuzhu_diagnostics diagnostics;
  // The C rows of the last decisions; storage reused from family to family.
  std::vector<fuzhu_granted> granted;
  std::vector<fuzhu_payer_share> payers;
  std::vector<fuzhu_undetermined> undetermined;
  std::vector<std::int32_t> needs, not_granted;
  fuzhu_decisions decisions{};
};

namespace fuzhu::capi {

/// Sets the calling thread's last error message (cut to 1 KiB; it never
/// allocates, so it works out of memory too) and returns `status`.
fuzhu_status fail(fuzhu_status status, std::string_view message) noexcept;
/// The same, as "function: message".
fuzhu_status fail(fuzhu_status status, std::string_view function, std::string_view message) noexcept;

/// Runs `body` (which returns a fuzhu_status) and turns any exception into
/// a status and a message: out of memory is FUZHU_ERROR_MEMORY, anything
/// else FUZHU_ERROR_INTERNAL. `function` names the entry point.
template <typename Body>
fuzhu_status guarded(const char* function, Body&& body) noexcept {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    return fail(FUZHU_ERROR_MEMORY, function, "out of memory");
  } catch (const std::exception& e) {
    return fail(FUZHU_ERROR_INTERNAL, function, e.what());
  } catch (...) {
    return fail(FUZHU_ERROR_INTERNAL, function, "an exception that is not a std::exception");
  }
}

/// "YYYY-MM-DD", or today for NULL; none (with the last error set) otherwise.
std::optional<Date> as_of_date(const char* function, const char* text);

/// A copy of `text` that the caller frees with fuzhu_free (malloc'd), or
/// NULL when memory ran out.
char* copy_out(std::string_view text) noexcept;

/// The C form of evaluation options; defaults for NULL. None (with the
/// last error set) for a lang that is not "zh" or "en".
std::optional<EvalOptions> eval_options(const char* function, const fuzhu_eval_options* options);

/// A new diagnostics handle holding `list` into *out, when out is not NULL.
/// False when memory ran out (then *out is NULL).
bool hand_out(std::vector<Diagnostic> list, fuzhu_diagnostics** out) noexcept;

}  // namespace fuzhu::capi
