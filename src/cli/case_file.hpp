// Reading a policy test file (docs/policy-tests.md) and checking its shape
// before any case runs, so that a file that is not one gets a message saying
// what is wrong and where, never a JSON library's exception.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "fuzhu/diagnostic.hpp"

namespace fuzhu::cli {

/// The case file's JSON, or nullopt with `problem` set (code F010, the
/// file's name, and for malformed JSON its line and column).
std::optional<nlohmann::json> read_case_file(const std::string& path, const std::string& text, Diagnostic& problem);

}  // namespace fuzhu::cli
