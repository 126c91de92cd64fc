-- The special allowance of Yiyang and Songjiang in Lua 5.4, over families
-- decoded by lua-cjson (tables shaped like the JSON). nil is an unknown fact
-- and the logic is Kleene's, as in the policy language, so the sums equal
-- fuzhu's to the fen. Used by population_bench and lua_simulate.
local M = {}

local function tri_and(a, b)
  if a == false or b == false then return false end
  if a == nil or b == nil then return nil end
  return true
end

local function tri_or(a, b)
  if a == true or b == true then return true end
  if a == nil or b == nil then return nil end
  return false
end

local function tri_not(a)
  if a == nil then return nil end
  return not a
end

-- 周岁 on as_of {y, m, d}; nil when unknown.
local function age(birth, as_of)
  if type(birth) ~= "string" then return nil end
  local y, m, d = tonumber(birth:sub(1, 4)), tonumber(birth:sub(6, 7)), tonumber(birth:sub(9, 10))
  local years = as_of[1] - y
  if as_of[2] < m or (as_of[2] == m and as_of[3] < d) then years = years - 1 end
  return years
end

local function special_family(f)
  local child, family = f.child or {}, f.family or {}
  local status, grade = child.status, child.disability_grade
  local deceased, disabled, severe
  if status ~= nil then deceased, disabled = status == "deceased", status == "disabled" end
  if grade ~= nil then severe = grade <= 3 end
  return tri_and(tri_or(deceased, tri_and(disabled, severe)), tri_not(family.other_child))
end

local function mother_49(f, as_of)
  if f.mother == nil then return nil end
  local years = age(f.mother.birth_date, as_of)
  if years == nil then return nil end
  return years >= 49
end

local function living(p) return p ~= nil and p.alive ~= false end

local function region(f)
  local h = f.household
  return h and h.region
end

-- Adds a family's allowance to sum = {fen, recipients}.
function M.yiyang(f, as_of, sum)
  local r = region(f)
  if r == nil or not r:find("益阳市", 1, true) then return end
  if tri_and(special_family(f), mother_49(f, as_of)) ~= true then return end
  local fen = f.child.status == "deceased" and 49000 or 42000
  for _, p in ipairs({f.mother, f.father or false}) do
    if p and living(p) then sum[1], sum[2] = sum[1] + fen, sum[2] + 1 end
  end
end

local deceased_tiers, disabled_tiers = {82000, 87000, 92000}, {66000, 71000, 76000}

function M.songjiang(f, as_of, sum)
  local r = region(f)
  if r == nil or not (r:find("上海市", 1, true) and r:find("松江区", 1, true)) then return end
  if tri_and(special_family(f), mother_49(f, as_of)) ~= true then return end
  local tiers = f.child.status == "deceased" and deceased_tiers or disabled_tiers
  for _, p in ipairs({f.mother, f.father or false}) do
    if p and living(p) then
      local years = age(p.birth_date, as_of)
      if years ~= nil then
        local tier = years <= 59 and 1 or (years <= 69 and 2 or 3)
        sum[1], sum[2] = sum[1] + tiers[tier], sum[2] + 1
      end
    end
  end
end

return M
