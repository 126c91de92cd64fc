// Chinese labels the readable outputs share: who receives, how often.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "fuzhu/result.hpp"

namespace fuzhu::detail {

inline const char* recipient_zh(std::string_view r) {
  if (r == "mother") return "女方";
  if (r == "father") return "男方";
  if (r == "child") return "子女";
  return "全户";
}

inline const char* period_zh(const std::optional<Period>& p) {
  if (!p) return "服务";
  switch (*p) {
    case Period::monthly: return "每月";
    case Period::yearly: return "每年";
    case Period::once: return "一次性";
  }
  return "";
}

}  // namespace fuzhu::detail
