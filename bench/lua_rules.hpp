// The Lua 5.4 side of population_bench: families decoded by lua-cjson into
// Lua tables, and bench/rules.lua applied to them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

struct lua_State;

namespace bench {

class LuaRules {
 public:
  /// Loads lua-cjson and bench/rules.lua; throws std::runtime_error.
  explicit LuaRules(const std::string& rules_file);
  ~LuaRules();
  LuaRules(const LuaRules&) = delete;
  LuaRules& operator=(const LuaRules&) = delete;

  /// Decodes JSON lines into a Lua array of families (not timed).
  void load_families(const std::vector<std::string>& lines);
  /// Applies rules.<name> to every loaded family: fen a month, recipients.
  std::pair<std::int64_t, std::int64_t> run(const char* name, int year, int month, int day);

 private:
  lua_State* L_;
  int rules_ = 0, families_ = 0;  // registry references
};

}  // namespace bench
