// The Lua 5.4 side of population_bench: families decoded by lua-cjson into
// Lua tables, and the whole policies of bench/rules.lua applied to them.
#pragma once

#include <string>
#include <vector>

#include "sums.hpp"

struct lua_State;

namespace bench {

class LuaRules {
 public:
  /// Loads lua-cjson and bench/rules.lua; throws std::runtime_error.
  explicit LuaRules(const std::string& rules_file);
  ~LuaRules();
  LuaRules(const LuaRules&) = delete;
  LuaRules& operator=(const LuaRules&) = delete;

  /// Decodes JSON lines into a Lua array of families (not timed); a line
  /// that is not a JSON object is left out.
  void load_families(const std::vector<std::string>& lines);
  /// The benefit ids of rules.<name>, in the policy's source order.
  std::vector<std::string> ids(const char* name);
  /// Applies rules.<name> to every loaded family on the date: the sums of
  /// each benefit, indexed like ids(name). A family rejected for a birth
  /// date after the date adds nothing.
  PolicySums run(const char* name, int year, int month, int day);

 private:
  void push_policy(const char* name);

  lua_State* L_;
  int rules_ = 0, families_ = 0, loop_ = 0;  // registry references
};

}  // namespace bench
