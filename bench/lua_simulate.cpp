// The Lua 5.4 end-to-end baseline of `fuzhu simulate`: a Lua program reads
// the file line by line (io.lines, constant memory), decodes each line with
// lua-cjson and applies bench/rules.lua. The host only starts Lua.
//   lua_simulate yiyang|songjiang POP.jsonl
// Prints: total fen a month, recipients, families.
#include <cstdio>

#include <lua.hpp>

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: lua_simulate yiyang|songjiang POP.jsonl\n");
    return 2;
  }
  static const char* program =
      "local name, path, rules_file = ...\n"
      "local cjson = require 'cjson'\n"
      "local rule = dofile(rules_file)[name]\n"
      "local decode, as_of, sum, families = cjson.decode, {2026, 11, 23}, {0, 0}, 0\n"
      "for line in io.lines(path) do\n"
      "  local ok, f = pcall(decode, line)\n"
      "  if ok and type(f) == 'table' then families = families + 1; rule(f, as_of, sum) end\n"
      "end\n"
      "print(string.format('%d %d %d', sum[1], sum[2], families))\n";
  lua_State* L = luaL_newstate();
  luaL_openlibs(L);
  int status = luaL_loadstring(L, program);
  if (status == LUA_OK) {
    lua_pushstring(L, argv[1]);
    lua_pushstring(L, argv[2]);
    lua_pushstring(L, FUZHU_BENCH_DIR "/rules.lua");
    status = lua_pcall(L, 3, 0, 0);
  }
  if (status != LUA_OK) std::fprintf(stderr, "%s\n", lua_tostring(L, -1));
  lua_close(L);
  return status == LUA_OK ? 0 : 1;
}
