// The Lua 5.4 end-to-end baseline of `fuzhu simulate`: a Lua program reads
// the file line by line (io.lines, constant memory), decodes each line with
// lua-cjson and applies the whole policy of bench/rules.lua. The host only
// starts Lua.
//   lua_simulate yiyang|songjiang POP.jsonl [YYYY-MM-DD]   (default 2026-11-23)
// Prints "families <N>" (families evaluated: a line that is not a JSON object,
// or a family rejected for a birth date after the date, is not one), then
// "<id> <families> <recipients> <fen> <undetermined>" for each benefit in the
// policy's source order (bench/sums.hpp).
#include <cstdio>

#include <lua.hpp>

int main(int argc, char** argv) {
  if (argc < 3 || argc > 4) {
    std::fprintf(stderr, "usage: lua_simulate yiyang|songjiang POP.jsonl [YYYY-MM-DD]\n");
    return 2;
  }
  static const char* program = R"lua(
local name, path, rules_file, date = ...
local y, m, d = date:match("^(%d%d%d%d)%-(%d%d)%-(%d%d)$")
y, m, d = tonumber(y), tonumber(m), tonumber(d)
local valid = y and os.date("*t", os.time({year = y, month = m, day = d, hour = 12}))
if not valid or valid.year ~= y or valid.month ~= m or valid.day ~= d then
  error("the date must be a calendar date YYYY-MM-DD, not " .. date, 0)
end
local cjson = require "cjson"
local policy = dofile(rules_file)[name]
if not policy then error("no policy " .. name .. " in " .. rules_file, 0) end
local decode, apply, ids, byte = cjson.decode, policy.apply, policy.ids, string.byte
local as_of, sums, families = {y, m, d}, {}, 0
for i = 1, #ids do sums[i] = {0, 0, 0, 0} end
-- An object: "[]" decodes to a table too.
local function object(line)
  local c = byte(line)
  return c == 123 or (c ~= nil and c <= 32 and line:find("^%s*{") ~= nil)
end
for line in io.lines(path) do
  if object(line) then
    local ok, f = pcall(decode, line)
    if ok and type(f) == "table" and apply(f, as_of, sums) then families = families + 1 end
  end
end
local out = {string.format("families %d", families)}
for i, id in ipairs(ids) do
  local s = sums[i]
  out[#out + 1] = string.format("%s %d %d %d %d", id, s[1], s[2], s[3], s[4])
end
print(table.concat(out, "\n"))
)lua";
  lua_State* L = luaL_newstate();
  luaL_openlibs(L);
  int status = luaL_loadstring(L, program);
  if (status == LUA_OK) {
    lua_pushstring(L, argv[1]);
    lua_pushstring(L, argv[2]);
    lua_pushstring(L, FUZHU_BENCH_DIR "/rules.lua");
    lua_pushstring(L, argc > 3 ? argv[3] : "2026-11-23");
    status = lua_pcall(L, 4, 0, 0);
  }
  if (status != LUA_OK) std::fprintf(stderr, "lua_simulate: %s\n", lua_tostring(L, -1));
  lua_close(L);
  return status == LUA_OK ? 0 : 1;
}
