#include "lua_rules.hpp"

#include <stdexcept>

#include <lua.hpp>

namespace bench {

namespace {

void check(lua_State* L, int status) {
  if (status != LUA_OK) throw std::runtime_error(lua_tostring(L, -1));
}

}  // namespace

LuaRules::LuaRules(const std::string& rules_file) : L_(luaL_newstate()) {
  luaL_openlibs(L_);
  check(L_, luaL_dofile(L_, rules_file.c_str()));
  rules_ = luaL_ref(L_, LUA_REGISTRYINDEX);
  lua_getglobal(L_, "require");
  lua_pushstring(L_, "cjson");
  check(L_, lua_pcall(L_, 1, 1, 0));
  lua_setglobal(L_, "cjson");
}

LuaRules::~LuaRules() { lua_close(L_); }

void LuaRules::load_families(const std::vector<std::string>& lines) {
  if (families_) luaL_unref(L_, LUA_REGISTRYINDEX, families_);
  lua_createtable(L_, static_cast<int>(lines.size()), 0);
  lua_getglobal(L_, "cjson");
  lua_getfield(L_, -1, "decode");
  lua_remove(L_, -2);
  lua_Integer i = 0;
  for (const auto& line : lines) {
    lua_pushvalue(L_, -1);
    lua_pushlstring(L_, line.data(), line.size());
    if (lua_pcall(L_, 1, 1, 0) != LUA_OK) {
      lua_pop(L_, 1);
      continue;  // a line fuzhu rejects too
    }
    lua_rawseti(L_, -3, ++i);
  }
  lua_pop(L_, 1);
  families_ = luaL_ref(L_, LUA_REGISTRYINDEX);
}

std::pair<std::int64_t, std::int64_t> LuaRules::run(const char* name, int year, int month, int day) {
  // The loop is Lua's own: for each family, rules[name](f, as_of, sum).
  static const char* loop =
      "local rule, families, y, m, d = ...\n"
      "local as_of, sum = {y, m, d}, {0, 0}\n"
      "for i = 1, #families do rule(families[i], as_of, sum) end\n"
      "return sum[1], sum[2]\n";
  check(L_, luaL_loadstring(L_, loop));
  lua_rawgeti(L_, LUA_REGISTRYINDEX, rules_);
  lua_getfield(L_, -1, name);
  lua_remove(L_, -2);
  lua_rawgeti(L_, LUA_REGISTRYINDEX, families_);
  lua_pushinteger(L_, year);
  lua_pushinteger(L_, month);
  lua_pushinteger(L_, day);
  check(L_, lua_pcall(L_, 5, 2, 0));
  std::pair<std::int64_t, std::int64_t> out{lua_tointeger(L_, -2), lua_tointeger(L_, -1)};
  lua_pop(L_, 2);
  return out;
}

}  // namespace bench
