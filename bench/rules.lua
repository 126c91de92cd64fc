-- The whole Yiyang and Songjiang policies (policies/yiyang.policy, 24
-- benefits; policies/songjiang.policy, 21) written by hand in Lua 5.4, over
-- families decoded by lua-cjson (tables shaped like the JSON). Used by
-- population_bench (through lua_rules.cpp) and lua_simulate.
--
-- It reproduces `fuzhu simulate` to the fen (src/eval/evaluate.cpp is the
-- reference):
--   * a missing key or JSON null is an unknown fact and the logic is
--     Kleene's; a benefit whose condition, `where` or amount is unknown for a
--     living recipient is an undetermined row;
--   * a person is a recipient only while living: present, alive ~= false
--     (the schema's default is true) and, for the child, not deceased;
--   * the jurisdiction rule of src/eval/jurisdiction.cpp; an unknown region
--     leaves undetermined every benefit whose condition is not false;
--   * a date before the policy's `in force from` grants nothing;
--   * a family with a birth date after as_of is rejected (check_facts).
-- Facts are assumed valid for the schema (types, enum names, calendar dates),
-- as they are in fuzhu-genpop's populations; fuzhu would reject a family that
-- is not.
--
-- Each policy is { ids = {...}, apply = function(family, as_of, sums) }:
-- ids in the policy's source order; as_of = {year, month, day}; sums[i] =
-- {families, recipients, fen, undetermined} for ids[i] (bench/sums.hpp), to
-- which apply adds the family. apply returns false for a rejected family
-- (nothing added), true otherwise.
--
-- Written for speed: a Lua function call costs several table accesses, so
-- the truth values are numbers, F = 0, U = 1 (unknown), T = 2, with Kleene's
-- and = min, or = max, not = 2 - x written inline; every fact is read once
-- a family, and a family outside the jurisdiction costs a few table reads.
local cjson = require "cjson"

local null, byte, format = cjson.null, string.byte, string.format

local F, U, T = 0, 1, 2

-- ------------------------------------------------------------ dates

-- "YYYY-MM-DD" as the integer YYYYMMDD: full years between two dates are then
-- (on - birth) // 10000, which is fuzhu's full_years (a 29 February birthday
-- falls on 1 March in common years). Dates as text compare in calendar order.
local function date_number(s)
  local a, b, c, d, _, e, f, _, g, h = byte(s, 1, 10)
  return a * 10000000 + b * 1000000 + c * 100000 + d * 10000 + e * 1000 + f * 100 + g * 10 + h - 533333328
end

-- 周岁 on `today` (YYYYMMDD) of a birth date fact; nil when unknown.
local function age(birth, today)
  if birth == nil or birth == null then return nil end
  return (today - date_number(birth)) // 10000
end

-- ------------------------------------------------------- jurisdiction

-- in_region of src/eval/jurisdiction.cpp: a unit ends after 省, 市, 区, 县 or
-- 旗; every unit of the jurisdiction must occur in the region, a province
-- only when the region names one.
local SUFFIXES = { "省", "市", "区", "县", "旗" }

local function units(text)
  local out, start, i, n = {}, 1, 1, #text
  while i <= n do
    local cut = false
    for _, s in ipairs(SUFFIXES) do
      if text:sub(i, i + #s - 1) == s then
        i, cut = i + #s, true
        break
      end
    end
    if cut then
      out[#out + 1] = text:sub(start, i - 1)
      start = i
    else
      i = i + 1
    end
  end
  if start <= n then out[#out + 1] = text:sub(start) end
  return out
end

local function ends_with(s, suffix) return #s >= #suffix and s:sub(-#suffix) == suffix end

local function is_province(unit) return ends_with(unit, "省") or ends_with(unit, "自治区") end

local function in_region(jurisdiction, region)
  local names_province = false
  for _, unit in ipairs(units(region)) do names_province = names_province or is_province(unit) end
  local any = false
  for _, unit in ipairs(units(jurisdiction)) do
    if not (is_province(unit) and not names_province) then
      if not region:find(unit, 1, true) then return false end
      any = true
    end
  end
  return any
end

-- A population repeats a handful of regions: answers[region] is T or F,
-- looked up inline; inside(region) fills it, and is U for an unknown region.
local function jurisdiction_of(jurisdiction)
  local answers, count = {}, 0
  local function inside(region)
    if type(region) ~= "string" then return U end
    if count >= 4096 then
      for k in pairs(answers) do answers[k] = nil end
      count = 0
    end
    local answer = in_region(jurisdiction, region) and T or F
    answers[region], count = answer, count + 1
    return answer
  end
  return answers, inside
end

-- ------------------------------------------------------------- counting

-- A household benefit (to household: no living check) decided g, fen a row.
local function household(s, g, fen)
  if g == T then
    s[1], s[2], s[3] = s[1] + 1, s[2] + 1, s[3] + fen
  elseif g == U then
    s[4] = s[4] + 1
  end
end

-- A benefit of n living recipients without `where`, each decided g.
local function each(s, g, n, fen)
  if n == 0 or g == F then return end
  if g == T then
    s[1], s[2], s[3] = s[1] + 1, s[2] + n, s[3] + fen * n
  else
    s[4] = s[4] + 1
  end
end

-- A benefit from its recipients' decisions (F for one not living), fen a row.
local function rows(s, fen, a, b, c)
  local n = (a == T and 1 or 0) + (b == T and 1 or 0) + (c == T and 1 or 0)
  if n > 0 then s[1], s[2], s[3] = s[1] + 1, s[2] + n, s[3] + fen * n end
  if a == U or b == U or c == U then s[4] = s[4] + 1 end
end

-- The truth of a boolean fact (true, false, missing or null).
local function flag(v)
  return v == true and T or v == false and F or U
end

-- ------------------------------------------------------- the families

local EMPTY = {}

-- The evaluation date, recomputed only when it changes: YYYYMMDD, text, year.
local as_of_y, as_of_m, as_of_d, today, today_text, this_year = 0, 0, 0, 0, "", 0

local function set_as_of(as_of)
  as_of_y, as_of_m, as_of_d = as_of[1], as_of[2], as_of[3]
  today = as_of_y * 10000 + as_of_m * 100 + as_of_d
  today_text, this_year = format("%04d-%02d-%02d", as_of_y, as_of_m, as_of_d), as_of_y
end

-- What every policy reads first, inline in each: the records (a required
-- one that is missing or null is empty; "father": null is no father),
-- check_facts (a birth date after as_of rejects the family: the text
-- comparison is the calendar's), then the date and the jurisdiction.

-- special_family (policies/facts.schema) =
--   (child.status = deceased or (child.status = disabled and
--    child.disability_grade <= 3)) and not family.other_child
local function special_family(status, grade, other_child)
  local deceased, disabled = U, U
  if status ~= nil then
    deceased, disabled = status == "deceased" and T or F, status == "disabled" and T or F
  end
  local severe = grade == nil and U or grade <= 3 and T or F
  local disabled_severe = disabled < severe and disabled or severe
  local either = deceased > disabled_severe and deceased or disabled_severe
  local not_other = 2 - other_child
  return either < not_other and either or not_other
end

-- ===================================================== Yiyang 益政办发〔2017〕26号

local yiyang_ids = {
  "special_allowance", "consolation_payment", "temporary_assistance", "medical_green_channel",
  "health_management", "family_doctor", "health_checkup", "rebirth_services", "medical_insurance_subsidy",
  "medical_assistance", "destitute_support", "end_of_life_care", "contact_person", "guardianship",
  "priority_adoption", "housing_support", "employment_support", "disabled_child_support",
  "income_disregard", "holiday_visits", "psychological_support", "comprehensive_insurance",
  "extra_insurance", "holiday_fund_support",
}

local yiyang_answers, yiyang_inside = jurisdiction_of("益阳市")
local YIYANG_FROM = 20170929  -- 七、自印发之日起施行

-- The opening of each policy's apply (date checks, jurisdiction) is written
-- out in both, not shared: a Lua call costs about as much as the whole of a
-- family registered elsewhere (~260 instructions a call, measured), and most
-- families of a population are.
local function yiyang(f, as_of, sums)
  if as_of[1] ~= as_of_y or as_of[2] ~= as_of_m or as_of[3] ~= as_of_d then set_as_of(as_of) end
  local child, mother, father = f.child, f.mother, f.father
  if child == nil or child == null then child = EMPTY end
  if mother == null then mother = nil end
  if father == null then father = nil end
  local birth = child.birth_date
  if birth ~= nil and birth ~= null and birth > today_text then return false end
  birth = mother and mother.birth_date
  if birth ~= nil and birth ~= null and birth > today_text then return false end
  birth = father and father.birth_date
  if birth ~= nil and birth ~= null and birth > today_text then return false end
  if today < YIYANG_FROM then return true end
  local household_ = f.household
  if household_ == nil or household_ == null then household_ = EMPTY end
  local region = household_.region
  local inside = yiyang_answers[region] or yiyang_inside(region)
  if inside == F then return true end

  local family = f.family
  if family == nil or family == null then family = EMPTY end
  local status = child.status
  if status == null then status = nil end
  local grade = child.disability_grade
  if grade == null then grade = nil end
  local sf = special_family(status, grade, flag(family.other_child))
  local g_sf = inside < sf and inside or sf  -- the condition behind the jurisdiction
  if g_sf == F then return true end  -- every benefit needs a 计生特困家庭

  local mother_age = mother and age(mother.birth_date, today)
  local father_age = father and age(father.birth_date, today)
  local m_living = mother ~= nil and mother.alive ~= false
  local f_living = father ~= nil and father.alive ~= false
  local c_living = child.alive ~= false and status ~= "deceased"
  local parents = (m_living and 1 or 0) + (f_living and 1 or 0)
  local members = parents + (c_living and 1 or 0)
  local m49 = mother_age == nil and U or mother_age >= 49 and T or F
  -- 扶助对象家庭 = 计生特困家庭 and age(mother) >= 49
  local g_r = g_sf < m49 and g_sf or m49
  local low_income = flag(household_.low_income)
  local g_r_low = g_r < low_income and g_r or low_income
  local deceased = status == nil and U or status == "deceased" and T or F
  local disabled = status == nil and U or status == "disabled" and T or F
  local g, w, m_row, f_row

  -- 一（一）特别扶助金 490 / 420 元 a month for each parent (the schedule's one
  -- row starts on the day the policy comes into force)
  each(sums[1], g_r, parents, status == "deceased" and 49000 or 42000)
  -- 一（二）一次性抚慰金, at least 5000 元, bereaved and in the year of the death
  local event = child.event_date
  local same_year = U
  if event ~= nil and event ~= null then same_year = date_number(event) // 10000 == this_year and T or F end
  g = g_r < deceased and g_r or deceased
  household(sums[2], g < same_year and g or same_year, 500000)
  -- 一（三）临时救助
  household(sums[3], g_sf, 0)
  -- 二（一）就医绿色通道
  each(sums[4], g_r, parents, 0)
  -- 二（一）健康管理, each member
  each(sums[5], g_sf, members, 0)
  -- 二（一）家庭医生签约服务, each parent of an 扶助对象家庭
  each(sums[6], g_r, parents, 0)
  -- 二（一）免费常规健康体检
  each(sums[7], g_r, parents, 0)
  -- 二（二）再生育技术服务
  w = flag(family.wants_another_child)
  household(sums[8], g_sf < w and g_sf or w, 0)
  -- 二（三）城乡居民医保个人缴费补贴, each parent insured as a resident
  m_row, f_row = F, F
  if m_living then
    w = mother.health_insurance
    w = (w == nil or w == null) and U or w == "resident" and T or F
    m_row = g_r_low < w and g_r_low or w
  end
  if f_living then
    w = father.health_insurance
    w = (w == nil or w == null) and U or w == "resident" and T or F
    f_row = g_r_low < w and g_r_low or w
  end
  rows(sums[9], 0, m_row, f_row)
  -- 二（三）医疗救助
  household(sums[10], g_r_low, 0)
  -- 三（一）特困人员救助供养, each parent 60 or older and destitute
  m_row, f_row = F, F
  if m_living and g_r ~= F then
    w = mother_age == nil and U or mother_age >= 60 and T or F
    m_row = g_r < w and g_r or w
    w = flag(mother.destitute)
    m_row = m_row < w and m_row or w
  end
  if f_living and g_r ~= F then
    w = father_age == nil and U or father_age >= 60 and T or F
    f_row = g_r < w and g_r or w
    w = flag(father.destitute)
    f_row = f_row < w and f_row or w
  end
  rows(sums[11], 0, m_row, f_row)
  -- 三（二）临终关怀和善后服务
  household(sums[12], g_r, 0)
  -- 四（一）联系人制度
  household(sums[13], g_sf, 0)
  -- 四（一）成年监护, each incapacitated parent
  m_row, f_row = F, F
  if m_living then
    w = flag(mother.incapacitated)
    m_row = g_r < w and g_r or w
  end
  if f_living then
    w = flag(father.incapacitated)
    f_row = g_r < w and g_r or w
  end
  rows(sums[14], 0, m_row, f_row)
  -- 四（二）优先收养
  w = flag(family.wants_to_adopt)
  household(sums[15], g_sf < w and g_sf or w, 0)
  -- 四（三）住房保障
  w = flag(household_.housing_hardship)
  household(sums[16], g_sf < w and g_sf or w, 0)
  -- 四（四）创业就业扶持
  household(sums[17], g_sf, 0)
  -- 四（五）残疾独生子女帮扶, to the child of a disabled_family
  each(sums[18], g_sf < disabled and g_sf or disabled, c_living and 1 or 0, 0)
  -- 四（六）特别扶助金不计入家庭收入
  household(sums[19], g_r, 0)
  -- 五（一）节日走访慰问
  household(sums[20], g_r, 0)
  -- 五（一）心理疏导, each member
  each(sums[21], g_sf, members, 0)
  -- 五（二）综合保险, each parent, yearly
  each(sums[22], g_r, parents, 0)
  -- 五（二）其他保险
  household(sums[23], g_sf, 0)
  -- 五（三）公益关怀基金慰问
  household(sums[24], g_sf, 0)
  return true
end

-- ================================================== Songjiang 沪松卫规〔2020〕2号

local songjiang_ids = {
  "special_allowance", "one_time_subsidy", "serious_illness_subsidy", "elderly_care_priority",
  "elderly_care_subsidy", "income_disregard", "care_insurance", "health_checkup", "medical_assistance",
  "rebirth_services", "family_doctor", "care_projects", "housing_support", "inheritance_green_channel",
  "priority_adoption", "disabled_child_support", "after_death_arrangement", "funeral_fee_reduction",
  "contact_person", "guardianship", "employment_priority",
}

local songjiang_answers, songjiang_inside = jurisdiction_of("上海市松江区")
local SONGJIANG_FROM = 20201201  -- in force from the document's date

-- 二（一）1 (沪卫规〔2019〕6号, from 2019-01-01, before the policy): the
-- special allowance of one parent by his or her own age (..59, 60..69,
-- 70..) behind its decision g: the row's decision and fen.
local function allowance(g, deceased, years)
  if g ~= T then return g, 0 end
  if years == nil then return U, 0 end
  if deceased then
    return T, years <= 59 and 82000 or years <= 69 and 87000 or 92000
  end
  return T, years <= 59 and 66000 or years <= 69 and 71000 or 76000
end

-- The child's age in full years on the accident (define age_at_accident):
-- the injury date of a disabled child when recorded, else the event date;
-- nil when unknown.
local function age_at_accident(child, status)
  local when = child.injury_date
  if when == nil or when == null then
    when = child.event_date
  elseif status == nil then
    return nil  -- `status = disabled and has(injury_date)` is unknown
  elseif status ~= "disabled" then
    when = child.event_date
  end
  local birth = child.birth_date
  if when == nil or when == null or birth == nil or birth == null then return nil end
  return (date_number(when) - date_number(birth)) // 10000
end

-- `where age(person) >= 60 and <w>` for one living parent, behind g.
local function sixty_and(g, years, w)
  local old = years == nil and U or years >= 60 and T or F
  local r = g < old and g or old
  return r < w and r or w
end

local function songjiang(f, as_of, sums)
  if as_of[1] ~= as_of_y or as_of[2] ~= as_of_m or as_of[3] ~= as_of_d then set_as_of(as_of) end
  local child, mother, father = f.child, f.mother, f.father
  if child == nil or child == null then child = EMPTY end
  if mother == null then mother = nil end
  if father == null then father = nil end
  local birth = child.birth_date
  if birth ~= nil and birth ~= null and birth > today_text then return false end
  birth = mother and mother.birth_date
  if birth ~= nil and birth ~= null and birth > today_text then return false end
  birth = father and father.birth_date
  if birth ~= nil and birth ~= null and birth > today_text then return false end
  if today < SONGJIANG_FROM then return true end
  local household_ = f.household
  if household_ == nil or household_ == null then household_ = EMPTY end
  local region = household_.region
  local inside = songjiang_answers[region] or songjiang_inside(region)
  if inside == F then return true end

  local family = f.family
  if family == nil or family == null then family = EMPTY end
  local status = child.status
  if status == null then status = nil end
  local other_child = flag(family.other_child)
  local wants_another = flag(family.wants_another_child)
  local glory = flag(family.glory_certificate)
  local g = inside < glory and inside or glory
  local w

  -- 二（一）2、3 一次性补助 3000 / 5000 元 for an accident before 16 (no other
  -- child and no wish for one) or at 16 or older
  if g ~= F then
    local cause = child.cause
    w = (cause == nil or cause == null) and U or cause == "accident" and T or F
    g = g < w and g or w
    w = status == nil and U or (status == "disabled" or status == "deceased") and T or F
    g = g < w and g or w
    local years = age_at_accident(child, status)
    if years == nil then
      w = U
    elseif years >= 16 then
      w = T
    else
      w = 2 - other_child
      local no_wish = 2 - wants_another
      w = w < no_wish and w or no_wish
    end
    household(sums[2], g < w and g or w, status == "deceased" and 500000 or 300000)
    g = inside < glory and inside or glory
  end
  -- 二（一）4 未婚独生子女大病重病一次性补助 3000 元
  if g ~= F then
    w = status == nil and U or status ~= "deceased" and T or F
    g = g < w and g or w
    w = 2 - flag(child.married)
    g = g < w and g or w
    w = flag(child.serious_illness)
    household(sums[3], g < w and g or w, 300000)
  end

  local grade = child.disability_grade
  if grade == null then grade = nil end
  local g_sf = special_family(status, grade, other_child)
  g_sf = inside < g_sf and inside or g_sf  -- the condition behind the jurisdiction
  if g_sf == F then return true end  -- every other benefit needs a special family

  local mother_age = mother and age(mother.birth_date, today)
  local father_age = father and age(father.birth_date, today)
  local m_living = mother ~= nil and mother.alive ~= false
  local f_living = father ~= nil and father.alive ~= false
  local c_living = child.alive ~= false and status ~= "deceased"
  local parents = (m_living and 1 or 0) + (f_living and 1 or 0)
  local past_49 = mother_age == nil and U or mother_age >= 49 and T or F  -- past_childbearing_age
  local g_ar = g_sf < past_49 and g_sf or past_49  -- assistance_recipients
  local deceased = status == nil and U or status == "deceased" and T or F
  local disabled = status == nil and U or status == "disabled" and T or F
  local g_bereaved = g_ar < deceased and g_ar or deceased  -- bereaved_family and past_childbearing_age
  local low_income = flag(household_.low_income)
  local g_ar_low = g_ar < low_income and g_ar or low_income
  local m_row, f_row, c_row, m_fen, f_fen

  -- 二（一）1 特别扶助金, each parent, tiered by the parent's own age
  m_row, f_row, m_fen, f_fen = F, F, 0, 0
  if m_living then m_row, m_fen = allowance(g_ar, status == "deceased", mother_age) end
  if f_living then f_row, f_fen = allowance(g_ar, status == "deceased", father_age) end
  rows(sums[1], 0, m_row, f_row)
  sums[1][3] = sums[1][3] + m_fen + f_fen
  -- 二（二）1 养老服务“五优先”, each parent 60 or older needing care
  m_row, f_row = F, F
  if m_living then m_row = sixty_and(g_ar, mother_age, flag(mother.needs_care)) end
  if f_living then f_row = sixty_and(g_ar, father_age, flag(father.needs_care)) end
  rows(sums[4], 0, m_row, f_row)
  -- 二（二）2 养老服务补贴, each parent 60 or older, self-care partial or none
  m_row, f_row = F, F
  if m_living then
    w = mother.self_care
    w = (w == nil or w == null) and U or (w == "partial" or w == "none") and T or F
    m_row = sixty_and(g_ar_low, mother_age, w)
  end
  if f_living then
    w = father.self_care
    w = (w == nil or w == null) and U or (w == "partial" or w == "none") and T or F
    f_row = sixty_and(g_ar_low, father_age, w)
  end
  rows(sums[5], 0, m_row, f_row)
  -- 二（二）3 特别扶助金不计入低保家庭收入
  household(sums[6], g_ar, 0)
  -- 二（二）4 计划生育关爱保险, each parent
  each(sums[7], g_ar, parents, 0)
  -- 二（二）5 免费健康体检, each parent of a bereaved family
  each(sums[8], g_bereaved, parents, 0)
  -- 二（三）1 城乡医疗救助
  household(sums[9], g_ar_low, 0)
  -- 二（三）2 再生育技术服务
  household(sums[10], g_sf < wants_another and g_sf or wants_another, 0)
  -- 二（三）3 家庭医生签约优先就诊转诊
  household(sums[11], g_ar, 0)
  -- 二（四）1 社会组织关爱项目
  household(sums[12], g_sf, 0)
  -- 二（四）2 住房保障
  w = flag(household_.housing_hardship)
  household(sums[13], g_ar < w and g_ar or w, 0)
  -- 二（四）3 房地产继承登记绿色通道
  household(sums[14], g_bereaved, 0)
  -- 二（四）4 优先收养登记
  w = flag(family.wants_to_adopt)
  household(sums[15], g_bereaved < w and g_bereaved or w, 0)
  -- 二（四）5 残疾独生子女帮扶, to the child of a disabled family
  each(sums[16], g_sf < disabled and g_sf or disabled, c_living and 1 or 0, 0)
  -- 二（四）6 身后事委托安排, each parent 60 or older or terminally ill
  m_row, f_row = F, F
  if m_living then
    w = mother_age == nil and U or mother_age >= 60 and T or F
    local ill = flag(mother.terminal_illness)
    w = w > ill and w or ill
    m_row = g_ar < w and g_ar or w
  end
  if f_living then
    w = father_age == nil and U or father_age >= 60 and T or F
    local ill = flag(father.terminal_illness)
    w = w > ill and w or ill
    f_row = g_ar < w and g_ar or w
  end
  rows(sums[17], 0, m_row, f_row)
  -- 二（四）6 殓殡服务费减免
  household(sums[18], g_sf, 0)
  -- 二（四）7 “双岗”联系人
  household(sums[19], g_sf, 0)
  -- 二（四）8 成年监护, each incapacitated member
  m_row, f_row, c_row = F, F, F
  if m_living then w = flag(mother.incapacitated); m_row = g_sf < w and g_sf or w end
  if f_living then w = flag(father.incapacitated); f_row = g_sf < w and g_sf or w end
  if c_living then w = flag(child.incapacitated); c_row = g_sf < w and g_sf or w end
  rows(sums[20], 0, m_row, f_row, c_row)
  -- 二（四）10 优先推荐就业, each member without work
  m_row, f_row, c_row = F, F, F
  if m_living then w = flag(mother.unemployed); m_row = g_sf < w and g_sf or w end
  if f_living then w = flag(father.unemployed); f_row = g_sf < w and g_sf or w end
  if c_living then w = flag(child.unemployed); c_row = g_sf < w and g_sf or w end
  rows(sums[21], 0, m_row, f_row, c_row)
  return true
end

return {
  yiyang = { ids = yiyang_ids, apply = yiyang },
  songjiang = { ids = songjiang_ids, apply = songjiang },
}
