// fuzhu-genpop: a synthetic population of families for `fuzhu simulate` and
// the benchmarks, the same for a seed on every machine.
//
//   fuzhu-genpop --seed 42 --count 1000000 [--format jsonl|csv] [--bad-per-mille N] > pop.jsonl
//
// std::mt19937_64 is specified to the bit by the standard; its
// distributions are not (libstdc++ and libc++ differ), so every draw below
// maps the engine's output itself.
#include <cstdint>
#include <cstdio>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fuzhu/value.hpp>

namespace {

// ------------------------------------------------------------ drawing

class Draw {
 public:
  explicit Draw(std::uint64_t seed) : engine_(seed) {}
  /// 0 ≤ r < n. The modulo bias is below n / 2⁶⁴: nil for these n.
  std::uint64_t below(std::uint64_t n) { return engine_() % n; }
  int between(int low, int high) { return low + static_cast<int>(below(static_cast<std::uint64_t>(high - low + 1))); }
  bool per_mille(int k) { return below(1000) < static_cast<std::uint64_t>(k); }
  /// An index drawn by weight.
  std::size_t weighted(std::initializer_list<int> weights) {
    int total = 0;
    for (int w : weights) total += w;
    int r = static_cast<int>(below(static_cast<std::uint64_t>(total)));
    std::size_t i = 0;
    for (int w : weights) {
      if (r < w) return i;
      r -= w;
      ++i;
    }
    return i - 1;
  }

 private:
  std::mt19937_64 engine_;
};

std::int64_t days(int y, int m, int d) { return fuzhu::Date{y, m, d}.days_since_epoch(); }
std::string date_text(std::int64_t day) { return fuzhu::Date::from_days(day).to_string(); }

// ------------------------------------------------------------ places

struct District {
  const char* region;
  const char* kind;  // city_district | county
};

struct City {
  int weight;
  std::vector<District> districts;
};

const std::vector<City>& cities() {
  static const std::vector<City> all = {
      {30, {{"湖南省益阳市赫山区", "city_district"}, {"湖南省益阳市资阳区", "city_district"},
            {"湖南省益阳市桃江县", "county"}, {"湖南省益阳市安化县", "county"}, {"湖南省益阳市南县", "county"},
            {"湖南省益阳市沅江市", "county"}}},
      {10, {{"山东省淄博市张店区", "city_district"}}},
      {20, {{"上海市松江区", "city_district"}}},
      {15, {{"陕西省安康市汉滨区", "city_district"}, {"陕西省安康市旬阳市", "county"},
            {"陕西省安康市石泉县", "county"}, {"陕西省安康市平利县", "county"}}},
      {25, {{"广东省佛山市禅城区", "city_district"}, {"广东省佛山市南海区", "city_district"},
            {"广东省佛山市顺德区", "city_district"}, {"广东省佛山市三水区", "city_district"},
            {"广东省佛山市高明区", "city_district"}}},
  };
  return all;
}

// ------------------------------------------------------------ a family

enum class Kind { text, raw };  // raw: a JSON number or true/false

struct Fact {
  std::string_view root, field;
  std::string value;
  Kind kind;
};

const char* const columns[] = {
    "household.region", "household.area", "household.district_kind", "household.low_income",
    "household.housing_hardship", "household.income_last_year", "family.other_child", "family.glory_certificate",
    "family.wants_another_child", "family.wants_to_adopt", "child.birth_date", "child.status", "child.event_date",
    "child.injury_date", "child.disability_grade", "child.cause", "child.married", "child.serious_illness",
    "mother.birth_date", "mother.employer", "mother.health_insurance", "mother.self_care", "mother.destitute",
    "mother.incapacitated", "father.birth_date", "father.alive", "father.employer", "father.health_insurance",
    "father.self_care", "father.destitute", "father.incapacitated"};

class FamilyMaker {
 public:
  explicit FamilyMaker(Draw& draw) : d_(draw) {}

  std::vector<Fact> make() {
    facts_.clear();
    household();
    family_and_child();
    return facts_;
  }

 private:
  Draw& d_;
  std::vector<Fact> facts_;
  std::int64_t mother_birth_ = 0;

  // A fact, left out now and then: real registers have gaps.
  void put(std::string_view root, std::string_view field, std::string value, Kind kind, int missing_per_mille = 20) {
    if (d_.per_mille(missing_per_mille)) return;
    facts_.push_back({root, field, std::move(value), kind});
  }
  void flag(std::string_view root, std::string_view field, int true_per_mille, int missing_per_mille = 20) {
    put(root, field, d_.per_mille(true_per_mille) ? "true" : "false", Kind::raw, missing_per_mille);
  }
  std::string pick(std::initializer_list<const char*> values, std::initializer_list<int> weights) {
    return values.begin()[d_.weighted(weights)];
  }

  void household() {
    const auto& city = cities()[d_.weighted({30, 10, 20, 15, 25})];
    const District& district = city.districts[d_.below(city.districts.size())];
    put("household", "region", district.region, Kind::text, 5);
    put("household", "area", pick({"urban", "rural"}, {55, 45}), Kind::text);
    put("household", "district_kind", district.kind, Kind::text, 10);
    flag("household", "low_income", 180);
    flag("household", "housing_hardship", 80);
    if (d_.per_mille(600)) {
      std::int64_t fen = static_cast<std::int64_t>(d_.below(8'000'000));
      put("household", "income_last_year", fen % 3 ? std::to_string(fen / 100) : fmt::format("{}.{:02}", fen / 100, fen % 100),
          Kind::raw, 0);
    }
  }

  // Mothers mostly born 1955–1985, peaking around 1970: the sum of two draws.
  void family_and_child() {
    mother_birth_ = days(1950, 1, 1) + d_.between(0, 20 * 365) + d_.between(0, 20 * 365);
    const int status = static_cast<int>(d_.weighted({40, 35, 25}));  // deceased, disabled, living
    const std::int64_t child_birth = std::min(mother_birth_ + d_.between(20 * 365, 34 * 365), days(2012, 12, 31));
    const std::int64_t last_event = days(2025, 12, 31);

    flag("family", "other_child", 70, 40);
    flag("family", "glory_certificate", 750);
    flag("family", "wants_another_child", 30);
    flag("family", "wants_to_adopt", 30);

    put("child", "birth_date", date_text(child_birth), Kind::text);
    put("child", "status", status == 0 ? "deceased" : status == 1 ? "disabled" : "living", Kind::text, 10);
    if (status != 2) {
      const std::int64_t event = child_birth + 365 + static_cast<std::int64_t>(d_.below(static_cast<std::uint64_t>(last_event - child_birth - 365)));
      put("child", "event_date", date_text(event), Kind::text);
      if (status == 1) {
        // The injury comes before the assessment, never before the birth.
        if (d_.per_mille(500)) {
          const int before = static_cast<int>(std::min<std::int64_t>(700, event - child_birth));
          put("child", "injury_date", date_text(event - d_.between(0, before)), Kind::text, 0);
        }
        put("child", "disability_grade", std::to_string(1 + d_.weighted({15, 25, 35, 25})), Kind::raw, 50);
      }
      put("child", "cause", pick({"accident", "illness", "other"}, {45, 45, 10}), Kind::text, 30);
    }
    if (status != 0) {
      flag("child", "married", 300);
      flag("child", "serious_illness", 100);
    }
    parent("mother", mother_birth_);
    if (d_.per_mille(900)) {
      parent("father", mother_birth_ + d_.between(-2 * 365, 5 * 365));
      if (d_.per_mille(60)) put("father", "alive", "false", Kind::raw, 0);
    }
  }

  void parent(std::string_view who, std::int64_t birth) {
    put(who, "birth_date", date_text(birth), Kind::text, 20);
    put(who, "employer", pick({"public", "private", "none"}, {25, 35, 40}), Kind::text, 50);
    put(who, "health_insurance", pick({"employee", "resident"}, {45, 55}), Kind::text, 50);
    put(who, "self_care", pick({"full", "partial", "none"}, {80, 15, 5}), Kind::text, 50);
    flag(who, "destitute", 30);
    flag(who, "incapacitated", 10);
  }
};

// ------------------------------------------------------------ writing

std::string jsonl(const std::vector<Fact>& facts) {
  std::string out = "{";
  std::string_view root;
  for (const auto& f : facts) {
    if (f.root != root) {
      if (!root.empty()) out += "},";
      out += fmt::format("\"{}\":{{", f.root);
      root = f.root;
    } else {
      out += ',';
    }
    out += f.kind == Kind::text ? fmt::format("\"{}\":\"{}\"", f.field, f.value) : fmt::format("\"{}\":{}", f.field, f.value);
  }
  if (!root.empty()) out += '}';
  return out + "}\n";
}

std::string csv(const std::vector<Fact>& facts) {
  constexpr std::size_t n = std::size(columns);
  std::vector<const std::string*> cells(n, nullptr);
  for (const auto& f : facts)
    for (std::size_t i = 0; i < n; ++i) {
      std::string_view column = columns[i];
      if (column.size() == f.root.size() + 1 + f.field.size() && column.substr(0, f.root.size()) == f.root &&
          column.substr(f.root.size() + 1) == f.field)
        cells[i] = &f.value;
    }
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0) out += ',';
    if (cells[i]) out += *cells[i];
  }
  return out + "\n";
}

// A line that must be rejected, of one of a few kinds.
std::string bad_line(Draw& d, bool as_csv) {
  switch (d.below(4)) {
    case 0: return as_csv ? "湖南省益阳市赫山区,urban\n" : "{\"household\": {\"region\": \"湖南省益阳市赫山区\"\n";
    case 1: return as_csv ? std::string(30, ',') + "lost\n" : "{\"child\": {\"status\": \"lost\"}}\n";
    case 2: return as_csv ? std::string(18, ',') + "2025-02-30" + std::string(12, ',') + "\n"
                          : "{\"mother\": {\"birth_date\": \"2025-02-30\"}}\n";
    default: return as_csv ? std::string(14, ',') + "7" + std::string(16, ',') + "\n" : "{\"child\": {\"disability_grade\": 7}}\n";
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"fuzhu-genpop: a synthetic population, one family a line"};
  std::uint64_t seed = 42, count = 1000;
  int bad_per_mille = 0;
  std::string format = "jsonl";
  app.add_option("--seed", seed, "the seed: the same seed gives the same file");
  app.add_option("--count", count, "how many families");
  app.add_option("--format", format, "jsonl or csv")->check(CLI::IsMember({"jsonl", "csv"}));
  app.add_option("--bad-per-mille", bad_per_mille, "about this many bad lines in a thousand")->check(CLI::Range(0, 1000));
  CLI11_PARSE(app, argc, argv);

  const bool as_csv = format == "csv";
  Draw draw(seed);
  FamilyMaker maker(draw);
  std::string buffer;
  if (as_csv) buffer = fmt::format("{}\n", fmt::join(std::begin(columns), std::end(columns), ","));
  for (std::uint64_t i = 0; i < count; ++i) {
    buffer += bad_per_mille > 0 && draw.per_mille(bad_per_mille) ? bad_line(draw, as_csv)
              : as_csv ? csv(maker.make()) : jsonl(maker.make());
    if (buffer.size() > (1 << 16)) {
      std::fwrite(buffer.data(), 1, buffer.size(), stdout);
      buffer.clear();
    }
  }
  std::fwrite(buffer.data(), 1, buffer.size(), stdout);
  return std::fflush(stdout) == 0 ? 0 : 1;
}
