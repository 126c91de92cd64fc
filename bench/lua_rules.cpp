#include "lua_rules.hpp"

#include <stdexcept>
#include <string>

#include <lua.hpp>

namespace bench {

namespace {

void check(lua_State* L, int status) {
  if (status != LUA_OK) {
    std::string message = lua_tostring(L, -1);
    lua_pop(L, 1);
    throw std::runtime_error(message);
  }
}

// "[]" decodes to a Lua table as well: only an object is a family, as for
// fuzhu.
bool is_object(const std::string& line) {
  auto first = line.find_first_not_of(" \t\r\n");
  return first != std::string::npos && line[first] == '{';
}

// The timed loop is Lua's own: for each family, apply(f, as_of, sums).
constexpr const char* loop =
    "local policy, families, y, m, d = ...\n"
    "local apply, as_of, sums = policy.apply, {y, m, d}, {}\n"
    "for i = 1, #policy.ids do sums[i] = {0, 0, 0, 0} end\n"
    "for i = 1, #families do apply(families[i], as_of, sums) end\n"
    "return sums\n";

std::uint64_t count(lua_State* L, int table, int field) {
  lua_rawgeti(L, table, field);
  auto n = static_cast<std::uint64_t>(lua_tointeger(L, -1));
  lua_pop(L, 1);
  return n;
}

}  // namespace

LuaRules::LuaRules(const std::string& rules_file) : L_(luaL_newstate()) {
  if (!L_) throw std::runtime_error("Lua: out of memory");
  luaL_openlibs(L_);
  lua_getglobal(L_, "require");
  lua_pushstring(L_, "cjson");
  check(L_, lua_pcall(L_, 1, 1, 0));
  lua_setglobal(L_, "cjson");
  check(L_, luaL_dofile(L_, rules_file.c_str()));
  rules_ = luaL_ref(L_, LUA_REGISTRYINDEX);
  check(L_, luaL_loadstring(L_, loop));
  loop_ = luaL_ref(L_, LUA_REGISTRYINDEX);
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
    if (!is_object(line)) continue;
    lua_pushvalue(L_, -1);
    lua_pushlstring(L_, line.data(), line.size());
    if (lua_pcall(L_, 1, 1, 0) != LUA_OK || !lua_istable(L_, -1)) {
      lua_pop(L_, 1);
      continue;  // malformed JSON: fuzhu rejects the line too
    }
    lua_rawseti(L_, -3, ++i);
  }
  lua_pop(L_, 1);
  families_ = luaL_ref(L_, LUA_REGISTRYINDEX);
}

// Leaves rules[name] on the stack.
void LuaRules::push_policy(const char* name) {
  lua_rawgeti(L_, LUA_REGISTRYINDEX, rules_);
  lua_getfield(L_, -1, name);
  lua_remove(L_, -2);
  if (!lua_istable(L_, -1)) {
    lua_pop(L_, 1);
    throw std::runtime_error(std::string("rules.lua has no policy ") + name);
  }
}

std::vector<std::string> LuaRules::ids(const char* name) {
  push_policy(name);
  lua_getfield(L_, -1, "ids");
  std::vector<std::string> out;
  const auto n = static_cast<lua_Integer>(lua_rawlen(L_, -1));
  for (lua_Integer i = 1; i <= n; ++i) {
    lua_rawgeti(L_, -1, i);
    out.emplace_back(lua_tostring(L_, -1));
    lua_pop(L_, 1);
  }
  lua_pop(L_, 2);
  return out;
}

PolicySums LuaRules::run(const char* name, int year, int month, int day) {
  if (!families_) throw std::runtime_error("LuaRules::run before load_families");
  push_policy(name);
  lua_rawgeti(L_, LUA_REGISTRYINDEX, loop_);
  lua_insert(L_, -2);
  lua_rawgeti(L_, LUA_REGISTRYINDEX, families_);
  lua_pushinteger(L_, year);
  lua_pushinteger(L_, month);
  lua_pushinteger(L_, day);
  check(L_, lua_pcall(L_, 5, 1, 0));
  PolicySums out(lua_rawlen(L_, -1));
  for (std::size_t i = 0; i < out.size(); ++i) {
    lua_rawgeti(L_, -1, static_cast<lua_Integer>(i + 1));
    const int sum = lua_gettop(L_);
    out[i].families = count(L_, sum, 1);
    out[i].recipients = count(L_, sum, 2);
    lua_rawgeti(L_, sum, 3);
    out[i].fen = lua_tointeger(L_, -1);
    lua_pop(L_, 1);
    out[i].undetermined = count(L_, sum, 4);
    lua_pop(L_, 1);
  }
  lua_pop(L_, 1);
  return out;
}

}  // namespace bench
