// Deterministic limits on what a policy or a facts file may demand. Each one
// has an error naming it and a test at and past it; none comes near the real
// policies (see README, "Limits").
#pragma once

#include <cstddef>
#include <cstdint>

namespace fuzhu::limits {

inline constexpr std::size_t max_policy_bytes = 1 << 20;        // 1 MiB of policy text
inline constexpr std::size_t max_parser_depth = 2000;           // PEGTL rule nesting
inline constexpr std::size_t max_expression_depth = 200;        // AST nesting, operator chains
inline constexpr std::size_t max_name_chars = 64;               // identifier length
inline constexpr std::size_t max_benefits = 500;                // per policy
inline constexpr std::size_t max_definition_nesting = 400;  // expression levels through definitions
inline constexpr std::size_t max_definitions = 1000;            // per policy, schema included
inline constexpr std::size_t max_uses = 16;                     // files one compilation reads
inline constexpr std::int64_t max_integer = 1'000'000'000;      // an integer literal
inline constexpr std::int64_t max_money_fen = 100'000'000'000'000;  // 10^12 yuan
inline constexpr std::size_t max_facts_bytes = 1 << 20;         // one family's JSON
inline constexpr std::size_t max_facts_depth = 16;              // JSON nesting
inline constexpr std::size_t max_string_bytes = 4096;           // one string fact

}  // namespace fuzhu::limits
