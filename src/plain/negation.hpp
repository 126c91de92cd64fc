// Saying "not" the way a Chinese reader would: 有再生育意愿 → 无再生育意愿,
// 已婚 → 未婚, 健在 → 已故, rather than "not … → false".
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace fuzhu::plain {

/// The label negated by its own words (有 → 无, 已 → 未, 符合 → 不符合, …);
/// none when no rule applies and the caller must prefix a negation.
std::optional<std::string> negate_label(std::string_view label);

}  // namespace fuzhu::plain
