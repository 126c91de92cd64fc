// Diagnostics through the C ABI: each field a C string owned by the handle.
#include "capi/handles.hpp"

namespace {

const char* severity_name(fuzhu::Severity severity) {
  switch (severity) {
    case fuzhu::Severity::error: return "error";
    case fuzhu::Severity::warning: return "warning";
    case fuzhu::Severity::note: return "note";
  }
  return "";
}

}  // namespace

void fuzhu_diagnostics::assign(std::vector<fuzhu::Diagnostic> diagnostics) {
  clear();
  list = std::move(diagnostics);
  // Every string first, then the views that point into them.
  rendered.reserve(list.size());
  for (const auto& d : list) rendered.push_back(d.render());
  all = fuzhu::render_all(list);
  views.reserve(list.size());
  for (std::size_t i = 0; i < list.size(); ++i) {
    const fuzhu::Diagnostic& d = list[i];
    views.push_back(fuzhu_diagnostic{severity_name(d.severity), d.code.c_str(), fuzhu::to_string(d.kind),
                                     d.file.c_str(), d.line, d.column, d.path.c_str(), d.message.c_str(),
                                     rendered[i].c_str()});
  }
}

void fuzhu_diagnostics::clear() {
  views.clear();
  rendered.clear();
  list.clear();
  all.clear();
}

namespace fuzhu::capi {

bool hand_out(std::vector<Diagnostic> list, fuzhu_diagnostics** out) noexcept {
  if (out == nullptr) return true;
  *out = nullptr;
  try {
    auto* diagnostics = new fuzhu_diagnostics;
    try {
      diagnostics->assign(std::move(list));
    } catch (...) {
      delete diagnostics;
      throw;
    }
    *out = diagnostics;
    return true;
  } catch (...) {
    fail(FUZHU_ERROR_MEMORY, "out of memory for the diagnostics");
    return false;
  }
}

}  // namespace fuzhu::capi

extern "C" {

size_t fuzhu_diagnostics_count(const fuzhu_diagnostics* diagnostics) {
  return diagnostics == nullptr ? 0 : diagnostics->views.size();
}

const fuzhu_diagnostic* fuzhu_diagnostics_at(const fuzhu_diagnostics* diagnostics, size_t i) {
  if (diagnostics == nullptr || i >= diagnostics->views.size()) return nullptr;
  return &diagnostics->views[i];
}

int fuzhu_diagnostics_has_errors(const fuzhu_diagnostics* diagnostics) {
  return diagnostics != nullptr && fuzhu::has_errors(diagnostics->list) ? 1 : 0;
}

const char* fuzhu_diagnostics_render(const fuzhu_diagnostics* diagnostics) {
  return diagnostics == nullptr ? "" : diagnostics->all.c_str();
}

void fuzhu_diagnostics_free(fuzhu_diagnostics* diagnostics) { delete diagnostics; }

}  // extern "C"
