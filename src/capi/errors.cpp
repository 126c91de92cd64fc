// The C ABI's basics: status names, the thread's last error, the version,
// and freeing strings.
#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "capi/handles.hpp"

namespace fuzhu::capi {

namespace {

// A fixed buffer, not a std::string: recording an error must work when
// memory has run out.
constexpr std::size_t last_error_size = 1024;
thread_local char last_error[last_error_size] = "";

void append(std::size_t& at, std::string_view text) noexcept {
  std::size_t n = std::min(text.size(), last_error_size - 1 - at);
  std::memcpy(last_error + at, text.data(), n);
  at += n;
}

}  // namespace

fuzhu_status fail(fuzhu_status status, std::string_view message) noexcept {
  std::size_t at = 0;
  append(at, message);
  last_error[at] = '\0';
  return status;
}

fuzhu_status fail(fuzhu_status status, std::string_view function, std::string_view message) noexcept {
  std::size_t at = 0;
  append(at, function);
  append(at, ": ");
  append(at, message);
  last_error[at] = '\0';
  return status;
}

std::optional<Date> as_of_date(const char* function, const char* text) {
  if (text == nullptr) return Date::today();
  auto date = Date::parse(text);
  if (!date)
    fail(FUZHU_ERROR_ARGUMENT, function,
         std::string("as_of \"") + text + "\" is not a day of the calendar (YYYY-MM-DD)");
  return date;
}

}  // namespace fuzhu::capi

extern "C" {

const char* fuzhu_status_name(fuzhu_status status) {
  switch (status) {
    case FUZHU_OK: return "ok";
    case FUZHU_ERROR_COMPILE: return "compile";
    case FUZHU_ERROR_FACTS: return "facts";
    case FUZHU_ERROR_EVALUATION: return "evaluation";
    case FUZHU_ERROR_ARGUMENT: return "argument";
    case FUZHU_ERROR_MEMORY: return "memory";
    case FUZHU_ERROR_INTERNAL: return "internal";
  }
  return "unknown";
}

const char* fuzhu_last_error(void) { return fuzhu::capi::last_error; }

const char* fuzhu_version(void) { return fuzhu::version(); }

void fuzhu_free(void* string) { std::free(string); }

}  // extern "C"
